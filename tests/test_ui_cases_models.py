"""Case table model and filter proxy: Qt model contract, filters, accent-insensitive search, sorting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from dsar_desktop.domain.cases import Channel, Right, Status, fold_for_search
from dsar_desktop.services import cases as case_service
from dsar_desktop.services.cases import CaseRow
from dsar_desktop.ui import i18n
from dsar_desktop.ui.cases.models import (
    COL_DAYS_LEFT,
    COL_DUE,
    COL_REF,
    COL_SUBJECT,
    STATE_OPEN,
    WINDOW_MONTH,
    WINDOW_OVERDUE,
    WINDOW_WEEK,
    CaseFilterProxy,
    CaseTableModel,
    DueRole,
    LevelRole,
    RefRole,
    SearchRole,
    StatusRole,
)

TODAY = dt.date(2027, 4, 5)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def row(
    number: int,
    name: str,
    due: dt.date,
    status: Status = Status.IN_PROGRESS,
    rights: tuple[Right, ...] = (Right.ACCESS,),
    email: str | None = None,
    flag: str | None = None,
) -> CaseRow:
    ref = f"DSAR-2027-{number:04d}"
    email = email or f"person{number}@example.org"
    return CaseRow(
        ref=ref,
        status=status,
        channel=Channel.EMAIL,
        received_date=due - dt.timedelta(days=31),
        rights=rights,
        subject_name=name,
        subject_email=email,
        current_due=due,
        legal_due=due,
        extended=False,
        priority_flag=flag,
        search_text=fold_for_search(f"{ref} {name} {email}"),
    )


ROWS = [
    row(1, "Héloïse DUPRÉ", dt.date(2027, 4, 1)),  # overdue by 4 days
    row(2, "Jérôme LEFÈVRE", dt.date(2027, 4, 8), rights=(Right.ERASURE,)),  # 3 days left
    row(3, "Zoë BRONTË", dt.date(2027, 4, 29), rights=(Right.ACCESS, Right.PORTABILITY)),  # this month
    row(4, "Oliver SMITH", dt.date(2027, 5, 20), status=Status.RECEIVED),  # next month
    row(5, "Héloïse MARTIN", dt.date(2027, 3, 1), status=Status.CLOSED),  # closed: no window
    row(6, "Anaïs ŒUVRAY", dt.date(2027, 4, 5), status=Status.EXTENDED, email="a.oeuvray@exemple.fr"),
]


def make_proxy() -> tuple[CaseTableModel, CaseFilterProxy]:
    model = CaseTableModel(ROWS, TODAY)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def refs(proxy: CaseFilterProxy) -> list[str]:
    return [proxy.index(r, COL_REF).data(RefRole) for r in range(proxy.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(ROWS, TODAY)
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_SUBJECT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_proxy_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy = make_proxy()
    proxy.set_search("heloise")
    qtmodeltester.check(proxy, force_py=True)
    model.set_rows(ROWS[:3], TODAY)
    qtmodeltester.check(proxy, force_py=True)


def test_proxy_passes_qt_own_model_tester_through_sort_and_filter(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy = make_proxy()
    qtmodeltester.check(proxy)  # Qt's C++ QAbstractItemModelTester, which keeps watching the signals
    proxy.set_state(STATE_OPEN)
    proxy.sort(COL_SUBJECT, Qt.SortOrder.DescendingOrder)
    proxy.set_search("e")
    model.set_rows(ROWS, TODAY)
    assert proxy.rowCount() == 5


def test_custom_roles_and_days_left_text() -> None:
    model = CaseTableModel(ROWS, TODAY)
    first = model.index(0, COL_DAYS_LEFT)
    assert first.data(RefRole) == "DSAR-2027-0001"
    assert first.data(StatusRole) == Status.IN_PROGRESS.value
    assert first.data(DueRole) == dt.date(2027, 4, 1)
    assert first.data(SearchRole) == "dsar-2027-0001 heloise dupre person1@example.org"
    assert first.data(LevelRole) == "overdue"
    assert first.data() == "Overdue by 4 days"
    # colour is never alone: the overdue cell has a background AND the sentence
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None
    second = model.index(1, COL_DAYS_LEFT)
    assert second.data(LevelRole) == "warning"
    assert second.data() == "3 days left (3 working)"
    closed = model.index(4, COL_DAYS_LEFT)
    assert closed.data(LevelRole) == ""
    assert closed.data() == "—"
    assert model.index(5, COL_DAYS_LEFT).data() == "Due today"
    assert model.headerData(COL_DUE, Qt.Orientation.Horizontal) == "Due date"


def test_search_is_accent_and_case_insensitive() -> None:
    _, proxy = make_proxy()
    proxy.set_search("heloise")
    assert refs(proxy) == ["DSAR-2027-0001", "DSAR-2027-0005"]
    proxy.set_search("HÉLOÏSE  dupre")
    assert refs(proxy) == ["DSAR-2027-0001"]
    proxy.set_search("oeuvray")
    assert refs(proxy) == ["DSAR-2027-0006"]
    proxy.set_search("Œuvray")
    assert refs(proxy) == ["DSAR-2027-0006"]
    proxy.set_search("dsar-2027-0003")
    assert refs(proxy) == ["DSAR-2027-0003"]
    proxy.set_search("person4@example")
    assert refs(proxy) == ["DSAR-2027-0004"]
    proxy.set_search("nobody")
    assert refs(proxy) == []
    proxy.set_search("")
    assert len(refs(proxy)) == len(ROWS)


def test_narrowing_while_typing_gives_the_same_rows_as_a_fresh_search() -> None:
    _, proxy = make_proxy()
    proxy.set_state(STATE_OPEN)
    query = "heloise dupre"
    for end in range(1, len(query) + 1):
        proxy.set_search(query[:end])
        _, fresh = make_proxy()
        fresh.set_state(STATE_OPEN)
        fresh.set_search(query[:end])
        assert refs(proxy) == refs(fresh), query[:end]
    assert refs(proxy) == ["DSAR-2027-0001"]
    proxy.set_search("e")  # backspacing starts again from every row
    assert len(refs(proxy)) == 5


def test_state_right_and_due_window_filters_combine() -> None:
    _, proxy = make_proxy()
    proxy.set_state(STATE_OPEN)
    assert "DSAR-2027-0005" not in refs(proxy)
    assert len(refs(proxy)) == 5
    proxy.set_state(Status.RECEIVED)
    assert refs(proxy) == ["DSAR-2027-0004"]
    proxy.set_state("all")
    proxy.set_right(Right.PORTABILITY)
    assert refs(proxy) == ["DSAR-2027-0003"]
    proxy.set_right(None)
    proxy.set_due_window(WINDOW_OVERDUE)
    assert refs(proxy) == ["DSAR-2027-0001"]  # the closed case, due long ago, is not "overdue"
    proxy.set_due_window(WINDOW_WEEK)
    assert refs(proxy) == ["DSAR-2027-0002", "DSAR-2027-0006"]
    proxy.set_due_window(WINDOW_MONTH)
    assert refs(proxy) == ["DSAR-2027-0001", "DSAR-2027-0002", "DSAR-2027-0003", "DSAR-2027-0006"]
    proxy.set_search("heloise")
    assert refs(proxy) == ["DSAR-2027-0001"]
    with pytest.raises(ValueError):
        proxy.set_due_window("fortnight")


def test_proxy_sort_is_done_by_the_model_and_keeps_the_filter() -> None:
    model, proxy = make_proxy()
    proxy.set_state(STATE_OPEN)
    proxy.sort(COL_DUE, Qt.SortOrder.AscendingOrder)
    assert refs(proxy) == [
        "DSAR-2027-0001",
        "DSAR-2027-0006",
        "DSAR-2027-0002",
        "DSAR-2027-0003",
        "DSAR-2027-0004",
    ]
    proxy.sort(COL_SUBJECT, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, COL_SUBJECT).data() for r in range(proxy.rowCount())]
    assert names == ["Anaïs ŒUVRAY", "Héloïse DUPRÉ", "Jérôme LEFÈVRE", "Oliver SMITH", "Zoë BRONTË"]
    kept = QPersistentModelIndex(proxy.index(1, COL_REF))  # e.g. the selected row
    assert kept.data(RefRole) == "DSAR-2027-0001"
    proxy.sort(COL_REF, Qt.SortOrder.DescendingOrder)
    assert refs(proxy)[0] == "DSAR-2027-0006"
    assert kept.isValid() and kept.data(RefRole) == "DSAR-2027-0001" and kept.row() == 4
    # days left sorts open cases by due date and puts closed cases last
    proxy.set_state("all")
    proxy.sort(COL_DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    assert refs(proxy)[-1] == "DSAR-2027-0005"
    assert model.rowCount() == len(ROWS)


def test_model_loads_from_the_register(register, case_factory) -> None:  # type: ignore[no-untyped-def]
    case_factory(subject_name="Héloïse DUPRÉ")
    case_factory(subject_name="Gaëlle MÉNARD", subject_email="gaelle@example.org")
    model = CaseTableModel(case_service.list_cases(register), TODAY)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("gaelle menard")
    assert refs(proxy) == ["DSAR-2027-0002"]


def test_every_case_screen_string_has_french() -> None:
    import ast
    from pathlib import Path

    import dsar_desktop.ui.cases as package
    from dsar_desktop.ui.cases.dialogs_extension import _GROUND_LABELS
    from dsar_desktop.ui.cases.intake import RIGHT_CHECKBOX_TEXT
    from dsar_desktop.ui.cases.models import _HEADERS

    texts = [*_HEADERS, *_GROUND_LABELS.values(), *RIGHT_CHECKBOX_TEXT.values()]
    for path in Path(package.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                if isinstance(node.args[0], ast.Constant):
                    texts.append(node.args[0].value)
    assert len(texts) > 150
    from tests.test_i18n import FR_TS, entries

    french = entries(FR_TS)
    assert [t for t in texts if None in french.get(t, [None])] == []
