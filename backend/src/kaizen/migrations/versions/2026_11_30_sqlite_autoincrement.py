"""Ids are never reused on SQLite: rebuild every table with an integer id as AUTOINCREMENT;
and released public handles, kept for a cooling-off period.

Without AUTOINCREMENT, SQLite gives the id of the newest deleted row to the next insert. New
tables get it from ``kaizen.db.Base``; this rebuilds the tables that exist already, keeping
their rows, ids, indexes and constraints (the CREATE statement is rewritten, nothing else).
Every such table present when this runs is rebuilt, whichever migration created it.
A no-op on PostgreSQL, whose sequences never hand an id out twice.

Revision ID: a6c1392c94cc
Revises: 44a024165e62
Create Date: 2026-11-30 05:00:00
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kaizen.db

revision: str = 'a6c1392c94cc'
down_revision: str | None = 'f918db882f66'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _rebuild(table: str, sql: str, indexes: list[str], *, autoincrement: bool) -> None:
    """SQLite's documented 12-step table change (foreign keys are off during migrations)."""
    temp = f"_rebuild_{table}"
    body = re.sub(
        rf'^CREATE TABLE "?{re.escape(table)}"?', f'CREATE TABLE "{temp}"', sql, count=1
    )
    if autoincrement:
        pk = re.search(r',\s*CONSTRAINT (\w+) PRIMARY KEY \(id\)', body)
        assert pk is not None, f"{table}: no single-column primary key on id"
        body = body.replace(pk.group(0), "", 1)
        body, n = re.subn(
            r'\bid INTEGER NOT NULL\b',
            f'id INTEGER NOT NULL CONSTRAINT {pk.group(1)} PRIMARY KEY AUTOINCREMENT',
            body,
            count=1,
        )
    else:
        body, n = re.subn(
            r'\bid INTEGER NOT NULL (?:CONSTRAINT \w+ )?PRIMARY KEY AUTOINCREMENT',
            r'id INTEGER NOT NULL',
            body,
            count=1,
        )
        body = re.sub(r'\)\s*$', f', \n\tCONSTRAINT pk_{table} PRIMARY KEY (id)\n)', body)
    assert n == 1, f"{table}: unexpected id column in {sql!r}"
    op.execute(body)
    op.execute(f'INSERT INTO "{temp}" SELECT * FROM "{table}"')
    op.execute(f'DROP TABLE "{table}"')
    op.execute(f'ALTER TABLE "{temp}" RENAME TO "{table}"')
    for index in indexes:
        op.execute(index)


def _tables(*, having: bool) -> list[tuple[str, str, list[str]]]:
    """Tables with an integer ``id`` primary key that have (or lack) AUTOINCREMENT."""
    conn = op.get_bind()
    found = []
    for name, sql in conn.execute(
        sa.text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
        )
    ):
        if ("AUTOINCREMENT" in sql.upper()) != having:
            continue
        if not having and not re.search(r'\bid INTEGER NOT NULL,.*PRIMARY KEY \(id\)', sql, re.S):
            continue
        indexes = [
            row[0]
            for row in conn.execute(
                sa.text(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name = :t AND sql IS NOT NULL"
                ),
                {"t": name},
            )
        ]
        found.append((name, sql, indexes))
    return found


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, sql, indexes in _tables(having=False):
            _rebuild(name, sql, indexes, autoincrement=True)
    op.create_table('released_handles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handle', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('released_at', kaizen.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_released_handles_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_released_handles')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('released_handles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_released_handles_handle'), ['handle'], unique=False)
        batch_op.create_index(batch_op.f('ix_released_handles_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('released_handles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_released_handles_user_id'))
        batch_op.drop_index(batch_op.f('ix_released_handles_handle'))
    op.drop_table('released_handles')
    if op.get_bind().dialect.name == "sqlite":
        for name, sql, indexes in _tables(having=True):
            _rebuild(name, sql, indexes, autoincrement=False)
