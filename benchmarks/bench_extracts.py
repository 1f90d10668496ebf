"""Benchmark of the extract search: 2 GB of CSV in three files, one subject and 50 subjects, against a plain parse.

Run: .venv/bin/python benchmarks/bench_extracts.py [--gb 2.0] [--keep DIR]
The data are generated at run time into a temporary folder (synthetic people only) and deleted after.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dsar_desktop.domain.matching import make_subject  # noqa: E402
from dsar_desktop.extracts.engine import search_files  # noqa: E402

FIRST = ["Jean", "Marie", "Éloïse", "François", "Zoé", "Noël", "Anaïs", "Jérôme", "Chloé", "Raphaël", "Léa",
         "Hélène", "Benoît", "Cécile", "Gaëlle", "Loïc", "Mathéo", "Inès", "Théo", "Agnès", "Joël", "Maëlys"]  # fmt: skip
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
        "SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
        "MOREL", "GIRARD", "ANDRÉ", "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANÇOIS", "MARTINEZ", "L’HÔTE"]  # fmt: skip
CITIES = ["Paris", "Lyon", "Nanterre", "Saint‐Nazaire", "Aix-en-Provence", "Orléans", "Besançon", "Nîmes"]
TEXTS = ["Demande de documentation sur la formation ingénieur", "Rappel souhaité en fin de journée",
         "Candidature reçue, dossier complet", "Question sur le financement de l'alternance",
         "Inscrit à la journée portes ouvertes du campus", "RAS"]  # fmt: skip
COURSES = ["Ingénieur généraliste en alternance", "Bachelor Responsable en ingénierie des systèmes",
           "Mastère spécialisé Manager de la cybersécurité", "Manager QSE (RNCP niveau 7)"]  # fmt: skip
SEPARATORS = [",", ";", "|"]


def _pick(values: list[str], seed: pl.Expr) -> pl.Expr:
    return pl.lit(pl.Series(values)).gather(seed % len(values))


def generate(folder: Path, total_bytes: int, files: int = 3) -> list[Path]:
    """Write `files` CSV files of about total_bytes in all; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    per_file = total_bytes // files
    paths = []
    row0 = 0
    for index in range(files):
        path = folder / f"export_{index + 1}.csv"
        separator = SEPARATORS[index % len(SEPARATORS)]
        with path.open("wb") as out:
            first = True
            while out.tell() < per_file:
                frame = _chunk(row0, 250_000)
                row0 += frame.height
                frame.write_csv(out, separator=separator, include_header=first)
                first = False
        paths.append(path)
    return paths


def _chunk(start: int, rows: int) -> pl.DataFrame:
    i = pl.int_range(start, start + rows, dtype=pl.Int64, eager=False)
    h = (i * 2654435761 + 97) % 4294967291
    day0 = dt.date(1950, 1, 1)
    frame = pl.select(
        id=i.cast(pl.String),
        nom=_pick(LAST, h),
        prenom=_pick(FIRST, h // 31),
        email=pl.format("user{}@example.org", i),
        telephone=pl.format(
            "06 {} {} {} {}",
            (h % 90 + 10).cast(pl.String),
            (h // 90 % 90 + 10).cast(pl.String),
            (h // 8100 % 90 + 10).cast(pl.String),
            (h // 729000 % 90 + 10).cast(pl.String),
        ),
        days=(h // 7 % 20000),
        adresse=pl.format("{} rue de la République", (h % 200 + 1).cast(pl.String)),
        code_postal=(h % 90000 + 10000).cast(pl.String),
        ville=_pick(CITIES, h // 11),
        numero_etudiant=pl.format("E{}", (i + 1000000).cast(pl.String)),
        formation=_pick(COURSES, h // 17),
        commentaire=_pick(TEXTS, h // 13),
    )
    frame = frame.with_columns(
        date_naissance=(pl.lit(day0) + pl.duration(days=pl.col("days"))).dt.strftime("%d/%m/%Y")
    ).drop("days")
    return frame.select(
        "id", "nom", "prenom", "email", "telephone", "date_naissance", "adresse", "code_postal", "ville",
        "numero_etudiant", "formation", "commentaire",
    )  # fmt: skip


def plant(path: Path, lines: list[str]) -> None:
    """Append planted rows (already in the file's separator) to the end of a file."""
    with path.open("ab") as out:
        for line in lines:
            out.write(line.encode("utf-8") + b"\n")


def plain_parse(paths: list[Path]) -> int:
    """The fastest plain parse found: polars read_csv of every column as text, one file at a time."""
    rows = 0
    for path in paths:
        with path.open("rb") as handle:
            first = handle.readline().decode()
        separator = max(SEPARATORS, key=first.count)
        rows += pl.read_csv(path, separator=separator, infer_schema=False).height
    return rows


def plain_scan(paths: list[Path]) -> int:
    """polars' lazy scan of every column, collected (the streaming-free engine), one file at a time."""
    rows = 0
    for path in paths:
        with path.open("rb") as handle:
            first = handle.readline().decode()
        separator = max(SEPARATORS, key=first.count)
        rows += pl.scan_csv(path, separator=separator, infer_schema=False).collect().height
    return rows


def subjects(count: int) -> list:
    target = make_subject(
        "TARGET", name="Éloïse L’HÔTE", email="Eloise.Lhote@Example.fr", phone="+33 6 12 34 56 78",
        dob="2001-03-05", student_number="S-77-001",
    )  # fmt: skip
    others = [
        make_subject(f"S{n}", name=f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}", email=f"other{n}@mail.test",
                     phone=f"+33 7 00 00 {n // 100:02d} {n % 100:02d}", dob=dt.date(1970 + n % 40, 1 + n % 12, 1 + n % 28))
        for n in range(count - 1)
    ]  # fmt: skip
    return [target, *others]


def child(kind: str, folder: Path, count: int) -> None:
    """One measurement in a fresh process, so its peak memory is its own."""
    paths = sorted(folder.glob("export_*.csv"))
    t0 = time.perf_counter()
    found: list[list[object]] = []
    if kind == "search":
        result = search_files(paths, subjects(count))
        rows = result.rows_scanned
        found = [[m.file, m.row, m.reasons] for m in result.matches if m.subject == "TARGET"]
    elif kind == "parse":
        rows = plain_parse(paths)
    else:
        rows = plain_scan(paths)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": rows, "found": found}))


def measure(kind: str, folder: Path, count: int = 1, repeat: int = 3) -> list[dict[str, object]]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--subjects", str(count), "--keep", str(folder)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    parser.add_argument(
        "--keep", type=Path, help="generate into (and reuse) this folder instead of a temp one"
    )
    parser.add_argument("--child", choices=["search", "parse", "scan"], help=argparse.SUPPRESS)
    parser.add_argument("--subjects", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.keep, args.subjects)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dsar-bench-"))
    try:
        paths = sorted(folder.glob("export_*.csv"))
        if not paths:
            t0 = time.perf_counter()
            paths = generate(folder, int(args.gb * 1_000_000_000))
            plant(
                paths[0],
                [
                    "9999991,l'hôte,ÉLOÏSE,x@y.z,01 00 00 00 00,05/03/2001,1 rue A,75001,Paris,X1,Ingénieur,planted"
                ],
            )
            plant(paths[1], ["9999992;Lhote;Eloise;eloise.lhote@example.fr;;;;;;;;planted email"])
            plant(paths[2], ["9999993|Autre|Personne||0033612345678|||||||planted phone"])
            print(
                f"generated {sum(p.stat().st_size for p in paths) / 1e9:.2f} GB in {time.perf_counter() - t0:.1f} s"
            )
        size = sum(p.stat().st_size for p in paths)
        for path in paths:  # warm the page cache, as a second search of the month's export would find it
            with path.open("rb") as handle:
                while handle.read(1 << 24):
                    pass
        load_before = os.getloadavg()[0]
        # interleaved: each round runs every measurement once, so load from other work hits all alike
        kinds = {"parse": ("parse", 1), "scan": ("scan", 1), "one": ("search", 1), "fifty": ("search", 50)}
        results: dict[str, list[dict[str, object]]] = {key: [] for key in kinds}
        for _ in range(args.repeat):
            for key, (kind, count) in kinds.items():
                results[key] += measure(kind, folder, count, repeat=1)
        best = {k: min(float(r["seconds"]) for r in v) for k, v in results.items()}  # type: ignore[arg-type]
        median = {k: statistics.median(float(r["seconds"]) for r in v) for k, v in results.items()}  # type: ignore[arg-type]
        peak = {k: max(float(r["peak_mb"]) for r in v) for k, v in results.items()}  # type: ignore[arg-type]
        plain = min(best["parse"], best["scan"])
        cpu = next(
            (ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?"
        )
        print(
            f"machine: nproc {os.cpu_count()}, {cpu}, Python {platform.python_version()}, polars {pl.__version__}"
        )
        print(
            f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f} (other work skews times)"
        )
        print(f"data: {size / 1e9:.2f} GB, {results['parse'][0]['rows']:,} rows in {len(paths)} files")
        for key, label in (("parse", "plain parse, polars read_csv (all columns)"),
                           ("scan", "plain parse, polars scan_csv().collect()"),
                           ("one", "search, 1 subject"), ("fifty", "search, 50 subjects")):  # fmt: skip
            print(
                f"{label:<45} best {best[key]:5.2f} s  median {median[key]:5.2f} s  peak {peak[key]:6.0f} MB"
            )
        print(f"ratio search(1) / fastest plain parse: {best['one'] / plain:.2f}")
        print(
            f"ratio search(50) / search(1): best {best['fifty'] / best['one']:.2f}, median {median['fifty'] / median['one']:.2f}"
        )
        print(f"target rows found: {results['one'][0]['found']}")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
