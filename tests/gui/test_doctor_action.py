"""Tools → Check database: the report in a dialog; Repair moves orphans to the trash."""
from PySide6.QtGui import QAction

from desktop.gui.dialogs.doctor_dialog import DoctorDialog


def replace_dialog(monkeypatch, answer):
    shown = []

    def ask(cls, parent, healthy, ok, problems, repairable):
        shown.append((healthy, ok, problems, repairable))
        return answer and repairable

    monkeypatch.setattr(DoctorDialog, "ask", classmethod(ask))
    return shown


def test_a_healthy_database_is_reported_ok(qtbot, monkeypatch, window, errors):
    shown = replace_dialog(monkeypatch, True)
    action = window.findChild(QAction, "actionCheckDatabase")
    assert action is not None and action.text() == "Check &database…"
    action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30000)
    healthy, ok, problems, repairable = shown[0]
    assert healthy and problems == [] and not repairable
    assert any("no damage found" in line for line in ok)
    assert errors == []


def test_repair_moves_the_orphan_to_the_trash(qtbot, monkeypatch, window, workspace, errors):
    folder = workspace.paths.attachments / "ab"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ab-orphan.pdf").write_bytes(b"orphan")
    shown = replace_dialog(monkeypatch, True)
    window.findChild(QAction, "actionCheckDatabase").trigger()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30000)   # the report, then the re-check
    healthy, _, problems, repairable = shown[0]
    assert not healthy and repairable
    assert problems == [("orphaned file ab/ab-orphan.pdf: stored but used by no evidence "
                         "(repair moves it to the trash)")]
    assert shown[1][0] is True
    assert (workspace.paths.attachments / ".trash" / "ab" / "ab-orphan.pdf").exists()
    assert "trash" in window.statusBar().currentMessage()
    assert errors == []
