"""File → evidence packages in the window: export the current firm's package, import one after
its preview (conflicts chosen in the real dialog), and a broken package refused with a message
and nothing changed."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QComboBox

from desktop.domain.packages import PackageKind, RecordState, Resolution
from desktop.gui.dialogs.export_paths import ExportPaths
from desktop.gui.dialogs.package_preview import TAKE, PackagePreviewDialog
from tests.conftest import snapshot

NEW_NAME = "苏州精测传感（集团）科技有限公司"


def replace(monkeypatch, name, answer):
    monkeypatch.setattr(ExportPaths, name, classmethod(lambda cls, *args, **kwargs: answer))


def trigger(window, name):
    from PySide6.QtGui import QAction

    window.findChild(QAction, name).trigger()


@pytest.fixture
def exported(qtbot, monkeypatch, window, workspace, firm, tmp_path, errors):
    """The firm's evidence package written through File → Export evidence package, with the
    firm open in the editor; then its name edited here by a person (a conflict to come)."""
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "12000"})
    target = tmp_path / "firm.srdipkg"
    replace(monkeypatch, "save_package", str(target))
    window.open_firm(firm.id)
    trigger(window, "actionExportPackage")
    qtbot.waitUntil(lambda: target.exists(), timeout=30000)
    qtbot.waitUntil(lambda: "firm.srdipkg" in window.statusBar().currentMessage(), timeout=30000)
    assert errors == []
    workspace.firms.update(dataclasses.replace(workspace.firms.get(firm.id), name=NEW_NAME))
    return target


def test_the_preview_shows_the_conflict_and_its_choices(qtbot, workspace, firm, exported):
    preview = workspace.packages.preview(exported)
    dialog = PackagePreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert [r.state for r in preview.records if r.part == "firm"] == [RecordState.CONFLICTING]
    [key] = dialog.choices
    combo = dialog.findChild(QComboBox, f"packageChoice:{key}")
    assert combo.currentText() == "Keep mine"   # the default keeps what was edited here
    assert dialog.resolutions() == {key: Resolution.KEEP}
    dialog.take_all.click()
    assert dialog.resolutions() == {key: Resolution.TAKE}
    dialog.keep_all.click()
    assert dialog.resolutions() == {key: Resolution.KEEP}
    assert "Conflicting (1)" in dialog.tree.topLevelItem(0).text(0)
    assert dialog.apply_button.isEnabled()
    assert firm.name in dialog.summary.text()


def test_import_with_take_theirs_puts_the_package_value_back(qtbot, monkeypatch, window,
                                                             workspace, firm, exported, errors):
    def choose_theirs(cls, parent, preview):
        dialog = PackagePreviewDialog(preview, parent)
        qtbot.addWidget(dialog)
        [combo] = dialog.choices.values()
        combo.setCurrentIndex(TAKE)
        return dialog.resolutions()

    monkeypatch.setattr(PackagePreviewDialog, "ask", classmethod(choose_theirs))
    replace(monkeypatch, "open_package", str(exported))
    backups_before = len(workspace.backups.list())
    trigger(window, "actionImportPackage")
    qtbot.waitUntil(lambda: "Package applied" in window.statusBar().currentMessage(),
                    timeout=30000)
    assert errors == []
    assert workspace.firms.get(firm.id).name == firm.name
    assert len(workspace.backups.list()) == backups_before + 1   # backed up before


def test_a_package_that_matches_changes_nothing(qtbot, workspace, firm, exported):
    workspace.firms.update(dataclasses.replace(workspace.firms.get(firm.id), name=firm.name))
    preview = workspace.packages.preview(exported)
    dialog = PackagePreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert not preview.has_changes
    assert not dialog.apply_button.isEnabled()
    assert "Nothing to apply" in dialog.summary.text()
    assert not dialog.keep_all.isVisible()


def test_a_broken_package_is_refused_with_a_message(qtbot, monkeypatch, window, workspace, firm,
                                                    tmp_path, errors):
    broken = tmp_path / "broken.srdipkg"
    broken.write_bytes(b"this is not a zip file")
    before = snapshot(workspace)
    monkeypatch.setattr(PackagePreviewDialog, "ask", classmethod(
        lambda cls, parent, preview: pytest.fail("a broken package has no preview")))
    replace(monkeypatch, "open_package", str(broken))
    trigger(window, "actionImportPackage")
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    assert "broken.srdipkg" in errors[0]
    assert snapshot(workspace) == before


def test_export_needs_a_firm(qtbot, monkeypatch, window, errors):
    monkeypatch.setattr(ExportPaths, "save_package", classmethod(
        lambda cls, *args: pytest.fail("no file dialog without a firm")))
    window.export_package(PackageKind.REVIEW)
    assert "select a firm" in window.statusBar().currentMessage()


def test_the_history_says_which_values_came_from_a_package(qtbot, monkeypatch, window,
                                                           workspace, firm, exported):
    from desktop.gui.models.history_table import COLUMNS, HistoryTableModel

    workspace.packages.apply(exported, default=Resolution.TAKE)
    model = HistoryTableModel()
    model.set_entries(workspace.history.for_firm(firm.id), {})
    who = [model.index(row, COLUMNS.index("who")).data() for row in range(model.rowCount())]
    assert who[0].endswith("(from a package)")          # the newest: the package's name
    assert not who[-1].endswith(")")                     # the firm's creation: a person
