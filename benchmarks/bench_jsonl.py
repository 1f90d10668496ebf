"""Benchmark of the JSON Lines search: one subject in a file of nested objects, against json.loads alone.

Run: .venv/bin/python benchmarks/bench_jsonl.py [--lines 1000000] [--repeat 3]
The file is generated at run time into a temporary folder (synthetic people only) and deleted after.
Some lines carry keys the first 1,000 lines do not have (`notes_internes`, `contact.mail_perso`): the
target's e-mail is planted under one of them, far down the file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dsar_desktop.domain.matching import make_subject  # noqa: E402
from dsar_desktop.extracts.engine import search_files  # noqa: E402

FIRST = ["Jean", "Marie", "Éloïse", "François", "Zoé", "Noël", "Anaïs", "Jérôme", "Chloé", "Raphaël"]
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "L’HÔTE"]


def generate(path: Path, lines: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(lines):
            h = (i * 2654435761 + 97) % 4294967291
            record: dict[str, object] = {
                "id": i,
                "nom": LAST[h % len(LAST)],
                "prenom": FIRST[h // 7 % len(FIRST)],
                "contact": {
                    "email": f"user{i}@example.org",
                    "tel": f"06 {h % 90 + 10} {h // 90 % 90 + 10} 00 00",
                },
                "orders": [{"ref": f"C{i}-{k}", "total": k * 12.5} for k in range(h % 3)],
                "consent": bool(h % 2),
            }
            if i > 1000 and i % 997 == 0:  # keys the first 1,000 lines never show
                record["notes_internes"] = f"rappel {i}"
                record["contact"]["mail_perso"] = f"perso{i}@mail.test"  # type: ignore[index]
            if i == lines * 3 // 4:
                record["notes_internes"] = "écrire à eloise.lhote@example.fr"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def child(kind: str, path: Path) -> None:
    t0 = time.perf_counter()
    found: list[object] = []
    if kind == "search":
        target = make_subject(
            "TARGET", name="Éloïse L’HÔTE", email="eloise.lhote@example.fr", dob="2001-03-05"
        )
        result = search_files([path], [target])
        rows = result.rows_scanned
        found = [[m.row, m.reasons] for m in result.matches]
    else:
        rows = 0
        with path.open("rb") as handle:
            for line in handle:
                json.loads(line)
                rows += 1
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "rows": rows, "found": found}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["search", "loads"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file)
        return
    folder = Path(tempfile.mkdtemp(prefix="dsar-bench-jsonl-"))
    try:
        path = folder / "export.jsonl"
        generate(path, args.lines)
        runs: dict[str, list[dict[str, object]]] = {"loads": [], "search": []}
        load_before = os.getloadavg()[0]
        for _ in range(args.repeat):
            for kind in runs:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", kind, "--file", str(path)],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                runs[kind].append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"machine: nproc {os.cpu_count()}, Python {platform.python_version()}")
        print(f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f}")
        print(f"data: {path.stat().st_size / 1e6:.0f} MB, {args.lines:,} lines")
        for kind, label in (("loads", "json.loads of every line alone"), ("search", "search, 1 subject")):
            secs = [float(r["seconds"]) for r in runs[kind]]  # type: ignore[arg-type]
            cpus = [float(r["cpu"]) for r in runs[kind]]  # type: ignore[arg-type]
            peak = max(float(r["peak_mb"]) for r in runs[kind])  # type: ignore[arg-type]
            print(
                f"{label:<32} best {min(secs):5.2f} s  median {statistics.median(secs):5.2f} s"
                f"  CPU best {min(cpus):5.2f} s  peak {peak:5.0f} MB"
            )
        print(f"target found: {runs['search'][0]['found']}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
