"""The command table: every command is listed with the module that defines it, and a light command
imports none of the heavy libraries (start-up speed is measured in benchmarks/bench_startup.py)."""

from __future__ import annotations

import subprocess
import sys

from dsar_desktop import cli

HEAVY = ("polars", "reportlab", "pyhanko", "openpyxl", "PIL", "keyring", "sqlcipher3", "PySide6")


def _commands(parser: object) -> set[str]:
    action = next(a for a in parser._actions if a.dest == "command")  # type: ignore[attr-defined]
    return set(action.choices)


def test_every_command_of_the_full_parser_is_in_the_table() -> None:
    full = _commands(cli.build_parser())
    assert full == set(cli.COMMANDS)


def test_each_command_alone_builds_only_its_module() -> None:
    for command, load in cli.COMMANDS.items():
        alone = _commands(cli.build_parser(command))
        assert command in alone
        module_commands = {c for c, other in cli.COMMANDS.items() if other is load}
        assert alone == module_commands


def test_the_command_word_is_found_past_global_options() -> None:
    assert cli._command_of(["--register", "r.dsar", "--json", "case", "list"]) == "case"
    assert cli._command_of(["extracts", "search", "--file", "f.csv"]) == "extracts"
    assert cli._command_of(["--help"]) is None


def _modules_after(argv: list[str]) -> set[str]:
    script = (
        "import sys\nfrom dsar_desktop.cli import main\n"
        f"code = main({argv!r})\n"
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))\nraise SystemExit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(done.stdout.split("\n")[-2].split())


def test_version_and_deadline_import_no_heavy_library() -> None:
    for argv in (["version"], ["deadline", "--received", "2027-07-15"]):
        loaded = _modules_after(argv)
        assert not loaded & set(HEAVY), (argv, loaded & set(HEAVY))
        assert "holidays" in loaded or argv == ["version"]  # the probe sees real imports
