"""The board's search takes LIKE's wildcards and the escape character as plain text."""

from fastapi.testclient import TestClient

from tests.factories import create_application, create_organization, make_user

API = "/api/v1"


def test_search_matches_wildcards_and_slashes_literally(client: TestClient) -> None:
    user = make_user(client)
    org = int(str(create_organization(client, user, name="Acme 50%_off")["id"]))
    create_application(client, user, organization_id=org, role="ML / 100% remote_role")
    plain = int(str(create_organization(client, user, name="Plain")["id"]))
    create_application(client, user, organization_id=plain, role="ML 1000 remote role")

    def roles(q: str) -> list[str]:
        r = client.get(f"{API}/applications", params={"q": q}, headers=user.headers)
        assert r.status_code == 200, r.text
        assert r.json()["total"] == len(r.json()["items"])
        return [item["role"] for item in r.json()["items"]]

    assert roles("100%") == ["ML / 100% remote_role"]
    assert roles("e_r") == ["ML / 100% remote_role"]
    assert roles("ml / ") == ["ML / 100% remote_role"]
    assert roles("50%_") == ["ML / 100% remote_role"]  # the organization's name
    assert roles("//") == []
    assert sorted(roles("remote")) == ["ML / 100% remote_role", "ML 1000 remote role"]
