"""The row-level report of an import as a workbook: one line per problem, naming the sheet,
the row, the column and the value, with the message in the chosen language."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from desktop.domain.messages import Message, render

from .atomic import write_atomically
from .cells import cell
from .reader import Issue

COLUMNS = ("sheet", "row", "column", "value", "message", "code")
WIDTHS = (18, 8, 8, 28, 70, 28)


def _label(key: str, lang: str) -> str:
    return render(Message(f"import.report.{key}"), lang)


def _shown(value: object) -> object:
    """The value as the user typed it; anything that is not a plain cell value as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def write_report(path: Path, issues: Iterable[Issue], lang: str = "en") -> Path:
    """Write the issues to `path` (atomically), in sheet and row order."""
    def write(temp: Path) -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet(_label("title", lang)[:31])
        for index, width in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        sheet.freeze_panes = "A2"
        sheet.append([cell(sheet, _label(key, lang)) for key in COLUMNS])
        for issue in sorted(issues, key=lambda i: (i.sheet, i.row, i.column)):
            sheet.append([cell(sheet, issue.sheet), cell(sheet, issue.row or None),
                          cell(sheet, issue.column or None), cell(sheet, _shown(issue.value)),
                          cell(sheet, render(issue.message, lang)),
                          cell(sheet, issue.message.code)])
        book.save(temp)
    return write_atomically(path, write)
