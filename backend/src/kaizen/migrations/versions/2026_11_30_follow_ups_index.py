"""applications by follow-up date index

Revision ID: 5a27e0c70a2e
Revises: 6211b7cbb6c6
Create Date: 2026-11-30 14:25:00.000000

Follow-ups (GET /follow-ups and Home's card) ask for a user's applications due by a date;
without this index SQLite walks every one of the user's applications.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '5a27e0c70a2e'
down_revision: str | None = '6211b7cbb6c6'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(
            'ix_applications_user_id_follow_up_on', ['user_id', 'follow_up_on'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_user_id_follow_up_on')
