"""Settings, read from the environment (prefix ``KAIZEN_``) and a ``.env`` file."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KAIZEN_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./data/kaizen.db",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user:pw@host/db",
    )
    allow_signup: bool = Field(
        default=True, description="Anyone may register; when false only the first user may."
    )
    cookie_secure: bool = Field(
        default=False, description="Mark cookies Secure (set true behind HTTPS)."
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed by CORS; empty means closed."
    )
    session_days: int = Field(default=30, ge=1, description="Browser session lifetime in days.")
    access_token_minutes: int = Field(
        default=60 * 24, ge=1, description="Lifetime of tokens from /auth/token (OAuth2 flow)."
    )
    migrate_on_start: bool = Field(
        default=True, description="`kaizen serve` applies pending migrations before serving."
    )
    login_max_failures: int = Field(
        default=5, ge=1, description="Failed sign-ins per email within the window before 429."
    )
    login_window_seconds: int = Field(default=900, ge=1, description="Throttling window.")
    access_log: bool = Field(default=True, description="uvicorn access log (costs throughput).")
    frontend_dist: Path = Field(
        default=REPO_ROOT / "frontend" / "dist",
        description="Built SPA served at / when present.",
    )


settings = Settings()
