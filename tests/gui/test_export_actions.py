"""Export actions: the batch desk's recommendation table and application workbooks, and the
applications page's application workbook, each written in the background to a chosen path."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel

from desktop.gui.dialogs.export_paths import ExportPaths, safe_file_name
from desktop.gui.models.application_table import ID_ROLE
from desktop.gui.widgets.applications import ApplicationsPage
from desktop.gui.widgets.batch_desk import BatchDeskPage

LITTLE_GIANTS = "2026年第八批专精特新“小巨人”企业"


def replace(monkeypatch, name, answer):
    monkeypatch.setattr(ExportPaths, name, classmethod(lambda cls, *args, **kwargs: answer))


@pytest.fixture
def desk(qtbot, demo, ctx, errors):
    page = BatchDeskPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.choose_batch(LITTLE_GIANTS)
    return page


def cells(path):
    book = load_workbook(path, read_only=True)
    found = {str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for value in row if value is not None}
    book.close()
    return found


def test_the_recommendation_table_lists_the_batch(qtbot, monkeypatch, desk, demo, tmp_path,
                                                  errors):
    target = tmp_path / "summary.xlsx"
    replace(monkeypatch, "save_workbook", str(target))
    assert desk.export_table_button.isEnabled()
    desk.export_table_button.click()
    qtbot.waitUntil(lambda: str(target) in desk.bulk_report.text(), timeout=60000)
    assert errors == []
    batch = demo.batches.get_by_name(LITTLE_GIANTS)
    found = cells(target)
    for application in demo.applications.in_batch(batch.id):
        firm = demo.firms.get(application.firm_id)
        assert firm.uscc in found and firm.name in found
    qtbot.waitUntil(lambda: desk.export_table_button.isEnabled())


def test_application_workbooks_of_the_selection_go_into_a_folder(qtbot, monkeypatch, desk, demo,
                                                                 tmp_path, errors):
    assert not desk.export_excel_button.isEnabled()   # nothing selected yet
    for row in (0, 1):
        desk.table.selectionModel().select(
            desk.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert desk.export_excel_button.isEnabled()
    folder = tmp_path / "forms"
    folder.mkdir()
    replace(monkeypatch, "choose_folder", str(folder))
    desk.export_excel_button.click()
    qtbot.waitUntil(lambda: "Exported 2 of 2" in desk.bulk_report.text(), timeout=60000)
    assert errors == []
    files = sorted(path.name for path in folder.iterdir())
    assert len(files) == 2 and all(name.endswith(".xlsx") for name in files)
    names = {demo.firms.get(demo.applications.get(i).firm_id).name for i in desk.selected_ids()}
    assert {name.split("-")[1] for name in files} == names
    assert all(load_workbook(folder / name, read_only=True).sheetnames for name in files)


def test_the_application_workbook_from_the_applications_page(qtbot, monkeypatch, demo, ctx,
                                                             errors, tmp_path):
    page = ApplicationsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert not page.export_button.isEnabled()
    application_id = page.proxy.index(0, 0).data(ID_ROLE)
    assert page.select(application_id)
    assert page.export_button.isEnabled()
    target = tmp_path / "form.xlsx"
    replace(monkeypatch, "save_workbook", str(target))
    page.export_button.click()
    qtbot.waitUntil(lambda: str(target) in page.export_note.text(), timeout=60000)
    assert errors == []
    firm = demo.firms.get(demo.applications.get(application_id).firm_id)
    assert firm.name in "".join(cells(target))


def test_file_names_are_safe():
    assert safe_file_name('a/b:c*"d"?') == "a_b_c_d_"


def test_the_firm_list_exports_the_data_workbook(qtbot, monkeypatch, demo, window, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from desktop.gui.dialogs.export_paths import ExportPaths

    target = tmp_path / "firms.xlsx"
    monkeypatch.setattr(ExportPaths, "save_workbook", classmethod(lambda cls, *a, **k: str(target)))
    qtbot.mouseClick(window.firm_list.findChild(QPushButton, "exportFirmsButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=30000)
    rows = list(load_workbook(target, read_only=True)["firms"].iter_rows(values_only=True))
    assert len(rows) > 34   # a header and the 34 demo firms
