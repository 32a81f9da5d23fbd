"""Build Loop Habit Tracker exports in tests, in the shapes Loop writes them."""

import csv
import io
import sqlite3
import tempfile
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

HABITS_HEADER = [
    "Position",
    "Name",
    "Type",
    "Question",
    "Description",
    "FrequencyNumerator",
    "FrequencyDenominator",
    "Color",
    "Unit",
    "Target Type",
    "Target Value",
    "Archived?",
]


def _csv(rows: list[list[Any]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def csv_zip(habits: list[dict[str, Any]]) -> bytes:
    """habits: {"name", "num", "den", "numeric", "unit", "target", "entries": [(day, value, note)]}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        rows: list[list[Any]] = [HABITS_HEADER]
        for i, h in enumerate(habits, start=1):
            numeric = h.get("numeric", False)
            rows.append(
                [
                    f"{i:03d}",
                    h["name"],
                    "NUMERICAL" if numeric else "YES_NO",
                    h.get("question", ""),
                    h.get("description", ""),
                    h.get("num", 1),
                    h.get("den", 1),
                    h.get("color", "#FF8F00"),
                    h.get("unit", "") if numeric else "",
                    h.get("target_type", "AT_LEAST") if numeric else "",
                    str(h.get("target", 0.0)) if numeric else "",
                    "false",
                ]
            )
            entries = [["Date", "Value", "Notes"]] + [
                [d.isoformat(), v, n] for d, v, n in h.get("entries", [])
            ]
            archive.writestr(f"{i:03d} {h['name']}/Checkmarks.csv", _csv(entries))
            archive.writestr(f"{i:03d} {h['name']}/Scores.csv", "Date,Score\n")
        archive.writestr("Habits.csv", _csv(rows))
        archive.writestr("Checkmarks.csv", "Date,\n")
    return buffer.getvalue()


def _ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


CURRENT_SCHEMA = """
create table Habits (id integer primary key, archived integer, color integer, description text,
  freq_den integer, freq_num integer, highlight integer, name text, position integer,
  reminder_hour integer, reminder_min integer, reminder_days integer not null default 127,
  type integer not null default 0, target_type integer not null default 0,
  target_value real not null default 0, unit text not null default "", question text,
  uuid text);
create table Repetitions (id integer primary key autoincrement, habit integer not null
  references habits(id), timestamp integer not null, value integer not null, notes text);
"""
# An old backup (Loop 1.x): no type/target/unit/question/uuid, repetitions without value/notes.
OLD_SCHEMA = """
create table Habits (id integer primary key, archived integer, color integer, description text,
  freq_den integer, freq_num integer, highlight integer, name text, position integer,
  reminder_hour integer, reminder_min integer, reminder_days integer);
create table Repetitions (id integer primary key autoincrement, habit integer not null,
  timestamp integer not null);
"""


def sqlite_db(habits: list[dict[str, Any]], *, old: bool = False) -> bytes:
    """habits as for csv_zip; entries' values are Loop's stored integers (×1000 if numeric)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Loop.db"
        conn = sqlite3.connect(path)
        conn.executescript(OLD_SCHEMA if old else CURRENT_SCHEMA)
        for i, h in enumerate(habits, start=1):
            if old:
                conn.execute(
                    "insert into Habits (id, archived, color, description, freq_den, freq_num,"
                    " highlight, name, position) values (?, 0, 3, ?, ?, ?, 0, ?, ?)",
                    (i, h.get("description", ""), h.get("den", 1), h.get("num", 1), h["name"], i),
                )
                conn.executemany(
                    "insert into Repetitions (habit, timestamp) values (?, ?)",
                    [(i, _ms(d)) for d, _v, _n in h.get("entries", [])],
                )
                continue
            conn.execute(
                "insert into Habits (id, archived, color, description, freq_den, freq_num,"
                " highlight, name, position, type, target_type, target_value, unit, question,"
                " uuid) values (?, 0, 3, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    i,
                    h.get("description", ""),
                    h.get("den", 1),
                    h.get("num", 1),
                    h["name"],
                    i,
                    1 if h.get("numeric") else 0,
                    1 if h.get("target_type") == "AT_MOST" else 0,
                    h.get("target", 0),
                    h.get("unit", ""),
                    h.get("question", ""),
                    h.get("uuid", f"uuid-{i}"),
                ),
            )
            conn.executemany(
                "insert into Repetitions (habit, timestamp, value, notes) values (?, ?, ?, ?)",
                [(i, _ms(d), v, n) for d, v, n in h.get("entries", [])],
            )
        conn.commit()
        conn.close()
        return path.read_bytes()
