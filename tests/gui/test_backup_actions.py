"""File menu: Back up now, and Restore from a backup (file and confirmation dialogs replaced)."""
import pytest
from PySide6.QtGui import QAction

from desktop.gui.dialogs.confirm import ConfirmDialog
from desktop.gui.data_actions import BackupFileDialog
from desktop.services.backups import parse_name


def answer(monkeypatch, cls, name, value, asked=None):
    def fake(klass, *args, **kwargs):
        if asked is not None:
            asked.append(args)
        return value
    monkeypatch.setattr(cls, name, classmethod(fake))


def test_back_up_now_writes_a_backup(qtbot, window, workspace, firm, errors):
    action = window.findChild(QAction, "actionBackup")
    assert action is not None and action.text() == "&Back up now"
    action.trigger()
    qtbot.waitUntil(lambda: len(workspace.backups.list()) == 1, timeout=20000)
    qtbot.waitUntil(lambda: "Backup written" in window.statusBar().currentMessage(),
                    timeout=20000)
    assert errors == []


@pytest.mark.parametrize("confirmed", [True, False])
def test_restore_replaces_the_data_after_confirmation(qtbot, monkeypatch, window, workspace,
                                                      firm, errors, tmp_path, confirmed):
    saved = workspace.backups.backup(tmp_path / "saved.zip")
    workspace.firms.delete(firm.id)
    asked = []
    answer(monkeypatch, BackupFileDialog, "choose", str(saved))
    answer(monkeypatch, ConfirmDialog, "ask", confirmed, asked)
    action = window.findChild(QAction, "actionRestore")
    assert action is not None
    if confirmed:
        with qtbot.waitSignal(window.ctx.bus.changed, timeout=20000) as signal:
            action.trigger()
        assert signal.args == ["firm", 0]
        assert workspace.firms.count() == 1 and errors == []
        assert [parse_name(e.path.name)[1] for e in workspace.backups.list()] == [
            "before-restore"]
        assert "1 firms" in window.status.text()
    else:
        action.trigger()
        assert workspace.firms.count() == 0 and workspace.backups.list() == []
    assert asked and "saved.zip" in asked[0][1]


def test_a_damaged_backup_is_reported(qtbot, monkeypatch, window, workspace, firm, errors,
                                      tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"nothing")
    answer(monkeypatch, BackupFileDialog, "choose", str(bad))
    answer(monkeypatch, ConfirmDialog, "ask", True)
    window.findChild(QAction, "actionRestore").trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "not an SRDI Desk backup" in errors[0]
    assert workspace.firms.count() == 1
