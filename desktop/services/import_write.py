"""Writing a planned import: new firms and what they own through the bulk path, the rest through
the services.

The plan (import_plan.py) has already parsed and validated every row with the services' own
validators, against the database and the rows before it. So the firms the import creates, with
their years, market positions, assessments and evidence, go through desktop/db/bulk.py: a few
statements per round of CHUNK firms instead of a dozen single-row statements each, and one
change-log "create" entry per record (origin 'import'). Rows for firms already stored are
few in a typical import; they keep the services' per-record path (updates diffed field by field
in the change log). Everything runs in the caller's transaction: all or nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.db import bulk
from desktop.domain import records as r
from desktop.excel.atomic import report

from .import_plan import UNCHANGED, RowPlan

ORIGIN = "import"
CHUNK = 1_000        # firms per round of inserts: progress and cancel between rounds

# Plan part → (bulk insert, change-log table name).
_OWNED: dict[str, tuple[Callable, str]] = {
    "fiscal_year": (bulk.insert_fiscal_years, "fiscal_year"),
    "market_position": (bulk.insert_market_positions, "market_position"),
    "assessment": (bulk.insert_assessments, "annual_assessment"),
    "evidence": (bulk.insert_evidence, "evidence_item"),
}


class NotBulk(Exception):
    """The plan holds something the bulk path does not write: use the per-row path."""


@dataclass
class NewFirm:
    firm: r.Firm
    # (part, key) → record; a later row for the same year (scope) replaces the earlier one,
    # as the services' set_year would. Evidence keys are unique (every planned item is new).
    owned: dict[tuple, r.Record] = field(default_factory=dict)


def split(plans: list[RowPlan]) -> tuple[dict[str, NewFirm], list[RowPlan]]:
    """The firms the import creates, each with its final record and what it owns, and the
    plans of the other rows (firms already stored), in order."""
    new: dict[str, NewFirm] = {}
    rest: list[RowPlan] = []
    for plan in plans:
        if plan.action == UNCHANGED:
            continue
        creates = plan.uscc in new or any(op.part == "firm" and op.new for op in plan.ops)
        if not creates:
            rest.append(plan)
            continue
        for op in plan.ops:
            if op.part == "firm":
                if not op.new and plan.uscc not in new:
                    raise NotBulk()
                if plan.uscc in new:
                    new[plan.uscc].firm = op.record   # the plan's state after this row
                else:
                    new[plan.uscc] = NewFirm(op.record)
                continue
            if plan.uscc not in new:
                raise NotBulk()
            owned = new[plan.uscc].owned
            record = op.record
            if op.part == "evidence":
                if not op.new:
                    raise NotBulk()
                owned[("evidence", len(owned))] = record
            else:
                key = (op.part, record.year, getattr(record, "scope", None))
                owned[key] = record
    return new, rest


def write_new_firms(context, new: dict[str, NewFirm], progress, done: int, total: int) -> int:
    """Insert the new firms and what they own, CHUNK firms at a time; returns `done` plus
    the firms written (for progress, which may cancel between chunks)."""
    now, who = context.now(), context.user
    firms = list(new.values())
    for start in range(0, len(firms), CHUNK):
        chunk = firms[start:start + CHUNK]
        ids = bulk.insert_firms([item.firm for item in chunk], now)
        bulk.log_created("firm", ids, now, who, ORIGIN)
        by_part: dict[str, tuple[list[r.Record], list[int]]] = {}
        for firm_id, item in zip(ids, chunk):
            for (part, *_), record in item.owned.items():
                records, owners = by_part.setdefault(part, ([], []))
                records.append(record)    # planned with firm_id 0: `owners` holds the ids
                owners.append(firm_id)
        for part, (insert, table) in _OWNED.items():
            records, owners = by_part.get(part, ([], []))
            record_ids = insert(records, owners)
            bulk.log_created(table, record_ids, now, who, ORIGIN)
        done += len(chunk)
        report(progress, done, total)
    return done
