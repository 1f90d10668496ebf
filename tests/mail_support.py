"""Test messages made in the tests: .eml through the email package, and real Outlook .msg files.

No library writes .msg files, so `outlook_msg` writes the OLE compound file itself
([MS-CFB] version 3: 512-byte sectors, mini stream below 4096 bytes) with the [MS-OXMSG]
streams Outlook uses for a received message. extract-msg (over olefile) reads it as it reads
Outlook's own files.
"""

from __future__ import annotations

import datetime as dt
import struct
from email.message import EmailMessage

FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
SECTOR, MINI, CUTOFF = 512, 64, 4096


def eml(
    *,
    sender: str = "Héloïse Dupré <heloise.dupre@example.org>",
    to: str = "dpo@ecole.example.fr",
    subject: str = "Demande d'accès à mes données",
    body: str = "Bonjour,\nJe souhaite exercer mon droit d'accès à mes données personnelles.\nCordialement",
    date: str = "Sun, 31 Jan 2027 23:20:00 +0000",
    received: list[str] | None = None,
    message_id: str = "<req-1@example.org>",
    attachments: list[tuple[str, str, bytes]] | None = None,
    html: str | None = None,
) -> bytes:
    msg = EmailMessage()
    for line in (
        received
        if received is not None
        else [
            "from mx.ecole.example.fr by mail.ecole.example.fr; Sun, 31 Jan 2027 23:30:00 +0000",
            "from mail.example.org by mx.ecole.example.fr; Sun, 31 Jan 2027 23:25:00 +0000",
        ]
    ):
        msg["Received"] = line
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = message_id
    if html is not None and body == "":
        msg.set_content(html, subtype="html")
    else:
        msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    for name, media, content in attachments or []:
        maintype, subtype = media.split("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


# ---- a minimal OLE compound file writer ------------------------------------------------------
class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b"", children: list[_Entry] | None = None):
        self.name, self.kind, self.data = name, kind, data
        self.children = children or []
        self.sid = 0
        self.left = self.right = self.child = FREE
        self.start, self.size = END, len(data)


def _key(entry: _Entry) -> tuple[int, str]:
    return (len(entry.name), entry.name.upper())


def _tree(entries: list[_Entry]) -> int:
    """A binary search tree of siblings (all black: readers walk it, they do not rebalance)."""
    if not entries:
        return FREE
    middle = len(entries) // 2
    root = entries[middle]
    root.left = _tree(entries[:middle])
    root.right = _tree(entries[middle + 1 :])
    return root.sid


def compound_file(tree: dict) -> bytes:
    """{name: bytes | dict} -> the bytes of a CFB v3 file whose root storage holds that tree."""

    def build(name: str, node: dict | bytes) -> _Entry:
        if isinstance(node, dict):
            return _Entry(name, 1, children=[build(k, v) for k, v in node.items()])
        return _Entry(name, 2, node)

    root = build("Root Entry", tree)
    root.kind = 5
    flat: list[_Entry] = []

    def number(entry: _Entry) -> None:
        entry.sid = len(flat)
        flat.append(entry)
        for child in entry.children:
            number(child)

    number(root)
    for entry in flat:
        entry.child = _tree(sorted(entry.children, key=_key))
    # mini stream for small streams, whole sectors for the others
    mini = bytearray()
    minifat: list[int] = []
    large: list[_Entry] = []
    for entry in flat:
        if entry.kind != 2 or entry.size == 0:
            continue
        if entry.size < CUTOFF:
            entry.start = len(mini) // MINI
            count = -(-entry.size // MINI)
            minifat.extend(entry.start + i + 1 for i in range(count - 1))
            minifat.append(END)
            mini += entry.data + b"\0" * (count * MINI - entry.size)
        else:
            large.append(entry)
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        count = max(1, -(-len(data) // SECTOR))
        start = len(sectors)
        for i in range(count):
            sectors.append(data[i * SECTOR : (i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else END)
        return start

    root.start, root.size = (place(bytes(mini)), len(mini)) if mini else (END, 0)
    for entry in large:
        entry.start = place(entry.data)
    minifat_start = place(b"".join(struct.pack("<I", v) for v in minifat)) if minifat else END
    minifat_count = -(-len(minifat) * 4 // SECTOR) if minifat else 0
    directory = b"".join(_dir_entry(e) for e in flat)
    directory += b"".join(_dir_entry(None) for _ in range((-len(flat)) % 4))
    dir_start = place(directory)
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_start = len(sectors)
    fat.extend([FATSECT] * fat_count)
    fat.extend([FREE] * (fat_count * (SECTOR // 4) - len(fat)))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    for i in range(fat_count):
        sectors.append(fat_bytes[i * SECTOR : (i + 1) * SECTOR])
    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, fat_count, dir_start, 0, CUTOFF, minifat_start, minifat_count, END, 0)
        + b"".join(struct.pack("<I", v) for v in difat)
    )  # fmt: skip
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _dir_entry(entry: _Entry | None) -> bytes:
    if entry is None:
        return (
            b"\0" * 64
            + struct.pack("<HBBIII", 0, 0, 1, FREE, FREE, FREE)
            + b"\0" * 36
            + struct.pack("<IQ", 0, 0)
        )
    name = (entry.name + "\0").encode("utf-16-le")
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBBIII", len(name), entry.kind, 1, entry.left, entry.right, entry.child)
        + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
        + struct.pack("<IQ", entry.start if entry.size or entry.kind == 5 else END, entry.size)
    )  # fmt: skip


# ---- an Outlook message ----------------------------------------------------------------------
def _filetime(moment: dt.datetime) -> int:
    return int((moment - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)).total_seconds() * 10_000_000)


def _properties(
    header: bytes, strings: dict[int, str], binaries: dict[int, bytes], fixed: list[tuple[int, int, bytes]]
) -> bytes:
    out = bytearray(header)
    for prop, text in strings.items():
        out += struct.pack("<IIII", (prop << 16) | 0x001F, 6, len(text.encode("utf-16-le")) + 2, 0)
    for prop, data in binaries.items():
        out += struct.pack("<IIII", (prop << 16) | 0x0102, 6, len(data), 0)
    for prop, kind, value in fixed:
        out += struct.pack("<II", (prop << 16) | kind, 6) + value.ljust(8, b"\0")
    return bytes(out)


def _streams(strings: dict[int, str], binaries: dict[int, bytes]) -> dict[str, bytes]:
    out = {f"__substg1.0_{prop:04X}001F": text.encode("utf-16-le") for prop, text in strings.items()}
    out.update({f"__substg1.0_{prop:04X}0102": data for prop, data in binaries.items()})
    return out


def outlook_msg(
    *,
    sender_name: str = "Héloïse Dupré",
    sender_email: str = "heloise.dupre@example.org",
    subject: str = "Demande de portabilité",
    body: str = "Bonjour, je demande la portabilité de mes données dans un format structuré.",
    transport_headers: str | None = (
        "Received: from mx.ecole.example.fr by mail.ecole.example.fr; Sun, 31 Jan 2027 23:30:00 +0000\r\n"
        "From: Héloïse Dupré <heloise.dupre@example.org>\r\nDate: Sun, 31 Jan 2027 23:20:00 +0000\r\n"
    ),
    message_id: str = "<msg-1@example.org>",
    delivered: dt.datetime | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
) -> bytes:
    """A received Outlook message (IPM.Note) with its transport headers and attachments by value."""
    strings = {
        0x001A: "IPM.Note", 0x0037: subject, 0x1000: body, 0x0C1A: sender_name, 0x0C1F: sender_email,
        0x0C1E: "SMTP", 0x0042: sender_name, 0x0065: sender_email, 0x0064: "SMTP", 0x1035: message_id,
    }  # fmt: skip
    if transport_headers is not None:
        strings[0x007D] = transport_headers
    fixed = []
    if delivered is not None:
        fixed.append((0x0E06, 0x0040, struct.pack("<Q", _filetime(delivered))))
    attachments = attachments or []
    tree: dict = {}
    header = struct.pack("<8sIIII8s", b"\0" * 8, 1, len(attachments), 1, len(attachments), b"\0" * 8)
    tree["__properties_version1.0"] = _properties(header, strings, {}, fixed)
    tree.update(_streams(strings, {}))
    tree["__nameid_version1.0"] = {
        "__substg1.0_00020102": b"", "__substg1.0_00030102": b"", "__substg1.0_00040102": b"",
    }  # fmt: skip
    recipient = {
        0x3001: "DPO",
        0x3003: "dpo@ecole.example.fr",
        0x39FE: "dpo@ecole.example.fr",
        0x3002: "SMTP",
    }
    tree["__recip_version1.0_#00000000"] = {
        "__properties_version1.0": _properties(
            b"\0" * 8, recipient, {}, [(0x0C15, 0x0003, struct.pack("<I", 1))]
        ),
        **_streams(recipient, {}),
    }
    for index, (name, media, content) in enumerate(attachments):
        texts = {0x3707: name, 0x3704: name[:12], 0x370E: media, 0x3703: "." + name.rsplit(".", 1)[-1]}
        binaries = {0x3701: content}
        props = _properties(b"\0" * 8, texts, binaries, [(0x3705, 0x0003, struct.pack("<I", 1))])
        tree[f"__attach_version1.0_#{index:08X}"] = {
            "__properties_version1.0": props,
            **_streams(texts, binaries),
        }
    return compound_file(tree)
