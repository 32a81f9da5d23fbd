"""The board is served from plain values (rows whose timestamps and dates SQLite already
gives as their JSON text, written by ``json_response``): its bytes must be exactly those of
the applications loaded as ORM objects and validated through ``Page[ApplicationRead]`` (the
way the board was served before): field order, timestamps with and without microseconds,
dates, nulls, non-ASCII text, goal links and the next event included."""

from collections.abc import Callable
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter
from sqlalchemy import String, literal, select

from kaizen.db import UTCDateTime, new_session
from kaizen.opportunities import router, service
from kaizen.opportunities.models import Application
from kaizen.opportunities.schemas import ApplicationRead
from kaizen.queries import moment_json, moment_value
from kaizen.schemas import Page
from tests.factories import create_application, create_event, create_goal, create_organization
from tests.opportunities.helpers import long_lived_user

SetNow = Callable[[str], None]
_MOMENT = TypeAdapter(datetime)


def test_the_board_is_byte_for_byte_the_validated_page(client: TestClient, set_now: SetNow) -> None:
    set_now("2026-11-20T09:15:00Z")  # no microseconds
    user = long_lived_user(client)
    goal = create_goal(client, user, title="Land a research role")["id"]
    org = create_organization(client, user, name="Société “Générale” \\ AI", type="research_lab")[
        "id"
    ]
    plain = create_application(client, user, organization_id=org, role="Ingénieur ML")["id"]
    set_now("2026-11-21T10:00:00.000001Z")
    linked = create_application(
        client,
        user,
        role='Research "engineer"\ttwo',
        stage="applied",
        applied_on="2026-11-21",
        follow_up_on="2026-11-28",
        url="https://example.com/jobs/1?a=b&c=d",
        notes="Line one\nline two — ✓",
        goal_ids=[goal],
    )["id"]
    set_now("2026-11-22T23:59:59.999999Z")
    create_event(client, user, application_id=linked, title="Call", starts_at="2026-12-01T09:00:00")
    create_event(
        client, user, application_id=linked, title="Onsite", starts_at="2026-12-05T10:30:00"
    )
    create_event(client, user, application_id=plain, title="Past", starts_at="2026-11-01T10:30:00")
    r = client.patch(
        f"/api/v1/applications/{plain}", json={"stage": "screening"}, headers=user.headers
    )
    assert r.status_code == 200, r.text
    response = client.get("/api/v1/applications?limit=200", headers=user.headers)
    assert response.status_code == 200
    with new_session() as db:
        rows = (
            db.scalars(
                select(Application)
                .options(*service.APP_OPTIONS)
                .where(Application.user_id == user.id)
                .order_by(Application.stage_changed_at.desc(), Application.id.desc())
            )
            .unique()
            .all()
        )
        reads = router._app_reads(db, rows)
    expected = Page[ApplicationRead].model_validate({"items": reads, "total": len(reads)})
    assert response.content == expected.model_dump_json().encode()
    items = response.json()["items"]
    assert [i["id"] for i in items] == [plain, linked]
    assert items[1]["next_event"]["title"] == "Call" and items[0]["next_event"] is None
    assert items[1]["created_at"] == "2026-11-21T10:00:00.000001Z"
    assert items[0]["stage_changed_at"] == "2026-11-22T23:59:59.999999Z"
    assert items[0]["created_at"] == "2026-11-20T09:15:00Z"


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(
        min_value=datetime(1970, 1, 1),
        max_value=datetime(2200, 12, 31),
        timezones=st.just(UTC),
    )
)
def test_a_timestamp_is_read_as_the_text_pydantic_writes(moment: datetime) -> None:
    """``queries.moment_json`` read through ``moment_value`` (the board's and the reading
    list's timestamps): for any instant stored as ``UTCDateTime`` stores it, the value read is what
    pydantic writes for that instant (with and without microseconds, trailing zeros kept)."""
    with new_session() as db:
        dialect = db.get_bind().dialect
        column_type = UTCDateTime()
        stored = column_type.process_bind_param(moment, dialect)
        impl = column_type.dialect_impl(dialect).impl_instance  # the column's own storage
        process = impl.bind_processor(dialect)
        value = process(stored) if process else stored
        column = literal(value, String) if isinstance(value, str) else literal(moment, column_type)
        read = moment_value(dialect.name)(
            db.execute(select(moment_json(column, dialect.name))).scalar_one()
        )
    written = _MOMENT.dump_json(moment).decode().strip('"')
    assert (read if isinstance(read, str) else _MOMENT.dump_json(read).decode().strip('"')) == (
        written
    )
