"""The size cap of file uploads (imports), larger than the API's 2 MB for ordinary bodies."""

MAX_UPLOAD = 50 * 1024 * 1024
UPLOAD_PATHS = ("/api/v1/import",)
# Multipart framing around the file is allowed on top of the file's own cap.
UPLOAD_MAX_BYTES = MAX_UPLOAD + 64 * 1024


def upload_too_large() -> str:
    return f"The file is larger than {MAX_UPLOAD // 1024 // 1024} MB"
