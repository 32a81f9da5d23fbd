"""The `kaizen` command: serve, migrate and manage users."""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kaizen import clock
from kaizen import migrate as migrations
from kaizen.auth import service
from kaizen.auth.models import ApiToken, User, UserSession
from kaizen.auth.schemas import RegisterIn
from kaizen.config import settings
from kaizen.db import new_session
from kaizen.errors import AppError
from kaizen.portability import dbcopy, flows

app = typer.Typer(help="Kaizen: a self-hosted career-growth tracker.", no_args_is_help=True)
users_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
app.add_typer(users_app, name="users")
db_app = typer.Typer(help="Move the whole installation's database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command()
def migrate() -> None:
    """Upgrade the database schema to the latest version."""
    migrations.upgrade(settings.database_url)
    typer.echo("database is up to date")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes")] = 1,
) -> None:
    """Apply pending migrations (unless KAIZEN_MIGRATE_ON_START=false), then serve."""
    if settings.migrate_on_start:
        migrate()
    uvicorn.run(
        "kaizen.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=settings.access_log,
        # The app reads forwarded headers itself, from KAIZEN_TRUSTED_PROXIES only.
        proxy_headers=False,
    )


@users_app.command("create")
def users_create(
    email: Annotated[str, typer.Option(help="Email address")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    admin: Annotated[bool, typer.Option("--admin", help="Make the user an admin")] = False,
    display_name: Annotated[str, typer.Option(help="Name shown in the app")] = "",
    timezone: Annotated[str, typer.Option(help="IANA timezone")] = "UTC",
) -> None:
    """Create an account (works when open sign-up is off)."""
    try:
        body = RegisterIn(
            email=email, password=password, display_name=display_name, timezone=timezone
        )
    except ValidationError as exc:
        for err in exc.errors():
            typer.echo(f"{'.'.join(map(str, err['loc']))}: {err['msg']}", err=True)
        raise typer.Exit(2) from exc
    with new_session() as db:
        try:
            user = service.create_user(
                db,
                email=body.email,
                password=body.password,
                display_name=body.display_name,
                timezone=body.timezone,
                is_admin=admin,
            )
        except AppError as exc:
            typer.echo(exc.message, err=True)
            raise typer.Exit(1) from exc
        db.commit()
        typer.echo(f"created user {user.id} <{user.email}>{' (admin)' if admin else ''}")


@users_app.command("list")
def users_list() -> None:
    """List accounts."""
    with new_session() as db:
        for user in db.scalars(select(User).order_by(User.id)):
            flags = [
                f for f, on in (("admin", user.is_admin), ("disabled", not user.is_active)) if on
            ]
            typer.echo(f"{user.id}\t{user.email}\t{user.display_name}\t{','.join(flags)}")


@users_app.command("disable")
def users_disable(email: Annotated[str, typer.Option(help="Email address")]) -> None:
    """Disable an account and end its sessions; its data is kept."""
    with new_session() as db:
        user = service.get_user_by_email(db, email)
        if user is None:
            typer.echo(f"no user with email {email}", err=True)
            raise typer.Exit(1)
        user.is_active = False
        db.execute(delete(UserSession).where(UserSession.user_id == user.id))
        db.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
        db.commit()
        typer.echo(f"disabled {user.email}")


def _user_or_exit(db: Session, email: str) -> User:
    user = service.get_user_by_email(db, email)
    if user is None:
        typer.echo(f"no user with email {email}", err=True)
        raise typer.Exit(1)
    return user


@app.command("export")
def export_command(email: Annotated[str, typer.Option(help="Whose data")]) -> None:
    """Write the user's data as one Kaizen JSON document to stdout (`> file.json`)."""
    with new_session() as db:
        user = _user_or_exit(db, email)
        for chunk in flows.export_document(db, user):
            sys.stdout.write(chunk)
    sys.stdout.flush()


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A Kaizen export (JSON)", exists=True)],
    email: Annotated[str, typer.Option(help="Into whose account")],
    dry_run: Annotated[bool, typer.Option(help="Only report what would change")] = False,
) -> None:
    """Import a Kaizen export into an account (checked whole first; twice duplicates nothing)."""
    with new_session() as db:
        user = _user_or_exit(db, email)
        try:
            result = flows.import_document(
                db, user, file.read_bytes(), clock.local_today(user.timezone), dry_run=dry_run
            )
        except RequestValidationError as exc:
            for error in exc.errors():
                typer.echo(error["msg"], err=True)
            raise typer.Exit(1) from exc
        except AppError as exc:
            typer.echo(exc.message, err=True)
            raise typer.Exit(1) from exc
        db.commit()
    typer.echo(json.dumps(result.model_dump(), indent=2))


PG_DUMP_ADVICE = (
    "This installation runs on PostgreSQL: back it up with PostgreSQL's own tool, e.g.\n"
    '  pg_dump --format=custom --file=kaizen.dump "$DATABASE_URL"\n'
    "and restore with pg_restore (see README, Backups)."
)


@app.command()
def backup(path: Annotated[Path, typer.Argument(help="New file to write the copy to")]) -> None:
    """Copy the SQLite database to PATH while Kaizen keeps serving (SQLite's online backup)."""
    if dbcopy.sqlite_path(settings.database_url) is None:
        typer.echo(PG_DUMP_ADVICE, err=True)
        raise typer.Exit(2)
    try:
        size = dbcopy.backup_sqlite(settings.database_url, path)
    except dbcopy.CopyError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"backed up to {path} ({size} bytes)")


@db_app.command("copy")
def db_copy(
    to: Annotated[str, typer.Option("--to", help="Target, e.g. postgresql+psycopg://…")],
    migrate_target: Annotated[
        bool, typer.Option(help="Run the migrations on the target first")
    ] = True,
) -> None:
    """Copy every table of this installation (KAIZEN_DATABASE_URL) into an empty PostgreSQL
    database, checking row counts per table and leaving sequences after the largest ids.
    Stop Kaizen (or copy a `kaizen backup`) so nothing is written meanwhile."""
    if to == settings.database_url:
        typer.echo("the target is this installation's own database", err=True)
        raise typer.Exit(2)
    if migrate_target:
        migrations.upgrade(to)
    try:
        copied = dbcopy.copy_database(settings.database_url, to)
    except dbcopy.CopyError as exc:
        typer.echo(f"nothing copied: {exc}", err=True)
        raise typer.Exit(1) from exc
    for item in copied:
        typer.echo(f"{item.table}\t{item.rows} rows")
    typer.echo(f"copied {len(copied)} tables, {sum(c.rows for c in copied)} rows; row counts match")


if __name__ == "__main__":
    app()
