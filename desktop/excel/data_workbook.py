"""The data workbook: firms, fiscal years, market positions, assessments and evidence as plain
sheets (one header row of field identifiers), plus a `meta` sheet naming the format, its
version, the app version and the export time. It imports back without loss: money is a
number where a double holds it exactly and exact text otherwise, enums are their stored
values, dates are dates, and an empty cell is an unknown value.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

from openpyxl import Workbook

from desktop.domain import records as r

from . import headers as h
from .atomic import Progress, report, write_atomically
from .cells import MONEY_FORMAT, cell
from .guard import Limits, refuse
from .reader import ReadResult, WorkbookReader
from .sheets import workbook_sheets

FORMAT_NAME = "srdi-desk-data"
FORMAT_VERSION = 1
META_SHEET = "meta"


def _columns(record_type: type, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
    hidden = {"id", "firm_id", "created_at", "updated_at", "attachments", *skip}
    return tuple(name for name in record_type.field_names() if name not in hidden)


# Sheet name → (kind for the reader, the record type, its columns after `uscc`).
SHEETS: dict[str, tuple[str, type, tuple[str, ...]]] = {
    "firms": (h.FIRM, r.Firm, _columns(r.Firm, ("uscc",))),
    "fiscal_years": (h.FIRM, r.FiscalYear, _columns(r.FiscalYear)),
    "market_positions": (h.MARKET, r.MarketPosition, _columns(r.MarketPosition)),
    "assessments": (h.ASSESSMENT, r.AnnualAssessment, _columns(r.AnnualAssessment)),
    "evidence": (h.EVIDENCE, r.EvidenceItem, _columns(r.EvidenceItem)),
}


@dataclass(frozen=True)
class FirmData:
    """One firm with what it owns, as the export writes it."""

    firm: r.Firm
    fiscal_years: tuple[r.FiscalYear, ...] = ()
    market_positions: tuple[r.MarketPosition, ...] = ()
    assessments: tuple[r.AnnualAssessment, ...] = ()
    evidence: tuple[r.EvidenceItem, ...] = ()


def _exact(value: object) -> object:
    """A value as a cell should hold it so that reading it back gives the same value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        as_float = float(value)
        # A double holds most amounts exactly (shortest repr round-trips); the rest as text.
        return as_float if Decimal(repr(as_float)) == value else format(value, "f")
    return value


def _row(sheet, uscc: str, record: r.Record, names: tuple[str, ...]) -> list:
    values = [cell(sheet, uscc)]
    for name in names:
        value = getattr(record, name)
        number_format = MONEY_FORMAT if isinstance(value, Decimal) else None
        exact = _exact(value)
        values.append(cell(sheet, exact, number_format if isinstance(exact, float) else None))
    return values


def write_data_workbook(path: Path, firms: Iterable[FirmData], total: int, *, app_version: str,
                        exported_at: datetime, progress: Progress | None = None) -> Path:
    """Write the workbook to `path` (atomically: a cancel or error leaves no file)."""
    def write(temp: Path) -> None:
        book = Workbook(write_only=True)
        meta = book.create_sheet(META_SHEET)
        sheets = {name: book.create_sheet(name) for name in SHEETS}
        for name, sheet in sheets.items():
            sheet.freeze_panes = "B2"
            sheet.append([cell(sheet, "uscc"), *(cell(sheet, c) for c in SHEETS[name][2])])
        counts = dict.fromkeys(SHEETS, 0)
        try:
            report(progress, 0, total)
            for done, data in enumerate(firms, start=1):
                parts = {"firms": (data.firm,), "fiscal_years": data.fiscal_years,
                         "market_positions": data.market_positions,
                         "assessments": data.assessments, "evidence": data.evidence}
                for name, records in parts.items():
                    for record in records:
                        sheets[name].append(_row(sheets[name], data.firm.uscc, record,
                                                 SHEETS[name][2]))
                        counts[name] += 1
                report(progress, done, total)
        except BaseException:
            for sheet in book.worksheets:  # end the sheets' streams; the file is discarded
                sheet.close()
            raise
        for key, value in (("format", FORMAT_NAME), ("format_version", FORMAT_VERSION),
                           ("app_version", app_version),
                           ("exported_at", exported_at.isoformat(timespec="seconds")),
                           ("money_unit", "万元"), *((f"rows.{n}", c) for n, c in counts.items())):
            meta.append([cell(meta, key), cell(meta, value)])
        book.save(temp)
    return write_atomically(path, write)


def read_meta(path: Path) -> dict[str, object] | None:
    """The meta sheet as a dict, or None when the workbook is not a data workbook."""
    with workbook_sheets(path, {META_SHEET}) as sheets:  # calamine: no sheet is loaded but meta
        if not sheets:
            return None
        meta = {}
        for index, values in enumerate(sheets[0].rows):   # values through cell_value
            if index > 100:
                break
            if len(values) >= 2 and isinstance(values[0], str):
                meta[values[0]] = values[1]
    return meta if meta.get("format") == FORMAT_NAME else None


def read_data_workbook(path: Path, meta: dict[str, object], progress: Progress | None = None,
                       limits: Limits = Limits()) -> ReadResult:
    """The rows of a data workbook whose meta sheet `read_meta` returned."""
    version = meta.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise refuse("import.format_too_new", path=Path(path).name, found=str(version),
                     supported=FORMAT_VERSION)
    reader = WorkbookReader(limits, None, progress)
    # A sheet left out (a workbook cut down to its firms) is simply not imported.
    return reader.read(Path(path), kinds={name: kind for name, (kind, _, _) in SHEETS.items()},
                       blanks_clear=True)
