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
    assert all(p.suffix == ".ttf" for p in left), left  # the temporary register is gone; only the stamp font's cache stays


def test_a_broken_installation_fails_with_one_line(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    from dsar_desktop import selftest

    def broken(work=None):  # type: ignore[no-untyped-def]
        raise FileNotFoundError("resources/catalogue.json")

    monkeypatch.setattr(selftest, "run_self_test", broken)
    assert app.main(["--self-test"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["dsar-desktop self-test: FAILED: FileNotFoundError: resources/catalogue.json"]
