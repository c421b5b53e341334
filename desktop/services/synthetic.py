"""A deterministic synthetic province: many realistic firms for measuring SRDI Desk at scale.

`generate(workspace, firms=100_000, seed=1)` makes firms with valid USCCs (check character
computed) in real, current regions and industries, Chinese names, `years` fiscal years each,
`evidence` evidence items, a market position and an assessment per firm, and `applications`
applications spread over `batches` batches of the three tiers. Figures are drawn around the
thresholds of the rulebooks (small, middling and strong firms), so the verdicts spread over
pass, fail and missing data instead of all passing.

Everything goes through services/bulk.py: the services' validators, then multi-row INSERTs
per table (desktop/db/bulk.py), in one transaction. The same seed, sizes and workspace clock give identical data,
uids included (drawn from the seeded generator, not uuid4).
"""
from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from desktop.domain import records as r
from desktop.domain.enums import (
    Acquisition, ApplicationStatus, EvidenceKind, EvidenceStatus, LeadingProductField, Level,
    ListingStatus, MarketScope, OwnershipType, TitleType, Tier,
)

from . import codes
from .bulk import BulkService, FirmBundle

CHUNK = 2_000   # firms validated and written per step: bounded memory, progress to report
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"   # USCC characters (no I, O, S, V, Z)
_BRAND = "精恒岳华瑞鑫睿博达泰盛捷诚越凯宏晟卓科信联创芯微智远航安明德"
_TRADE = ("传感科技", "精密机械", "新材料", "电子科技", "智能装备", "生物医药", "软件技术",
          "光电科技", "汽车零部件", "环保科技", "轴承制造", "半导体", "液压技术", "数控技术",
          "化工材料", "仪器仪表", "医疗器械", "通信技术", "能源科技", "模具制造")
_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.READY, ApplicationStatus.SUBMITTED,
             ApplicationStatus.RECOMMENDED, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)
Progress = Callable[[int, int], object]


@dataclass(frozen=True)
class GeneratedCounts:
    firms: int
    fiscal_years: int
    evidence: int
    batches: int
    applications: int


def _money(cents: float) -> Decimal:
    """万元 to two decimals (whole 百元), exact."""
    return Decimal(int(cents)).scaleb(-2)


class _Maker:
    """Draws one firm after another from a seeded generator."""

    def __init__(self, seed: int, today: date, years: int, evidence: int) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.years = years
        self.evidence = evidence
        # Current county-level regions and industry classes (manufacturing twice as likely).
        self.regions = [code for code in codes._all_region_codes()
                        if not code.endswith("00") and codes.region(code) is not None]
        classes = [i.code for i in codes.industries().values() if i.level == "class"]
        self.industries = classes + [code for code in classes if code.startswith("C")]

    def uid(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def uscc(self, index: int, region: str) -> str:
        from stdnum.cn import uscc

        org, rest = [], index
        for _ in range(7):   # the index in base 31: unique for 27 billion firms
            rest, digit = divmod(rest, len(_ORG_ALPHABET))
            org.append(_ORG_ALPHABET[digit])
        body = f"91{region}MA{''.join(reversed(org))}"
        return body + uscc.calc_check_digit(body)

    def name(self, region: str) -> str:
        place = codes.region(region)
        city = (place.city or place.province).rstrip("市").removesuffix("地区") or place.county
        brand = "".join(self.rng.choice(_BRAND) for _ in range(2))
        return f"{city[:4]}{brand}{self.rng.choice(_TRADE)}有限公司"

    def bundle(self, index: int) -> FirmBundle:
        rng = self.rng
        region = rng.choice(self.regions)
        strength = rng.random()          # 0 small … 1 strong: where the thresholds fall
        founded = date(rng.randint(1995, 2021), rng.randint(1, 12), rng.randint(1, 28))
        firm = r.Firm(
            uscc=self.uscc(index, region), name=self.name(region), region_code=region,
            industry_code=rng.choice(self.industries), registration_date=founded,
            registered_capital=_money(rng.randint(5_000, 2_000_000)),
            niche_entry_date=founded + timedelta(days=rng.randint(0, 1500)),
            niche_market=f"细分市场{rng.randint(1, 500)}号", leading_product="主导产品",
            leading_product_field=rng.choice(list(LeadingProductField)),
            strategic_emerging=rng.random() < 0.5, own_brand=rng.random() < 0.7,
            ownership_type=rng.choice(list(OwnershipType)), listing_status=ListingStatus.NO_PLAN,
            on_abnormal_operations_list=rng.random() < 0.02,
            on_serious_dishonesty_list=rng.random() < 0.01)
        last = self.today.year - 1
        return FirmBundle(
            firm=firm, fiscal_years=self._years(strength, last),
            market_positions=(r.MarketPosition(
                firm_id=0, year=last, scope=MarketScope.DOMESTIC,
                share_percent=Decimal(int(rng.randint(1, 400) * strength)).scaleb(-1),
                rank=rng.randint(1, 30)),) if rng.random() < 0.8 else (),
            assessments=(r.AnnualAssessment(   # this year's score: published during the year
                firm_id=0, year=self.today.year, digital_level=rng.randint(1, 4),
                info_system_count=rng.randint(0, 8),
                platform_score=Decimal(rng.randint(300, 950)).scaleb(-1)),),
            evidence=tuple(self._title(strength) if number == 0 else self._evidence(strength)
                           for number in range(self.evidence)))

    def _years(self, strength: float, last: int) -> tuple[r.FiscalYear, ...]:
        rng = self.rng
        revenue = 200 + strength ** 2 * rng.uniform(2_000, 40_000)   # 万元 in the first year
        growth = rng.uniform(-0.1, 0.35)
        years = []
        for year in range(last - self.years + 1, last + 1):
            revenue *= 1 + growth + rng.uniform(-0.05, 0.05)
            employees = max(5, int(revenue / rng.uniform(15, 60)))
            assets = revenue * rng.uniform(0.8, 1.8)
            main = revenue * rng.uniform(0.75, 1.0)
            years.append(r.FiscalYear(
                firm_id=0, year=year, operating_revenue=_money(revenue * 100),
                main_business_revenue=_money(main * 100),
                main_business_cost=_money(main * rng.uniform(50, 85)),
                rd_expense=_money(revenue * rng.uniform(0.5, 9)),
                total_cost_expense=_money(revenue * rng.uniform(70, 95)),
                total_assets=_money(assets * 100),
                total_liabilities=_money(assets * rng.uniform(20, 85)),
                net_profit=_money(revenue * rng.uniform(-5, 15)),
                employee_count=employees, rd_staff_count=int(employees * rng.uniform(0.03, 0.3)),
                tech_staff_count=int(employees * rng.uniform(0.05, 0.4)),
                equity_financing=Decimal(0)))
        return tuple(years)

    def _title(self, strength: float) -> r.EvidenceItem:
        """A firm's first item: the title of the tier below the one it can reach (the
        tier-2 and tier-3 rules ask for it), or a high-tech title for the weaker ones."""
        rng = self.rng
        title = (TitleType.SPECIALIZED_SME if strength > 0.6
                 else TitleType.TECH_INNOVATIVE_SME if strength > 0.3
                 else TitleType.HIGH_TECH_ENTERPRISE)
        granted = self.today - timedelta(days=rng.randint(60, 900))
        return r.EvidenceItem(firm_id=0, kind=EvidenceKind.TITLE, subtype=title.value,
                              title=f"{title.value} {rng.randint(1, 10**6)}",
                              level=Level.PROVINCIAL, granted_date=granted,
                              valid_until=granted + timedelta(days=3 * 365), uid=self.uid())

    def _evidence(self, strength: float) -> r.EvidenceItem:
        rng = self.rng
        granted = self.today - timedelta(days=rng.randint(30, 4_000))
        roll = rng.random()
        if roll < 0.1 + 0.6 * strength or strength > 0.85:   # the strongest: tier-3 IP
            kind, valid = EvidenceKind.INVENTION_PATENT, granted + timedelta(days=20 * 365)
            extra = {"acquisition": Acquisition.SELF_DEVELOPED, "holder_rank": rng.randint(1, 3),
                     "related_to_leading_product": rng.random() < 0.8}
        elif roll < 0.75:
            kind = rng.choice((EvidenceKind.UTILITY_MODEL_PATENT, EvidenceKind.SOFTWARE_COPYRIGHT))
            valid, extra = granted + timedelta(days=10 * 365), {
                "acquisition": Acquisition.SELF_DEVELOPED, "related_to_leading_product": True}
        elif roll < 0.9:
            kind, valid = EvidenceKind.MANAGEMENT_CERTIFICATION, granted + timedelta(days=3 * 365)
            extra = {}
        else:
            kind, valid = EvidenceKind.TITLE, granted + timedelta(days=3 * 365)
            extra = {"subtype": rng.choice((TitleType.INNOVATIVE_SME, TitleType.SPECIALIZED_SME,
                                            TitleType.HIGH_TECH_ENTERPRISE)).value,
                     "level": Level.PROVINCIAL}
        status = EvidenceStatus.VALID if valid >= self.today else EvidenceStatus.EXPIRED
        return r.EvidenceItem(firm_id=0, kind=kind, title=f"{kind.value} {rng.randint(1, 10**6)}",
                              number=f"ZL{rng.randint(10**11, 10**12 - 1)}", granted_date=granted,
                              valid_until=valid, status=status, uid=self.uid(), **extra)


def generate(workspace, firms: int = 100_000, years: int = 4, evidence: int = 5,
             applications: int = 10_000, batches: int = 12, seed: int = 1,
             progress: Progress | None = None) -> GeneratedCounts:
    """Add a synthetic province to `workspace` in one transaction (all or nothing).

    The first `applications` firms get one application each, in `batches` open batches (tiers
    1, 2, 3 in turn); `progress(done, total)` is told after every CHUNK firms.
    """
    context = workspace.context
    service = BulkService(context, workspace.firms)
    today = context.today()
    maker = _Maker(seed, today, years, evidence)
    applications = min(applications, firms)
    with context.database.transaction():
        batch_ids = service.add_batches([
            r.Batch(name=f"合成批次 {seed}-{number + 1:03d}", tier=Tier(number % 3 + 1))
            for number in range(batches)]) if batches and applications else []
        for start in range(0, firms, CHUNK):
            bundles = []
            for index in range(start, min(start + CHUNK, firms)):
                bundle = maker.bundle(index)
                if index < applications:
                    number = index % len(batch_ids)
                    bundle = dataclasses.replace(bundle, applications=(r.Application(
                        firm_id=0, tier=Tier(number % 3 + 1), batch_id=batch_ids[number],
                        assessment_date=today - timedelta(days=maker.rng.randint(0, 300)),
                        status=maker.rng.choice(_STATUSES),
                        platform_score=Decimal(maker.rng.randint(400, 950)).scaleb(-1),
                        uid=maker.uid()),))
                bundles.append(bundle)
            service.add_firms(bundles, origin="synthetic")
            if progress is not None:
                progress(min(start + CHUNK, firms), firms)
    return GeneratedCounts(firms=firms, fiscal_years=firms * years, evidence=firms * evidence,
                           batches=len(batch_ids), applications=applications)
