"""What the schema says about ownership, read from ``Base.metadata`` so a new domain's tables
are covered without a change here: which rows belong to a user (a foreign key to ``users``, or
to a row that belongs to the user, that deletes with its parent), and the order tables must be
written in."""

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Table, false, or_, select

from kaizen.db import Base
from kaizen.models import import_all_models

import_all_models()

USERS = "users"


@dataclass
class Ownership:
    """For one table: conditions (any of them) that make a row the user's, and nullable
    columns that merely point at the user's rows (ON DELETE SET NULL)."""

    owns: list[ColumnElement[bool]] = field(default_factory=list)
    set_null: list[tuple[str, ColumnElement[bool]]] = field(default_factory=list)


def _is_set_null(ondelete: str | None, nullable: bool) -> bool:
    return nullable and (ondelete or "").upper() == "SET NULL"


def ownership(user_id: int) -> dict[Table, Ownership]:
    """Every table that holds the user's rows or points at them, parents before children."""
    found: dict[Table, Ownership] = {}
    for table in Base.metadata.sorted_tables:
        if table.name == USERS:
            found[table] = Ownership(owns=[table.c.id == user_id])
            continue
        entry = Ownership()
        for fk in table.foreign_keys:
            parent = fk.column.table
            if parent not in found or not found[parent].owns:
                continue
            column = fk.parent
            mine = (
                column == user_id
                if parent.name == USERS
                else column.in_(select(fk.column).where(or_(false(), *found[parent].owns)))
            )
            if _is_set_null(fk.ondelete, bool(column.nullable)):
                entry.set_null.append((column.name, mine))
            else:
                entry.owns.append(mine)
        if entry.owns or entry.set_null:
            found[table] = entry
    return found


def copy_order() -> list[Table]:
    """Every table, each after the tables it references."""
    return list(Base.metadata.sorted_tables)
