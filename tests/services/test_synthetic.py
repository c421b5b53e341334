"""The synthetic province and the bulk path it writes through."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.domain import records as r
from desktop.domain.enums import Tier
from desktop.domain.errors import Conflict, ValidationError
from desktop.services.bulk import BulkService, FirmBundle
from desktop.services.synthetic import generate
from desktop.services.validation import check_uscc
from desktop.services.workspace import Workspace

from ..conftest import NOW, TODAY, db_rows, make_uscc, snapshot


def _content(workspace) -> dict[str, list[tuple]]:
    return {table: db_rows(workspace, table) for table in (
        "firm", "fiscal_year", "evidence_item", "market_position", "annual_assessment",
        "batch", "application", "status_change", "change_log")}


def test_a_small_province_has_the_counts_asked_for(workspace):
    counts = generate(workspace, firms=300, years=4, evidence=5, applications=40, batches=6,
                      seed=7)
    assert (counts.firms, counts.fiscal_years, counts.evidence) == (300, 1200, 1500)
    assert workspace.firms.count() == 300
    rows = _content(workspace)
    assert (len(rows["fiscal_year"]), len(rows["evidence_item"])) == (1200, 1500)
    assert (len(rows["batch"]), len(rows["application"]), len(rows["status_change"])) == (6, 40, 40)
    # one creation entry per record, so each firm's history shows where it came from
    assert len(rows["change_log"]) == 6 + 300 * (1 + 4 + 5 + 1) + 40 + len(rows["market_position"])
    firm = workspace.firms.get(1)
    assert check_uscc(firm.uscc) == [] and firm.name.endswith("有限公司")
    history = workspace.history.for_firm(1)
    assert history and all(entry.change.origin == "synthetic" for entry in history)
    # the figures are the engine's usual input: verdicts come out, and not all alike
    outcomes = {tier.outcome for firm_id in range(1, 61)
                for tier in workspace.qualification.evaluate_firm(firm_id).tiers}
    assert len(outcomes) >= 2


def test_the_same_seed_gives_the_same_data(workspace, tmp_path, template_db):
    import shutil

    from desktop.paths import AppPaths

    generate(workspace, firms=120, applications=12, batches=3, seed=5)
    first = _content(workspace)
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    shutil.copy(template_db, other_dir / "srdi.db")
    workspace.close()   # one database per process: the peewee proxy is global
    with Workspace.open(AppPaths.resolve(data_dir=other_dir), user="tester", now=lambda: NOW,
                        today=lambda: TODAY) as again:
        generate(again, firms=120, applications=12, batches=3, seed=5)
        assert _content(again) == first


def _bundle(uscc: str, **firm) -> FirmBundle:
    return FirmBundle(
        firm=r.Firm(uscc=uscc, name="苏州精测传感科技有限公司", region_code="320583", **firm),
        fiscal_years=(r.FiscalYear(firm_id=0, year=2025, operating_revenue=Decimal("100")),))


def test_the_bulk_path_refuses_what_a_form_would_refuse_and_writes_nothing(workspace):
    service = BulkService(workspace.context, workspace.firms)
    before = snapshot(workspace)
    bad_year = FirmBundle(firm=_bundle(make_uscc(org="MA1MABCD1")).firm, fiscal_years=(
        r.FiscalYear(firm_id=0, year=2025, operating_revenue=Decimal("10"),
                     main_business_revenue=Decimal("20")),))
    with pytest.raises(ValidationError) as refused:
        service.add_firms([_bundle(make_uscc(org="MA1MABCD2")), bad_year])
    assert [m.code for m in refused.value.messages] == ["amount.exceeds"]
    bad_uscc = make_uscc(org="MA1MABCD3")[:-1] + "0"
    with pytest.raises(ValidationError):
        service.add_firms([_bundle(bad_uscc)])
    with pytest.raises(ValidationError):   # a date in the future, as in a form
        service.add_firms([_bundle(make_uscc(org="MA1MABCD4"), registration_date=date(2027, 1, 1))])
    twice = make_uscc(org="MA1MABCD5")
    with pytest.raises(Conflict):
        service.add_firms([_bundle(twice), _bundle(twice)])
    assert snapshot(workspace) == before
    service.add_firms([_bundle(twice)])
    with pytest.raises(Conflict):   # already in the database
        service.add_firms([_bundle(twice)])


def test_the_bulk_path_checks_applications_like_the_service(workspace):
    service = BulkService(workspace.context, workspace.firms)
    [batch_id] = service.add_batches([r.Batch(name="第一批", tier=Tier.SPECIALIZED)])
    with pytest.raises(Conflict):
        service.add_batches([r.Batch(name="第一批", tier=Tier.SPECIALIZED)])
    wrong_tier = r.Application(firm_id=0, tier=Tier.LITTLE_GIANT, batch_id=batch_id,
                               assessment_date=TODAY)
    bundle = _bundle(make_uscc(org="MA1MABCD6"))
    with pytest.raises(ValidationError) as refused:
        service.add_firms([FirmBundle(**{**bundle.__dict__, "applications": (wrong_tier,)})])
    assert [m.code for m in refused.value.messages] == ["application.batch_tier"]
    right = r.Application(firm_id=0, tier=Tier.SPECIALIZED, batch_id=batch_id,
                          assessment_date=TODAY)
    [firm_id] = service.add_firms([FirmBundle(**{**bundle.__dict__, "applications": (right,)})])
    [application] = workspace.applications.for_firm(firm_id)
    assert application.uid and workspace.applications.history(application.id)[0].to_status == "draft"
    assert workspace.firms.list("szjc")[0].id == firm_id   # pinyin initials as a form gives
