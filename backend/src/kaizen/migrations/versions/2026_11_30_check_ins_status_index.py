"""check-ins by status index

Revision ID: b35942526085
Revises: f8ebdd8a5a07
Create Date: 2026-11-30 11:15:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = 'b35942526085'
down_revision: str | None = 'f8ebdd8a5a07'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.create_index(
            'ix_check_ins_habit_id_status_date', ['habit_id', 'status', 'date'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.drop_index('ix_check_ins_habit_id_status_date')
