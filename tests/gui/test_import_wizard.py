"""The import wizard: file → sheets and mapping → preview with problems → import, driven through
its buttons; the data workbook comes from the File menu's export."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWizard

from desktop.gui.dialogs import import_wizard as wizard_module
from desktop.gui.dialogs.export_paths import ExportPaths
from desktop.gui.dialogs.import_wizard import (
    FILE_PAGE, IMPORT_PAGE, MAPPING_PAGE, PREVIEW_PAGE, ImportWizard,
)


def replace(monkeypatch, cls, name, answer):
    monkeypatch.setattr(cls, name, classmethod(lambda cls, *args, **kwargs: answer))


@pytest.fixture
def data_workbook(qtbot, monkeypatch, demo, window, tmp_path):
    """The demo data exported through File ▸ Export data workbook…"""
    target = tmp_path / "data.xlsx"
    replace(monkeypatch, ExportPaths, "save_workbook", str(target))
    window.findChild(QAction, "actionExportData").trigger()
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage(), timeout=30000)
    assert target.exists()
    return target


def open_wizard(window, monkeypatch, path) -> ImportWizard:
    replace(monkeypatch, ImportWizard, "choose_file", str(path))
    window.findChild(QAction, "actionImport").trigger()
    wizard = window.import_wizard
    assert wizard.isVisible() and wizard.currentId() == FILE_PAGE
    wizard.file_page.choose_button.click()
    assert wizard.file_page.path_edit.text() == str(path)
    return wizard


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def test_a_deleted_firm_comes_back_from_the_data_workbook(qtbot, monkeypatch, window, demo,
                                                          data_workbook, errors, tmp_path):
    total = demo.firms.count()
    gone = [summary.id for summary in demo.firms.list()][:3]
    for firm_id in gone:
        demo.firms.delete(firm_id)
    assert demo.firms.count() == total - 3
    wizard = open_wizard(window, monkeypatch, data_workbook)

    next_button(wizard).click()
    assert wizard.currentId() == MAPPING_PAGE
    page = wizard.mapping_page
    assert "header in row 1" in page.sheets.text()
    assert page.table.rowCount() > 20
    fields = [page.combo(row).currentData() for row in range(page.table.rowCount())]
    assert {"uscc", "name", "operating_revenue", "kind", "title"} <= set(fields)
    assert page.table.item(0, 0).text() == "firms" and page.combo(0).currentData() == "uscc"
    assert page.combo(0).itemText(0) == "(ignore)"

    with qtbot.waitSignal(wizard.previewed, timeout=30000):
        next_button(wizard).click()
    assert wizard.currentId() == PREVIEW_PAGE
    preview = wizard.preview
    assert preview.created > 3 and preview.updated == 0 and preview.refused == 0
    assert preview.unchanged > 100
    assert wizard.preview_page.counts.text().startswith(
        f"{preview.created} to create · 0 to update · {preview.unchanged} unchanged · 0 refused")
    assert wizard.preview_page.problems.rowCount() == 0
    assert demo.firms.count() == total - 3          # a dry run writes nothing

    report = tmp_path / "report.xlsx"
    replace(monkeypatch, ImportWizard, "choose_report_file", str(report))
    wizard.preview_page.report_button.click()
    assert report.exists() and "Report saved" in wizard.preview_page.report_note.text()

    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled() and commit.text() == "Import"
    with qtbot.waitSignal(window.ctx.bus.changed, timeout=30000) as changed, \
            qtbot.waitSignal(wizard.imported, timeout=30000):
        commit.click()
    assert changed.args == ["firm", 0]
    assert wizard.currentId() == IMPORT_PAGE
    assert wizard.result.committed
    assert wizard.import_page.summary.text().startswith("Imported.")
    assert demo.firms.count() == total
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert errors == []
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_a_correction_becomes_the_mapping(qtbot, monkeypatch, window, demo, data_workbook):
    wizard = open_wizard(window, monkeypatch, data_workbook)
    next_button(wizard).click()
    page = wizard.mapping_page
    row = next(r for r in range(page.table.rowCount())
               if page.table.item(r, 2).text() == "name_en")
    combo = page.combo(row)
    combo.setCurrentIndex(combo.findData(""))
    with qtbot.waitSignal(wizard.previewed, timeout=30000):
        next_button(wizard).click()
    assert wizard.mapping == {"name_en": ""}
    assert wizard.preview.refused == 0


def test_a_file_that_is_no_workbook_stays_on_the_first_page(qtbot, monkeypatch, window, tmp_path):
    fake = tmp_path / "notes.xlsx"
    fake.write_text("this is not a workbook", encoding="utf-8")
    wizard = open_wizard(window, monkeypatch, fake)
    next_button(wizard).click()
    assert wizard.currentId() == FILE_PAGE
    assert wizard.file_page.message.text()
    assert "notes.xlsx" in wizard.file_page.message.text() or \
        "workbook" in wizard.file_page.message.text().lower()


def test_rows_with_problems_are_listed_and_can_be_skipped(qtbot, monkeypatch, window, demo,
                                                         data_workbook, tmp_path):
    book = load_workbook(data_workbook)
    sheet = book["firms"]
    sheet.cell(row=2, column=1).value = "not a code"
    broken = tmp_path / "broken.xlsx"
    book.save(broken)
    wizard = open_wizard(window, monkeypatch, broken)
    next_button(wizard).click()
    with qtbot.waitSignal(wizard.previewed, timeout=30000):
        next_button(wizard).click()
    page = wizard.preview_page
    assert wizard.preview.refused >= 1
    assert page.problems.rowCount() >= 1
    assert page.problems.item(0, 0).text() == "firms" and page.problems.item(0, 1).text() == "2"
    assert page.problems.item(0, 4).text()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    page.skip_invalid.click()
    assert page.skip_invalid.isChecked()
    # Nothing new to create: the rest is unchanged, so there is nothing to import.
    assert commit.isEnabled() == bool(wizard.preview.created + wizard.preview.updated)


def test_the_wizard_module_imports_no_excel_layer():
    assert "desktop.excel" not in open(wizard_module.__file__, encoding="utf-8").read()
