"""reading stats indexes

Revision ID: 7c3e91a5d2f4
Revises: 4bf4ca6b9f49
Create Date: 2026-11-30 08:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '7c3e91a5d2f4'
down_revision: str | None = '4bf4ca6b9f49'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('reading_items', schema=None) as batch_op:
        batch_op.create_index('ix_reading_items_user_id_status', ['user_id', 'status'], unique=False)

    with op.batch_alter_table('reading_status_changes', schema=None) as batch_op:
        batch_op.create_index('ix_reading_status_changes_status_date', ['status', 'date'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reading_status_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_reading_status_changes_status_date')

    with op.batch_alter_table('reading_items', schema=None) as batch_op:
        batch_op.drop_index('ix_reading_items_user_id_status')
