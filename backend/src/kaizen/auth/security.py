"""Secrets: argon2id password hashes, and random tokens stored only as SHA-256 hashes.

Session and API token secrets are 256-bit random values, so a fast hash is enough to make a
stolen database useless; passwords are low-entropy and get argon2id.
"""

import hashlib
import hmac
import secrets
from functools import lru_cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from kaizen.config import settings


@lru_cache(maxsize=4)
def _argon2(memory_kib: int, time_cost: int, parallelism: int) -> PasswordHash:
    return PasswordHash(
        (Argon2Hasher(memory_cost=memory_kib, time_cost=time_cost, parallelism=parallelism),)
    )


def _hasher() -> PasswordHash:
    """argon2id with the configured cost (argon2's recommended one by default). A hash keeps
    the cost it was made with, so changing the settings never locks anyone out."""
    return _argon2(
        settings.password_hash_memory_kib,
        settings.password_hash_time_cost,
        settings.password_hash_parallelism,
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return _hasher().verify(password, password_hash)


@lru_cache(maxsize=4)
def _dummy_hash(hasher: PasswordHash) -> str:
    return hasher.hash(secrets.token_urlsafe(16))


def burn_password_check(password: str) -> None:
    """Spend the same time as a real check, so unknown emails cannot be told apart by timing."""
    hasher = _hasher()
    hasher.verify(password, _dummy_hash(hasher))


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secrets_match(secret: str, secret_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), secret_hash)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def new_api_token() -> tuple[str, str]:
    """Returns (token, prefix). The prefix is shown in lists so a user can tell tokens apart."""
    prefix = "kz_" + secrets.token_hex(4)
    return f"{prefix}_{secrets.token_urlsafe(32)}", prefix
