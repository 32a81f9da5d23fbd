"""A realistic job search across the seed's three kinds of company, with the funnel pinned by
hand: 12 applications, some rejected, one offer."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import ApiUser, create_application, create_organization, make_user
from tests.opportunities.helpers import long_lived_user

DAY0 = date(2026, 11, 1)

# (organization, role, kind, [(day, stage), ...]); the first entry is the creation.
SEARCH: list[tuple[str, str, str, list[tuple[int, str]]]] = [
    ("EY", "Data Scientist", "job", [(0, "applied"), (3, "screening"), (10, "rejected")]),
    ("Tiger Analytics", "Data Scientist", "job", [(0, "applied"), (30, "ghosted")]),
    (
        "Fractal",
        "ML Engineer",
        "job",
        [(0, "applied"), (5, "screening"), (12, "interviewing"), (20, "rejected")],
    ),
    (
        "Sarvam AI",
        "ML Engineer",
        "job",
        [(0, "applied"), (2, "screening"), (6, "interviewing"), (16, "offer")],
    ),
    (
        "smallest.ai",
        "Research Engineer",
        "job",
        [(0, "applied"), (4, "screening"), (10, "interviewing")],
    ),
    ("Krutrim", "ML Intern", "internship", [(0, "applied"), (7, "rejected")]),
    (
        "Google",
        "Software Engineer",
        "job",
        [(0, "applied"), (8, "screening"), (15, "interviewing"), (25, "rejected")],
    ),
    ("Microsoft", "Software Engineer", "job", [(0, "applied")]),
    ("Amazon", "SDE", "job", [(0, "applied"), (14, "rejected")]),
    ("Google", "SWE Intern", "internship", [(0, "wishlist")]),
    ("Microsoft", "Research Fellow", "research_collaboration", [(0, "applied"), (5, "withdrawn")]),
    ("Sarvam AI", "Applied Scientist", "job", [(0, "wishlist"), (1, "applied"), (9, "screening")]),
]
TYPES = {
    "EY": "analytics",
    "Tiger Analytics": "analytics",
    "Fractal": "analytics",
    "Sarvam AI": "ai_product",
    "smallest.ai": "ai_product",
    "Krutrim": "ai_product",
    "Google": "big_tech",
    "Microsoft": "big_tech",
    "Amazon": "big_tech",
}


def _at(set_now: Callable[[str], None], day: int) -> None:
    set_now(f"{DAY0 + timedelta(days=day)}T10:00:00Z")


def build_search(client: TestClient, user: ApiUser, set_now: Callable[[str], None]) -> None:
    orgs = {
        name: create_organization(client, user, name=name, type=kind)["id"]
        for name, kind in TYPES.items()
    }
    moves: list[tuple[int, int, str]] = []
    _at(set_now, 0)
    for org, role, kind, steps in SEARCH:
        app = create_application(
            client,
            user,
            organization_id=int(str(orgs[org])),
            role=role,
            kind=kind,
            stage=steps[0][1],
        )
        moves += [(day, int(str(app["id"])), stage) for day, stage in steps[1:]]
    for day, app_id, stage in sorted(moves):
        _at(set_now, day)
        r = client.patch(
            f"/api/v1/applications/{app_id}", json={"stage": stage}, headers=user.headers
        )
        assert r.status_code == 200, r.text


def _stage(body: dict[str, Any], stage: str) -> dict[str, Any]:
    return next(s for s in body["stages"] if s["stage"] == stage)


def test_pinned_funnel_of_a_realistic_search(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = long_lived_user(client)
    build_search(client, user, set_now)
    _at(set_now, 40)
    r = client.get("/api/v1/applications/stats", headers=user.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 12
    assert [s["stage"] for s in body["stages"]] == [
        "applied",
        "screening",
        "interviewing",
        "offer",
        "accepted",
    ]
    assert [s["reached"] for s in body["stages"]] == [11, 6, 4, 1, 0]
    assert [s["conversion"] for s in body["stages"]] == [0.5455, 0.6667, 0.25, 0.0, None]
    # 6 got to screening, plus Krutrim and Amazon answered with a rejection: 8 of 11.
    assert body["response_rate"] == 0.7273
    # Finished stays in `applied`: 3, 30, 5, 2, 4, 7, 8, 14, 5, 8 days (Microsoft still waits).
    assert (_stage(body, "applied")["median_days"], _stage(body, "applied")["p75_days"]) == (
        6.0,
        8.0,
    )
    # Screening: 7, 7, 4, 6, 7 (the Applied Scientist is still in it).
    assert (_stage(body, "screening")["median_days"], _stage(body, "screening")["p75_days"]) == (
        7.0,
        7.0,
    )
    # Interviewing: 8, 10, 10.
    assert _stage(body, "interviewing")["median_days"] == 10.0
    assert _stage(body, "offer")["median_days"] is None

    analytics = body["by_type"]["analytics"]
    assert analytics["total"] == 3
    assert [s["reached"] for s in analytics["stages"]] == [3, 2, 1, 0, 0]
    assert analytics["response_rate"] == 0.6667
    ai = body["by_type"]["ai_product"]
    assert [s["reached"] for s in ai["stages"]] == [4, 3, 2, 1, 0]
    assert ai["response_rate"] == 1.0
    big = body["by_type"]["big_tech"]
    assert big["total"] == 5
    assert [s["reached"] for s in big["stages"]] == [4, 1, 1, 0, 0]
    assert big["response_rate"] == 0.5
    assert body["by_kind"]["internship"]["total"] == 2
    assert body["by_kind"]["internship"]["response_rate"] == 1.0
    assert body["by_kind"]["research_collaboration"]["response_rate"] == 0.0
    assert body["by_kind"]["job"]["total"] == 9

    # A filter gives the same numbers as the matching breakdown.
    r = client.get("/api/v1/applications/stats?type=ai_product", headers=user.headers)
    assert r.json()["stages"] == ai["stages"]
    assert r.json()["by_type"].keys() == {"ai_product"}
    r = client.get("/api/v1/applications/stats?kind=internship", headers=user.headers)
    assert r.json()["total"] == 2
    # from/to filter on applied_on: only the Applied Scientist applied on day 1.
    r = client.get("/api/v1/applications/stats?from=2026-11-02&to=2026-11-30", headers=user.headers)
    assert r.json()["total"] == 1
    assert [s["reached"] for s in r.json()["stages"]] == [1, 1, 0, 0, 0]


def test_moving_back_counts_what_was_reached(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = long_lived_user(client)
    _at(set_now, 0)
    app = create_application(client, user, stage="applied")
    for day, stage in [(2, "interviewing"), (3, "screening")]:
        _at(set_now, day)
        client.patch(
            f"/api/v1/applications/{app['id']}", json={"stage": stage}, headers=user.headers
        )
    body = client.get("/api/v1/applications/stats", headers=user.headers).json()
    assert [s["reached"] for s in body["stages"]] == [1, 1, 1, 0, 0]
    assert body["response_rate"] == 1.0
    # Nothing for another user.
    other = make_user(client)
    empty = client.get("/api/v1/applications/stats", headers=other.headers).json()
    assert empty["total"] == 0
    assert empty["response_rate"] is None
    assert [s["reached"] for s in empty["stages"]] == [0, 0, 0, 0, 0]
