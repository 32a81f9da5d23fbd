"""Plain values in and out, for the few large reads where SQLAlchemy's rows and pydantic's
objects cost more than the rest of the request: a statement's rows as the driver's tuples,
and a response serialised straight from plain values.

Neither validates anything: rows are for statements whose columns need no result processing
(integers, floats, text), and responses are for values the route built itself.
"""

from typing import Any

from fastapi import Response
from pydantic_core import to_json
from sqlalchemy import Executable
from sqlalchemy.orm import Session


def driver_rows(db: Session, statement: Executable, params: dict[str, Any]) -> list[Any]:
    """The statement's rows as the DBAPI driver returns them (tuples), without SQLAlchemy's
    ``Row`` per row (about half the cost of reading a few thousand rows). The statement still
    runs through the session's connection (its transaction, events and query counting); only
    the columns' result processing is skipped, so select only columns the driver already
    returns as the right Python type (integers, floats, text)."""
    result = db.connection().execute(statement, params)
    try:
        rows = list(result.cursor.fetchall())
    finally:
        result.close()
    return rows


def json_response(content: Any) -> Response:
    """``content`` (dicts, lists and plain values) as the JSON response FastAPI would send for
    the same values validated into the route's ``response_model``: the values must be those
    the model would hold, under its JSON names, in its field order (pydantic-core writes
    dates, enums, floats and ``None`` exactly as it writes them from the model; tests compare
    the bytes). The route keeps its ``response_model``, so the OpenAPI document is the same."""
    return Response(content=to_json(content), media_type="application/json")
