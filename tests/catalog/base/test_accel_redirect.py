"""The nginx sendfile backend: the app names the file, nginx sends it (the whole path through
nginx is tests/catalog/test_deploy.py; this is the header itself)."""

from pathlib import Path

from django.conf import settings
from django.test import RequestFactory, override_settings

from catalog.base import accel_redirect


@override_settings(MEDIA_ACCEL_REDIRECT_URL="/internal-media/")
def test_the_answer_names_the_file_under_the_internal_location():
    path = Path(settings.MEDIA_ROOT) / "images" / "mỳ chũ.fill-120x90.jpg"
    response = accel_redirect.sendfile(RequestFactory().get("/"), str(path))
    assert (
        response["X-Accel-Redirect"]
        == "/internal-media/images/m%E1%BB%B3%20ch%C5%A9.fill-120x90.jpg"
    )
    assert response.content == b""
