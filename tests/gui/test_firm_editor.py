"""The firm editor's profile: typing a firm in, being told what is wrong where it is wrong,
the code pickers, undo, and never losing unsaved edits without asking."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTabWidget

from desktop.gui.dialogs import unsaved
from desktop.gui.widgets.firm_editor import FirmEditorPage
from tests.conftest import make_uscc, snapshot


@pytest.fixture
def page(qtbot, ctx, errors):
    page = FirmEditorPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    return page


def type_chinese(widget, text: str) -> None:
    """What an input method does: commit the composed text to the focused widget."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def line(page, name: str) -> QLineEdit:
    return page.findChild(QLineEdit, f"field_{name}")


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data} is not offered by {combo.objectName()}"
    combo.setCurrentIndex(index)


def fill_new_firm(qtbot, page, uscc: str) -> None:
    qtbot.keyClicks(line(page, "uscc"), uscc)
    type_chinese(line(page, "name"), "苏州精测传感科技有限公司")
    qtbot.keyClicks(line(page, "registered_capital"), "1,000.5")
    qtbot.keyClicks(page.profile.fields["registration_date"].widget.edit, "2015-03-02")
    qtbot.keyClicks(line(page, "contact_email"), "info@example.com")


def test_the_editor_has_a_header_and_five_tabs(page):
    tabs = page.findChild(QTabWidget, "firmTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Profile", "Figures", "Evidence", "Eligibility", "History"]
    page.open_firm(0)
    assert page.title.text() == "New firm"
    assert not tabs.isTabEnabled(1)   # figures need a saved firm


def test_a_firm_typed_into_the_form_is_saved(qtbot, page, workspace):
    page.open_firm(0)
    fill_new_firm(qtbot, page, make_uscc())
    assert page.title.text().endswith("*")
    with qtbot.waitSignal(page.firm_saved) as saved:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    firm = workspace.firms.get(saved.args[0])
    assert firm.name == "苏州精测传感科技有限公司"
    assert str(firm.registered_capital) == "1000.5"
    assert firm.registration_date.isoformat() == "2015-03-02"
    assert page.title.text() == "苏州精测传感科技有限公司"
    assert page.findChild(QTabWidget, "firmTabs").isTabEnabled(1)


def test_a_wrong_check_character_is_marked_on_the_field_and_nothing_is_saved(
        qtbot, page, workspace):
    good = make_uscc()
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    page.open_firm(0)
    fill_new_firm(qtbot, page, wrong)
    qtbot.keyClicks(line(page, "registered_capital"), "abc")
    before = snapshot(workspace)
    assert page.save() is False
    assert snapshot(workspace) == before
    field = line(page, "uscc")
    assert field.property("invalid") is True
    marked = page.profile.marked()
    assert marked["uscc"] == (f"Unified social credit code: check character is wrong: "
                              f"expected {good[-1]}")
    assert field.toolTip() == marked["uscc"]
    assert "'1,000.5abc' is not a number" in marked["registered_capital"]
    assert page.profile.fields["uscc"].error.isVisible()
    assert QApplication.focusWidget() is field          # the first invalid field
    assert line(page, "name").text() == "苏州精测传感科技有限公司"   # what was typed stays

    field.clear()
    qtbot.keyClicks(field, good)
    assert field.property("invalid") is False and "uscc" not in page.profile.marked()
    capital = line(page, "registered_capital")
    capital.selectAll()
    qtbot.keyClicks(capital, "2000")
    assert page.save() is True
    assert workspace.firms.get_by_uscc(good).registered_capital == 2000


def test_the_region_picker_yields_the_county_code(qtbot, page, workspace):
    page.open_firm(0)
    choose(page.findChild(QComboBox, "regionProvince"), "320000")
    city = page.findChild(QComboBox, "regionCity")
    county = page.findChild(QComboBox, "regionCounty")
    assert page.profile.raw()["region_code"] == "320000"
    choose(city, "320500")
    assert page.profile.raw()["region_code"] == "320500"
    choose(county, "320583")
    assert county.currentText() == "昆山市"
    assert page.profile.raw()["region_code"] == "320583"
    # a municipality lists its districts at once
    choose(page.findChild(QComboBox, "regionProvince"), "110000")
    choose(city, "110105")
    assert not county.isEnabled()
    assert page.profile.raw()["region_code"] == "110105"


def test_the_industry_picker_yields_a_class_code(qtbot, page):
    page.open_firm(0)
    for name, code in (("industrySection", "C"), ("industryDivision", "C39"),
                       ("industryGroup", "C398"), ("industryClass", "C3985")):
        choose(page.findChild(QComboBox, name), code)
    assert page.profile.raw()["industry_code"] == "C3985"
    # or found by typing part of the code in the search line
    search = page.findChild(QLineEdit, "industrySearch")
    qtbot.keyClicks(search, "C4021")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert page.profile.raw()["industry_code"] == "C4021"
    assert page.findChild(QComboBox, "industryGroup").currentData() == "C402"


def test_an_existing_firm_prefills_both_pickers(page, firm):
    page.open_firm(firm.id)
    assert page.findChild(QComboBox, "regionCounty").currentData() == "320583"
    assert page.findChild(QComboBox, "regionCity").currentData() == "320500"
    assert page.findChild(QComboBox, "industryClass").currentData() == "C4021"
    assert page.profile.raw()["region_code"] == "320583"
    assert page.profile.raw()["industry_code"] == "C4021"
    assert page.profile.raw()["sector_class"] == "industrial"   # derived by the service
    assert not page.profile.is_dirty()


def test_editing_a_saved_firm_can_be_undone(qtbot, page, ctx, workspace, firm):
    page.open_firm(firm.id)
    name = line(page, "name")
    name.clear()
    type_chinese(name, "苏州新名称有限公司")
    choose(page.findChild(QComboBox, "field_own_brand"), "yes")
    assert page.save()
    assert workspace.firms.get(firm.id).name == "苏州新名称有限公司"
    assert workspace.firms.get(firm.id).own_brand is True
    assert page.title.text() == "苏州新名称有限公司"
    ctx.undo_stack.undo()
    assert workspace.firms.get(firm.id).name == firm.name
    assert workspace.firms.get(firm.id).own_brand is None
    assert name.text() == firm.name and page.title.text() == firm.name
    ctx.undo_stack.redo()
    assert name.text() == "苏州新名称有限公司"


def test_undoing_a_new_firm_removes_it_and_redo_brings_it_back(qtbot, page, ctx, workspace):
    page.open_firm(0)
    fill_new_firm(qtbot, page, make_uscc())
    assert page.save()
    firm_id = page.firm_id
    ctx.undo_stack.undo()
    assert workspace.firms.count() == 0
    assert page.profile.is_dirty()     # the form still shows it, now unsaved
    ctx.undo_stack.redo()
    assert workspace.firms.get(firm_id).name == "苏州精测传感科技有限公司"


def test_leaving_with_unsaved_changes_asks(qtbot, page, firm, workspace, monkeypatch):
    asked = []
    answer = [unsaved.CANCEL]
    monkeypatch.setattr(unsaved.UnsavedChangesDialog, "ask",
                        classmethod(lambda cls, parent, name: asked.append(name) or answer[0]))
    page.open_firm(firm.id)
    assert page.may_close() and asked == []      # nothing changed: nothing to ask
    qtbot.keyClicks(line(page, "name_en"), "Jingce Sensors")
    with qtbot.assertNotEmitted(page.closed):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert asked == [firm.name]
    assert line(page, "name_en").text() == "Jingce Sensors"
    answer[0] = unsaved.SAVE
    with qtbot.waitSignal(page.closed):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert workspace.firms.get(firm.id).name_en == "Jingce Sensors"
    qtbot.keyClicks(line(page, "name_en"), " Ltd")
    answer[0] = unsaved.DISCARD
    assert page.may_close()
    assert line(page, "name_en").text() == "Jingce Sensors"
    assert workspace.firms.get(firm.id).name_en == "Jingce Sensors"


def test_ctrl_s_in_the_window_saves_the_open_firm(qtbot, window, workspace, firm):
    window.open_firm(firm.id)
    editor = window.firm_editor
    qtbot.keyClicks(line(editor, "niche_market"), "MEMS pressure sensors")
    qtbot.keyClick(line(editor, "niche_market"), Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert workspace.firms.get(firm.id).niche_market == "MEMS pressure sensors"
    assert not editor.profile.is_dirty()


def test_a_listed_firm_without_stock_code_is_marked(qtbot, page, firm, workspace):
    page.open_firm(firm.id)
    choose(page.findChild(QComboBox, "field_listing_status"), "listed")
    assert not page.save()
    assert page.profile.marked() == {"stock_code": "Stock code: is required for a listed firm"}
    qtbot.keyClicks(line(page, "stock_code"), "688001")
    assert page.save()
    assert workspace.firms.get(firm.id).stock_code == "688001"


def test_dates_may_stay_unknown_or_come_from_the_calendar(qtbot, page, firm, workspace):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QToolButton

    page.open_firm(firm.id)
    niche = page.profile.fields["niche_entry_date"].widget
    niche.edit.clear()
    assert page.save()
    assert workspace.firms.get(firm.id).niche_entry_date is None     # empty means unknown
    qtbot.mouseClick(niche.findChild(QToolButton, "calendarButton"), Qt.MouseButton.LeftButton)
    niche.calendar.clicked.emit(QDate(2017, 5, 4))
    assert niche.text() == "2017-05-04"
    registration = page.profile.fields["registration_date"].widget
    registration.edit.clear()
    qtbot.keyClicks(registration.edit, "2015-13-01")
    assert not page.save()
    assert page.profile.marked() == {
        "registration_date": "Registration date: '2015-13-01' is not a date (use YYYY-MM-DD)"}
    assert workspace.firms.get(firm.id).niche_entry_date is None


@pytest.mark.parametrize("lang", ["zh_CN"], indirect=True)
def test_marks_are_worded_in_the_chosen_language(qtbot, page, lang):
    good = make_uscc()
    page.open_firm(0)
    qtbot.keyClicks(line(page, "uscc"), good[:-1] + ("0" if good[-1] != "0" else "1"))
    assert not page.save()
    assert page.profile.marked() == {
        "uscc": f"统一社会信用代码：校验码错误：应为 {good[-1]}",
        "name": "企业名称：为必填项"}
