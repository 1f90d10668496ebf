"""`dsar-desktop --self-test`: the installation check IT runs (the bundle's is run by ./dev test)."""

from __future__ import annotations

import pytest

from dsar_desktop import app


@pytest.mark.slow
def test_self_test_builds_prints_and_verifies_a_pack_then_says_so_in_one_line(capsys, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", str(tmp_path))  # nothing of the person's own is needed or touched
    assert app.main(["--self-test"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("dsar-desktop self-test: ok")
    assert "sealed and verified" in out[0] and "printed through Qt" in out[0]
    left = [p for p in tmp_path.rglob("*") if p.is_file()]
    # The temporary register is gone; only the stamp font's cache and the log (with the line) stay.
    assert all(p.suffix in (".ttf", ".log") for p in left), left
    (log,) = [p for p in left if p.suffix == ".log"]
    assert "self-test: ok" in log.read_text(encoding="utf-8")


def test_a_broken_installation_fails_with_one_line(capsys, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    from dsar_desktop import selftest

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)

    def broken(work=None):  # type: ignore[no-untyped-def]
        raise FileNotFoundError("resources/catalogue.json")

    monkeypatch.setattr(selftest, "run_self_test", broken)
    assert app.main(["--self-test"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["dsar-desktop self-test: FAILED: FileNotFoundError: resources/catalogue.json"]


def test_the_self_test_names_a_missing_data_file(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    from dsar_desktop import paths, selftest

    monkeypatch.setattr(paths, "GUIDE", tmp_path / "no-guide")
    with pytest.raises(selftest.SelfTestFailed, match="no-guide"):
        selftest.check_shipped_files()
