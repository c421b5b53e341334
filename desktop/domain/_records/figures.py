"""A firm's figures by year: the fiscal year, the market position, the annual assessment.
(Imported through desktop/domain/records.py.)"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..enums import MarketScope
from ..records import Record


@dataclass(frozen=True)
class FiscalYear(Record):
    firm_id: int
    year: int
    operating_revenue: Decimal | None = None     # 营业收入
    main_business_revenue: Decimal | None = None  # 主营业务收入
    main_business_cost: Decimal | None = None    # 主营业务成本
    rd_expense: Decimal | None = None            # 研发费用
    total_cost_expense: Decimal | None = None    # 成本费用总额 (科技型 R&D basis b)
    total_assets: Decimal | None = None
    total_liabilities: Decimal | None = None
    net_profit: Decimal | None = None
    employee_count: int | None = None            # 从业人员
    rd_staff_count: int | None = None            # 研发人员
    tech_staff_count: int | None = None          # 科技人员
    equity_financing: Decimal | None = None      # new paid-in equity from qualified investors
    source_note: str = ""                        # e.g. the audited report's number
    id: int | None = None


# The fields of FiscalYear that hold figures (as opposed to keys and the note).
FISCAL_FIGURES = tuple(
    name for name in FiscalYear.field_names() if name not in ("firm_id", "year", "source_note", "id")
)
FISCAL_COUNTS = ("employee_count", "rd_staff_count", "tech_staff_count")
FISCAL_MONEY = tuple(name for name in FISCAL_FIGURES if name not in FISCAL_COUNTS)


@dataclass(frozen=True)
class MarketPosition(Record):
    """The leading product's market share and rank in one year (2026: self-stated)."""

    firm_id: int
    year: int
    scope: MarketScope
    share_percent: Decimal | None = None
    rank: int | None = None
    niche: str = ""
    source: str = ""
    id: int | None = None


@dataclass(frozen=True)
class AnnualAssessment(Record):
    """Facts assessed once a year: digital level, information systems, the platform score."""

    firm_id: int
    year: int
    digital_level: int | None = None          # 1, 2, 3 or 4 (数字化水平 一级…四级)
    info_system_count: int | None = None      # core businesses running on an information system
    platform_score: Decimal | None = None     # 专精特新发展评价得分 from zjtx.miit.gov.cn
    source: str = ""
    id: int | None = None
