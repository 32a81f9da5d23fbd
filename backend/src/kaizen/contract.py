"""The OpenAPI document as a contract: every status an operation can answer is listed.

Added here for every route, so a new domain's routes are documented the same way without
listing the shared failures by hand: a body that cannot be parsed (400), credentials (401),
a cookie request without its CSRF header (403), ids that are not yours (404), conflicts
(409), stale versions (412), bodies over the size cap (413), invalid input anywhere,
including control characters in the query (422), throttled sign-ins (429) and the database
being busy or failing (503).
"""

from typing import Any

from kaizen.schemas import text_patterns

ERROR = {"$ref": "#/components/schemas/Error"}
VALIDATION = {"$ref": "#/components/schemas/HTTPValidationError"}
UNSAFE = frozenset({"post", "put", "patch", "delete"})
THROTTLED = {
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/token"),
    ("post", "/api/v1/auth/register"),
    ("patch", "/api/v1/me"),
}

DESCRIPTIONS = {
    "400": "The body could not be parsed",
    "401": "Missing, invalid or expired credentials",
    "403": "A cookie-authenticated change without a valid X-CSRF-Token header",
    "404": "Not found, or not yours",
    "409": "Conflicts with existing data",
    "412": "If-Match names a version that is no longer current: reload, then retry",
    "413": "Request body over 2 MB",
    "422": "Invalid input",
    "429": "Too many attempts; wait for Retry-After seconds",
    "503": "The database is busy (retry after Retry-After seconds) or failing (no Retry-After)",
}


IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": False,
    "description": "The ETag you loaded; a change to a newer version is refused with 412",
    "schema": {"type": "string", "maxLength": 200},
}
ETAG = {"description": "The version of this resource", "schema": {"type": "string"}}


def _versioned(method: str, path: str, operation: dict[str, Any]) -> bool:
    """A signed-in user's own resource addressed by its id (see ``deps.versioned``)."""
    return bool(operation.get("security")) and path.endswith("_id}") and method != "post"


def _statuses(method: str, path: str, operation: dict[str, Any]) -> list[str]:
    statuses = ["422", "503"]
    private = bool(operation.get("security"))
    if private:
        statuses.append("401")
    if "{" in path or (private and "requestBody" in operation):
        statuses.append("404")  # an id in the path or the body that is not yours
    if "requestBody" in operation:
        statuses.append("400")  # a body that cannot be parsed at all (not UTF-8, not JSON)
    if method in UNSAFE:
        statuses += ["409", "413"]
        if private:
            statuses.append("403")
    if _versioned(method, path, operation):
        statuses.append("412")
    if (method, path) in THROTTLED:
        statuses.append("429")
    return statuses


def document_errors(schema: dict[str, Any]) -> None:
    """Add the shared error responses to every operation of ``schema`` (in place)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = {
        "title": "Error",
        "type": "object",
        "properties": {"detail": {"title": "Detail", "type": "string"}},
        "required": ["detail"],
    }
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method not in UNSAFE and method != "get":
                continue
            for parameter in operation.get("parameters", []):
                text_patterns(parameter.get("schema", {}))
            responses = operation.setdefault("responses", {})
            if _versioned(method, path, operation):
                if method in UNSAFE:
                    operation.setdefault("parameters", []).append(IF_MATCH)
                if "200" in responses:
                    responses["200"].setdefault("headers", {})["ETag"] = ETAG
            for status in _statuses(method, path, operation):
                body = VALIDATION if status == "422" else ERROR
                entry = responses.setdefault(status, {"description": DESCRIPTIONS[status]})
                if "content" not in entry or entry["content"] == {
                    "application/json": {"schema": {}}
                }:
                    entry["content"] = {"application/json": {"schema": body}}
