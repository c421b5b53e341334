"""Moving data through workbooks: the data workbook out, and any workbook in.

An import reads the whole file first (excel/), then plans every row the way typed input is
checked (inputs.checked_record + validation), and only then writes, in one transaction: all or
nothing by default, or only the valid rows when asked (each row in a savepoint). Firms are
matched by USCC and updated, never duplicated; yearly facts by year (and market scope),
evidence by kind and number (or title). A dry run plans and reports, writing nothing.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from desktop import __version__
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.messages import Message
from desktop.excel import data_workbook as data_book
from desktop.excel import headers as h
from desktop.excel.atomic import Progress, report
from desktop.excel.guard import Limits, check_workbook_file
from desktop.excel.reader import Issue, ReadResult, SheetLayout, read_workbook
from desktop.excel.report import write_report

from . import import_write
from .collector import cycle_collector_paused
from .context import ServiceContext
from .import_plan import CREATE, REFUSE, UNCHANGED, UPDATE, Op, PlanState, RowPlan


@dataclass(frozen=True)
class RowOutcome:
    sheet: str
    row: int
    action: str                       # create, update, unchanged or refuse
    uscc: str = ""
    issues: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    rows: tuple[RowOutcome, ...]
    layouts: tuple[SheetLayout, ...]
    committed: bool                   # the database was changed
    dry_run: bool = False
    data_workbook: bool = False
    warnings: tuple[Issue, ...] = ()  # sheets that were not read (no header found)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self) -> int:
        return self.count(CREATE)

    @property
    def updated(self) -> int:
        return self.count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    @property
    def refused(self) -> int:
        return self.count(REFUSE)

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(issue for row in self.rows for issue in row.issues)


class TransferService:
    def __init__(self, context: ServiceContext, firms, financials, evidence,
                 limits: Limits = Limits()) -> None:
        self.context = context
        self.firms = firms
        self.financials = financials
        self.evidence = evidence
        self.limits = limits

    # -- export -----------------------------------------------------------------------------
    def known_fields(self) -> dict[str, frozenset[str]]:
        """The fields a sheet of each kind can hold (firm, market_position, assessment,
        evidence), as the reader assigns columns to them: for a mapping editor."""
        return dict(h.FIELDS_BY_KIND)

    def export_data(self, path: Path, progress: Progress | None = None) -> Path:
        """Write every firm (archived ones too) with its figures and evidence to the data
        workbook at `path`; a cancel (progress returned False) raises atomic.Cancelled and
        leaves no file."""
        summaries = self.firms.list(include_archived=True)

        def firms():
            for summary in summaries:
                firm_id = summary.id
                yield data_book.FirmData(
                    self.firms.get(firm_id), tuple(self.financials.years(firm_id)),
                    tuple(self.financials.market_positions(firm_id)),
                    tuple(self.financials.assessments(firm_id)),
                    tuple(self.evidence.items(firm_id)))
        try:
            with self.context.database.snapshot():  # one consistent view, no write lock
                return data_book.write_data_workbook(
                    Path(path), firms(), len(summaries), app_version=__version__,
                    exported_at=self.context.now(), progress=progress)
        except OSError as error:
            raise DomainError(Message("export.write_failed", {
                "path": str(path), "error": error.strerror or str(error)})) from error

    # -- import -----------------------------------------------------------------------------
    def read(self, path: Path, mapping: Mapping[str, object] | None = None,
             progress: Progress | None = None) -> tuple[ReadResult, bool]:
        """The workbook's rows and issues (after the file checks), and whether it is a data
        workbook. The GUI shows `layouts` as the column assignment to confirm or correct."""
        path = Path(path)
        check_workbook_file(path, self.limits)
        meta = data_book.read_meta(path) if not mapping else None
        if meta is not None:
            return data_book.read_data_workbook(path, meta, progress, self.limits), True
        return read_workbook(path, mapping, progress, self.limits), False

    def import_workbook(self, path: Path, dry_run: bool = False, skip_invalid: bool = False,
                        mapping: Mapping[str, object] | None = None,
                        progress: Progress | None = None) -> ImportResult:
        """Import a workbook; see the module docstring. Refusals of the whole file (not a
        workbook, too large, no header) raise ValidationError; refused rows are in the result.

        `mapping` ({"header or letter": "field" | "field:year" | ""}) overrides the detected
        column assignment (`read(path).layouts` shows it). `progress(done, total)` is called
        while reading, checking and writing (each phase counts its own rows); returning False
        raises atomic.Cancelled, and the database is left as it was."""
        with cycle_collector_paused():
            return self._import(Path(path), dry_run, skip_invalid, mapping, progress)

    def _import(self, path: Path, dry_run: bool, skip_invalid: bool,
                mapping: Mapping[str, object] | None, progress: Progress | None) -> ImportResult:
        read, is_data = self.read(path, mapping, progress)
        warnings = _check_read(read)
        plans = self._plan(read, progress)
        sheet_refusals = _sheet_refusals(read)
        refused = bool(sheet_refusals) or any(p.issues for p in plans)
        committed = False
        if not dry_run and (skip_invalid or not refused):
            committed = self._write([p for p in plans if not p.issues], skip_invalid, progress)
        sheet_order = {layout.sheet: index for index, layout in enumerate(read.layouts)}
        in_file_order = sorted(plans, key=lambda p: (sheet_order.get(p.row.sheet, 0), p.row.row))
        outcomes = sheet_refusals + [RowOutcome(p.row.sheet, p.row.row, p.action, p.uscc,
                                                tuple(p.issues)) for p in in_file_order]
        return ImportResult(tuple(outcomes), tuple(read.layouts), committed, dry_run, is_data,
                            tuple(warnings))

    def write_report(self, path: Path, outcome: ImportResult | DomainError, lang: str = "en") -> Path:
        """Save the row-level report of an import (or of a file refused as a whole)."""
        if isinstance(outcome, DomainError):
            issues = [Issue("", 0, "", None, m) for m in outcome.messages]
        else:
            issues = list(outcome.issues) + list(outcome.warnings)
        try:
            return write_report(Path(path), issues, lang)
        except OSError as error:
            raise DomainError(Message("export.write_failed", {
                "path": str(path), "error": error.strerror or str(error)})) from error

    # -- planning ---------------------------------------------------------------------------
    def _plan(self, read: ReadResult, progress: Progress | None) -> list[RowPlan]:
        state = PlanState(self)
        refused_sheets = {issue.sheet for issue in read.issues if _sheet_level(issue, read)}
        row_issues: dict[tuple[str, int], list[Issue]] = {}
        for issue in read.issues:
            row_issues.setdefault((issue.sheet, issue.row), []).append(issue)
        # Firms first, so a figure or evidence sheet can name a firm made by the import.
        rows = sorted((row for row in read.rows if row.sheet not in refused_sheets),
                      key=lambda row: row.kind != h.FIRM)
        # Which codes name stored firms, asked in a few queries: a new firm's row then asks
        # the database nothing while it is planned.
        state.prefetch(row.fields["uscc"].value for row in rows if "uscc" in row.fields)
        plans = []
        for done, row in enumerate(rows, start=1):
            if done % 200 == 0:
                report(progress, done, len(rows))
            plan = RowPlan(row, issues=list(row_issues.get((row.sheet, row.row), [])))
            state.plan_row(plan, read.blanks_clear)
            plans.append(plan)
        return plans   # in the order they are written: firms first

    # -- writing ----------------------------------------------------------------------------
    def _write(self, plans: list[RowPlan], skip_invalid: bool, progress: Progress | None) -> bool:
        """Write the planned rows in one transaction; True when the database changed.

        New firms and what they own go through the bulk path (import_write.py), the rows of
        stored firms through the services. Should the bulk write itself fail (another writer
        took a code since the plan), the rows are written one by one instead, so the failing
        row is named (and, with skip_invalid, left out alone)."""
        try:
            new, rest = import_write.split(plans)
        except import_write.NotBulk:
            new, rest = {}, plans
        if not new:
            return self._write_in_transaction(plans, skip_invalid, progress)
        total = len(new) + len(rest)
        try:
            with self.context.database.transaction():
                try:
                    done = import_write.write_new_firms(self.context, new, progress, 0, total)
                except DomainError as error:
                    raise _BulkFailed() from error
                self._write_rows(rest, skip_invalid, progress, done, total)
            return True
        except _Abort:
            return False
        except _BulkFailed:
            return self._write_in_transaction(plans, skip_invalid, progress)

    def _write_in_transaction(self, plans: list[RowPlan], skip_invalid: bool,
                              progress: Progress | None) -> bool:
        try:
            with self.context.database.transaction():
                return self._write_rows(plans, skip_invalid, progress, 0, len(plans))
        except _Abort:
            return False

    def _write_rows(self, plans: list[RowPlan], skip_invalid: bool, progress: Progress | None,
                    offset: int, total: int) -> bool:
        """Row by row through the services, inside the caller's transaction; True when a row
        was written. All or nothing: a failing row raises _Abort (the caller rolls back)."""
        ids: dict[str, int] = {}
        wrote = False
        for done, plan in enumerate(plans, start=1):
            if done % 200 == 0 or done == len(plans):
                report(progress, offset + done, total)
            if plan.action == UNCHANGED:
                continue
            before = dict(ids)
            try:
                # Only the valid rows: a savepoint per row, so a failing row is undone
                # alone. All or nothing: a failure undoes everything anyway.
                with self.context.database.transaction() if skip_invalid else nullcontext():
                    for op in plan.ops:
                        self._apply(op, plan.uscc, ids)
                wrote = True
            except DomainError as error:
                ids = before
                plan.issues += [Issue(plan.row.sheet, plan.row.row, "", None, m)
                                for m in error.messages]
                if not skip_invalid:
                    raise _Abort() from error
        return wrote

    def _apply(self, op: Op, uscc: str, ids: dict[str, int]) -> None:
        record = op.record
        if op.part == "firm":
            if uscc in ids:
                record = replace(record, id=ids[uscc])
            if record.id is None:
                ids[uscc] = self.firms.create(record).id
            else:
                self.firms.update(record)
            return
        firm_id = ids.get(uscc) or self.firms.get_by_uscc(uscc).id
        record = replace(record, firm_id=firm_id)
        if op.part == "fiscal_year":
            self.financials.set_year(record)
        elif op.part == "market_position":
            self.financials.set_market_position(record)
        elif op.part == "assessment":
            self.financials.set_assessment(record)
        elif op.new:
            self.evidence.add(record)
        else:
            self.evidence.update(record)


class _Abort(Exception):
    """All or nothing: a row failed while writing, so the transaction is rolled back."""


class _BulkFailed(Exception):
    """The bulk insert was refused (rolled back): write the rows one by one instead."""


def _sheet_level(issue: Issue, read: ReadResult) -> bool:
    layout = next((x for x in read.layouts if x.sheet == issue.sheet), None)
    return layout is None or layout.kind is None or issue.row in layout.header_rows


def _sheet_refusals(read: ReadResult) -> list[RowOutcome]:
    grouped: dict[tuple[str, int], list[Issue]] = {}
    for issue in read.issues:
        if _sheet_level(issue, read) and issue.message.code != "import.no_header":
            grouped.setdefault((issue.sheet, issue.row), []).append(issue)
    return [RowOutcome(sheet, row, REFUSE, "", tuple(issues))
            for (sheet, row), issues in grouped.items()]


def _check_read(read: ReadResult) -> list[Issue]:
    """Refuse a file with nothing to import; sheets without a header are only warnings when
    another sheet could be read."""
    no_header = [i for i in read.issues if i.message.code == "import.no_header"]
    if not any(layout.kind for layout in read.layouts):
        if no_header:
            raise ValidationError([i.message for i in no_header])
        raise ValidationError(Message("import.empty", field="file"))
    if not read.rows and not _sheet_refusals(read):
        raise ValidationError(Message("import.empty", field="file"))
    return no_header


def load_mapping(path: Path) -> dict[str, object]:
    """A mapping file: JSON {"column header or letter": "field"}."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ValidationError(Message("file.unreadable", {
            "path": str(path), "error": error.strerror or str(error)}, field="file")) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(Message("json.invalid", {"path": str(path), "error": str(error)},
                                      field="file")) from error
    if not isinstance(data, dict):
        raise ValidationError(Message("import.mapping_invalid", {"path": str(path)}, field="file"))
    return data
