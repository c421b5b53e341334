"""The main window: navigation sidebar, the pages, menus with the usual shortcuts, status bar,
and the window layout remembered between runs.

Only the firm list is built with the window. Every other page (and its module: the charts,
the editor's panels…) is built when first asked for, by the sidebar, a menu or a signal: built
all at start they held up the first painted window by about half a second.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel, QListWidget, QMainWindow, QSplitter, QStackedWidget, QWidget,
)

from .context import GuiContext
from .errors import show_error
from .tasks import stop_all
from .widgets.firm_list import FirmListPage

if TYPE_CHECKING:
    from desktop.domain.packages import PackageKind

    from .widgets.applications import ApplicationsPage
    from .widgets.batch_desk import BatchDeskPage
    from .widgets.dashboard import DashboardPage
    from .widgets.evidence_due import EvidenceDuePage
    from .widgets.firm_editor import FirmEditorPage

NAV_FIRMS, NAV_APPLICATIONS, NAV_BATCHES, NAV_DUE, NAV_DASHBOARD = range(5)
# The window's attribute holding each sidebar row's page.
NAV_PAGES = ("firm_list", "applications", "batches", "evidence_due", "dashboard")


class MainWindow(QMainWindow):
    # Once, on the event loop's turn after the window's first paint: what the first screen
    # does not show (the daily backup, the first-start offer) waits for it.
    first_painted = Signal()

    def __init__(self, ctx: GuiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._painted = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("SRDI Desk — 专精特新申报台"))
        self.resize(1280, 800)

        self.firm_list = FirmListPage(ctx, self)
        self._built: dict[str, QWidget] = {}   # the other pages built so far, by attribute
        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(self.firm_list)
        self.navigation = QListWidget(objectName="navigation")
        # Texts alone: QListWidgetItem(text, list) and QAction(text, parent) have overloads
        # with an icon, and telling them apart builds QIcon's Python enums (~2 ms of a start).
        self.navigation.addItems([self.tr("Firms"), self.tr("Applications"), self.tr("Batches"),
                                  self.tr("Evidence due"), self.tr("Dashboard")])
        self.navigation.setMaximumWidth(180)
        # Horizontal: QSplitter's default, not named (Qt's enums wait for the first paint:
        # see models/firm_table.py)
        self.splitter = QSplitter(objectName="mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1130])
        self.setCentralWidget(self.splitter)
        self.status = QLabel(objectName="statusText")
        self.statusBar().addPermanentWidget(self.status)

        self._shortcuts: list[tuple[QAction, str | tuple[str, ...]]] = []
        self._build_menus()
        self.first_painted.connect(self._apply_shortcuts)
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.firm_list.firm_activated.connect(self.open_firm)
        self.firm_list.export_requested.connect(self.export_data)
        ctx.bus.changed.connect(self._on_bus_changed)
        self.navigation.blockSignals(True)   # the firm list has just read its first rows
        self.navigation.setCurrentRow(NAV_FIRMS)
        self.navigation.blockSignals(False)
        self._restore_layout()
        self._update_status(self.firm_list.model.unfiltered_count())

    # -- pages built on first use -----------------------------------------------------------
    @property
    def firm_editor(self) -> FirmEditorPage:
        from .widgets.firm_editor import FirmEditorPage

        return self._page("firm_editor", FirmEditorPage, lambda page: page.closed.connect(
            lambda: self.show_page(NAV_FIRMS)))

    @property
    def applications(self) -> ApplicationsPage:
        from .widgets.applications import ApplicationsPage

        return self._page("applications", ApplicationsPage)

    @property
    def batches(self) -> BatchDeskPage:
        from .widgets.batch_desk import BatchDeskPage

        return self._page("batches", BatchDeskPage)

    @property
    def evidence_due(self) -> EvidenceDuePage:
        from .widgets.evidence_due import EvidenceDuePage

        return self._page("evidence_due", EvidenceDuePage, lambda page:
                          page.evidence_activated.connect(self._on_evidence_due_activated))

    @property
    def dashboard(self) -> DashboardPage:
        from .widgets.dashboard import DashboardPage

        return self._page("dashboard", DashboardPage)

    def _page(self, name: str, page_type: type, connect=None) -> QWidget:
        """The page `name`, built (hidden, with its remembered splitters) on the first ask."""
        page = self._built.get(name)
        if page is None:
            page = self._built[name] = page_type(self.ctx, self)
            self.pages.addWidget(page)
            self._restore_splitters(page)
            if connect is not None:
                connect(page)
        return page

    def _editor_shown(self) -> bool:
        editor = self._built.get("firm_editor")
        return editor is not None and self.pages.currentWidget() is editor

    # -- menus -----------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut: str | None = None,
                name: str = "") -> QAction:
        """A menu's action; `shortcut` is key text ("Ctrl+Q") or the name of one of
        QKeySequence's standard keys ("Save"), set once the window has painted."""
        action = QAction(self)   # the text set apart: see the navigation's items
        action.setText(text)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("&New firm"), self.new_firm, "New", "actionNewFirm")
        self._action(file, self.tr("&Save"), self.save, "Save", "actionSave")
        file.addSeparator()
        self._action(file, self.tr("&Import workbook…"), self.import_workbook,
                     name="actionImport")
        self._action(file, self.tr("&Export data workbook…"), self.export_data,
                     name="actionExportData")
        file.addSeparator()
        self._action(file, self.tr("Export evidence &package…"),
                     lambda: self.export_package("evidence"),
                     name="actionExportPackage")
        self._action(file, self.tr("Export re&view package…"),
                     lambda: self.export_package("review"),
                     name="actionExportReviewPackage")
        self._action(file, self.tr("Im&port package…"), self.import_package,
                     name="actionImportPackage")
        file.addSeparator()
        self._action(file, self.tr("&Back up now"), self.back_up, name="actionBackup")
        self._action(file, self.tr("&Restore from a backup…"), self.restore_backup,
                     name="actionRestore")
        file.addSeparator()
        self._action(file, self.tr("Load &demo data"), self.load_demo, name="actionLoadDemo")
        self._action(file, self.tr("Se&ttings…"), self.open_settings, name="actionSettings")
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, "Ctrl+Q", "actionQuit")

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self._shortcuts.append((undo, "Undo"))
        undo.setObjectName("actionUndo")
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self._shortcuts.append((redo, ("Ctrl+Shift+Z", "Ctrl+Y")))
        redo.setObjectName("actionRedo")
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(edit, self.tr("&Find firm"), self.find_firm, "Find", "actionFind")

        view = bar.addMenu(self.tr("&View"))
        for index, text in enumerate((self.tr("&Firms"), self.tr("&Applications"),
                                      self.tr("&Batches"), self.tr("&Evidence due"),
                                      self.tr("&Dashboard"))):
            self._action(view, text, lambda checked=False, i=index: self.show_page(i),
                         f"Ctrl+{index + 1}")
        view.addSeparator()
        self._action(view, self.tr("&Refresh"), self.refresh, "Refresh", "actionRefresh")

        tools = bar.addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("Check every application of a &batch"),
                     lambda: self.show_page(NAV_BATCHES))
        tools.addSeparator()
        self._action(tools, self.tr("Check &database…"), self.check_database,
                     name="actionCheckDatabase")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About SRDI Desk"), self.about, name="actionAbout")

    def _apply_shortcuts(self) -> None:
        """The menus' shortcuts, once the window has painted: a QKeySequence builds the Python
        enums of Qt's whole namespace (~20 ms; see models/firm_table.py), which the first
        paint does without."""
        from PySide6.QtGui import QKeySequence

        def sequence(text: str) -> QKeySequence:
            standard = getattr(QKeySequence.StandardKey, text, None)
            return QKeySequence(standard if standard is not None else text)

        for action, shortcut in self._shortcuts:
            texts = (shortcut,) if isinstance(shortcut, str) else shortcut
            action.setShortcuts([sequence(text) for text in texts])
        self._shortcuts.clear()

    # -- navigation ------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        else:
            self._on_navigation_current_row_changed(index)

    def _on_navigation_current_row_changed(self, row: int) -> None:
        page = getattr(self, NAV_PAGES[row])
        # Read before showing: a page that reads when shown (LazyPage) then has nothing left
        # to read, instead of reading twice.
        page.refresh()
        self.pages.setCurrentWidget(page)

    def open_firm(self, firm_id: int) -> None:
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(NAV_FIRMS)
        self.navigation.blockSignals(False)
        self.firm_editor.open_firm(firm_id)
        self.pages.setCurrentWidget(self.firm_editor)

    def _on_evidence_due_activated(self, firm_id: int, item_id: int) -> None:
        self.open_firm(firm_id)
        self.firm_editor.select_evidence(item_id)

    # -- actions ---------------------------------------------------------------------------
    def new_firm(self) -> None:
        self.open_firm(0)

    def save(self) -> None:
        if self._editor_shown():
            self.firm_editor.save()

    def find_firm(self) -> None:
        self.show_page(NAV_FIRMS)
        self.firm_list.focus_search()

    def refresh(self) -> None:
        current = self.pages.currentWidget()
        if hasattr(current, "refresh"):
            current.refresh()
        self._update_status(self.firm_list.model.unfiltered_count()
                            if current is self.firm_list else None)

    def load_demo(self) -> None:
        from .data_actions import load_demo

        load_demo(self)

    def import_workbook(self) -> None:
        """The import wizard, window-modal; kept as `import_wizard` until the next one."""
        from .dialogs.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(self.ctx, self)
        self.import_wizard.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_wizard.open()

    def export_data(self) -> None:
        from .data_actions import export_data

        export_data(self)

    def current_firm_id(self) -> int:
        """The firm open in the editor, else the one selected in the list; 0 for none."""
        if self._editor_shown() and self.firm_editor.firm_id:
            return self.firm_editor.firm_id
        return self.firm_list.current_firm_id()

    def export_package(self, kind: PackageKind | str) -> None:
        from desktop.domain.packages import PackageKind

        from .package_actions import export_package

        export_package(self, self.current_firm_id(), PackageKind(kind))

    def import_package(self) -> None:
        from .package_actions import import_package

        import_package(self)

    def check_database(self) -> None:
        """The doctor, off the GUI thread; its report in a dialog that offers the repair."""
        from .dialogs.doctor_dialog import check_database

        check_database(self, self.ctx.workspace.integrity)

    def back_up(self) -> None:
        from .data_actions import back_up

        back_up(self)

    def restore_backup(self) -> None:
        from .data_actions import restore_backup

        restore_backup(self)

    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog

        SettingsDialog.ask(self, self.ctx.settings)

    def about(self) -> None:
        from .dialogs.about import AboutDialog

        AboutDialog.ask(self, self.ctx.workspace.paths)

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        # The firm list heard the change first (connected before the window): its count is new.
        self._update_status(self.firm_list.model.unfiltered_count())

    def _update_status(self, count: int | None = None) -> None:
        """Show the number of firms (not archived): `count` when the caller knows it fresh
        (the firm list's own count, read a moment ago), else counted here."""
        try:
            if count is None:
                count = self.ctx.workspace.firms.count()
        except Exception as error:  # the status bar must never take the window down
            show_error(self, error)
            return
        self.status.setText(self.tr("{count} firms · {path}").format(
            count=count, path=self.ctx.workspace.paths.database))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)   # the pass paints the pages next

    # -- layout ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._restore_splitters(self)

    def _restore_splitters(self, widget: QWidget) -> None:
        for splitter in widget.findChildren(QSplitter):
            state = self.ctx.settings.value(f"splitters/{splitter.objectName()}")
            if splitter.objectName() and isinstance(state, QByteArray):
                splitter.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        for splitter in self.findChildren(QSplitter):  # every built page's splitters too
            if splitter.objectName():
                self.ctx.settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        editor = self._built.get("firm_editor")
        if editor is not None and not editor.may_close():
            event.ignore()
            return
        stop_all()  # no worker thread may outlive the window
        super().closeEvent(event)
