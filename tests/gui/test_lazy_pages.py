"""The evidence-due and applications pages read their data when first shown (at 100,000 firms
each read takes seconds, which held up the first window), and a data change while hidden is
read on the next show."""
from __future__ import annotations

import pytest

from desktop.gui.widgets.applications import ApplicationsPage
from desktop.gui.widgets.evidence_due import EvidenceDuePage


@pytest.mark.parametrize("page_type", [EvidenceDuePage, ApplicationsPage])
def test_a_page_reads_on_first_show_and_after_a_change_while_hidden(qtbot, demo, ctx,
                                                                     page_type, monkeypatch):
    reads = []
    service = demo.evidence if page_type is EvidenceDuePage else demo.applications
    name = "due" if page_type is EvidenceDuePage else "overview"
    original = getattr(service, name)
    monkeypatch.setattr(service, name, lambda *args, **kwargs: reads.append(1) or original(
        *args, **kwargs))

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
