"""The recommendation summary: a sheet per tier and totals, the official's ranking order,
numbers as numbers (percentages too), formula-like text as text, atomic and cancellable."""
import dataclasses
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.domain import records as r
from desktop.domain.enums import CLASS_I_IP_KINDS, EvidenceStatus, Tier
from desktop.excel import batch_summary
from desktop.excel.styles import text
from desktop.services.demo import load_demo
from tests.conftest import make_uscc

JIANGSU = "2026年江苏省专精特新中小企业"      # tier 2
EIGHTH = "2026年第八批专精特新“小巨人”企业"   # tier 3
DEMO_USCC = "91320505246682363J"
HEADER_ROW = 3


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def demo(workspace):
    load_demo(workspace)
    return workspace


def batch_ids(workspace, *names):
    return [workspace.batches.get_by_name(name).id for name in names]


def data_rows(sheet):
    """The rows below the header, as lists of cells, keyed by the header's text."""
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[HEADER_ROW - 1]]
    return [dict(zip(header, row)) for row in rows[HEADER_ROW:]]


def rank(workspace, application_id, ranking):
    application = workspace.applications.get(application_id)
    workspace.applications.update(dataclasses.replace(application, ranking=ranking))


def test_sheet_per_tier_and_totals_in_ranking_order(demo, out):
    jiangsu = demo.applications.in_batch(batch_ids(demo, JIANGSU)[0])
    # The official ranks the last two; the rest follow unranked, by id.
    rank(demo, jiangsu[-1].id, 1)
    rank(demo, jiangsu[-2].id, 2)
    target = out / "summary.xlsx"
    result = demo.exports.batch_summary(batch_ids(demo, JIANGSU, EIGHTH), target)
    eighth = demo.applications.in_batch(batch_ids(demo, EIGHTH)[0])
    assert result.count == len(jiangsu) + len(eighth) and result.path == target
    book = load_workbook(target)
    assert book.sheetnames == ["汇总", "专精特新中小企业", "专精特新小巨人企业"]
    rows = data_rows(book["专精特新中小企业"])
    expected = [jiangsu[-1], jiangsu[-2]] + sorted(jiangsu[:-2], key=lambda a: a.id)
    firms = {a.id: demo.firms.get(a.firm_id) for a in expected}
    assert [row["统一社会信用代码"].value for row in rows] == [firms[a.id].uscc for a in expected]
    assert [row["序号"].value for row in rows] == list(range(1, len(expected) + 1))
    assert [row["推荐排序"].value for row in rows[:3]] == [1, 2, None]
    assert len(data_rows(book["专精特新小巨人企业"])) == len(eighth)

    totals = data_rows(book["汇总"])
    assert [row["层级"].value for row in totals] == ["专精特新中小企业", "专精特新小巨人企业", "合计"]
    assert [row["申报数"].value for row in totals] == [len(jiangsu), len(eighth),
                                                     len(jiangsu) + len(eighth)]
    verdicts = [demo.qualification.evaluate_application(a.id).outcome.value for a in jiangsu]
    assert totals[0]["通过"].value == verdicts.count("pass")
    assert totals[0]["未通过"].value == verdicts.count("fail")


def test_numbers_are_numbers_and_equal_the_database(demo, out):
    target = out / "summary.xlsx"
    demo.exports.batch_summary(batch_ids(demo, JIANGSU), target)
    rows = data_rows(load_workbook(target)["专精特新中小企业"])
    row = next(row for row in rows if row["统一社会信用代码"].value == DEMO_USCC)
    firm = demo.firms.get_by_uscc(DEMO_USCC)
    figures = demo.financials.year(firm.id, 2025)
    revenue = row["上年营业收入（万元）"]
    assert revenue.value == 1800 and revenue.data_type == "n"
    assert Decimal(str(revenue.value)) == figures.operating_revenue
    for column, expected in (("主营业务收入占比", figures.main_business_revenue / figures.operating_revenue),
                             ("研发费用占比", figures.rd_expense / figures.operating_revenue),
                             ("资产负债率", figures.total_liabilities / figures.total_assets)):
        assert row[column].data_type == "n" and row[column].number_format == "0.00%"
        assert row[column].value == pytest.approx(float(expected))
    assert round(row["研发费用占比"].value, 4) == 0.0667
    class_i = sum(1 for item in demo.evidence.items(firm.id)
                  if item.kind in CLASS_I_IP_KINDS and item.status is EvidenceStatus.VALID)
    assert row["Ⅰ类知识产权（项）"].value == class_i == 2
    assert row["评价得分"].value == 55 and row["评价结论"].value == "未通过"
    assert row["状态"].value == "已退回" and row["申报类型"].value == "新申报"
    assert row["联系人"].value == firm.contact_person and row["所在地区"].value == "江苏省苏州市虎丘区"
    # A firm with data missing lists what it lacks.
    incomplete = next(row for row in rows if row["评价结论"].value == "数据不全")
    assert "S3.rd_amount" in incomplete["缺失项"].value


def test_formula_like_text_is_stored_as_text(workspace, out):
    firm = workspace.firms.create_from({
        "uscc": make_uscc(), "name": "苏州测试科技有限公司", "region_code": "320583",
        "contact_person": "=cmd|", "contact_phone": "0512-12345678"})
    batch = workspace.batches.create(r.Batch(name="2027年测试批次", tier=Tier(2)))
    workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier(2), batch_id=batch.id))
    target = out / "summary.xlsx"
    workspace.exports.batch_summary([batch.id], target)
    (row,) = data_rows(load_workbook(target)["专精特新中小企业"])
    contact = row["联系人"]
    assert contact.value == "=cmd|" and contact.data_type == "s" and contact.quotePrefix
    assert row["上年营业收入（万元）"].value is None   # unknown stays empty, never 0
    assert "S2.revenue" in row["缺失项"].value      # and the summary says it is missing


def test_english_labels_when_asked(demo, out):
    target = out / "summary_en.xlsx"
    demo.exports.batch_summary(batch_ids(demo, JIANGSU), target, lang="en")
    book = load_workbook(target)
    assert book.sheetnames == ["Totals", "Tier 2 specialised SMEs"]
    row = next(row for row in data_rows(book["Tier 2 specialised SMEs"])
               if row["USCC"].value == DEMO_USCC)
    assert row["Verdict"].value == "fail" and row["Status"].value == "returned"


def test_print_setup_and_frozen_header(demo, out):
    target = out / "summary.xlsx"
    demo.exports.batch_summary(batch_ids(demo, JIANGSU), target)
    for sheet in load_workbook(target):
        assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
        # one page wide (an absent fitToWidth is 1: ECMA-376's default), any number tall
        assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$3:$3"
    tier = load_workbook(target)["专精特新中小企业"]
    assert tier.freeze_panes == "D4" and tier.auto_filter.ref.startswith("A3:S")


def test_a_failing_writer_leaves_no_file(demo, out, monkeypatch):
    original = batch_summary._Summary.add
    calls = []

    def fail_on_third(self, row):
        calls.append(row)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        original(self, row)
    monkeypatch.setattr(batch_summary._Summary, "add", fail_on_third)
    with pytest.raises(RuntimeError):
        demo.exports.batch_summary(batch_ids(demo, JIANGSU), out / "summary.xlsx")
    assert list(out.iterdir()) == []


def test_progress_is_reported_and_false_cancels(demo, out):
    target = out / "summary.xlsx"
    calls = []
    demo.exports.batch_summary(batch_ids(demo, JIANGSU), target,
                               progress=lambda done, total: calls.append((done, total)))
    total = len(demo.applications.in_batch(batch_ids(demo, JIANGSU)[0]))
    assert calls == [(n, total) for n in range(total + 1)]
    target.unlink()
    result = demo.exports.batch_summary(batch_ids(demo, JIANGSU), target,
                                        progress=lambda done, total: done < 2)
    assert result.cancelled and result.path is None and list(out.iterdir()) == []


def test_rows_are_read_and_judged_a_chunk_at_a_time_as_they_are_written(demo, out, monkeypatch):
    """Streaming: the applications of a chunk are judged only when the writer reaches it, so
    memory holds one chunk however large the batches."""
    from desktop.services import exports

    monkeypatch.setattr(exports, "SUMMARY_CHUNK", 2)
    events = []
    digests = demo.qualification.application_verdicts.digests
    monkeypatch.setattr(demo.qualification.application_verdicts, "digests",
                        lambda part: events.append(len(part)) or digests(part))
    demo.exports.batch_summary(batch_ids(demo, JIANGSU), out / "summary.xlsx",
                               progress=lambda done, total: events.append("written"))
    total = len(demo.applications.in_batch(batch_ids(demo, JIANGSU)[0]))
    assert total > 4
    assert events[:7] == ["written", 2, "written", "written", 2, "written", "written"]
    assert sum(e for e in events if e != "written") == total


def test_the_summary_shows_the_verdicts_the_batch_check_showed(demo, out, monkeypatch):
    """A batch checked on the desk is exported without judging it again, with the same
    verdicts; a change to one firm judges that firm's application again, and only it."""
    batch_id = batch_ids(demo, JIANGSU)[0]
    checked = dict(demo.qualification.evaluate_batch(batch_id))
    judged = []
    evaluate = demo.qualification.evaluate_applications
    monkeypatch.setattr(demo.qualification, "evaluate_applications",
                        lambda applications: judged.extend(applications) or evaluate(applications))
    target = out / "summary.xlsx"
    demo.exports.batch_summary([batch_id], target)
    assert judged == []
    shown = {row["统一社会信用代码"].value: row["评价结论"].value
             for row in data_rows(load_workbook(target)["专精特新中小企业"])}
    assert shown == {demo.firms.get(a.firm_id).uscc: text(f"tier_outcome.{v.outcome.value}", "zh_CN")
                     for a, v in checked.items()}

    firm = demo.firms.get_by_uscc(DEMO_USCC)
    demo.firms.update(dataclasses.replace(firm, contact_phone="0512-66668888"))
    demo.exports.batch_summary([batch_id], target)
    assert [a.firm_id for a in judged] == [firm.id]


def test_a_checked_summary_reads_a_few_statements_however_many_applications(demo, out):
    """No statement per application: the firms, figures and counts come in one statement."""
    ids = [batch.id for batch in demo.batches.list()]
    for batch_id in ids:
        demo.qualification.evaluate_batch(batch_id)
    count = sum(len(demo.applications.in_batch(batch_id)) for batch_id in ids)
    seen: list[str] = []
    connection = demo.context.database.sqlite_connection()
    connection.set_trace_callback(seen.append)
    try:
        result = demo.exports.batch_summary(ids, out / "summary.xlsx")
    finally:
        connection.set_trace_callback(None)
    assert result.count == count > 20
    assert len(seen) <= len(ids) + 4    # each batch's name, the rows, the data clock


def test_empty_cells_of_the_table_are_bordered_and_the_title_spans_the_table(demo, out):
    target = out / "summary.xlsx"
    demo.exports.batch_summary(batch_ids(demo, JIANGSU), target)
    sheet = load_workbook(target)["专精特新中小企业"]
    last = sheet.max_row
    (blanks,) = [rule for rules in sheet.conditional_formatting for rule in rules.rules]
    assert str(next(iter(sheet.conditional_formatting)).sqref) == f"A4:S{last}"
    assert blanks.type == "containsBlanks" and blanks.dxf.border.left.style == "thin"
    assert "A1:S1" in {str(merged) for merged in sheet.merged_cells.ranges}
    firm = data_rows(sheet)[0]["企业名称"]
    assert firm.border.left.style == "thin" and firm.font.name == "宋体"
    assert firm.alignment.wrap_text and firm.alignment.vertical == "center"


def test_the_cycle_collector_runs_again_after_a_summary_even_a_failed_one(demo, out, monkeypatch):
    import gc

    demo.exports.batch_summary(batch_ids(demo, JIANGSU), out / "summary.xlsx")
    assert gc.isenabled()
    monkeypatch.setattr(batch_summary._Summary, "add", lambda self, row: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        demo.exports.batch_summary(batch_ids(demo, JIANGSU), out / "again.xlsx")
    assert gc.isenabled()


def test_missing_texts_are_remembered_by_all_they_say():
    """The summary renders each different missing text once; gaps that differ only in their
    parameters (Message's equality leaves those out) are different texts."""
    from desktop.domain.messages import FieldRef, Message
    from desktop.domain.verdicts import CriterionResult, Outcome, Text, TierOutcome
    from desktop.services.application_verdicts import ApplicationDigest
    from desktop.services.exports import _known_missing_text, missing_text

    def digest(*params):
        gaps = tuple(Message("gap.enter", {"what": value}) for value in params)
        return ApplicationDigest(TierOutcome.INCOMPLETE, None, (CriterionResult(
            "G5.share", "G5", Text("市场占有率", "market share"), Outcome.MISSING, gap=gaps),))

    known: dict = {}
    share, rank = digest(FieldRef("share_percent")), digest(FieldRef("rank"))
    unhashable = digest(["rank"])
    for verdict in (share, rank, share, unhashable, rank):
        assert _known_missing_text(verdict, "zh_CN", known) == missing_text(verdict, "zh_CN")
    assert missing_text(share, "zh_CN") != missing_text(rank, "zh_CN")
    assert len(known) == 2
