"""What every section of the Kaizen document shares: the id maps (database id ↔ document id),
the tally of what an import created and updated, and how items are matched to rows."""

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Row, Select
from sqlalchemy.orm import Session

from kaizen.auth.models import User

R = TypeVar("R")
AnyRow = Row[*tuple[Any, ...]]
I = TypeVar("I")  # noqa: E741


@dataclass
class IdMap:
    """Database id ↔ document id, per section."""

    to_doc: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    to_db: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))

    def doc(self, section: str, db_id: int | None) -> int | None:
        return self.to_doc[section].get(db_id) if db_id is not None else None

    def db(self, section: str, doc_id: int | None) -> int | None:
        return self.to_db[section][doc_id] if doc_id is not None else None


@dataclass
class Tally:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def stream_rows(db: Session, stmt: Select[*tuple[Any, ...]]) -> Iterator[AnyRow]:
    """A query's rows as plain tuples, fetched a few hundred at a time (a server-side cursor
    on PostgreSQL): an export holds one batch of a section's rows, never ORM objects for all."""
    yield from db.execute(stmt.execution_options(yield_per=500))


class Children:
    """Rows of a child table streamed in their parents' order (the first column is the
    parent's id): ``of(parent_id)`` takes the parent's rows off the stream, so parents and
    children are read side by side and no section's children are held all at once."""

    def __init__(self, stream: Iterator[AnyRow]) -> None:
        self._stream = stream
        self._next: AnyRow | None = next(stream, None)

    def of(self, parent_id: int) -> list[AnyRow]:
        found = []
        while self._next is not None and self._next[0] == parent_id:
            found.append(self._next)
            self._next = next(self._stream, None)
        return found


def put(
    db: Session, row: Any, make: Callable[..., Any], fields: dict[str, Any], tally: Tally, name: str
) -> Any:
    """Create the row (``make(**fields)``) or overwrite the matched one, and count which."""
    if row is None:
        row = make(**fields)
        db.add(row)
        tally.created[name] += 1
        return row
    for key, value in fields.items():
        setattr(row, key, value)
    tally.updated[name] += 1
    return row


def match(
    rows: Iterable[R],
    row_key: Callable[[R], Hashable],
    items: Sequence[I],
    item_key: Callable[[I], Hashable],
) -> list[R | None]:
    """The existing row each item stands for: the n-th item with a key gets the n-th row with
    that key (rows in id order), so two things with one name stay two, and importing the same
    file again pairs each item with the row it created the first time."""
    buckets: dict[Hashable, deque[R]] = defaultdict(deque)
    for row in rows:
        buckets[row_key(row)].append(row)
    out: list[R | None] = []
    for item in items:
        bucket = buckets.get(item_key(item))
        out.append(bucket.popleft() if bucket else None)
    return out


def missing(
    existing: Iterable[Hashable], wanted: Iterable[I], key: Callable[[I], Hashable]
) -> Iterator[I]:
    """The wanted entries of an append-only history that it does not hold yet (as a multiset:
    an entry the history holds once and the file twice is added once)."""
    have = Counter(existing)
    for entry in wanted:
        k = key(entry)
        if have[k]:
            have[k] -= 1
        else:
            yield entry


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[Session, User, IdMap], Iterator[dict[str, Any]]]
    load: Callable[[Session, User, list[Any], IdMap, Tally], None]
    links: dict[str, str]  # field → section its ids point into
