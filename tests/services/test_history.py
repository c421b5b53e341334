"""History: a firm's and an application's changes in user terms (also of records deleted since),
and the revert of a change through the owning service, itself logged and itself revertible."""
import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain import records as r
from desktop.domain.enums import (
    ApplicationStatus, ChangeAction, Decision, Tier,
)
from desktop.domain.errors import Conflict, NotFound, NotRevertible
from desktop.domain.messages import render
from tests.conftest import make_uscc, snapshot

PATENT = {"kind": "invention_patent", "title": "一种高精度温湿度传感器", "number": "ZL202110234567.8",
          "granted_date": "2022-05-10", "valid_until": "2041-03-01"}


@pytest.fixture
def application(workspace, firm):
    return workspace.applications.create(r.Application(
        firm_id=firm.id, tier=Tier.SPECIALIZED, assessment_date=date(2026, 6, 30)))


def lines(entries, lang="en"):
    """(record, action, field, old, new) of each listed entry, newest first."""
    return [(render(e.record, lang), e.change.action.value, e.change.field, e.change.old,
             e.change.new) for e in entries]


def entry_of(workspace, firm_id, table, field, action=ChangeAction.UPDATE):
    """The newest listed entry of a table and field."""
    return next(e for e in workspace.history.for_firm(firm_id)
                if e.change.table == table and e.change.field == field
                and e.change.action is action)


# -- listing ---------------------------------------------------------------------------------
def test_a_firms_history_lists_its_records_newest_first(workspace, firm, application):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8000"})
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8500"})
    workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT))
    workspace.applications.decide(application.id, "G6", Decision.PASS, "细分领域龙头")
    listed = lines(workspace.history.for_firm(firm.id))
    assert listed[:2] == [("Decision on G6", "create", "criterion_id", None, "G6"),
                          ("Decision on G6", "create", "decision", None, "pass")]
    assert ("Fiscal year 2025", "update", "operating_revenue", "8000", "8500") in listed
    assert ("Evidence: 一种高精度温湿度传感器", "create", "title", None, PATENT["title"]) in listed
    assert ("Application tier 2 (2026-06-30)", "create", "tier", None, "2") in listed
    assert listed[-1][:2] == ("Firm profile", "create")
    assert ("Firm profile", "create", "uscc", None, firm.uscc) in listed
    ids = [e.change.id for e in workspace.history.for_firm(firm.id)]
    assert ids[0] > ids[-1]
    # keys and bookkeeping a person never typed are not listed
    fields = {line[2] for line in listed}
    assert not fields & {"uid", "firm_id", "application_id", "who", "at"}


def test_every_entry_names_its_firm_and_application(workspace, firm, application):
    workspace.applications.update(dataclasses.replace(application, reviewer_notes="待补充"))
    entry = entry_of(workspace, firm.id, "application", "reviewer_notes")
    assert entry.change.firm_id == firm.id and entry.change.application_id == application.id


def test_a_deleted_record_is_still_named_from_the_log(workspace, firm):
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT))
    workspace.financials.set_year_from(firm.id, {"year": 2024, "operating_revenue": "100"})
    workspace.evidence.remove(item.id)
    workspace.financials.clear_year(firm.id, 2024)
    listed = lines(workspace.history.for_firm(firm.id), "zh_CN")
    assert listed[:2] == [("2024年度财务数据", "delete", "year", "2024", None),
                          ("2024年度财务数据", "delete", "operating_revenue", "100", None)]
    assert ("证明材料：一种高精度温湿度传感器", "delete", "title", PATENT["title"], None) in listed


def test_an_applications_history_has_its_details_status_and_decisions_only(
        workspace, firm, application):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8000"})
    workspace.applications.move(application.id, ApplicationStatus.READY)
    workspace.applications.decide(application.id, "G6", Decision.FAIL, "市场占有率不足")
    listed = workspace.history.for_application(application.id)
    assert {e.change.table for e in listed} == {"application", "manual_decision"}
    status = next(e for e in listed if e.change.field == "status"
                  and e.change.action is ChangeAction.UPDATE)
    assert (status.change.old, status.change.new) == ("draft", "ready")
    assert not status.can_revert and status.reason.code == "history.status_by_workflow"
    assert listed[0].record.code == "history.record.manual_decision"


def test_listing_a_missing_firm_is_refused(workspace):
    with pytest.raises(NotFound):
        workspace.history.for_firm(999)


# -- reverting updates -----------------------------------------------------------------------
def revert_and_back(workspace, entry, read):
    """Revert `entry`: the old value is back and the revert is logged; reverting the revert
    brings the new value back."""
    change = entry.change
    assert entry.can_revert, entry.reason
    written = workspace.history.revert(change.id)
    assert written[0].field == change.field and written[0].action is ChangeAction.UPDATE
    assert (written[0].old, written[0].new) == (change.new, change.old)
    assert written[0].id > change.id
    before_again = read()
    workspace.history.revert(written[0].id)
    return before_again, read()


def test_reverting_a_profile_change(workspace, firm):
    workspace.firms.update(dataclasses.replace(firm, registered_capital=Decimal("1000.5")))
    entry = entry_of(workspace, firm.id, "firm", "registered_capital")
    reverted, again = revert_and_back(workspace, entry,
                                      lambda: workspace.firms.get(firm.id).registered_capital)
    assert reverted is None and again == Decimal("1000.5")


def test_reverting_a_figure(workspace, firm):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8000"})
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8500.25"})
    entry = entry_of(workspace, firm.id, "fiscal_year", "operating_revenue")
    reverted, again = revert_and_back(
        workspace, entry, lambda: workspace.financials.year(firm.id, 2025).operating_revenue)
    assert reverted == Decimal("8000") and again == Decimal("8500.25")


def test_reverting_a_market_position_and_an_assessment(workspace, firm):
    financials = workspace.financials
    financials.set_market_position_from(firm.id, {"year": 2025, "scope": "domestic",
                                                  "share_percent": "12.5", "rank": 3})
    financials.set_market_position_from(firm.id, {"year": 2025, "scope": "domestic",
                                                  "share_percent": "15", "rank": 3})
    financials.set_assessment_from(firm.id, {"year": 2025, "digital_level": 2})
    financials.set_assessment_from(firm.id, {"year": 2025, "digital_level": 3})
    share = entry_of(workspace, firm.id, "market_position", "share_percent")
    assert render(share.record) == "Domestic market position 2025"
    reverted, _ = revert_and_back(workspace, share,
                                  lambda: financials.market_positions(firm.id)[0].share_percent)
    assert reverted == Decimal("12.5")
    level = entry_of(workspace, firm.id, "annual_assessment", "digital_level")
    reverted, again = revert_and_back(workspace, level,
                                      lambda: financials.assessments(firm.id)[0].digital_level)
    assert (reverted, again) == (2, 3)


def test_reverting_an_evidence_field(workspace, firm):
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT))
    workspace.evidence.update(dataclasses.replace(item, title="温湿度传感器（修订）"))
    entry = entry_of(workspace, firm.id, "evidence_item", "title")
    assert render(entry.record) == "Evidence: 温湿度传感器（修订）"
    reverted, _ = revert_and_back(workspace, entry, lambda: workspace.evidence.get(item.id).title)
    assert reverted == PATENT["title"]


def test_reverting_application_details_and_a_decision(workspace, firm, application):
    apps = workspace.applications
    apps.update(dataclasses.replace(application, platform_score=Decimal("87.5")))
    entry = entry_of(workspace, firm.id, "application", "platform_score")
    reverted, again = revert_and_back(workspace, entry,
                                      lambda: apps.get(application.id).platform_score)
    assert reverted is None and again == Decimal("87.5")
    apps.decide(application.id, "G6", Decision.PASS, "细分领域龙头")
    apps.decide(application.id, "G6", Decision.FAIL, "细分领域龙头")
    entry = next(e for e in workspace.history.for_application(application.id)
                 if e.change.field == "decision" and e.change.action is ChangeAction.UPDATE)
    reverted, _ = revert_and_back(workspace, entry,
                                  lambda: apps.decisions(application.id)[0].decision)
    assert reverted is Decision.PASS


def test_a_revert_runs_the_services_checks(workspace, firm):
    """Writing the old value back is refused like any edit when the rules refuse it now."""
    old_code = firm.uscc
    workspace.firms.update(dataclasses.replace(firm, uscc=make_uscc(org="MA1MABCDF")))
    workspace.firms.create_from({"uscc": old_code, "name": "另一家企业"})
    entry = entry_of(workspace, firm.id, "firm", "uscc")
    before = snapshot(workspace)
    with pytest.raises(Conflict) as caught:
        workspace.history.revert(entry.change.id)
    assert caught.value.messages[0].code == "uscc.duplicate"
    assert snapshot(workspace) == before


# -- reverting creates and deletes -----------------------------------------------------------
@pytest.mark.parametrize("table, add, read", [
    ("fiscal_year",
     lambda ws, f: ws.financials.set_year_from(f.id, {"year": 2025, "operating_revenue": "1"}),
     lambda ws, f: ws.financials.years(f.id)),
    ("market_position",
     lambda ws, f: ws.financials.set_market_position_from(
         f.id, {"year": 2025, "scope": "international", "share_percent": "3"}),
     lambda ws, f: ws.financials.market_positions(f.id)),
    ("annual_assessment",
     lambda ws, f: ws.financials.set_assessment_from(f.id, {"year": 2025, "digital_level": 2}),
     lambda ws, f: ws.financials.assessments(f.id)),
    ("evidence_item",
     lambda ws, f: ws.evidence.add(ws.evidence.parse(f.id, PATENT)),
     lambda ws, f: ws.evidence.items(f.id)),
])
def test_reverting_an_addition_removes_it_and_that_is_revertible(workspace, firm, table, add,
                                                                 read):
    add(workspace, firm)
    [before] = read(workspace, firm)
    created = next(e for e in workspace.history.for_firm(firm.id)
                   if e.change.table == table and e.change.action is ChangeAction.CREATE)
    assert created.can_revert
    written = workspace.history.revert(created.change.id)
    assert read(workspace, firm) == []
    assert {w.action for w in written} == {ChangeAction.DELETE}
    assert written[0].table == table
    workspace.history.revert(written[0].id)        # the removal reverted: back again
    [back] = read(workspace, firm)
    assert dataclasses.replace(back, id=None) == dataclasses.replace(before, id=None)


def test_reverting_a_decision_removes_it(workspace, firm, application):
    workspace.applications.decide(application.id, "G6", Decision.PASS, "细分领域龙头")
    created = next(e for e in workspace.history.for_application(application.id)
                   if e.change.table == "manual_decision")
    written = workspace.history.revert(created.change.id)
    assert workspace.applications.decisions(application.id) == []
    workspace.history.revert(written[0].id)
    [back] = workspace.applications.decisions(application.id)
    assert (back.decision, back.note) == (Decision.PASS, "细分领域龙头")


def test_a_deleted_year_comes_back_with_its_figures(workspace, firm):
    workspace.financials.set_year_from(firm.id, {"year": 2024, "operating_revenue": "8000",
                                                 "employee_count": 120, "source_note": "审计报告"})
    before = workspace.financials.year(firm.id, 2024)
    workspace.financials.clear_year(firm.id, 2024)
    deleted = entry_of(workspace, firm.id, "fiscal_year", "operating_revenue", ChangeAction.DELETE)
    assert deleted.can_revert
    written = workspace.history.revert(deleted.change.id)
    assert {w.action for w in written} == {ChangeAction.CREATE}
    back = workspace.financials.year(firm.id, 2024)
    assert dataclasses.replace(back, id=None) == dataclasses.replace(before, id=None)


def test_a_deleted_item_comes_back_with_its_files(workspace, firm, tmp_path):
    pdf, photo = tmp_path / "证书.pdf", tmp_path / "photo.png"
    pdf.write_bytes(b"%PDF certificate")
    photo.write_bytes(b"\x89PNG photo")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (pdf, photo))
    workspace.evidence.detach(item.attachments[1].id)     # detached before: stays detached
    workspace.evidence.remove(item.id)
    # the store's check has since moved the unreferenced file to its trash
    store = workspace.evidence.store
    store.move_to_trash(item.attachments[0].stored_path)
    deleted = entry_of(workspace, firm.id, "evidence_item", "title", ChangeAction.DELETE)
    workspace.history.revert(deleted.change.id)
    back = workspace.evidence.get(item.id)
    assert back.uid == item.uid and back.title == item.title
    assert [a.original_name for a in back.attachments] == ["证书.pdf"]
    assert workspace.evidence.file_path(back.attachments[0]).read_bytes() == pdf.read_bytes()


def test_a_deleted_item_whose_id_was_taken_comes_back_as_a_new_item(workspace, firm, tmp_path):
    pdf = tmp_path / "证书.pdf"
    pdf.write_bytes(b"%PDF certificate")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (pdf,))
    workspace.evidence.remove(item.id)
    other = workspace.evidence.add(workspace.evidence.parse(firm.id, {
        **PATENT, "title": "另一项专利", "number": "ZL2"}))
    assert other.id == item.id       # SQLite hands the newest id out again
    listed = lines(workspace.history.for_firm(firm.id))
    assert ("Evidence: 一种高精度温湿度传感器", "delete", "title", PATENT["title"], None) in listed
    assert ("Evidence: 另一项专利", "create", "title", None, "另一项专利") in listed
    deleted = entry_of(workspace, firm.id, "evidence_item", "title", ChangeAction.DELETE)
    workspace.history.revert(deleted.change.id)
    items = {i.title: i for i in workspace.evidence.items(firm.id)}
    assert set(items) == {PATENT["title"], "另一项专利"}
    assert items[PATENT["title"]].uid == item.uid
    assert [a.original_name for a in items[PATENT["title"]].attachments] == ["证书.pdf"]


# -- refusals --------------------------------------------------------------------------------
def refused(workspace, change_id) -> str:
    before = snapshot(workspace)
    with pytest.raises(NotRevertible) as caught:
        workspace.history.revert(change_id)
    assert snapshot(workspace) == before
    [message] = caught.value.messages
    return render(message)


def test_a_value_changed_again_since_is_not_reverted(workspace, firm):
    for revenue in ("8000", "8500", "9000"):
        workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": revenue})
    older = next(e for e in workspace.history.for_firm(firm.id)
                 if e.change.field == "operating_revenue" and e.change.new == "8500")
    assert not older.can_revert and older.reason.code == "history.changed_since"
    assert refused(workspace, older.change.id) == (
        "Operating revenue (10k CNY) has been changed again since: it is now '9000'")


def test_a_status_move_is_not_reverted(workspace, firm, application):
    workspace.applications.move(application.id, ApplicationStatus.READY)
    moved = entry_of(workspace, firm.id, "application", "status")
    assert refused(workspace, moved.change.id).startswith("the status moves only through")


def test_a_change_of_a_deleted_record_is_not_reverted(workspace, firm):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "1"})
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "2"})
    updated = entry_of(workspace, firm.id, "fiscal_year", "operating_revenue")
    workspace.financials.clear_year(firm.id, 2025)
    assert refused(workspace, updated.change.id) == "the record has been deleted since"
    created = entry_of(workspace, firm.id, "fiscal_year", "year", ChangeAction.CREATE)
    assert refused(workspace, created.change.id) == "the record has been deleted since"


def test_an_addition_changed_since_is_not_removed(workspace, firm):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "1"})
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "2"})
    created = entry_of(workspace, firm.id, "fiscal_year", "year", ChangeAction.CREATE)
    assert refused(workspace, created.change.id).startswith("the record has been changed since")
    # once the later change is reverted, the addition can be reverted
    workspace.history.revert(entry_of(workspace, firm.id, "fiscal_year", "operating_revenue").change.id)
    workspace.history.revert(created.change.id)
    assert workspace.financials.years(firm.id) == []


def test_a_deletion_whose_place_is_taken_is_not_reverted(workspace, firm):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "1"})
    workspace.financials.clear_year(firm.id, 2025)
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "5"})
    deleted = entry_of(workspace, firm.id, "fiscal_year", "year", ChangeAction.DELETE)
    assert refused(workspace, deleted.change.id) == "the record exists again"


@pytest.mark.parametrize("what, code", [
    ("firm_created", "history.firm_lifecycle"),
    ("application_created", "history.application_lifecycle"),
    ("file_attached", "history.attachment"),
])
def test_other_kinds_are_refused_with_their_reason(workspace, firm, application, tmp_path,
                                                   what, code):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (pdf,))
    table = {"firm_created": "firm", "application_created": "application",
             "file_attached": "attachment"}[what]
    entry = next(e for e in workspace.history.for_firm(firm.id) if e.change.table == table
                 and e.change.action is ChangeAction.CREATE)
    assert not entry.can_revert and entry.reason.code == code
    with pytest.raises(NotRevertible):
        workspace.history.revert(entry.change.id)


def test_a_batch_change_belongs_to_no_firm_and_is_refused(workspace):
    batch = workspace.batches.create_from({"name": "2026年第八批", "tier": 3})
    [entry] = [e for e in workspace.context.database.handle.execute_sql(
        "SELECT id, firm_id FROM change_log WHERE \"table\" = 'batch'").fetchall()][:1]
    assert entry[1] is None and batch.id
    with pytest.raises(NotRevertible):
        workspace.history.revert(entry[0])


def test_an_unknown_change_is_not_found(workspace):
    with pytest.raises(NotFound) as caught:
        workspace.history.revert(12345)
    assert caught.value.messages[0].code == "history.change_not_found"


def test_a_revert_is_logged_with_the_origin_of_its_context(workspace, firm):
    workspace.firms.update(dataclasses.replace(firm, notes="x"))
    entry = entry_of(workspace, firm.id, "firm", "notes")
    [written] = workspace.history.revert(entry.change.id)
    assert written.origin == "" and written.who == "tester" and written.firm_id == firm.id
    assert workspace.firms.get(firm.id).notes == ""
