"""board, reading queue and reading spans indexes

Revision ID: f8ebdd8a5a07
Revises: 7c3e91a5d2f4
Create Date: 2026-11-30 11:05:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "f8ebdd8a5a07"
down_revision: str | None = "7c3e91a5d2f4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_applications_user_id_stage_changed_at",
            ["user_id", "stage_changed_at", "id"],
            unique=False,
        )

    with op.batch_alter_table("reading_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reading_items_user_id_position", ["user_id", "position"], unique=False
        )

    with op.batch_alter_table("reading_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reading_status_changes_item_id_status",
            ["item_id", "status", "read_through", "date"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("reading_status_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_reading_status_changes_item_id_status")

    with op.batch_alter_table("reading_items", schema=None) as batch_op:
        batch_op.drop_index("ix_reading_items_user_id_position")

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("ix_applications_user_id_stage_changed_at")
