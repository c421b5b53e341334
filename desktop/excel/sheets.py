"""Where the reader's rows come from: python-calamine, or openpyxl where calamine is not exact.

python-calamine (Rust) reads a sheet some forty times faster than openpyxl's read-only mode,
which decides how long a 10,000-row import takes. Its values are turned into exactly what
openpyxl gives (then `cell_value`): an empty cell is None, a date-formatted number a date or a
datetime, a whole number an int. Where calamine cannot give the same values, the workbook is
read with openpyxl as before, so every workbook reads the same either way:

- cells holding an error value (#DIV/0!, #N/A …): calamine returns them as empty text, and
  the reader must report them;
- a whole number of 2**53 or more: openpyxl keeps an integer written without a decimal point
  exactly, calamine has only its double;
- anything calamine cannot open or parse: openpyxl then reads it or names why it cannot
  (a damaged file, an XML entity refused by defusedxml) with the messages it always had.

Merged cells need nothing special: both readers give the value in the first cell of a merged
range and nothing in the others, which the header detection expects.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from defusedxml.common import DefusedXmlException
from openpyxl import load_workbook

from desktop.domain.errors import DomainError

from .guard import refuse

_EXACT_INT = 2 ** 53
# An error-typed cell (t="e"), with or without a namespace prefix on the element.
_ERROR_CELL = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\st\s*=\s*["']e["']""")


@dataclass
class SheetRows:
    title: str
    max_row: int              # the rows the sheet says it has (for progress and limits)
    rows: Iterator[tuple]     # each row's values through cell_value, from row 1


def cell_value(raw: object) -> object:
    """Dates without a time become dates; whole floats ints; text stripped."""
    if isinstance(raw, datetime) and raw.time() == datetime.min.time():
        return raw.date()
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < _EXACT_INT:
        return int(raw)
    if isinstance(raw, str):
        return raw.strip()
    return raw


# -- openpyxl -------------------------------------------------------------------------------
def _refusal(error: Exception, path: str, part: str):
    """A damaged file's error as a message; an XML entity or DTD refused by defusedxml (which
    openpyxl may wrap in its own error) as the unsafe-XML refusal."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            return refuse("import.unsafe_xml", path=path, part=part)
        cause = cause.__cause__ or cause.__context__
    return refuse("import.unreadable", path=path, error=str(error).splitlines()[0])


@contextmanager
def open_workbook(path: Path) -> Iterator:
    """The workbook through openpyxl, streamed, formulas as cached values; unreadable →
    ValidationError.

    openpyxl is given an open file, not the name, so the content decides (guard.py checked
    it), never the extension."""
    with Path(path).open("rb") as handle:
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise _refusal(error, Path(path).name, "") from None
        try:
            yield workbook
        finally:
            workbook.close()


def rows_of(sheet) -> Iterator[tuple]:
    """An openpyxl sheet's rows as tuples of values, damaged XML turned into a message."""
    try:
        yield from sheet.iter_rows(values_only=True)
    except DomainError:
        raise
    except Exception as error:
        raise _refusal(error, sheet.title, sheet.title) from None


# -- calamine -------------------------------------------------------------------------------
class _NotExact(Exception):
    """calamine would not give openpyxl's values here: read with openpyxl."""


_SCAN_CHUNK = 1 << 20
_SCAN_OVERLAP = 4096     # a cell's start tag is far shorter: no match is cut in two


def _has_error_cells(path: Path) -> bool:
    """Whether a worksheet holds an error-typed cell (each part read in chunks: an unpacked
    sheet may be large)."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                with archive.open(info) as part:
                    tail = b""
                    while chunk := part.read(_SCAN_CHUNK):
                        data = tail + chunk
                        # The plain search first: it is memchr-fast, the pattern is not.
                        if (b'"e"' in data or b"'e'" in data) and _ERROR_CELL.search(data):
                            return True
                        tail = data[-_SCAN_OVERLAP:]
    return False


def _calamine_row(values: list) -> tuple:
    converted = []
    for value in values:
        kind = type(value)
        if kind is str:
            converted.append(value.strip() if value else None)  # '' is an empty cell
        elif kind is float:
            if value.is_integer():
                if abs(value) >= _EXACT_INT:
                    raise _NotExact()
                converted.append(int(value))
            else:
                converted.append(value)
        elif kind is datetime:
            converted.append(cell_value(value))
        else:
            converted.append(value)
    return tuple(converted)


def _calamine_sheets(path: Path, titles: Container[str] | None, max_rows: int | None,
                     per_sheet: int) -> list[SheetRows] | None:
    """Every worksheet (or those in `titles`) read through calamine, or None: read with
    openpyxl. Too many rows in all → the too-many-rows refusal before converting any."""
    try:
        from python_calamine import CalamineWorkbook, SheetTypeEnum
    except ImportError:  # pragma: no cover - a dependency, but reading still works without
        return None
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception:
        return None
    try:
        chosen = [meta.name for meta in book.sheets_metadata
                  if meta.typ == SheetTypeEnum.WorkSheet and (titles is None or meta.name in titles)]
        if chosen and _has_error_cells(path):
            return None
        loaded = []
        for name in chosen:
            sheet = book.get_sheet_by_name(name)
            height = sheet.end[0] + 1 if sheet.height else 0
            loaded.append((name, sheet, height))
        if max_rows is not None and (sum(height for _, _, height in loaded)
                                     > max_rows + per_sheet * len(loaded)):
            raise _TooMany()
        result = []
        for title, sheet, height in loaded:
            # From A1, as openpyxl numbers rows and columns (not from the first used cell).
            rows = ([_calamine_row(values) for values in sheet.to_python(skip_empty_area=False)]
                    if height else [])
            result.append(SheetRows(title, height, iter(rows)))
        return result
    except _TooMany:
        raise
    except Exception:  # _NotExact, or a part calamine cannot parse: openpyxl decides
        return None
    finally:
        book.close()


class _TooMany(Exception):
    pass


@contextmanager
def workbook_sheets(path: Path, titles: Container[str] | None = None,
                    max_rows: int | None = None, per_sheet: int = 0) -> Iterator[list[SheetRows]]:
    """The worksheets of `path` (only those named in `titles` when given), in workbook order,
    each with its rows. More than `max_rows` rows in all, plus `per_sheet` for each sheet's
    header area, raises TooManyRows before any row is converted."""
    sheets = _calamine_sheets(Path(path), titles, max_rows, per_sheet)
    if sheets is not None:
        yield sheets
        return
    with open_workbook(path) as workbook:
        chosen = [s for s in workbook.worksheets if titles is None or s.title in titles]
        if max_rows is not None and (sum(s.max_row or 0 for s in chosen)
                                     > max_rows + per_sheet * len(chosen)):
            raise _TooMany()
        yield [SheetRows(s.title, s.max_row or 0,
                         (tuple(cell_value(v) for v in values) for values in rows_of(s)))
               for s in chosen]


TooManyRows = _TooMany
