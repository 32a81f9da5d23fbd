"""Export benchmark: `cd backend && .venv/bin/python -m bench.export_memory`.

Seeds the bench's heavy user (5 years of 30 action items, 500 applications with their history,
2,000 events, 3,000 reading items with their history and progress logs, saved reviews; see
``seed.py``) into a throwaway SQLite database, then streams ``GET /export``'s body through the
flow the route calls, measuring with ``tracemalloc`` the most memory Python held at once while
producing it, and the document's size. Streaming means the peak stays below the document's size
(built whole, it would be held at least once as text and once more as the objects it came
from). Fails (exit 1) when the peak reaches the document's size.
Then imports the document into an empty account and exports again (the round trip, timed).
The import reads the whole file (it is validated whole before anything is written).
"""

import json
import os
import sys
import tempfile
import time
import tracemalloc

PEAK_SHARE = 1.0


def main() -> int:
    folder = tempfile.mkdtemp(prefix="kaizen-bench-export-")
    url = f"sqlite:///{folder}/bench.db"
    os.environ["KAIZEN_DATABASE_URL"] = url
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from bench import seed
    from kaizen import clock, migrate
    from kaizen.auth.models import User
    from kaizen.config import settings
    from kaizen.db import build_engine
    from kaizen.portability import flows

    settings.database_url = url
    migrate.upgrade(url)
    today = clock.local_today(seed.TIMEZONE)
    engine = build_engine(url)
    with Session(engine) as db:
        seed.seed_user(db, seed.HEAVY, 5, today)
        db.commit()

    with Session(engine) as db:
        user = db.scalars(select(User).where(User.email == f"{seed.HEAVY}@bench.example")).one()
        tracemalloc.start()
        tracemalloc.reset_peak()
        began, began_cpu = time.perf_counter(), time.process_time()
        size = biggest = chunks = 0
        for chunk in flows.export_document(db, user):
            size += len(chunk.encode())
            biggest = max(biggest, len(chunk))
            chunks += 1
        took, wall = time.process_time() - began_cpu, time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        document = "".join(flows.export_document(db, user))
    share = peak / size
    print(
        f"export      {size / 1e6:6.1f} MB in {chunks} chunks (largest {biggest / 1e3:.0f} KB)"
        f"  {took:5.2f} s CPU, {wall:5.2f} s wall"
    )
    verdict = "ok" if share < PEAK_SHARE else "HOLDS TOO MUCH"
    print(
        f"peak memory {peak / 1e6:6.1f} MB = {share:.0%} of the document"
        f"  (budget < {PEAK_SHARE:.0%})  {verdict}"
    )

    # The round trip: into an empty account, out again, and once more into another. The seed
    # writes some values the API would normalise (websites without the trailing slash), so the
    # second and third documents are compared, and the first's differences are listed.
    documents = [document]
    with Session(engine) as db:
        for n in (1, 2):
            target = User(email=f"round-trip-{n}@example.com", password_hash="!", timezone="UTC")  # noqa: S106
            db.add(target)
            db.commit()
            began, began_cpu = time.perf_counter(), time.process_time()
            result = flows.import_document(db, target, documents[-1].encode(), today)
            db.commit()
            took, wall = time.process_time() - began_cpu, time.perf_counter() - began
            rows = sum(result.created.values())
            print(f"import {n}    {rows:,} rows  {took:5.2f} s CPU, {wall:5.2f} s wall")
            documents.append("".join(flows.export_document(db, target)))
    first, second, third = (json.loads(d) for d in documents)
    skip = ("exported_at", "profile")
    normalised = sorted(k for k in first if k not in skip and first[k] != second[k])
    same = all(second[k] == third[k] for k in second if k not in skip)
    print(
        f"round trip  {'the same document' if same else 'DIFFERENT'} (apart from ids and export"
        f" time; sections the first import normalised: {', '.join(normalised) or 'none'})"
    )
    engine.dispose()
    return 0 if share < PEAK_SHARE and same else 1


if __name__ == "__main__":
    sys.exit(main())
