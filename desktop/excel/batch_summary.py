"""The recommendation summary (推荐汇总表): one row per application, a sheet per tier and a
totals sheet, streamed in write-only mode.

The column list follows the suggestion of criteria.md §8 (no official format is known). Rows
come in the order given (the export service sorts by the official's ranking, unranked last by
id); numbers are numbers with number formats, ratios exact fractions shown as percentages.

A province's summary holds tens of thousands of rows: it is streamed with xlsxwriter
(streamed.py), each row on disk as soon as it is written.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from desktop.domain.enums import ApplicationKind, ApplicationStatus
from desktop.domain.verdicts import TierOutcome

from .atomic import Progress, report, write_atomically
from .cells import INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT
from .streamed import RowFormat, StreamedBook, StreamedSheet
from .styles import CENTER, HEADER, NUMBER, OUTCOME, SUBTITLE, TEXT, TITLE, TOTAL, text

SCORE_FORMAT = "0.0#"


class SummaryRow(NamedTuple):
    """One application as the summary shows it (figures of the year before application).
    A named tuple: immutable, and made 10,000 times per province three times faster than a
    frozen dataclass."""

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


# (message key, width, look, number format); the values are row_values' (same order)
COLUMNS = (
    ("no", 6, CENTER, None),
    ("ranking", 8, CENTER, INTEGER_FORMAT),
    ("firm", 28, TEXT, None),
    ("uscc", 21, TEXT, None),
    ("region", 18, TEXT, None),
    ("industry", 9, CENTER, None),
    ("product", 18, TEXT, None),
    ("kind", 9, CENTER, None),
    ("revenue", 13, NUMBER, MONEY_FORMAT),
    ("main_share", 11, NUMBER, PERCENT_FORMAT),
    ("rd_ratio", 11, NUMBER, PERCENT_FORMAT),
    ("debt_ratio", 11, NUMBER, PERCENT_FORMAT),
    ("class_i", 10, NUMBER, INTEGER_FORMAT),
    ("score", 9, NUMBER, SCORE_FORMAT),
    ("verdict", 11, None, None),        # coloured by the verdict: OUTCOME
    ("missing", 30, TEXT, None),
    ("status", 9, CENTER, None),
    ("contact", 10, TEXT, None),
    ("phone", 15, TEXT, None),
)
VERDICT_COLUMN = 14


def row_values(row: SummaryRow, number: int, words: dict) -> list:
    """The cells of a row in COLUMNS order (None: empty); `words` holds the kind, verdict
    and status wordings by enum member."""
    return [number, row.ranking, row.firm_name, row.uscc, row.region or None,
            row.industry_code or None, row.leading_product or None, words[row.kind],
            row.revenue, row.main_share, row.rd_ratio, row.debt_ratio, row.class_i_count,
            row.score, words[row.outcome], row.missing or None, words[row.status],
            row.contact_person or None, row.contact_phone or None]


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
        with StreamedBook.open(temp) as book:
            written = _Summary(book, title, tiers, lang).write(rows, total, progress)
    write_atomically(target, write)
    return written


class _Summary:
    def __init__(self, book: StreamedBook, title: str, tiers: Sequence[int], lang: str) -> None:
        self.lang, self.title = lang, title
        # The totals sheet comes first; it is filled at the end (each sheet streams to its
        # own file, so the order of filling need not be the order of the sheets).
        self.totals = book.sheet(text("sheet.totals", lang), (22,) + (12,) * 8,
                                 freeze=(HEADER_ROW, 1), landscape=True, title_row=HEADER_ROW)
        self.sheets: dict[int, StreamedSheet] = {}
        self.counts: dict[int, dict[str, object]] = {}
        # The few words every row repeats (kind, status, verdict), rendered once each.
        self.words = ({kind: text(f"value.{kind.value}", lang) for kind in ApplicationKind}
                      | {status: text(f"status.{status.value}", lang)
                         for status in ApplicationStatus}
                      | {outcome: text(f"tier_outcome.{outcome.value}", lang)
                         for outcome in TierOutcome})
        for tier in sorted(set(tiers)):
            sheet = book.sheet(text(f"sheet.tier{tier}", lang), [c[1] for c in COLUMNS],
                               freeze=(HEADER_ROW, 3), landscape=True, title_row=HEADER_ROW)
            sheet.full(title, TITLE, 28)
            sheet.full(text(f"sheet.tier{tier}", lang), SUBTITLE, 20)
            sheet.put([(text(f"summary.{c[0]}", lang), 1, HEADER) for c in COLUMNS], 32)
            self.sheets[tier] = sheet
            self.counts[tier] = dict.fromkeys(TOTAL_KEYS, 0) | {"revenue": Decimal(0)}
        # The columns' formats, made once: one list per verdict (its cell is coloured).
        verdict = VERDICT_COLUMN
        columns = [book.column(width, look, number_format) if index != verdict else None
                   for index, (_, width, look, number_format) in enumerate(COLUMNS)]
        self.formats = {
            outcome: RowFormat.of(columns[:verdict] + [book.column(COLUMNS[verdict][1], look)]
                                  + columns[verdict + 1:]) for outcome, look in OUTCOME.items()}

    def write(self, rows: Iterable[SummaryRow], total: int, progress: Progress | None) -> int:
        report(progress, 0, total)
        done = 0
        for row in rows:
            self.add(row)
            done += 1
            report(progress, done, max(total, done))
        for sheet in self.sheets.values():
            sheet.border_blanks(HEADER_ROW + 1, sheet.row, TEXT)
            sheet.sheet.autofilter(HEADER_ROW - 1, 0, max(sheet.row, HEADER_ROW + 1) - 1,
                                   len(COLUMNS) - 1)
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
        sheet.table_row(row_values(row, sheet.row - HEADER_ROW + 1, self.words),
                        self.formats[row.outcome.value])

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
