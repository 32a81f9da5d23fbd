"""Secrets: argon2id password hashes, and random tokens stored only as SHA-256 hashes.

Session and API token secrets are 256-bit random values, so a fast hash is enough to make a
stolen database useless; passwords are low-entropy and get argon2id.
"""

import hashlib
import hmac
import secrets
from functools import lru_cache

from pwdlib import PasswordHash

_hasher = PasswordHash.recommended()  # argon2id


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return _hasher.verify(password, password_hash)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def burn_password_check(password: str) -> None:
    """Spend the same time as a real check, so unknown emails cannot be told apart by timing."""
    _hasher.verify(password, _dummy_hash())


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
