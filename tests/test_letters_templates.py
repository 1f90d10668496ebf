"""Templates (sandboxed, versioned, clear errors), letterhead and the window-envelope address block."""

from __future__ import annotations

import subprocess

import pytest

from dsar_desktop.documents.address import AddressInvalid, validate_address
from dsar_desktop.documents.letter import Letterhead
from dsar_desktop.documents.raster import pdf_text
from dsar_desktop.documents.templates import TemplateInvalid, render
from dsar_desktop.domain.errors import InvalidInput
from dsar_desktop.services import letters

try:
    from letters_support import apply_documents_schema, install_inputs
except ImportError:  # tests imported as a package
    from tests.letters_support import apply_documents_schema, install_inputs


@pytest.fixture
def reg(register, monkeypatch):
    apply_documents_schema(register)
    install_inputs(monkeypatch)
    return register


GOOD = "{% block subject %}Objet {{ case.ref }}{% endblock %}\n{% block body %}\nBonjour {{ subject_name }}.\n{% endblock %}\n"


def test_syntax_error_names_the_line():
    source = "{% block subject %}x{% endblock %}\n{% block body %}\nline 3\n{% if %}\n{% endblock %}"
    with pytest.raises(TemplateInvalid) as err:
        render(source, "acknowledgement", "fr", {})
    assert err.value.facts["line"] == 4
    assert "ligne 4" in err.value.describe("fr")


def test_unknown_variable_names_the_line_and_nothing_is_rendered():
    source = "{% block subject %}x{% endblock %}\n{% block body %}\nok\n\n{{ case.nope }}\n{% endblock %}"
    with pytest.raises(TemplateInvalid) as err:
        render(source, "acknowledgement", "en", {"case": {}})
    assert err.value.facts["line"] == 5 and "nope" in err.value.describe("en")


def test_sandbox_blocks_python_internals():
    source = "{% block subject %}x{% endblock %}{% block body %}{{ ''.__class__.__mro__ }}{% endblock %}"
    with pytest.raises(TemplateInvalid) as err:
        render(source, "acknowledgement", "en", {})
    assert "unsafe" in err.value.describe("en")


def test_missing_block_is_reported():
    with pytest.raises(TemplateInvalid) as err:
        render("{% block subject %}x{% endblock %}", "refusal", "en", {})
    assert "body" in err.value.describe("en")


def test_save_validates_versions_and_revert(reg, case_factory):
    ref = case_factory()
    with pytest.raises(TemplateInvalid):
        letters.save_template(reg, "acknowledgement", "fr", "{% block subject %}{{ x }{% endblock %}")
    assert letters.template_source(reg, "acknowledgement", "fr").is_default
    version = letters.save_template(reg, "acknowledgement", "fr", GOOD)
    assert version == 1
    current = letters.template_source(reg, "acknowledgement", "fr")
    assert (current.version, current.source) == (1, GOOD)
    text = pdf_text(letters.build_letter(reg, ref, "acknowledgement", language="fr"))
    assert f"Objet {ref}" in text and "Bonjour Héloïse DUPRÉ." in text
    assert letters.revert_template(reg, "acknowledgement", "fr") == 2
    assert letters.template_source(reg, "acknowledgement", "fr").is_default
    assert [v.version for v in letters.template_history(reg, "acknowledgement", "fr")] == [2, 1]
    actions = [
        r[0] for r in reg.query("SELECT action FROM audit WHERE action LIKE 'template.%' ORDER BY seq")
    ]
    assert actions == ["template.saved", "template.reverted"]


def test_live_preview_with_unsaved_source_and_sample_case(reg):
    pdf = letters.preview_letter(reg, "refusal", "fr", GOOD)
    text = pdf_text(pdf)
    assert "Objet DSAR-2027-0001" in text and "Zoë ŒUVRAY-MÜLLER" in text
    assert not reg.query("SELECT 1 FROM letters_issued")


def test_template_text_is_not_markup(reg, case_factory):
    ref = case_factory(
        subject_name="Sean O'BRIEN <b>&amp;", subject_address="Sean O'BRIEN\n1 rue X\n75011 PARIS"
    )
    text = pdf_text(letters.build_letter(reg, ref, "acknowledgement", language="en"))
    assert "Dear Sean O'BRIEN <b>&amp;," in text


def test_letterhead_setting_is_used_and_audited(reg, case_factory):
    ref = case_factory()
    letters.set_letterhead(
        reg,
        Letterhead(
            organisation="École Test",
            lines=("Service DPO", "1 place Ïle", "75001 PARIS"),
            email="dpo@ecole.test",
        ),
    )
    text = pdf_text(letters.build_letter(reg, ref, "acknowledgement"))
    assert "École Test" in text and "dpo@ecole.test" in text and "cil@cesi.fr" not in text
    assert reg.query_one("SELECT count(*) FROM audit WHERE action = 'settings.letterhead'")[0] == 1


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        (["A"], "at least"),
        (["A", "B", "C", "D", "E", "F", "75011 PARIS"], "7 lines"),
        (["Héloïse DUPRÉ", "x" * 39, "75011 PARIS"], "39 characters"),
        (["Héloïse DUPRÉ", "12 rue des Lilas", "75011 Paris"], "capitals"),
        (["Héloïse DUPRÉ", "12 rue des Lilas", "PARIS"], "postcode"),
    ],
)
def test_address_block_rules(lines, problem):
    with pytest.raises(AddressInvalid) as err:
        validate_address(lines)
    assert problem in err.value.describe("en")


def test_valid_addresses_pass():
    assert validate_address(["Héloïse DUPRÉ", "12 rue des Lilas", "92074 PARIS LA DEFENSE CEDEX"])
    assert validate_address(["Zoë MÜLLER", "Hauptstraße 5", "D-10115 BERLIN"])
    assert validate_address(["Jane SMITH", "1 High Street", "SW1A 1AA LONDON", "UNITED KINGDOM"])


def test_invalid_case_address_stops_the_letter(reg, case_factory):
    ref = case_factory(subject_address="Héloïse DUPRÉ\n12 rue des Lilas\nLyon")
    with pytest.raises(AddressInvalid):
        letters.build_letter(reg, ref, "acknowledgement")


def _crop_text(pdf: bytes, x_mm: float, y_mm: float, w_mm: float, h_mm: float) -> str:
    pt = 72 / 25.4
    args = ["pdftotext", "-r", "72", "-x", str(int(x_mm * pt)), "-y", str(int(y_mm * pt)),
            "-W", str(int(w_mm * pt)), "-H", str(int(h_mm * pt)), "-f", "1", "-l", "1", "-", "-"]  # fmt: skip
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def test_address_sits_in_the_dl_window_and_follows_the_offset(reg, case_factory):
    ref = case_factory()
    pdf = letters.build_letter(reg, ref, "acknowledgement")
    window = _crop_text(pdf, 100, 50, 90, 35)
    assert "Héloïse DUPRÉ" in window and "69003 LYON" in window
    assert "Héloïse" not in _crop_text(pdf, 0, 0, 99, 100)  # not elsewhere in the upper page
    letters.set_envelope_offset(reg, 15, 8)
    moved = letters.build_letter(reg, ref, "acknowledgement")
    assert "69003 LYON" not in _crop_text(moved, 100, 50, 14, 35)
    assert "69003 LYON" in _crop_text(moved, 115, 58, 90, 35)
    with pytest.raises(InvalidInput):
        letters.set_envelope_offset(reg, 50, 0)


def test_calibration_page_draws_the_frame_at_the_offset(reg):
    letters.set_envelope_offset(reg, 2.5, -1)
    pdf = letters.calibration_page(reg, "en")
    text = pdf_text(pdf)
    assert "Calibration page" in text and "+2.5 mm right, -1.0 mm down" in text
    assert "RECIPIENT ADDRESS" in _crop_text(pdf, 102.5, 49, 90, 35)


def test_preview_png_for_the_editor(reg):
    pdf = letters.preview_letter(reg, "acknowledgement", "en", GOOD)
    assert letters.page_count(pdf) == 1
    png = letters.page_png(pdf, 1, dpi=50)
    assert png.startswith(b"\x89PNG")
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png))
    assert abs(image.width / image.height - 210 / 297) < 0.01  # an A4 page
