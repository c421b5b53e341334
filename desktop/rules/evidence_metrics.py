"""Metrics read from evidence, the profile and the yearly assessments: IP counts by the
reference's rules (criteria.md §3.2), titles, awards, institutions, market position, the
platform score, the size gate."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.domain import records as r
from desktop.domain.enums import (
    CLASS_I_IP_KINDS, Acquisition, EvidenceKind, EvidenceStatus, LeadingProductField, SectorClass,
)
from desktop.domain.messages import FieldRef, Message

from .measure import Context, Measured, missing, money, number, percent
from .metrics import register
from .size_class import classify

LEVEL_ORDER = ("national", "provincial", "municipal", "other")


def _years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _items(ctx: Context, kinds) -> list[r.EvidenceItem]:
    in_force = ctx.memo.get("in_force")
    if in_force is None:   # once per evaluation, not once per metric
        in_force = ctx.memo["in_force"] = tuple(i for i in ctx.facts.evidence
                                                if ctx.facts.in_force(i))
    return [i for i in in_force if i.kind in kinds]


# ---------------------------------------------------------------- IP
def _ip_counts(ctx: Context, item: r.EvidenceItem, params: dict) -> tuple[bool, Message | None]:
    """Whether an IP right counts under the test's rules, and if not, a note saying why."""
    today = ctx.facts.assessment_date
    name = item.number or item.title
    if params.get("related") and item.related_to_leading_product is not True:
        return False, Message("note.ip_not_related", {"item": name})
    if item.acquisition is Acquisition.TRANSFERRED:
        rule = params.get("transferred", "always")
        if rule == "never":
            return False, Message("note.ip_transferred", {"item": name})
        if rule == "after_wait":
            wait = ctx.settings["transfer_wait_years"]
            if item.transfer_date is None or item.transfer_date > _years_before(today, wait):
                return False, Message("note.ip_transferred_recently", {"item": name, "years": wait})
    limit = params.get("max_rank")
    if limit is not None and item.holder_rank is not None and item.holder_rank > limit:
        return False, Message("note.ip_rank", {"item": name, "rank": item.holder_rank, "max": limit})
    if item.kind in (EvidenceKind.UTILITY_MODEL_PATENT, EvidenceKind.DESIGN_PATENT):
        years = ctx.settings["class_ii_maintained_years"]
        if item.granted_date is None or item.granted_date >= _years_before(today, years):
            return False, Message("note.ip_not_maintained", {"item": name, "years": years})
    return True, None


def _not_counted(ctx: Context, kinds, params: dict) -> list[Message]:
    return [note for item in _items(ctx, kinds)
            for counts, note in [_ip_counts(ctx, item, params)] if not counts]


def _counted(ctx: Context, kinds, params: dict) -> list[r.EvidenceItem]:
    return [i for i in _items(ctx, kinds) if _ip_counts(ctx, i, params)[0]]


def _is_high_value(ctx: Context, item: r.EvidenceItem) -> bool:
    years = ctx.settings["high_value_maintained_years"]
    return item.high_value_basis is not None or (
        item.granted_date is not None
        and item.granted_date < _years_before(ctx.facts.assessment_date, years))


def _gap_ip(ctx: Context, test, measured: Measured) -> list[Message]:
    return [Message("gap.more_items", {"count": number(test.value - measured.value),
                                       "what": FieldRef("class_i_ip_related")})]


IP_PARAMS = ("related", "transferred", "max_rank")


@register("class_i_ip", kind="number", unit="count", params=IP_PARAMS, gap=_gap_ip)
def _class_i_ip(ctx: Context, params: dict, years, mode) -> Measured:
    counted = _counted(ctx, CLASS_I_IP_KINDS, params)
    return Measured(len(counted), f"{len(counted)}", ", ".join(i.number or i.title for i in counted),
                    evidence=tuple(i.id for i in counted if i.id is not None),
                    notes=_not_counted(ctx, CLASS_I_IP_KINDS, params))


IP_CATEGORIES = ("high_value_class_i", "self_developed_class_i", "class_i", "class_ii", "none")


@register("ip_category", kind="category", unit="category", params=IP_PARAMS,
          categories=IP_CATEGORIES)
def _ip_category(ctx: Context, params: dict, years, mode) -> Measured:
    class_i = _counted(ctx, CLASS_I_IP_KINDS, params)
    class_ii_kinds = {EvidenceKind.UTILITY_MODEL_PATENT, EvidenceKind.DESIGN_PATENT,
                      EvidenceKind.SOFTWARE_COPYRIGHT}
    class_ii = _counted(ctx, class_ii_kinds, params)
    if any(_is_high_value(ctx, i) for i in class_i):
        best, used = "high_value_class_i", [i for i in class_i if _is_high_value(ctx, i)]
    elif any(i.acquisition is Acquisition.SELF_DEVELOPED for i in class_i):
        best, used = "self_developed_class_i", [i for i in class_i
                                                if i.acquisition is Acquisition.SELF_DEVELOPED]
    elif class_i:
        best, used = "class_i", class_i
    elif class_ii:
        best, used = "class_ii", class_ii
    else:
        best, used = "none", []
    notes = _not_counted(ctx, CLASS_I_IP_KINDS, params) + _not_counted(ctx, class_ii_kinds, params)
    return Measured(best, best, f"Ⅰ {len(class_i)} · Ⅱ {len(class_ii)}",
                    evidence=tuple(i.id for i in used[:10] if i.id), notes=notes)


# ---------------------------------------------------------------- titles, awards, institutions
def _gap_need(what: str):
    def gap(ctx: Context, test, measured: Measured) -> list[Message]:
        return [Message("gap.need", {"what": FieldRef(what)})]
    return gap


def _gap_title(ctx: Context, test, measured: Measured) -> list[Message]:
    return [Message("gap.need", {"what": FieldRef("|".join(test.params["types"]))})]


@register("title", kind="boolean", unit="flag", params=("types",), gap=_gap_title)
def _title(ctx: Context, params: dict, years, mode) -> Measured:
    held = [i for i in _items(ctx, {EvidenceKind.TITLE}) if i.subtype in params["types"]]
    expired = [i for i in ctx.facts.evidence if i.kind is EvidenceKind.TITLE
               and i.subtype in params["types"] and i not in held]
    detail = ", ".join(f"{i.title} → {i.valid_until or '∞'}" for i in held)
    notes = [] if held else [Message("note.title_not_valid", {
        "item": i.title, "since": i.granted_date or "—", "until": i.valid_until or "—",
        "date": ctx.facts.assessment_date}) for i in expired]
    return Measured(bool(held), "✓" if held else "✗", detail,
                    evidence=tuple(i.id for i in held if i.id), notes=notes)


def _gap_award(ctx: Context, test, measured: Measured) -> list[Message]:
    what = "maker_china_needed" if "maker_china" in test.params.get("subtypes", ()) else "award_needed"
    return [Message("gap.need", {"what": FieldRef(what)})]


@register("award", kind="boolean", unit="flag",
          params=("subtypes", "levels", "within_years", "max_rank"), gap=_gap_award)
def _award(ctx: Context, params: dict, years, mode) -> Measured:
    since = date(ctx.facts.year - params.get("within_years", 3), 1, 1)
    found = []
    for item in ctx.facts.evidence:
        if item.kind is not EvidenceKind.AWARD or item.subtype not in params.get("subtypes", ()):
            continue
        if item.status in (EvidenceStatus.REVOKED, EvidenceStatus.PENDING):
            continue
        level = item.level.value if item.level else None
        if level not in params.get("levels", LEVEL_ORDER) or item.granted_date is None:
            continue
        if not since <= item.granted_date <= ctx.facts.assessment_date:
            continue
        limit = params.get("max_rank")
        if limit is not None and (item.holder_rank is None or item.holder_rank > limit):
            continue
        found.append(item)
    detail = ", ".join(f"{i.title} ({i.granted_date}, #{i.holder_rank})" for i in found)
    return Measured(bool(found), "✓" if found else "✗", detail,
                    evidence=tuple(i.id for i in found if i.id))


@register("rd_institution", kind="boolean", unit="flag", params=("levels",),
          gap=_gap_need("institution_needed"))
def _rd_institution(ctx: Context, params: dict, years, mode) -> Measured:
    found = [i for i in _items(ctx, {EvidenceKind.RD_INSTITUTION})
             if (i.level.value if i.level else "other") in params.get("levels", LEVEL_ORDER)]
    return Measured(bool(found), "✓" if found else "✗", ", ".join(i.title for i in found),
                    evidence=tuple(i.id for i in found if i.id))


@register("institution_level", kind="category", unit="category",
          categories=LEVEL_ORDER + ("none",))
def _institution_level(ctx: Context, params: dict, years, mode) -> Measured:
    items = _items(ctx, {EvidenceKind.RD_INSTITUTION})
    levels = [i.level.value if i.level else "other" for i in items]
    best = min(levels, key=LEVEL_ORDER.index) if levels else "none"
    used = [i for i, level in zip(items, levels) if level == best]
    return Measured(best, best, ", ".join(i.title for i in used),
                    evidence=tuple(i.id for i in used if i.id))


@register("evidence_count", kind="number", unit="count", params=("kinds",),
          gap=_gap_need("certification_needed"))
def _evidence_count(ctx: Context, params: dict, years, mode) -> Measured:
    kinds = {EvidenceKind(kind) for kind in params["kinds"]}
    found = _items(ctx, kinds)
    return Measured(len(found), str(len(found)), ", ".join(i.title for i in found),
                    evidence=tuple(i.id for i in found if i.id))


@register("quality_items", kind="number", unit="count")
def _quality_items(ctx: Context, params: dict, years, mode) -> Measured:
    """Quality award (provincial or higher), QMS certificate, own brand, a standard drafted."""
    award = [i for i in _items(ctx, {EvidenceKind.AWARD}) if i.subtype == "quality_award"
             and i.level is not None and i.level.value in ("national", "provincial")]
    certificate = _items(ctx, {EvidenceKind.MANAGEMENT_CERTIFICATION})
    standard = _items(ctx, {EvidenceKind.STANDARD})
    met = [name for name, ok in (("quality_award", award), ("management_certification", certificate),
                                 ("own_brand", ctx.facts.firm.own_brand), ("standard", standard))
           if ok]
    used = [i.id for group in (award, certificate, standard) for i in group if i.id]
    notes = [Message("note.items", {"items": FieldRef("|".join(met))})] if met else []
    return Measured(len(met), str(len(met)), "", evidence=tuple(used), notes=notes)


# ---------------------------------------------------------------- profile facts
def _flag(value: bool | None, what: str) -> Measured:
    if value is None:
        return Measured(None, missing=[missing(what)])
    return Measured(value, "✓" if value else "✗")


@register("own_brand", kind="boolean", unit="flag", gap=_gap_need("own_brand"))
def _own_brand(ctx: Context, params: dict, years, mode) -> Measured:
    measured = _flag(ctx.facts.firm.own_brand, "own_brand")
    measured.detail = ctx.facts.firm.brand_names
    return measured


@register("strategic_emerging", kind="category", unit="category", categories=("yes", "no"))
def _strategic_emerging(ctx: Context, params: dict, years, mode) -> Measured:
    value = ctx.facts.firm.strategic_emerging
    if value is None:
        return Measured(None, missing=[missing("strategic_emerging")])
    return Measured("yes" if value else "no", "✓" if value else "✗")


@register("field_category", kind="category", unit="category",
          categories=("chain_key_link", "six_foundations", "other"))
def _field_category(ctx: Context, params: dict, years, mode) -> Measured:
    firm = ctx.facts.firm
    if firm.chain_role.strip():
        return Measured("chain_key_link", "chain_key_link", firm.chain_role)
    if firm.leading_product_field is None:
        return Measured(None, missing=[missing("leading_product_field")])
    category = "six_foundations" if firm.leading_product_field.is_six_foundations else "other"
    return Measured(category, category, firm.leading_product_field.value)


@register("leading_product_field", kind="boolean", unit="flag", params=("fields",))
def _leading_product_field(ctx: Context, params: dict, years, mode) -> Measured:
    value = ctx.facts.firm.leading_product_field
    if value is None:
        return Measured(None, missing=[missing("leading_product_field")])
    allowed = {LeadingProductField(f) for f in params.get("fields", ())}
    return Measured(value in allowed, "✓" if value in allowed else "✗", value.value)


@register("compliance", kind="boolean", unit="flag", gap=_gap_need("compliance"))
def _compliance(ctx: Context, params: dict, years, mode) -> Measured:
    firm = ctx.facts.firm
    lists = ("on_abnormal_operations_list", "on_serious_dishonesty_list")
    unknown = [name for name in lists if getattr(firm, name) is None]
    if unknown:
        return Measured(None, missing=[missing(name) for name in unknown])
    listed = [name for name in lists if getattr(firm, name)]
    notes = [Message("note.items", {"items": FieldRef("|".join(listed))})] if listed else []
    return Measured(not listed, "✓" if not listed else "✗", notes=notes)


# ---------------------------------------------------------------- yearly assessments
def _latest_assessment(ctx: Context, attribute: str):
    for year in sorted(ctx.facts.assessments, reverse=True):
        value = getattr(ctx.facts.assessments[year], attribute)
        if year <= ctx.facts.year and value is not None:
            return year, value
    return None, None


def _assessment_metric(attribute: str):
    def measure(ctx: Context, params: dict, years, mode) -> Measured:
        year, value = _latest_assessment(ctx, attribute)
        if value is None:
            return Measured(None, missing=[missing(attribute)])
        return Measured(value, str(value), f"{value} ({year})")
    return measure


register("info_system_count", kind="number", unit="count",
         gap=_gap_need("info_system_count"))(_assessment_metric("info_system_count"))
register("digital_level", kind="number", unit="count")(_assessment_metric("digital_level"))


def _gap_points(ctx: Context, test, measured: Measured) -> list[Message]:
    return [Message("gap.more_points", {"points": number(test.value - measured.value)})]


@register("platform_score", kind="number", unit="score", gap=_gap_points)
def _platform_score(ctx: Context, params: dict, years, mode) -> Measured:
    """This year's score (the application's, else the firm's yearly record); at re-review the
    better of this year and last year (either year counts)."""
    facts = ctx.facts
    scores = {}
    this_year = facts.platform_score
    if this_year is None and facts.year in facts.assessments:
        this_year = facts.assessments[facts.year].platform_score
    if this_year is not None:
        scores[facts.year] = this_year
    if facts.is_review:
        last = facts.assessments.get(facts.year - 1)
        if last is not None and last.platform_score is not None:
            scores[facts.year - 1] = last.platform_score
    if not scores:
        return Measured(None, missing=[missing("platform_score", facts.year)])
    year, best = max(scores.items(), key=lambda item: item[1])
    detail = " · ".join(f"{number(v)} ({y})" for y, v in sorted(scores.items()))
    return Measured(best, number(best), detail)


@register("provincial_feature_score", kind="number", unit="score", gap=_gap_points)
def _provincial_feature_score(ctx: Context, params: dict, years, mode) -> Measured:
    value = ctx.facts.provincial_feature_score
    if value is None:
        return Measured(None, missing=[missing("provincial_feature_score")])
    return Measured(value, number(value))


# ---------------------------------------------------------------- market position
def _positions(ctx: Context, scopes) -> list[r.MarketPosition]:
    positions = [p for p in ctx.facts.market_positions
                 if p.scope.value in scopes and p.year <= ctx.facts.year]
    if not positions:
        return []
    latest = max(p.year for p in positions)
    return [p for p in positions if p.year == latest]


def _gap_share(ctx: Context, test, measured: Measured) -> list[Message]:
    return [Message("gap.raise_share", {"value": percent(measured.value),
                                        "threshold": percent(test.value)})]


@register("market_share", kind="number", unit="ratio", params=("scopes",), gap=_gap_share)
def _market_share(ctx: Context, params: dict, years, mode) -> Measured:
    known = [p for p in _positions(ctx, params.get("scopes", ("domestic",)))
             if p.share_percent is not None]
    if not known:
        return Measured(None, missing=[missing("share_percent")])
    best = max(known, key=lambda p: p.share_percent)
    value = best.share_percent / 100
    return Measured(value, percent(value), " · ".join(
        f"{number(p.share_percent)}% ({p.year})" for p in known))


@register("domestic_rank", kind="number", unit="count",
          gap=_gap_need("domestic_rank_needed"))
def _domestic_rank(ctx: Context, params: dict, years, mode) -> Measured:
    ranked = [p for p in _positions(ctx, ("domestic",)) if p.rank is not None]
    if not ranked:
        return Measured(None, missing=[missing("rank")])
    return Measured(ranked[0].rank, str(ranked[0].rank), f"#{ranked[0].rank} ({ranked[0].year})")


# ---------------------------------------------------------------- size gate
@register("size_class", kind="boolean", unit="flag", params=("classes",),
          gap=_gap_need("sme_needed"))
def _size_class(ctx: Context, params: dict, years, mode) -> Measured:
    gate = ctx.size_gate
    firm = ctx.facts.firm
    sector = firm.sector_class or SectorClass.OTHER
    figures = ctx.facts.figures(gate.year)
    year = ctx.facts.year + gate.year
    measures = {"employees": figures.employee_count if figures else None,
                "revenue": figures.operating_revenue if figures else None,
                "assets": figures.total_assets if figures else None}
    result = classify(gate, sector.value, measures)
    if result.size is None:
        fields = {"employees": "employee_count", "revenue": "operating_revenue",
                  "assets": "total_assets"}
        return Measured(None, missing=[missing(fields[m], year) for m in result.missing])
    value = result.size in params.get("classes", ("medium", "small", "micro"))
    labels = {"employees": "employee_count", "revenue": "operating_revenue", "assets": "total_assets"}
    used = {m: v for m, v in measures.items() if v is not None and m in result.used}
    notes = [Message("note.size", {"sector": FieldRef(sector.value), "year": year, "figures": " · ".join(
        f"{money(Decimal(v))}" for v in used.values()), "what": FieldRef("|".join(labels[m] for m in used))})]
    return Measured(value, result.size, "", gap_inputs={"size": result.size}, notes=notes)
