"""Evidence due: expiring and expired items across firms, soonest first; a double-click opens
the item."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.models.due_table import COLUMNS, FIRM_ROLE, ITEM_ROLE
from desktop.gui.widgets.evidence_due import EvidenceDuePage


@pytest.fixture
def page(qtbot, demo, ctx, errors):
    page = EvidenceDuePage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def column(page, name, role=Qt.ItemDataRole.DisplayRole):
    return [page.proxy.index(row, COLUMNS.index(name)).data(role)
            for row in range(page.proxy.rowCount())]


def test_demo_items_are_listed_soonest_first(page, demo):
    due = demo.evidence.due(90)
    assert page.days.value() == 90
    assert page.proxy.rowCount() == len(due) == 35
    ids = column(page, "firm", ITEM_ROLE)
    assert ids == [d.item.id for d in sorted(due, key=lambda d: d.days_left)]
    first = min(due, key=lambda d: d.days_left)
    assert (first.days_left, first.firm_name) == (-408, "海盐精锻紧固件有限公司")
    assert column(page, "days_left")[0] == "expired 408 days ago"
    assert column(page, "kind")[0] == "Title"
    assert column(page, "title")[0] == "浙江省创新型中小企业"
    assert page.proxy.index(0, COLUMNS.index("days_left")).data(
        Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    future = next(row for row, d in enumerate(sorted(due, key=lambda d: d.days_left))
                  if d.days_left > 30)
    assert column(page, "days_left")[future].endswith("days left")
    expired = sum(1 for d in due if d.days_left < 0)
    assert page.summary.text() == f"35 items, {expired} expired"


def test_the_window_follows_the_days_box(qtbot, page, demo):
    page.days.clear()
    qtbot.keyClicks(page.days, "30")
    qtbot.keyClick(page.days, Qt.Key.Key_Enter)
    assert page.days.value() == 30
    assert page.proxy.rowCount() == len(demo.evidence.due(30)) == 23
    page.days.setValue(0)
    assert all(value < 1 for value in (d.days_left for d in demo.evidence.due(0)))
    assert page.proxy.rowCount() == len(demo.evidence.due(0))


def test_sorting_by_another_column(page):
    page.table.sortByColumn(COLUMNS.index("firm"), Qt.SortOrder.AscendingOrder)
    firms = column(page, "firm")
    assert firms == sorted(firms)
    page.table.sortByColumn(COLUMNS.index("days_left"), Qt.SortOrder.DescendingOrder)
    days = [d for d in column(page, "days_left", Qt.ItemDataRole.UserRole + 1)]
    assert days == sorted(days, reverse=True)


def test_double_click_opens_the_item(qtbot, page, demo):
    row = 3
    index = page.proxy.index(row, COLUMNS.index("title"))
    item_id = index.data(ITEM_ROLE)
    firm_id = demo.evidence.get(item_id).firm_id
    assert firm_id and index.data(FIRM_ROLE) in (firm_id, None)   # None: see EvidenceService.due
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    # A real double-click starts with a press; QTest's double-click event alone does not.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.evidence_activated) as blocker:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [firm_id, item_id]


def test_the_main_window_opens_the_firm_of_a_due_item(qtbot, demo, window):
    window.show_page(3)
    page = window.evidence_due
    index = page.proxy.index(0, 0)
    opened = []
    window.open_firm = opened.append
    window.firm_editor.select_evidence = lambda item_id: opened.append(item_id)
    item_id = index.data(ITEM_ROLE)
    page.table.doubleClicked.emit(index)
    assert opened == [demo.evidence.get(item_id).firm_id, item_id]


def test_days_left_wording(page):
    texts = [page.model.days_text(days) for days in (-2, -1, 0, 1, 45)]
    assert texts == ["expired 2 days ago", "expired yesterday", "expires today", "1 day left",
                     "45 days left"]


def test_the_model_passes_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
