"""The `kaizen` command: serve, migrate and manage users."""

from typing import Annotated

import typer
import uvicorn
from pydantic import ValidationError
from sqlalchemy import delete, select

from kaizen import migrate as migrations
from kaizen.auth import service
from kaizen.auth.models import ApiToken, User, UserSession
from kaizen.auth.schemas import RegisterIn
from kaizen.config import settings
from kaizen.db import new_session
from kaizen.errors import AppError

app = typer.Typer(help="Kaizen: a self-hosted career-growth tracker.", no_args_is_help=True)
users_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
app.add_typer(users_app, name="users")


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
        proxy_headers=True,
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


if __name__ == "__main__":
    app()
