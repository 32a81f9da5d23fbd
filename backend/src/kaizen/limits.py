"""Request body size caps, in one table.

``kaizen.main.Guard`` enforces ``body_limit(path)`` on every request (a declared
Content-Length, and the bytes actually received, so chunked uploads count too). Upload routes
take more than ordinary bodies; each also checks its own, smaller cap on the file itself with
the same message (``portability.router``, ``reading.router``).
"""

from typing import NamedTuple

MB = 1024 * 1024
# Multipart framing around an uploaded file is allowed on top of the file's own cap.
MULTIPART_ROOM = 64 * 1024

MAX_BODY_BYTES = 2 * MB
TOO_LARGE = "Request body too large (2 MB at most)"

# Imports of whole exports (Loop, Kaizen): /api/v1/import and everything under it.
MAX_UPLOAD = 50 * MB
UPLOAD_PATHS = ("/api/v1/import",)
UPLOAD_MAX_BYTES = MAX_UPLOAD + MULTIPART_ROOM

# BibTeX/RIS files for the reading list.
READING_IMPORT_PATH = "/api/v1/reading-items/import"
READING_IMPORT_MAX = 5 * MB


def upload_too_large() -> str:
    return f"The file is larger than {MAX_UPLOAD // MB} MB"


class BodyLimit(NamedTuple):
    max_bytes: int  # bytes let through
    message: str  # the 413's detail past them


DEFAULT_LIMIT = BodyLimit(MAX_BODY_BYTES, TOO_LARGE)
# Exact paths: the reading import lets 8 MB through (5 MB of file plus room for a multipart
# envelope); its route refuses a file over 5 MB itself.
EXACT_LIMITS = {
    READING_IMPORT_PATH: BodyLimit(
        8 * MB, f"The file is larger than {READING_IMPORT_MAX // MB} MB"
    ),
}
# Path prefixes, checked after the exact paths.
PREFIX_LIMITS = ((UPLOAD_PATHS, BodyLimit(UPLOAD_MAX_BYTES, upload_too_large())),)


def body_limit(path: str) -> BodyLimit:
    """The body cap of a request to ``path``."""
    exact = EXACT_LIMITS.get(path)
    if exact is not None:
        return exact
    for prefixes, limit in PREFIX_LIMITS:
        if path.startswith(prefixes):
            return limit
    return DEFAULT_LIMIT
