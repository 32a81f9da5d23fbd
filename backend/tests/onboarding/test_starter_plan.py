"""The starter plan through the HTTP API: the seed's nine goals, its three personal action
items and one small item per required process (linked to its goal), a first sprint holding
them, the choice of items, and taking it twice."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import ApiUser, bearer_token, make_user

SetNow = Callable[[str], None]

PERSONAL = ["No regular smoking up", "Gym every day", "No junk food"]
FOR_GOALS = {
    # name: (key, goal title)
    "Solve a DSA problem": ("dsa", "DSA"),
    "Study core CS/ML/DL": ("fundamentals", "Strengthen core CS/ML/DL"),
    "Keep writing": ("writing", "Maintain a portfolio"),
    "Apply or reach out": ("applications", "Apply, assess companies and opportunities"),
}
REQUIRED = {goal for _, goal in FOR_GOALS.values()}


def take(client: TestClient, user: ApiUser, **body: Any) -> Any:
    r = client.post("/api/v1/starter-plan", json=body or None, headers=user.headers)
    assert r.status_code == 200, r.text
    return r.json()


def sign_in_again(client: TestClient, user: ApiUser) -> None:
    user.headers = {"Authorization": f"Bearer {bearer_token(client, user.email)}"}


def get(client: TestClient, user: ApiUser, url: str) -> Any:
    r = client.get(f"/api/v1{url}", headers=user.headers)
    assert r.status_code == 200, r.text
    return r.json()


def test_starter_plan_creates_the_seed_once(client: TestClient, set_now: SetNow) -> None:
    set_now("2026-11-27T06:00:00Z")  # a Friday
    user = make_user(client, timezone="Asia/Kolkata")
    assert get(client, user, "/me")["onboarded"] is False
    plan = take(client, user)
    assert plan["created"] is True
    goals = get(client, user, "/goals")
    assert goals["total"] == 9
    by_title = {g["title"]: g for g in goals["items"]}
    assert by_title["Contribute to open source"]["enthusiasm"] == "cool"
    assert by_title["Contribute to open source"]["area"] == "open_source"
    assert by_title["Write paper explanations and blogs"]["enthusiasm"] == "meh"
    assert {t for t, g in by_title.items() if g["importance"] == "required"} == REQUIRED
    assert "as deep as possible" in by_title["Maintain a portfolio"]["description"]

    habits = get(client, user, "/habits")["items"]
    assert [h["name"] for h in habits] == PERSONAL + list(FOR_GOALS)
    assert [h["id"] for h in habits] == plan["habit_ids"]
    by_name = {h["name"]: h for h in habits}
    # The seed's three are as they were: daily yes/no items for no goal.
    for name in PERSONAL:
        assert by_name[name]["goal_id"] is None
        assert by_name[name]["schedule"] == {"type": "daily"}
    # Each required process has its small item, linked to it.
    for name, (_, goal) in FOR_GOALS.items():
        assert by_name[name]["goal_id"] == by_title[goal]["id"], name
    assert by_name["Solve a DSA problem"]["schedule"] == {
        "type": "weekdays",
        "days": [1, 2, 3, 4, 5],
    }
    study = by_name["Study core CS/ML/DL"]
    assert (study["kind"], study["target_value"], study["unit"], study["target_type"]) == (
        "numeric",
        30,
        "min",
        "at_least",
    )
    assert by_name["Keep writing"]["schedule"] == {"type": "times_per_week", "times": 2}
    assert by_name["Apply or reach out"]["schedule"] == {"type": "times_per_week", "times": 1}
    assert all(h["start_date"] == "2026-11-27" for h in habits)

    sprint = get(client, user, "/sprints/current")
    assert sprint["id"] == plan["sprint_id"] and sprint["target_rate"] == 0.75
    assert (sprint["start_date"], sprint["end_date"]) == ("2026-11-27", "2026-12-10")
    assert sprint["habit_ids"] == [h["id"] for h in habits]
    assert sorted(sprint["goal_ids"]) == sorted(by_title[t]["id"] for t in REQUIRED)
    # Each goal shows the item that serves it.
    dsa = get(client, user, f"/goals/{by_title['DSA']['id']}")
    assert [h["name"] for h in dsa["habits"]] == ["Solve a DSA problem"]
    assert get(client, user, "/me")["onboarded"] is True

    again = take(client, user)
    assert again["created"] is False and again["sprint_id"] == plan["sprint_id"]
    assert again["habit_ids"] == plan["habit_ids"]
    assert get(client, user, "/goals")["total"] == 9
    assert get(client, user, "/habits")["total"] == 7
    assert get(client, user, "/sprints")["total"] == 1


def test_skipping_onboarding(client: TestClient) -> None:
    user = make_user(client)
    r = client.patch("/api/v1/me", json={"onboarded": True}, headers=user.headers)
    assert r.status_code == 200 and r.json()["onboarded"] is True


def test_starter_plan_preview_matches_what_it_creates(client: TestClient, set_now: SetNow) -> None:
    set_now("2026-11-27T20:00:00Z")  # already Saturday the 28th in Kolkata
    user = make_user(client, timezone="Asia/Kolkata")
    preview = get(client, user, "/starter-plan")
    assert preview["taken"] is False
    assert len(preview["goals"]) == 9
    assert preview["sprint"]["start_date"] == "2026-11-28"
    assert preview["sprint"]["end_date"] == "2026-12-11"
    assert preview["sprint"]["required_days"] == 11
    items = {i["key"]: i for i in preview["action_items"]}
    assert [i["name"] for i in preview["action_items"]] == PERSONAL + list(FOR_GOALS)
    assert {i["name"]: (i["key"], i["goal"]) for i in preview["action_items"] if i["goal"]} == (
        FOR_GOALS
    )
    # What the first sprint asks of each item, in the board's numbers: 14 days from a Saturday
    # hold 10 weekdays and three ISO-week parts (Sat–Sun, a full week, Mon–Fri).
    assert (items["gym"]["required"], items["gym"]["out_of"]) == (11, 14)
    assert (items["dsa"]["required"], items["dsa"]["out_of"]) == (8, 10)
    assert (items["writing"]["required"], items["writing"]["out_of"]) == (5, 6)
    assert (items["applications"]["required"], items["applications"]["out_of"]) == (3, 3)
    assert items["fundamentals"]["kind"] == "numeric"
    assert (items["fundamentals"]["target_value"], items["fundamentals"]["unit"]) == (30, "min")

    take(client, user)
    goals = get(client, user, "/goals")["items"]
    assert [g["title"] for g in goals] == [g["title"] for g in preview["goals"]]
    assert [(g["area"], g["importance"], g["enthusiasm"]) for g in goals] == [
        (g["area"], g["importance"], g["enthusiasm"]) for g in preview["goals"]
    ]
    habits = get(client, user, "/habits")["items"]
    assert [(h["name"], h["schedule"], h["kind"], h["description"]) for h in habits] == [
        (i["name"], i["schedule"], i["kind"], i["description"]) for i in preview["action_items"]
    ]
    sprint = get(client, user, "/sprints/current")
    assert (sprint["start_date"], sprint["end_date"]) == ("2026-11-28", "2026-12-11")
    board = get(client, user, f"/sprints/{sprint['id']}/scoreboard")
    assert [(i["name"], i["required"]) for i in board["habits"]] == [
        (i["name"], i["required"]) for i in preview["action_items"]
    ]
    assert get(client, user, "/starter-plan")["taken"] is True


def test_the_user_leaves_items_out(client: TestClient, set_now: SetNow) -> None:
    set_now("2026-11-27T06:00:00Z")
    user = make_user(client)
    plan = take(client, user, skip=["smoking", "writing"])
    habits = get(client, user, "/habits")["items"]
    names = [h["name"] for h in habits]
    assert names == [
        "Gym every day",
        "No junk food",
        "Solve a DSA problem",
        "Study core CS/ML/DL",
        "Apply or reach out",
    ]
    assert plan["habit_ids"] == [h["id"] for h in habits]
    sprint = get(client, user, f"/sprints/{plan['sprint_id']}")
    assert sprint["habit_ids"] == plan["habit_ids"]
    # The goal is still made (it is the process); only its daily item was left out.
    assert get(client, user, "/goals")["total"] == 9

    # Taken again with the same choice: nothing new.
    again = take(client, user, skip=["smoking", "writing"])
    assert again["created"] is False and again["habit_ids"] == plan["habit_ids"]
    # Taken again with writing in: only writing is added, and it joins the running sprint.
    more = take(client, user, skip=["smoking"])
    assert more["created"] is True and more["sprint_id"] == plan["sprint_id"]
    habits = get(client, user, "/habits")["items"]
    assert [h["name"] for h in habits] == [*names, "Keep writing"]
    sprint = get(client, user, f"/sprints/{plan['sprint_id']}")
    assert sprint["habit_ids"] == [h["id"] for h in habits]
    assert get(client, user, "/sprints")["total"] == 1


def test_an_empty_choice_or_no_body_takes_every_item(client: TestClient) -> None:
    a, b = make_user(client), make_user(client)
    assert len(take(client, a)["habit_ids"]) == 7
    assert len(take(client, b, skip=[])["habit_ids"]) == 7


@pytest.mark.parametrize(
    "body",
    [
        {"skip": ["smoking", "chess"]},
        {"skip": "smoking"},
        {"skip": [1]},
        {"skip": ["gym"] * 21},
        {"include": ["gym"]},
    ],
)
def test_a_bad_choice_is_a_422_and_changes_nothing(client: TestClient, body: Any) -> None:
    user = make_user(client)
    r = client.post("/api/v1/starter-plan", json=body, headers=user.headers)
    assert r.status_code == 422, r.text
    assert get(client, user, "/habits")["total"] == 0
    assert get(client, user, "/goals")["total"] == 0
    assert get(client, user, "/me")["onboarded"] is False


def test_every_item_can_be_left_out(client: TestClient) -> None:
    user = make_user(client)
    keys = [i["key"] for i in get(client, user, "/starter-plan")["action_items"]]
    assert len(keys) == len(set(keys)) == 7
    plan = take(client, user, skip=keys)
    assert plan["habit_ids"] == [] and plan["created"] is True
    assert get(client, user, f"/sprints/{plan['sprint_id']}")["habit_ids"] == []
    assert get(client, user, "/goals")["total"] == 9


def test_starter_plan_after_skipping_or_deleting_adds_only_whats_missing(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2026-11-27T06:00:00Z")
    user = make_user(client)
    client.patch("/api/v1/me", json={"onboarded": True}, headers=user.headers)
    first = take(client, user)
    assert first["created"] is True
    dsa = next(g for g in get(client, user, "/goals")["items"] if g["title"] == "DSA")
    client.delete(f"/api/v1/goals/{dsa['id']}", headers=user.headers)
    again = take(client, user)
    assert again["created"] is True and again["sprint_id"] == first["sprint_id"]
    assert get(client, user, "/goals")["total"] == 9
    assert get(client, user, "/habits")["total"] == 7
    assert get(client, user, "/sprints")["total"] == 1


def test_items_added_after_the_first_sprint_ended_stay_out_of_it(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2026-11-01T06:00:00Z")
    user = make_user(client)
    first = take(client, user, skip=["dsa"])
    set_now("2026-11-27T06:00:00Z")
    sign_in_again(client, user)  # the first token expired meanwhile
    later = take(client, user)
    assert later["created"] is True and later["sprint_id"] == first["sprint_id"]
    assert len(later["habit_ids"]) == 7
    sprint = get(client, user, f"/sprints/{first['sprint_id']}")
    assert sprint["habit_ids"] == first["habit_ids"]


def test_goals_just_made_are_not_left_alone_yet(client: TestClient, set_now: SetNow) -> None:
    """Day 1 of the plan: Home lists no goal as "left alone for 14 days"; two weeks on, the
    goals nothing moved are listed, and a goal whose item was checked in is not."""
    set_now("2026-11-16T03:00:00Z")  # 08:30 in Kolkata
    user = make_user(client, timezone="Asia/Kolkata")
    plan = take(client, user)
    assert get(client, user, "/home")["idle_goals"] == []
    set_now("2026-11-29T03:00:00Z")  # the 14th day, the plan's first among them
    sign_in_again(client, user)  # the first token expired meanwhile
    dsa_item = next(h for h in get(client, user, "/habits")["items"] if h["goal_id"])
    assert dsa_item["name"] == "Solve a DSA problem"
    r = client.put(
        f"/api/v1/habits/{dsa_item['id']}/check-ins/2026-11-27",
        json={"status": "done"},
        headers=user.headers,
    )
    assert r.status_code == 200, r.text
    idle = [g["title"] for g in get(client, user, "/home")["idle_goals"]]
    assert len(idle) == 8 and "DSA" not in idle
    assert len(plan["goal_ids"]) == 9
