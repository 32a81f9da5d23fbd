"""/docs' Authorize takes a pasted personal token: a bearer scheme beside the password flow."""

from fastapi.testclient import TestClient

from tests.factories import make_user


def test_openapi_offers_a_bearer_scheme_for_pasted_tokens(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    schemes = doc["components"]["securitySchemes"]
    assert schemes["PersonalToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "Paste a personal API token (Settings → API tokens), e.g. kz_…",
    }
    assert "OAuth2PasswordBearer" in schemes
    me = doc["paths"]["/api/v1/me"]["get"]["security"]
    assert {"PersonalToken": []} in me and {"OAuth2PasswordBearer": []} in me


def test_a_personal_token_works_and_a_bad_one_is_401(client: TestClient) -> None:
    user = make_user(client)
    token = client.post("/api/v1/tokens", json={"name": "docs"}, headers=user.headers).json()
    ok = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token['token']}"})
    assert ok.status_code == 200
    bad = client.get("/api/v1/me", headers={"Authorization": "Bearer kz_nope"})
    assert bad.status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Basic abc"}).status_code == 401
