"""GUI fixtures: a window over a real workspace in a temporary folder, English by default,
settings in a temporary file, and dialogs replaced through their `ask` classmethods."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from desktop.gui import i18n
from desktop.gui.context import DataBus, GuiContext


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(params=["en"])
def lang(request, qapp):
    i18n.install(QApplication.instance(), request.param)
    yield request.param
    i18n.install(QApplication.instance(), "en")


@pytest.fixture
def ctx(workspace, settings, lang):
    return GuiContext(workspace=workspace, undo_stack=QUndoStack(), settings=settings, bus=DataBus())


@pytest.fixture
def errors(monkeypatch):
    """Errors the user would have been shown, instead of modal dialogs."""
    from desktop.gui import errors as error_module

    shown: list[str] = []
    monkeypatch.setattr(error_module.ErrorDialog, "ask",
                        classmethod(lambda cls, parent, title, text: shown.append(text)))
    return shown


@pytest.fixture
def window(qtbot, ctx, errors):
    from desktop.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    # painted, as a user sees it: the shortcuts are set then (MainWindow._apply_shortcuts)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    return window


@pytest.fixture
def demo(workspace):
    from desktop.services.demo import load_demo

    load_demo(workspace)
    return workspace
