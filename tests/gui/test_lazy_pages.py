"""Pages read their data when first shown, not while the window is built (at 100,000 firms
each read takes seconds, which held up the first window), and a data change while hidden is
read on the next show. The window builds only the firm list; every other page is built when
first asked for."""
from __future__ import annotations

import pytest

from desktop.gui.main_window import NAV_APPLICATIONS, NAV_BATCHES, NAV_DUE
from desktop.gui.widgets.applications import ApplicationsPage
from desktop.gui.widgets.batch_desk import BatchDeskPage
from desktop.gui.widgets.dashboard import DashboardPage
from desktop.gui.widgets.evidence_due import EvidenceDuePage
from desktop.gui.widgets.firm_editor import FirmEditorPage

# What each page reads: (service, method).
READS = {EvidenceDuePage: ("evidence", "due"), ApplicationsPage: ("applications", "overview"),
         BatchDeskPage: ("batches", "list")}


def count_reads(monkeypatch, workspace, page_type) -> list:
    reads = []
    service_name, name = READS[page_type]
    service = getattr(workspace, service_name)
    original = getattr(service, name)
    monkeypatch.setattr(service, name, lambda *args, **kwargs: reads.append(1) or original(
        *args, **kwargs))
    return reads


@pytest.mark.parametrize("page_type", [EvidenceDuePage, ApplicationsPage, BatchDeskPage])
def test_a_page_reads_on_first_show_and_after_a_change_while_hidden(qtbot, demo, ctx,
                                                                     page_type, monkeypatch):
    reads = count_reads(monkeypatch, demo, page_type)
    page = page_type(ctx)
    qtbot.addWidget(page)
    assert reads == [] and page.model.rowCount() == 0   # built hidden: nothing read yet
    page.show()
    assert len(reads) == 1 and page.model.rowCount() > 0
    page.hide()
    ctx.bus.changed.emit("firm", 0)
    assert len(reads) == 1                              # hidden: only marked stale
    page.show()
    assert len(reads) == 2
    ctx.bus.changed.emit("firm", 0)                     # visible: read at once
    assert len(reads) == 3


def test_the_window_builds_only_the_firm_list(demo, window):
    for page_type in (ApplicationsPage, BatchDeskPage, EvidenceDuePage, DashboardPage,
                      FirmEditorPage):
        assert window.findChild(page_type) is None
    assert window.pages.count() == 1 and window.pages.currentWidget() is window.firm_list


@pytest.mark.parametrize("row, page_type", [(NAV_APPLICATIONS, ApplicationsPage),
                                            (NAV_BATCHES, BatchDeskPage),
                                            (NAV_DUE, EvidenceDuePage)])
def test_a_page_is_built_and_read_once_when_first_shown(qtbot, demo, window, monkeypatch,
                                                        row, page_type):
    reads = count_reads(monkeypatch, demo, page_type)
    window.ctx.bus.changed.emit("firm", 0)   # a change before the page exists: nothing to read
    assert reads == []
    window.show_page(row)
    page = window.pages.currentWidget()
    assert isinstance(page, page_type) and page.isVisible()
    assert len(reads) == 1                   # not once more when it is shown
    window.show_page(NAV_APPLICATIONS if row != NAV_APPLICATIONS else NAV_BATCHES)
    window.show_page(row)
    assert window.pages.currentWidget() is page   # built once

