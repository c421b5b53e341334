"""Two data folders, the firm's and the official's, for package tests.

Only one Workspace may be open per process (peewee's proxy is global), so each side is opened
for a step and closed again. Each side has its own user and a clock that moves on a second at
every reading, as real edits would.
"""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.enums import ApplicationStatus, Tier
from desktop.domain import records as r
from desktop.paths import AppPaths
from desktop.services.workspace import Workspace
from tests.conftest import TODAY, make_uscc

USCC = make_uscc(org="MA1PKGTQT")
PATENT = {"kind": "invention_patent", "title": "一种高精度压力传感器", "number": "ZL202010000001.X",
          "granted_date": "2021-06-01", "acquisition": "self_developed"}


class Clock:
    def __init__(self, start: datetime = datetime(2026, 11, 27, 8, 0)) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


class Side:
    """One data folder and the person working in it."""

    def __init__(self, paths: AppPaths, user: str, clock: Clock) -> None:
        self.paths, self.user, self.clock = paths, user, clock

    opened: Side | None = None   # the side whose workspace is open (only one may be)

    @contextmanager
    def open(self):
        assert Side.opened is None, "close the other side first"
        Side.opened = self
        try:
            with Workspace.open(self.paths, user=self.user, now=self.clock,
                                today=lambda: TODAY) as workspace:
                yield workspace
        finally:
            Side.opened = None


def make_side(tmp_path: Path, template_db: Path, name: str, user: str, clock: Clock) -> Side:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(template_db, folder / "srdi.db")
    return Side(AppPaths.resolve(data_dir=folder), user, clock)


def fill_firm(workspace, tmp_path: Path) -> dict:
    """A firm with two years, a market position, an assessment, a patent with a file and a
    submitted application with a decision; returns the ids and the file's bytes."""
    firm = workspace.firms.create_from({
        "uscc": USCC, "name": "苏州精测传感科技有限公司", "region_code": "320583",
        "industry_code": "C4021", "registration_date": "2015-03-02"})
    for year, revenue in ((2024, "8000"), (2025, "9500.5")):
        workspace.financials.set_year_from(firm.id, {
            "year": year, "operating_revenue": revenue, "rd_expense": "600",
            "employee_count": 120})
    workspace.financials.set_market_position_from(firm.id, {
        "year": 2025, "scope": "domestic", "share_percent": "12.5", "rank": 2})
    workspace.financials.set_assessment_from(firm.id, {"year": 2025, "digital_level": 3})
    certificate = tmp_path / "专利证书.pdf"
    certificate.write_bytes(b"%PDF-1.4 patent certificate " + bytes(range(256)))
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (certificate,))
    application = workspace.applications.create(r.Application(
        firm_id=firm.id, tier=Tier.LITTLE_GIANT, platform_score=Decimal("88.5")))
    workspace.applications.move(application.id, ApplicationStatus.READY)
    workspace.applications.move(application.id, ApplicationStatus.SUBMITTED)
    workspace.applications.decide(application.id, "chain_role", "pass", "补短板")
    return {"firm": firm.id, "item": item.id, "application": application.id,
            "file": certificate.read_bytes()}


def export(side: Side, path: Path, kind: str = "evidence") -> Path:
    with side.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        return workspace.packages.export(firm.id, path, kind)


def store_files(side: Side) -> list[str]:
    from desktop.storage.attachments import AttachmentStore

    return AttachmentStore(side.paths.attachments).files()


# The two sides as fixtures, for the service and the CLI tests (imported there by name).
@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def firm_side(tmp_path, template_db, clock):
    side = make_side(tmp_path, template_db, "firm", "李会计", clock)
    with side.open() as workspace:
        side.ids = fill_firm(workspace, tmp_path)
    return side


@pytest.fixture
def office(tmp_path, template_db, clock):
    return make_side(tmp_path, template_db, "office", "王科长", clock)
