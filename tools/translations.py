"""Keeps resources/i18n/ in step with the UI's tr() strings: extract (lupdate), fill, sort, compile (lrelease).

Run it as `./dev translations`. It also moves any `add_french({...})` table still left in a UI module
into dsar_fr.ts (the one-time conversion of the old dictionaries, kept while others convert), and
marks with QT_TR_NOOP the literals that are translated through a variable, so lupdate extracts them.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "dsar_desktop" / "ui"
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def ui_modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != "i18n.py")


# --- moving add_french({...}) tables out of the modules -------------------------------------------------


def _is_add_french(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", getattr(node.value.func, "attr", None)) == "add_french"
    )


def take_add_french(path: Path) -> dict[str, str]:
    """Remove every add_french({...}) statement of a module and return its pairs."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    pairs: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    for node in ast.walk(tree):
        if not _is_add_french(node):
            continue
        assert isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
        table = node.value.args[0]
        assert isinstance(table, ast.Dict)
        for key, value in zip(table.keys, table.values, strict=True):
            assert key is not None, f"{path}: ** in add_french"
            pairs[_constant(key, tree)] = _constant(value, tree)
        spans.append((node.lineno, node.end_lineno or node.lineno))
    if not spans:
        return pairs
    lines = text.splitlines(keepends=True)
    for start, end in sorted(spans, reverse=True):
        del lines[start - 1 : end]
        # no double blank line left where the table was
        while (
            start - 1 < len(lines)
            and start >= 2
            and lines[start - 2].strip() == ""
            and lines[start - 1].strip() == ""
        ):
            del lines[start - 1]
    text = "".join(lines)
    text = re.sub(r"(from \.+i18n import )([^\n(]*)", lambda m: m.group(1) + _drop_name(m.group(2)), text)
    text = re.sub(r"^from \.+i18n import\s*\n", "", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return pairs


def _constant(node: ast.expr, tree: ast.Module) -> str:
    """A literal, or a module-level NAME = "literal" (a long sentence kept in a constant)."""
    if isinstance(node, ast.Name):
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and any(getattr(t, "id", None) == node.id for t in stmt.targets):
                return str(ast.literal_eval(stmt.value))
    return str(ast.literal_eval(node))


def _drop_name(names: str) -> str:
    kept = [n.strip() for n in names.split(",") if n.strip() and n.strip() != "add_french"]
    return ", ".join(kept)


# --- literals translated through a variable -------------------------------------------------------------


def mark_indirect(sources: set[str], extracted: set[str]) -> int:
    """Wrap in QT_TR_NOOP(...) the literals that have a translation but that lupdate did not see."""
    wanted = sources - extracted
    marked = 0
    for path in ui_modules():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        inside_call: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"tr", "QT_TR_NOOP"}:
                inside_call.update(id(a) for a in node.args)
            elif isinstance(node, ast.JoinedStr):  # an f-string's parts cannot be wrapped
                inside_call.update(id(v) for v in node.values)
        hits = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in wanted
            and id(node) not in inside_call
        ]
        if not hits:
            continue
        offsets = _line_offsets(text)
        for node in sorted(hits, key=lambda n: (n.lineno, n.col_offset), reverse=True):
            start = offsets[node.lineno - 1] + _char_col(text, offsets[node.lineno - 1], node.col_offset)
            end_line = node.end_lineno or node.lineno
            end = offsets[end_line - 1] + _char_col(text, offsets[end_line - 1], node.end_col_offset or 0)
            text = text[:start] + "QT_TR_NOOP(" + text[start:end] + ")" + text[end:]
            marked += 1
        if not re.search(r"from \.+i18n import [^\n]*QT_TR_NOOP", text):
            text = _add_import(text, path)
        path.write_text(text, encoding="utf-8")
    return marked


def _line_offsets(text: str) -> list[int]:
    offsets, total = [], 0
    for line in text.splitlines(keepends=True):
        offsets.append(total)
        total += len(line)
    return offsets


def _char_col(text: str, line_start: int, byte_col: int) -> int:
    """ast columns count UTF-8 bytes; convert to characters of the line."""
    line = text[line_start : text.find("\n", line_start) if "\n" in text[line_start:] else len(text)]
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def _add_import(text: str, path: Path) -> str:
    match = re.search(r"from (\.+)i18n import ([^\n(]*)", text)
    if match:
        return text[: match.end()] + ", QT_TR_NOOP" + text[match.end() :]
    dots = "." * (len(path.relative_to(UI).parts))
    anchor = re.search(r"^from \.[^\n]*\n", text, flags=re.M)
    line = f"from {dots}i18n import QT_TR_NOOP\n"
    pos = anchor.start() if anchor else 0
    return text[:pos] + line + text[pos:]


# --- the .ts files --------------------------------------------------------------------------------------


def lupdate(ts: Path, language: str, plural_only: bool = False) -> None:
    args = [
        tool("pyside6-lupdate"),
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en_GB",
        "-target-language",
        language,
    ]
    if plural_only:
        args.append("-pluralonly")
    files = [str(p) for p in ui_modules()]
    subprocess.run([*args, *files, "-ts", str(ts)], check=True, capture_output=True)


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def french_typography(text: str) -> str:
    """A no-break space before ; : ! ? and inside « », so a line never starts with the mark."""
    text = re.sub(r" ([;:!?»])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0")


def fill_and_sort(ts: Path, french: dict[str, str | list[str]], typography: bool = False) -> int:
    """Fill unfinished entries from the given pairs; sort messages by source so parallel additions rarely collide."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        msgs = context.findall("message")
        for msg in msgs:
            source = msg.findtext("source") or ""
            translation = msg.find("translation")
            if translation is None or translation.get("type") != "unfinished" or source not in french:
                continue
            if msg.get("numerus") == "yes":
                wanted = french[source]
                forms = translation.findall("numerusform")
                for i, form in enumerate(forms):
                    form.text = wanted[min(i, len(wanted) - 1)] if isinstance(wanted, list) else wanted
            else:
                translation.text = str(french[source])
            del translation.attrib["type"]
            filled += 1
        if typography:
            for msg in msgs:
                translation = msg.find("translation")
                for node in (
                    [translation, *translation.findall("numerusform")] if translation is not None else []
                ):
                    if node.text:
                        node.text = french_typography(node.text)
        for msg in msgs:
            context.remove(msg)
        for msg in sorted(
            msgs, key=lambda m: ((m.findtext("source") or "").casefold(), m.findtext("comment") or "")
        ):
            context.append(msg)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def _key(message: ET.Element) -> tuple[str, str]:
    return (message.findtext("source") or "", message.findtext("comment") or "")


def resolve_merge_conflict(ts: Path) -> bool:
    """After `git merge`, a conflicted .ts becomes the union of both sides (ours wins on a clash)."""
    if "<<<<<<<" not in ts.read_text(encoding="utf-8"):
        return False
    relative = ts.relative_to(ROOT).as_posix()

    def stage(n: int) -> ET.ElementTree:
        text = subprocess.run(
            ["git", "show", f":{n}:{relative}"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        return ET.ElementTree(ET.fromstring(text))

    ours, theirs = stage(2), stage(3)
    context = next(ours.getroot().iter("context"))
    known = {_key(m): m for m in ours.getroot().iter("message")}
    for message in theirs.getroot().iter("message"):
        mine = known.get(_key(message))
        if mine is None:
            context.append(message)
        elif _unfinished(mine) and not _unfinished(message):
            context.remove(mine)
            context.append(message)
    ET.indent(ours, space="    ")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(ours.getroot(), encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    print(f"translations: merged both sides of the conflict in {ts.name}; check and `git add` it")
    return True


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    fr_ts, en_ts = I18N / "dsar_fr.ts", I18N / "dsar_en.ts"
    for ts in (fr_ts, en_ts):
        resolve_merge_conflict(ts)
    legacy: dict[str, str | list[str]] = {}
    for path in ui_modules():
        legacy.update(take_add_french(path))
    if legacy:
        lupdate(fr_ts, "fr_FR")
        extracted = {m.findtext("source") or "" for m in messages(fr_ts)}
        marked = mark_indirect(set(legacy), extracted)
        print(f"translations: moved {len(legacy)} add_french pair(s); marked {marked} literal(s) QT_TR_NOOP")
    lupdate(fr_ts, "fr_FR")
    filled = fill_and_sort(fr_ts, legacy, typography=True)
    lupdate(en_ts, "en_GB", plural_only=True)
    fill_and_sort(en_ts, {})
    for ts in (fr_ts, en_ts):
        lrelease(ts, ts.with_suffix(".qm"))
    unfinished = [m.findtext("source") for m in messages(fr_ts) if _unfinished(m)]
    unfinished += [f"(en plural) {m.findtext('source')}" for m in messages(en_ts) if _unfinished(m)]
    print(f"translations: {filled} filled; {len(unfinished)} still to translate")
    for source in unfinished:
        print(f"  - {source}")
    return 0


def _unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished"


if __name__ == "__main__":
    raise SystemExit(main())
