from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kaizen.limits import MAX_UPLOAD
from tests.factories import ApiUser, check_in, create_habit, create_sprint, make_user
from tests.portability.loopfiles import csv_zip, sqlite_db

NOW = "2026-11-30T12:00:00Z"
D1, D2, D3, D4 = date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)
ZIP = {"Content-Type": "application/zip"}
DB = {"Content-Type": "application/vnd.sqlite3"}


@pytest.fixture(autouse=True)
def _now(set_now: Any) -> None:
    set_now(NOW)


def _import(client: TestClient, user: ApiUser, data: bytes, headers: dict[str, str], **params: Any):
    return client.post(
        "/api/v1/import/loop", content=data, headers={**user.headers, **headers}, params=params
    )


def _habits(client: TestClient, user: ApiUser) -> dict[str, dict[str, Any]]:
    items = client.get("/api/v1/habits", headers=user.headers).json()["items"]
    return {h["name"]: h for h in items}


def _check_ins(client: TestClient, user: ApiUser, habit_id: int) -> list[dict[str, Any]]:
    response = client.get(
        f"/api/v1/habits/{habit_id}/check-ins",
        params={"from": "2026-01-01", "to": "2026-11-30"},
        headers=user.headers,
    )
    assert response.status_code == 200, response.text
    return response.json()["items"]


SAMPLE = [
    {
        "name": "Meditate",
        "question": "Did you meditate?",
        "entries": [
            (D1, "YES_MANUAL", "calm"),
            (D2, "NO", ""),
            (D3, "SKIP", "travel"),
            (D4, "YES_AUTO", ""),
            (date(2026, 11, 5), "UNKNOWN", ""),
        ],
    },
    {
        "name": "Run",
        "numeric": True,
        "unit": "km",
        "target": 5.0,
        "num": 3,
        "den": 7,
        "entries": [(D1, "6.5", "fast"), (D2, "2.0", "")],
    },
    {"name": "Call home", "num": 1, "den": 2, "entries": []},
]


def test_csv_zip_maps_statuses_values_notes_and_schedules(client: TestClient) -> None:
    user = make_user(client)
    response = _import(client, user, csv_zip(SAMPLE), ZIP)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created"] == {"habits": 3, "check_ins": 5}
    assert body["updated"] == {"habits": 0, "check_ins": 0}
    assert body["ignored"] == {"auto": 1, "unknown": 1, "out_of_range": 0}
    assert body["converted"] == [
        {"habit": "Call home", "from": "1 time in 2 days", "to": "4 times a week"}
    ]
    habits = _habits(client, user)
    meditate, run = habits["Meditate"], habits["Run"]
    assert meditate["description"] == "Did you meditate?"
    assert meditate["schedule"] == {"type": "daily"}
    assert meditate["start_date"] == "2026-11-01"
    assert run["kind"] == "numeric" and run["unit"] == "km" and run["target_value"] == 5.0
    assert run["schedule"] == {"type": "times_per_week", "times": 3}
    assert habits["Call home"]["schedule"] == {"type": "times_per_week", "times": 4}
    rows = [(c["date"], c["status"], c["note"]) for c in _check_ins(client, user, meditate["id"])]
    assert rows == [
        ("2026-11-01", "done", "calm"),
        ("2026-11-02", "missed", ""),
        ("2026-11-03", "skipped", "travel"),
    ]
    runs = [(c["date"], c["status"], c["value"]) for c in _check_ins(client, user, run["id"])]
    assert runs == [("2026-11-01", "done", 6.5), ("2026-11-02", "missed", 2.0)]


def test_backup_database_scales_numeric_values_and_keeps_notes(client: TestClient) -> None:
    user = make_user(client)
    data = sqlite_db(
        [
            {"name": "Read", "entries": [(D1, 2, "ch. 3"), (D2, 0, ""), (D3, -3, ""), (D4, 1, "")]},
            {
                "name": "Water",
                "numeric": True,
                "unit": "l",
                "target": 2.0,
                "target_type": "AT_MOST",
                "entries": [(D1, 1500, ""), (D2, 2500, "hot")],
            },
        ]
    )
    response = _import(client, user, data, DB)
    assert response.status_code == 200, response.text
    assert response.json()["created"] == {"habits": 2, "check_ins": 5}
    habits = _habits(client, user)
    reads = [
        (c["date"], c["status"], c["note"]) for c in _check_ins(client, user, habits["Read"]["id"])
    ]
    assert reads == [
        ("2026-11-01", "done", "ch. 3"),
        ("2026-11-02", "missed", ""),
        ("2026-11-03", "skipped", ""),
    ]
    water = habits["Water"]
    assert water["target_type"] == "at_most"
    values = [(c["status"], c["value"], c["note"]) for c in _check_ins(client, user, water["id"])]
    assert values == [("done", 1.5, ""), ("missed", 2.5, "hot")]


def test_older_backup_schema_and_multipart_upload(client: TestClient) -> None:
    user = make_user(client)
    data = sqlite_db(
        [{"name": "Floss", "num": 2, "den": 3, "entries": [(D1, 2, ""), (D3, 2, "")]}], old=True
    )
    response = client.post(
        "/api/v1/import/loop",
        files={"file": ("Loop Habits Backup.db", data, "application/octet-stream")},
        headers=user.headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created"] == {"habits": 1, "check_ins": 2}
    assert body["converted"] == [
        {"habit": "Floss", "from": "2 times in 3 days", "to": "5 times a week"}
    ]


def test_reimport_updates_instead_of_duplicating(client: TestClient) -> None:
    user = make_user(client)
    assert _import(client, user, csv_zip(SAMPLE), ZIP).status_code == 200
    changed = [{**SAMPLE[0], "entries": [(D1, "NO", "changed my mind"), (D4, "YES_MANUAL", "")]}]
    response = _import(client, user, csv_zip(changed), ZIP)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created"] == {"habits": 0, "check_ins": 1}
    assert body["updated"] == {"habits": 1, "check_ins": 1}
    habits = _habits(client, user)
    assert len(habits) == 3
    rows = {
        c["date"]: (c["status"], c["note"])
        for c in _check_ins(client, user, habits["Meditate"]["id"])
    }
    assert rows["2026-11-01"] == ("missed", "changed my mind")
    assert rows["2026-11-04"] == ("done", "")
    assert len(rows) == 4


def test_import_matches_an_existing_habit_by_name(client: TestClient) -> None:
    user = make_user(client)
    habit = create_habit(client, user, name="Meditate", start_date="2026-11-02")
    check_in(client, user, habit["id"], "2026-11-02", "done", note="mine")
    response = _import(client, user, csv_zip(SAMPLE[:1]), ZIP)
    assert response.json()["updated"] == {"habits": 1, "check_ins": 1}
    habits = _habits(client, user)
    assert habits["Meditate"]["id"] == habit["id"]
    assert habits["Meditate"]["start_date"] == "2026-11-01"


def test_dry_run_reports_and_writes_nothing(client: TestClient) -> None:
    user = make_user(client)
    response = _import(client, user, csv_zip(SAMPLE), ZIP, dry_run="true")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["dry_run"] is True
    assert body["created"] == {"habits": 3, "check_ins": 5}
    assert _habits(client, user) == {}


@pytest.mark.parametrize(
    ("data", "headers", "status", "message"),
    [
        (b"hello", ZIP, 422, "not a Loop export"),
        (b"PK\x03\x04broken", ZIP, 422, "not a zip"),
        (b"SQLite format 3\x00" + b"\x00" * 100, DB, 422, "Cannot read"),
        (b"{}", {"Content-Type": "application/json"}, 415, "application/zip"),
    ],
)
def test_malformed_files_are_clear_errors(
    client: TestClient, data: bytes, headers: dict[str, str], status: int, message: str
) -> None:
    user = make_user(client)
    response = _import(client, user, data, headers)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert message in (detail[0]["msg"] if status == 422 else detail)


def test_a_bad_habit_deep_in_the_file_creates_nothing(client: TestClient) -> None:
    user = make_user(client)
    bad = [*SAMPLE, {"name": "Broken", "entries": [(D1, "MAYBE", "")]}]
    response = _import(client, user, csv_zip(bad), ZIP)
    assert response.status_code == 422, response.text
    assert "MAYBE" in response.json()["detail"][0]["msg"]
    assert _habits(client, user) == {}


def test_zip_without_habits_csv(client: TestClient) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hi")
    user = make_user(client)
    response = _import(client, user, buffer.getvalue(), ZIP)
    assert response.status_code == 422
    assert "Habits.csv" in response.json()["detail"][0]["msg"]


def test_too_large_is_413(client: TestClient) -> None:
    user = make_user(client)
    response = _import(client, user, b"PK" + b"\x00" * (MAX_UPLOAD + 1), ZIP)
    assert response.status_code == 413
    assert "larger than 50 MB" in response.json()["detail"]

    def chunks():  # no Content-Length: the cap counts what arrives
        for _ in range(MAX_UPLOAD // (1024 * 1024) + 1):
            yield b"\x00" * (1024 * 1024)

    response = _import(client, user, chunks(), ZIP)
    assert response.status_code == 413
    assert "larger than 50 MB" in response.json()["detail"]
    assert _habits(client, user) == {}


def test_other_users_habits_are_untouched(client: TestClient) -> None:
    alice, bob = make_user(client), make_user(client)
    create_habit(client, bob, name="Meditate")
    assert _import(client, alice, csv_zip(SAMPLE), ZIP).json()["created"]["habits"] == 3
    assert list(_habits(client, bob)) == ["Meditate"]


def test_reimport_into_a_finished_sprint_rescores_its_kept_results(
    client: TestClient, set_now: Any
) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, name="Meditate", start_date="2024-11-01")
    sprint = create_sprint(
        client, user, start_date="2024-11-01", end_date="2024-11-10", habit_ids=[habit["id"]]
    )
    check_in(client, user, habit["id"], "2024-11-19", "done")  # freezes the finished sprint
    scores = client.get("/api/v1/sprints", headers=user.headers).json()["items"]
    assert [s["score"] for s in scores if s["id"] == sprint["id"]] == [0.0]
    days = [(date(2024, 11, d), "YES_MANUAL", "") for d in range(1, 11)]
    response = _import(client, user, csv_zip([{"name": "Meditate", "entries": days}]), ZIP)
    assert response.json()["updated"] == {"habits": 1, "check_ins": 0}
    assert response.json()["created"]["check_ins"] == 10
    scores = client.get("/api/v1/sprints", headers=user.headers).json()["items"]
    assert [s["score"] for s in scores if s["id"] == sprint["id"]] == [1.0]
