"""Oversight at 50,000 cases (issue 14): statistics of the whole period, the record of requests as XLSX and CSV,
the purge preview.

Run: .venv/bin/python benchmarks/bench_oversight.py [--cases 50000] [--runs 3]
The register is built in a temporary folder and deleted after: the case rows of bench_cases.py over five
years, plus an identity suspension for one case in twenty (so the due date is judged again by the deadline
engine) and three searched systems per closed case (so the record has something to list).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_register import machine  # noqa: E402
from case_rows import build_rows, insert_rows  # noqa: E402

from dsar_desktop.domain import deadlines as dl  # noqa: E402
from dsar_desktop.domain.statistics import Period  # noqa: E402
from dsar_desktop.services import record, retention  # noqa: E402
from dsar_desktop.services import register as register_service  # noqa: E402
from dsar_desktop.services.statistics import period_statistics  # noqa: E402

PASS = "benchmark passphrase 2026"


def build(path: Path, count: int, today: dt.date) -> float:
    created = register_service.create_register(path, "bench", PASS)
    reg = created.register
    start = time.perf_counter()
    insert_rows(reg, build_rows(count, today))
    with reg.transaction() as conn:
        conn.execute(
            "INSERT INTO suspensions(case_id, kind, started, ended)"
            " SELECT id, 'identity', date(received_date, '+3 days'), date(received_date, '+12 days')"
            " FROM cases WHERE id % 20 = 0"
        )
        for source in ("crm", "student_records", "newsletter"):
            conn.execute(
                "INSERT INTO case_sources(case_id, source, status, reason, updated_at, actor)"
                " SELECT id, ?, 'searched', NULL, created_at, 'bench' FROM cases WHERE status = 'closed'",
                (source,),
            )
    elapsed = time.perf_counter() - start
    reg.close()
    return elapsed


def timed(fn: object, runs: int) -> tuple[list[float], list[float], object]:
    walls, cpus, result = [], [], None
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()  # type: ignore[operator]
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return walls, cpus, result


def show(label: str, walls: list[float], cpus: list[float], target: float) -> None:
    best, median = min(walls), statistics.median(walls)
    print(
        f"{label}: best {best:.2f} s, median {median:.2f} s (CPU {', '.join(f'{c:.2f}' for c in cpus)} s);"
        f" target {target:g} s -> {'met' if median < target else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print(f"machine: {machine()}")
    today = dl.today_paris()
    folder = Path(tempfile.mkdtemp(prefix="dsar-bench-oversight-"))
    try:
        path = folder / "bench.dsar"
        print(f"cases: {args.cases} (generated and inserted in {build(path, args.cases, today):.2f} s)")
        reg = register_service.unlock_register(path, PASS)
        try:
            whole = Period(today - dt.timedelta(days=5 * 365 + 2), today)
            walls, cpus, stats = timed(lambda: period_statistics(reg, whole, today), args.runs)
            print(f"statistics of {stats.received} requests ({whole.start} to {whole.end})")  # type: ignore[attr-defined]
            show("statistics, whole register", walls, cpus, 1)
            year = Period.of_year(today.year - 1)
            walls, cpus, stats = timed(lambda: period_statistics(reg, year, today), args.runs)
            show(f"statistics, one year ({stats.received} requests)", walls, cpus, 1)  # type: ignore[attr-defined]
            for kind in ("xlsx", "csv"):
                out = folder / f"record.{kind}"
                walls, cpus, done = timed(
                    lambda out=out: record.export_record(reg, whole, out, pseudonymise=True, today=today), args.runs
                )
                size = out.stat().st_size / 1e6
                show(f"record export {kind.upper()}, {done.rows} rows, {size:.1f} MB", walls, cpus, 5)  # type: ignore[attr-defined]
            walls, cpus, preview = timed(lambda: retention.preview(reg, today), args.runs)
            show(f"purge preview ({len(preview.cases)} due)", walls, cpus, 1)  # type: ignore[attr-defined]
        finally:
            reg.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
