"""Issue 9: a file whose first line is 50 MB is refused at once through `dsar`, in both languages, with the
extracts' exit code, nothing written to the register, and without reading the file whole."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from conftest import run_cli as run

MB = 1 << 20
SIZE = 50 * MB


def _one_line(path: Path, unit: bytes, *, head: bytes = b"", tail: bytes = b"") -> Path:
    """A file of about 50 MB whose first line holds `unit` repeated and no line end before `tail`."""
    with path.open("wb") as out:
        out.write(head)
        chunk = unit * (MB // len(unit))
        for _ in range(-(-SIZE // len(chunk))):  # at least 50 MB
            out.write(chunk)
        out.write(tail)
    return path


@pytest.fixture
def huge_files(tmp_path: Path) -> dict[str, Path]:
    return {
        "no_comma": _one_line(tmp_path / "one_field.csv", b"abcdefgh"),
        "commas": _one_line(tmp_path / "many_columns.csv", b"email_col,"),
        "jsonl": _one_line(
            tmp_path / "first_line.jsonl",
            b"abcdefgh",
            head=b'{"note": "',
            tail=b'"}\n{"email": "eloise.lhote@exemple.fr"}\n',
        ),
    }


def _refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> tuple[int, str, str, int]:
    """Run the command in English then in French: (exit code, English error, French error, peak bytes)."""
    errors = []
    codes = set()
    tracemalloc.start()
    try:
        for lang in ("en_GB.UTF-8", "fr_FR.UTF-8"):
            monkeypatch.setenv("LANG", lang)
            code, out, err = run(capsys, *argv)
            codes.add(code)
            if argv[1] == "gather":  # the summary of the pass says the file was left out, with its reason
                assert "(no system: left out)" in out, out
            else:
                assert not out, out
            errors.append(err)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (code,) = codes
    return code, errors[0], errors[1], peak


def _case(capsys: pytest.CaptureFixture[str], reg: list[str]) -> str:
    assert run(capsys, "init", *reg, "--json")[0] == 0
    code, case, err = run(capsys, "case", "add", *reg, "--json", "--received", "2027-03-01", "--channel", "email",
                          "--right", "access", "--subject-name", "Éloïse L’HÔTE",
                          "--subject-email", "eloise.lhote@exemple.fr")  # fmt: skip
    assert code == 0, err
    return str(case["ref"])  # type: ignore[index]


def _register_state(capsys: pytest.CaptureFixture[str], reg: list[str], ref: str) -> tuple[object, ...]:
    # status first: its first call settles the catalogue (one audit entry of its own)
    _, status, _ = run(capsys, "extracts", "status", ref, *reg, "--json")
    _, matches, _ = run(capsys, "extracts", "matches", ref, *reg, "--json")
    code, verify, err = run(capsys, "verify", *reg, "--json")
    assert code == 0, err
    return verify["audit_entries"], status, matches  # type: ignore[index]


def test_a_50_mb_header_line_is_refused_by_search_and_attach(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    passphrase_file: Path,
    huge_files: dict[str, Path],
) -> None:
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    ref = _case(capsys, reg)
    before = _register_state(capsys, reg, ref)
    for key in ("no_comma", "commas"):
        path = huge_files[key]
        assert path.stat().st_size >= SIZE
        for argv in (
            ("extracts", "search", "--file", str(path), "--email", "eloise.lhote@exemple.fr"),
            ("extracts", "attach", ref, *reg, "--file", str(path), "--source", "crm_prospects"),
            ("extracts", "gather", ref, *reg, "--file", str(path)),
        ):
            code, en, fr, peak = _refused(capsys, monkeypatch, *argv)
            assert code == 7, (argv, en)  # the extracts' own code, not 1 (refused input, unexpected error)
            assert "unexpected" not in en.lower() and "inattendue" not in fr.lower()
            # the problem, the limit that stopped it, and what to do, in each language
            assert path.name in en and "first line runs past 1 MB without a line end" in en, en
            assert "nothing was imported" in en and "Export the file again as CSV with one row per line" in en
            assert path.name in fr and "première ligne dépasse 1 Mo sans fin de ligne" in fr, fr
            assert "rien n'a été importé" in fr and "Exportez de nouveau le fichier en CSV" in fr
            assert peak < 8 * MB, peak  # the reader stopped at its 1 MB sample; the file was never read whole
    assert _register_state(capsys, reg, ref) == before  # no file, no match, no source mark, no audit entry


def test_a_50_mb_first_json_line_is_refused_without_reading_it_whole(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    passphrase_file: Path,
    huge_files: dict[str, Path],
) -> None:
    reg = ["--register", str(tmp_path / "r.dsar"), "--passphrase-file", str(passphrase_file)]
    ref = _case(capsys, reg)
    before = _register_state(capsys, reg, ref)
    path = huge_files["jsonl"]
    for argv in (
        ("extracts", "search", "--file", str(path), "--email", "eloise.lhote@exemple.fr"),
        ("extracts", "attach", ref, *reg, "--file", str(path), "--source", "newsletter"),
    ):
        code, en, fr, peak = _refused(capsys, monkeypatch, *argv)
        assert code == 7, (argv, en)
        assert f"Line 1 of {path.name} is longer than 16 MB" in en and "Nothing was imported" in en
        assert "export it again with one record per line" in en
        assert f"La ligne 1 de {path.name} dépasse 16 Mo" in fr and "Rien n'a été importé" in fr
        assert peak < 40 * MB, peak  # at most the 32 MB read that proved the line too long, never 50 MB
    assert _register_state(capsys, reg, ref) == before


def test_header_fields_and_column_counts_past_the_limits(tmp_path: Path) -> None:
    """Under the 1 MB sample but still no header: a field past csv's field limit, more columns than Excel."""
    from dsar_desktop.domain.matching import make_subject
    from dsar_desktop.extracts.csv_reader import MAX_COLUMNS
    from dsar_desktop.extracts.engine import search_files
    from dsar_desktop.extracts.errors import HeaderTooLong

    subject = make_subject("s", email="eloise.lhote@exemple.fr")
    one_field = tmp_path / "one_field.csv"
    one_field.write_bytes(b"x" * 300_000 + b"\nA\n")
    wide = tmp_path / "wide.csv"
    wide.write_bytes(b",".join(b"c%d" % i for i in range(MAX_COLUMNS + 1)) + b"\na\n")
    for path, en_part, fr_part in (
        (
            one_field,
            "a field of line 1 is longer than 131072 characters",
            "un champ de la ligne 1 dépasse 131072",
        ),
        (wide, f"line 1 names {MAX_COLUMNS + 1} columns", f"la ligne 1 nomme {MAX_COLUMNS + 1} colonnes"),
    ):
        with pytest.raises(HeaderTooLong) as caught:
            search_files([path], [subject])
        assert en_part in caught.value.describe("en") and fr_part in caught.value.describe("fr")
    ok = tmp_path / "ok.csv"  # a wide header within the limits is read
    ok.write_bytes(
        b",".join(b"c%d" % i for i in range(2000)) + b",email\na" + b"," * 2000 + b"eloise.lhote@exemple.fr\n"
    )
    assert [m.row for m in search_files([ok], [subject]).matches] == [1]
