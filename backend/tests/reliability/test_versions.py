"""Two tabs editing one thing: ETag on reads and writes, and a stale If-Match is a 412."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from kaizen.schemas import MAX_ID
from tests.factories import ApiUser, make_user


def _create(client: TestClient, user: ApiUser, kind: str) -> tuple[str, dict[str, object]]:
    """The URL of a fresh resource of ``kind`` and a harmless change to it."""
    if kind == "key-result":
        goal = client.post("/api/v1/goals", json={"title": "G"}, headers=user.headers).json()
        base = f"/api/v1/goals/{goal['id']}/key-results"
        kr = client.post(base, json={"title": "KR", "target_value": 5}, headers=user.headers)
        return f"{base}/{kr.json()['id']}", {"title": "Renamed"}
    path, body, change = {
        "sprint": ("/api/v1/sprints", {"title": "S"}, {"title": "Renamed"}),
        "goal": ("/api/v1/goals", {"title": "G"}, {"title": "Renamed"}),
        "habit": ("/api/v1/habits", {"name": "H"}, {"name": "Renamed"}),
        "portfolio": ("/api/v1/portfolio-entries", {"title": "P"}, {"title": "Renamed"}),
    }[kind]
    created = client.post(path, json=body, headers=user.headers)
    assert created.status_code == 201, created.text
    return f"{path}/{created.json()['id']}", change


@pytest.mark.parametrize("kind", ["sprint", "goal", "habit", "key-result", "portfolio"])
def test_a_stale_if_match_is_412_and_changes_nothing(client: TestClient, kind: str) -> None:
    user = make_user(client)
    url, change = _create(client, user, kind)
    loaded = client.get(url, headers=user.headers) if kind != "key-result" else None
    first_tag = (
        loaded.headers["ETag"]
        if loaded is not None
        else client.patch(url, json={}, headers=user.headers).headers["ETag"]
    )

    # Tab 1 saves, with the version it loaded: fine, and the version moves on.
    saved = client.patch(url, json=change, headers={**user.headers, "If-Match": first_tag})
    assert saved.status_code == 200, saved.text
    assert saved.headers["ETag"] != first_tag
    # Tab 2 still holds the first version: refused, and nothing changes.
    stale = client.patch(
        url, json={next(iter(change)): "Overwrite"}, headers={**user.headers, "If-Match": first_tag}
    )
    assert stale.status_code == 412
    assert "reload" in stale.json()["detail"]
    stale_delete = client.delete(url, headers={**user.headers, "If-Match": first_tag})
    assert stale_delete.status_code == 412
    # Without If-Match a client keeps today's behaviour.
    assert client.patch(url, json=change, headers=user.headers).status_code == 200


def test_changing_only_a_sprints_items_moves_its_version(client: TestClient) -> None:
    user = make_user(client)
    habit = client.post("/api/v1/habits", json={"name": "H"}, headers=user.headers).json()
    sprint = client.post("/api/v1/sprints", json={"title": "S"}, headers=user.headers).json()
    url = f"/api/v1/sprints/{sprint['id']}"
    tag = client.get(url, headers=user.headers).headers["ETag"]
    r = client.patch(
        url, json={"habit_ids": [habit["id"]]}, headers={**user.headers, "If-Match": tag}
    )
    assert r.status_code == 200
    r = client.patch(url, json={"habit_ids": []}, headers={**user.headers, "If-Match": tag})
    assert r.status_code == 412
    assert client.get(url, headers=user.headers).json()["habit_ids"] == [habit["id"]]


def test_the_contract_names_if_match_and_412(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/sprints/{sprint_id}"]
    assert "412" in operation["patch"]["responses"]
    assert any(p["name"] == "If-Match" for p in operation["patch"]["parameters"])
    assert "ETag" in operation["get"]["responses"]["200"]["headers"]


def test_a_parent_with_the_same_id_is_not_the_version_checked(
    client: TestClient, engine: Engine
) -> None:
    """``/goals/N/key-results/N``: the If-Match is the key result's version, not the goal's
    (a fresh install's first goal and first key result both have id 1)."""
    user = make_user(client)
    same = MAX_ID - 1  # an id neither table's sequence reaches
    goal = client.post("/api/v1/goals", json={"title": "G"}, headers=user.headers).json()
    with engine.begin() as conn:
        conn.execute(text("UPDATE goals SET id = :same WHERE id = :id"), {"same": same, **goal})
    kr = client.post(
        f"/api/v1/goals/{same}/key-results",
        json={"title": "KR", "target_value": 5},
        headers=user.headers,
    ).json()
    with engine.begin() as conn:
        conn.execute(text("UPDATE key_results SET id = :same WHERE id = :id"), {"same": same, **kr})
    url = f"/api/v1/goals/{same}/key-results/{same}"
    goal_tag = client.get(f"/api/v1/goals/{same}", headers=user.headers).headers["ETag"]
    tag = client.patch(url, json={}, headers=user.headers).headers["ETag"]

    saved = client.patch(url, json={"title": "Renamed"}, headers={**user.headers, "If-Match": tag})
    assert saved.status_code == 200, saved.text
    assert saved.json()["id"] == same
    stale = client.patch(url, json={"title": "Again"}, headers={**user.headers, "If-Match": tag})
    assert stale.status_code == 412
    # The goal's version did not move with its key result's.
    goal_now = client.get(f"/api/v1/goals/{same}", headers=user.headers)
    assert goal_now.headers["ETag"] == goal_tag
    # And the goal's own tag is not accepted for the key result.
    wrong = client.patch(url, json={"title": "X"}, headers={**user.headers, "If-Match": goal_tag})
    assert wrong.status_code == 412
