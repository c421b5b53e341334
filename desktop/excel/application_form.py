"""The application workbook (申请书), laid out like the official form (criteria.md §7).

Sheet 1 is the cover; sheet 2 holds the sections in order: 一 basic information, 二 the
economic indicators of the three years before the application year side by side, then the
engine's verdict and one section per criterion group, the IP list, certifications / awards /
institutions, the attachment list, and the declaration with the recommending unit's block.
Figures are numbers with number formats (ratios exact, shown as percentages).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from desktop.domain import records as r
from desktop.domain.catalog import FIELD_LABELS, MESSAGES
from desktop.domain.enums import CLASS_I_IP_KINDS, EvidenceKind, EvidenceStatus
from desktop.domain.messages import field_label, render
from desktop.domain.verdicts import CriterionResult, TierVerdict

from .atomic import Progress, report, write_atomically
from .cells import DATE_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT
from .styles import (
    CENTER, HEADER, LABEL, NUMBER, OUTCOME, PLAIN, SECTION, SUBTITLE, TEXT, TITLE, FormSheet,
    discard, display_width, paren, text,
)

# The grid: A narrow, then label and value columns; E–G hold the three years.
WIDTHS = (8, 14, 14, 10, 16, 16, 16, 26)
CERT_KINDS = (EvidenceKind.MANAGEMENT_CERTIFICATION, EvidenceKind.PRODUCT_CERTIFICATION,
              EvidenceKind.AWARD, EvidenceKind.RD_INSTITUTION, EvidenceKind.TITLE,
              EvidenceKind.STANDARD)
_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class ApplicationFormData:
    """Everything the form shows, gathered by the export service."""

    firm: r.Firm
    application: r.Application
    verdict: TierVerdict
    year: int                                   # the application year Y
    fiscal_years: tuple[r.FiscalYear, ...] = ()
    evidence: tuple[r.EvidenceItem, ...] = ()
    batch: r.Batch | None = None
    region_name: str = ""
    industry_name: str = ""
    size_class: str = ""                        # large / medium / small / micro / ''
    recommending_unit: str = ""


def write_application_form(target: Path | str, data: ApplicationFormData, lang: str = "zh_CN",
                           progress: Progress | None = None) -> Path:
    """Write the workbook to `target` (only when complete). `progress(done, total)` is
    called after each section; False cancels (atomic.Cancelled, no file left)."""
    def write(temp: Path) -> None:
        book = Workbook(write_only=True)
        try:
            _Form(book, data, lang).write(progress)
        except BaseException:
            discard(book)
            raise
        book.save(temp)
    return write_atomically(target, write)


def ratio(part, whole) -> Decimal | None:
    """part / whole exactly; None when either is unknown or the whole is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return Decimal(part) / Decimal(whole)


def growth(now, before) -> Decimal | None:
    change = ratio(now, before)
    return None if change is None else change - 1


def section_number(index: int, lang: str) -> str:
    if not lang.startswith("zh"):
        return f"{index}. "
    if index <= 10:
        return _NUMERALS[index - 1] + "、"
    tens, ones = divmod(index, 10)
    return (("" if tens == 1 else _NUMERALS[tens - 1]) + "十"
            + (_NUMERALS[ones - 1] if ones else "") + "、")


class _Form:
    def __init__(self, book: Workbook, data: ApplicationFormData, lang: str) -> None:
        self.book, self.data, self.lang = book, data, lang
        self.sections = 0
        self.form: FormSheet | None = None

    def t(self, key: str, **params) -> str:
        return text(key, self.lang, **params)

    def paren(self, inner: str) -> str:
        return paren(inner, self.lang)

    def word(self, value) -> str:
        """An enum or category value ('small', 'self_developed', True) in words."""
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return field_label("yes" if value else "no", self.lang)
        value = str(value)
        if f"export.value.{value}" in MESSAGES:
            return self.t(f"value.{value}")
        return field_label(value, self.lang) if value in FIELD_LABELS else value

    # -- the whole ---------------------------------------------------------------------------
    def write(self, progress: Progress | None) -> None:
        groups = _groups(self.data.verdict.criteria)
        steps: list[Callable[[], None]] = [self.cover, self.basics, self.figures, self.outcome]
        steps += [lambda g=group, c=criteria: self.group(g, c) for group, criteria in groups]
        steps += [self.ip_list, self.certificates, self.attachments, self.declaration]
        report(progress, 0, len(steps))
        for done, step in enumerate(steps, start=1):
            step()
            report(progress, done, len(steps))

    def heading(self, title: str) -> None:
        self.sections += 1
        self.form.blank(6)
        self.form.full(section_number(self.sections, self.lang) + title, SECTION, 20)

    def pairs(self, pairs: Sequence[tuple[str, object, str | None]]) -> None:
        """Label / value pairs, two to a row (A:B C:E | F G:H); a long text takes a row."""
        row: list[tuple] = []
        for label, value, number_format in pairs:
            if value == "":
                value = None
            if isinstance(value, str) and display_width(value) > 36:
                if row:  # keep the order: the pending half row goes first
                    self._pair_row(row)
                    row = []
                self.form.put([(label, 2, LABEL), (value, 6, TEXT)])
                continue
            row.append((label, value, NUMBER if number_format == MONEY_FORMAT else TEXT,
                        number_format))
            if len(row) == 2:
                self._pair_row(row)
                row = []
        if row:
            self._pair_row(row)

    def _pair_row(self, row: list[tuple]) -> None:
        (label, value, look, number_format), rest = row[0], row[1:]
        spans = [(label, 2, LABEL), (value, 3, look, number_format)]
        if rest:
            label, value, look, number_format = rest[0]
            spans += [(label, 1, LABEL), (value, 2, look, number_format)]
        else:
            spans += [(None, 1, LABEL), (None, 2, TEXT)]
        self.form.put(spans)

    # -- cover -------------------------------------------------------------------------------
    def cover(self) -> None:
        data, verdict = self.data, self.data.verdict
        cover = FormSheet(self.book, self.t("sheet.cover"), WIDTHS)
        cover.blank(60)
        cover.full(self.t("form.title", title=verdict.title.get(self.lang)), TITLE, 48)
        cover.full(data.firm.name + self.paren(data.firm.uscc), SUBTITLE, 24)
        cover.blank(40)
        rows = [
            (self.t("cover.firm"), data.firm.name),
            (self.t("cover.tier"), self.t("tier_name", tier=int(data.application.tier),
                                          title=verdict.title.get(self.lang))),
            (self.t("cover.batch"), data.batch.name if data.batch else ""),
            (self.t("cover.kind"), self.word(data.application.kind)),
            (self.t("cover.rulebook"), verdict.rulebook + self.paren(verdict.rulebook_version)),
            (self.t("cover.assessment_date"), data.application.assessment_date),
            (self.t("cover.recommending_unit"), data.recommending_unit),
            (self.t("cover.recommended_on"), self.t("blank_date")),
        ]
        for label, value in rows:
            cover.put([(label, 3, LABEL), (value, 5, TEXT)], 30)
        cover.blank(40)
        cover.full(self.t("cover.made_by"), SUBTITLE)
        self.form = FormSheet(self.book, self.t("sheet.form"), WIDTHS, freeze="A2",
                              title_rows="1:1")
        self.form.full(self.t("form.title", title=verdict.title.get(self.lang))
                       + f" — {data.firm.name}", TITLE, 30)

    # -- 一 basic information ----------------------------------------------------------------
    def basics(self) -> None:
        firm, data = self.data.firm, self.data
        self.heading(self.t("section.basics"))
        listing = self.word(firm.listing_status) + self.paren(firm.stock_code)
        brand = self.word(firm.own_brand) + self.paren(firm.brand_names)
        industry = " ".join(part for part in (firm.industry_code, data.industry_name) if part)
        label = lambda name: field_label(name, self.lang)  # noqa: E731
        self.pairs([
            (label("name"), firm.name, None),
            (label("name_en"), firm.name_en, None),
            (label("uscc"), firm.uscc, None),
            (label("registration_date"), firm.registration_date, DATE_FORMAT),
            (label("legal_representative"), firm.legal_representative, None),
            (label("registered_capital"), firm.registered_capital, MONEY_FORMAT),
            (self.t("field.region"), data.region_name or firm.region_code, None),
            (label("address"), firm.address, None),
            (self.t("field.industry"), industry, None),
            (self.t("field.size"), self.word(data.size_class), None),
            (label("ownership_type"), self.word(firm.ownership_type), None),
            (label("listing_status"), listing, None),
            (label("niche_market"), firm.niche_market, None),
            (label("niche_entry_date"), firm.niche_entry_date, DATE_FORMAT),
            (label("leading_product"), firm.leading_product, None),
            (label("leading_product_code"), firm.leading_product_code, None),
            (label("leading_product_field"), self.word(firm.leading_product_field), None),
            (label("own_brand"), brand, None),
            (label("strategic_emerging"), self.word(firm.strategic_emerging), None),
            (label("chain_role"), firm.chain_role, None),
            (label("contact_person"), firm.contact_person, None),
            (label("contact_phone"), firm.contact_phone, None),
            (label("contact_email"), firm.contact_email, None),
        ])

    # -- 二 economic indicators ----------------------------------------------------------------
    def figures(self) -> None:
        self.heading(self.t("section.figures"))
        years = [self.data.year - 3, self.data.year - 2, self.data.year - 1]
        by_year = {fy.year: fy for fy in self.data.fiscal_years}
        get = lambda year, name: getattr(by_year.get(year), name, None)  # noqa: E731
        self.form.put([(self.t("figures.indicator"), 4, HEADER)]
                      + [(self.t("figures.year", year=y), 1, HEADER) for y in years]
                      + [(self.t("figures.note"), 1, HEADER)], 20)
        money = lambda name: [get(y, name) for y in years]  # noqa: E731
        rows = [
            ("employee_count", money("employee_count"), INTEGER_FORMAT, ""),
            ("rd_staff_count", money("rd_staff_count"), INTEGER_FORMAT, ""),
            ("operating_revenue", money("operating_revenue"), MONEY_FORMAT, ""),
            ("main_business_revenue", money("main_business_revenue"), MONEY_FORMAT, ""),
            ("main_share", [ratio(get(y, "main_business_revenue"), get(y, "operating_revenue"))
                            for y in years], PERCENT_FORMAT, "figures.main_share_note"),
            ("main_growth", [growth(get(y, "main_business_revenue"),
                                    get(y - 1, "main_business_revenue")) for y in years],
             PERCENT_FORMAT, "figures.growth_note"),
            ("rd_expense", money("rd_expense"), MONEY_FORMAT, ""),
            ("rd_ratio", [ratio(get(y, "rd_expense"), get(y, "operating_revenue")) for y in years],
             PERCENT_FORMAT, "figures.rd_ratio_note"),
            ("total_assets", money("total_assets"), MONEY_FORMAT, ""),
            ("total_liabilities", money("total_liabilities"), MONEY_FORMAT, ""),
            ("debt_ratio", [ratio(get(y, "total_liabilities"), get(y, "total_assets"))
                            for y in years], PERCENT_FORMAT, "figures.debt_ratio_note"),
            ("net_profit", money("net_profit"), MONEY_FORMAT, ""),
            ("equity_financing", money("equity_financing"), MONEY_FORMAT, ""),
        ]
        for key, values, number_format, note in rows:
            self.form.put([(self.t(f"figures.{key}"), 4, LABEL)]
                          + [(value, 1, NUMBER, number_format) for value in values]
                          + [(self.t(note) if note else None, 1, TEXT)])
        sources = [get(y, "source_note") or None for y in years]
        if any(sources):
            self.form.put([(self.t("figures.source"), 4, LABEL)]
                          + [(s, 1, TEXT) for s in sources] + [(None, 1, TEXT)])

    # -- the verdict and the criterion groups --------------------------------------------------
    def outcome(self) -> None:
        verdict = self.data.verdict
        self.heading(self.t("section.outcome"))
        score = None
        if verdict.score is not None:
            score = f"{verdict.score} / {verdict.score_needed}"
            if verdict.group_scores:
                score += self.paren(self.t("gap_and").join(
                    f"{self.word(g)} {v}" for g, v in verdict.group_scores.items()))
        rows = [
            (self.t("outcome.rulebook"), verdict.rulebook + self.paren(verdict.rulebook_version)),
            (self.t("outcome.verdict"), self.t(f"tier_outcome.{verdict.outcome.value}")),
            (self.t("outcome.score"), score),
            (self.t("outcome.direct_route"), verdict.direct_route or None),
            (self.t("outcome.interpretations"),
             "\n".join(self.word(i) for i in verdict.interpretations) or None),
        ]
        for label, value in rows:
            if value is None:
                continue
            look = OUTCOME[verdict.outcome.value] if label == rows[1][0] else TEXT
            self.form.put([(label, 2, LABEL), (value, 6, look)])

    def group(self, group: str, criteria: Sequence[CriterionResult]) -> None:
        verdict = self.data.verdict
        title = self.group_label(group)
        if group in verdict.group_scores:
            points, floor = verdict.group_scores[group], verdict.group_floors.get(group)
            title += (self.t("group_score", points=points) if floor is None
                      else self.t("group_score_floor", points=points, floor=floor))
        self.heading(title)
        self.form.put([(self.t(f"criteria.{key}"), width, HEADER) for key, width in (
            ("id", 1), ("title", 2), ("outcome", 1), ("value", 1), ("threshold", 1),
            ("detail", 1), ("gap", 1))], 20)
        for c in criteria:
            value = self.word(c.value)
            if c.points is not None and c.id != "score":
                value = f"{value} → {c.points}"
            detail = [c.detail] if c.detail and c.detail != c.value else []
            detail += [render(note, self.lang) for note in c.notes]
            if c.decided_by:
                detail.append(f"{c.decided_by}: {c.decision_note}")
            joiner = self.t("gap_or") if c.gap_any else self.t("gap_and")
            gap = joiner.join(render(g, self.lang) for g in c.gap) or None
            self.form.put([(c.id, 1, CENTER), (c.title.get(self.lang), 2, TEXT),
                           (self.t(f"outcome.{c.outcome.value}"), 1, OUTCOME[c.outcome.value]),
                           (value or None, 1, CENTER), (self.word(c.threshold) or None, 1, CENTER),
                           ("\n".join(detail) or None, 1, TEXT), (gap, 1, TEXT)])

    def group_label(self, group: str) -> str:
        if f"export.group.{group}" in MESSAGES:
            return self.t(f"group.{group}")
        if group in FIELD_LABELS:
            return field_label(group, self.lang)
        return self.t("group.condition", code=group)

    # -- evidence ------------------------------------------------------------------------------
    def ip_list(self) -> None:
        self.heading(self.t("section.ip"))
        items = sorted((i for i in self.data.evidence if i.kind.is_ip),
                       key=lambda i: (i.kind not in CLASS_I_IP_KINDS, i.granted_date is None,
                                      i.granted_date, i.id or 0))
        self.form.put([(self.t(f"ip.{key}"), width, HEADER) for key, width in (
            ("no", 1), ("kind", 1), ("number", 1), ("title", 2), ("date", 1), ("related", 1),
            ("acquisition", 1))], 30)
        if not items:
            self.form.full(self.t("none"), TEXT)
        for index, item in enumerate(items, start=1):
            kind = self.word(item.kind)
            if item.status is not EvidenceStatus.VALID:
                kind += "\n" + self.paren(self.word(item.status)).strip()
            self.form.put([(index, 1, CENTER), (kind, 1, TEXT), (item.number or None, 1, TEXT),
                           (item.title, 2, TEXT), (item.granted_date, 1, CENTER, DATE_FORMAT),
                           (self.word(item.related_to_leading_product) or None, 1, CENTER),
                           (self.word(item.acquisition) or None, 1, CENTER)])

    def certificates(self) -> None:
        self.heading(self.t("section.certificates"))
        items = [i for i in self.data.evidence if i.kind in CERT_KINDS]
        items.sort(key=lambda i: (CERT_KINDS.index(i.kind), i.granted_date is None,
                                  i.granted_date, i.id or 0))
        self.form.put([(self.t(f"cert.{key}"), width, HEADER) for key, width in (
            ("no", 1), ("kind", 1), ("title", 2), ("level", 1), ("issuer", 1), ("date", 1),
            ("valid_until", 1))], 30)
        if not items:
            self.form.full(self.t("none"), TEXT)
        for index, item in enumerate(items, start=1):
            title = item.title + (f"\n{self.t('cert.number', number=item.number)}"
                                  if item.number else "")
            kind = self.word(item.subtype) if item.subtype else self.word(item.kind)
            self.form.put([(index, 1, CENTER), (kind, 1, TEXT), (title, 2, TEXT),
                           (self.word(item.level) or None, 1, CENTER),
                           (item.issuer or None, 1, TEXT),
                           (item.granted_date, 1, CENTER, DATE_FORMAT),
                           (item.valid_until, 1, CENTER, DATE_FORMAT)])

    def attachments(self) -> None:
        self.heading(self.t("section.attachments"))
        self.form.put([(self.t(f"attachment.{key}"), width, HEADER) for key, width in (
            ("no", 1), ("file", 2), ("sha256", 3), ("evidence", 2))], 20)
        index = 0
        for item in self.data.evidence:
            supports = self.t("attachment.supports", kind=self.word(item.kind),
                              title=item.title) + self.paren(item.number)
            for attachment in item.attachments:
                index += 1
                self.form.put([(index, 1, CENTER), (attachment.original_name, 2, TEXT),
                               (attachment.sha256, 3, TEXT), (supports, 2, TEXT)])
        if index == 0:
            self.form.full(self.t("none"), TEXT)

    def declaration(self) -> None:
        self.heading(self.t("section.declaration"))
        self.form.full(self.t("declaration.text"), PLAIN, 60)
        self.form.put([(self.t("declaration.legal_rep"), 4, PLAIN),
                       (self.t("declaration.seal"), 4, PLAIN)], 40)
        self.form.put([(None, 4, PLAIN), (self.t("blank_date"), 4, PLAIN)], 24)
        self.heading(self.t("section.recommendation"))
        self.form.full(self.t("recommendation.opinion"), PLAIN, 90)
        self.form.put([(self.t("recommendation.unit", unit=self.data.recommending_unit), 4, PLAIN),
                       (self.t("blank_date"), 4, PLAIN)], 40)


def _groups(criteria: Sequence[CriterionResult]) -> list[tuple[str, list[CriterionResult]]]:
    """Criteria grouped by `group`, the groups in the order they first appear."""
    groups: dict[str, list[CriterionResult]] = {}
    for criterion in criteria:
        groups.setdefault(criterion.group, []).append(criterion)
    return list(groups.items())
