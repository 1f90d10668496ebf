"""The register knows itself and its history: identity checks, the audit anchor, packs and checkpoints as witnesses.

Each test is one of the attacks of issue 9, done the way an attacker or a clumsy
user would, then checked through the `dsar` command.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from conftest import make_case, run_cli

from dsar_desktop.security.anchor import Head
from dsar_desktop.security.keyslots import sidecar_path
from dsar_desktop.services import anchoring
from dsar_desktop.services import register as svc
from dsar_desktop.store import audit

PASS = "correct horse battery staple"


def dsar(capsys: pytest.CaptureFixture[str], path: Path, pf: Path, *argv: str) -> tuple[int, Any, str]:
    return run_cli(capsys, "--register", str(path), "--passphrase-file", str(pf), "--json", *argv)


def new_register(tmp_path: Path, capsys: pytest.CaptureFixture[str], pf: Path, name: str = "r.dsar") -> Path:
    path = tmp_path / name
    code, out, err = dsar(capsys, path, pf, "init", "--label", "alice")
    assert code == 0, err
    return path


def add_cases(path: Path, n: int) -> None:
    with svc.unlock_register(path, PASS) as reg:
        for i in range(n):
            make_case(reg, subject_name=f"Personne NUMERO{i}")


def raw_key(path: Path) -> bytes:
    key, _slot, _rid = svc.unlock_key(path, PASS)
    return key


def tamper(path: Path, sql: list[str]) -> None:
    """What someone holding the register key can do directly with SQLCipher (triggers dropped first)."""
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{raw_key(path).hex()}'\"")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    for statement in sql:
        conn.execute(statement)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def rechain(path: Path, seq: int, new_action: str) -> None:
    """Edit one entry and recompute every later hash, so the chain alone still verifies."""
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{raw_key(path).hex()}'\"")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("UPDATE audit SET action = ? WHERE seq = ?", (new_action, seq))
    rows = conn.execute("SELECT seq, at_utc, actor, action, case_ref, details FROM audit ORDER BY seq").fetchall()
    prev = audit.GENESIS
    for s, at, actor, action, ref, details in rows:
        digest = audit.entry_hash(prev, audit.canonical(s, at, actor, action, ref, details))
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, s))
        prev = digest
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def forge_anchor(path: Path) -> None:
    """Someone holding the register key also rewrites the anchor to match the rewritten chain."""
    with svc.unlock_register(path, PASS, check_anchor=False) as reg:
        head = anchoring.chain_head(reg.conn)
        anchoring.write(reg, svc.register_id(reg), head, head)


# ---- the register knows itself ------------------------------------------------------------
def test_a_register_emptied_to_zero_bytes_is_refused_and_nothing_is_created_over_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 2)
    path.write_bytes(b"")
    for argv in (("verify",), ("case", "list")):
        code, _out, err = dsar(capsys, path, passphrase_file, *argv)
        assert code == 8, err
        assert "is empty" in err and "Nothing was created over it" in err and "backup" in err
        assert path.stat().st_size == 0
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0


def test_a_key_file_of_another_register_says_so_in_those_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    mine = new_register(tmp_path, capsys, passphrase_file, "mine.dsar")
    other = new_register(tmp_path, capsys, passphrase_file, "other.dsar")
    before = mine.read_bytes()
    shutil.copy(sidecar_path(other), sidecar_path(mine))
    code, _out, err = dsar(capsys, mine, passphrase_file, "case", "list")
    assert code == 9, err
    assert "key file of another register" in err
    assert "damaged" not in err
    assert mine.read_bytes() == before


def test_a_database_of_another_register_is_refused_by_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    tamper(path, ["UPDATE meta SET value = 'f00d' WHERE key = 'register_id'"])
    code, _out, err = dsar(capsys, path, passphrase_file, "verify")
    assert code == 9, err
    assert "belongs to another register" in err and "f00d" in err


def test_a_register_missing_its_first_audit_entry_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 1)
    tamper(path, ["DELETE FROM audit WHERE seq = 1"])
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "list")
    assert code == 10, err
    assert "lost its first audit entry" in err


# ---- the anchor: rollback drills ------------------------------------------------------------
def test_rollback_drill_an_older_register_file_put_back_fails_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 1)
    old = tmp_path / "old-copy.dsar"
    shutil.copy(path, old)
    add_cases(path, 3)
    shutil.copy(old, path)
    code, out, err = dsar(capsys, path, passphrase_file, "verify")
    assert code == 6, err
    assert out["anchor"]["state"] == "older" and out["ok"] is False
    assert "older than its anchor" in out["anchor"]["problem"]
    assert out["audit_ok"] is True  # the chain alone still looks fine: only the anchor sees it
    code, _text, _err = run_cli(capsys, "--register", str(path), "--passphrase-file", str(passphrase_file), "verify")
    assert code == 6
    # Any other command refuses to work on it, so the anchor is never overwritten by new work.
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "list")
    assert code == 6 and "older than its anchor" in err


def test_rollback_drill_the_last_audit_entries_deleted_fails_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 4)
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 0 and out["anchor"]["state"] == "ok"
    last = out["audit_entries"]
    tamper(path, [f"DELETE FROM audit WHERE seq > {last - 3}"])
    code, out, err = dsar(capsys, path, passphrase_file, "verify")
    assert code == 6, err
    assert out["anchor"]["state"] == "older"
    assert f"holds {last - 3} audit entries" in out["anchor"]["problem"]


def test_an_edited_and_rechained_entry_fails_against_the_anchor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 2)
    rechain(path, 2, "case.withdrawn")
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 6 and out["audit_ok"] is True and out["anchor"]["state"] == "rewritten"


def test_an_older_key_file_put_back_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    keys_copy = tmp_path / "keys-copy"
    shutil.copy(sidecar_path(path), keys_copy)
    add_cases(path, 2)
    shutil.copy(keys_copy, sidecar_path(path))
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 6 and out["anchor"]["state"] == "keyfile_older"


def test_an_edited_anchor_is_not_authentic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    old = tmp_path / "old.dsar"
    shutil.copy(path, old)
    add_cases(path, 2)
    shutil.copy(old, path)
    keys = json.loads(sidecar_path(path).read_text())
    keys["anchor"]["count"], keys["anchor"]["head"] = 1, keys["anchor"]["prev_head"]  # without the key: no MAC
    sidecar_path(path).write_text(json.dumps(keys))
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 6 and out["anchor"]["state"] == "forged"


def test_an_anchor_one_commit_ahead_is_the_normal_crash_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 1)
    with svc.unlock_register(path, PASS) as reg:
        head = anchoring.chain_head(reg.conn)
        # The process wrote the anchor of its next commit, then died before COMMIT.
        anchoring.write(reg, svc.register_id(reg), Head(head.count + 1, "ab" * 32), head)
    code, out, err = dsar(capsys, path, passphrase_file, "verify")
    assert code == 0, err
    assert out["anchor"]["state"] == "one_commit_behind"
    add_cases(path, 1)  # work goes on and the anchor catches up
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 0 and out["anchor"]["state"] == "ok"
    # Two commits behind is not a crash: it is an alarm.
    with svc.unlock_register(path, PASS) as reg:
        head = anchoring.chain_head(reg.conn)
        anchoring.write(reg, svc.register_id(reg), Head(head.count + 2, "cd" * 32), Head(head.count + 1, "ef" * 32))
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 6 and out["anchor"]["state"] == "older"


def test_a_backup_carries_its_anchor_and_restores_consistent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 2)
    out_file = tmp_path / "b.dsarbak"
    code, _out, err = dsar(capsys, path, passphrase_file, "backup", "--out", str(out_file))
    assert code == 0, err
    with svc.unlock_register(path, PASS, check_anchor=False) as reg:
        head = anchoring.chain_head(reg.conn)
    manifest = svc.backup.read_manifest(out_file)
    assert manifest["audit_head"] == head.to_json()
    restored = tmp_path / "restored.dsar"
    code, _out, err = run_cli(capsys, "--json", "restore", str(out_file), "--to", str(restored))
    assert code == 0, err
    code, out, err = dsar(capsys, restored, passphrase_file, "verify")
    assert code == 0, err
    assert out["anchor"]["state"] == "ok" and out["anchor"]["anchor"] == head.to_json()


# ---- witnesses outside the register: a checkpoint and a pack ------------------------------
def test_checkpoint_drill_a_rewritten_and_rechained_history_with_a_forged_anchor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    code, _out, err = dsar(capsys, path, passphrase_file, "cert", "create")
    assert code == 0, err
    add_cases(path, 2)
    checkpoint = tmp_path / "checkpoint-2026-12.pdf"
    code, out, err = dsar(capsys, path, passphrase_file, "audit", "checkpoint", "--out", str(checkpoint))
    assert code == 0, err
    assert checkpoint.read_bytes().startswith(b"%PDF")
    code, out, err = dsar(capsys, path, passphrase_file, "verify", "--checkpoint", str(checkpoint))
    assert code == 0, err
    assert out["witnesses"][0]["ok"] is True
    add_cases(path, 1)  # later work does not break an older checkpoint
    code, out, _ = dsar(capsys, path, passphrase_file, "verify", "--checkpoint", str(checkpoint))
    assert code == 0
    # Someone with the register key rewrites entry 3, re-chains, and rewrites the anchor too.
    rechain(path, 3, "case.withdrawn")
    forge_anchor(path)
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 0  # chain and anchor agree: only a witness from before the edit can tell
    code, out, _ = dsar(capsys, path, passphrase_file, "verify", "--checkpoint", str(checkpoint))
    assert code == 6
    assert out["witnesses"][0]["ok"] is False and "rewritten" in out["witnesses"][0]["message"]


def test_a_checkpoint_with_a_changed_byte_proves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    dsar(capsys, path, passphrase_file, "cert", "create")
    checkpoint = tmp_path / "cp.pdf"
    assert dsar(capsys, path, passphrase_file, "audit", "checkpoint", "--out", str(checkpoint))[0] == 0
    data = bytearray(checkpoint.read_bytes())
    index = data.index(b"dsar-audit-checkpoint")
    data[index + 40] ^= 0x01
    checkpoint.write_bytes(bytes(data))
    code, out, _ = dsar(capsys, path, passphrase_file, "verify", "--checkpoint", str(checkpoint))
    assert code == 6 and out["witnesses"][0]["ok"] is False


def test_pack_drill_a_pack_held_by_the_data_subject_proves_the_history_up_to_its_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from letters_support import install_inputs

    from dsar_desktop.services import certificates, packs

    install_inputs(monkeypatch)
    path = new_register(tmp_path, capsys, passphrase_file)
    with svc.unlock_register(path, PASS) as reg:
        certificates.create_internal_seal(reg)
        ref = make_case(reg)
        make_case(reg, subject_name="Autre PERSONNE")
        built = packs.build_pack(reg, ref, tmp_path / "out")
        head = anchoring.chain_head(reg.conn)
    import zipfile

    with zipfile.ZipFile(built.zip) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["audit_head"]["count"] == head.count - 1  # the head before the pack's own entry
    code, out, err = dsar(capsys, path, passphrase_file, "verify", "--pack", str(built.zip))
    assert code == 0, err
    assert out["witnesses"][0]["ok"] is True and out["witnesses"][0]["kind"] == "pack"
    rechain(path, 2, "case.withdrawn")
    forge_anchor(path)
    code, out, _ = dsar(capsys, path, passphrase_file, "verify")
    assert code == 0  # the rewrite is invisible to the register alone
    code, out, _ = dsar(capsys, path, passphrase_file, "verify", "--pack", str(built.zip))
    assert code == 6 and out["witnesses"][0]["ok"] is False
    assert "rewritten" in out["witnesses"][0]["message"]


def test_pack_verify_refuses_a_manifest_naming_another_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from letters_support import install_inputs

    from dsar_desktop.documents import pack as packfile
    from dsar_desktop.services import certificates, packs

    install_inputs(monkeypatch)
    path = new_register(tmp_path, capsys, passphrase_file)
    with svc.unlock_register(path, PASS) as reg:
        certificates.create_internal_seal(reg)
        ref = make_case(reg)
        built = packs.build_pack(reg, ref, tmp_path / "out")
        pem = tmp_path / "seal.pem"
        pem.write_bytes(certificates.certificate_pem(reg))
    with zipfile.ZipFile(built.zip) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(files["manifest.json"])
    manifest["case_ref"] = "2027-9999"
    files["manifest.json"] = json.dumps(manifest).encode()
    forged = tmp_path / "forged.zip"
    forged.write_bytes(packfile.zip_bytes(files, None))
    code, out, _ = run_cli(capsys, "pack", "verify", str(forged), "--trust", str(pem), "--json")
    assert code != 0 and out["intact"] is False
    assert any("names case '2027-9999'" in d for d in out["details"])


# ---- revocation that revokes ------------------------------------------------------------------
def test_revocation_drill_a_key_file_copy_from_before_the_removal_opens_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 1)
    bob_pass = tmp_path / "bob.txt"
    bob_pass.write_text("bob's own long passphrase\n")
    code, _out, err = dsar(capsys, path, passphrase_file, "slot", "add", "bob", "--new-passphrase-file", str(bob_pass))
    assert code == 0, err
    copy = tmp_path / "keys-before-removal"
    shutil.copy(sidecar_path(path), copy)
    old_key = raw_key(path)
    code, out, err = dsar(capsys, path, passphrase_file, "slot", "remove", "bob")
    assert code == 0, err
    assert out["rekeyed"] is True
    assert raw_key(path) != old_key  # a fresh register key
    # Bob puts his copy of the key file back.
    shutil.copy(copy, sidecar_path(path))
    code, _out, err = run_cli(capsys, "--register", str(path), "--passphrase-file", str(bob_pass), "case", "list")
    assert code == 5 and "no longer opens" in err
    code, _out, err = run_cli(capsys, "--register", str(path), "--passphrase-file", str(passphrase_file), "case", "list")
    assert code == 5  # the old copy holds only the old key, for everyone
    # The raw key his copy yields does not decrypt the database either.
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
    with pytest.raises(sqlcipher.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_rekey_on_demand_keeps_every_slot_and_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 2)
    before = raw_key(path)
    code, _out, err = dsar(capsys, path, passphrase_file, "rekey")
    assert code == 0, err
    assert raw_key(path) != before
    code, out, err = dsar(capsys, path, passphrase_file, "verify")
    assert code == 0, err
    assert out["anchor"]["state"] == "ok"
    code, cases, _ = dsar(capsys, path, passphrase_file, "case", "list")
    assert code == 0 and len(cases) == 2


def test_a_rekey_interrupted_after_the_database_switched_is_finished_at_the_next_unlock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dsar_desktop.security.keyslots import KeyFile

    path = new_register(tmp_path, capsys, passphrase_file)
    add_cases(path, 1)
    saves: list[int] = []
    original = KeyFile.save

    def save_then_die_on_the_second(self: KeyFile, target: Path) -> None:
        saves.append(1)
        if len(saves) == 2:  # the database switched; the power goes before the key file does
            raise SystemExit("power cut")
        original(self, target)

    with svc.unlock_register(path, PASS) as reg:
        monkeypatch.setattr(KeyFile, "save", save_then_die_on_the_second)
        with pytest.raises(SystemExit):
            svc.rekey(reg)
        monkeypatch.setattr(KeyFile, "save", original)
    assert KeyFile.load(sidecar_path(path)).pending is not None
    code, out, err = dsar(capsys, path, passphrase_file, "verify")
    assert code == 0, err
    assert KeyFile.load(sidecar_path(path)).pending is None


def _built_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str], pf: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    from letters_support import install_inputs

    from dsar_desktop.services import certificates, packs

    install_inputs(monkeypatch)
    path = new_register(tmp_path, capsys, pf)
    with svc.unlock_register(path, PASS) as reg:
        certificates.create_internal_seal(reg)
        built = packs.build_pack(reg, make_case(reg), tmp_path / "out")
        pem = tmp_path / "seal.pem"
        pem.write_bytes(certificates.certificate_pem(reg))
    return built.zip, pem


def test_pack_verify_refuses_a_second_data_json_and_a_zip_bomb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warnings
    import zipfile

    from dsar_desktop.documents import pack as packfile

    zip_path, pem = _built_pack(tmp_path, capsys, passphrase_file, monkeypatch)
    code, out, _ = run_cli(capsys, "pack", "verify", str(zip_path), "--trust", str(pem), "--json")
    assert code == 0 and out["intact"] is True
    # A forged data.json added under the same name (unzip shows the first one).
    forged = tmp_path / "two-data.zip"
    with zipfile.ZipFile(zip_path) as src, zipfile.ZipFile(forged, "w") as dst, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the attack
        dst.writestr("data.json", b'{"case": "forged"}')
        for info in src.infolist():
            dst.writestr(info, src.read(info))
    code, out, _ = run_cli(capsys, "pack", "verify", str(forged), "--trust", str(pem), "--json")
    assert code != 0 and out["intact"] is False
    assert any("same name twice" in d and "data.json" in d for d in out["details"])
    # A bomb: 3 MB of zeros in a few KB; the member cap (lowered here) stops the read.
    monkeypatch.setattr(packfile, "MAX_MEMBER_BYTES", 1024 * 1024)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(zip_path) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("zeros.bin", b"\0" * (3 * 1024 * 1024))
    assert bomb.stat().st_size < zip_path.stat().st_size + 64 * 1024
    code, out, _ = run_cli(capsys, "pack", "verify", str(bomb), "--trust", str(pem), "--json")
    assert code != 0 and out["intact"] is False
    assert any("larger than a pack holds" in d for d in out["details"])


def test_an_encrypted_pack_leaves_no_plaintext_pdf_and_prints_from_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from letters_support import install_inputs

    from dsar_desktop.services import certificates

    install_inputs(monkeypatch)
    path = new_register(tmp_path, capsys, passphrase_file)
    with svc.unlock_register(path, PASS) as reg:
        certificates.create_internal_seal(reg)
        ref = make_case(reg)
    out_dir = tmp_path / "out"
    code, out, err = dsar(capsys, path, passphrase_file, "pack", "build", ref, "--out", str(out_dir), "--encrypt")
    assert code == 0, err
    assert out["pdf"] is None and out["password"]
    assert [p.name for p in out_dir.iterdir()] == [Path(out["zip"]).name]  # nothing in clear beside the ZIP
    assert b"%PDF" not in Path(out["zip"]).read_bytes()
