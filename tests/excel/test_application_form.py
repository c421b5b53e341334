"""The application workbook: sections and numbers equal the database and the engine; print
setup; languages; written atomically, cancellable."""
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.domain.messages import render
from desktop.excel import application_form
from desktop.services.demo import load_demo

DEMO_USCC = "91320505246682363J"   # criteria.md §10 Firm A: tier 2 (2026) fails on S3 only


@pytest.fixture
def demo(workspace):
    load_demo(workspace)
    firm = workspace.firms.get_by_uscc(DEMO_USCC)
    application = next(a for a in workspace.applications.for_firm(firm.id) if a.tier == 2)
    return workspace, firm, application


@pytest.fixture
def out(tmp_path):
    """An empty folder for the workbooks (tmp_path also holds the database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def rows_by_label(sheet, column: int = 1) -> dict[str, tuple]:
    """The rows of a sheet keyed by the text in `column` (1 = A)."""
    found = {}
    for row in sheet.iter_rows():
        key = row[column - 1].value
        if isinstance(key, str):
            found.setdefault(key, row)
    return found


def test_sections_and_figures_equal_the_database(demo, out):
    workspace, firm, application = demo
    target = out / "form.xlsx"
    result = workspace.exports.application_form(application.id, target)
    assert result.path == target and not result.cancelled
    book = load_workbook(target)
    assert book.sheetnames == ["封面", "申请书"]
    cover = [c.value for row in book["封面"].iter_rows() for c in row if c.value]
    assert firm.name in cover and "2026年江苏省专精特新中小企业" in cover
    assert "江苏省中小企业主管部门" in cover
    form = book["申请书"]
    rows = rows_by_label(form)
    for heading in ("一、企业基本情况", "二、经济效益指标", "三、评价结论"):
        assert heading in rows
    assert firm.uscc in [c.value for row in form.iter_rows() for c in row]
    header = rows["指标"]
    assert [c.value for c in header[4:7]] == ["2023年", "2024年", "2025年"]
    revenue = rows["营业收入（万元）"]
    assert revenue[6].value == 1800 and revenue[6].data_type == "n"
    for column, year in zip((4, 5, 6), (2023, 2024, 2025)):
        figures = workspace.financials.year(firm.id, year)
        assert Decimal(str(rows["营业收入（万元）"][column].value)) == figures.operating_revenue
        assert Decimal(str(rows["研发费用总额（万元）"][column].value)) == figures.rd_expense
        assert rows["全职员工数量（人）"][column].value == figures.employee_count
    rd_ratio = rows["研发费用占营业收入比重"][6]
    assert round(rd_ratio.value, 4) == 0.0667 and rd_ratio.number_format == "0.00%"
    assert rows["资产负债率"][6].value == pytest.approx(0.48)
    assert rows["主营业务收入增长率"][4].value is None  # 2022 is not on file: empty, not 0


def test_every_criterion_shows_the_engines_outcome_and_gap(demo, out):
    workspace, _, application = demo
    target = out / "form.xlsx"
    workspace.exports.application_form(application.id, target)
    rows = rows_by_label(load_workbook(target)["申请书"])
    verdict = workspace.qualification.evaluate_application(application.id)
    outcome = {"pass": "通过", "fail": "未通过", "manual": "待人工判定", "missing": "数据缺失"}
    for criterion in verdict.criteria:
        row = rows[criterion.id]
        assert row[1].value == criterion.title.zh
        assert row[3].value == outcome[criterion.outcome.value]
    s3 = rows["S3.rd_amount"]
    assert s3[3].value == "未通过"
    gap = next(c for c in verdict.criteria if c.id == "S3.rd_amount").gap
    assert s3[7].value == render(gap[0], "zh_CN") == "2024 年研发费用（万元）还需增加 5"
    assert "七、条件 S3" in rows   # one section per criterion group
    assert rows["评价结论"][2].value == "未通过"


def test_ip_list_and_attachments_list_the_evidence(demo, out):
    workspace, firm, application = demo
    target = out / "form.xlsx"
    workspace.exports.application_form(application.id, target)
    values = [c.value for row in load_workbook(target)["申请书"].iter_rows() for c in row]
    items = workspace.evidence.items(firm.id)
    for item in items:
        if item.kind.is_ip:
            assert item.number in values and item.title in values
        for attachment in item.attachments:
            assert attachment.sha256 in values and attachment.original_name in values
    assert "发明专利" in values and "自主研发" in values


def test_print_ready(demo, out):
    workspace, _, application = demo
    target = out / "form.xlsx"
    workspace.exports.application_form(application.id, target)
    book = load_workbook(target)
    for sheet in book:
        assert sheet.page_setup.paperSize == 9   # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.merged_cells.ranges
    form = book["申请书"]
    assert form.freeze_panes == "A2"
    assert form.print_title_rows == "$1:$1"
    assert "A1:H1" in {str(r) for r in form.merged_cells.ranges}
    assert form.column_dimensions["H"].width == application_form.WIDTHS[-1]
    title = form["A1"]
    assert title.font.bold and title.alignment.wrap_text
    heading = form["A3"]
    assert heading.value == "一、企业基本情况" and heading.border.left.style == "thin"


def test_english_when_asked(demo, out):
    workspace, _, application = demo
    target = out / "form_en.xlsx"
    workspace.exports.application_form(application.id, target, lang="en")
    book = load_workbook(target)
    assert book.sheetnames == ["Cover", "Application"]
    rows = rows_by_label(book["Application"])
    assert "1. Basic information" in rows and "2. Key economic indicators" in rows
    assert rows["Operating revenue (10k CNY)"][6].value == 1800
    assert rows["S3.rd_amount"][3].value == "fail"
    assert rows["S3.rd_amount"][7].value == "R&D expense (10k CNY) of 2024 needs +5"


def test_unknown_figures_stay_empty(workspace, firm, out):
    from desktop.domain import records as r
    from desktop.domain.enums import Tier

    application = workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier(1)))
    target = out / "bare.xlsx"
    workspace.exports.application_form(application.id, target)
    rows = rows_by_label(load_workbook(target)["申请书"])
    assert [c.value for c in rows["营业收入（万元）"][4:7]] == [None, None, None]
    assert rows["无"] is not None  # the empty IP list says so


def test_a_failing_writer_leaves_no_file(demo, out, monkeypatch):
    workspace, _, application = demo
    target = out / "form.xlsx"

    def broken(self):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(application_form._Form, "ip_list", broken)
    with pytest.raises(RuntimeError):
        workspace.exports.application_form(application.id, target)
    assert list(out.iterdir()) == []


def test_a_failure_keeps_the_previous_file(demo, out, monkeypatch):
    workspace, _, application = demo
    target = out / "form.xlsx"
    target.write_bytes(b"previous")
    monkeypatch.setattr(application_form._Form, "declaration",
                        lambda self: (_ for _ in ()).throw(RuntimeError("late")))
    with pytest.raises(RuntimeError):
        workspace.exports.application_form(application.id, target)
    assert target.read_bytes() == b"previous" and list(out.iterdir()) == [target]


def test_progress_reports_and_cancel_leaves_no_file(demo, out):
    workspace, _, application = demo
    calls = []
    target = out / "form.xlsx"
    workspace.exports.application_form(application.id, target,
                                       progress=lambda done, total: calls.append((done, total)))
    total = calls[0][1]
    assert calls == [(n, total) for n in range(total + 1)] and total > 8

    target.unlink()
    seen = []

    def cancel_on_third(done, total):
        seen.append(done)
        return len(seen) < 3
    result = workspace.exports.application_form(application.id, target, progress=cancel_on_third)
    assert result.cancelled and result.path is None and result.message.code == "export.cancelled"
    assert list(out.iterdir()) == []
