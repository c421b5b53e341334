"""Enumerations of the domain, stored as their lowercase string values.

Names follow the glossary of the domain reference (criteria.md §12).
"""
from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    """An enum whose value is the lowercase string stored in the database and in files."""

    def __str__(self) -> str:  # so f-strings and JSON show the stored value
        return self.value

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)


class SectorClass(StrEnum):
    """Industry classes of the SME size gate (工信部联企业〔2011〕300号), one per clause."""

    AGRICULTURE = "agriculture"                  # 农、林、牧、渔业
    INDUSTRIAL = "industrial"                    # 工业 (采矿业, 制造业, 电力/热力/燃气及水)
    CONSTRUCTION = "construction"                # 建筑业
    WHOLESALE = "wholesale"                      # 批发业
    RETAIL = "retail"                            # 零售业
    TRANSPORT = "transport"                      # 交通运输业
    WAREHOUSING = "warehousing"                  # 仓储业
    POSTAL = "postal"                            # 邮政业
    ACCOMMODATION = "accommodation"              # 住宿业
    CATERING = "catering"                        # 餐饮业
    INFORMATION_TRANSMISSION = "information_transmission"  # 信息传输业
    SOFTWARE_IT = "software_it"                  # 软件和信息技术服务业
    REAL_ESTATE_DEVELOPMENT = "real_estate_development"    # 房地产开发经营
    PROPERTY_MANAGEMENT = "property_management"  # 物业管理
    LEASING_BUSINESS_SERVICES = "leasing_business_services"  # 租赁和商务服务业
    OTHER = "other"                              # 其他未列明行业


class OwnershipType(StrEnum):
    STATE_OWNED = "state_owned"      # 国有
    JOINT_VENTURE = "joint_venture"  # 合资
    PRIVATE = "private"              # 民营
    FOREIGN = "foreign"              # 外资


class ListingStatus(StrEnum):
    NO_PLAN = "no_plan"    # 无上市计划
    PLANNED = "planned"    # 有上市计划
    LISTED = "listed"      # 已上市


class LeadingProductField(StrEnum):
    """Where the leading product sits (2026 tier-3 G6, 2022 tier-2 indicator 4)."""

    CORE_BASIC_PARTS = "core_basic_parts"
    CORE_BASIC_COMPONENTS = "core_basic_components"
    KEY_SOFTWARE = "key_software"
    ADVANCED_BASIC_PROCESSES = "advanced_basic_processes"
    KEY_BASIC_MATERIALS = "key_basic_materials"
    INDUSTRIAL_TECH_FOUNDATION = "industrial_tech_foundation"
    TRADITIONAL_UPGRADE = "traditional_upgrade"    # 改造升级传统产业
    EMERGING_INDUSTRY = "emerging_industry"        # 培育壮大新兴产业
    FUTURE_INDUSTRY = "future_industry"            # 布局建设未来产业
    OTHER = "other"

    @property
    def is_six_foundations(self) -> bool:
        return self in SIX_FOUNDATIONS


SIX_FOUNDATIONS = frozenset({
    LeadingProductField.CORE_BASIC_PARTS,
    LeadingProductField.CORE_BASIC_COMPONENTS,
    LeadingProductField.KEY_SOFTWARE,
    LeadingProductField.ADVANCED_BASIC_PROCESSES,
    LeadingProductField.KEY_BASIC_MATERIALS,
    LeadingProductField.INDUSTRIAL_TECH_FOUNDATION,
})


class EvidenceKind(StrEnum):
    INVENTION_PATENT = "invention_patent"
    UTILITY_MODEL_PATENT = "utility_model_patent"
    DESIGN_PATENT = "design_patent"
    SOFTWARE_COPYRIGHT = "software_copyright"
    IC_LAYOUT_DESIGN = "ic_layout_design"
    PLANT_VARIETY = "plant_variety"
    NATIONAL_NEW_DRUG = "national_new_drug"
    OTHER_CLASS_I_IP = "other_class_i_ip"          # e.g. 国家一级中药保护品种, 国防专利
    MANAGEMENT_CERTIFICATION = "management_certification"  # e.g. ISO 9001
    PRODUCT_CERTIFICATION = "product_certification"        # e.g. CE, UL
    AWARD = "award"
    RD_INSTITUTION = "rd_institution"
    STANDARD = "standard"                          # a standard the firm drafted
    TITLE = "title"                                # a designation held (see TitleType)
    MARKET_SHARE_STATEMENT = "market_share_statement"
    IMPORT_SUBSTITUTION = "import_substitution"    # 首台（套）/首批次, customer statement
    AUDITED_REPORT = "audited_report"
    OTHER = "other"

    @property
    def is_ip(self) -> bool:
        return self in CLASS_I_IP_KINDS or self in CLASS_II_IP_KINDS


# criteria.md §3.2: the Class I and Class II lists.
CLASS_I_IP_KINDS = frozenset({
    EvidenceKind.INVENTION_PATENT,
    EvidenceKind.IC_LAYOUT_DESIGN,
    EvidenceKind.PLANT_VARIETY,
    EvidenceKind.NATIONAL_NEW_DRUG,
    EvidenceKind.OTHER_CLASS_I_IP,
})
CLASS_II_IP_KINDS = frozenset({
    EvidenceKind.UTILITY_MODEL_PATENT,
    EvidenceKind.DESIGN_PATENT,
    EvidenceKind.SOFTWARE_COPYRIGHT,
})


class TitleType(StrEnum):
    """The designation an evidence item of kind `title` stands for."""

    INNOVATIVE_SME = "innovative_sme"              # 创新型中小企业 (tier 1, 2022)
    TECH_BASED_SME = "tech_based_sme"              # 科技型中小企业
    TECH_INNOVATIVE_SME = "tech_innovative_sme"    # 科技和创新型中小企业 (tier 1, 2026)
    SPECIALIZED_SME = "specialized_sme"            # 专精特新中小企业 (tier 2)
    LITTLE_GIANT = "little_giant"                  # 专精特新"小巨人" (tier 3)
    HIGH_TECH_ENTERPRISE = "high_tech_enterprise"  # 高新技术企业
    TECH_INNOVATION_DEMO = "tech_innovation_demo"  # 国家级技术创新示范企业
    IP_ADVANTAGE = "ip_advantage"                  # 知识产权优势企业
    IP_DEMO = "ip_demo"                            # 知识产权示范企业
    GAZELLE = "gazelle"                            # 瞪羚企业
    UNICORN = "unicorn"                            # 独角兽企业
    OTHER = "other"


class AwardType(StrEnum):
    """The kind of award an evidence item of kind `award` records."""

    ST_AWARD = "st_award"              # 科技奖励 (国家/省部级科学技术奖)
    PATENT_AWARD = "patent_award"      # 中国专利奖
    QUALITY_AWARD = "quality_award"    # 质量奖
    MAKER_CHINA = "maker_china"        # 创客中国 (rank in the list goes to holder_rank)
    OTHER = "other"


# Which subtype values each kind admits; kinds not listed take no subtype.
SUBTYPES_BY_KIND: dict[EvidenceKind, type[StrEnum]] = {
    EvidenceKind.TITLE: TitleType,
    EvidenceKind.AWARD: AwardType,
}


class Level(StrEnum):
    """Level of an award, institution, title or standard. `other` includes below municipal."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"      # 省部级
    MUNICIPAL = "municipal"
    OTHER = "other"


class EvidenceStatus(StrEnum):
    VALID = "valid"        # granted and in force
    PENDING = "pending"    # applied for, not yet granted
    EXPIRED = "expired"
    REVOKED = "revoked"    # invalidated, withdrawn or lapsed


class Acquisition(StrEnum):
    """How an IP right was obtained; transferred rights count only after a year (criteria §3.2)."""

    SELF_DEVELOPED = "self_developed"
    TRANSFERRED = "transferred"
    OTHER = "other"


class HighValueBasis(StrEnum):
    """Why a Class I right is high-value (criteria §3.2); >10 years' maintenance is derived."""

    OVERSEAS_FAMILY = "overseas_family"
    PLEDGE_FINANCING = "pledge_financing"
    AWARD = "award"


class MarketScope(StrEnum):
    DOMESTIC = "domestic"
    INTERNATIONAL = "international"


class Tier(int, Enum):
    INNOVATIVE = 1      # 创新型 / 科技和创新型中小企业
    SPECIALIZED = 2     # 专精特新中小企业
    LITTLE_GIANT = 3    # 专精特新"小巨人"

    def __str__(self) -> str:
        return str(self.value)


class ApplicationKind(StrEnum):
    NEW = "new"
    REVIEW = "review"   # 复核 (re-review when a title's validity ends)


class Rulebook(StrEnum):
    R2022 = "2022"      # 工信部企业〔2022〕63号
    R2026 = "2026"      # 工信部企业〔2026〕2号


class BatchStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    RECOMMENDED = "recommended"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self not in FINAL_STATUSES


FINAL_STATUSES = frozenset({
    ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN,
})

_S = ApplicationStatus
# The legal moves. Withdrawal is possible from every open state; returning needs a reason.
STATUS_TRANSITIONS: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    _S.DRAFT: frozenset({_S.READY, _S.WITHDRAWN}),
    _S.READY: frozenset({_S.DRAFT, _S.SUBMITTED, _S.WITHDRAWN}),
    _S.SUBMITTED: frozenset({_S.RETURNED, _S.RECOMMENDED, _S.WITHDRAWN}),
    _S.RETURNED: frozenset({_S.DRAFT, _S.READY, _S.WITHDRAWN}),
    _S.RECOMMENDED: frozenset({_S.APPROVED, _S.REJECTED, _S.WITHDRAWN}),
    _S.APPROVED: frozenset(),
    _S.REJECTED: frozenset(),
    _S.WITHDRAWN: frozenset(),
}
STATUSES_NEEDING_REASON = frozenset({_S.RETURNED, _S.REJECTED})


class Decision(StrEnum):
    """A person's decision on a qualitative (manual-review) criterion."""

    PASS = "pass"
    FAIL = "fail"


class ChangeAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
