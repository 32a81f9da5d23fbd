"""Importing applications from a CSV file in the columns ``GET /applications/export.csv``
writes (any order; only ``organization`` and ``role`` are required; unknown columns are
ignored). ``parse`` is pure (text in, rows and per-line problems out); ``plan`` matches the rows
against the account (organizations by name, case-insensitively; duplicates skipped) and
``apply`` writes the plan — every application with its first stage in the history, all in the
request's transaction, so an import is whole or nothing. A separate module from ``service.py``
so the import stays in one place.

The export protects spreadsheets from formula injection by putting a quote before a cell
that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return); reading undoes
exactly that, so "-3 days" exported as "'-3 days" comes back as "-3 days" (a cell that really
begins with a quote is exported with one more, so it comes back unchanged too)."""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)
from sqlalchemy import exists, insert, literal, select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.opportunities.models import Application, Organization, StageChange
from kaizen.opportunities.schemas import (
    CsvImportOrganization,
    CsvImportProblem,
    CsvImportResult,
    CsvImportRow,
    Kind,
    OrgType,
    Stage,
)
from kaizen.opportunities.service import EXPORT_COLUMNS
from kaizen.schemas import Day, LongText, ShortText, has_control_characters

COLUMNS = EXPORT_COLUMNS  # what the export writes is what an import reads
REQUIRED = ("organization", "role")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 5000
MAX_ERRORS = 200


class CsvFileError(ValueError):
    """The file as a whole cannot be read (no header, too many rows, broken quoting)."""


def plain(cell: str) -> str:
    """A cell's text as it was before the export neutralised it."""
    if cell.startswith("'") and cell[1:].startswith((*FORMULA_START, "'")):
        return cell[1:]
    return cell


def _moment(value: dt.datetime) -> dt.datetime:
    # A spreadsheet may drop the offset: a time without one is read as UTC, like the export's.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _bounded(value: dt.datetime) -> dt.datetime:
    if not dt.date(2000, 1, 1) <= value.date() <= dt.date(2100, 12, 31):
        raise ValueError("dates must be between 2000-01-01 and 2100-12-31")
    return _moment(value)


Stamp = Annotated[dt.datetime, AfterValidator(_bounded)]


class CsvApplication(BaseModel):
    """One row, validated like the API's own bodies (with the export's spellings)."""

    model_config = ConfigDict(extra="ignore")

    line: int
    organization: ShortText
    type: OrgType = "other"
    role: ShortText
    kind: Kind = "job"
    stage: Stage = "wishlist"
    applied_on: Day | None = None
    follow_up_on: Day | None = None
    stage_changed_at: Stamp | None = None
    source: Annotated[str, StringConstraints(max_length=200)] = ""
    url: Annotated[AnyHttpUrl, Field(max_length=2000)] | None = None
    created_at: Stamp | None = None
    notes: LongText = ""


@dataclass
class Problem:
    line: int | None
    message: str


@dataclass
class Parsed:
    rows: list[CsvApplication] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _delimiter(text: str) -> str:
    """Commas as the export writes them; a spreadsheet saved in a locale with decimal commas
    may have written semicolons or tabs instead: the header line tells."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _message(error: dict[str, object]) -> str:
    loc = error.get("loc") or ()
    where = ".".join(str(p) for p in loc if isinstance(p, str)) if isinstance(loc, tuple) else ""
    text = str(error.get("msg", "invalid"))
    return f"{where}: {text}" if where else text


def parse(text: str) -> Parsed:
    """Every row checked; the rows that pass and a problem per line for those that do not."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise CsvFileError("The file is empty")
    if has_control_characters(text):
        raise CsvFileError("The file holds control characters: is it really a CSV file?")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    result = Parsed()
    try:
        header = next(reader)
        names = [h.strip().lower().replace(" ", "_") for h in header]
        missing = [c for c in REQUIRED if c not in names]
        if missing:
            raise CsvFileError(
                f"The first line must name the columns; {', '.join(missing)} is missing "
                f"(expected {', '.join(COLUMNS)})"
            )
        repeated = sorted({n for n in names if n and names.count(n) > 1})
        if repeated:
            raise CsvFileError(f"Column {', '.join(repeated)} appears twice in the first line")
        result.ignored_columns = [h for h, n in zip(header, names, strict=True) if n not in COLUMNS]
        line = reader.line_num
        for record in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # blank lines, as spreadsheets leave them at the end
            if len(result.rows) + len(result.errors) >= MAX_ROWS:
                raise CsvFileError(f"More than {MAX_ROWS} rows: split the file")
            if len(record) > len(names):
                result.errors.append(
                    Problem(start, f"{len(record)} cells but {len(names)} columns (a stray comma?)")
                )
                continue
            values: dict[str, object] = {"line": start}
            for name, cell in zip(names, record, strict=False):
                if name in COLUMNS and cell.strip():
                    values[name] = plain(cell)
            try:
                result.rows.append(CsvApplication.model_validate(values))
            except ValidationError as exc:
                first = exc.errors()[0]
                result.errors.append(Problem(start, _message(dict(first))))
    except csv.Error as exc:
        raise CsvFileError(f"Line {reader.line_num}: {exc}") from exc
    result.errors = result.errors[:MAX_ERRORS]
    return result


# ------------------------------------------------------------------------- against the account

# A row is the same application as another when organization, role and kind match (case
# aside) and so does created_at — or applied_on, for a file without created_at.
Key = tuple[str, str, str, object]


def _key(org: str, role: str, kind: str, stamp: object) -> Key:
    return (org.strip().casefold(), role.strip().casefold(), kind, stamp)


def _stamp(row: CsvApplication) -> object:
    return ("created", row.created_at) if row.created_at else ("applied", row.applied_on)


@dataclass
class Plan:
    parsed: Parsed
    organizations: dict[str, Organization | None]  # casefolded name → yours, or None: create
    new_names: dict[str, tuple[str, str]]  # casefolded name → (name, type) of those to create
    rows: list[tuple[CsvApplication, str | None]]  # with the reason it is skipped, if it is


def plan(db: Session, user: User, parsed: Parsed) -> Plan:
    """What the import would do: two queries, whatever the file's size."""
    orgs: dict[str, Organization] = {}
    for org in db.scalars(
        select(Organization).where(Organization.user_id == user.id).order_by(Organization.id)
    ):
        orgs.setdefault(org.name.strip().casefold(), org)
    existing: set[Key] = set()
    for name, role, kind, created_at, applied_on in db.execute(
        select(
            Organization.name,
            Application.role,
            Application.kind,
            Application.created_at,
            Application.applied_on,
        )
        .join(Organization, Organization.id == Application.organization_id)
        .where(Application.user_id == user.id)
    ):
        existing.add(_key(name, role, kind, ("created", created_at)))
        existing.add(_key(name, role, kind, ("applied", applied_on)))
    matched: dict[str, Organization | None] = {}
    new_names: dict[str, tuple[str, str]] = {}
    seen: dict[Key, int] = {}
    rows: list[tuple[CsvApplication, str | None]] = []
    for row in parsed.rows:
        folded = row.organization.casefold()
        if folded in orgs:
            matched[folded] = orgs[folded]
        elif folded not in new_names:
            matched[folded] = None
            new_names[folded] = (row.organization, row.type)
        key = _key(row.organization, row.role, row.kind, _stamp(row))
        if key in existing:
            rows.append((row, "already in your applications"))
        elif key in seen:
            rows.append((row, f"the same as line {seen[key]}"))
        else:
            seen[key] = row.line
            rows.append((row, None))
    return Plan(parsed, matched, new_names, rows)


def result(plan: Plan, *, dry_run: bool) -> CsvImportResult:
    created = sum(1 for _, reason in plan.rows if reason is None)
    return CsvImportResult(
        dry_run=dry_run,
        created=created,
        skipped=len(plan.rows) - created,
        organizations=[
            CsvImportOrganization(
                name=org.name if org else plan.new_names[folded][0],
                type=org.type if org else plan.new_names[folded][1],
                action="match" if org else "create",
            )
            for folded, org in plan.organizations.items()
        ],
        rows=[
            CsvImportRow(
                line=row.line,
                organization=row.organization,
                role=row.role,
                kind=row.kind,
                stage=row.stage,
                action="skip" if reason else "create",
                reason=reason,
            )
            for row, reason in plan.rows
        ],
        errors=[CsvImportProblem(line=p.line or 1, message=p.message) for p in plan.parsed.errors],
        ignored_columns=plan.parsed.ignored_columns,
    )


def apply(db: Session, user: User, plan: Plan, now: dt.datetime) -> None:
    """The planned organizations and applications, each application with its first stage in
    the history (at the file's stage_changed_at, or now). Bulk statements: the query count
    does not grow with the file."""
    orgs = {folded: org.id for folded, org in plan.organizations.items() if org is not None}
    if plan.new_names:
        db.execute(
            insert(Organization),
            [{"user_id": user.id, "name": n, "type": t} for n, t in plan.new_names.values()],
        )
        names = [name for name, _ in plan.new_names.values()]
        for org_id, name in db.execute(
            select(Organization.id, Organization.name).where(
                Organization.user_id == user.id, Organization.name.in_(names)
            )
        ):
            orgs.setdefault(name.strip().casefold(), org_id)
    apps: list[dict[str, Any]] = []
    for row, reason in plan.rows:
        if reason is not None:
            continue
        since = row.stage_changed_at or now
        apps.append(
            {
                "user_id": user.id,
                "organization_id": orgs[row.organization.strip().casefold()],
                "role": row.role,
                "kind": row.kind,
                "source": row.source,
                "url": str(row.url) if row.url is not None else None,
                "stage": row.stage,
                "stage_changed_at": since,
                "applied_on": row.applied_on,
                "follow_up_on": row.follow_up_on,
                "notes": row.notes,
                "created_at": row.created_at or min(since, now),
            }
        )
    if not apps:
        return
    db.execute(insert(Application), apps)
    # The first stage of every application that has no history yet: the ones just written.
    no_history = ~exists().where(StageChange.application_id == Application.id)
    db.execute(
        insert(StageChange).from_select(
            ["application_id", "to_stage", "at", "note"],
            select(Application.id, Application.stage, Application.stage_changed_at, literal(""))
            .where(Application.user_id == user.id, no_history)
            .order_by(Application.id),
        )
    )
