"""Planning an import: each row parsed and checked like typed input (inputs.checked_record and
the validation rules), against what the database holds plus what earlier rows will write.

Firms are matched by USCC, yearly facts by year (and market scope), evidence by kind and number
(or, without a number, kind and title). A row's plan lists the records it will create or update,
or the issues that refuse it, each at the column its field was read from.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from desktop.db import bulk
from desktop.domain import records as r
from desktop.domain.enums import EvidenceKind, MarketScope
from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.messages import Message
from desktop.domain.values import ParseError, parse_int
from desktop.excel import headers as h
from desktop.excel.reader import Issue, Row, Value

from .inputs import checked_record, parse_enum
from .validation import (
    check_uscc, normalize_uscc, validate_assessment, validate_evidence, validate_firm,
    validate_fiscal_year, validate_market_position,
)

CREATE, UPDATE, UNCHANGED, REFUSE = "create", "update", "unchanged", "refuse"


@dataclass
class Op:
    part: str                 # firm, fiscal_year, market_position, assessment, evidence
    record: r.Record
    new: bool


@dataclass
class RowPlan:
    row: Row
    uscc: str = ""
    ops: list[Op] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    changed: bool = False

    @property
    def action(self) -> str:
        if self.issues:
            return REFUSE
        if any(op.new for op in self.ops):
            return CREATE
        return UPDATE if self.changed else UNCHANGED


class PlanState:
    """What the database holds plus what earlier rows of this import will write."""

    def __init__(self, service) -> None:
        self.service = service
        self.today = service.context.today()
        self.firms: dict[str, r.Firm | None] = {}
        self.yearly: dict[tuple, r.Record] = {}
        self.evidence: dict[str, list[r.EvidenceItem]] = {}
        self._validators = {part: functools.partial(validate, today=self.today)
                            for part, (_, validate) in _PARTS.items()}

    def prefetch(self, codes: Iterable[object]) -> None:
        """Note the codes no stored firm has (a few queries for them all); `firm()` then
        answers None for them without asking the database."""
        usccs = {normalize_uscc(str(code)) for code in codes if code is not None}
        usccs -= set(self.firms)
        usccs.discard("")
        taken = bulk.usccs_taken(sorted(usccs))
        for uscc in usccs - taken:
            self.firms[uscc] = None

    def firm(self, uscc: str) -> r.Firm | None:
        if uscc not in self.firms:
            try:
                self.firms[uscc] = self.service.firms.get_by_uscc(uscc)
            except NotFound:
                self.firms[uscc] = None
        return self.firms[uscc]

    def plan_row(self, plan: RowPlan, blanks_clear: bool) -> None:
        """Parse and check one row against the state; record its writes or its issues."""
        row, found = plan.row, list(plan.issues)  # the reader's issues (cell errors) stay
        plan.issues = []
        code = row.fields.get("uscc")
        uscc = normalize_uscc(str(code.value)) if code and code.value is not None else ""
        problems = check_uscc(uscc) if uscc else [Message("import.no_uscc", field="uscc")]
        if problems:
            plan.issues = found + _issues(row, row.fields, problems)
            return
        plan.uscc = uscc
        pending: list[tuple[str, tuple | None, r.Record]] = []
        firm = self._firm_part(plan, blanks_clear, pending) if row.kind == h.FIRM else self.firm(uscc)
        if firm is None and not plan.issues:
            plan.issues += _issues(row, row.fields, [Message("firm.not_found", {"uscc": uscc},
                                                             field="uscc")])
        # Without the firm the row is refused, but its figures are still checked, so the
        # report lists every problem of the row at once.
        owner = firm or r.Firm(uscc=uscc, name="")
        parts = ([("fiscal_year", values) for values in row.years] if row.kind == h.FIRM
                 else [(row.kind, {k: v for k, v in row.fields.items() if k not in h.IDENTITY})])
        for part, values in parts:
            self._part(plan, part, owner, values, blanks_clear, pending)
        plan.issues = found + plan.issues
        if not plan.issues:  # only a valid row changes what later rows see
            for part, key, record in pending:
                if part == "firm":
                    self.firms[uscc] = record  # type: ignore[assignment]
                elif key is not None and part != "evidence":
                    self.yearly[key] = record

    def _firm_part(self, plan: RowPlan, blanks_clear: bool, pending: list) -> r.Firm | None:
        """The firm as it will be after this row (None: unknown or refused)."""
        row = plan.row
        raw = _raw(row.fields, r.Firm, blanks_clear)
        raw.pop("uscc", None)
        current = self.firm(plan.uscc)
        if current is None and not raw and "name" not in row.fields:
            return None  # only a code: a row of figures for a firm that must exist
        fixed = _fixed(current, raw) if current else {"uscc": plan.uscc}
        prepare = self.service.firms._prepared
        prepared: list[tuple[r.Firm, r.Firm]] = []

        def validate(firm: r.Firm) -> list[Message]:
            prepared.append((firm, prepare(firm)))  # kept: preparing twice costs an import
            return validate_firm(prepared[-1][1], self.today)

        try:
            record = checked_record(r.Firm, raw, validate, fixed=fixed)
        except ValidationError as error:
            plan.issues += _issues(row, row.fields, error.messages)
            return None
        record = prepared[-1][1] if prepared and prepared[-1][0] is record else prepare(record)
        if current is None or record != current:
            plan.ops.append(Op("firm", record, current is None))
            plan.changed = True
            pending.append(("firm", None, record))
        return record

    def _part(self, plan: RowPlan, part: str, firm: r.Firm, values: dict[str, Value],
              blanks_clear: bool, pending: list) -> None:
        record_type = _PARTS[part][0]
        raw = _raw(values, record_type, blanks_clear)
        key, existing = self._existing(plan.uscc, firm, part, values)
        fixed = _fixed(existing, raw) if existing else {}
        fixed["firm_id"] = firm.id or 0
        try:
            record = checked_record(record_type, raw, self._validators[part], fixed=fixed)
        except ValidationError as error:
            plan.issues += _issues(plan.row, values, error.messages)
            return
        if existing is None or record != existing:
            plan.ops.append(Op(part, record, existing is None))
            plan.changed = True
            pending.append((part, key, record))

    def _existing(self, uscc: str, firm: r.Firm, part: str, values: dict[str, Value]):
        """The stored (or earlier planned) record the row's values apply to, by its key."""
        def raw(name: str) -> object:
            value = values.get(name)
            return None if value is None else value.value
        try:
            if part == "evidence":
                kind = parse_enum(EvidenceKind, raw("kind"))
                number = str(raw("number") or "").strip()
                title = str(raw("title") or "").strip()
                pool = self._evidence_pool(uscc, firm)
                for index, item in enumerate(pool):
                    if item.kind == kind and (item.number == number if number else
                                              not item.number and item.title == title):
                        return (uscc, index), pool.pop(index)
                return (uscc, None), None
            key = (uscc, part, parse_int(raw("year")))
            if part == "market_position":
                key += (parse_enum(MarketScope, raw("scope")),)
        except ParseError:
            return None, None  # checked_record names the unreadable value
        if key not in self.yearly and firm.id is not None:
            stored = {"fiscal_year": lambda: self.service.financials.year(firm.id, key[2]),
                      "market_position": lambda: next((p for p in self.service.financials
                                                       .market_positions(firm.id)
                                                       if p.year == key[2] and p.scope == key[3]),
                                                      None),
                      "assessment": lambda: next((a for a in self.service.financials
                                                  .assessments(firm.id) if a.year == key[2]),
                                                 None)}[part]()
            if stored is not None:
                self.yearly[key] = stored
        return key, self.yearly.get(key)

    def _evidence_pool(self, uscc: str, firm: r.Firm) -> list[r.EvidenceItem]:
        if uscc not in self.evidence:
            self.evidence[uscc] = (list(self.service.evidence.items(firm.id))
                                   if firm.id is not None else [])
        return self.evidence[uscc]


_PARTS: dict[str, tuple[type, Callable]] = {
    "fiscal_year": (r.FiscalYear, validate_fiscal_year),
    "market_position": (r.MarketPosition, validate_market_position),
    "assessment": (r.AnnualAssessment, validate_assessment),
    "evidence": (r.EvidenceItem, validate_evidence),
}


def _raw(values: dict[str, Value], record_type: type, blanks_clear: bool) -> dict[str, object]:
    """The row's values for one record; an empty cell clears only in a data workbook."""
    names = _names(record_type)
    return {k: v.value for k, v in values.items()
            if k in names and (blanks_clear or v.value not in (None, ""))}


@functools.cache
def _names(record_type: type) -> frozenset[str]:
    return frozenset(record_type.field_names())


def _fixed(existing: r.Record, raw: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in existing.to_dict().items() if k not in raw}


def _issues(row: Row, values: dict[str, Value], messages) -> list[Issue]:
    """Messages as row-level issues, each at the column its field was read from."""
    issues = []
    for message in messages:
        source = values.get(message.field) or row.fields.get(message.field)
        issues.append(Issue(row.sheet, row.row, source.column if source else "",
                            source.raw if source else None, message))
    return issues
