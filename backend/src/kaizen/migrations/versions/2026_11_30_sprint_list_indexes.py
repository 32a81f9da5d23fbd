"""sprint list indexes

The sprint list walks a user's sprints newest first along ``(user_id, start_date, id)``
instead of sorting them, and reads its page's action items in order along
``(sprint_id, position, habit_id)`` (covering) instead of looking up and sorting every link row.

Revision ID: 40be6b676ce6
Revises: 5a27e0c70a2e
Create Date: 2026-11-30 16:50:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '40be6b676ce6'
down_revision: str | None = '5a27e0c70a2e'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sprints', schema=None) as batch_op:
        batch_op.create_index(
            'ix_sprints_user_id_start_date', ['user_id', 'start_date', 'id'], unique=False
        )

    with op.batch_alter_table('sprint_habits', schema=None) as batch_op:
        batch_op.create_index(
            'ix_sprint_habits_sprint_id_position',
            ['sprint_id', 'position', 'habit_id'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('sprint_habits', schema=None) as batch_op:
        batch_op.drop_index('ix_sprint_habits_sprint_id_position')

    with op.batch_alter_table('sprints', schema=None) as batch_op:
        batch_op.drop_index('ix_sprints_user_id_start_date')
