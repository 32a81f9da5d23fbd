"""Goal progress from key results. Pure: no I/O."""

from collections.abc import Iterable


def key_result_progress(start: float, current: float, target: float) -> float:
    """How far current has moved from start towards target, clamped to [0, 1].

    Works both ways (a target below the start, e.g. "bugs open: 10 → 0"). When start equals
    target ("keep it at 70"), it is met exactly while current equals the target.
    """
    if target == start:
        return 1.0 if current == target else 0.0
    return min(1.0, max(0.0, (current - start) / (target - start)))


def goal_progress(progresses: Iterable[float]) -> float | None:
    values = list(progresses)
    return sum(values) / len(values) if values else None
