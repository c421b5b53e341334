"""Evidence panel of the firm editor: the firm's evidence items, the files attached to the
selected one (attach by button or drag and drop, open, detach) and a preview of a file."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QSplitter, QTableView,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desktop.domain.records import Attachment, EvidenceItem

from .. import undo
from ..dialogs.evidence_dialog import AttachFilesDialog, EvidenceDialog
from ..errors import show_error
from ..models.evidence_table import EvidenceTableModel
from .attachment_preview import AttachmentPreview

EVIDENCE_TABLES = {"evidence_item", "attachment", "firm"}
AttachmentRole = Qt.ItemDataRole.UserRole + 1


def open_with_system(path: Path) -> bool:
    """Open a file with the system's viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _button(text: str, name: str) -> QPushButton:
    return QPushButton(text, objectName=name)


class EvidencePanel(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.firm_id = 0
        self.setAcceptDrops(True)
        self.model = EvidenceTableModel(self)
        self.table = QTableView(objectName="evidenceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = _button(self.tr("Add…"), "addEvidenceButton")
        self.edit_button = _button(self.tr("Edit…"), "editEvidenceButton")
        self.remove_button = _button(self.tr("Remove"), "removeEvidenceButton")
        self.attachments = QTreeWidget(objectName="attachmentList")
        self.attachments.setRootIsDecorated(False)
        self.attachments.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("SHA-256")])
        files_header = self.attachments.header()
        files_header.setStretchLastSection(False)
        files_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            files_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.attachments.setToolTip(self.tr("Drop files here to attach them to the selected item."))
        self.attach_button = _button(self.tr("Attach files…"), "attachFilesButton")
        self.open_button = _button(self.tr("Open"), "openAttachmentButton")
        self.detach_button = _button(self.tr("Detach"), "detachAttachmentButton")
        self.preview = AttachmentPreview(self)
        self._build_layout()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.table.doubleClicked.connect(self._on_table_doubleClicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_currentRowChanged)
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.detach_button.clicked.connect(self._on_detach_button_clicked)
        self.attachments.currentItemChanged.connect(self._on_attachments_currentItemChanged)
        self.attachments.itemDoubleClicked.connect(self._on_attachments_itemDoubleClicked)
        ctx.bus.changed.connect(self._on_bus_changed)
        self._update_buttons()

    def _build_layout(self) -> None:
        item_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(item_buttons)
        file_buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.detach_button):
            file_buttons.addWidget(button)
        file_buttons.addStretch()
        files = QWidget()
        files_layout = QVBoxLayout(files)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.attachments)
        files_layout.addLayout(file_buttons)
        bottom = QSplitter(Qt.Orientation.Horizontal, objectName="attachmentSplitter")
        bottom.addWidget(files)
        bottom.addWidget(self.preview)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([360, 640])
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="evidenceSplitter")
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- showing ---------------------------------------------------------------------------

    def set_firm(self, firm_id: int) -> None:
        self.firm_id = firm_id
        self.reload()

    def reload(self) -> None:
        current = self.current_item()
        attachment = self.current_attachment()
        items = self.workspace.evidence.items(self.firm_id) if self.firm_id else []
        self.model.set_items(items, self.workspace.context.today())
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):   # long titles must not hide the rest
            header.resizeSection(column, min(header.sectionSize(column), 260))
        if current is not None and self.model.row_of(current.id) >= 0:
            self.select_evidence(current.id)
            if attachment is not None:
                self.select_attachment(attachment.id)
        else:
            self._show_attachments(None)
        self._update_buttons()

    def select_evidence(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.model.index(row, 2)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_attachments(self.model.item(row))

    def select_attachment(self, attachment_id: int) -> None:
        for row in range(self.attachments.topLevelItemCount()):
            entry = self.attachments.topLevelItem(row)
            if entry.data(0, AttachmentRole).id == attachment_id:
                self.attachments.setCurrentItem(entry)
                return

    def current_item(self) -> EvidenceItem | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def current_attachment(self) -> Attachment | None:
        entry = self.attachments.currentItem()
        return entry.data(0, AttachmentRole) if entry is not None else None

    def _show_attachments(self, item: EvidenceItem | None) -> None:
        chosen = self.current_attachment()
        self.attachments.blockSignals(True)   # one preview at the end, not one per row
        self.attachments.clear()
        locale = QLocale()
        for attachment in item.attachments if item else ():
            entry = QTreeWidgetItem([attachment.original_name,
                                     locale.formattedDataSize(attachment.size),
                                     attachment.sha256[:12]])
            entry.setData(0, AttachmentRole, attachment)
            entry.setToolTip(2, attachment.sha256)
            self.attachments.addTopLevelItem(entry)
        if chosen is not None:
            self.select_attachment(chosen.id)
        if self.attachments.currentItem() is None and self.attachments.topLevelItemCount():
            self.attachments.setCurrentItem(self.attachments.topLevelItem(0))
        self.attachments.blockSignals(False)
        self._show_preview()
        self._update_buttons()

    def _show_preview(self) -> None:
        attachment = self.current_attachment()
        path = self.workspace.evidence.file_path(attachment) if attachment else None
        if path != self.preview.path:
            self.preview.show_file(path)

    def _update_buttons(self) -> None:
        has_item = self.current_item() is not None
        has_file = self.current_attachment() is not None
        self.add_button.setEnabled(bool(self.firm_id))
        for button in (self.edit_button, self.remove_button, self.attach_button):
            button.setEnabled(has_item)
        self.open_button.setEnabled(has_file)
        self.detach_button.setEnabled(has_file)

    # -- items -----------------------------------------------------------------------------

    def add_item(self) -> None:
        raw = EvidenceDialog.ask(self, None, self._check)
        if raw is None:
            return
        try:
            record = self.workspace.evidence.parse(self.firm_id, raw)
            state: dict[str, EvidenceItem] = {}

            def do() -> EvidenceItem:   # a redo puts the same item (same id) back
                if "saved" in state:
                    return self.workspace.evidence.restore(state["saved"])
                state["saved"] = self.workspace.evidence.add(record)
                return state["saved"]

            def undo_add() -> None:
                state["saved"] = self.workspace.evidence.remove(state["saved"].id)

            saved = undo.push(self.ctx, self.tr("Add evidence “{title}”").format(
                title=record.title), do, undo_add, "evidence_item", self.firm_id)
        except Exception as error:
            show_error(self, error)
            return
        self.select_evidence(saved.id)

    def edit_item(self) -> None:
        old = self.current_item()
        if old is None:
            return
        raw = EvidenceDialog.ask(self, old, self._check)
        if raw is None:
            return
        try:
            record = dataclasses.replace(self.workspace.evidence.parse(self.firm_id, raw),
                                         id=old.id)
            undo.push(self.ctx, self.tr("Edit evidence “{title}”").format(title=record.title),
                      lambda: self.workspace.evidence.update(record),
                      lambda: self.workspace.evidence.update(old),
                      "evidence_item", self.firm_id)
        except Exception as error:
            show_error(self, error)
            return
        self.select_evidence(old.id)

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        state = {"item": item}

        def do() -> EvidenceItem:
            state["item"] = self.workspace.evidence.remove(item.id)
            return state["item"]

        try:
            undo.push(self.ctx, self.tr("Remove evidence “{title}”").format(title=item.title),
                      do, lambda: self.workspace.evidence.restore(state["item"]),
                      "evidence_item", self.firm_id)
        except Exception as error:
            show_error(self, error)

    def _check(self, raw: dict) -> None:
        self.workspace.evidence.parse(self.firm_id, raw)

    # -- attachments -----------------------------------------------------------------------

    def attach_files(self, paths) -> None:
        """Attach files to the selected item, one undo step each."""
        item = self.current_item()
        if item is None:
            return
        for path in paths:
            state: dict[str, Attachment] = {}

            def do(path=Path(path), state=state) -> Attachment:
                state["attachment"] = self.workspace.evidence.attach(item.id, path)
                return state["attachment"]

            def undo_attach(state=state) -> None:
                self.workspace.evidence.detach(state["attachment"].id)

            try:
                attachment = undo.push(self.ctx, self.tr("Attach {name}").format(
                    name=Path(path).name), do, undo_attach, "attachment", self.firm_id)
            except Exception as error:
                show_error(self, error)
                return
            self.select_attachment(attachment.id)

    def detach_current(self) -> None:
        attachment = self.current_attachment()
        if attachment is None:
            return
        state = {"attachment": attachment}

        def do() -> Attachment:
            return self.workspace.evidence.detach(state["attachment"].id)

        def undo_detach() -> None:
            state["attachment"] = self.workspace.evidence.reattach(state["attachment"])

        try:
            undo.push(self.ctx, self.tr("Detach {name}").format(name=attachment.original_name),
                      do, undo_detach, "attachment", self.firm_id)
        except Exception as error:
            show_error(self, error)

    def open_current(self) -> None:
        attachment = self.current_attachment()
        if attachment is not None:
            open_with_system(self.workspace.evidence.file_path(attachment))

    # -- drag and drop ---------------------------------------------------------------------

    def _dropped_files(self, event) -> list[Path]:
        mime = event.mimeData()
        if self.current_item() is None or not mime.hasUrls():
            return []
        urls = mime.urls()
        if not urls or not all(url.isLocalFile() for url in urls):
            return []
        return [Path(url.toLocalFile()) for url in urls]

    def dragEnterEvent(self, event) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        files = self._dropped_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_files(files)

    # -- slots -----------------------------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        self.add_item()

    def _on_edit_button_clicked(self) -> None:
        self.edit_item()

    def _on_table_doubleClicked(self, _index) -> None:
        self.edit_item()

    def _on_remove_button_clicked(self) -> None:
        self.remove_item()

    def _on_table_currentRowChanged(self, current, _previous) -> None:
        self._show_attachments(self.model.item(current.row()) if current.isValid() else None)

    def _on_attach_button_clicked(self) -> None:
        self.attach_files(AttachFilesDialog.ask(self))

    def _on_open_button_clicked(self) -> None:
        self.open_current()

    def _on_attachments_itemDoubleClicked(self, _item, _column) -> None:
        self.open_current()

    def _on_detach_button_clicked(self) -> None:
        self.detach_current()

    def _on_attachments_currentItemChanged(self, _current, _previous) -> None:
        self._show_preview()
        self._update_buttons()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if self.firm_id and firm_id in (self.firm_id, 0) and table in EVIDENCE_TABLES:
            self.reload()
