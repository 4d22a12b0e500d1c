"""The public search API as the contract tests call it."""


def api(client, **params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(body):
    return [r["title"] for r in body["results"]]
