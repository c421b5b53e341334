"""The firm's profile. Imported through desktop/domain/records.py."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..enums import LeadingProductField, ListingStatus, OwnershipType, SectorClass
from ..records import Record


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
