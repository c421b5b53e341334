"""The batch summary workbook of 10,000 applications (every batch of the province), against
raw xlsxwriter in constant_memory mode writing the same cells (read back from the summary).

As an official works: the batches are checked on the batch desk first (every application
judged, not timed), then the summary is exported (timed). The export judges only applications
whose data changed since the check (application_verdicts.py); the time of an export with
nothing judged before (a fresh process) is printed too, not bounded."""
from __future__ import annotations

from pathlib import Path

from .rows import Row, median_time


def _cells(path: Path) -> list[tuple[str, list[list]]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return [(name, book.get_sheet_by_name(name).to_python()) for name in book.sheet_names]


def _raw_write(path: Path, sheets: list[tuple[str, list[list]]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for name, rows in sheets:
        sheet = book.add_worksheet(name)
        for row_number, row in enumerate(rows):
            for column, value in enumerate(row):
                if value not in ("", None):
                    sheet.write(row_number, column, value)
    book.close()


def measure(data_dir: Path, work: Path, repeats: int) -> list[Row]:
    from desktop.paths import AppPaths
    from desktop.services.workspace import Workspace

    workspace = Workspace.open(AppPaths.resolve(data_dir=data_dir))
    batch_ids = [batch.id for batch in workspace.batches.list()]
    count = sum(len(workspace.applications.in_batch(batch_id)) for batch_id in batch_ids)
    workspace.qualification.engine   # the rulebooks load once per process
    target = work / "summary.xlsx"

    def export(_index: int) -> None:
        workspace.exports.batch_summary(batch_ids, target, lang="zh_CN")

    cold = median_time(export, 1)            # nothing judged yet in this process
    workspace.qualification.application_verdicts.forget()
    for batch_id in batch_ids:               # the batch desk's check of every batch
        workspace.qualification.evaluate_batch(batch_id)
    value = median_time(export, repeats)
    sheets = _cells(target)
    floor = median_time(lambda _index: _raw_write(work / "raw.xlsx", sheets), repeats)
    print(f"  summary of {count} applications: {value:.2f} s after the batch check "
          f"({cold:.2f} s with nothing judged before), raw {floor:.2f} s", flush=True)
    workspace.close()
    return [Row(f"batch_summary_{count}_applications", value, floor, 1.5)]
