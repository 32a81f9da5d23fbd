"""Imports every domain's models so Base.metadata knows all tables (Alembic, tests)."""

import kaizen.admin.models
import kaizen.auth.models
import kaizen.calendar.models
import kaizen.goals.models
import kaizen.habits.models
import kaizen.opportunities.models
import kaizen.portfolio.models
import kaizen.reading.models
import kaizen.reviews.models
import kaizen.sprints.models  # noqa: F401


def import_all_models() -> None:
    """Every model is imported with this module; calling this makes a caller's need explicit."""
