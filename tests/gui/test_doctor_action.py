"""Tools → Check database: the report in a dialog; Repair moves orphans to the trash and
restores a lost file from a backup (the real dialog, driven by its buttons)."""
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QListWidget, QPushButton

from desktop.gui.dialogs.doctor_dialog import DoctorDialog
from tests.services.test_evidence import PATENT


def replace_dialog(monkeypatch, answer):
    shown = []

    def ask(cls, parent, healthy, ok, problems, repairable, done=()):
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


class DialogDriver:
    """Acts on each doctor dialog as it comes up. The dialog runs modally inside the task's
    done-callback, so it is handled from a timer in its own event loop; each handler records
    what the dialog shows and clicks a button like a user."""

    def __init__(self, *handlers) -> None:
        self.handlers = list(handlers)
        self.seen: list[dict] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DoctorDialog) or dialog.property("handled"):
            return
        dialog.setProperty("handled", True)
        report = dialog.findChild(QListWidget, "doctorReport")
        self.seen.append({
            "heading": dialog.findChild(QLabel, "doctorHeading").text(),
            "lines": [report.item(row).text() for row in range(report.count())],
            "repair": (dialog.findChild(QPushButton, "repairButton") or QLabel()).text(),
            "done_label": dialog.findChild(QLabel, "doctorDone") is not None})
        handler = self.handlers.pop(0) if self.handlers else close
        handler(dialog)
        if not self.handlers:
            self.timer.stop()


def click_repair(dialog) -> None:
    QTest.mouseClick(dialog.findChild(QPushButton, "repairButton"), Qt.MouseButton.LeftButton)


def close(dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox, "doctorButtons")
    QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Close),
                     Qt.MouseButton.LeftButton)


def marked(seen: dict, mark: str) -> list[str]:
    return [line for line in seen["lines"] if line.startswith(mark)]


def test_repair_restores_a_deleted_file_from_a_backup(qtbot, window, workspace, firm, tmp_path,
                                                      errors):
    certificate = tmp_path / "专利证书.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (certificate,))
    attachment = item.attachments[0]
    backup = workspace.backups.backup()
    stored = workspace.evidence.file_path(attachment)
    stored.unlink()

    driver = DialogDriver(click_repair, close)
    window.findChild(QAction, "actionCheckDatabase").trigger()
    qtbot.waitUntil(lambda: len(driver.seen) == 2, timeout=30000)
    first, after = driver.seen
    assert first["heading"] == "Problems were found:"
    problem = marked(first, "✗")
    assert len(problem) == 1 and "专利证书.pdf" in problem[0] and backup.name in problem[0]
    assert first["repair"] == "Repair"
    # The check again, saying what the repair did
    assert after["heading"] == "Everything is in order." and after["done_label"]
    done = marked(after, "→")
    assert len(done) == 1 and "restored the missing file" in done[0]
    assert after["repair"] == ""      # nothing left to repair
    assert stored.read_bytes() == b"%PDF-1.4 certificate"
    assert "restored" in window.statusBar().currentMessage()
    assert errors == []


def test_a_lost_file_no_backup_holds_offers_no_repair(qtbot, window, workspace, firm, tmp_path,
                                                      errors):
    certificate = tmp_path / "证书.pdf"
    certificate.write_bytes(b"%PDF-1.4 only here")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (certificate,))
    workspace.evidence.file_path(item.attachments[0]).unlink()
    driver = DialogDriver(close)
    window.findChild(QAction, "actionCheckDatabase").trigger()
    qtbot.waitUntil(lambda: len(driver.seen) == 1, timeout=30000)
    seen = driver.seen[0]
    assert seen["repair"] == ""       # no safe repair to offer
    problem = marked(seen, "✗")
    assert len(problem) == 1 and "no backup holds a good copy" in problem[0]
    assert "证书.pdf" in problem[0] and firm.name in problem[0]
    assert QApplication.activeModalWidget() is None
    assert errors == []
