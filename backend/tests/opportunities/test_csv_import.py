"""POST /applications/import: the CSV export's columns read back, with a preview, per-line
errors, duplicates skipped, organizations matched by name, and the first stage in history."""

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kaizen.opportunities import csv_import, service
from tests.factories import ApiUser, create_application, create_organization, make_user

URL = "/api/v1/applications/import"
CSV = {"Content-Type": "text/csv"}


def export_csv(client: TestClient, user: ApiUser) -> str:
    response = client.get("/api/v1/applications/export.csv", headers=user.headers)
    assert response.status_code == 200, response.text
    return response.text


def send(client: TestClient, user: ApiUser, text: str, **params: Any) -> Any:
    return client.post(URL, content=text.encode(), headers={**user.headers, **CSV}, params=params)


def applications(client: TestClient, user: ApiUser) -> list[dict[str, Any]]:
    response = client.get("/api/v1/applications?limit=200", headers=user.headers)
    assert response.status_code == 200
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def job_search(client: TestClient, user: ApiUser, set_now: Callable[[str], None]) -> None:
    set_now("2024-11-01T09:00:00Z")
    sarvam = create_organization(client, user, name="Sarvam AI", type="ai_product")
    google = create_organization(client, user, name="Google", type="big_tech")
    create_application(
        client, user, organization_id=sarvam["id"], role="ML Engineer", stage="applied",
        source="Referral", url="https://example.com/jobs/1", follow_up_on="2024-11-08",
        notes="=HYPERLINK(\"x\")\nsecond line, with a comma",
    )  # fmt: skip
    set_now("2024-11-02T10:15:30.123456Z")
    app = create_application(
        client, user, organization_id=google["id"], role="-3 days SWE", kind="internship"
    )
    set_now("2024-11-05T16:00:00Z")
    moved = client.patch(
        f"/api/v1/applications/{app['id']}", json={"stage": "rejected"}, headers=user.headers
    )
    assert moved.status_code == 200
    # A re-application: the same organization and role twice stays two rows.
    create_application(client, user, organization_id=google["id"], role="-3 days SWE",
                       kind="internship", notes="@again")  # fmt: skip


def delete_all(client: TestClient, user: ApiUser) -> None:
    for app in applications(client, user):
        gone = client.delete(f"/api/v1/applications/{app['id']}", headers=user.headers)
        assert gone.status_code == 204


def test_export_delete_preview_import_gives_the_same_export(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = make_user(client)
    job_search(client, user, set_now)
    exported = export_csv(client, user)
    assert "'=HYPERLINK" in exported and "'-3 days SWE" in exported  # neutralised on the way out
    delete_all(client, user)
    set_now("2024-11-20T12:00:00Z")

    preview = send(client, user, exported, dry_run="true")
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert (body["dry_run"], body["created"], body["skipped"], body["errors"]) == (True, 3, 0, [])
    assert body["organizations"] == [
        {"name": "Sarvam AI", "type": "ai_product", "action": "match"},
        {"name": "Google", "type": "big_tech", "action": "match"},
    ]
    # Line numbers count the notes' second line: the header is line 1.
    assert [(r["line"], r["role"], r["stage"], r["action"]) for r in body["rows"]] == [
        (2, "ML Engineer", "applied", "create"),
        (4, "-3 days SWE", "rejected", "create"),
        (5, "-3 days SWE", "wishlist", "create"),
    ]
    assert applications(client, user) == []  # a preview writes nothing

    done = send(client, user, exported)
    assert done.status_code == 200, done.text
    assert (done.json()["dry_run"], done.json()["created"]) == (False, 3)
    assert export_csv(client, user) == exported
    apps = applications(client, user)
    ml = next(a for a in apps if a["role"] == "ML Engineer")
    assert ml["notes"] == '=HYPERLINK("x")\nsecond line, with a comma'
    rejected = next(a for a in apps if a["stage"] == "rejected")
    history = client.get(f"/api/v1/applications/{rejected['id']}/history", headers=user.headers)
    assert [(h["from_stage"], h["to_stage"], h["at"][:19]) for h in history.json()["items"]] == [
        (None, "rejected", "2024-11-05T16:00:00")
    ]


def test_importing_twice_skips_what_is_there_and_new_organizations_are_created(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    alice, bob = make_user(client), make_user(client)
    job_search(client, alice, set_now)
    exported = export_csv(client, alice)
    create_organization(client, bob, name="google", type="other")  # matched, whatever the case

    first = send(client, bob, exported)
    assert first.status_code == 200, first.text
    assert [(o["name"], o["action"]) for o in first.json()["organizations"]] == [
        ("Sarvam AI", "create"),
        ("google", "match"),
    ]
    orgs = client.get("/api/v1/organizations", headers=bob.headers).json()["items"]
    assert sorted((o["name"], o["type"]) for o in orgs) == [
        ("Sarvam AI", "ai_product"),
        ("google", "other"),
    ]
    again = send(client, bob, exported)
    assert (again.json()["created"], again.json()["skipped"]) == (0, 3)
    assert {r["reason"] for r in again.json()["rows"]} == {"already in your applications"}
    assert len(applications(client, bob)) == 3
    # Alice's organizations were never touched or matched for Bob.
    assert len(client.get("/api/v1/organizations", headers=alice.headers).json()["items"]) == 2


BROKEN = (
    "organization,role,stage,applied_on,notes\r\n"
    'Acme,Data Scientist,applied,2024-11-01,"two\r\nlines"\r\n'
    "Acme,,applied,2024-11-01,no role\r\n"
    "Acme,Analyst,hired,2024-11-01,\r\n"
    "Acme,Analyst,applied,01/11/2024,\r\n"
    "Acme,Data Scientist,applied,2024-11-01,repeated\r\n"
    "\r\n"
)


def test_rows_with_errors_are_listed_by_line_and_a_real_import_changes_nothing(
    client: TestClient,
) -> None:
    user = make_user(client)
    preview = send(client, user, BROKEN, dry_run="true")
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert [(e["line"], e["message"].split(":")[0]) for e in body["errors"]] == [
        (4, "role"),
        (5, "stage"),
        (6, "applied_on"),
    ]
    assert [(r["line"], r["action"], r["reason"]) for r in body["rows"]] == [
        (2, "create", None),
        (7, "skip", "the same as line 2"),
    ]

    response = send(client, user, BROKEN)
    assert response.status_code == 422
    assert [e["msg"].split(":")[0] for e in response.json()["detail"]] == [
        "line 4",
        "line 5",
        "line 6",
    ]
    assert applications(client, user) == []
    assert client.get("/api/v1/organizations", headers=user.headers).json()["total"] == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("name,title\r\nAcme,SWE\r\n", "organization, role is missing"),
        ("organization,role,role\r\nAcme,SWE,x\r\n", "appears twice"),
        ("organization,role\r\nAcme,SWE\x00\r\n", "control characters"),
        ("organization,role\r\n" + "Acme,SWE\r\n" * (csv_import.MAX_ROWS + 1), "split the file"),
    ],
)
def test_unreadable_files_are_a_clear_422(client: TestClient, text: str, message: str) -> None:
    user = make_user(client)
    response = send(client, user, text, dry_run="true")
    assert response.status_code == 422, response.text
    assert message in str(response.json()["detail"])


def test_size_and_content_type_are_checked(client: TestClient) -> None:
    user = make_user(client)
    big = "organization,role,notes\r\n" + ("Acme,SWE," + "x" * 1000 + "\r\n") * 2100
    assert send(client, user, big).status_code == 413
    json_body = client.post(
        URL, content=b"{}", headers={**user.headers, "Content-Type": "application/json"}
    )
    assert json_body.status_code == 415
    assert applications(client, user) == []


def test_a_multipart_upload_a_spreadsheets_semicolons_and_a_minimal_file(
    client: TestClient,
) -> None:
    user = make_user(client)
    text = "\ufeffOrganization;Role;Stage;Extra\r\nAcme;SWE;screening;ignored\r\n"
    response = client.post(
        URL,
        files={"file": ("apps.csv", text.encode(), "text/csv")},
        headers=user.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["ignored_columns"] == ["Extra"]
    [app] = applications(client, user)
    assert (app["organization"]["name"], app["role"], app["stage"]) == ("Acme", "SWE", "screening")
    # Minimal: organization and role only.
    minimal = send(client, user, "organization,role\nBeta Labs,Research intern\n")
    assert minimal.status_code == 200 and minimal.json()["created"] == 1


@pytest.mark.parametrize(
    "original",
    ["=1+1", "+91 98", "-3 days", "@mention", "\tindented", "'quoted", "'=kept", "plain"],
)
def test_neutralised_cells_come_back_as_the_original_text(original: str) -> None:
    exported = service._cell(original)
    assert csv_import.plain(exported) == original


def test_query_count_does_not_grow_with_the_file(
    client: TestClient, count_queries: Callable[[], Any]
) -> None:
    def counted(user: ApiUser, rows: int) -> int:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["organization", "role", "stage"])
        for n in range(rows):
            writer.writerow([f"Org {n % 7}", f"Role {n}", "applied"])
        with count_queries() as q:
            response = send(client, user, out.getvalue())
        assert response.status_code == 200, response.text
        return len(q.statements)

    assert counted(make_user(client), 3) == counted(make_user(client), 60)
