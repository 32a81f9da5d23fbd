"""The yardstick: a bare FastAPI JSON route, served by the same uvicorn as Kaizen.

A synchronous ``def`` like Kaizen's routes, so both pay for the thread pool hop; no middleware,
no database, no authentication. Every Kaizen figure in the table is a share of this route's
throughput measured in the same run.
"""

from fastapi import FastAPI

app = FastAPI()


@app.get("/bare")
def bare() -> dict[str, str]:
    return {"status": "ok"}
