"""Benchmark: one subject searched in an XLSX export of 200,000 rows (issue 12: under 10 s, flat memory).

Run: .venv/bin/python benchmarks/bench_xlsx.py [--rows 200000] [--repeat 3]

The workbook is written at run time (openpyxl write-only mode, synthetic people, a title row above the
header, dates as date cells, phones as numbers) into a temporary folder deleted afterwards. Each search
runs in a fresh process, so the peak memory printed is that process's own maximum RSS; a workbook a
quarter the size is searched too, to show the memory does not grow with the rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST = ["Jean", "Marie", "Éloïse", "François", "Zoé", "Noël", "Anaïs", "Jérôme", "Chloé", "Raphaël", "Léa"]
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "L’HÔTE"]
TARGET = {"name": "Éloïse L’HÔTE", "email": "eloise.lhote@exemple.fr", "phone": "+33 6 12 34 56 78",
          "dob": "2001-03-05"}  # fmt: skip


def write_workbook(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Export")
    sheet.append(["Export CRM — 2026 (synthetic)"])
    sheet.append([])
    sheet.append(
        ["Référence", "customer_name", "DateNaiss", "E-mail (pro)", "Tél. portable", "Ville", "Notes"]
    )
    start = dt.date(1950, 1, 1)
    for index in range(rows):
        name = f"{FIRST[index % len(FIRST)]} {LAST[(index // 7) % len(LAST)]}"
        birth = start + dt.timedelta(days=(index * 37) % 20000)
        sheet.append([f"C{index:07d}", name, birth, f"client{index}@exemple.fr", 600000000 + index,
                      "Lyon", "RAS"])  # fmt: skip
        if index in (rows // 3, rows // 2, rows - 5):  # the planted rows: e-mail, phone, name + date cell
            sheet.append([f"T{index}", "", None, TARGET["email"], None, "Lyon", ""])
            sheet.append([f"T{index}b", "", None, "", 612345678, "Lyon", ""])
            sheet.append([f"T{index}c", TARGET["name"], dt.datetime(2001, 3, 5), "", None, "Lyon", ""])
    book.save(path)


def child(path: str) -> None:
    from dsar_desktop.domain.matching import make_subject
    from dsar_desktop.extracts.engine import search_files

    subject = make_subject("s", **TARGET)
    start, cpu = time.perf_counter(), time.process_time()
    result = search_files([path], [subject])
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {peak:.0f} {result.rows_scanned} {len(result.matches)} {cpu:.3f}")


def measure(path: Path) -> tuple[float, float, int, int, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
    )
    elapsed, peak, rows, matches, cpu = done.stdout.split()
    return float(elapsed), float(peak), int(rows), int(matches), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.xlsx", Path(tmp) / "small.xlsx"
        start = time.perf_counter()
        write_workbook(big, args.rows)
        write_workbook(small, args.rows // 4)
        print(
            f"machine: {platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        print(f"workbooks written in {time.perf_counter() - start:.1f} s: {big.stat().st_size / 1e6:.1f} MB "
              f"({args.rows:,} rows), {small.stat().st_size / 1e6:.1f} MB ({args.rows // 4:,} rows)")  # fmt: skip
        runs = {
            big: [measure(big) for _ in range(args.repeat)],
            small: [measure(small) for _ in range(args.repeat)],
        }
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    for path, label in ((big, f"{args.rows:,} rows"), (small, f"{args.rows // 4:,} rows")):
        times = [r[0] for r in runs[path]]
        cpus = [r[4] for r in runs[path]]
        peak = max(r[1] for r in runs[path])
        rows, matches = runs[path][0][2], runs[path][0][3]
        print(f"search, 1 subject, {label:>14}: wall best {min(times):6.2f} s  median {statistics.median(times):6.2f} s"
              f"  CPU best {min(cpus):6.2f} s  peak {peak:6.0f} MB  rows read {rows:,}  matches {matches}")  # fmt: skip
    print("target: under 10 s for 200,000 rows, memory flat (the same peak for a quarter of the rows)")


if __name__ == "__main__":
    main()
