"""What the sprint list shows of a finished sprint from its kept snapshot (its score and
outcome), derived once, when the snapshot or the target is written, and stored beside it.

``Sprint.kept_score``, ``kept_outcome`` and ``kept_outcome_text`` are written by a flush hook
on ``Sprint`` (``models.py``) from the same values a read would derive them from: the kept
snapshot's score and rows and the sprint's target. They hold NULL (the list then scores the
sprint as before) when there is no snapshot or it is marked for re-scoring. Pure: no
database, no other module of this domain but ``scoring``.
"""

from collections.abc import Mapping
from typing import Any, NamedTuple

from kaizen.habits.scoring import StreakUnit
from kaizen.sprints import scoring


class KeptColumns(NamedTuple):
    score: float | None
    outcome: str | None  # the outcome's state; None: nothing kept (or marked for re-scoring)
    outcome_text: str | None


NOTHING_KEPT = KeptColumns(None, None, None)


def is_marked(snapshot: Mapping[str, Any]) -> bool:
    """A snapshot marked for re-scoring (now, or by the older ``stale`` field)."""
    return bool(snapshot.get("rescore_all") or snapshot.get("rescore") or "stale" in snapshot)


def tallies(rows: list[Mapping[str, Any]]) -> list[scoring.ItemTally]:
    """The numbers a kept snapshot's rows give the outcome."""
    return [
        scoring.ItemTally(
            int(i["done"]),
            int(i["required"]),
            int(i["still_needed"]),
            int(i["eligible_left"]),
            StreakUnit(i.get("streak_unit", StreakUnit.DAYS)),
        )
        for i in rows
    ]


def columns_of(snapshot: Any, target_rate: float) -> KeptColumns:
    """The kept columns for a snapshot (the JSON column's value) and the sprint's target: its
    score and its outcome as a finished sprint; NOTHING_KEPT when there is nothing kept, it
    is marked for re-scoring, or it is not a snapshot this code can read (the list then reads
    it the slow way, exactly as before)."""
    if not isinstance(snapshot, Mapping) or not snapshot or is_marked(snapshot):
        return NOTHING_KEPT
    try:
        score = snapshot["score"]
        items = tallies(snapshot["habits"])
    except (KeyError, TypeError, ValueError, OverflowError):
        return NOTHING_KEPT
    if score is not None and not isinstance(score, int | float):
        return NOTHING_KEPT
    found = scoring.outcome(status="finished", target_rate=target_rate, items=items)
    return KeptColumns(None if score is None else float(score), found.state, found.text)
