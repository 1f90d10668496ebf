"""Crypto-shredding: a scan destroyed at the ID decision cannot be read from any backup made before it.

The attack of issue 9: "a scan destroyed after the ID decision survives in the backups
taken before the decision (the app keeps 10)". Each test does it the way someone holding
an old backup and the passphrase would, through the `dsar` command where one exists, and
then looks inside the restored database itself, with the register key, for the scan.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from conftest import make_case, run_cli
from mail_support import eml

from dsar_desktop.security import scan_keys
from dsar_desktop.services import identity as ids
from dsar_desktop.services import mail_in, retention, shredding
from dsar_desktop.services import register as svc
from tests import test_identity_destruction as destruction
from tests.test_retention import TODAY, closed_case

pytestmark = pytest.mark.usefixtures("identity_today")

PASS = "correct horse battery staple"


def noise_png(seed: int = 5) -> bytes:
    return destruction.noise_png(seed, side=120)


def markers(data: bytes) -> list[bytes]:
    return [data[i : i + 24] for i in range(100, len(data) - 24, 997)]


def every_blob(path: Path) -> bytes:
    """Every value of every table of a register, decrypted with the register key: what an attacker reads."""
    key, _slot, _rid = svc.unlock_key(path, PASS)
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in conn.execute(f'SELECT * FROM "{table}"').fetchall():
            out += [v if isinstance(v, bytes) else str(v).encode() for v in row if v is not None]
    conn.close()
    return b"\x00".join(out)


def dsar(capsys: pytest.CaptureFixture[str], path: Path, pf: Path, *argv: str) -> tuple[int, Any, str]:
    return run_cli(capsys, "--register", str(path), "--passphrase-file", str(pf), "--json", *argv)


def case_with_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pf: Path, scan: bytes
) -> tuple[Path, str]:
    path = tmp_path / "office" / "register.dsar"
    code, _out, err = dsar(capsys, path, pf, "init", "--label", "alice")
    assert code == 0, err
    code, case, err = dsar(
        capsys, path, pf, "case", "add", "--received", "2027-03-01", "--channel", "email", "--right", "access",
        "--subject-name", "Anna Maria ERIKSSON", "--subject-dob", "1974-08-12", "--subject-email", "anna@example.org",
    )  # fmt: skip
    assert code == 0, err
    ref = case["ref"]
    code, _out, err = dsar(capsys, path, pf, "case", "id-request", ref, "--reason", "Your request came from an address we do not know.", "--sent-on", "2027-03-02")  # fmt: skip
    assert code == 0, err
    picture = tmp_path / "passport.png"
    picture.write_bytes(scan)
    code, _out, err = dsar(capsys, path, pf, "case", "id-received", ref, "--file", str(picture), "--date", "2027-03-05")  # fmt: skip
    assert code == 0, err
    picture.unlink()
    return path, ref


def run_decide(capsys: pytest.CaptureFixture[str], path: Path, pf: Path, ref: str) -> tuple[int, Any, str]:
    return dsar(
        capsys, path, pf, "case", "id-decide", ref, "--decision", "verified", "--document-type", "passport",
        "--holder-name", "Anna Maria ERIKSSON", "--holder-dob", "1974-08-12", "--on", "2027-03-05",
        "--note", "seen",
    )  # fmt: skip


def decide(capsys: pytest.CaptureFixture[str], path: Path, pf: Path, ref: str) -> None:
    code, out, err = run_decide(capsys, path, pf, ref)
    assert code == 0, err
    assert out["scans_destroyed"] == 1


def test_a_scan_destroyed_after_the_decision_is_unreadable_in_a_backup_made_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    scan = noise_png()
    path, ref = case_with_scan(tmp_path, capsys, passphrase_file, scan)
    old_backup = tmp_path / "before-the-decision.dsarbak"
    code, _out, err = dsar(capsys, path, passphrase_file, "backup", "--out", str(old_backup))
    assert code == 0, err
    with zipfile.ZipFile(old_backup) as archive:  # the keys never travel with a backup
        assert sorted(archive.namelist()) == ["manifest.json", "register.db", "register.keys"]
    (key_file,) = path.parent.glob("scan-keys-*.dsarkeys")
    code, _out, err = dsar(capsys, path, passphrase_file, "backup", "--out", str(key_file), "--force")
    assert code == 1 and "scan-key file" in err  # never written over, not even forced

    decide(capsys, path, passphrase_file, ref)

    # The old backup restored beside the register (same folder, so it finds the scan-key file):
    restored = path.parent / "restored.dsar"
    code, out, err = run_cli(capsys, "--json", "restore", str(old_backup), "--to", str(restored))
    assert code == 0, err
    assert out["scan_keys"] is not None
    # The restored register still holds the row, but only as ciphertext whose key is gone:
    plain = every_blob(restored)
    assert not any(m in plain for m in markers(scan))
    code, report, err = dsar(capsys, restored, passphrase_file, "verify")
    assert code == 0, err  # a shredded key in an older copy is what was intended, not damage
    keys = report["scan_keys"]
    assert (keys["sealed"], keys["readable"], keys["shredded"], keys["missing"]) == (1, 0, 1, 0)
    code, status, err = dsar(capsys, restored, passphrase_file, "case", "id-status", ref)
    assert code == 0, err
    proof = status["proofs"][0]
    assert proof["attachments"] == []
    assert len(proof["unreadable"]) == 1
    assert proof["unreadable"][0]["destroyed_on"] is not None
    code, text, err = run_cli(
        capsys,
        "--register",
        str(restored),
        "--passphrase-file",
        str(passphrase_file),
        "case",
        "id-status",
        ref,
    )
    assert code == 0 and "destroyed on" in text and "key was shredded" in text
    with svc.unlock_register(restored, PASS) as reg:
        scan_id = proof["unreadable"][0]["attachment_id"]
        with pytest.raises(shredding.BlobShredded) as refused:
            ids.scan_content(reg, ref, scan_id)
        assert "destroyed on" in refused.value.describe("en") and "détruit le" in refused.value.describe("fr")
        # even with the register key and the scan-key file's master key, nothing opens the blob:
        key_id, blob = reg.query_one("SELECT key_id, content FROM attachments")
        assert shredding.keystore(reg).key(key_id) is None
        assert scan_keys.is_sealed(bytes(blob))


def test_a_pending_scan_survives_a_backup_and_restore_beside_the_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    """Before the decision a restored backup is whole: the scan opens (same folder, same scan-key file)."""
    scan = noise_png(seed=9)
    path, ref = case_with_scan(tmp_path, capsys, passphrase_file, scan)
    backup = tmp_path / "b.dsarbak"
    assert dsar(capsys, path, passphrase_file, "backup", "--out", str(backup))[0] == 0
    restored = path.parent / "restored.dsar"
    assert run_cli(capsys, "--json", "restore", str(backup), "--to", str(restored))[0] == 0
    with svc.unlock_register(restored, PASS) as reg:
        scan_id = ids.identity_status(reg, ref).proofs[0].attachments[0].id
        assert ids.scan_content(reg, ref, scan_id) == scan


def test_a_register_restored_into_another_folder_says_where_the_keys_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path, ref = case_with_scan(tmp_path, capsys, passphrase_file, noise_png(seed=2))
    backup = tmp_path / "b.dsarbak"
    assert dsar(capsys, path, passphrase_file, "backup", "--out", str(backup))[0] == 0
    elsewhere = tmp_path / "elsewhere" / "restored.dsar"
    code, text, err = run_cli(capsys, "restore", str(backup), "--to", str(elsewhere))
    assert code == 0, err
    assert "No scan-key file of this register" in text and "move (do not copy)" in text
    code, status, err = dsar(capsys, elsewhere, passphrase_file, "case", "id-status", ref)
    assert code == 0, err
    assert status["proofs"][0]["unreadable"][0]["destroyed_on"] is None
    with svc.unlock_register(elsewhere, PASS) as reg:
        scan_id = status["proofs"][0]["unreadable"][0]["attachment_id"]
        with pytest.raises(shredding.BlobKeyMissing) as refused:
            ids.scan_content(reg, ref, scan_id)
        assert "scan-key file" in refused.value.describe("en")
    code, report, _err = dsar(capsys, elsewhere, passphrase_file, "verify")
    assert code == 6 and report["scan_keys"]["missing"] == 1 and not report["scan_keys"]["lost_on"]


def test_a_decision_away_from_the_scan_key_file_is_refused_until_the_file_is_declared_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    """Deciding on a copy in another folder would record the scan destroyed while its key lives on in the
    original folder's file (which, with any earlier backup, opens it): refused, nothing recorded, no new
    key file; once a person declares the file lost for good, the decision goes through."""
    path, ref = case_with_scan(tmp_path, capsys, passphrase_file, noise_png(seed=4))
    backup = tmp_path / "b.dsarbak"
    assert dsar(capsys, path, passphrase_file, "backup", "--out", str(backup))[0] == 0
    elsewhere = tmp_path / "new-pc" / "register.dsar"
    assert run_cli(capsys, "restore", str(backup), "--to", str(elsewhere))[0] == 0
    code, _out, err = run_decide(capsys, elsewhere, passphrase_file, ref)
    assert code == 5 and "not beside its scan-key file" in err and "declare-lost" in err
    assert list(elsewhere.parent.glob("scan-keys-*.dsarkeys")) == []  # no second file forked here
    with svc.unlock_register(elsewhere, PASS) as reg:
        assert reg.query_one("SELECT count(*) FROM identity_checks")[0] == 0  # nothing recorded
        assert reg.query_one("SELECT count(*) FROM attachments")[0] == 1
    code, _out, err = dsar(capsys, elsewhere, passphrase_file, "scan-keys", "declare-lost")
    assert code == 1 and "--yes" in err
    code, out, err = dsar(capsys, elsewhere, passphrase_file, "scan-keys", "declare-lost", "--yes")
    assert code == 0, err
    code, out, err = run_decide(capsys, elsewhere, passphrase_file, ref)
    assert code == 0 and out["scans_destroyed"] == 1, err
    code, report, _err = dsar(capsys, elsewhere, passphrase_file, "verify")
    assert code == 0 and report["scan_keys"]["lost_on"] is not None
    # the original folder's file was never touched by the copy
    (original,) = path.parent.glob("scan-keys-*.dsarkeys")
    with svc.unlock_register(path, PASS) as reg:
        assert shredding.keystore(reg).path == original
        assert set(
            shredding.key_states(reg, [reg.query_one("SELECT key_id FROM attachments")[0]]).values()
        ) == {"readable"}


def test_an_id_document_sent_by_email_is_shredded_with_its_message_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    """The e-mail's original file and its attachment hold the ID too: a backup made before the
    attachment went to the ID check cannot open either once the decision is taken."""
    path = tmp_path / "office" / "register.dsar"
    assert dsar(capsys, path, passphrase_file, "init", "--label", "alice")[0] == 0
    scan = noise_png(seed=13)
    message = eml(attachments=[("passeport.png", "image/png", scan)])
    with svc.unlock_register(path, PASS) as reg:
        ref = make_case(reg, subject_name="Anna Maria ERIKSSON")
        message_id = mail_in.attach_message(reg, ref, mail_in.read_bytes(message, "request.eml"))
        attachment = next(a for a in mail_in.messages(reg, ref)[0].attachments if a.looks_like_id)
        assert mail_in.attachment_content(reg, ref, attachment.id) == scan
    assert not any(m in every_blob(path) for m in markers(scan))  # sealed from the start
    backup = tmp_path / "with-the-email.dsarbak"
    assert dsar(capsys, path, passphrase_file, "backup", "--out", str(backup))[0] == 0
    with svc.unlock_register(path, PASS) as reg:
        mail_in.send_attachment_to_id_check(reg, ref, attachment.id)
    decide(capsys, path, passphrase_file, ref)

    restored = path.parent / "restored.dsar"
    assert run_cli(capsys, "--json", "restore", str(backup), "--to", str(restored))[0] == 0
    with svc.unlock_register(restored, PASS) as reg:
        with pytest.raises(shredding.BlobShredded):
            mail_in.attachment_content(reg, ref, attachment.id)
        raw_key, raw = reg.query_one("SELECT raw_key_id, raw FROM case_messages WHERE id = ?", (message_id,))
        assert raw is not None  # the old backup still holds the original file, sealed
        assert shredding.key_states(reg, [raw_key])[raw_key] not in (None, "readable")  # a shredding date
    assert not any(m in every_blob(restored) for m in markers(scan))


def test_an_id_document_left_in_the_email_goes_at_the_decision_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    """The back of the passport stayed in the e-mail (only the front went to the ID check): the decision
    deletes it and the message's original file, and shreds their keys."""
    path = tmp_path / "office" / "register.dsar"
    assert dsar(capsys, path, passphrase_file, "init", "--label", "alice")[0] == 0
    front, back = noise_png(seed=31), noise_png(seed=32)
    message = eml(
        attachments=[("passeport-recto.png", "image/png", front), ("passeport-verso.png", "image/png", back)]
    )
    with svc.unlock_register(path, PASS) as reg:
        ref = make_case(reg, subject_name="Anna Maria ERIKSSON")
        mail_in.attach_message(reg, ref, mail_in.read_bytes(message, "request.eml"))
        recto, verso = [a for a in mail_in.messages(reg, ref)[0].attachments if a.looks_like_id]
        ids.request_proof(reg, ref, "Your request came from an address we do not know.", with_letter=False)
        mail_in.send_attachment_to_id_check(reg, ref, recto.id)
        verso_key = reg.query_one("SELECT key_id FROM message_attachments WHERE id = ?", (verso.id,))[0]
    backup = tmp_path / "before.dsarbak"
    assert dsar(capsys, path, passphrase_file, "backup", "--out", str(backup))[0] == 0
    decide(capsys, path, passphrase_file, ref)
    with svc.unlock_register(path, PASS) as reg:
        assert reg.query_one("SELECT content FROM message_attachments WHERE id = ?", (verso.id,))[0] is None
        assert shredding.key_states(reg, [verso_key])[verso_key] not in (None, "readable")
        details = reg.query_one("SELECT details FROM audit WHERE action = 'identity.scan_destroyed'")[0]
        assert '"mail_copies":1' in details
    restored = path.parent / "restored.dsar"
    assert run_cli(capsys, "--json", "restore", str(backup), "--to", str(restored))[0] == 0
    with svc.unlock_register(restored, PASS) as reg:
        with pytest.raises(shredding.BlobShredded):
            mail_in.attachment_content(reg, ref, verso.id)
    assert not any(m in every_blob(restored) for m in markers(back))


def test_a_read_only_register_issues_no_key_and_a_crash_leftover_is_cleared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    import os
    import stat

    from dsar_desktop.store.errors import RegisterReadOnly

    path, ref = case_with_scan(tmp_path, capsys, passphrase_file, noise_png(seed=41))
    (key_file,) = path.parent.glob("scan-keys-*.dsarkeys")
    before = key_file.read_bytes()
    leftover = key_file.with_name(f".{key_file.name}.deadbeef.tmp")  # a crash between fsync and rename
    leftover.write_bytes(before)
    os.chmod(path, stat.S_IRUSR)
    try:
        with svc.unlock_register(path, PASS) as reg:
            with pytest.raises(RegisterReadOnly):
                ids.receive_proof(reg, ref, noise_png(seed=42))
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert key_file.read_bytes() == before  # no orphan key written for a register that stores nothing
    with svc.unlock_register(path, PASS) as reg:
        shredding.seal_new(reg, b"x")  # the next write clears the leftover
    assert not leftover.exists()


def test_a_purge_shreds_the_keys_of_what_it_deletes(register: Any) -> None:
    ref = closed_case(register, 1, "2021-06-01")
    notes = noise_png(seed=21)
    mail_in.attach_message(
        register, ref, mail_in.read_bytes(eml(attachments=[("notes.png", "image/png", notes)]))
    )
    keys = [k for (k,) in register.query("SELECT key_id FROM message_attachments")]
    keys += [k for (k,) in register.query("SELECT raw_key_id FROM case_messages WHERE raw IS NOT NULL")]
    assert len(keys) == 2 and set(shredding.key_states(register, keys).values()) == {"readable"}
    done = retention.purge(register, refs=[ref], today=TODAY)
    assert done.purged == [ref]
    states = shredding.key_states(register, keys)
    assert all(state not in (None, "readable") for state in states.values()), states  # a date each


def test_a_register_of_an_earlier_version_has_its_scans_sealed_at_unlock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    scan = noise_png(seed=17)
    path, ref = case_with_scan(tmp_path, capsys, passphrase_file, scan)
    key, _slot, _rid = svc.unlock_key(path, PASS)
    conn = sqlcipher.connect(str(path), isolation_level=None)  # as version 8 kept it: the scan plain
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("UPDATE attachments SET content = ?, key_id = NULL", (scan,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert any(m in every_blob(path) for m in markers(scan))
    with svc.unlock_register(path, PASS) as reg:
        scan_id = ids.identity_status(reg, ref).proofs[0].attachments[0].id
        assert ids.scan_content(reg, ref, scan_id) == scan
    assert not any(m in every_blob(path) for m in markers(scan))


def test_a_damaged_or_foreign_scan_key_file_is_said_and_the_register_still_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_file: Path
) -> None:
    path, ref = case_with_scan(tmp_path, capsys, passphrase_file, noise_png(seed=3))
    (store,) = path.parent.glob("scan-keys-*.dsarkeys")
    good = store.read_bytes()
    data = json.loads(good)
    data["box"] = data["box"][:-8] + ("A" if data["box"][-8] != "A" else "B") + data["box"][-7:]
    store.write_text(json.dumps(data))
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "id-status", ref)
    assert code == 5 and "scan-key file" in err and "changed or damaged" in err
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "list")
    assert code == 0, err  # the rest of the register is intact
    code, report, _err = dsar(capsys, path, passphrase_file, "verify")
    assert code == 6 and "changed or damaged" in report["scan_keys"]["problem"]
    store.write_text(json.dumps({**json.loads(good), "register_id": "somebody-else"}))
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "id-status", ref)
    assert code == 5 and "belongs to register" in err
    store.write_bytes(b"[1, 2, 3]")
    code, _out, err = dsar(capsys, path, passphrase_file, "case", "id-status", ref)
    assert code == 5 and "not a scan-key file" in err
    store.write_bytes(good)
    assert dsar(capsys, path, passphrase_file, "case", "id-status", ref)[0] == 0
