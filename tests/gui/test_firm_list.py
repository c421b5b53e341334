"""The firm list page: instant search, filters, server-side sort, open, archive, delete with
undo, the remembered header, and a model that stays lazy with many firms."""
from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPushButton

from desktop.domain.records import FirmQuery
from desktop.domain.verdicts import FirmVerdict, TierOutcome
from desktop.gui.dialogs.confirm import ConfirmDialog
from desktop.gui.models import firm_table
from desktop.gui.models.firm_table import (
    NAME, OPEN, PAGE_SIZE, REVENUE, VERDICT, FirmTableModel,
)
from desktop.gui.widgets import firm_list_header
from desktop.gui.widgets.firm_list import FirmListPage
from tests.conftest import make_uscc


def add_firm(workspace, name, region="320583", industry="C3985", index=0):
    return workspace.firms.create_from({
        "uscc": make_uscc(region, f"MA{index:07d}"), "name": name, "region_code": region,
        "industry_code": industry})


@pytest.fixture
def three(workspace):
    return [add_firm(workspace, "北京星辰科技有限公司", "110105", "I6513", 1),
            add_firm(workspace, "苏州精测传感科技有限公司", "320583", "C3985", 2),
            add_firm(workspace, "深圳微纳半导体装备有限公司", "440305", "C3562", 3)]


@pytest.fixture
def page(qtbot, ctx, errors):
    widget = FirmListPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    return widget


def shown_names(page) -> list[str]:
    model = page.model
    return [model.data(model.index(row, NAME)) for row in range(model.rowCount())]


def cell_center(page, row: int, column: int = NAME) -> QPoint:
    return page.table.visualRect(page.model.index(row, column)).center()


def row_of(page, name: str) -> int:
    return shown_names(page).index(name)


def click_header(qtbot, page, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def commit_text(widget: QLineEdit, text: str) -> None:
    """Chinese arrives from an input method as a commit string (QTest cannot type it)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# -- search -------------------------------------------------------------------------------
def test_typing_pinyin_initials_finds_the_firm(qtbot, page, three):
    page.refresh()
    search = page.findChild(QLineEdit, "firmSearch")
    assert search.placeholderText() == "Name, USCC or pinyin initials"
    assert page.model.rowCount() == 3
    with qtbot.waitSignal(page.model.modelReset):
        qtbot.keyClicks(search, "bjxc")
    assert shown_names(page) == ["北京星辰科技有限公司"]
    assert page.count_label.text() == "1 firms"


def test_typing_chinese_through_the_input_method_finds_the_firm(qtbot, page, three):
    page.refresh()
    search = page.findChild(QLineEdit, "firmSearch")
    with qtbot.waitSignal(page.model.modelReset):
        commit_text(search, "微纳")
    assert search.text() == "微纳"
    assert shown_names(page) == ["深圳微纳半导体装备有限公司"]


def test_enter_in_the_search_field_searches_at_once_and_selects_the_first_firm(qtbot, page, three):
    page.refresh()
    search = page.findChild(QLineEdit, "firmSearch")
    qtbot.keyClicks(search, three[1].uscc[-6:])
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert shown_names(page) == [three[1].name]
    assert page.current_firm_id() == three[1].id


# -- filters ------------------------------------------------------------------------------
def test_a_search_is_read_at_once_and_painted_once(qtbot, page, thousand):
    """The count and the first page come together (the text looked up in the index once), and
    the table is laid out before it paints: one paint per search, not a second one when the
    view's delayed layout catches up."""
    page.refresh()
    paints = []

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                paints.append(event)
            return False

    watcher = Paints()
    page.table.viewport().installEventFilter(watcher)
    QApplication.processEvents()
    paints.clear()
    page.search.setText("测试企业01")
    page.apply_query()
    assert page.model.rowCount() == 100
    assert page.model.loaded_rows() == 100            # read with the count, before any paint
    page.table.viewport().repaint()
    QApplication.processEvents()
    assert len(paints) == 1
    page.table.viewport().removeEventFilter(watcher)


def test_province_and_industry_filters(qtbot, page, three):
    page.refresh()
    region = page.findChild(QComboBox, "regionFilter")
    industry = page.findChild(QComboBox, "industryFilter")
    assert region.itemText(0) == "All provinces" and industry.itemText(0) == "All industries"
    qtbot.waitUntil(lambda: region.count() == 35 and industry.count() == 21)  # after the paint
    region.setCurrentIndex(region.findData("11"))
    assert region.currentText() == "北京市"
    assert shown_names(page) == ["北京星辰科技有限公司"]
    region.setCurrentIndex(0)
    industry.setCurrentIndex(industry.findData("C"))
    assert industry.currentText().startswith("C 制造业")
    assert sorted(shown_names(page)) == sorted([three[1].name, three[2].name])
    region.setCurrentIndex(region.findData("44"))
    assert shown_names(page) == [three[2].name]
    assert page.count_label.text() == "1 firms"


def test_a_filter_lists_its_choices_when_opened_before_the_first_paint(qtbot, ctx, errors):
    page = FirmListPage(ctx)   # never shown: its filters hold 'all' only
    qtbot.addWidget(page)
    region = page.findChild(QComboBox, "regionFilter")
    assert region.count() == 1 and region.currentText() == "All provinces"
    region.showPopup()
    assert region.count() == 35 and region.currentIndex() == 0
    region.hidePopup()
    industry = page.findChild(QComboBox, "industryFilter")
    industry.setFocus()
    qtbot.keyClick(industry, Qt.Key.Key_Down)          # the next choice, as before
    assert industry.currentData() == "A"
    assert page.model.spec.industry_prefix == "A"


def test_archived_firms_show_only_when_asked(qtbot, page, workspace, three):
    workspace.firms.set_archived(three[0].id)
    page.refresh()
    assert three[0].name not in shown_names(page)
    page.findChild(QCheckBox, "archivedFilter").click()
    assert three[0].name in shown_names(page)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=cell_center(page, row_of(page, three[0].name)))
    assert page.findChild(QPushButton, "archiveButton").text() == "Restore"


# -- the verdict filter -------------------------------------------------------------------
def expected_names(workspace, fits, **query) -> list[str]:
    """The firms whose verdict (from the service) fits, among those `query` selects."""
    found = []
    for summary in workspace.firms.query(FirmQuery(**query)):
        tiers = {t.tier: t.outcome.value for t in workspace.qualification.evaluate_firm(
            summary.id).tiers}
        if fits(tiers):
            found.append(summary.name)
    return sorted(found)


def choose_verdict(qtbot, page, text: str) -> None:
    combo = page.findChild(QComboBox, "verdictFilter")
    with qtbot.waitSignal(page.verdict_filter_applied, timeout=60000):
        combo.setCurrentIndex(combo.findText(text))
    assert combo.currentText() == text


VERDICT_CHOICES = {
    "Tier 1 passes": lambda tiers: tiers[1] == "pass",
    "Tier 2 passes": lambda tiers: tiers[2] == "pass",
    "Tier 3 passes": lambda tiers: tiers[3] == "pass",
    "Any tier pending": lambda tiers: "pending" in tiers.values(),
    "Any tier incomplete": lambda tiers: "incomplete" in tiers.values(),
    "Fails every tier": lambda tiers: set(tiers.values()) == {"fail"},
}


def test_the_verdict_filter_shows_the_firms_whose_verdicts_fit(qtbot, page, demo, errors):
    page.refresh()
    combo = page.findChild(QComboBox, "verdictFilter")
    assert [combo.itemText(i) for i in range(combo.count())] == ["All verdicts", *VERDICT_CHOICES]
    for text, fits in VERDICT_CHOICES.items():
        choose_verdict(qtbot, page, text)
        assert sorted(shown_names(page)) == expected_names(demo, fits), text
        assert page.count_label.text() == f"{page.model.rowCount()} firms"
    assert "山东鲁创动力机械有限公司" in shown_names(page)         # fails every tier
    assert expected_names(demo, VERDICT_CHOICES["Any tier pending"])   # not a vacuous check
    combo.setCurrentIndex(0)
    assert page.model.spec.ids is None
    assert page.model.rowCount() == demo.firms.count() == 34
    assert errors == []


def test_other_filters_and_the_order_work_with_the_verdict_filter(qtbot, page, demo):
    page.refresh()
    choose_verdict(qtbot, page, "Any tier pending")
    region = page.findChild(QComboBox, "regionFilter")
    with qtbot.waitSignal(page.verdict_filter_applied, timeout=60000):
        region.setCurrentIndex(region.findData("32"))     # judged again for Jiangsu
    pending = VERDICT_CHOICES["Any tier pending"]
    assert sorted(shown_names(page)) == expected_names(demo, pending, region_prefix="32")
    with qtbot.waitSignal(page.verdict_filter_applied, timeout=60000):
        commit_text(page.findChild(QLineEdit, "firmSearch"), "精")
    assert sorted(shown_names(page)) == expected_names(demo, pending, region_prefix="32",
                                                       text="精")
    assert len(shown_names(page)) >= 2
    click_header(qtbot, page, NAME)                    # descending, still the same firms
    assert shown_names(page) == sorted(shown_names(page), reverse=True)
    assert sorted(shown_names(page)) == expected_names(demo, pending, region_prefix="32",
                                                       text="精")


def counting_verdicts(monkeypatch, workspace, forced=frozenset()) -> list[int]:
    """The ids of the firms judged from now on (the service's verdict cache judges through
    evaluate_many); firms in `forced` fail every tier."""
    calls: list[int] = []
    evaluate = workspace.qualification.evaluate_many

    def counted(firm_ids, *args, **kwargs):
        calls.extend(firm_ids)
        found = evaluate(firm_ids, *args, **kwargs)
        for firm_id in set(forced) & set(found):   # as if its data made every tier fail
            verdict = found[firm_id]
            tiers = tuple(dataclasses.replace(t, outcome=TierOutcome.FAIL) for t in verdict.tiers)
            found[firm_id] = dataclasses.replace(verdict, tiers=tiers)
        return found

    monkeypatch.setattr(workspace.qualification, "evaluate_many", counted)
    return calls


def test_the_verdict_filter_reuses_verdicts_and_follows_data_changes(
        qtbot, ctx, page, demo, monkeypatch):
    forced: set[int] = set()
    calls = counting_verdicts(monkeypatch, demo, forced)
    page.refresh()
    page.table.viewport().repaint()
    qtbot.waitUntil(lambda: len(calls) == len(visible_ids(page)), timeout=10000)
    assert page.model.data(page.model.index(0, VERDICT)) != "…"
    choose_verdict(qtbot, page, "Fails every tier")   # the column's verdicts are reused …
    page.table.viewport().repaint()                     # … and the column reuses the filter's
    assert all(page.model.data(page.model.index(row, VERDICT)) == "No tier"
               for row in range(page.model.rowCount()))
    assert sorted(calls) == sorted(s.id for s in demo.firms.query(FirmQuery()))  # each once
    calls.clear()
    choose_verdict(qtbot, page, "Any tier pending")
    assert calls == []                                  # every verdict came from the cache
    choose_verdict(qtbot, page, "Fails every tier")
    assert "宁波恒岳精密轴承有限公司" not in shown_names(page)
    firm_id = next(s.id for s in demo.firms.query(FirmQuery(text="宁波恒岳")))
    with qtbot.waitSignal(page.verdict_filter_applied, timeout=60000):
        ctx.bus.changed.emit("evidence_item", firm_id)  # a change that changed nothing …
    assert calls == []                                  # … judges nothing again
    forced.add(firm_id)
    item = demo.evidence.items(firm_id)[0]
    demo.evidence.update(dataclasses.replace(item, notes="checked"))
    with qtbot.waitSignal(page.verdict_filter_applied, timeout=60000):
        ctx.bus.changed.emit("evidence_item", firm_id)
    assert "宁波恒岳精密轴承有限公司" in shown_names(page)
    assert set(calls) == {firm_id}                      # only the changed firm judged again


def test_cancelling_the_verdict_filter_shows_every_firm_again(qtbot, page, demo, monkeypatch):
    release = slow_in_workers(monkeypatch, demo)
    page.refresh()
    combo = page.findChild(QComboBox, "verdictFilter")
    with qtbot.waitSignal(page.verdict_filter_applied, timeout=60000):
        combo.setCurrentIndex(combo.findText("Tier 1 passes"))
        dialog = page._verdict_task.dialog
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        release.set()
    assert combo.currentText() == "All verdicts"
    assert page.model.spec.ids is None
    assert page.model.rowCount() == 34


# -- sort ---------------------------------------------------------------------------------
def test_clicking_a_header_sorts_in_the_database(qtbot, page, demo):
    page.refresh()
    click_header(qtbot, page, REVENUE)
    expected = [s.name for s in demo.firms.query(FirmQuery(order_by="last_revenue"))]
    assert shown_names(page) == expected
    click_header(qtbot, page, REVENUE)
    expected = [s.name for s in demo.firms.query(FirmQuery(order_by="last_revenue", descending=True))]
    assert shown_names(page) == expected
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == REVENUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


# -- sort by verdict ----------------------------------------------------------------------
OUTCOME_ORDER = ("pass", "pending", "incomplete")


def verdict_ranking(workspace, **query) -> list[str]:
    """The firms `query` selects, as the verdict order should show them (ascending): by the
    best tier not failed, whose outcome comes first (pass, pending, incomplete; the higher tier
    first), then firms failing every tier, then firms without a verdict; equal ranks by name."""
    ranked = []
    for summary in workspace.firms.query(FirmQuery(**query)):
        try:
            tiers = {t.tier: t.outcome.value for t in workspace.qualification.evaluate_many(
                [summary.id])[summary.id].tiers}
        except Exception:   # noqa: BLE001 (no verdict at all: last)
            tiers = {}
        still_open = [tier for tier, outcome in tiers.items() if outcome != "fail"]
        if still_open:
            best = max(still_open)
            rank = (OUTCOME_ORDER.index(tiers[best]), -best)
        else:
            rank = (3 if tiers else 4, 0)
        ranked.append((rank, summary.name))
    return [name for _rank, name in sorted(ranked)]


def sort_by_verdict(qtbot, page) -> None:
    with qtbot.waitSignal(page.verdict_sort_applied, timeout=60000):
        click_header(qtbot, page, VERDICT)


def test_clicking_the_verdict_header_orders_by_verdict(qtbot, qtmodeltester, page, demo, errors):
    page.refresh()
    header = page.table.horizontalHeader()
    expected = verdict_ranking(demo)
    assert len(expected) == 34
    sort_by_verdict(qtbot, page)
    assert shown_names(page) == expected
    assert header.sortIndicatorSection() == VERDICT
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    page.table.viewport().repaint()
    qtbot.waitUntil(lambda: "…" not in [page.model.data(page.model.index(row, VERDICT))
                                        for row in range(page.model.rowCount())], timeout=10000)
    cells = [page.model.data(page.model.index(row, VERDICT)) for row in range(34)]
    assert cells[0] == "Tier 1: pass" and cells[-1] == "No tier"   # the demo has no tier 2 pass
    assert cells.index("Tier 3: pending") < cells.index("Tier 2: pending") < cells.index(
        "Tier 3: incomplete") < cells.index("Tier 2: incomplete")
    assert sorted(set(cells), key=cells.index) == list(dict.fromkeys(cells))   # in groups
    qtmodeltester.check(page.model)
    sort_by_verdict(qtbot, page)                       # descending: the same list reversed
    assert shown_names(page) == expected[::-1]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    click_header(qtbot, page, NAME)                    # another column: the verdict order ends
    assert shown_names(page) == sorted(expected)
    assert page.model.spec.order_ids is None
    assert errors == []


def test_the_verdict_order_is_found_once_and_kept_in_the_database(qtbot, page, demo, monkeypatch):
    calls = counting_verdicts(monkeypatch, demo)
    page.refresh()
    page.table.viewport().repaint()
    qtbot.waitUntil(lambda: len(calls) == len(visible_ids(page)), timeout=10000)
    sort_by_verdict(qtbot, page)                       # the column's verdicts are reused
    assert sorted(calls) == sorted(s.id for s in demo.firms.query(FirmQuery()))   # each once
    spec = page.model.spec
    assert spec.order_by == "verdict" and len(spec.order_ids) == 34
    calls.clear()
    click_header(qtbot, page, NAME)
    sort_by_verdict(qtbot, page)                       # ranked already: no task, no verdict
    assert calls == []
    assert shown_names(page) == verdict_ranking(demo)


def test_the_verdict_filter_and_the_verdict_order_work_together(qtbot, page, demo, errors):
    page.refresh()
    sort_by_verdict(qtbot, page)
    choose_verdict(qtbot, page, "Tier 1 passes")       # filter, then sort
    assert shown_names(page) == [name for name in verdict_ranking(demo)
                                 if name in expected_names(demo, VERDICT_CHOICES["Tier 1 passes"])]
    region = page.findChild(QComboBox, "regionFilter")
    with qtbot.waitSignal(page.verdict_filter_applied, timeout=60000), \
            qtbot.waitSignal(page.verdict_sort_applied, timeout=60000):
        region.setCurrentIndex(region.findData("32"))  # both found again for Jiangsu
    jiangsu = expected_names(demo, VERDICT_CHOICES["Tier 1 passes"], region_prefix="32")
    assert len(jiangsu) >= 3
    assert shown_names(page) == [name for name in verdict_ranking(demo, region_prefix="32")
                                 if name in jiangsu]
    sort_by_verdict(qtbot, page)
    assert shown_names(page) == [name for name in verdict_ranking(demo, region_prefix="32")
                                 if name in jiangsu][::-1]
    combo = page.findChild(QComboBox, "verdictFilter")
    combo.setCurrentIndex(0)                           # every verdict, still in verdict order
    assert shown_names(page) == verdict_ranking(demo, region_prefix="32")[::-1]
    assert errors == []


def slow_in_workers(monkeypatch, workspace) -> threading.Event:
    """Verdicts judged in a worker thread wait until the returned event is set."""
    release = threading.Event()
    evaluate = workspace.qualification.evaluate_many

    def slow(firm_ids, *args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)    # the worker waits; the column (GUI thread) does not
        return evaluate(firm_ids, *args, **kwargs)

    monkeypatch.setattr(workspace.qualification, "evaluate_many", slow)
    return release


def cancel_the_task(qtbot, page, release: threading.Event) -> None:
    dialog = page._verdict_task.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    release.set()


def test_cancelling_the_verdict_order_keeps_the_order_shown(qtbot, page, demo, monkeypatch):
    page.refresh()
    header = page.table.horizontalHeader()
    click_header(qtbot, page, REVENUE)
    click_header(qtbot, page, REVENUE)
    by_revenue = [s.name for s in demo.firms.query(FirmQuery(order_by="last_revenue",
                                                             descending=True))]
    assert shown_names(page) == by_revenue
    release = slow_in_workers(monkeypatch, demo)
    with qtbot.waitSignal(page.verdict_sort_applied, timeout=60000):
        click_header(qtbot, page, VERDICT)
        assert header.sortIndicatorSection() == REVENUE   # not sorted by verdict yet
        cancel_the_task(qtbot, page, release)
    assert shown_names(page) == by_revenue
    assert header.sortIndicatorSection() == REVENUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    release.set()
    sort_by_verdict(qtbot, page)                       # found this time
    assert shown_names(page) == verdict_ranking(demo)
    release.clear()                                    # everything changed: ranked again …
    demo.qualification.verdict_cache.forget()          # (as if every firm's data had changed)
    with qtbot.waitSignal(page.verdict_sort_applied, timeout=60000):
        page.ctx.bus.changed.emit("firm", 0)
        cancel_the_task(qtbot, page, release)
    # … given up: the order the verdict order had replaced comes back
    assert shown_names(page) == by_revenue
    assert header.sortIndicatorSection() == REVENUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.model.spec.order_ids is None


def test_a_data_change_orders_again_judging_only_the_changed_firm(
        qtbot, ctx, page, demo, monkeypatch):
    forced: set[int] = set()
    calls = counting_verdicts(monkeypatch, demo, forced)
    page.refresh()
    sort_by_verdict(qtbot, page)
    name = "宁波恒岳精密轴承有限公司"
    assert shown_names(page).index(name) < 20          # tier 3 pending: near the top
    firm_id = next(s.id for s in demo.firms.query(FirmQuery(text="宁波恒岳")))
    forced.add(firm_id)
    item = demo.evidence.items(firm_id)[0]
    demo.evidence.update(dataclasses.replace(item, notes="checked"))
    calls.clear()
    with qtbot.waitSignal(page.verdict_sort_applied, timeout=60000):
        ctx.bus.changed.emit("evidence_item", firm_id)
    assert set(calls) == {firm_id}                      # only the changed firm judged again
    assert shown_names(page) == verdict_ranking(demo)   # (forced here too)
    tail = page.model.data(page.model.index(page.model.rowCount() - 1, VERDICT))
    assert name in shown_names(page)[-7:] and tail == "No tier"   # among those failing all


def test_sorting_by_open_applications(qtbot, page, demo, errors):
    page.refresh()
    click_header(qtbot, page, OPEN)
    assert errors == []
    expected = [s.name for s in demo.firms.query(FirmQuery(order_by="open_applications"))]
    assert shown_names(page) == expected


def test_the_header_layout_and_order_are_remembered(qtbot, ctx, errors, page, demo):
    page.refresh()
    page.table.horizontalHeader().resizeSection(NAME, 333)
    click_header(qtbot, page, REVENUE)
    assert isinstance(ctx.settings.value("firmList/header"), QByteArray)
    again = FirmListPage(ctx)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(NAME) == 333
    assert again.model.spec.order_by == "last_revenue"
    assert shown_names(again) == shown_names(page)


def test_a_header_saved_before_the_sort_key_still_gives_its_order(qtbot, ctx, errors, page,
                                                                    demo):
    page.refresh()
    click_header(qtbot, page, REVENUE)
    click_header(qtbot, page, REVENUE)                 # descending
    assert page.model.spec.descending
    ctx.settings.remove("firmList/sort")               # as an older version saved it
    again = FirmListPage(ctx)
    qtbot.addWidget(again)
    assert (again.model.spec.order_by, again.model.spec.descending) == ("last_revenue", True)
    assert shown_names(again) == shown_names(page)


def test_the_header_shows_the_titles_and_the_order_once_painted(qtbot, ctx, errors, demo):
    page = FirmListPage(ctx)
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    titles = header.model()
    assert titles.headerData(NAME, Qt.Orientation.Horizontal) == "Firm name"
    assert titles.headerData(REVENUE, Qt.Orientation.Horizontal,
                             Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    page.show()
    qtbot.waitUntil(header.isSortIndicatorShown)       # set after the first paint
    assert header.sortIndicatorSection() == NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


# -- opening ------------------------------------------------------------------------------
def test_double_click_or_enter_opens_the_firm_and_new_firm_opens_an_empty_one(qtbot, page, three):
    page.refresh()
    row = row_of(page, three[2].name)
    with qtbot.waitSignal(page.firm_activated) as opened:
        # a double click is click, click (QTest's lone double-click event lacks the first)
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell_center(page, row))
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=cell_center(page, row))
    assert opened.args == [three[2].id]
    page.table.setFocus()
    page.table.selectRow(row_of(page, three[0].name))
    with qtbot.waitSignal(page.firm_activated) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [three[0].id]
    with qtbot.waitSignal(page.firm_activated) as opened:
        qtbot.mouseClick(page.findChild(QPushButton, "newFirmButton"), Qt.MouseButton.LeftButton)
    assert opened.args == [0]


# -- archive and delete -------------------------------------------------------------------
def test_archive_hides_the_firm_and_undo_brings_it_back(qtbot, ctx, page, workspace, three):
    page.refresh()
    archive = page.findChild(QPushButton, "archiveButton")
    assert not archive.isEnabled()
    page.table.selectRow(row_of(page, three[1].name))
    assert archive.isEnabled() and archive.text() == "Archive"
    qtbot.mouseClick(archive, Qt.MouseButton.LeftButton)
    assert workspace.firms.get(three[1].id).archived
    assert three[1].name not in shown_names(page)
    assert page.count_label.text() == "2 firms"
    ctx.undo_stack.undo()
    assert not workspace.firms.get(three[1].id).archived
    assert three[1].name in shown_names(page)


def test_delete_asks_first_and_undo_restores_the_firm_with_its_evidence(
        qtbot, ctx, page, demo, monkeypatch):
    page.refresh()
    victim = next(s for s in demo.firms.query(FirmQuery()) if demo.evidence.items(s.id))
    evidence = [(item.id, item.title) for item in demo.evidence.items(victim.id)]
    asked: list[str] = []
    answer = {"yes": False}
    monkeypatch.setattr(ConfirmDialog, "ask",
                        classmethod(lambda cls, parent, text: asked.append(text) or answer["yes"]))
    page.table.selectRow(row_of(page, victim.name))
    delete = page.findChild(QPushButton, "deleteButton")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert victim.name in asked[0]
    assert demo.firms.get(victim.id).name == victim.name     # refused: nothing happened
    answer["yes"] = True
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert victim.name not in shown_names(page)
    assert demo.firms.count(spec=FirmQuery(text=victim.uscc)) == 0
    ctx.undo_stack.undo()
    assert victim.name in shown_names(page)
    assert [(item.id, item.title) for item in demo.evidence.items(victim.id)] == evidence
    ctx.undo_stack.redo()
    assert victim.name not in shown_names(page)


# -- the model ----------------------------------------------------------------------------
def test_the_model_passes_the_model_tester(qtmodeltester, ctx, demo):
    model = FirmTableModel(ctx)
    assert model.rowCount() == demo.firms.count()
    qtmodeltester.check(model)
    some = frozenset(s.id for s in demo.firms.query(FirmQuery(region_prefix="32")))
    model.set_query(FirmQuery(ids=some))
    assert model.rowCount() == len(some) > 0
    qtmodeltester.check(model)


def test_columns_show_region_industry_revenue_and_open_applications(ctx, demo):
    model = FirmTableModel(ctx)
    row = next(r for r in range(model.rowCount())
               if model.summary(r).name == "宁波恒岳精密轴承有限公司")
    texts = [model.data(model.index(row, column)) for column in range(model.columnCount())]
    summary = model.summary(row)
    assert texts[2] == "浙江省宁波市鄞州区"   # 330212: the current name of the code
    assert texts[3].startswith("C3451 ")
    assert texts[4] == f"{summary.last_revenue:,.2f}"
    assert str(summary.last_year) in model.data(model.index(row, REVENUE), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(row, REVENUE), Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    assert texts[6] == str(summary.open_applications)
    assert [firm_list_header.header_text(c) for c in (0, 4, 5, 6)] == [
        "Firm name", "Last-year revenue (10k CNY)", "Best tier", "Open applications"]


@pytest.mark.parametrize("lang", ["zh_CN"], indirect=True)
def test_field_headers_follow_the_language(ctx, lang):
    assert firm_list_header.header_text(NAME) == "企业名称"        # a field label
    assert firm_list_header.header_text(VERDICT) == "最高层级"     # the table's own words


def test_verdicts_are_computed_lazily_cached_and_cleared_on_change(qtbot, ctx, demo, monkeypatch):
    calls = counting_verdicts(monkeypatch, demo)
    model = FirmTableModel(ctx)
    model.rowCount()
    for column in (NAME, REVENUE, OPEN):
        model.data(model.index(0, column))
    assert calls == []                       # counting and other columns compute nothing
    row = next(r for r in range(model.rowCount())
               if model.summary(r).name == "宁波恒岳精密轴承有限公司")
    cell = model.index(row, VERDICT)
    firm_id = model.firm_id(row)
    with qtbot.waitSignal(model.dataChanged):
        assert model.data(cell) == "…"
    assert model.data(cell) == "Tier 3: pending"
    assert "pending" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert calls == [firm_id]
    model.data(cell)
    assert calls == [firm_id]                # cached
    ctx.bus.changed.emit("evidence_item", firm_id)
    with qtbot.waitSignal(model.dataChanged):
        assert model.data(model.index(row, VERDICT)) == "…"
    assert calls == [firm_id]                # its data did not change: the cache's verdict
    item = demo.evidence.items(firm_id)[0]
    demo.evidence.update(dataclasses.replace(item, notes="checked"))
    ctx.bus.changed.emit("evidence_item", firm_id)
    with qtbot.waitSignal(model.dataChanged):
        assert model.data(model.index(row, VERDICT)) == "…"
    assert calls == [firm_id, firm_id]       # changed: judged again


@pytest.fixture
def thousand(workspace):
    with workspace.context.database.transaction():
        for index in range(1000):
            add_firm(workspace, f"测试企业{index:04d}有限公司", index=index)
    return workspace


def test_the_model_loads_only_the_pages_it_shows(qtbot, ctx, page, thousand, monkeypatch):
    calls: list[int] = []
    def judged(firm_ids, *args, **kwargs):
        calls.extend(firm_ids)
        return {i: FirmVerdict(i, "", "", 2026, "2026", "", ()) for i in firm_ids}

    monkeypatch.setattr(thousand.qualification, "evaluate_many", judged)
    page.refresh()
    model = page.model
    page.table.viewport().repaint()
    assert model.rowCount() == 1000          # the count is known; the rows are not read
    assert 0 < model.loaded_rows() <= PAGE_SIZE
    assert calls == []                       # verdicts wait for the timer
    top = visible_ids(page)
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    assert model.data(model.index(999, NAME)) == "测试企业0999有限公司"
    assert model.loaded_rows() == 2 * PAGE_SIZE  # the first and the last page
    bottom = visible_ids(page)
    with qtbot.waitSignal(model.dataChanged):
        pass
    assert 0 < len(top) < 100 and 0 < len(bottom) < 100
    assert sorted(calls) == sorted(top + bottom)   # only rows shown were judged, each once


def test_a_page_scrolled_away_is_dropped_and_read_again_when_scrolled_back(ctx, thousand,
                                                                           monkeypatch):
    monkeypatch.setattr(firm_table, "MAX_PAGES", 2)
    reads: list[int] = []
    query = thousand.firm_list.query   # the list's reads (services/firm_list.py)

    def counted(spec, limit=None, offset=0):
        reads.append(offset)
        return query(spec, limit, offset)

    monkeypatch.setattr(thousand.firm_list, "query", counted)
    model = FirmTableModel(ctx)
    model.set_query(FirmQuery())                    # the first page comes with the count
    first = model.data(model.index(0, NAME))
    for row in (450, 999):                          # two more pages: the first one is dropped
        model.data(model.index(row, NAME))
    assert reads == [2 * PAGE_SIZE, 4 * PAGE_SIZE] and model.loaded_rows() == 2 * PAGE_SIZE
    assert model.data(model.index(0, NAME)) == first == "测试企业0000有限公司"
    assert reads[-1] == 0 and model.loaded_rows() <= 2 * PAGE_SIZE


def visible_ids(page) -> list[int]:
    table = page.table
    first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    last = page.model.rowCount() - 1 if last < 0 else last
    return [page.model.firm_id(row) for row in range(first, last + 1)]


def test_memory_stays_bounded_when_every_row_is_read(ctx, thousand, monkeypatch):
    monkeypatch.setattr(firm_table, "MAX_PAGES", 2)
    model = FirmTableModel(ctx)
    names = [model.summary(row).name for row in range(model.rowCount())]
    assert names == sorted(names) and len(names) == 1000
    assert model.loaded_rows() <= 2 * PAGE_SIZE


# -- a search's count, read beside its first page ----------------------------------------------
def search(qtbot, page, text: str) -> None:
    page.search.setText(text)
    page.apply_query()


def test_a_search_shows_its_first_page_at_once_and_the_rest_with_its_count(qtbot, page,
                                                                             thousand):
    page.refresh()
    model = page.model
    with qtbot.waitSignal(model.count_settled, timeout=10_000):
        search(qtbot, page, "测试企业")
        # the first page is there before the count (read on the worker thread)
        assert model.counting and model.rowCount() == PAGE_SIZE
        assert page.count_label.text() == f"{PAGE_SIZE}+ firms"
        assert model.data(model.index(0, NAME)) == "测试企业0000有限公司"
    assert not model.counting and model.rowCount() == 1000
    assert page.count_label.text() == "1000 firms"
    assert model.data(model.index(999, NAME)) == "测试企业0999有限公司"


def test_a_count_typed_past_is_dropped(qtbot, page, thousand):
    page.refresh()
    model = page.model
    search(qtbot, page, "测试企业")
    assert model.counting
    search(qtbot, page, "测试企业0007")             # one firm: its first page is every firm
    assert not model.counting and model.rowCount() == 1
    qtbot.wait(300)                                # the first count comes, and is dropped
    assert model.rowCount() == 1 and page.count_label.text() == "1 firms"


def test_a_refused_count_is_shown_and_the_first_page_stays(qtbot, page, thousand, errors,
                                                            monkeypatch):
    page.refresh()

    def refused(_spec):
        raise OSError("disk I/O error")

    monkeypatch.setattr(thousand.firm_list, "count", refused)
    with qtbot.waitSignal(page.model.count_settled, timeout=10_000):
        search(qtbot, page, "测试企业")
    assert page.model.rowCount() == PAGE_SIZE and not page.model.counting
    assert errors and "disk I/O error" in errors[-1]


def test_an_order_chosen_while_counting_comes_with_its_own_count(qtbot, page, thousand):
    page.refresh()
    model = page.model
    search(qtbot, page, "测试企业")
    assert model.counting
    click_header(qtbot, page, NAME)                # descending: counted with its first page
    assert not model.counting and model.rowCount() == 1000
    assert model.data(model.index(0, NAME)) == "测试企业0999有限公司"
    qtbot.wait(300)                                # the search's count comes, and is dropped
    assert model.rowCount() == 1000
