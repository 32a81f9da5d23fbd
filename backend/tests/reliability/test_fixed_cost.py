"""The plumbing every request goes through (see "Fixed cost, round 5" in backend/bench):
where the credential lookup runs, repeated dependencies, and routers that remember their
routes."""

from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_dependant
from fastapi.security.base import SecurityBase
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from kaizen import clock
from kaizen.auth.models import User
from kaizen.db import new_session
from kaizen.deps import CurrentCredential, CurrentUser, current_credential, current_user
from kaizen.main import _without_repeats, settle
from tests.conftest import statement_places
from tests.factories import (
    create_application,
    create_goal,
    create_habit,
    create_reading_item,
    create_sprint,
    make_user,
)


def _is_credential_lookup(sql: str) -> bool:
    return "api_tokens.secret_hash" in sql and sql.lstrip().startswith("SELECT")


def test_a_read_looks_up_its_credential_on_the_loop_only_on_sqlite(
    client: TestClient, engine: Engine
) -> None:
    user = make_user(client)
    habit = create_habit(client, user, name="Read")
    today = clock.local_today("UTC")  # make_user's timezone
    with statement_places(engine, _is_credential_lookup) as places:
        assert client.get("/api/v1/me", headers=user.headers).status_code == 200
        assert client.get("/api/v1/habits", headers=user.headers).status_code == 200
        # A write waits for its turn (SQLite) or the network (PostgreSQL): never on the loop.
        response = client.patch("/api/v1/me", headers=user.headers, json={"display_name": "B"})
        assert response.status_code == 200
        # Except a check-in's lookup on SQLite, a read before its write transaction.
        check_in = client.put(
            f"/api/v1/habits/{habit['id']}/check-ins/{today}",
            headers=user.headers,
            json={"status": "done"},
        )
        assert check_in.status_code == 200, check_in.text
    sqlite = engine.dialect.name == "sqlite"
    assert places == [sqlite, sqlite, False, sqlite]


def test_today_and_home_read_on_the_loop_only_on_sqlite(client: TestClient, engine: Engine) -> None:
    """Today's and Home's bodies run where ``db.run_read`` puts them: on the event loop on a
    SQLite file database, in a worker thread on PostgreSQL; the bodies are the same."""
    user = make_user(client)
    habit = client.post("/api/v1/habits", headers=user.headers, json={"name": "Read"})
    assert habit.status_code == 201
    with statement_places(
        engine, lambda sql: "FROM habits" in sql and "habits.archived" in sql
    ) as places:
        today = client.get("/api/v1/today", headers=user.headers)
        home = client.get("/api/v1/home", headers=user.headers)
    assert today.status_code == home.status_code == 200
    assert [item["habit"]["name"] for item in today.json()["habits"]] == ["Read"]
    assert [item["habit"]["name"] for item in home.json()["habits"]] == ["Read"]
    sqlite = engine.dialect.name == "sqlite"
    assert places and all(on_loop == sqlite for on_loop in places)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/habits",
        "/api/v1/goals",
        "/api/v1/sprints",
        "/api/v1/applications?limit=200",
        "/api/v1/follow-ups",
        "/api/v1/reading-items?status=queued&limit=200",
    ],
)
def test_the_plain_lists_read_on_the_loop_only_on_sqlite(
    client: TestClient, engine: Engine, url: str
) -> None:
    """Every statement of a plain list (its credential lookup included) runs where
    ``db.run_read`` puts it: on the event loop on a SQLite file database, in a worker thread
    on PostgreSQL."""
    user = make_user(client)
    habit = create_habit(client, user, name="Read")
    create_goal(client, user)
    create_sprint(client, user, title="Fortnight", habit_ids=[habit["id"]])
    create_application(client, user, stage="applied", follow_up_on="2026-01-05")
    create_reading_item(client, user)
    with statement_places(engine, lambda sql: True) as places:
        response = client.get(url, headers=user.headers)
    assert response.status_code == 200, response.text
    assert response.json()["total"] >= 1
    sqlite = engine.dialect.name == "sqlite"
    assert len(places) >= 2 and all(on_loop == sqlite for on_loop in places), places


def test_repeated_dependencies_without_parameters_go_straight_to_the_cache() -> None:
    async def session() -> str:
        return "session"

    async def user(db: Annotated[str, Depends(session)]) -> str:
        return "user"

    async def page(limit: Annotated[int, Query()] = 5, db: str = Depends(session)) -> int:
        return limit

    def endpoint(
        first: Annotated[str, Depends(user)],
        again: Annotated[str, Depends(user)],
        db: Annotated[str, Depends(session)],
        size: Annotated[int, Depends(page)],
        size_again: Annotated[int, Depends(page)],
    ) -> None:
        pass

    original = get_dependant(path="/x", call=endpoint)
    solved = _without_repeats(original)
    first, again, db, size, size_again = solved.dependencies
    assert size.query_params
    assert [d.call for d in solved.dependencies] == [d.call for d in original.dependencies]
    assert [d.call for d in first.dependencies] == [session]  # the first keeps its sub-tree
    assert again.dependencies == [] and db.dependencies == []  # repeats are leaves
    # A dependency with a request parameter is solved in full each time (its validation
    # errors must be reported as before).
    assert size_again.query_params and [d.call for d in size_again.dependencies] == [session]
    assert original.dependencies[1].dependencies  # the route's own tree is untouched


def test_a_route_added_after_requests_is_found() -> None:
    child = APIRouter(prefix="/child")
    parent = APIRouter(prefix="/api")

    @child.get("/a")
    def a() -> dict[str, str]:
        return {"route": "a"}

    parent.include_router(child)
    settle(parent)
    app = FastAPI()
    app.include_router(parent)
    with TestClient(app) as client:
        assert client.get("/api/child/a").json() == {"route": "a"}
        assert client.get("/api/child/b").status_code == 404

        @child.get("/b")
        def b() -> dict[str, str]:
            return {"route": "b"}

        assert client.get("/api/child/b").json() == {"route": "b"}


def test_a_dependency_override_still_gets_the_whole_tree(app: FastAPI, client: TestClient) -> None:
    """An override replaces a dependency's sub-tree, which may hold the first of a repeat
    (``current_user``'s holds the session the handler's ``SessionDep`` repeats): while
    overrides are set, the cut repeats must still be solved whole (FastAPI rebuilds each
    dependency's tree from its call then)."""
    user = make_user(client)
    with new_session() as db:
        row = db.get(User, user.id)
        assert row is not None
        db.expunge(row)
    app.dependency_overrides[current_user] = lambda: row
    try:
        response = client.get("/api/v1/habits")  # no credentials: the override signs in
    finally:
        app.dependency_overrides.pop(current_user)
    assert response.status_code == 200
    assert response.json()["total"] == 0


def test_the_security_schemes_are_documented_but_not_solved(app: FastAPI) -> None:
    """``current_credential`` takes the three schemes for the OpenAPI document only (with
    defaults, reading the secrets itself): the tree a handler solves leaves them out, while
    the document still lists them on every operation that needs a sign-in."""

    async def endpoint(user: CurrentUser, credential: CurrentCredential) -> None:
        pass

    def calls(node: Dependant) -> list[Any]:
        return [node.call, *(c for sub in node.dependencies for c in calls(sub))]

    original = get_dependant(path="/x", call=endpoint)
    documented = calls(original)
    solved = calls(_without_repeats(original))
    schemes = [type(c).__name__ for c in documented if isinstance(c, SecurityBase)]
    assert schemes == ["OAuth2PasswordBearer", "HTTPBearer", "APIKeyCookie"] * 2
    assert current_credential in solved and current_user in solved
    assert not any(isinstance(c, SecurityBase) for c in solved)
    operation = app.openapi()["paths"]["/api/v1/reading-items"]["get"]
    assert operation["security"] == [
        {"OAuth2PasswordBearer": []},
        {"PersonalToken": []},
        {"APIKeyCookie": []},
    ]


@pytest.mark.parametrize(
    ("authorization", "status"),
    [
        ("Bearer {token}", 200),
        ("bearer {token}", 200),  # the scheme's name is case-insensitive
        ("BEARER {token}", 200),
        ("Bearer  {token}", 200),  # spaces around the secret are dropped
        ("Bearer", 401),
        ("Bearer ", 401),
        ("Basic {token}", 401),
        ("{token}", 401),
    ],
)
def test_the_authorization_header_is_read_as_the_schemes_read_it(
    client: TestClient, authorization: str, status: int
) -> None:
    user = make_user(client)
    token = user.headers["Authorization"].removeprefix("Bearer ")
    header = {"Authorization": authorization.format(token=token)}
    assert client.get("/api/v1/me", headers=header).status_code == status
