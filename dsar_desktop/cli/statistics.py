"""`dsar stats`: the statistics of a year or any period (counts only), as text, JSON, or a PDF report with its CSV."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..domain import deadlines as dl
from ..domain.errors import InvalidInput
from ..domain.statistics import WORDS, Period, Statistics, breakdowns, key_figures, month_label
from ..services.statistics import period_statistics, save_statistics_report
from .common import Context


def add_commands(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "stats",
        parents=[parent],
        help="statistics of the requests of a year or a period (counts only)",
        description="Requests received in a calendar year or a period: by right, channel, requester, outcome; "
        "answered on time or late, without a pack; extensions; days to answer (median, 90th percentile); "
        "month by month. No personal data.",
    )
    p.add_argument("--year", type=int, help="calendar year of receipt, e.g. 2027")
    p.add_argument("--from", dest="start", help="first day of receipt, YYYY-MM-DD (with --to)")
    p.add_argument("--to", dest="end", help="last day of receipt, YYYY-MM-DD (with --from)")
    p.add_argument(
        "--language", choices=("en", "fr"), help="language of the text and the PDF (default: LANG)"
    )
    p.add_argument(
        "--out", type=Path, help="also write the report as a PDF to FILE.pdf and its figures to FILE.csv"
    )
    p.set_defaults(handler=cmd_stats)


def period_of(args: argparse.Namespace) -> Period:
    """--year, or --from and --to together."""
    if args.year is not None and (args.start or args.end):
        raise InvalidInput(
            "Give either --year or --from and --to, not both.",
            "Donnez soit --year, soit --from et --to, pas les deux.",
        )
    if args.year is not None:
        return Period.of_year(args.year)
    if not (args.start and args.end):
        raise InvalidInput(
            "Say which requests: --year YYYY, or --from YYYY-MM-DD --to YYYY-MM-DD.",
            "Précisez les demandes : --year AAAA, ou --from AAAA-MM-JJ --to AAAA-MM-JJ.",
        )
    return Period(dl.parse_date(args.start, "--from", "--from"), dl.parse_date(args.end, "--to", "--to"))


def text_report(stats: Statistics, language: str) -> str:
    as_of = stats.as_of
    lines = [WORDS[language]["title"].format(period=stats.period.label(language)), ""]
    lines += [f"{label}: {value}" for label, value in key_figures(stats, language, as_of)]
    for heading, rows, _note in breakdowns(stats, language, as_of):
        lines.append("")
        lines.append(heading)
        lines += [f"  {label}: {count}" for label, count in rows if count]
    w = WORDS[language]
    lines += ["", f"{w['monthly']} ({w['received_line']} / {w['answered_line']})"]
    lines += [f"  {month_label(p.month, language)}: {p.received} / {p.answered}" for p in stats.monthly]
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace, ctx: Context) -> int:
    period = period_of(args)
    language = args.language or ("fr" if os.environ.get("LANG", "").startswith("fr") else "en")
    reg = ctx.open_register()
    stats = period_statistics(reg, period)
    obj = stats.as_dict()
    text = text_report(stats, language)
    if args.out:
        pdf, csv = save_statistics_report(reg, stats, Path(args.out), language)
        obj["pdf"], obj["csv"] = str(pdf), str(csv)
        text += "\n\n" + (
            f"PDF écrit : {pdf}\nCSV écrit : {csv}"
            if language == "fr"
            else f"PDF written: {pdf}\nCSV written: {csv}"
        )
    ctx.emit(obj, text)
    return 0
