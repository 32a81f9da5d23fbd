"""Reading Loop Habit Tracker's two exports, with no I/O beyond the bytes given.

* "Export as CSV" — a zip with ``Habits.csv`` (Position, Name, Type, Question, Description,
  FrequencyNumerator, FrequencyDenominator, Color, Unit, Target Type, Target Value, Archived?;
  older versions: NumRepetitions and Interval instead of the frequency columns) and a folder
  per habit, ``"001 Name/"``, holding ``Checkmarks.csv`` (Date, Value, Notes). Values are words
  in current versions (YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN), numbers in older ones (2, 1,
  0, -3, -1), and decimal amounts for numeric habits.
* "Full backup" — Loop's SQLite database: ``Habits`` and ``Repetitions`` (habit, timestamp in
  milliseconds at UTC midnight, value, notes). Numeric habits store amounts × 1000. Older
  databases lack columns (type, target_*, unit, question, uuid, notes; very old ones even the
  value: a row was a check).
"""

import csv
import io
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

# Loop's entry values (org.isoron.uhabits.core.models.Entry).
YES_MANUAL, YES_AUTO, NO, UNKNOWN, SKIP = 2, 1, 0, -1, -3
WORDS = {"YES_MANUAL": YES_MANUAL, "YES_AUTO": YES_AUTO, "NO": NO, "UNKNOWN": UNKNOWN, "SKIP": SKIP}
STATUS_WORDS = {"YES_MANUAL": "done", "NO": "missed", "SKIP": "skipped"}
MAX_HABITS = 1000
MAX_NAME = 200
MAX_TEXT = 10_000
MAX_NOTE = 1000
NUMERIC_SCALE = 1000


class LoopFormatError(ValueError):
    """The bytes are not a Loop export we can read; the message says why."""


@dataclass(slots=True)
class LoopEntry:
    day: date
    status: str | None  # done | missed | skipped; None for amounts (numeric habits)
    value: float | None
    note: str


@dataclass
class LoopHabit:
    name: str
    description: str
    numerator: int
    denominator: int
    numeric: bool
    target_value: float | None
    target_type: str | None  # at_least | at_most
    unit: str | None
    color: str | None
    archived: bool
    uuid: str | None
    entries: list[LoopEntry] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=lambda: {"auto": 0, "unknown": 0})


def _text(value: Any, limit: int) -> str:
    return ("" if value is None else str(value)).strip()[:limit]


def _description(question: Any, description: Any) -> str:
    parts = [_text(question, MAX_TEXT), _text(description, MAX_TEXT)]
    return "\n\n".join(p for p in parts if p)[:MAX_TEXT]


def _int(value: Any, what: str, default: int | None = None) -> int:
    if value in (None, "") and default is not None:
        return default
    try:
        return int(float(str(value)))
    except ValueError as exc:
        raise LoopFormatError(f"{what}: {value!r} is not a number") from exc


def _bool_entry(code: int, day: date, note: str, habit: LoopHabit) -> None:
    status = {YES_MANUAL: "done", NO: "missed", SKIP: "skipped"}.get(code)
    if status is None:
        habit.ignored["auto" if code == YES_AUTO else "unknown"] += 1
        return
    habit.entries.append(LoopEntry(day, status, None, note))


def _frequency(numerator: int, denominator: int, name: str) -> tuple[int, int]:
    if not (1 <= numerator <= 366 and 1 <= denominator <= 366):
        raise LoopFormatError(f"habit {name!r}: frequency {numerator}/{denominator} is not valid")
    return numerator, denominator


# ------------------------------------------------------------------------------------ CSV zip

HABIT_DIR = re.compile(r"^(\d+) ")


def _read_csv(raw: bytes, name: str) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoopFormatError(f"{name} is not UTF-8 text") from exc
    return [row for row in csv.reader(io.StringIO(text)) if any(row)]


def _parse_day(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise LoopFormatError(f"{where}: {text!r} is not a date (YYYY-MM-DD)") from exc


def _csv_habit(row: dict[str, str]) -> LoopHabit:
    name = _text(row.get("Name"), MAX_NAME)
    if not name:
        raise LoopFormatError("Habits.csv: a habit has no name")
    numeric = (row.get("Type") or "").strip().upper() == "NUMERICAL"
    numerator = _int(row.get("FrequencyNumerator", row.get("NumRepetitions")), name, 1)
    denominator = _int(row.get("FrequencyDenominator", row.get("Interval")), name, 1)
    color = (row.get("Color") or "").strip()
    target = (row.get("Target Value") or "").strip()
    return LoopHabit(
        name=name,
        description=_description(row.get("Question"), row.get("Description")),
        numerator=_frequency(numerator, denominator, name)[0],
        denominator=denominator,
        numeric=numeric,
        target_value=_float(target, name) if numeric and target else (0.0 if numeric else None),
        target_type=(
            ("at_most" if (row.get("Target Type") or "").upper() == "AT_MOST" else "at_least")
            if numeric
            else None
        ),
        unit=_text(row.get("Unit"), 32) or None if numeric else None,
        color=color if re.fullmatch(r"#[0-9a-fA-F]{6}", color) else None,
        archived=(row.get("Archived?") or "").strip().lower() == "true",
        uuid=None,
    )


def _float(text: str, where: str) -> float:
    try:
        number = float(text)
    except ValueError as exc:
        raise LoopFormatError(f"{where}: {text!r} is not a number") from exc
    if number != number or abs(number) > 1e12:
        raise LoopFormatError(f"{where}: {text!r} is out of range")
    return number


def _csv_entries(rows: list[list[str]], habit: LoopHabit, where: str) -> None:
    if rows and rows[0] and rows[0][0].strip().lower() == "date":
        rows = rows[1:]
    entries = habit.entries
    numeric = habit.numeric
    for number, row in enumerate(rows, start=2):
        try:
            day = date.fromisoformat(row[0])
        except ValueError:
            day = _parse_day(row[0], f"{where} line {number}")
        raw = row[1].strip() if len(row) > 1 else ""
        note = row[2].strip()[:MAX_NOTE] if len(row) > 2 else ""
        status = STATUS_WORDS.get(raw)
        if status is not None and not (numeric and status == "done"):
            entries.append(LoopEntry(day, status, None, note))
            continue
        code = WORDS.get(raw.upper())
        if code is not None:
            if numeric and code in (YES_MANUAL, NO):
                entries.append(LoopEntry(day, None, None if code == YES_MANUAL else 0.0, note))
            else:
                _bool_entry(code, day, note, habit)
        elif numeric:
            entries.append(LoopEntry(day, None, _float(raw, f"{where} line {number}"), note))
        else:
            _bool_entry(_int(raw, f"{where} line {number}"), day, note, habit)


def parse_csv_zip(data: bytes) -> list[LoopHabit]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile as exc:
        raise LoopFormatError("not a zip file") from exc
    habits_csv = next((n for n in names if n.rsplit("/", 1)[-1] == "Habits.csv"), None)
    if habits_csv is None:
        raise LoopFormatError("the zip has no Habits.csv: is it Loop's 'Export as CSV'?")
    prefix = habits_csv[: -len("Habits.csv")]
    rows = _read_csv(_read_member(archive, habits_csv), "Habits.csv")
    if not rows or "Name" not in rows[0]:
        raise LoopFormatError("Habits.csv has no header with a Name column")
    header = [h.strip() for h in rows[0]]
    habits: dict[int, LoopHabit] = {}
    for index, row in enumerate(rows[1:], start=1):
        record = dict(zip(header, row, strict=False))
        position = _int(record.get("Position"), "Habits.csv Position", index)
        habits[position] = _csv_habit(record)
        if len(habits) > MAX_HABITS:
            raise LoopFormatError(f"more than {MAX_HABITS} habits")
    for member in names:
        rest = member[len(prefix) :] if member.startswith(prefix) else member
        folder, _, file_name = rest.partition("/")
        match = HABIT_DIR.match(folder)
        if file_name != "Checkmarks.csv" or not match:
            continue
        habit = habits.get(int(match.group(1)))
        if habit is not None:
            _csv_entries(_read_csv(_read_member(archive, member), member), habit, member)
    return list(habits.values())


MAX_MEMBER = 64 * 1024 * 1024


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER:  # a zip bomb would claim (and unpack to) a huge size
        raise LoopFormatError(f"{name} is too large")
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise LoopFormatError(f"{name} cannot be read: {exc}") from exc


# ----------------------------------------------------------------------------- SQLite backup

SQLITE_MAGIC = b"SQLite format 3\x00"


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]).lower() for row in conn.execute(f"PRAGMA table_info({table})")}


def _pick(columns: set[str], name: str, fallback: str) -> str:
    return name if name in columns else fallback


def parse_sqlite(data: bytes) -> list[LoopHabit]:
    if not data.startswith(SQLITE_MAGIC):
        raise LoopFormatError("not an SQLite database")
    with tempfile.TemporaryDirectory(prefix="kaizen-loop-") as folder:
        path = Path(folder) / "loop.db"
        path.write_bytes(data)
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error as exc:  # pragma: no cover - the file was just written
            raise LoopFormatError(f"cannot open the database: {exc}") from exc
        try:
            return _read_loop_db(conn)
        except sqlite3.Error as exc:
            raise LoopFormatError(f"the database cannot be read: {exc}") from exc
        finally:
            conn.close()


def _read_loop_db(conn: sqlite3.Connection) -> list[LoopHabit]:
    tables = {
        str(r[0]).lower() for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if not {"habits", "repetitions"} <= tables:
        raise LoopFormatError(
            "the database has no Habits and Repetitions tables: not a Loop backup"
        )
    hc = _columns(conn, "Habits")
    rc = _columns(conn, "Repetitions")
    select_habits = ", ".join(
        [
            "id",
            _pick(hc, "name", "''"),
            _pick(hc, "question", "''"),
            _pick(hc, "description", "''"),
            _pick(hc, "freq_num", "1"),
            _pick(hc, "freq_den", "1"),
            _pick(hc, "type", "0"),
            _pick(hc, "target_value", "0"),
            _pick(hc, "target_type", "0"),
            _pick(hc, "unit", "''"),
            _pick(hc, "archived", "0"),
            _pick(hc, "uuid", "NULL"),
        ]
    )
    order = "position, id" if "position" in hc else "id"
    habits: dict[int, LoopHabit] = {}
    for row in conn.execute(f"SELECT {select_habits} FROM Habits ORDER BY {order}"):  # noqa: S608
        (hid, name, question, desc, num, den, kind, target, ttype, unit, archived, uuid) = row
        name = _text(name, MAX_NAME)
        if not name:
            raise LoopFormatError(f"habit {hid} has no name")
        numeric = _int(kind, name, 0) == 1
        habits[int(hid)] = LoopHabit(
            name=name,
            description=_description(question, desc),
            numerator=_frequency(_int(num, name, 1), _int(den, name, 1), name)[0],
            denominator=_int(den, name, 1),
            numeric=numeric,
            target_value=float(target or 0) if numeric else None,
            target_type=("at_most" if _int(ttype, name, 0) == 1 else "at_least")
            if numeric
            else None,
            unit=_text(unit, 32) or None if numeric else None,
            color=None,
            archived=bool(archived),
            uuid=_text(uuid, 64) or None,
        )
        if len(habits) > MAX_HABITS:
            raise LoopFormatError(f"more than {MAX_HABITS} habits")
    value = _pick(rc, "value", str(YES_MANUAL))
    notes = _pick(rc, "notes", "''")
    entries = conn.execute(
        f"SELECT habit, timestamp, {value}, {notes} FROM Repetitions ORDER BY habit, timestamp"  # noqa: S608
    )
    for habit_id, stamp, code, note in entries:
        habit = habits.get(int(habit_id))
        if habit is None:
            continue
        try:
            day = datetime.fromtimestamp(int(stamp) / 1000, tz=UTC).date()
        except (ValueError, OverflowError, OSError) as exc:
            raise LoopFormatError(f"repetition of {habit.name!r}: bad timestamp {stamp}") from exc
        code = int(code if code is not None else YES_MANUAL)
        note = _text(note, MAX_NOTE)
        if habit.numeric and code >= 0:
            habit.entries.append(LoopEntry(day, None, code / NUMERIC_SCALE, note))
        elif habit.numeric and code != SKIP:
            habit.ignored["unknown"] += 1
        else:
            _bool_entry(code, day, note, habit)
    return list(habits.values())


def parse(data: bytes) -> list[LoopHabit]:
    """Either export, told apart by its first bytes."""
    if data.startswith(SQLITE_MAGIC):
        return parse_sqlite(data)
    if data.startswith(b"PK"):
        return parse_csv_zip(data)
    raise LoopFormatError(
        "not a Loop export: send the zip from 'Export as CSV' or the backup database file"
    )


def _times(n: int) -> str:
    return "1 time" if n == 1 else f"{n} times"


def describe_frequency(numerator: int, denominator: int) -> str:
    if denominator == 1:
        return f"{_times(numerator)} a day" if numerator > 1 else "every day"
    return f"{_times(numerator)} in {denominator} days"


def schedule_for(numerator: int, denominator: int) -> tuple[dict[str, Any], str | None]:
    """Loop's "N times in M days" as the nearest Kaizen schedule, and the schedule's wording
    when it is not the same thing (None when it is: every day, or N times a week)."""
    if numerator >= denominator:
        return {"type": "daily"}, None if numerator == denominator else "every day"
    if denominator == 7:
        return {"type": "times_per_week", "times": numerator}, None
    per_week = int(7 * numerator / denominator + 0.5)
    if per_week >= 7:
        return {"type": "daily"}, "every day"
    times = max(per_week, 1)
    return {"type": "times_per_week", "times": times}, f"{_times(times)} a week"
