"""Frozen records that cross the layers. `id` is None until a record has been saved.

Money is in 万元 as Decimal; percentages (market share) are Decimal percents (12.5 = 12.5%);
every figure that is not known is None, never zero.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .enums import (
    Acquisition, ApplicationKind, ApplicationStatus, BatchStatus, ChangeAction, Decision,
    EvidenceKind, EvidenceStatus, HighValueBasis, LeadingProductField, Level, ListingStatus,
    MarketScope, OwnershipType, Rulebook, SectorClass, Tier,
)


class Record:
    """Shared helpers of the records below."""

    def to_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Firm(Record):
    uscc: str                                   # 统一社会信用代码 (unified_social_credit_code)
    name: str                                   # Chinese name as registered
    name_en: str = ""
    legal_representative: str = ""
    registration_date: date | None = None
    registered_capital: Decimal | None = None   # 万元
    region_code: str = ""                       # GB/T 2260 county-level code, 6 digits
    address: str = ""
    industry_code: str = ""                     # GB/T 4754-2017, e.g. C3985
    sector_class: SectorClass | None = None     # size-gate class of 300号
    niche_market: str = ""                      # 细分市场
    niche_entry_date: date | None = None        # when the firm entered its niche
    leading_product: str = ""                   # 主导产品
    leading_product_code: str = ""              # 10 digits, 《统计用产品分类目录》
    leading_product_field: LeadingProductField | None = None
    strategic_emerging: bool | None = None      # in 《战略性新兴产业分类》
    chain_role: str = ""                        # 补短板/锻长板/填空白 statement
    own_brand: bool | None = None               # 自主品牌
    brand_names: str = ""
    ownership_type: OwnershipType | None = None
    listing_status: ListingStatus | None = None
    stock_code: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    on_abnormal_operations_list: bool | None = None   # 经营异常名录
    on_serious_dishonesty_list: bool | None = None    # 严重违法失信
    notes: str = ""
    archived: bool = False
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


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
class Attachment(Record):
    evidence_id: int
    sha256: str
    original_name: str
    size: int
    stored_path: str          # relative to the attachment store's root
    added_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class EvidenceItem(Record):
    firm_id: int
    kind: EvidenceKind
    title: str
    subtype: str = ""                 # TitleType or AwardType value where the kind has one
    number: str = ""                  # patent number, certificate number …
    issuer: str = ""
    level: Level | None = None
    granted_date: date | None = None  # granted, issued or awarded
    valid_until: date | None = None
    status: EvidenceStatus = EvidenceStatus.VALID
    related_to_leading_product: bool | None = None
    acquisition: Acquisition | None = None
    transfer_date: date | None = None
    holder_rank: int | None = None    # the firm's rank among holders / winning units
    high_value_basis: HighValueBasis | None = None
    notes: str = ""
    id: int | None = None
    uid: str = ""                     # given once when first saved; the same on every machine
    attachments: tuple[Attachment, ...] = field(default=(), compare=False)


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


@dataclass(frozen=True)
class Batch(Record):
    name: str                                 # e.g. 2026年第八批
    tier: Tier
    rulebook: Rulebook | None = None          # None: chosen by each application's date
    region_code: str = ""
    deadline: date | None = None
    status: BatchStatus = BatchStatus.OPEN
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class StatusChange(Record):
    application_id: int
    from_status: ApplicationStatus | None
    to_status: ApplicationStatus
    who: str
    at: datetime
    reason: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ManualDecision(Record):
    application_id: int
    criterion_id: str
    decision: Decision
    note: str
    who: str = ""
    at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class Application(Record):
    firm_id: int
    tier: Tier
    kind: ApplicationKind = ApplicationKind.NEW
    batch_id: int | None = None
    assessment_date: date | None = None
    rulebook: Rulebook | None = None          # None: chosen by the assessment date and kind
    status: ApplicationStatus = ApplicationStatus.DRAFT
    platform_score: Decimal | None = None     # the score of the assessment year, when known
    provincial_feature_score: Decimal | None = None  # 2022 tier-2 特色化 points (0–15)
    ranking: int | None = None                # the official's recommendation order
    reviewer_notes: str = ""
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    uid: str = ""                             # given once when first saved; travels in packages


@dataclass(frozen=True)
class ChangeEntry(Record):
    at: datetime
    who: str
    table: str
    record_id: int
    action: ChangeAction
    field: str = ""
    old: str | None = None
    new: str | None = None
    id: int | None = None
    firm_id: int | None = None            # the firm whose history this change belongs to
    application_id: int | None = None     # and the application, for its records
    origin: str = ""                      # '' a person's edit; else what wrote it ('package')


@dataclass(frozen=True)
class FirmSummary(Record):
    """One row of the firm list: the profile's key columns and last year's revenue."""

    id: int
    uscc: str
    name: str
    region_code: str
    industry_code: str
    archived: bool
    last_year: int | None = None
    last_revenue: Decimal | None = None
    open_applications: int = 0


@dataclass(frozen=True)
class FirmQuery:
    """What the firm list shows: a search text (name, English name, USCC or pinyin initials),
    filters, and the order."""

    text: str = ""
    include_archived: bool = False
    archived_only: bool = False
    region_prefix: str = ""      # '32' a province, '3205' a city, a full code a county
    industry_prefix: str = ""    # 'C' a section, 'C39' a division …
    order_by: str = "name"       # name, uscc, region_code, industry_code, last_revenue, open_applications
    descending: bool = False
    ids: frozenset[int] | None = None   # only these firms (None: no such limit; empty: none)
    # An order computed outside the database (e.g. by verdict): these firms in this order, any
    # other firm after them by id. It replaces `order_by` (then only a label for the caller);
    # `descending` reverses it. It never limits the rows: that is `ids`.
    order_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class FirmSnapshot:
    """A firm with everything it owns, as taken before a delete (for undo)."""

    firm: Firm
    fiscal_years: tuple[FiscalYear, ...] = ()
    market_positions: tuple[MarketPosition, ...] = ()
    assessments: tuple[AnnualAssessment, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    applications: tuple[Application, ...] = ()
    status_changes: tuple[StatusChange, ...] = ()
    decisions: tuple[ManualDecision, ...] = ()


@dataclass(frozen=True)
class DueItem:
    """An evidence item expiring soon or already expired, with its firm."""

    firm_id: int
    firm_name: str
    uscc: str
    item: EvidenceItem
    days_left: int
