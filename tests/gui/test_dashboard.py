"""The dashboard: its charts hold what DashboardService.figures() counts."""
from __future__ import annotations

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QChartView, QHorizontalStackedBarSeries, QPieSeries
from PySide6.QtWidgets import QLabel

from desktop.gui.widgets.dashboard import DashboardPage, short_province


@pytest.fixture
def page(qtbot, demo, ctx, errors):
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.verdicts_shown, timeout=60000):
        page.refresh()
    return page


def chart(page, name):
    view = page.findChild(QChartView, name)
    assert view is not None
    return view.chart()


def categories(chart):
    [axis] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    return axis.categories()


def bars(chart):
    """{set label: [value per category]} of the chart's one bar series."""
    [series] = chart.series()
    return {bar.label(): [int(bar.at(i)) for i in range(bar.count())] for bar in series.barSets()}


def test_applications_by_status_per_batch_and_tier(page, demo):
    figures = demo.dashboard.figures(with_verdicts=False)
    applications = chart(page, "chartApplications")
    assert isinstance(applications.series()[0], QHorizontalStackedBarSeries)
    keys = list(figures.applications)
    assert len(categories(applications)) == len(keys) == 6
    assert "(no batch) · tier 2" in categories(applications)
    shown = bars(applications)
    statuses = {status for counts in figures.applications.values() for status in counts}
    assert len(shown) == len(statuses)
    total = sum(sum(counts.values()) for counts in figures.applications.values())
    assert sum(map(sum, shown.values())) == total
    little_giants = keys.index(("2026年第八批专精特新“小巨人”企业", 3))
    assert shown["Returned"][little_giants] == 4
    assert shown["Approved"][little_giants] == 4


def test_verdicts_per_batch_are_counted_in_the_background(page, demo):
    figures = demo.dashboard.figures()
    verdicts = chart(page, "chartVerdicts")
    assert len(categories(verdicts)) == len(figures.verdicts) == 3
    shown = bars(verdicts)
    expected = {}
    for counts in figures.verdicts.values():
        for outcome, count in counts.items():
            expected[outcome] = expected.get(outcome, 0) + count
    assert {label: sum(values) for label, values in shown.items()} == {
        {"pass": "Pass", "fail": "Fail", "pending": "Pending decisions",
         "incomplete": "Incomplete data"}[outcome]: count for outcome, count in expected.items()}


def test_firms_by_province_and_industry(page, demo):
    figures = demo.dashboard.figures(with_verdicts=False)
    provinces = chart(page, "chartProvinces")
    assert categories(provinces) == [short_province(name)
                                     for name, _ in figures.firms_by_province[:10]]
    assert categories(provinces)[:3] == ["江苏", "广东", "浙江"]
    assert bars(provinces) == {"Firms": [count for _, count in figures.firms_by_province[:10]]}
    [pie] = chart(page, "chartIndustries").series()
    assert isinstance(pie, QPieSeries)
    assert pie.count() == len(figures.firms_by_industry) == 4
    assert [s.label() for s in pie.slices()][0] == "C 制造业 (29)"
    assert int(pie.sum()) == sum(count for _, count in figures.firms_by_industry) == 34


def test_short_province_names():
    assert [short_province(n) for n in ("江苏省", "上海市", "广西壮族自治区", "香港特别行政区")] == \
        ["江苏", "上海", "广西", "香港"]


def test_evidence_numbers(page, demo):
    figures = demo.dashboard.figures(with_verdicts=False)
    shown = {name: page.findChild(QLabel, name).text()
             for name in ("evidenceExpired", "evidenceWithin30", "evidenceWithin90")}
    assert shown == {"evidenceExpired": str(figures.evidence_expired),
                     "evidenceWithin30": str(figures.evidence_within_30),
                     "evidenceWithin90": str(figures.evidence_within_90)}
    assert shown == {"evidenceExpired": "15", "evidenceWithin30": "23", "evidenceWithin90": "35"}


def test_a_data_change_recounts_while_visible(qtbot, page, ctx, demo):
    firm = demo.firms.get_by_uscc("911201162759665844")
    demo.firms.set_archived(firm.id)
    with qtbot.waitSignal(page.verdicts_shown, timeout=60000):
        ctx.bus.changed.emit("firm", firm.id)
    [pie] = chart(page, "chartIndustries").series()
    assert int(pie.sum()) == 33
