"""Ownership checks for ids that arrive in request bodies (link fields, reorder lists).

Path ids go through ``deps.owned``; ids inside a body come here. Either way another user's id
is indistinguishable from one that does not exist: a 404.
"""

from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen.errors import NotFound, field_error


def ensure_owned(
    db: Session, user_id: int, model: Any, ids: Collection[int], *, label: str, field: str
) -> None:
    """404 unless every id is a row of ``model`` owned by the user; 422 on duplicates."""
    if not ids:
        return
    if len(set(ids)) != len(ids):
        raise field_error(field, f"{field} contains duplicates")
    found = set(db.scalars(select(model.id).where(model.user_id == user_id, model.id.in_(ids))))
    if found != set(ids):
        raise NotFound(label)
