"""Imports every domain's models so Base.metadata knows all tables (Alembic, tests)."""


def import_all_models() -> None:
    import kaizen.admin.models
    import kaizen.auth.models
    import kaizen.goals.models
    import kaizen.habits.models
    import kaizen.portfolio.models
    import kaizen.sprints.models  # noqa: F401
