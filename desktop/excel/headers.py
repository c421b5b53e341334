"""Recognising column headers: which field a header names, for which year, in which unit.

Real workbooks spell headers many ways: 企业名称 / 单位名称 / 公司名称, 营业收入（万元） /
营业收入(元) / 2024年营业收入, English labels, the field identifiers of the data workbook.
A header is normalised (NFKC folds full-width brackets and colons, case and spaces are
dropped), its year and unit are taken out, and the rest is looked up in the synonyms of each
record kind. Money is stored in 万元; `scale` is the power of ten that turns the header's unit
into 万元 (元 → -4), applied exactly with Decimal.scaleb.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.domain import records as r
from desktop.domain.catalog import FIELD_LABELS

# The record kinds a sheet can hold. A firm sheet carries the profile and, optionally, the
# figures of fiscal years (in per-year columns, or one row per firm and year).
FIRM, MARKET, ASSESSMENT, EVIDENCE = "firm", "market_position", "assessment", "evidence"
KINDS = (FIRM, MARKET, ASSESSMENT, EVIDENCE)
IDENTITY = ("uscc", "name")

FISCAL_FIELDS = frozenset(r.FiscalYear.field_names()) - {"firm_id", "id"}
_NOT_INPUT = {"id", "firm_id", "created_at", "updated_at", "attachments"}
FIELDS_BY_KIND: dict[str, frozenset[str]] = {
    FIRM: frozenset(r.Firm.field_names()) - _NOT_INPUT | FISCAL_FIELDS,
    MARKET: frozenset(r.MarketPosition.field_names()) - _NOT_INPUT | set(IDENTITY),
    ASSESSMENT: frozenset(r.AnnualAssessment.field_names()) - _NOT_INPUT | set(IDENTITY),
    EVIDENCE: frozenset(r.EvidenceItem.field_names()) - _NOT_INPUT | set(IDENTITY),
}
# Fields that tell a sheet's kind apart from a firm sheet.
DISTINCTIVE: dict[str, frozenset[str]] = {
    MARKET: frozenset({"scope", "share_percent", "rank"}),
    ASSESSMENT: frozenset({"digital_level", "info_system_count", "platform_score"}),
    EVIDENCE: frozenset({"kind", "title", "subtype", "issuer", "granted_date", "valid_until",
                         "acquisition", "holder_rank", "high_value_basis", "number"}),
}
_FIRM_OWN = FIELDS_BY_KIND[FIRM] - {*IDENTITY, "year", "notes", "source_note"}
MONEY_FIELDS = frozenset(r.FISCAL_MONEY) | {"registered_capital"}

# Common spellings beyond the catalog's labels and the identifiers (normalised on use).
_COMMON: dict[str, tuple[str, ...]] = {
    "uscc": ("统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码", "社会统一信用代码",
             "统一代码", "unifiedsocialcreditcode", "creditcode", "usci"),
    "name": ("企业名称", "单位名称", "公司名称", "企业全称", "单位全称", "企业(单位)名称",
             "申报单位", "申报企业", "firmname", "companyname", "company", "enterprise",
             "enterprisename"),
    "legal_representative": ("法人代表", "法定代表人姓名", "法人"),
    "registration_date": ("成立日期", "成立时间", "注册时间", "登记日期", "establishmentdate"),
    "registered_capital": ("注册资金", "注册资本金"),
    "region_code": ("行政区划代码", "地区代码", "区划代码"),
    "industry_code": ("所属行业代码", "国民经济行业代码", "行业分类代码"),
    "contact_person": ("联系人姓名",),
    "contact_phone": ("联系方式", "联系电话(手机)", "手机", "电话"),
    "contact_email": ("邮箱", "电子邮件", "email"),
    "year": ("年度", "年份", "会计年度", "财务年度", "fiscalyear"),
    "operating_revenue": ("营业收入", "营业总收入", "营收", "revenue", "totalrevenue"),
    "main_business_revenue": ("主营业务收入", "主营收入", "主营业务收入额"),
    "main_business_cost": ("主营业务成本", "主营成本"),
    "rd_expense": ("研发费用", "研发投入", "研发经费", "研发费用总额", "研究开发费用",
                   "研发经费支出", "r&dexpense", "r&dexpenses", "rdexpense"),
    "total_cost_expense": ("成本费用总额", "成本费用合计"),
    "total_assets": ("资产总额", "总资产", "资产总计", "资产合计"),
    "total_liabilities": ("负债总额", "总负债", "负债合计"),
    "net_profit": ("净利润", "净利润额", "netincome"),
    "employee_count": ("从业人员数", "从业人员", "从业人数", "职工人数", "员工人数", "员工总数",
                       "职工总数", "employees", "headcount"),
    "rd_staff_count": ("研发人员数", "研发人员", "研发人数", "r&dstaff", "researchers"),
    "tech_staff_count": ("科技人员数", "科技人员"),
    "equity_financing": ("股权融资", "股权融资额"),
    "source_note": ("数据来源", "审计报告编号"),
    "notes": ("备注", "remarks", "remark"),
}
# Units a header may state, as the power of ten that turns them into 万元.
_UNITS = {"万元": 0, "千元": -1, "元": -4, "亿元": 4, "人民币万元": 0, "人民币元": -4,
          "10kcny": 0, "10kyuan": 0, "tenthousandyuan": 0, "cny10k": 0, "rmb10k": 0,
          "cny": -4, "rmb": -4, "yuan": -4}
_UNIT_WORDS = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_BRACKETED = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")
_TRAILING_UNIT = re.compile(rf"(?:[/,;:]|单位[:]?)?({_UNIT_WORDS})$")
_SHEET_UNIT = re.compile(rf"(?:金额)?单位[:]?(?:人民币)?({_UNIT_WORDS})")
_YEAR = re.compile(r"(?:fy)?((?:19|20)\d{2})(?:年度|年末|年|fy)?")
_NOISE = re.compile(r"[\s*＊:：、_\-—.·]+")


def normalize(text: object) -> str:
    """Full-width folded, lower case, without spaces, asterisks and punctuation noise."""
    folded = unicodedata.normalize("NFKC", str(text or "")).lower()
    folded = folded.replace("（", "(").replace("）", ")")
    return _NOISE.sub("", folded)


def _build_synonyms() -> dict[str, dict[str, str]]:
    """Per kind: normalised spelling → field. Identifiers and catalog labels count too."""
    table: dict[str, dict[str, str]] = {}
    for kind, fields in FIELDS_BY_KIND.items():
        spellings: dict[str, str] = {}
        for name in sorted(fields):
            words = [name, *FIELD_LABELS.get(name, ()), *_COMMON.get(name, ())]
            for word in words:
                base, _unit = split_unit(normalize(word))
                spellings.setdefault(base, name)
        table[kind] = spellings
    return table


@dataclass(frozen=True)
class HeaderMatch:
    field: str
    year: int | None = None
    scale: int = 0            # power of ten to 万元 (money fields only)
    unit: str = ""            # the unit as the header states it ('' when none)


def split_unit(text: str) -> tuple[str, str]:
    """'营业收入(万元)' → ('营业收入', '万元'); units in brackets or at the end."""
    unit = ""
    for match in _BRACKETED.finditer(text):
        inner = match.group(1).replace("单位", "").strip(":")
        if inner in _UNITS or inner in ("%", "人", "个", "项", "分", "名", "年"):
            unit = unit or inner
    text = _BRACKETED.sub(lambda m: "" if m.group(1).replace("单位", "").strip(":")
                          in _UNITS or m.group(1) in ("%", "人", "个", "项", "分", "名", "年")
                          else m.group(0), text)
    trailing = _TRAILING_UNIT.search(text)
    if trailing and trailing.start() > 0 and not unit:
        unit, text = trailing.group(1), text[:trailing.start()]
    return text, unit


def split_year(text: str) -> tuple[str, int | None]:
    """'2024年营业收入' → ('营业收入', 2024); only a year at the start or the end counts."""
    for match in _YEAR.finditer(text):
        if match.start() == 0 or match.end() == len(text):
            return text[:match.start()] + text[match.end():], int(match.group(1))
    return text, None


def sheet_unit(text: object) -> str | None:
    """The unit a title row states ('金额单位：元' → '元'); None when it states none."""
    match = _SHEET_UNIT.search(normalize(text))
    return match.group(1) if match else None


def unit_scale(unit: str) -> int:
    """The power of ten that turns an amount in `unit` into 万元 (unknown units: 0)."""
    return _UNITS.get(unit, 0)


class HeaderBook:
    """Looks headers up; built once per import (the synonym table is derived)."""

    def __init__(self) -> None:
        self.synonyms = _build_synonyms()

    def match(self, text: object, kind: str | None = None) -> HeaderMatch | None:
        """The field a header names in `kind` (any kind, firm first, when None)."""
        folded = normalize(text)
        if not folded:
            return None
        rest, unit = split_unit(folded)
        rest, year = split_year(rest)
        rest, unit2 = split_unit(rest)  # '营业收入2024(万元)': the unit came before the year
        unit = unit or unit2
        for candidate in ([kind] if kind else KINDS):
            name = self.synonyms[candidate].get(rest)
            if name is not None:
                if year is not None and (name not in FISCAL_FIELDS or name == "year"):
                    continue  # a year on a profile field: not a header we know
                scale = _UNITS.get(unit, 0) if name in MONEY_FIELDS else 0
                return HeaderMatch(name, year, scale, unit)
        return None

    def match_levels(self, top: object, bottom: object, kind: str | None = None) -> HeaderMatch | None:
        """A two-level header: 'top bottom' together, else the lower level with the upper
        level's year and unit ('2024年' over '营业收入'), else the upper level alone."""
        if not normalize(bottom):
            return self.match(top, kind)
        if not normalize(top):
            return self.match(bottom, kind)
        for text in (f"{top}{bottom}", f"{bottom}{top}"):
            found = self.match(text, kind)
            if found is not None:
                return found
        lower = self.match(bottom, kind)
        if lower is None:
            return None
        upper_rest, upper_unit = split_unit(normalize(top))
        _, upper_year = split_year(upper_rest)
        year = lower.year or upper_year
        if year is not None and lower.field not in FISCAL_FIELDS:
            year = None
        unit = lower.unit or upper_unit
        scale = _UNITS.get(unit, 0) if lower.field in MONEY_FIELDS else 0
        return HeaderMatch(lower.field, year, scale, unit)

    def kind_of(self, fields: set[str]) -> str:
        """The kind whose own columns a sheet has most of; a firm sheet on a tie."""
        best, best_count = FIRM, len(fields & _FIRM_OWN)
        for kind, distinctive in DISTINCTIVE.items():
            count = len(fields & distinctive)
            if count > best_count:
                best, best_count = kind, count
        return best


def parse_mapping_target(book: HeaderBook, target: object) -> HeaderMatch | None | str:
    """A mapping file's value: a field identifier, 'field:2024', or any header text we can
    read. Returns None to ignore the column, or the unreadable text."""
    text = str(target or "").strip()
    if text in ("", "-", "ignore", "忽略"):
        return None
    if ":" in text and text.rsplit(":", 1)[1].strip().isdigit():
        name, year = text.rsplit(":", 1)
        found = book.match(name)
        if found is None:
            return text
        return HeaderMatch(found.field, int(year), found.scale, found.unit)
    return book.match(text) or text
