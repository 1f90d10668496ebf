"""`dsar stats`: the year-end statistics of the register (counts only), as text, JSON or a PDF report."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..domain.statistics import WORDS, Statistics, breakdowns, key_figures
from ..fileio import atomic_write
from ..services.statistics import check_year, statistics_report_pdf, yearly_statistics
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "stats",
        parents=[parent],
        help="year-end statistics of the requests (counts only)",
        description="Requests received in a calendar year: by right, channel, requester, outcome; answered on "
        "time or late; extensions; days to answer (median, 90th percentile). No personal data.",
    )
    p.add_argument("--year", type=int, required=True, help="calendar year of receipt, e.g. 2027")
    p.add_argument(
        "--language", choices=("en", "fr"), help="language of the text and the PDF (default: LANG)"
    )
    p.add_argument("--out", type=Path, help="also write the report as a PDF to FILE.pdf")
    p.set_defaults(handler=cmd_stats)


def text_report(stats: Statistics, language: str) -> str:
    as_of = stats.as_of
    lines = [WORDS[language]["title"].format(year=stats.year), ""]
    lines += [f"{label}: {value}" for label, value in key_figures(stats, language, as_of)]
    for heading, rows, _note in breakdowns(stats, language, as_of):
        lines.append("")
        lines.append(heading)
        lines += [f"  {label}: {count}" for label, count in rows if count]
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace, ctx: Context) -> int:
    year = check_year(args.year)
    language = args.language or ("fr" if os.environ.get("LANG", "").startswith("fr") else "en")
    reg = ctx.open_register()
    stats = yearly_statistics(reg, year)
    obj = stats.as_dict()
    text = text_report(stats, language)
    if args.out:
        atomic_write(Path(args.out), statistics_report_pdf(reg, stats, language), mode=0o644)
        obj["pdf"] = str(args.out)
        text += "\n\n" + (f"PDF écrit : {args.out}" if language == "fr" else f"PDF written: {args.out}")
    ctx.emit(obj, text)
    return 0
