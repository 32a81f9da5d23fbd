"""Loop import benchmark: `cd backend && .venv/bin/python -m bench.loop_import`.

Builds Loop's CSV export and backup database with 30 habits × ~10 years of daily entries
(100,020 check-ins), imports each into a fresh user of a throwaway SQLite database through the
flow the API calls, then imports the CSV again (every check-in an update). Fails (exit 1) when
an import takes more than the budget of CPU time (on a shared machine, wall time measures
the neighbours too; both are printed). Speed lives here, never in timed tests.
"""

import os
import sys
import tempfile
import time
from datetime import date, timedelta

HABITS = 30
DAYS = 3334
BUDGET_S = 2.0
TODAY = date(2026, 11, 30)


def loop_files() -> tuple[bytes, bytes]:
    from tests.portability.loopfiles import csv_zip, sqlite_db

    words = ["YES_MANUAL", "NO", "SKIP", "YES_MANUAL"]
    codes = [2, 0, -3, 2]
    start = TODAY - timedelta(days=DAYS - 1)
    days = [start + timedelta(days=i) for i in range(DAYS)]
    csv_habits = [
        {"name": f"habit {h}", "entries": [(d, words[(i + h) % 4], "") for i, d in enumerate(days)]}
        for h in range(HABITS)
    ]
    db_habits = [
        {"name": f"habit {h}", "entries": [(d, codes[(i + h) % 4], "") for i, d in enumerate(days)]}
        for h in range(HABITS)
    ]
    return csv_zip(csv_habits), sqlite_db(db_habits)


def main() -> int:
    folder = tempfile.mkdtemp(prefix="kaizen-bench-loop-")
    url = f"sqlite:///{folder}/bench.db"
    os.environ["KAIZEN_DATABASE_URL"] = url
    from kaizen import migrate
    from kaizen.auth.models import User
    from kaizen.config import settings
    from kaizen.db import new_session
    from kaizen.portability import flows

    settings.database_url = url
    migrate.upgrade(url)
    zipped, database = loop_files()
    failed = False
    runs = [("csv zip", zipped, "a"), ("backup db", database, "b"), ("csv zip again", zipped, "a")]
    for label, data, who in runs:
        with new_session() as db:
            user = db.query(User).filter_by(email=f"{who}@example.com").one_or_none()
            if user is None:
                # "!" is no password hash: the bench users cannot sign in.
                user = User(email=f"{who}@example.com", password_hash="!", timezone="UTC")  # noqa: S106
                db.add(user)
                db.commit()
            began, began_cpu = time.perf_counter(), time.process_time()
            result = flows.import_loop(db, user, data, TODAY)
            db.commit()
            wall, took = time.perf_counter() - began, time.process_time() - began_cpu
        total = result.created.check_ins + result.updated.check_ins
        verdict = "ok" if took <= BUDGET_S else "OVER BUDGET"
        failed |= took > BUDGET_S
        print(
            f"{label:14} {total:7d} check-ins  {took:5.2f} s CPU, {wall:5.2f} s wall"
            f"  (budget {BUDGET_S} s CPU)  {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
