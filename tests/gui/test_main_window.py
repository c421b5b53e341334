"""The main window: navigation, menus and shortcuts, status bar, remembered layout."""
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QListWidget, QSplitter, QStackedWidget

from desktop.gui.main_window import MainWindow


def test_the_sidebar_switches_pages(qtbot, window):
    navigation = window.findChild(QListWidget, "navigation")
    pages = window.findChild(QStackedWidget, "pages")
    assert [navigation.item(i).text() for i in range(navigation.count())] == [
        "Firms", "Applications", "Batches", "Evidence due", "Dashboard"]
    navigation.setCurrentRow(4)
    assert pages.currentWidget() is window.dashboard
    navigation.setCurrentRow(0)
    assert pages.currentWidget() is window.firm_list


def test_menus_carry_the_usual_shortcuts(window):
    shortcuts = {action.objectName(): action.shortcut().toString()
                 for action in window.findChildren(type(window.menuBar().actions()[0]))}
    assert shortcuts["actionNewFirm"] == "Ctrl+N"
    assert shortcuts["actionSave"] == "Ctrl+S"
    assert shortcuts["actionFind"] == "Ctrl+F"
    assert shortcuts["actionUndo"] == "Ctrl+Z"
    assert shortcuts["actionRedo"] == "Ctrl+Shift+Z"
    assert shortcuts["actionRefresh"] == "F5"
    assert shortcuts["actionQuit"] == "Ctrl+Q"


def test_ctrl_5_shows_the_dashboard(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.dashboard


def test_the_status_bar_counts_firms_and_follows_changes(window, workspace, firm):
    window.ctx.bus.changed.emit("firm", firm.id)
    assert window.status.text().startswith("1 firms")


def test_the_window_layout_is_remembered(qtbot, ctx, errors):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)   # within the offscreen screen, so nothing is clamped
    first.splitter.setSizes([150, 540])
    sizes = first.splitter.sizes()
    first.new_firm()
    evidence = first.firm_editor.findChild(QSplitter, "evidenceSplitter")
    evidence.setSizes([300, 100])
    evidence_sizes = evidence.sizes()
    first.show_page(0)
    first.close()
    assert isinstance(ctx.settings.value("window/geometry"), QByteArray)
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.sizes() == sizes
    # a page built later gets its remembered splitters when it is built
    assert second.firm_editor.findChild(QSplitter, "evidenceSplitter").sizes() == evidence_sizes


def test_about_names_the_version_and_the_data_location(window, workspace):
    from desktop import __version__
    from desktop.gui.dialogs.about import AboutDialog

    text = AboutDialog.text(workspace.paths)
    assert __version__ in text and str(workspace.paths.database) in text


def test_loading_the_demo_from_the_menu_fills_the_list_and_says_so(qtbot, window, ctx):
    assert window.firm_list.model.rowCount() == 0
    window.load_demo()
    qtbot.waitUntil(lambda: window.firm_list.model.rowCount() == 34, timeout=60000)
    assert window.statusBar().currentMessage()
    assert ctx.workspace.firms.count() == 34
