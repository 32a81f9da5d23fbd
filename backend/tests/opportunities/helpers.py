from fastapi.testclient import TestClient

from tests.factories import ApiUser, make_user


def long_lived_user(client: TestClient, *, timezone: str = "UTC") -> ApiUser:
    """A user with a personal token that never expires, for tests that move the clock."""
    user = make_user(client, timezone=timezone)
    r = client.post("/api/v1/tokens", json={"name": "tests"}, headers=user.headers)
    assert r.status_code == 201, r.text
    user.headers = {"Authorization": f"Bearer {r.json()['token']}"}
    return user
