"""Every response carries the Content-Security-Policy and the Permissions-Policy: HTML pages,
JSON answers (errors included) and the admin, whose policy alone allows inline code."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_strict(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/", "text/html"),
        ("/tim-kiem/?q=my", "text/html"),
        ("/api/v1/products", "application/json"),
        ("/api/v1/products?year=abc", "application/json"),  # a 422
        ("/api/v1/products/abc", "application/json"),  # no route: the API's JSON 404
        ("/api/v1/docs", "text/html"),
        ("/api/v1/openapi.json", "application/json"),
    ],
)
def test_site_and_api_answer_with_the_strict_policy(client, catalog, url, content_type):
    response = client.get(url)
    assert response["Content-Type"].startswith(content_type), response.status_code
    assert_strict(response)


def test_an_unrouted_api_path_is_a_json_404_not_the_sites_page(client):
    response = client.get("/api/v1/products/null,null")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such endpoint."}


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/{pk}/edit/"])
def test_only_the_admin_allows_inline_scripts_and_styles(client, admin_user, catalog, url):
    client.force_login(admin_user)
    response = client.get(url.format(pk=catalog["products"]["my_chu"].pk))
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert "camera=()" in response.headers["Permissions-Policy"]
