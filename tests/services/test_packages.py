"""Evidence packages between two data folders: the firm's and the official's.

Round trip, new / changed / unchanged / conflicting (the origin rule and the base values),
keep and take, all or nothing, the backup before, and the review flowing back.
"""
from __future__ import annotations

import json
import zipfile
from decimal import Decimal

import pytest

from desktop.domain.enums import ApplicationStatus as S
from desktop.domain.errors import Cancelled, DomainError, ValidationError
from desktop.domain.messages import Message
from desktop.domain.packages import PackageKind, RecordState, Resolution
from desktop.services.backups import parse_name
from tests.conftest import make_uscc, snapshot
from tests.services.package_sides import (  # noqa: F401 (clock, firm_side, office: fixtures)
    USCC, clock, export, firm_side, make_side, office, store_files,
)


def records(preview, part):
    return {record.key: record for record in preview.records if record.part == part}


def fields(record):
    return {diff.field: diff for diff in record.fields}


def imported(office, package, **options):
    with office.open() as workspace:
        return workspace.packages.apply(package, **options)


# -- round trip ---------------------------------------------------------------------------------

def test_a_package_carries_the_whole_firm_to_another_data_folder(firm_side, office, tmp_path):
    package = export(firm_side, tmp_path / "firm.srdipkg")
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["format"] == "srdi-package" and manifest["format_version"] == 1
    assert manifest["kind"] == "evidence" and manifest["created_by"] == "李会计"
    assert manifest["firm"]["uscc"] == USCC
    assert set(manifest["rulebook_versions"]) == {"2022", "2026"}
    assert names == {"manifest.json", *manifest["files"]}
    assert sum(name.startswith("files/") for name in names) == 1

    with office.open() as workspace:
        preview = workspace.packages.preview(package)
    assert preview.firm_id is None and preview.files_new == 1
    assert preview.info.kind is PackageKind.EVIDENCE and preview.info.file_count == 1
    assert {r.state for r in preview.records} == {RecordState.NEW}
    assert {r.part for r in preview.records} == {
        "firm", "fiscal_year", "market_position", "assessment", "evidence", "attachment",
        "application", "status_change", "decision"}

    result = imported(office, package)
    assert result.files_added == 1 and result.kept == result.taken == 0
    with firm_side.open() as workspace:
        theirs = workspace.firms.snapshot(firm_side.ids["firm"])
    with office.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        mine = workspace.firms.snapshot(firm.id)
        [item] = workspace.evidence.items(firm.id)
        assert workspace.evidence.file_path(item.attachments[0]).read_bytes() == \
            firm_side.ids["file"]
        [application] = workspace.applications.for_firm(firm.id)
        history = workspace.applications.history(application.id)
        again = workspace.packages.preview(package)
    assert firm.name == theirs.firm.name and firm.registration_date == theirs.firm.registration_date
    assert [(y.year, y.operating_revenue) for y in mine.fiscal_years] == [
        (2024, Decimal("8000")), (2025, Decimal("9500.5"))]
    assert mine.evidence[0].uid == theirs.evidence[0].uid
    assert application.uid == theirs.applications[0].uid and application.status is S.SUBMITTED
    assert [(h.from_status, h.to_status, h.who) for h in history] == [
        (None, S.DRAFT, "李会计"), (S.DRAFT, S.READY, "李会计"), (S.READY, S.SUBMITTED, "李会计")]
    assert [(d.criterion_id, d.note) for d in mine.decisions] == [("chain_role", "补短板")]
    # Imported again: nothing is new, nothing changes, and no backup is needed.
    assert {r.state for r in again.records} == {RecordState.UNCHANGED}
    assert imported(office, package).backup is None


def test_the_change_log_says_the_records_came_from_a_package(firm_side, office, tmp_path):
    imported(office, export(firm_side, tmp_path / "p.srdipkg"))
    with office.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        origins = workspace.context.database.handle.execute_sql(
            "SELECT DISTINCT origin, who FROM change_log WHERE firm_id = ?", (firm.id,)).fetchall()
    assert origins == [("package", "王科长")]


# -- new, changed, unchanged, conflicting -------------------------------------------------------

def test_a_field_edited_here_since_the_last_package_conflicts(firm_side, office, tmp_path):
    imported(office, export(firm_side, tmp_path / "p1.srdipkg"))
    with office.open() as workspace:   # the official corrects the 2025 revenue
        firm = workspace.firms.get_by_uscc(USCC)
        workspace.financials.set_year_from(firm.id, {
            "year": 2025, "operating_revenue": "9400", "rd_expense": "600",
            "employee_count": 120})
    with firm_side.open() as workspace:   # the firm changes 2025 and 2024
        firm_id = firm_side.ids["firm"]
        workspace.financials.set_year_from(firm_id, {
            "year": 2025, "operating_revenue": "9600", "rd_expense": "650",
            "employee_count": 120})
        workspace.financials.set_year_from(firm_id, {
            "year": 2024, "operating_revenue": "8000", "rd_expense": "600",
            "employee_count": 118})
    package = export(firm_side, tmp_path / "p2.srdipkg")
    with office.open() as workspace:
        preview = workspace.packages.preview(package)
    years = records(preview, "fiscal_year")
    assert years["2025"].state is RecordState.CONFLICTING
    revenue, rd = fields(years["2025"])["operating_revenue"], fields(years["2025"])["rd_expense"]
    assert (revenue.mine, revenue.theirs, revenue.conflicting) == ("9400", "9600", True)
    assert revenue.edited_by == "王科长" and revenue.edited_at is not None
    assert revenue.key == "fiscal_year/2025/operating_revenue"
    assert (rd.mine, rd.theirs, rd.conflicting) == ("600", "650", False)
    # 2024 came from the first package and nobody here touched it: changed, no conflict.
    assert years["2024"].state is RecordState.CHANGED
    assert [f.field for f in years["2024"].fields] == ["employee_count"]
    assert preview.conflicts == (revenue,)
    assert records(preview, "evidence")[next(iter(records(preview, "evidence")))].state is \
        RecordState.UNCHANGED

    # Keep mine (the default): the other fields arrive, the corrected revenue stays …
    result = imported(office, package)
    assert (result.kept, result.taken) == (1, 0)
    with office.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        year = workspace.financials.year(firm.id, 2025)
        assert (year.operating_revenue, year.rd_expense) == (Decimal("9400"), Decimal("650"))
        assert workspace.financials.year(firm.id, 2024).employee_count == 118
        # … and stays a conflict next time: keeping it was a person's decision.
        again = workspace.packages.preview(package)
    assert [f.key for f in again.conflicts] == ["fiscal_year/2025/operating_revenue"]
    assert {r.state for r in again.records} == {RecordState.UNCHANGED, RecordState.CONFLICTING}

    # Take theirs for that one conflict.
    result = imported(office, package,
                      resolutions={"fiscal_year/2025/operating_revenue": Resolution.TAKE})
    assert (result.kept, result.taken) == (0, 1)
    with office.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        assert workspace.financials.year(firm.id, 2025).operating_revenue == Decimal("9600")
        assert {r.state for r in workspace.packages.preview(package).records} == {
            RecordState.UNCHANGED}


def test_a_record_typed_here_conflicts_only_in_the_fields_a_person_wrote(
        firm_side, office, tmp_path):
    with office.open() as workspace:   # the official typed the firm and its 2024 revenue
        firm = workspace.firms.create_from({"uscc": USCC, "name": "苏州精测传感科技有限公司",
                                            "region_code": "320583", "industry_code": "C4021"})
        workspace.financials.set_year_from(firm.id, {"year": 2024, "operating_revenue": "7999"})
    package = export(firm_side, tmp_path / "p.srdipkg")
    with office.open() as workspace:
        preview = workspace.packages.preview(package)
    year = records(preview, "fiscal_year")["2024"]
    assert year.state is RecordState.CONFLICTING
    diffs = fields(year)
    assert diffs["operating_revenue"].conflicting          # typed here
    assert not diffs["employee_count"].conflicting          # never written here: changed
    assert not diffs["rd_expense"].conflicting
    assert records(preview, "fiscal_year")["2025"].state is RecordState.NEW
    profile = records(preview, "firm")[USCC]
    assert profile.state is RecordState.CHANGED               # only empty fields differ
    assert [f.field for f in profile.fields] == ["registration_date"]


def test_an_edit_older_than_the_last_package_no_longer_conflicts(firm_side, office, tmp_path):
    imported(office, export(firm_side, tmp_path / "p1.srdipkg"))
    with office.open() as workspace:   # the official edits the employees of 2025 …
        firm = workspace.firms.get_by_uscc(USCC)
        workspace.financials.set_year_from(firm.id, {
            "year": 2025, "operating_revenue": "9500.5", "rd_expense": "600",
            "employee_count": 121})
    with firm_side.open() as workspace:   # … the firm agrees and changes R&D
        workspace.financials.set_year_from(firm_side.ids["firm"], {
            "year": 2025, "operating_revenue": "9500.5", "rd_expense": "610",
            "employee_count": 121})
    imported(office, export(firm_side, tmp_path / "p2.srdipkg"))   # the record came again
    with firm_side.open() as workspace:   # later the firm corrects the employees
        workspace.financials.set_year_from(firm_side.ids["firm"], {
            "year": 2025, "operating_revenue": "9500.5", "rd_expense": "610",
            "employee_count": 122})
    package = export(firm_side, tmp_path / "p3.srdipkg")
    with office.open() as workspace:
        preview = workspace.packages.preview(package)
    [diff] = records(preview, "fiscal_year")["2025"].fields
    assert (diff.field, diff.mine, diff.theirs, diff.conflicting) == (
        "employee_count", "121", "122", False)


def test_take_all_and_keep_all_by_default(firm_side, office, tmp_path):
    imported(office, export(firm_side, tmp_path / "p1.srdipkg"))
    with office.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        workspace.firms.update(workspace.firms.get(firm.id).__class__(
            **{**workspace.firms.get(firm.id).to_dict(), "address": "苏州市吴中区",
               "contact_person": "王科长"}))
    with firm_side.open() as workspace:
        firm = workspace.firms.get(firm_side.ids["firm"])
        workspace.firms.update(firm.__class__(**{**firm.to_dict(), "address": "苏州工业园区",
                                                 "contact_person": "李会计"}))
    package = export(firm_side, tmp_path / "p2.srdipkg")
    result = imported(office, package, default="take")
    assert (result.taken, result.kept) == (2, 0)
    with office.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        assert (firm.address, firm.contact_person) == ("苏州工业园区", "李会计")


# -- all or nothing, backups ---------------------------------------------------------------------

def test_a_backup_is_written_before_the_import(firm_side, office, tmp_path):
    result = imported(office, export(firm_side, tmp_path / "p.srdipkg"))
    assert result.backup is not None and parse_name(result.backup.name)[1] == "before-package"
    with office.open() as workspace:
        assert workspace.backups.inspect(result.backup).firm_count == 0   # taken before


def test_a_late_failure_leaves_the_database_and_the_store_as_they_were(
        firm_side, office, tmp_path, monkeypatch):
    package = export(firm_side, tmp_path / "p.srdipkg")
    from desktop.db import applications as application_rows

    def failing(record):   # the last records written: the application's history
        raise DomainError(Message("db.failed", {"error": "disk I/O error"}))

    with office.open() as workspace:
        before, files = snapshot(workspace), store_files(office)
        monkeypatch.setattr(application_rows, "add_status_change", failing)
        with pytest.raises(DomainError) as error:
            workspace.packages.apply(package)
        assert error.value.messages[0].code == "db.failed"
        assert snapshot(workspace) == before
    assert store_files(office) == files == []


def test_a_cancel_while_writing_changes_nothing(firm_side, office, tmp_path):
    package = export(firm_side, tmp_path / "p.srdipkg")
    calls = []

    def progress(done, total):
        calls.append((done, total))
        # The writing phase counts records; stop at its very last step.
        return not (total > 3 and done == total and len(calls) > 3)

    with office.open() as workspace:
        before = snapshot(workspace)
        with pytest.raises(Cancelled):
            workspace.packages.apply(package, progress=progress)
        assert snapshot(workspace) == before
    assert store_files(office) == []


# -- the review flows back -----------------------------------------------------------------------

def review_at_the_office(office):
    with office.open() as workspace:
        firm = workspace.firms.get_by_uscc(USCC)
        [application] = workspace.applications.for_firm(firm.id)
        workspace.applications.move(application.id, S.RETURNED, "缺少2025年审计报告")
        workspace.applications.decide(application.id, "chain_role", "fail", "未说明补短板")
        workspace.applications.decide(application.id, "brand", "pass", "自主品牌")
        workspace.applications.update(application.__class__(**{
            **workspace.applications.get(application.id).to_dict(),
            "reviewer_notes": "请补充审计报告"}))
        return firm.id


def test_the_officials_review_comes_back_onto_the_firms_application(firm_side, office, tmp_path):
    imported(office, export(firm_side, tmp_path / "p1.srdipkg"))
    firm_id = review_at_the_office(office)
    with office.open() as workspace:
        review = workspace.packages.export(firm_id, tmp_path / "review.srdipkg", "review")
    with firm_side.open() as workspace:
        preview = workspace.packages.preview(review)
        assert preview.info.kind is PackageKind.REVIEW and preview.info.file_count == 0
        [application] = records(preview, "application").values()
        # The firm's status is the one it sent: the official's return is a change, no conflict.
        assert application.state is RecordState.CHANGED
        assert {f.field: (f.mine, f.theirs) for f in application.fields} == {
            "status": ("submitted", "returned"), "reviewer_notes": ("", "请补充审计报告")}
        decisions = records(preview, "decision")
        assert {k.split("/")[1]: d.state for k, d in decisions.items()} == {
            "chain_role": RecordState.CHANGED, "brand": RecordState.NEW}
        [change] = records(preview, "status_change").values()
        assert change.state is RecordState.NEW
        result = workspace.packages.apply(review)
        assert result.backup is not None and result.kept == 0
        app_id = firm_side.ids["application"]
        app = workspace.applications.get(app_id)
        assert (app.status, app.reviewer_notes) == (S.RETURNED, "请补充审计报告")
        last = workspace.applications.history(app_id)[-1]
        assert (last.to_status, last.reason, last.who) == (S.RETURNED, "缺少2025年审计报告", "王科长")
        assert {(d.criterion_id, d.decision.value, d.note)
                for d in workspace.applications.decisions(app_id)} == {
            ("chain_role", "fail", "未说明补短板"), ("brand", "pass", "自主品牌")}
        # The firm fixes it and submits again.
        for status in (S.DRAFT, S.READY, S.SUBMITTED):
            workspace.applications.move(app_id, status)
    package = export(firm_side, tmp_path / "p2.srdipkg")
    with office.open() as workspace:
        preview = workspace.packages.preview(package)
        [application] = records(preview, "application").values()
        assert application.state is RecordState.CHANGED   # the office's 'returned' is its base
        assert [(f.field, f.mine, f.theirs) for f in application.fields] == [
            ("status", "returned", "submitted")]
        assert len(records(preview, "status_change")) == 3
        assert {d.state for d in records(preview, "decision").values()} == {
            RecordState.UNCHANGED}


def test_a_review_for_a_firm_not_here_is_refused(firm_side, office, tmp_path):
    imported(office, export(firm_side, tmp_path / "p1.srdipkg"))
    firm_id = review_at_the_office(office)
    with office.open() as workspace:
        review = workspace.packages.export(firm_id, tmp_path / "review.srdipkg", "review")
        workspace.firms.delete(firm_id)
        before = snapshot(workspace)
        with pytest.raises(ValidationError) as error:
            workspace.packages.apply(review)
        assert [m.code for m in error.value.messages] == ["package.firm_unknown"]
        assert snapshot(workspace) == before


def test_a_review_naming_an_unknown_application_is_refused(firm_side, office, tmp_path,
                                                           template_db, clock):
    imported(office, export(firm_side, tmp_path / "p1.srdipkg"))
    firm_id = review_at_the_office(office)
    with office.open() as workspace:
        review = workspace.packages.export(firm_id, tmp_path / "review.srdipkg", "review")
        [application] = workspace.applications.for_firm(firm_id)
    other = make_side(tmp_path, template_db, "other", "赵", clock)
    with other.open() as workspace:   # the same firm, typed in, without that application
        workspace.firms.create_from({"uscc": USCC, "name": "苏州精测传感科技有限公司"})
        before = snapshot(workspace)
        with pytest.raises(ValidationError) as error:
            workspace.packages.preview(review)
        [message] = error.value.messages
        assert message.code == "package.unknown_application"
        assert message.params["uid"] == application.uid and message.params["tier"] == 3
        assert snapshot(workspace) == before


def test_an_evidence_item_of_another_firm_is_refused(firm_side, office, tmp_path):
    package = export(firm_side, tmp_path / "p.srdipkg")
    imported(office, package)
    with office.open() as workspace:   # the firm's record now exists here: rename the firm's
        firm = workspace.firms.get_by_uscc(USCC)   # code so the package names another firm
        workspace.context.database.handle.execute_sql(
            "UPDATE firm SET uscc = ? WHERE id = ?", (make_uscc(org="MA1QTHERX"), firm.id))
        with pytest.raises(ValidationError) as error:
            workspace.packages.preview(package)
        assert {m.code for m in error.value.messages} == {"package.other_firm_record"}


def test_invalid_values_are_refused_naming_part_and_field(firm_side, office, tmp_path):
    package = export(firm_side, tmp_path / "p.srdipkg")
    from tests.storage.test_package_safety import rebuild

    def change(data):
        data["fiscal_years"][1]["operating_revenue"] = "-5"
        data["applications"][0]["history"][1]["to_status"] = "approved"
        return data

    bad = rebuild(package, tmp_path / "bad.srdipkg", data=change)
    with office.open() as workspace:
        before = snapshot(workspace)
        with pytest.raises(ValidationError) as error:
            workspace.packages.apply(bad)
        assert snapshot(workspace) == before
    codes = {(m.code, m.field) for m in error.value.messages}
    assert error.value.messages[0].code == "package.invalid_data"
    assert ("money.negative", "fiscal_years.2025.operating_revenue") in codes
    uid = json.loads(zipfile.ZipFile(package).read("data.json"))["applications"][0]["uid"]
    assert ("status.illegal_move", f"applications.{uid}.history.2.to_status") in codes
