"""The evidence panel: items through the dialog, attachments by button and by drop, preview,
remove and detach with undo."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.domain.enums import EvidenceKind
from desktop.gui.dialogs import evidence_dialog
from desktop.gui.dialogs.evidence_dialog import AttachFilesDialog, EvidenceDialog
from desktop.gui.models.evidence_table import EvidenceTableModel
from desktop.gui.widgets import evidence_panel
from desktop.gui.widgets.evidence_panel import EvidencePanel
from desktop.paths import resources_dir

FILES = resources_dir() / "demo" / "files"
PATENT = {"kind": "invention_patent", "title": "A pressure sensor", "number": "ZL202110000001.2",
          "granted_date": "2022-05-12", "valid_until": "2041-05-12",
          "related_to_leading_product": "yes", "acquisition": "self_developed"}


@pytest.fixture
def panel(qtbot, ctx, firm, errors):
    panel = EvidencePanel(ctx)
    qtbot.addWidget(panel)
    panel.set_firm(firm.id)
    panel.resize(900, 700)
    panel.show()
    return panel


@pytest.fixture
def patent(workspace, firm):
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT),
                                  (FILES / "patent_invention_a.pdf",))
    return item


def type_chinese(widget, text: str) -> None:
    """Chinese reaches a widget as an input method's commit (key clicks would abort)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def fill_patent(qtbot, dialog) -> None:
    choose(dialog.kind, "invention_patent")
    dialog.title.setFocus()
    type_chinese(dialog.title, "一种压力传感器")
    qtbot.keyClicks(dialog.number, "ZL202110000001.2")
    qtbot.keyClicks(dialog.issuer, "CNIPA")
    qtbot.keyClicks(dialog.granted_date, "2022-05-12")
    qtbot.keyClicks(dialog.valid_until, "2041-05-12")
    qtbot.mouseClick(dialog.related, Qt.MouseButton.LeftButton)  # not known → yes
    choose(dialog.acquisition, "transferred")
    qtbot.keyClicks(dialog.transfer_date, "2023-01-10")
    dialog.holder_rank.setFocus()
    dialog.holder_rank.selectAll()
    qtbot.keyClicks(dialog.holder_rank, "2")
    choose(dialog.high_value_basis, "overseas_family")
    qtbot.keyClicks(dialog.notes, "filed 2021-05-12")


def test_adding_a_patent_through_the_real_dialog(qtbot, panel, workspace, firm, monkeypatch):
    seen = {}

    def ask(cls, parent, item=None, check=None):
        dialog = cls(item, parent, check)
        qtbot.addWidget(dialog)
        dialog.show()
        fill_patent(qtbot, dialog)
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        seen["dialog"] = dialog
        return dialog.result_raw

    monkeypatch.setattr(EvidenceDialog, "ask", classmethod(ask))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert seen["dialog"].result() == seen["dialog"].DialogCode.Accepted
    [item] = workspace.evidence.items(firm.id)
    assert (item.kind, item.title, item.number, item.issuer) == (
        EvidenceKind.INVENTION_PATENT, "一种压力传感器", "ZL202110000001.2", "CNIPA")
    assert (item.granted_date, item.valid_until, item.transfer_date) == (
        date(2022, 5, 12), date(2041, 5, 12), date(2023, 1, 10))
    assert item.related_to_leading_product is True
    assert (item.acquisition.value, item.holder_rank, item.high_value_basis.value) == (
        "transferred", 2, "overseas_family")
    assert item.notes == "filed 2021-05-12"
    assert panel.model.data(panel.model.index(0, 0)) == "Invention patent"
    assert panel.current_item().id == item.id


def test_the_dialog_enables_subtype_and_transfer_date_only_where_they_apply(qtbot):
    dialog = EvidenceDialog()
    qtbot.addWidget(dialog)
    choose(dialog.kind, "invention_patent")
    assert not dialog.subtype.isEnabled()
    choose(dialog.kind, "title")
    assert dialog.subtype.isEnabled() and dialog.subtype.findData("little_giant") > 0
    choose(dialog.kind, "award")
    assert dialog.subtype.findData("maker_china") > 0 and dialog.subtype.findData("gazelle") < 0
    assert not dialog.transfer_date.isEnabled()
    choose(dialog.acquisition, "transferred")
    assert dialog.transfer_date.isEnabled()


def test_a_refused_dialog_stays_open_with_its_values_and_marks_the_fields(qtbot, panel):
    dialog = EvidenceDialog(None, panel, panel._check)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.number, "ZL1")
    qtbot.keyClicks(dialog.granted_date, "2022-05-12")
    qtbot.keyClicks(dialog.valid_until, "2021-01-01")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result_raw is None
    assert "Title: is required" in dialog.problems.text()
    assert "Valid until" in dialog.problems.text()
    assert dialog.title.property("invalid") is True
    assert dialog.valid_until.property("invalid") is True
    assert dialog.number.property("invalid") is False
    assert dialog.number.text() == "ZL1" and dialog.valid_until.text() == "2021-01-01"


def test_a_dialog_returning_raw_values_adds_and_undo_removes(qtbot, panel, workspace, firm,
                                                             monkeypatch, ctx):
    monkeypatch.setattr(EvidenceDialog, "ask", classmethod(lambda cls, *a, **k: dict(PATENT)))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [item] = workspace.evidence.items(firm.id)
    assert panel.model.rowCount() == 1
    ctx.undo_stack.undo()
    assert workspace.evidence.items(firm.id) == [] and panel.model.rowCount() == 0
    ctx.undo_stack.redo()
    assert [i.id for i in workspace.evidence.items(firm.id)] == [item.id]


def test_editing_an_item_and_undo(qtbot, panel, patent, workspace, monkeypatch, ctx):
    panel.reload()
    panel.select_evidence(patent.id)

    def ask(cls, parent, item=None, check=None):
        dialog = cls(item, parent, check)
        qtbot.addWidget(dialog)
        assert dialog.title.text() == "A pressure sensor"   # the item's values are shown
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "A better sensor")
        dialog.accept()
        return dialog.result_raw

    monkeypatch.setattr(EvidenceDialog, "ask", classmethod(ask))
    index = panel.model.index(panel.model.row_of(patent.id), 2)
    center = panel.table.visualRect(index).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    with qtbot.waitSignal(panel.table.doubleClicked, timeout=1000):
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert workspace.evidence.get(patent.id).title == "A better sensor"
    assert len(workspace.evidence.get(patent.id).attachments) == 1
    ctx.undo_stack.undo()
    assert workspace.evidence.get(patent.id).title == "A pressure sensor"


def test_attaching_through_the_file_dialog_and_the_pdf_preview(qtbot, panel, patent, workspace,
                                                               monkeypatch):
    panel.reload()
    panel.select_evidence(patent.id)
    monkeypatch.setattr(AttachFilesDialog, "ask",
                        classmethod(lambda cls, parent: [FILES / "patent_invention_b.pdf"]))
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    names = [a.original_name for a in workspace.evidence.get(patent.id).attachments]
    assert sorted(names) == ["patent_invention_a.pdf", "patent_invention_b.pdf"]
    shown = [panel.attachments.topLevelItem(i).text(0)
             for i in range(panel.attachments.topLevelItemCount())]
    assert sorted(shown) == sorted(names)
    assert panel.current_attachment().original_name == "patent_invention_b.pdf"
    assert panel.preview.kind == "pdf"
    assert panel.preview.document.status() == QPdfDocument.Status.Ready
    assert panel.preview.document.pageCount() >= 1


def test_dropping_an_image_attaches_it_and_previews_it(qtbot, panel, patent, workspace):
    panel.reload()
    panel.select_evidence(patent.id)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FILES / "award_maker_china.png"))])
    enter = QDragEnterEvent(QPointF(panel.rect().center()), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(panel.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, drop)
    assert "award_maker_china.png" in [
        a.original_name for a in workspace.evidence.get(patent.id).attachments]
    assert panel.current_attachment().original_name == "award_maker_china.png"
    assert panel.preview.kind == "image" and not panel.preview.pixmap().isNull()
    assert panel.preview.image.pixmap() is not None


def test_a_drop_without_a_selected_item_is_refused(qtbot, panel):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FILES / "award_maker_china.png"))])
    enter = QDragEnterEvent(QPointF(panel.rect().center()), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


def test_other_files_have_no_preview_and_open_with_the_system(qtbot, panel, patent, tmp_path,
                                                             monkeypatch):
    note = tmp_path / "note.txt"
    note.write_text("hello")
    panel.reload()
    panel.select_evidence(patent.id)
    panel.attach_files([note])
    assert panel.preview.kind == "none"
    assert panel.preview.message.text() == "No preview for this file type"
    opened = []
    monkeypatch.setattr(evidence_panel, "open_with_system", opened.append)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].read_text() == "hello"


def test_remove_and_undo_bring_the_item_back_with_its_attachment(qtbot, panel, patent,
                                                                 workspace, firm, ctx):
    panel.reload()
    panel.select_evidence(patent.id)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert workspace.evidence.items(firm.id) == [] and panel.model.rowCount() == 0
    ctx.undo_stack.undo()
    [item] = workspace.evidence.items(firm.id)
    assert item.id == patent.id
    assert [a.original_name for a in item.attachments] == ["patent_invention_a.pdf"]
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 8)) == "1"


def test_detach_and_undo(qtbot, panel, patent, workspace, ctx):
    panel.reload()
    panel.select_evidence(patent.id)
    qtbot.mouseClick(panel.detach_button, Qt.MouseButton.LeftButton)
    assert workspace.evidence.get(patent.id).attachments == ()
    assert panel.attachments.topLevelItemCount() == 0
    ctx.undo_stack.undo()
    [attachment] = workspace.evidence.get(patent.id).attachments
    assert attachment == patent.attachments[0]   # the same attachment, id included
    ctx.undo_stack.redo()
    assert workspace.evidence.get(patent.id).attachments == ()


def test_expired_items_are_marked(panel, workspace, firm):
    workspace.evidence.add(workspace.evidence.parse(firm.id, {
        "kind": "title", "subtype": "innovative_sme", "title": "Innovative SME",
        "granted_date": "2021-01-01", "valid_until": "2024-01-01"}))
    panel.reload()
    row = 0
    text = panel.model.data(panel.model.index(row, 6))
    assert text == "2024-01-01 (expired)"
    assert panel.model.data(panel.model.index(row, 6), Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.model.data(panel.model.index(row, 1)) == "Innovative SME title"


def test_the_buttons_follow_the_selection(panel, patent):
    assert not panel.edit_button.isEnabled() and not panel.detach_button.isEnabled()
    panel.reload()
    panel.select_evidence(patent.id)
    assert panel.edit_button.isEnabled() and panel.remove_button.isEnabled()
    assert panel.detach_button.isEnabled() and panel.open_button.isEnabled()


def test_the_evidence_model_passes_the_model_tester(qtmodeltester, workspace, firm, patent):
    model = EvidenceTableModel()
    model.set_items(workspace.evidence.items(firm.id), date(2026, 11, 27))
    qtmodeltester.check(model)


def test_the_attach_dialog_is_replaceable():
    assert hasattr(evidence_dialog.AttachFilesDialog, "ask")
