"""The main window: pages as tabs, case files as closable tabs, menus, status bar, idle lock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragLeaveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.errors import describe
from ..services import register as register_service
from ..services import settings as settings_service
from ..services.office import Office
from . import style
from .dialogs import Dialogs
from .fit import fit_to_screen
from .i18n import language, tr
from .mail.intake_box import DraggedMessage, DropHint, mail_drop, missing_contents_sentence
from .progress import run_job
from .settings_dialog import SettingsDialog
from .slots_dialog import SlotsDialog
from .specs import (
    CaseFileFactory,
    ChangesCases,
    CreatesCases,
    IntakeFactory,
    Menu,
    OpensCases,
    PageFactory,
    PageSpec,
    Refreshable,
    StartupNotice,
)
from .workers import Job, Runner

__all__ = ["CaseFileFactory", "IntakeFactory", "MainWindow", "PageSpec", "StartupNotice"]


class IdleWatcher(QObject):
    """Restarts a single-shot timer on every key press, click, wheel or mouse move anywhere in the application."""

    idle_elapsed = Signal()
    ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle_elapsed)
        self._installed = False

    def start(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    """Shows one open register. The shell attaches a register after unlocking and detaches it to lock."""

    lock_requested = Signal(str)  # "manual" or "idle"
    quit_requested = Signal()
    settings_saved = Signal(dict)
    case_file_opened = Signal(str)

    def __init__(
        self, dialogs: Dialogs, runner: Runner, pages: Sequence[PageSpec] = (),
        case_file_factory: CaseFileFactory | None = None, intake_factory: IntakeFactory | None = None,
        startup_notice: StartupNotice | None = None, menus: Sequence[Menu] = (), screens_later: bool = False,
    ) -> None:  # fmt: skip
        super().__init__()
        # screens_later: the areas' menus wait for install_screens (their modules load reportlab, polars...)
        self._areas_ready = not screens_later
        self.startup_notice = startup_notice
        self.area_menus = list(menus)
        self.dialogs = dialogs
        self.runner = runner
        self.register: Office | None = None
        self.case_file_factory = case_file_factory
        self.intake_factory = intake_factory
        self.setAcceptDrops(True)  # an e-mail dropped here opens the intake form, filled
        self.drop_hint = DropHint(self)
        self._specs: list[PageSpec] = list(pages)
        self.pages: dict[str, QWidget] = {}
        self.case_files: dict[str, QWidget] = {}
        self._job: Job | None = None
        self._closing_for_shell = False
        self.idle = IdleWatcher(self)
        self.idle.idle_elapsed.connect(self._on_idle_elapsed)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._on_tab_close_requested)
        self.tabs.currentChanged.connect(self._on_current_tab_changed)
        self.locked_panel = self._build_locked_panel()
        self.notice = self._build_notice()
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(6, 6, 6, 0)
        content_layout.addWidget(self.notice)
        content_layout.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.locked_panel)
        self.stack.addWidget(self.content)
        self.setCentralWidget(self.stack)

        self.register_label = QLabel()
        self.actor_label = QLabel()
        self.state_label = QLabel()
        self.idle_label = QLabel()
        for label in (self.register_label, self.actor_label, self.idle_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.state_label)
        fit_to_screen(self, QSize(1200, 760))
        self._build_menus()
        self._show_locked()

    # ---- building -------------------------------------------------------------------
    def _build_locked_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("lockedPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        self._locked_title = style.role_label("", "title")
        self._locked_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._locked_text = style.role_label("", "muted")
        self._locked_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._locked_title)
        layout.addWidget(self._locked_text)
        layout.addStretch(2)
        return panel

    def _build_notice(self) -> QFrame:
        """The start-up notice of overdue and soon-due requests, under the menus; dismissible."""
        frame = QFrame()
        row = QHBoxLayout(frame)
        row.setContentsMargins(0, 0, 0, 4)
        self.notice_label = style.role_label("", "note")
        self.notice_show_button = QPushButton()
        self.notice_dismiss_button = QPushButton()
        row.addWidget(self.notice_label, 1)
        row.addWidget(self.notice_show_button)
        row.addWidget(self.notice_dismiss_button)
        self.notice_show_button.clicked.connect(lambda: self.show_page("dashboard"))
        self.notice_dismiss_button.clicked.connect(frame.hide)
        frame.hide()
        return frame

    def _show_startup_notice(self) -> None:
        self.notice.hide()
        if self.startup_notice is None or self.register is None:
            return
        try:
            text = self.startup_notice(self.register, self.pages.get("dashboard"))
        except Exception:  # noqa: BLE001 - the dashboard itself reports data problems
            return
        if not text:
            return
        self.notice_label.setText(tr("Today: {summary}.", summary=text))
        self.notice_show_button.setText(tr("Show the dashboard"))
        self._on_current_tab_changed()
        self.notice_dismiss_button.setText(tr("Dismiss"))
        self.notice.show()

    def _on_current_tab_changed(self, _index: int = -1) -> None:
        dashboard = self.pages.get("dashboard")
        self.notice_show_button.setVisible(
            dashboard is not None and self.tabs.currentWidget() is not dashboard
        )

    def _build_menus(self) -> None:
        """(Re)build the menus in the current language; every action that needs a register is listed."""
        bar = self.menuBar()
        bar.clear()
        self.register_actions: list[QAction] = []

        def action(
            menu: Any, text: str, slot: Callable[[], None], shortcut: Any = None, needs: bool = True
        ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            if needs:
                self.register_actions.append(act)
            return act

        file_menu = bar.addMenu(tr("&File"))
        self.new_request_action = action(
            file_menu, tr("New request…"), self._on_new_request, QKeySequence.StandardKey.New
        )
        self.new_request_action.setVisible(self.intake_factory is not None)
        file_menu.addSeparator()
        self.lock_action = action(file_menu, tr("Lock now"), self._on_lock_now, "Ctrl+L")
        self.backup_action = action(file_menu, tr("Back up now…"), self._on_backup_now)
        self.close_case_action = action(
            file_menu, tr("Close the case tab"), self._on_close_current_case, QKeySequence.StandardKey.Close
        )
        self.verify_action = action(file_menu, tr("Verify register"), self._on_verify)
        file_menu.addSeparator()
        self.quit_action = action(
            file_menu, tr("Quit"), self.quit_requested.emit, QKeySequence.StandardKey.Quit, False
        )
        register_menu = bar.addMenu(tr("&Register"))
        self.slots_action = action(register_menu, tr("Key slots…"), self._on_slots)
        self.settings_action = action(register_menu, tr("Settings…"), self._on_settings)
        if self._areas_ready:
            self._add_area_menus(bar, action)
        help_menu = bar.addMenu(tr("&Help"))
        action(help_menu, tr("Guide (F1)"), self._on_guide, None, False)
        action(help_menu, tr("Licences"), self._on_licences, None, False)
        help_menu.addSeparator()
        action(help_menu, tr("About DSAR Desktop"), self._on_about, None, False)
        self._enable_register_actions(self.register is not None)

    def _add_area_menus(self, bar: Any, action: Callable[..., QAction]) -> None:
        """The areas' menus, as ui/pages.py lists them: [(title, [(text, open_fn)])]."""
        for title, entries in self.area_menus:
            menu = bar.addMenu(tr(title))
            for text, open_fn in entries:
                action(menu, tr(text), lambda _checked=False, fn=open_fn: self._open_area_window(fn))

    def _open_area_window(self, open_fn: Callable[..., None]) -> None:
        if self.register is not None:
            open_fn(self, self.register, self.dialogs, self.runner)

    def _enable_register_actions(self, enabled: bool) -> None:
        for act in self.register_actions:
            act.setEnabled(enabled)

    def install_screens(
        self, pages: Sequence[PageSpec], case_file_factory: CaseFileFactory | None,
        intake_factory: IntakeFactory | None, startup_notice: StartupNotice | None, menus: Sequence[Menu] = (),
    ) -> None:  # fmt: skip
        """The screens, given after the window is up (the entry shows the unlock window first, then
        imports the screens and their libraries while the person types the passphrase)."""
        self._specs = list(pages)
        self.case_file_factory = case_file_factory
        self.intake_factory = intake_factory
        self.startup_notice = startup_notice
        self.area_menus = list(menus)
        self._areas_ready = True
        self._build_menus()
        if self.register is not None:
            self.attach(self.register)

    def add_page(self, key: str, title: str, factory: PageFactory) -> None:
        """Add a page (other areas call this); shown at once when a register is open, and after every unlock."""
        self._specs = [s for s in self._specs if s.key != key] + [PageSpec(key, title, factory)]
        if self.register is not None:
            self._create_page(self._specs[-1])

    def _create_page(self, spec: PageSpec) -> None:
        assert self.register is not None
        try:
            widget = spec.factory(self.register, self.dialogs, self.runner)
        except Exception as exc:  # noqa: BLE001 - one broken page must not keep the register closed
            widget = style.role_label(
                tr("This page could not be shown: {error}", error=describe(exc, language())), "error"
            )
            widget.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages[spec.key] = widget
        index = self.tabs.insertTab(len(self.pages) - 1, widget, tr(spec.title))
        # Pages stay; only case files can be closed.
        self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, None)
        self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.LeftSide, None)
        self._connect_page_signals(widget)

    def _connect_page_signals(self, widget: QWidget) -> None:
        """Pages and case files speak through signals: open a case file, or tell the others a case changed."""
        if isinstance(widget, OpensCases):
            widget.case_opened.connect(self.open_case)
        if isinstance(widget, CreatesCases):
            widget.case_created.connect(lambda _ref, source=widget: self.refresh_views(source))
        if isinstance(widget, ChangesCases):
            widget.case_changed.connect(lambda _ref, source=widget: self.refresh_views(source))

    def refresh_views(self, source: QWidget | None = None) -> None:
        """A case was created or changed: every other page and case file reloads what it shows."""
        for widget in [*self.pages.values(), *self.case_files.values()]:
            if widget is source:
                continue
            if isinstance(widget, Refreshable):
                try:
                    widget.refresh()
                except Exception as exc:  # noqa: BLE001 - e.g. a case file whose case was purged
                    self.dialogs.error(self, exc)

    # ---- register lifecycle -----------------------------------------------------------
    def attach(self, register: Office) -> None:
        self.register = register
        self.runner.bind(register)  # every job from now on works on a connection of its own
        self._build_menus()
        for spec in self._specs:
            self._create_page(spec)
        if self.tabs.count():
            self.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.content)
        self._show_startup_notice()
        self.register_label.setText(tr("Register: {name}", name=register.path.name))
        self.actor_label.setText(tr("Acting as: {actor}", actor=register.actor))
        self.state_label.setText(tr("Unlocked"))
        self.setWindowTitle(tr("DSAR Desktop") + f" — {register.path.name}")
        self._enable_register_actions(True)
        self._start_idle_lock(int(settings_service.current_settings(register)["idle_lock_minutes"]))

    def _start_idle_lock(self, minutes: int) -> None:
        self.idle.start(float(minutes))
        self.idle_label.setText(tr("Locks itself after {minutes} min without activity", minutes=minutes))

    def detach(self) -> None:
        """Cancel every job and wait for it, forget every widget that shows register data; the shell then
        backs up and closes the register."""
        self.idle.stop()
        self.runner.cancel_all_and_wait()
        self.runner.bind(None)
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.pages.clear()
        self.case_files.clear()
        self.notice.hide()
        self.notice_label.clear()
        self.register = None
        self._show_locked()

    def _show_locked(self) -> None:
        self.stack.setCurrentWidget(self.locked_panel)
        self._locked_title.setText(tr("The register is locked."))
        self._locked_text.setText(
            tr("Nothing from the register stays on screen or in memory while it is locked.")
        )
        self.state_label.setText(tr("Locked"))
        self.actor_label.clear()
        self.idle_label.clear()
        self._enable_register_actions(False)
        self.setWindowTitle(tr("DSAR Desktop"))

    def is_locked(self) -> bool:
        return self.register is None

    def page(self, key: str) -> QWidget | None:
        return self.pages.get(key)

    def show_page(self, key: str) -> None:
        widget = self.pages.get(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    # ---- case files ---------------------------------------------------------------
    def open_case(self, ref: str) -> None:
        if self.register is None or self.case_file_factory is None:
            return
        if ref in self.case_files:
            self.tabs.setCurrentWidget(self.case_files[ref])
            return
        try:
            view = self.case_file_factory(self.register, self.dialogs, self.runner, ref)
        except Exception as exc:  # noqa: BLE001 - e.g. a case purged meanwhile
            self.dialogs.error(self, exc)
            return
        self.case_files[ref] = view
        self._connect_page_signals(view)
        index = self.tabs.addTab(view, ref)
        self.tabs.setTabToolTip(index, tr("Close this case file"))
        self.tabs.setCurrentIndex(index)
        self.case_file_opened.emit(ref)

    def _on_close_current_case(self) -> None:
        """Ctrl+W: close the case file in front (the pages stay)."""
        self._on_tab_close_requested(self.tabs.currentIndex())

    def _on_tab_close_requested(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for ref, view in list(self.case_files.items()):
            if view is widget:
                del self.case_files[ref]
                self.tabs.removeTab(index)
                widget.deleteLater()
                return

    # ---- actions ------------------------------------------------------------------------
    def _on_new_request(self) -> QWidget | None:
        if self.register is None or self.intake_factory is None:
            return None
        wizard = self.intake_factory(self.register, self.dialogs, self.runner, self)
        if isinstance(wizard, CreatesCases):
            wizard.case_created.connect(lambda ref: (self.refresh_views(), self.open_case(ref)))
        wizard.open()
        return wizard

    # ---- an e-mail dropped onto the window opens the intake form, filled --------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.register is not None and mail_drop(event.mimeData()) is not None:
            event.acceptProposedAction()
            self.drop_hint.cover(self)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt's name
        self.drop_hint.hide()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        self.drop_hint.hide()
        dropped = mail_drop(event.mimeData()) if self.register is not None else None
        if dropped is not None:
            event.acceptProposedAction()
            self.open_intake_with_mail(dropped)

    def open_intake_with_mail(self, dropped: Path | DraggedMessage) -> QWidget | None:
        """A file, or a message dragged out of a mail client: the intake form opens filled from it."""
        if isinstance(dropped, DraggedMessage) and not dropped.data:  # refused before any form opens
            self.dialogs.warn(self, missing_contents_sentence(dropped.name))
            return None
        wizard = self._on_new_request()
        if wizard is None:
            return None
        loaded = wizard.load_dropped(dropped)  # type: ignore[attr-defined]
        if not loaded:
            wizard.reject()  # type: ignore[attr-defined]
            return None
        return wizard

    def _on_lock_now(self) -> None:
        self.lock_requested.emit("manual")

    def _on_idle_elapsed(self) -> None:
        if self.register is None:
            return
        # A running job is cancelled and waited for by detach(), before the register is closed.
        self.lock_requested.emit("idle")

    def _run(self, fn: Callable[..., Any], title: str, on_done: Callable[[Any], None]) -> None:
        def finished(result: Any) -> None:
            on_done(result)

        def failed(error: BaseException) -> None:
            self.dialogs.error(self, error)

        # Keep the job (and so its signals) alive until it reports back.
        self._job = run_job(self, self.runner, fn, title, finished, failed)

    def _on_backup_now(self) -> None:
        register = self.register
        if register is None:
            return
        suggested = register.suggested_backup_path()
        out = self.dialogs.save_file(
            self, tr("Where to write the backup"), str(suggested), tr("DSAR backup (*.dsarbak)")
        )
        if out is None:
            return
        self._run(
            # The save dialog already asked before replacing a file; the register itself stays refused.
            lambda progress, cancel: register_service.backup_register(register, out, force=True),
            tr("Backing up the register…"),
            lambda written: self.dialogs.info(self, tr("Backup written to {path}.", path=str(written))),
        )

    def _on_verify(self) -> None:
        register = self.register
        if register is None:
            return
        self._run(
            lambda progress, cancel: register_service.verify(register, progress),
            tr("Verifying the register…"),
            self._on_verified,
        )

    def _on_verified(self, report: register_service.VerifyReport) -> None:
        if report.integrity_ok and not report.audit_ok:
            self.dialogs.error(
                self,
                tr(
                    "The audit log is broken at entry {seq}: an entry was changed or removed. "
                    "Keep this register as evidence and restore a backup to continue.",
                    seq=report.first_bad_entry,
                ),
            )
        elif report.integrity_ok and report.anchor is not None and not report.anchor.ok:
            self.dialogs.error(self, report.anchor.fr if language() == "fr" else report.anchor.en)
        elif report.integrity_ok and report.scan_keys is not None and not report.scan_keys.ok:
            self.dialogs.error(self, report.scan_keys.failure(language()) or "")
        elif report.integrity_ok:
            self.dialogs.info(
                self,
                tr(
                    "The register is intact: {count} audit entries checked, schema version {version}.",
                    count=report.audit_entries,
                    version=report.schema_version,
                ),
            )
        else:
            problems = "; ".join(report.integrity_messages[:5])
            self.dialogs.error(
                self, tr("The register is damaged: {problems}. Restore it from a backup.", problems=problems)
            )

    def _on_slots(self) -> None:
        if self.register is None:
            return
        SlotsDialog(self.register, self.dialogs, parent=self).open()

    def _on_settings(self) -> None:
        if self.register is None:
            return
        dialog = SettingsDialog(self.register, self.dialogs, parent=self)
        dialog.saved.connect(self._on_settings_saved)
        dialog.open()

    def _on_settings_saved(self, changed: dict) -> None:
        if self.register is not None and "idle_lock_minutes" in changed:
            self._start_idle_lock(int(changed["idle_lock_minutes"]))
        if "ui_language" in changed:
            self.dialogs.info(
                self, tr("Settings saved. The language applies the next time the register is unlocked.")
            )
        self.settings_saved.emit(changed)

    def _on_about(self) -> None:
        text = (
            tr("DSAR Desktop")
            + " — "
            + tr("Version {version}", version=__version__)
            + "\n\n"
            + tr(
                "An offline register of data-subject requests for the DPO office: intake, deadlines, identity "
                "checks, extracts and signed response packs."
            )
        )
        text += "\n\n" + tr(
            "Licence: MIT. Qt (LGPL-3.0) and the other libraries it ships, with their licences: Help → Licences."
        )
        self.dialogs.info(self, text, tr("About DSAR Desktop"))

    def _on_guide(self) -> None:
        from .guide import open_guide, page_for

        open_guide(self, page_for(self.tabs.currentWidget()))

    def _on_licences(self) -> None:
        from .guide import LicencesWindow

        self.dialogs.run(LicencesWindow(self))

    # ---- closing ----------------------------------------------------------------------
    def close_for_shell(self) -> None:
        self._closing_for_shell = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._closing_for_shell:
            self.idle.stop()
            event.accept()
            return
        # The shell backs up and closes the register first, then closes the window.
        event.ignore()
        self.quit_requested.emit()
