"""The plain main window lists firms through the services and filters as the user types."""
import pytest
from pytestqt.qt_compat import qt_api

from desktop.gui.main_window import FirmTableModel, MainWindow
from tests.conftest import make_uscc


@pytest.fixture
def window(qtbot, workspace, firm):
    workspace.firms.create_from({"uscc": make_uscc("440305", "MA5ABCDEF"), "name": "深圳南山软件有限公司"})
    window = MainWindow(workspace, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_firm_table_shows_every_firm(window):
    table = window.findChild(qt_api.QtWidgets.QTableView, "firmTable")
    assert table.model().rowCount() == 2
    names = {table.model().index(row, 0).data() for row in range(2)}
    assert names == {"苏州精测传感科技有限公司", "深圳南山软件有限公司"}
    assert table.model().headerData(0, qt_api.QtCore.Qt.Orientation.Horizontal) == "企业名称"


def commit_text(widget, text):
    """Chinese arrives through the input method as a committed string (QTest.keyClicks can
    only synthesise Latin-1 key presses)."""
    event = qt_api.QtGui.QInputMethodEvent()
    event.setCommitString(text)
    qt_api.QtWidgets.QApplication.sendEvent(widget, event)


def test_typing_in_the_search_field_filters_the_list(qtbot, window):
    search = window.findChild(qt_api.QtWidgets.QLineEdit, "firmSearch")
    table = window.findChild(qt_api.QtWidgets.QTableView, "firmTable")
    qtbot.keyClicks(search, "440305")
    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "深圳南山软件有限公司"
    search.clear()
    assert table.model().rowCount() == 2
    commit_text(search, "精测")
    assert search.text() == "精测"
    assert [table.model().index(0, 0).data()] == ["苏州精测传感科技有限公司"]
    assert table.model().rowCount() == 1


def test_the_model_passes_the_model_tester(qtmodeltester, workspace, firm):
    model = FirmTableModel("en")
    model.set_rows(workspace.firms.list())
    qtmodeltester.check(model)
