"""Header names in Chinese and English, their variants, units and years."""
import pytest

from desktop.excel.headers import (
    ASSESSMENT, EVIDENCE, FIRM, MARKET, HeaderBook, normalize, parse_mapping_target, sheet_unit,
    split_year, unit_scale,
)


@pytest.fixture(scope="module")
def book():
    return HeaderBook()


@pytest.mark.parametrize("text, field", [
    ("企业名称", "name"), ("单位名称", "name"), ("公司名称", "name"), ("* 企业名称", "name"),
    ("Company name", "name"), ("Firm name", "name"),
    ("统一社会信用代码", "uscc"), ("信用代码", "uscc"), ("社会信用代码", "uscc"), ("USCC", "uscc"),
    ("Unified social credit code", "uscc"),
    ("营业收入", "operating_revenue"), ("营业总收入", "operating_revenue"),
    ("Operating revenue", "operating_revenue"), ("operating_revenue", "operating_revenue"),
    ("研发费用", "rd_expense"), ("研发投入", "rd_expense"), ("R&D expense", "rd_expense"),
    ("从业人员数", "employee_count"), ("职工人数", "employee_count"),
    ("研发人员数（人）", "rd_staff_count"), ("年度", "year"), ("Year", "year"),
    ("成立日期", "registration_date"), ("行业代码", "industry_code"),
])
def test_synonyms_in_both_languages(book, text, field):
    assert book.match(text).field == field


@pytest.mark.parametrize("text, field, scale, unit", [
    ("营业收入（万元）", "operating_revenue", 0, "万元"),
    ("营业收入(万元)", "operating_revenue", 0, "万元"),
    ("营业收入(元)", "operating_revenue", -4, "元"),
    ("营业收入（单位：元）", "operating_revenue", -4, "元"),
    ("营业收入/元", "operating_revenue", -4, "元"),
    ("营业收入\n（千元）", "operating_revenue", -1, "千元"),
    ("营业收入（亿元）", "operating_revenue", 4, "亿元"),
    ("Operating revenue (10k CNY)", "operating_revenue", 0, "10kcny"),
    ("Revenue (CNY)", "operating_revenue", -4, "cny"),
    ("注册资本（元）", "registered_capital", -4, "元"),
    ("从业人员数（人）", "employee_count", 0, "人"),   # not money: never scaled
])
def test_units_in_the_header(book, text, field, scale, unit):
    match = book.match(text)
    assert (match.field, match.scale, match.unit) == (field, scale, unit)


@pytest.mark.parametrize("text, year, field, scale", [
    ("2024年营业收入", 2024, "operating_revenue", 0),
    ("2024年度营业收入（元）", 2024, "operating_revenue", -4),
    ("营业收入2023(万元)", 2023, "operating_revenue", 0),
    ("2022研发费用", 2022, "rd_expense", 0),
    ("Revenue 2024 (CNY)", 2024, "operating_revenue", -4),
    ("FY2024 R&D expense", 2024, "rd_expense", 0),
])
def test_per_year_columns(book, text, year, field, scale):
    match = book.match(text)
    assert (match.field, match.year, match.scale) == (field, year, scale)


def test_a_year_on_a_profile_field_is_not_a_known_header(book):
    assert book.match("2024年企业名称") is None
    assert split_year("营业收入") == ("营业收入", None)


def test_two_level_headers(book):
    assert book.match_levels("2024年", "营业收入").year == 2024
    lower = book.match_levels("营业收入（元）", "2023年")
    assert (lower.field, lower.year, lower.scale) == ("operating_revenue", 2023, -4)
    assert book.match_levels("基本信息", "企业名称").field == "name"
    assert book.match_levels("企业名称", None).field == "name"     # merged down two rows
    assert book.match_levels(None, "信用代码").field == "uscc"
    assert book.match_levels("财务数据", "某某公司") is None


def test_kinds_are_told_apart_by_their_columns(book):
    assert book.kind_of({"uscc", "name", "operating_revenue"}) == FIRM
    assert book.kind_of({"uscc", "year", "scope", "share_percent"}) == MARKET
    assert book.kind_of({"uscc", "year", "digital_level", "platform_score"}) == ASSESSMENT
    assert book.kind_of({"uscc", "kind", "title", "granted_date"}) == EVIDENCE
    assert book.kind_of({"uscc", "year", "platform_score"}) == ASSESSMENT
    assert book.kind_of({"uscc", "name", "year", "rank", "operating_revenue"}) == FIRM
    assert book.match("名称", EVIDENCE).field == "title"


def test_units_stated_in_a_title_row():
    assert sheet_unit("金额单位：元") == "元" and unit_scale("元") == -4
    assert sheet_unit("单位：万元") == "万元" and unit_scale("万元") == 0
    assert sheet_unit("2024年专精特新企业汇总表") is None


def test_normalize_folds_full_width_and_noise():
    assert normalize("  营业收入（万元） ") == normalize("营业收入(万元)") == "营业收入(万元)"
    assert normalize("Operating  Revenue") == "operatingrevenue"


def test_mapping_targets(book):
    assert parse_mapping_target(book, "operating_revenue").field == "operating_revenue"
    target = parse_mapping_target(book, "operating_revenue:2024")
    assert (target.field, target.year) == ("operating_revenue", 2024)
    assert parse_mapping_target(book, "2023年研发费用（元）").scale == -4
    assert parse_mapping_target(book, "") is None and parse_mapping_target(book, "ignore") is None
    assert parse_mapping_target(book, "no such field") == "no such field"
