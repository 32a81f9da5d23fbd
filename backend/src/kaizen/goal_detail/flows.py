"""The goal detail page: a goal with everything linked to it, across domains.

A flow: it may call several domains' services (nothing but routers and the CLI calls a flow).
Each loader in ``LINKED`` adds one kind of linked item in a fixed number of queries, so a new
domain that links to goals joins the page by adding one loader here.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kaizen.goals import service as goals
from kaizen.goals.models import Goal
from kaizen.goals.schemas import (
    GoalDetail,
    GoalRead,
    KeyResultRead,
    LinkedApplication,
    LinkedEntry,
    LinkedHabit,
    LinkedOrganization,
    LinkedSprint,
)
from kaizen.habits import logs
from kaizen.habits import service as habits
from kaizen.opportunities import service as opportunities
from kaizen.portfolio import service as portfolio
from kaizen.sprints import service as sprints
from kaizen.sprints.snapshots import status_of


def _linked_habits(db: Session, goal: Goal, today: date) -> dict[str, Any]:
    rows = habits.habits_for_goal(db, goal.id)
    habit_logs, runs = logs.current_streaks(db, rows, today)
    return {
        "habits": [
            LinkedHabit(
                id=habit.id,
                name=habit.name,
                archived=habit.archived,
                rate_14d=logs.recent_rate(habit_logs[habit.id], today),
                current_streak=runs[habit.id].current,
                streak_unit=runs[habit.id].unit,
            )
            for habit in rows
        ]
    }


def _linked_sprints(db: Session, goal: Goal, today: date) -> dict[str, Any]:
    return {
        "sprints": [
            LinkedSprint(
                id=s.id,
                title=s.title,
                start_date=s.start_date,
                end_date=s.end_date,
                status=status_of(s, today),
            )
            for s in sprints.sprints_for_goal(db, goal.id)
        ]
    }


def _linked_entries(db: Session, goal: Goal, today: date) -> dict[str, Any]:
    entries = portfolio.entries_for_goal(db, goal.id)
    return {"portfolio_entries": [LinkedEntry.model_validate(e) for e in entries]}


def _linked_opportunities(db: Session, goal: Goal, today: date) -> dict[str, Any]:
    return {
        "organizations": [
            LinkedOrganization.model_validate(o)
            for o in opportunities.organizations_for_goal(db, goal.id)
        ],
        "applications": [
            LinkedApplication.model_validate(a)
            for a in opportunities.applications_for_goal(db, goal.id)
        ],
    }


# Each loader runs a fixed number of queries and returns fields of GoalDetail.
LINKED: list[Callable[[Session, Goal, date], dict[str, Any]]] = [
    _linked_habits,
    _linked_sprints,
    _linked_entries,
    _linked_opportunities,
]


def goal_detail(db: Session, goal: Goal, today: date) -> GoalDetail:
    goal = goals.with_key_results(db, goal)
    fields: dict[str, Any] = {}
    for loader in LINKED:
        fields.update(loader(db, goal, today))
    return GoalDetail(
        **GoalRead.model_validate(goal).model_dump(),
        key_results=[KeyResultRead.model_validate(k) for k in goal.key_results],
        **fields,
    )
