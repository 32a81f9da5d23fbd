"""habits: the current-streak figure kept on write (run_as_of, run_before_as_of)

Revision ID: d168519c539c
Revises: 40be6b676ce6
Create Date: 2026-11-30 16:40:00.000000

Two nullable columns on habits (kaizen/habits/kept_runs.py). Nothing is backfilled: NULL
means "not kept", and Today and Home then count the run in SQL as before, until the item's
next check-in write keeps it (so the figures never depend on the day this migration ran).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'd168519c539c'
down_revision: str | None = '40be6b676ce6'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('habits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('run_as_of', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('run_before_as_of', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('habits', schema=None) as batch_op:
        batch_op.drop_column('run_before_as_of')
        batch_op.drop_column('run_as_of')
