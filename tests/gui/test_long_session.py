"""A long session must not crash: PySide6 6.12 on Python 3.11 drops a reference to None on
every Qt call that returns nothing (see desktop/gui/__init__.py). Run in a child process,
since the failure is an abort of the whole interpreter."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SESSION = """
import desktop.gui
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

app = QApplication([])
label, button = QLabel(), QPushButton()
for number in range(50_000):   # ten times the references None starts with on Python 3.11
    label.setText(str(number))
    button.setEnabled(number % 2 == 0)
print(label.text())
"""


def test_fifty_thousand_qt_calls_and_a_normal_exit():
    done = subprocess.run([sys.executable, "-c", SESSION], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "49999"
