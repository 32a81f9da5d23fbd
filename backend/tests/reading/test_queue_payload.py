"""The reading list is served from plain values (rows whose dates and timestamp SQLite
already gives as their JSON text, written by ``json_response``): its bytes must be exactly
those of the items loaded as ORM objects and validated through ``Page[ReadingItemRead]`` (the
way it was served before): field order, authors and tags split from their stored text,
dates, floats, nulls, non-ASCII text and timestamps with and without microseconds."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from kaizen.auth.models import User
from kaizen.db import new_session
from kaizen.reading import service
from kaizen.reading.schemas import ReadingItemRead
from kaizen.schemas import Page
from tests.factories import create_reading_item
from tests.opportunities.helpers import long_lived_user

SetNow = Callable[[str], None]
QUERIES: list[dict[str, Any]] = [
    {"status": ["queued", "reading"], "limit": 200},
    {"limit": 2, "offset": 1, "sort": "title"},
    {"status": ["done"], "sort": "finished"},
]


def test_the_list_is_byte_for_byte_the_validated_page(client: TestClient, set_now: SetNow) -> None:
    set_now("2026-11-20T09:15:00Z")
    user = long_lived_user(client)  # the clock moves on by a day
    h = user.headers
    create_reading_item(client, user, title="Plain")
    set_now("2026-11-20T09:15:00.000001Z")
    rich = create_reading_item(
        client,
        user,
        title="Über “attention” \\ ✓",
        kind="book",
        authors=["Ada Lovelace", "Émile Borel"],
        year=1999,
        venue="NeurIPS",
        url="https://example.com/a?b=c&d=e",
        doi="10.1000/xyz123",
        tags=["ml", "theory"],
        progress_total=312.5,
        progress_unit="pages",
        rating=4,
        notes="Line one\nline two\ttab",
    )["id"]
    r = client.post(f"/api/v1/reading-items/{rich}/progress", json={"amount": 12.25}, headers=h)
    assert r.status_code in (200, 201), r.text
    set_now("2026-11-21T23:59:59.999999Z")
    done = create_reading_item(client, user, title="Finished one", tags=["x"])["id"]
    for status in ("reading", "done"):
        r = client.patch(f"/api/v1/reading-items/{done}", json={"status": status}, headers=h)
        assert r.status_code == 200, r.text
    for query in QUERIES:
        response = client.get("/api/v1/reading-items", params=query, headers=h)
        assert response.status_code == 200, response.text
        with new_session() as db:
            owner = db.get(User, user.id)
            assert owner is not None
            rows, total = service.list_items(db, owner, **query)
            expected = Page[ReadingItemRead].model_validate({"items": rows, "total": total})
        assert response.content == expected.model_dump_json().encode(), query
    queue = client.get("/api/v1/reading-items?status=reading", headers=h).json()["items"]
    assert [i["progress_current"] for i in queue] == [12.25]
    assert queue[0]["created_at"] == "2026-11-20T09:15:00.000001Z"
    assert queue[0]["started_on"] == "2026-11-20"
