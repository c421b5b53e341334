"""The recommendation summary (推荐汇总表): one row per application, a sheet per tier and a
totals sheet, streamed in write-only mode.

The column list follows the suggestion of criteria.md §8 (no official format is known). Rows
come in the order given (the export service sorts by the official's ranking, unranked last by
id); numbers are numbers with number formats, ratios exact fractions shown as percentages.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop.domain.enums import ApplicationKind, ApplicationStatus
from desktop.domain.verdicts import TierOutcome

from .atomic import Progress, report, write_atomically
from .cells import INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT
from .styles import (
    CENTER, HEADER, NUMBER, OUTCOME, SUBTITLE, TEXT, TITLE, TOTAL, FormSheet, discard,
    text,
)

SCORE_FORMAT = "0.0#"


@dataclass(frozen=True)
class SummaryRow:
    """One application as the summary shows it (figures of the year before application)."""

    application_id: int
    tier: int
    firm_name: str
    uscc: str
    kind: ApplicationKind
    status: ApplicationStatus
    outcome: TierOutcome
    ranking: int | None = None
    region: str = ""
    industry_code: str = ""
    leading_product: str = ""
    revenue: Decimal | None = None        # 上年营业收入, 万元
    main_share: Decimal | None = None     # fractions: 0.9444 is 94.44%
    rd_ratio: Decimal | None = None
    debt_ratio: Decimal | None = None
    class_i_count: int = 0
    score: Decimal | None = None
    missing: str = ""                     # rendered in the workbook's language
    contact_person: str = ""
    contact_phone: str = ""


# (message key, width, look, number format, value of a row)
COLUMNS = (
    ("no", 6, CENTER, None, None),
    ("ranking", 8, CENTER, INTEGER_FORMAT, lambda row: row.ranking),
    ("firm", 28, TEXT, None, lambda row: row.firm_name),
    ("uscc", 21, TEXT, None, lambda row: row.uscc),
    ("region", 18, TEXT, None, lambda row: row.region or None),
    ("industry", 9, CENTER, None, lambda row: row.industry_code or None),
    ("product", 18, TEXT, None, lambda row: row.leading_product or None),
    ("kind", 9, CENTER, None, "kind"),
    ("revenue", 13, NUMBER, MONEY_FORMAT, lambda row: row.revenue),
    ("main_share", 11, NUMBER, PERCENT_FORMAT, lambda row: row.main_share),
    ("rd_ratio", 11, NUMBER, PERCENT_FORMAT, lambda row: row.rd_ratio),
    ("debt_ratio", 11, NUMBER, PERCENT_FORMAT, lambda row: row.debt_ratio),
    ("class_i", 10, NUMBER, INTEGER_FORMAT, lambda row: row.class_i_count),
    ("score", 9, NUMBER, SCORE_FORMAT, lambda row: row.score),
    ("verdict", 11, None, None, "verdict"),
    ("missing", 30, TEXT, None, lambda row: row.missing or None),
    ("status", 9, CENTER, None, "status"),
    ("contact", 10, TEXT, None, lambda row: row.contact_person or None),
    ("phone", 15, TEXT, None, lambda row: row.contact_phone or None),
)
HEADER_ROW = 3
TOTAL_KEYS = ("count", "new", "review", "pass", "fail", "pending", "incomplete")


def write_batch_summary(target: Path | str, title: str, tiers: Sequence[int],
                        rows: Iterable[SummaryRow], total: int, lang: str = "zh_CN",
                        progress: Progress | None = None) -> int:
    """Write the summary to `target` (only when complete) and return the number of rows.

    `tiers` lists the tier sheets to make (rows of another tier are refused with ValueError);
    `total` is the number of rows expected, for `progress(done, total)`, called after each
    row; False cancels (atomic.Cancelled, no file left)."""
    written = 0

    def write(temp: Path) -> None:
        nonlocal written
        book = Workbook(write_only=True)
        try:
            written = _Summary(book, title, tiers, lang).write(rows, total, progress)
        except BaseException:
            discard(book)
            raise
        book.save(temp)
    write_atomically(target, write)
    return written


class _Summary:
    def __init__(self, book: Workbook, title: str, tiers: Sequence[int], lang: str) -> None:
        self.lang, self.title = lang, title
        # The totals sheet comes first; it is filled at the end (write-only sheets stream
        # independently, so the order of filling need not be the order of the sheets).
        self.totals = FormSheet(book, text("sheet.totals", lang), (22,) + (12,) * 8,
                                freeze="B4", landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
        self.sheets: dict[int, FormSheet] = {}
        self.counts: dict[int, dict[str, object]] = {}
        for tier in sorted(set(tiers)):
            sheet = FormSheet(book, text(f"sheet.tier{tier}", lang), [c[1] for c in COLUMNS],
                              freeze=f"D{HEADER_ROW + 1}", landscape=True,
                              title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
            sheet.full(title, TITLE, 28)
            sheet.full(text(f"sheet.tier{tier}", lang), SUBTITLE, 20)
            sheet.put([(text(f"summary.{c[0]}", lang), 1, HEADER) for c in COLUMNS], 32)
            self.sheets[tier] = sheet
            self.counts[tier] = dict.fromkeys(TOTAL_KEYS, 0) | {"revenue": Decimal(0)}

    def write(self, rows: Iterable[SummaryRow], total: int, progress: Progress | None) -> int:
        report(progress, 0, total)
        done = 0
        for row in rows:
            self.add(row)
            done += 1
            report(progress, done, max(total, done))
        for tier, sheet in self.sheets.items():
            last = get_column_letter(len(COLUMNS))
            sheet.sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(sheet.row, HEADER_ROW + 1)}"
        self.write_totals()
        return done

    def add(self, row: SummaryRow) -> None:
        sheet = self.sheets.get(row.tier)
        if sheet is None:
            raise ValueError(f"no sheet for tier {row.tier}")
        counts = self.counts[row.tier]
        counts["count"] += 1
        counts[row.kind.value] += 1
        counts[row.outcome.value] += 1
        if row.revenue is not None:
            counts["revenue"] += row.revenue
        spans = []
        for key, _, look, number_format, value in COLUMNS:
            if key == "no":
                spans.append((sheet.row - HEADER_ROW + 1, 1, look))
            elif value == "kind":
                spans.append((text(f"value.{row.kind.value}", self.lang), 1, look))
            elif value == "status":
                spans.append((text(f"status.{row.status.value}", self.lang), 1, look))
            elif value == "verdict":
                spans.append((text(f"tier_outcome.{row.outcome.value}", self.lang), 1,
                              OUTCOME[row.outcome.value]))
            else:
                spans.append((value(row), 1, look, number_format))
        sheet.put(spans)

    def write_totals(self) -> None:
        sheet, lang = self.totals, self.lang
        sheet.full(self.title, TITLE, 28)
        sheet.full(text("sheet.totals", lang), SUBTITLE, 20)
        keys = ("tier",) + TOTAL_KEYS + ("revenue",)
        sheet.put([(text(f"totals.{key}", lang), 1, HEADER) for key in keys], 32)
        grand: dict[str, object] = dict.fromkeys(TOTAL_KEYS, 0) | {"revenue": Decimal(0)}
        for tier, counts in self.counts.items():
            sheet.put([(text(f"sheet.tier{tier}", lang), 1, TEXT)]
                      + [(counts[key], 1, NUMBER, INTEGER_FORMAT) for key in TOTAL_KEYS]
                      + [(counts["revenue"], 1, NUMBER, MONEY_FORMAT)])
            for key in grand:
                grand[key] += counts[key]
        sheet.put([(text("totals.all", lang), 1, TOTAL)]
                  + [(grand[key], 1, TOTAL, INTEGER_FORMAT) for key in TOTAL_KEYS]
                  + [(grand["revenue"], 1, TOTAL, MONEY_FORMAT)])
