"""The register file: encryption at rest, audit chain, migrations, backups, crash safety, CLI."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dsar_desktop.cli import main as cli_main
from dsar_desktop.services import register as svc
from dsar_desktop.store import audit, backup
from dsar_desktop.store.connection import open_register
from dsar_desktop.store.errors import AuditChainBroken
from dsar_desktop.store.migrations import available, current_version

PASS = "correct horse battery staple"
MARKER = "Zéphyrine QUIMPERLÉ-XK7Q9 marker"


def register_files(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


def test_marker_never_appears_in_register_files(tmp_path: Path, passphrase_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    reg_path = tmp_path / "r.dsar"
    assert cli_main(["--register", str(reg_path), "init", "--passphrase-file", str(passphrase_file)]) == 0
    assert cli_main(
        ["--register", str(reg_path), "--passphrase-file", str(passphrase_file), "case", "add",
         "--received", "2026-11-02", "--channel", "email", "--right", "access",
         "--subject-name", MARKER, "--subject-email", "zephyrine.xk7q9@example.org"]
    ) == 0  # fmt: skip
    # Check while a connection is open (WAL present) and after close.
    with svc.unlock_register(reg_path, PASS) as reg:
        assert reg.query_one("SELECT subject_name FROM cases")[0] == MARKER
        files = register_files(reg_path)
        assert any(p.name.endswith("-wal") for p in files)
        for needle in (MARKER.encode("utf-8"), b"XK7Q9", "XK7Q9".encode("utf-16-le"), b"zephyrine.xk7q9"):
            for file in files:
                assert needle not in file.read_bytes(), f"{needle!r} found in {file.name}"
    for file in register_files(reg_path):
        assert b"XK7Q9" not in file.read_bytes()
        if file.suffix != ".lock":
            assert file.stat().st_mode & 0o777 == 0o600, file.name


def test_cli_init_verify_and_wrong_passphrase(tmp_path: Path, passphrase_file: Path) -> None:
    reg_path = tmp_path / "r.dsar"
    bad = tmp_path / "bad.txt"
    bad.write_text("this is not it at all\n")
    env = {**os.environ, "DSAR_PASSPHRASE": ""}
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "dsar_desktop.cli", *args], capture_output=True, text=True, env=env, timeout=60
    )
    r = run("--register", str(reg_path), "init", "--passphrase-file", str(passphrase_file))
    assert r.returncode == 0, r.stderr
    assert "Recovery key" in r.stdout
    r = run("--register", str(reg_path), "verify", "--passphrase-file", str(passphrase_file), "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["ok"] and report["audit_entries"] == 1
    r = run("--register", str(reg_path), "verify", "--passphrase-file", str(bad))
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "Wrong passphrase" in r.stderr
    assert "Traceback" not in r.stderr
    r = run("--register", str(tmp_path / "none.dsar"), "verify", "--passphrase-file", str(passphrase_file))
    assert r.returncode == 3 and "No register" in r.stderr
    r = run("verify", "--register", str(reg_path))  # no passphrase source, no terminal: no hang
    assert r.returncode == 2 and "No passphrase given" in r.stderr


def test_audit_chain_detects_tampering(register) -> None:  # type: ignore[no-untyped-def]
    with register.transaction() as conn:
        for i in range(5):
            audit.append(conn, "alice", "test.entry", f"DSAR-2027-{i:04d}", {"n": i})
    assert audit.verify_chain(register.conn) == 5
    with pytest.raises(Exception, match="append-only"):
        with register.transaction() as conn:
            conn.execute("UPDATE audit SET details = '{}' WHERE seq = 3")
    # Someone with the key who drops the trigger and edits an entry is still caught.
    register.conn.execute("DROP TRIGGER audit_no_update")
    register.conn.execute("""UPDATE audit SET details = '{"n":99}' WHERE seq = 3""")
    with pytest.raises(AuditChainBroken) as info:
        audit.verify_chain(register.conn)
    assert info.value.facts["seq"] == 3
    register.conn.execute("DROP TRIGGER audit_no_delete")
    register.conn.execute("""UPDATE audit SET details = '{"n":2}' WHERE seq = 3""")
    assert audit.verify_chain(register.conn) == 5
    register.conn.execute("DELETE FROM audit WHERE seq = 2")
    with pytest.raises(AuditChainBroken) as info:
        audit.verify_chain(register.conn)
    assert info.value.facts["seq"] == 2


def test_audit_needs_a_transaction(register) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError):
        audit.append(register.conn, "alice", "outside")


def test_migrations_are_numbered_and_recorded(register) -> None:  # type: ignore[no-untyped-def]
    steps = available()
    assert [n for n, _, _ in steps] == list(range(1, len(steps) + 1))
    assert current_version(register) == steps[-1][0]


def test_failed_transaction_leaves_nothing(register, case_factory) -> None:  # type: ignore[no-untyped-def]
    case_factory()
    before = register.query_one("SELECT count(*) FROM audit")[0]
    with pytest.raises(ZeroDivisionError):
        with register.transaction() as conn:
            audit.append(conn, "alice", "half")
            conn.execute("DELETE FROM cases")
            1 / 0  # noqa: B018
    assert register.query_one("SELECT count(*) FROM audit")[0] == before
    assert register.query_one("SELECT count(*) FROM cases")[0] == 1


def test_backup_restore_drill(tmp_path: Path) -> None:
    created = svc.create_register(tmp_path / "r.dsar", "alice", PASS)
    reg = created.register
    from tests.conftest import make_case

    refs = [make_case(reg, subject_name=f"Zoé NUMÉRO{i}") for i in range(25)]
    original = reg.query("SELECT * FROM cases ORDER BY id")
    original_audit = reg.query("SELECT * FROM audit ORDER BY seq")
    out = svc.backup_register(reg, tmp_path / "backups" / "b.dsarbak")
    reg.close()
    assert out.exists() and not list(out.parent.glob(".*"))  # no temporary leftovers
    assert b"NUM\xc3\x89RO" not in out.read_bytes()
    target = tmp_path / "restored" / "r2.dsar"
    svc.restore_register(out, target)
    with svc.unlock_register(target, PASS) as restored:
        report = svc.verify(restored)
        assert report.integrity_ok and report.audit_entries == len(original_audit) + 1
        assert restored.query("SELECT * FROM cases ORDER BY id") == original
        assert restored.query("SELECT * FROM audit ORDER BY seq")[: len(original_audit)] == original_audit
        assert len(refs) == 25
    with svc.unlock_register(target, created.recovery_key) as restored:
        assert restored.actor == "recovery"


def test_restore_refuses_overwrite_and_bad_files(tmp_path: Path) -> None:
    created = svc.create_register(tmp_path / "r.dsar", "alice", PASS)
    out = svc.backup_register(created.register, tmp_path / "b.dsarbak")
    created.register.close()
    with pytest.raises(backup.RestoreTargetExists):
        svc.restore_register(out, tmp_path / "r.dsar")
    junk = tmp_path / "junk.dsarbak"
    junk.write_bytes(b"not a zip")
    with pytest.raises(backup.BackupInvalid):
        svc.restore_register(junk, tmp_path / "x.dsar")
    # A flipped byte inside the register copy is caught by its hash, and nothing is left behind.
    data = bytearray(out.read_bytes())
    start = data.find(b"register.db") + 200
    data[start + 500] ^= 0xFF
    bad = tmp_path / "bad.dsarbak"
    bad.write_bytes(bytes(data))
    with pytest.raises(backup.BackupInvalid):
        svc.restore_register(bad, tmp_path / "y.dsar")
    assert not (tmp_path / "y.dsar").exists()


def test_backup_on_close_keeps_last_n(tmp_path: Path) -> None:
    created = svc.create_register(tmp_path / "r.dsar", "alice", PASS)
    folder = tmp_path / "backups"
    folder.mkdir()
    for i in range(4):
        (folder / f"r-2026010{i}T000000.dsarbak").write_bytes(b"old")
    svc.backup_on_close(created.register, keep=3)
    created.register.close()
    kept = sorted(p.name for p in folder.glob("*.dsarbak"))
    assert len(kept) == 3 and "r-20260100T000000.dsarbak" not in kept


CRASH_WRITER = textwrap.dedent(
    """
    import os, sys
    from dsar_desktop.store.connection import open_register
    from dsar_desktop.store import audit
    reg = open_register(sys.argv[1], bytes.fromhex(sys.argv[2]), "writer")
    i = 0
    while True:
        with reg.transaction() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (f"k{i}", "v" * 200))
            audit.append(conn, "writer", "burst", None, {"i": i})
        i += 1
        if i == 50:
            print("ready", flush=True)
    """
)


def test_sigkill_during_writes_loses_no_committed_change(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "crash.dsar"
    open_register(path, key, "setup", create=True).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASH_WRITER, str(path), key.hex()], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    with open_register(path, key, "after") as reg:
        assert [r[0] for r in reg.query("PRAGMA integrity_check")] == ["ok"]
        entries = audit.verify_chain(reg.conn)
        keys = reg.query_one("SELECT count(*) FROM meta WHERE key LIKE 'k%'")[0]
        assert entries == keys >= 50
        # Every committed burst is there, in order, with no gap.
        numbers = sorted(int(r[0][1:]) for r in reg.query("SELECT key FROM meta WHERE key LIKE 'k%'"))
        assert numbers == list(range(len(numbers)))


def test_upgrade_keeps_a_backup_first(tmp_path: Path) -> None:
    created = svc.create_register(tmp_path / "r.dsar", "alice", PASS)
    reg = created.register
    latest = current_version(reg)
    reg.conn.execute(f"PRAGMA user_version = {latest - 1}")  # pretend the last migration is pending
    last_sql = available()[-1][2]
    # Undo the last migration's tables so that it can run again.
    for name in [r[0] for r in reg.query("SELECT name FROM sqlite_master WHERE type = 'table'")]:
        if f"CREATE TABLE {name} " in last_sql or f"CREATE TABLE {name}(" in last_sql:
            reg.conn.execute(f"DROP TABLE {name}")
    for table, column in re.findall(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", last_sql):  # and its columns
        reg.conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    reg.close()
    with svc.unlock_register(tmp_path / "r.dsar", PASS) as reopened:
        assert current_version(reopened) == latest
    copies = list((tmp_path / "backups").glob("*.dsarbak"))
    assert [c.name for c in copies] == [f"r-before-schema-{latest}.dsarbak"]
    assert backup.read_manifest(copies[0])["schema_version"] == latest - 1


def test_two_backups_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    created = svc.create_register(tmp_path / "r.dsar", "alice", PASS)
    first = svc.backup_on_close(created.register, keep=10)
    second = svc.backup_on_close(created.register, keep=10)
    created.register.close()
    assert first != second and first.exists() and second.exists()
