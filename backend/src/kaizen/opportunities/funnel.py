"""The funnel of the main path (applied → accepted) from pre-aggregated rows. Pure: no I/O.

An application *reached* a stage when its history ever shows it at that stage or at a later
stage of the main path. Its *response* is getting past `applied` to anything (rejection
included). Days in a stage count finished stays only (from entering it to the next change).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from kaizen.opportunities.schemas import Funnel, FunnelStats, StageFunnel

MAIN_PATH = ("applied", "screening", "interviewing", "offer", "accepted")
CLOSED = frozenset({"accepted", "rejected", "withdrawn", "ghosted"})
STAGES = ("wishlist", *MAIN_PATH, "rejected", "withdrawn", "ghosted")


def path_index(stage: str) -> int:
    """1 for `applied` … 5 for `accepted`; 0 for anything off the main path."""
    return MAIN_PATH.index(stage) + 1 if stage in MAIN_PATH else 0


@dataclass(frozen=True)
class ReachRow:
    """How many applications of a type and kind got furthest to ``reach`` (a path index)."""

    type: str
    kind: str
    reach: int
    rejected: bool
    count: int


class StayRow(NamedTuple):
    """One finished stay on the main path (a named tuple: there are hundreds per request)."""

    type: str
    kind: str
    stage: str
    days: float


_Row = TypeVar("_Row", ReachRow, StayRow)


def _percentile_of_sorted(ordered: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), rounded to 0.1."""
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    value = ordered[low] + (ordered[high] - ordered[low]) * (pos - low)
    return round(value, 1)


def _funnel(reach: Iterable[ReachRow], days: dict[str, list[float]]) -> Funnel:
    """One funnel from its reach rows and its finished stays' days per stage."""
    reached = [0] * (len(MAIN_PATH) + 1)
    total = responded = 0
    for row in reach:
        total += row.count
        for i in range(1, row.reach + 1):
            reached[i] += row.count
        if row.reach >= 2 or (row.reach >= 1 and row.rejected):
            responded += row.count
    stages = []
    for i, stage in enumerate(MAIN_PATH, start=1):
        nxt = reached[i + 1] if i < len(MAIN_PATH) else None
        ordered = sorted(days.get(stage, ()))  # once for both percentiles
        stages.append(
            StageFunnel(
                stage=stage,
                reached=reached[i],
                conversion=round(nxt / reached[i], 4) if nxt is not None and reached[i] else None,
                median_days=_percentile_of_sorted(ordered, 0.5) if ordered else None,
                p75_days=_percentile_of_sorted(ordered, 0.75) if ordered else None,
            )
        )
    return Funnel(
        stages=stages,
        total=total,
        response_rate=round(responded / reached[1], 4) if reached[1] else None,
    )


def _grouped(rows: Iterable[_Row], key: str) -> defaultdict[str, list[_Row]]:
    groups: defaultdict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def funnel_stats(reach: list[ReachRow], stays: list[StayRow]) -> FunnelStats:
    # Rows grouped by type and by kind (in their order, as filtering would); each stay's days
    # go to its stage in the overall, its type's and its kind's funnel in one pass.
    reach_by_type, reach_by_kind = _grouped(reach, "type"), _grouped(reach, "kind")
    overall: dict[str, list[float]] = defaultdict(list)
    by_type_days: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    by_kind_days: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for type_, kind, stage, days in stays:
        overall[stage].append(days)
        by_type_days[type_][stage].append(days)
        by_kind_days[kind][stage].append(days)
    whole = _funnel(reach, overall)
    by_type = {t: _funnel(reach_by_type[t], by_type_days.get(t, {})) for t in sorted(reach_by_type)}
    by_kind = {k: _funnel(reach_by_kind[k], by_kind_days.get(k, {})) for k in sorted(reach_by_kind)}
    # The validated parts as they are (not dumped and validated again).
    return FunnelStats(
        stages=whole.stages,
        total=whole.total,
        response_rate=whole.response_rate,
        by_type=by_type,
        by_kind=by_kind,
    )
