"""Benchmark of the extract search: 2 GB of CSV in three files, one subject and 50 subjects, against a plain parse.

Run: .venv/bin/python benchmarks/bench_extracts.py [--gb 2.0] [--keep DIR]
The data are generated at run time into a temporary folder (synthetic people only) and deleted after.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
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
        commentaire=_pick(TEXTS, h // 13),
    )
    frame = frame.with_columns(
        date_naissance=(pl.lit(day0) + pl.duration(days=pl.col("days"))).dt.strftime("%d/%m/%Y")
    ).drop("days")
    return frame.select(
        "id", "nom", "prenom", "email", "telephone", "date_naissance", "adresse", "code_postal", "ville",
        "numero_etudiant", "commentaire",
    )  # fmt: skip


def plant(path: Path, lines: list[str]) -> None:
    """Append planted rows (already in the file's separator) to the end of a file."""
    with path.open("ab") as out:
        for line in lines:
            out.write(line.encode("utf-8") + b"\n")


def plain_parse(paths: list[Path]) -> tuple[float, int]:
    """The fastest plain parse found: polars scan_csv of every column as text, rows counted."""
    t0 = time.perf_counter()
    rows = 0
    for path in paths:
        with path.open("rb") as handle:
            first = handle.readline().decode()
        separator = max(SEPARATORS, key=first.count)
        frame = pl.scan_csv(path, separator=separator, infer_schema=False).select(pl.len()).collect()
        rows += int(frame.item())
    return time.perf_counter() - t0, rows


def plain_parse_full(paths: list[Path]) -> float:
    """A full parse materialising every column (read_csv), one file at a time."""
    t0 = time.perf_counter()
    for path in paths:
        with path.open("rb") as handle:
            first = handle.readline().decode()
        separator = max(SEPARATORS, key=first.count)
        frame = pl.read_csv(path, separator=separator, infer_schema=False)
        del frame
    return time.perf_counter() - t0


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gb", type=float, default=2.0)
    parser.add_argument("--keep", type=Path, help="generate into (and reuse) this folder instead of a temp one")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dsar-bench-"))
    try:
        paths = sorted(folder.glob("export_*.csv"))
        if not paths:
            t0 = time.perf_counter()
            paths = generate(folder, int(args.gb * 1_000_000_000))
            plant(paths[0], ["9999991,l'hôte,ÉLOÏSE,x@y.z,01 00 00 00 00,05/03/2001,1 rue A,75001,Paris,X1,planted"])
            plant(paths[1], ["9999992;Lhote;Eloise;eloise.lhote@example.fr;;;;;;;planted email"])
            plant(paths[2], ["9999993|Autre|Personne||0033612345678||||||planted phone"])
            print(f"generated {sum(p.stat().st_size for p in paths) / 1e9:.2f} GB in {time.perf_counter() - t0:.1f} s")
        size = sum(p.stat().st_size for p in paths)
        for path in paths:  # warm the page cache, as a real second search would find it
            with path.open("rb") as handle:
                while handle.read(1 << 24):
                    pass
        parse_time, rows = plain_parse(paths)
        full_parse_time = plain_parse_full(paths)
        results = {}
        for count in (1, 50):
            t0 = time.perf_counter()
            result = search_files(paths, subjects(count))
            results[count] = (time.perf_counter() - t0, result)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        one, fifty = results[1][0], results[50][0]
        found = sorted({(m.file, m.row) for m in results[1][1].matches if m.subject == "TARGET"})
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
        print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, polars {pl.__version__}")
        print(f"data: {size / 1e9:.2f} GB, {rows:,} rows in {len(paths)} files")
        print(f"plain parse (polars scan_csv, count rows): {parse_time:.2f} s")
        print(f"plain parse (polars read_csv, all columns): {full_parse_time:.2f} s")
        print(f"search 1 subject: {one:.2f} s  (ratio to scan parse {one / parse_time:.2f}, to full parse {one / full_parse_time:.2f})")
        print(f"search 50 subjects: {fifty:.2f} s  ({fifty / one:.2f}x one subject)")
        print(f"rows scanned: {results[1][1].rows_scanned:,}; target rows found: {found}")
        print(f"peak memory (max RSS of the process, parses included): {peak_mb:.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
