"""admin: invitations, server settings and users' last seen

Revision ID: a6bd02b34642
Revises: 44a024165e62
Create Date: 2026-11-30 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kaizen.db

revision: str = 'a6bd02b34642'
down_revision: str | None = 'a6c1392c94cc'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'invitations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.Column('prefix', sa.String(length=16), nullable=False),
        sa.Column('secret_hash', sa.String(length=64), nullable=False),
        sa.Column('expires_at', kaizen.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('used_at', kaizen.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('used_by_id', sa.Integer(), nullable=True),
        sa.Column('revoked_at', kaizen.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', kaizen.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', kaizen.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['created_by_id'], ['users.id'],
            name=op.f('fk_invitations_created_by_id_users'), ondelete='SET NULL',
        ),
        sa.ForeignKeyConstraint(
            ['used_by_id'], ['users.id'],
            name=op.f('fk_invitations_used_by_id_users'), ondelete='SET NULL',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations')),
        sa.UniqueConstraint('secret_hash', name=op.f('uq_invitations_secret_hash')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitations_created_by_id'), ['created_by_id'], unique=False)

    op.create_table(
        'server_settings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('signup_open', sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_server_settings')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_seen_at', kaizen.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('last_seen_at')
    op.drop_table('server_settings')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_created_by_id'))
    op.drop_table('invitations')
