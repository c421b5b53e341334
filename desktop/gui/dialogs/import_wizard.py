"""Importing a workbook, step by step: the file, each sheet's header row and column assignment
(correctable), a dry run with its problems, then the import itself in the background.

The wizard only calls the transfer service (read, import_workbook, write_report); the user's
corrections of the column assignment become the service's `mapping`.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QWizard,
    QWizardPage,
)

from desktop.domain.errors import DomainError

from .. import i18n
from ..errors import show_error
from .import_wizard_run import ImportPage, PreviewPage

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, IMPORT_PAGE = range(4)
IGNORE = ""


def _target(field: str | None, year: int | None) -> str:
    if not field:
        return IGNORE
    return f"{field}:{year}" if year else field


class ImportWizard(QWizard):
    previewed = Signal(object)   # the dry run's ImportResult, or the DomainError refusing it
    imported = Signal(object)    # the import's ImportResult, or None (failed or cancelled)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a workbook"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(900, 600)
        self.path: Path | None = None
        self.read_result = None      # what transfer.read gave for the chosen file
        self.is_data_workbook = False
        self.mapping: dict[str, str] | None = None
        self.preview = None          # the dry run's ImportResult
        self.result = None           # the import's ImportResult
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page_id, page in ((FILE_PAGE, self.file_page), (MAPPING_PAGE, self.mapping_page),
                              (PREVIEW_PAGE, self.preview_page), (IMPORT_PAGE, self.import_page)):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))

    @property
    def transfer(self):
        return self.ctx.workspace.transfer

    @classmethod
    def choose_file(cls, parent: QWidget | None) -> str | None:
        """The workbook to import, or None when the user cancelled."""
        path, _filter = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ImportWizard", "Choose a workbook"), "",
            QCoreApplication.translate("ImportWizard", "Excel workbooks (*.xlsx *.xlsm)"))
        return path or None

    @classmethod
    def choose_report_file(cls, parent: QWidget | None, suggested: str = "") -> str | None:
        """Where to save the row-level report, or None when the user cancelled."""
        path, _filter = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("ImportWizard", "Save the report"), suggested,
            QCoreApplication.translate("ImportWizard", "Excel workbooks (*.xlsx)"))
        if not path:
            return None
        return path if path.lower().endswith(".xlsx") else path + ".xlsx"


class FilePage(QWizardPage):
    """The file: chosen by dialog or typed; read when the user goes on, refusals shown here."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose the workbook"))
        self.setSubTitle(self.tr("A data workbook exported by SRDI Desk, or any workbook with "
                                 "a header row (企业名称, 统一社会信用代码, 2024年营业收入…)."))
        self.path_edit = QLineEdit(objectName="importPath")
        self.path_edit.setPlaceholderText(self.tr("Path of an .xlsx or .xlsm file"))
        self.choose_button = QPushButton(self.tr("Choose…"), objectName="chooseFileButton")
        self.message = QLabel(objectName="fileMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color: #b3261e")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)

    def _on_choose_button_clicked(self) -> None:
        path = ImportWizard.choose_file(self)
        if path:
            self.path_edit.setText(path)

    def _on_path_edit_text_changed(self, _text: str) -> None:
        self.message.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        wizard = self._wizard
        path = Path(self.path_edit.text().strip())
        self.message.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            read, is_data = wizard.transfer.read(path)
        except DomainError as error:
            self.message.setText("\n".join(i18n.render(m) for m in error.messages))
            return False
        except Exception as error:  # unexpected: in the one place errors are shown
            show_error(self, error)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not any(layout.kind for layout in read.layouts):
            self.message.setText(self.tr("No sheet of this workbook has a header row SRDI Desk "
                                         "recognises (企业名称, 统一社会信用代码 …)."))
            return False
        wizard.path, wizard.read_result, wizard.is_data_workbook = path, read, is_data
        return True


class MappingPage(QWizardPage):
    """Each sheet's header row and the field each column is read into, correctable."""

    COLUMNS = ("sheet", "column", "header", "field")

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Sheets and column mapping"))
        self.setSubTitle(self.tr("Check which field each column is read into; choose "
                                 "“(ignore)” for a column that should not be imported."))
        self.sheets = QLabel(objectName="sheetSummary")
        self.sheets.setWordWrap(True)
        self.table = QTableWidget(0, 4, objectName="mappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Column"),
                                              self.tr("Header"), self.tr("Field")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sheets)
        layout.addWidget(self.table, 1)
        self._rows: list[tuple[object, object]] = []   # (layout, column) per table row

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        read = self._wizard.read_result
        lines = []
        for layout in read.layouts:
            if layout.kind is None:
                lines.append(self.tr("Sheet “{sheet}”: no header row found, not read").format(
                    sheet=layout.sheet))
            else:
                rows = ", ".join(str(n) for n in layout.header_rows)
                lines.append(self.tr("Sheet “{sheet}”: header in row {rows} · {kind}").format(
                    sheet=layout.sheet, rows=rows, kind=self.kind_label(layout.kind)))
        if self._wizard.is_data_workbook:
            lines.append(self.tr("A data workbook exported by SRDI Desk: its columns are "
                                 "known. A correction reads it as an ordinary workbook."))
        self.sheets.setText("\n".join(lines))
        self._rows = [(layout, column) for layout in read.layouts if layout.kind
                      for column in layout.columns]
        self.table.setRowCount(len(self._rows))
        for row, (layout, column) in enumerate(self._rows):
            for index, text in enumerate((layout.sheet, column.letter, column.header)):
                self.table.setItem(row, index, QTableWidgetItem(text))
            self.table.setCellWidget(row, 3, self._combo(layout.kind, column))
        self.table.resizeColumnsToContents()

    def kind_label(self, kind: str) -> str:
        return {"firm": self.tr("firms and fiscal years"),
                "market_position": self.tr("market positions"),
                "assessment": self.tr("annual assessments"),
                "evidence": self.tr("evidence")}.get(kind, kind)

    def _combo(self, kind: str, column) -> QComboBox:
        combo = QComboBox(objectName="fieldChoice")
        combo.addItem(self.tr("(ignore)"), IGNORE)
        known = self._wizard.ctx.workspace.transfer.known_fields()
        for field in sorted(known.get(kind, ()), key=i18n.label):
            combo.addItem(f"{i18n.label(field)} ({field})", field)
        detected = _target(column.field, column.year)
        if column.year and column.field:   # a yearly column keeps its year
            combo.addItem(f"{i18n.label(column.field)} {column.year} ({detected})", detected)
        combo.setCurrentIndex(max(combo.findData(detected), 0))
        return combo

    def combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, 3)

    def detected(self) -> list[str]:
        """The field each row of the table was detected as ('' for ignored)."""
        return [_target(column.field, column.year) for _layout, column in self._rows]

    def mapping(self) -> dict[str, str] | None:
        """The user's corrections, keyed by header text (the column letter when it has
        none); None when nothing was corrected, so the detection stays as it was."""
        corrections = {}
        for row, ((_layout, column), detected) in enumerate(zip(self._rows, self.detected())):
            chosen = self.combo(row).currentData()
            if chosen != detected:
                corrections[column.header or column.letter] = chosen
        return corrections or None

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        self._wizard.mapping = self.mapping()
        return True


__all__ = ["ImportWizard", "ImportPage", "PreviewPage"]
