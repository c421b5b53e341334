"""Dashboard: applications by status per batch and tier, verdicts per batch (counted in the
background, since it evaluates), firms by province and industry, evidence expiring."""
from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries,
    QHorizontalStackedBarSeries, QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.enums import ApplicationStatus
from desktop.domain.verdicts import TierOutcome

from .. import labels
from ..errors import show_error
from ..tasks import run_task, stop_on_destroy

TOP_PROVINCES = 10
SHORT_NAME = 16   # characters of a batch name shown beside its bar
_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


def short_province(name: str) -> str:
    """'江苏省' → '江苏', '广西壮族自治区' → '广西': ten bars leave little room for labels."""
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[:-len(suffix)]
    return name


class DashboardPage(QWidget):
    verdicts_shown = Signal()   # the verdict chart holds the counts of the last refresh

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboardPage")
        self._task = None
        self._again = False     # data changed while verdicts were being counted
        self.views: dict[str, QChartView] = {}
        grid = QGridLayout()
        for position, name in enumerate(("chartApplications", "chartVerdicts",
                                         "chartProvinces", "chartIndustries")):
            view = QChartView(objectName=name)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.views[name] = view
            grid.addWidget(view, position // 2, position % 2)
        numbers = QHBoxLayout()
        self.numbers: dict[str, QLabel] = {}
        for name, caption in (("evidenceExpired", self.tr("Evidence expired")),
                              ("evidenceWithin30", self.tr("Expired or expiring within 30 days")),
                              ("evidenceWithin90", self.tr("Expired or expiring within 90 days"))):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            number = QLabel("–", objectName=name)
            font = QFont(number.font())
            font.setPointSizeF(font.pointSizeF() * 2)
            font.setBold(True)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(caption)
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.addWidget(number)
            inner.addWidget(text)
            numbers.addWidget(box)
            self.numbers[name] = number
        layout = QVBoxLayout(self)
        layout.addLayout(numbers)
        layout.addLayout(grid, 1)
        ctx.bus.changed.connect(self._on_bus_changed)

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            figures = self.ctx.workspace.dashboard.figures(with_verdicts=False)
        except Exception as error:  # a page must never take the window down
            show_error(self, error)
            return
        self._show_applications(figures.applications)
        self._show_provinces(figures.firms_by_province[:TOP_PROVINCES])
        self._show_industries(figures.firms_by_industry)
        for name, value in (("evidenceExpired", figures.evidence_expired),
                            ("evidenceWithin30", figures.evidence_within_30),
                            ("evidenceWithin90", figures.evidence_within_90)):
            self.numbers[name].setText(str(value))
        self._count_verdicts()

    def _count_verdicts(self) -> None:
        if self._task is not None:
            self._again = True
            return
        dashboard = self.ctx.workspace.dashboard

        def work(report):
            report(0, 0)   # no steps to show: a busy indicator with Cancel
            verdicts = dashboard.figures(with_verdicts=True).verdicts
            return verdicts if report(1, 1) else None

        self._set_chart("chartVerdicts", self._chart(self.tr("Verdicts of open applications "
                                                             "(counting…)")))
        self._task = run_task(self, self.tr("Counting the verdicts of every batch…"), work,
                              self._on_task_done)
        stop_on_destroy(self, self._task)
        self._task.finished.connect(self._on_task_finished)

    def _on_task_done(self, verdicts) -> None:
        if verdicts is None:
            self._set_chart("chartVerdicts", self._chart(self.tr("Verdicts: not counted "
                                                                 "(cancelled)")))
            return
        self._show_verdicts(verdicts)
        self.verdicts_shown.emit()

    def _on_task_finished(self, _result) -> None:
        self._task = None
        if self._again:
            self._again = False
            self._count_verdicts()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        # Hidden, it waits: the window refreshes a page when it is shown.
        if self.isVisible():
            self.refresh()

    # -- charts ----------------------------------------------------------------------------
    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _set_chart(self, name: str, chart: QChart) -> None:
        view = self.views[name]
        old = view.chart()
        view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def _category(self, batch: str, tier: int) -> str:
        # Long batch names would crowd the axis out; the chart's tooltip gives them whole.
        short = batch if len(batch) <= SHORT_NAME else batch[:SHORT_NAME - 1] + "…"
        return self.tr("{batch} · tier {tier}").format(batch=short or self.tr("(no batch)"),
                                                       tier=tier)

    def _names(self, keys) -> str:
        return "\n".join(self.tr("{batch} · tier {tier}").format(
            batch=batch or self.tr("(no batch)"), tier=tier) for batch, tier in keys)

    def _bars(self, name: str, title: str, series, categories: list[str]) -> None:
        """Horizontal bars: category names (batches, provinces) read along their own line
        instead of being cut to '…' under narrow columns."""
        chart = self._chart(title)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        font = axis_x.labelsFont()
        font.setPointSizeF(max(6.0, font.pointSizeF() - 1.5))   # ten rows of names must fit
        axis_x.setLabelsFont(font)
        # Short names (provinces) are cut to '…' by Qt's layout although they fit; long
        # ones (batches) are shortened above already.
        axis_x.setTruncateLabels(max((len(c) for c in categories), default=0) > 8)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        sets = series.barSets()
        combine = sum if isinstance(series, QHorizontalStackedBarSeries) else max
        top = max((combine([s.at(i) for s in sets] or [0]) for i in range(len(categories))),
                  default=0)
        step = max(1, math.ceil(top / 6))   # whole-number ticks, at most seven
        ticks = max(1, math.ceil(top / step))
        axis_y.setRange(0, ticks * step)
        axis_y.setTickCount(ticks + 1)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        self._set_chart(name, chart)

    def _show_applications(self, counts: dict[tuple[str, int], dict[str, int]]) -> None:
        keys = list(counts)
        series = QHorizontalStackedBarSeries()
        for status in ApplicationStatus:
            if any(status.value in counts[key] for key in keys):
                bar = QBarSet(labels.status(status))
                bar.append([float(counts[key].get(status.value, 0)) for key in keys])
                series.append(bar)
        self._bars("chartApplications", self.tr("Applications by status, per batch and tier"),
                   series, [self._category(*key) for key in keys])
        self.views["chartApplications"].setToolTip(self._names(keys))

    def _show_verdicts(self, counts: dict[tuple[str, int], dict[str, int]]) -> None:
        keys = list(counts)
        series = QHorizontalBarSeries()
        for outcome in TierOutcome:
            if any(outcome.value in counts[key] for key in keys):
                bar = QBarSet(labels.verdict(outcome))
                bar.append([float(counts[key].get(outcome.value, 0)) for key in keys])
                series.append(bar)
        self._bars("chartVerdicts", self.tr("Verdicts of open applications, per batch"),
                   series, [self._category(*key) for key in keys])
        self.views["chartVerdicts"].setToolTip(self._names(keys))

    def _show_provinces(self, counts: list[tuple[str, int]]) -> None:
        series = QHorizontalBarSeries()
        bar = QBarSet(self.tr("Firms"))
        bar.append([float(count) for _name, count in counts])
        series.append(bar)
        self._bars("chartProvinces", self.tr("Firms by province (top {count})").format(
            count=TOP_PROVINCES), series, [short_province(name) for name, _count in counts])
        self.views["chartProvinces"].setToolTip("\n".join(
            f"{name}: {count}" for name, count in counts))

    def _show_industries(self, counts: list[tuple[str, int]]) -> None:
        series = QPieSeries()
        for name, count in counts:
            series.append(f"{name} ({count})", float(count))
        chart = self._chart(self.tr("Firms by industry section"))
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self._set_chart("chartIndustries", chart)
