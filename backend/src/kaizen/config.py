"""Settings, read from the environment (prefix ``KAIZEN_``) and a ``.env`` file."""

from pathlib import Path
from typing import Self

from pydantic import Field, model_validator
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
        default=5,
        ge=1,
        description="Failed sign-ins per email and client within the window before 429; "
        "each later try waits twice as long as the one before.",
    )
    login_window_seconds: int = Field(default=900, ge=1, description="Throttling window.")
    login_email_max_failures: int = Field(
        default=100,
        ge=1,
        description="Failed sign-ins per account from all clients within the window before 429.",
    )
    register_max_per_window: int = Field(
        default=20, ge=1, description="Sign-up attempts per client address within the window."
    )
    handle_cooling_off_days: int = Field(
        default=30,
        ge=0,
        description="Days before a released public handle can be taken by another user.",
    )
    trusted_proxies: list[str] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"],
        description="Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed "
        '(addresses or networks, JSON list; ["*"] trusts any).',
    )
    sqlite_busy_timeout_ms: int = Field(
        default=5000, ge=0, le=60_000, description="How long SQLite waits for its write lock."
    )
    pool_timeout_seconds: float = Field(
        default=10, gt=0, le=120, description="Wait for a free database connection, then 503."
    )
    write_wait_seconds: float = Field(
        default=10,
        gt=0,
        le=120,
        description="SQLite: how long a write waits for its turn in this process, then 503.",
    )
    concurrent_reads: int | None = Field(
        default=None,
        ge=0,
        le=1000,
        description="API reads (GET/HEAD) one worker runs at once; more wait their turn "
        "(0: no limit; unset: 1 on SQLite, 4 on PostgreSQL, whose reads wait on the network).",
    )
    # argon2id's cost is what makes a stolen password hash slow to crack: the defaults are
    # argon2's recommended ones. The test suites lower them (thousands of sign-ups).
    password_hash_memory_kib: int = Field(
        default=65536,
        ge=8,
        le=4_194_304,
        description="argon2id memory per password hash, in KiB; lower it only for tests.",
    )
    password_hash_time_cost: int = Field(
        default=3, ge=1, le=100, description="argon2id passes per password hash."
    )
    password_hash_parallelism: int = Field(
        default=4, ge=1, le=64, description="argon2id lanes per password hash."
    )
    access_log: bool = Field(default=True, description="uvicorn access log (costs throughput).")
    frontend_dist: Path = Field(
        default=REPO_ROOT / "frontend" / "dist",
        description="Built SPA served at / when present.",
    )

    @model_validator(mode="after")
    def _argon2_memory_holds_its_lanes(self) -> Self:
        if self.password_hash_memory_kib < 8 * self.password_hash_parallelism:
            raise ValueError(
                "password_hash_memory_kib must be at least 8 KiB per lane "
                "(8 × password_hash_parallelism)"
            )
        return self


settings = Settings()
