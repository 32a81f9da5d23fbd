"""sprints: kept score and outcome columns, backfilled from the kept snapshots

Revision ID: 6211b7cbb6c6
Revises: b35942526085
Create Date: 2026-11-30 13:45:00.000000

The sprint list read every finished sprint's kept snapshot (JSON) to show its score and
outcome; these columns hold them, written with the snapshot (kaizen.sprints.models's
flush hook). Existing rows are filled here from their snapshot and target by the same
function the hook uses (kaizen.sprints.kept.columns_of), in batches.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kaizen.sprints.kept import columns_of

revision: str = "6211b7cbb6c6"
down_revision: str | None = "b35942526085"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 500


def upgrade() -> None:
    with op.batch_alter_table("sprints", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kept_score", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("kept_outcome", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("kept_outcome_text", sa.Text(), nullable=True))
    _backfill()


def _backfill() -> None:
    conn = op.get_bind()
    sprints = sa.table(
        "sprints",
        sa.column("id", sa.Integer),
        sa.column("target_rate", sa.Float),
        sa.column("snapshot", sa.Text),
        sa.column("kept_score", sa.Float),
        sa.column("kept_outcome", sa.String),
        sa.column("kept_outcome_text", sa.Text),
    )
    # The JSON as text on both databases (PostgreSQL's json column casts to text).
    snapshot_text = sa.cast(sprints.c.snapshot, sa.Text)
    update = (
        sprints.update()
        .where(sprints.c.id == sa.bindparam("sprint_id"))
        .values(
            kept_score=sa.bindparam("score"),
            kept_outcome=sa.bindparam("outcome"),
            kept_outcome_text=sa.bindparam("outcome_text"),
        )
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(sprints.c.id, sprints.c.target_rate, snapshot_text)
            .where(sprints.c.id > last, sprints.c.snapshot.is_not(None))
            .order_by(sprints.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        values = []
        for sprint_id, target_rate, text in rows:
            kept = columns_of(json.loads(text) if text else None, target_rate)
            if kept.outcome is not None:
                values.append({"sprint_id": sprint_id, **kept._asdict()})
        if values:
            conn.execute(update, values)
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("sprints", schema=None) as batch_op:
        batch_op.drop_column("kept_outcome_text")
        batch_op.drop_column("kept_outcome")
        batch_op.drop_column("kept_score")
