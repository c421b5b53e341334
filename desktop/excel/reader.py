"""Reading the workbooks people really have: rows of raw field values, plus an issue list.

Sheets are read through python-calamine, or streamed through openpyxl where calamine would
not give the same values (sheets.py); formulas give their cached values either way. The
header row is found among the first rows, below title rows; a two-level header (a merged
'2024年' over '营业收入' and '研发费用') is read by forward-filling the upper level's empty
cells, which is what a merged region looks like when streamed. Totals and notes are skipped.
Money is converted exactly to 万元 here, by the unit its header (or a title row) states;
everything else stays raw, for the services to parse and validate like typed input.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from openpyxl.utils import get_column_letter

from desktop.domain.messages import Message
from desktop.domain.values import ParseError, parse_decimal

from . import headers as h
from .atomic import Progress, report
from .guard import Limits, refuse
from .sheets import SheetRows, TooManyRows, cell_value, open_workbook, rows_of, workbook_sheets

PEEK_ROWS = 30            # where a header row is looked for
PROGRESS_EVERY = 500
_ERRORS = {"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA"}
_TOTAL = re.compile(r"^(合计|总计|小计|总计数|合计数|total|totals|sum|grandtotal)$")
_NOTE = re.compile(r"^\s*(注|说明|备注|填表说明|填报说明|note|notes)\s*\d*\s*[:：.、]")


@dataclass(frozen=True)
class Column:
    index: int                # 1-based
    letter: str
    header: str               # as shown: both levels of a two-level header
    field: str | None         # None: not imported
    year: int | None = None
    scale: int = 0            # power of ten to 万元
    unit: str = ""


@dataclass
class SheetLayout:
    sheet: str
    kind: str | None                       # None: no header found
    header_rows: tuple[int, ...] = ()
    columns: tuple[Column, ...] = ()


class Value(NamedTuple):
    """One cell of a row (a named tuple: an import makes one per cell, and a frozen
    dataclass costs four times as much to make)."""
    column: str               # the column letter
    raw: object               # as the cell held it
    value: object             # in the record's unit (money converted to 万元)


# Value((column, raw, value)) without the named tuple's Python-level __new__: one per cell.
_new_value = functools.partial(tuple.__new__, Value)


@dataclass
class Row:
    sheet: str
    row: int
    kind: str
    fields: dict[str, Value]                                  # the row's record (+ identity)
    years: list[dict[str, Value]] = field(default_factory=list)  # a firm row's fiscal years


@dataclass(frozen=True)
class Issue:
    sheet: str
    row: int
    column: str
    value: object
    message: Message


@dataclass
class ReadResult:
    layouts: list[SheetLayout]
    rows: list[Row]
    issues: list[Issue]
    blanks_clear: bool = False     # an empty cell clears the stored value (data workbook)


def is_blank(value: object) -> bool:
    return value is None or value == ""


class WorkbookReader:
    """One reading of one workbook. `mapping` maps a header text or a column letter to a field
    ('operating_revenue', 'operating_revenue:2024' or header text; '' ignores the column)."""

    def __init__(self, limits: Limits = Limits(), mapping: Mapping[str, object] | None = None,
                 progress: Progress | None = None) -> None:
        self.limits = limits
        self.book = h.HeaderBook()
        self.mapping = {self._key(k): v for k, v in (mapping or {}).items()}
        self.progress = progress
        self.issues: list[Issue] = []
        self._targets_of: dict[int, tuple[SheetLayout, list[tuple]]] = {}
        self.data_rows = 0
        self.done = 0
        self.total = 0

    @staticmethod
    def _key(key: object) -> str:
        text = str(key).strip()
        return text.upper() if re.fullmatch(r"[A-Za-z]{1,3}", text) else h.normalize(text)

    def read(self, path: Path, kinds: Mapping[str, str] | None = None,
             blanks_clear: bool = False) -> ReadResult:
        """All sheets (or only those named in `kinds`, read as that kind, header in row 1)."""
        try:  # the sheets' own row counts, checked before a row is converted
            with workbook_sheets(path, kinds, self.limits.max_rows, PEEK_ROWS) as sheets:
                self.total = sum(s.max_row for s in sheets)
                layouts, rows = [], []
                for sheet in sheets:
                    kind = kinds.get(sheet.title) if kinds else None
                    layout, sheet_rows = self._read_sheet(sheet, kind)
                    layouts.append(layout)
                    rows += sheet_rows
        except TooManyRows:
            raise refuse("import.too_many_rows", limit=self.limits.max_rows) from None
        self._tick(force=True)
        return ReadResult(layouts, rows, self.issues, blanks_clear)

    # -- one sheet --------------------------------------------------------------------------
    def _read_sheet(self, sheet: SheetRows, kind: str | None) -> tuple[SheetLayout, list[Row]]:
        stream = sheet.rows
        peek = []
        for values in stream:
            peek.append(values)
            if len(peek) >= PEEK_ROWS or kind is not None:
                break
        self.done += len(peek)
        layout = self._layout(sheet.title, peek, kind)
        if layout.kind is None:
            if any(not is_blank(v) for values in peek for v in values):
                self.issues.append(Issue(sheet.title, 1, "", None,
                                         Message("import.no_header", {"sheet": sheet.title})))
            for _ in stream:  # the rows still count towards the progress
                self._tick()
            return layout, []
        last_header = layout.header_rows[-1]
        rows: list[Row] = []
        pending = ((number, values) for number, values in enumerate(peek, start=1)
                   if number > last_header)
        counted = _chain(pending, enumerate(stream, start=len(peek) + 1))
        for number, values in counted:
            if number > len(peek):
                self._tick()
            row = self._row(layout, number, values)
            if row is not None:
                rows.append(row)
        return layout, rows

    def _tick(self, force: bool = False) -> None:
        if not force:
            self.done += 1
        if force or self.done % PROGRESS_EVERY == 0:
            report(self.progress, min(self.done, self.total), self.total)

    def _layout(self, sheet: str, peek: list[tuple], kind: str | None) -> SheetLayout:
        if kind is not None:
            if not peek:
                return SheetLayout(sheet, None)
            return self._columns(sheet, peek, (1,), kind)
        best: tuple[int, tuple[int, ...]] | None = None
        singles = [self._score(peek, (number,)) for number in range(1, len(peek) + 1)]
        for number, single in enumerate(singles, start=1):
            candidates = [((number,), single)]
            if number < len(peek):  # two levels only when both together say more
                pair = self._score(peek, (number, number + 1))
                if pair > max(single, singles[number]):
                    candidates.insert(0, ((number, number + 1), pair))
            for levels, score in candidates:
                if score >= 2 and (best is None or score > best[0]):
                    best = (score, levels)
        if best is None:
            return SheetLayout(sheet, None)
        return self._columns(sheet, peek, best[1], None)

    def _header_texts(self, peek: list[tuple], levels: tuple[int, ...]) -> list[tuple[object, object]]:
        top = list(peek[levels[0] - 1])
        bottom = list(peek[levels[1] - 1]) if len(levels) > 1 else []
        width = max(len(top), len(bottom))
        top += [None] * (width - len(top))
        bottom += [None] * (width - len(bottom))
        if len(levels) > 1:  # a merged upper cell reads as empty beyond its first column
            carry = None
            for i in range(width):
                if is_blank(top[i]) and not is_blank(bottom[i]):
                    top[i] = carry
                else:
                    carry = top[i]
        return list(zip(top, bottom))

    def _score(self, peek: list[tuple], levels: tuple[int, ...]) -> int:
        if len(levels) > 1 and any(isinstance(v, (int, float, date)) and not isinstance(v, bool)
                                   and not (isinstance(v, int) and 1900 < v < 2100)
                                   for v in peek[levels[1] - 1]):
            return 0  # numbers below: that is a data row, not a second header level
        found = set()
        for i, (top, bottom) in enumerate(self._header_texts(peek, levels)):
            target = self._mapped(get_column_letter(i + 1), top, bottom)
            if target is not _UNMAPPED and not any(isinstance(t, str) and t for t in (top, bottom)):
                continue  # a column mapped by its letter counts where the row has text there
            match = self.book.match_levels(top, bottom) if target is _UNMAPPED else target
            if isinstance(match, h.HeaderMatch):
                found.add((match.field, match.year))
        return len(found)

    def _mapped(self, letter: str, top: object, bottom: object) -> object:
        for key in (letter, h.normalize(f"{_text(top)}{_text(bottom)}"), h.normalize(bottom),
                    h.normalize(top)):
            if key and key in self.mapping:
                return h.parse_mapping_target(self.book, self.mapping[key])
        return _UNMAPPED

    def _columns(self, sheet: str, peek: list[tuple], levels: tuple[int, ...],
                 kind: str | None) -> SheetLayout:
        texts = self._header_texts(peek, levels)
        mapped = [self._mapped(get_column_letter(i + 1), top, bottom)
                  for i, (top, bottom) in enumerate(texts)]
        if kind is None:
            seen = {m.field for (top, bottom), target in zip(texts, mapped)
                    for m in ([target] if target is not _UNMAPPED else
                              [self.book.match_levels(top, bottom, k) for k in h.KINDS])
                    if isinstance(m, h.HeaderMatch)}
            kind = self.book.kind_of(seen)
        sheet_unit = next((u for values in peek[:levels[0] - 1] for v in values
                           if isinstance(v, str) for u in [h.sheet_unit(v)] if u), "")
        columns, used = [], {}
        for i, (top, bottom) in enumerate(texts):
            letter = get_column_letter(i + 1)
            header = " ".join(_text(t) for t in (top, bottom) if not is_blank(t))
            target = mapped[i]
            if target is _UNMAPPED:
                target = self.book.match_levels(top, bottom, kind)
            if isinstance(target, str):
                self.issues.append(Issue(sheet, levels[0], letter, target,
                                         Message("import.unknown_target", {"value": target})))
                target = None
            if target is not None and target.field not in h.FIELDS_BY_KIND[kind]:
                if mapped[i] is not _UNMAPPED:  # the user asked for it: say why it is not read
                    self.issues.append(Issue(sheet, levels[0], letter, target.field, Message(
                        "import.unknown_target", {"value": target.field})))
                target = None
            if target is None:
                columns.append(Column(i + 1, letter, header, None))
                continue
            scale, unit = target.scale, target.unit
            if target.field in h.MONEY_FIELDS and not unit and sheet_unit:
                scale, unit = h.unit_scale(sheet_unit), sheet_unit
            key = (target.field, target.year)
            if key in used:
                self.issues.append(Issue(sheet, levels[0], letter, header, Message(
                    "import.duplicate_column", {"other": used[key], "column": letter})))
            used[key] = letter
            columns.append(Column(i + 1, letter, header, target.field, target.year, scale, unit))
        layout = SheetLayout(sheet, kind, levels, tuple(columns))
        self._check_columns(layout, {c.field for c in columns if c.field and c.year is None})
        return layout

    def _check_columns(self, layout: SheetLayout, plain: set[str]) -> None:
        """Every sheet needs the code; yearly records need a year column (a firm sheet only
        when it has figures without a year in their headers)."""
        row = layout.header_rows[0]
        if "uscc" not in plain:
            self.issues.append(Issue(layout.sheet, row, "", None,
                                     Message("import.missing_column", field="uscc")))
        needs_year = layout.kind != h.EVIDENCE and (
            layout.kind != h.FIRM or bool(plain & (h.FISCAL_FIELDS - {"year"})))
        if needs_year and "year" not in plain:
            self.issues.append(Issue(layout.sheet, row, "", None,
                                     Message("import.missing_column", field="year")))

    # -- one data row -----------------------------------------------------------------------
    def _row(self, layout: SheetLayout, number: int, values: tuple) -> Row | None:
        first = next((v for v in values if v is not None and v != ""), None)
        if first is None:
            return None
        first = _text(first)
        if _TOTAL.match(h.normalize(first)) or _NOTE.match(unicodedata.normalize("NFKC", first).lower()):
            return None
        self.data_rows += 1
        if self.data_rows > self.limits.max_rows:
            raise refuse("import.too_many_rows", limit=self.limits.max_rows)
        fields: dict[str, Value] = {}
        years: dict[int | None, dict[str, Value]] = {}
        targets, width = self._targets(layout)
        if len(values) < width:  # a short row: its missing cells are empty
            values = (*values, *([None] * (width - len(values))))
        for index, letter, name, year, scale in targets:
            raw = values[index]
            # Every error value starts with '#': other text is not upper-cased to be looked up.
            if raw.__class__ is str and raw[:1] == "#" and raw.upper() in _ERRORS:
                self.issues.append(Issue(layout.sheet, number, letter, raw, Message(
                    "import.cell_error", {"value": raw}, field=name)))
                continue
            value = _new_value((letter, raw, _converted(raw, scale) if scale else raw))
            if year is _PROFILE:
                fields[name] = value
                continue
            record = years.get(year)
            if record is None:  # the year's own value names the year's first column read
                record = years[year] = {} if year is None else {"year": Value(letter, year, year)}
            record[name] = value
        # A year from a header counts when it has a figure; one from a year column when the
        # row states the year (a year whose figures are all unknown is still a record).
        yearly = [record for key, record in years.items()
                  if any(not is_blank(v.raw) for k, v in record.items() if k != "year" or key is None)]
        return Row(layout.sheet, number, layout.kind or h.FIRM, fields, yearly)

    def _targets(self, layout: SheetLayout) -> tuple[list[tuple], int]:
        """Per imported column (0-based index, letter, field, year key or _PROFILE, scale),
        worked out once per sheet: a firm sheet's fiscal fields go to their year's record;
        and how many cells a row needs to hold them all."""
        cached = self._targets_of.get(id(layout))
        if cached is None or cached[0] is not layout:
            targets = []
            for column in layout.columns:
                if column.field is None:
                    continue
                fiscal = layout.kind == h.FIRM and column.field in h.FISCAL_FIELDS
                targets.append((column.index - 1, column.letter, column.field,
                                column.year if fiscal else _PROFILE, column.scale))
            width = max((target[0] + 1 for target in targets), default=0)
            cached = self._targets_of[id(layout)] = (layout, (targets, width))
        return cached[1]


_UNMAPPED = object()
_PROFILE = object()   # a column of the row's own record, not of a fiscal year


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _converted(raw: object, scale: int) -> object:
    if scale == 0 or is_blank(raw):
        return raw
    try:
        amount = parse_decimal(raw)
    except ParseError:
        return raw  # parsed again later, where the message names the field
    return None if amount is None else amount.scaleb(scale)


def _chain(*parts: Iterable) -> Iterator:
    for part in parts:
        yield from part


def read_workbook(path: Path, mapping: Mapping[str, object] | None = None,
                  progress: Progress | None = None, limits: Limits = Limits()) -> ReadResult:
    """Every sheet of a workbook people made: layouts, rows and issues."""
    return WorkbookReader(limits, mapping, progress).read(Path(path))


__all__ = ["Column", "Issue", "ReadResult", "Row", "SheetLayout", "Value", "WorkbookReader",
           "read_workbook",
           # from sheets.py, for the data workbook's meta sheet and the tests
           "cell_value", "open_workbook", "rows_of"]
