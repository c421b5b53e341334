"""Firms: create, update, archive, look up, list and search."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING

from desktop.db import applications as applications_rows
from desktop.db import evidence as evidence_rows
from desktop.db import figures
from desktop.db import firms as firm_rows
from desktop.db import restore as restore_rows
from desktop.domain.errors import Conflict, NotFound, ValidationError
from desktop.domain.messages import Message
from desktop.domain import records as r
from desktop.domain.records import FirmQuery, FirmSummary

from . import changes
from .context import ServiceContext
from .firm_list import FirmListService
from .industry_sectors import sector_for_industry
from .inputs import checked_record

if TYPE_CHECKING:   # made when first used (records.py): the first screen lists firms only
    from desktop.domain.records import Firm, FirmSnapshot

TABLE = "firm"
# .validation is imported where a firm is looked up by code or written: it loads python-stdnum
# (with ssl, pydoc…, ~20 ms), which the window's first screen, a list of firms, never needs.


class FirmService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.listing = FirmListService(context)   # the list's reads (see firm_list.py)

    # -- reading ----------------------------------------------------------------------------
    def get(self, firm_id: int) -> Firm:
        firm = firm_rows.get(firm_id)
        if firm is None:
            raise NotFound(Message("firm.id_not_found", {"id": firm_id}))
        return firm

    def get_by_uscc(self, uscc: str) -> Firm:
        from .validation import normalize_uscc

        firm = firm_rows.get_by_uscc(normalize_uscc(uscc))
        if firm is None:
            raise NotFound(Message("firm.not_found", {"uscc": uscc}, field="uscc"))
        return firm

    def list(self, text: str = "", include_archived: bool = False, limit: int | None = None,
             offset: int = 0) -> list[FirmSummary]:
        """Firms whose name, English name, USCC or pinyin initials contain `text`, by name."""
        return self.listing.query(FirmQuery(text=text, include_archived=include_archived),
                                  limit, offset)

    def query(self, spec: FirmQuery, limit: int | None = None, offset: int = 0) -> list[FirmSummary]:
        """One page of the firm list as `spec` filters and orders it."""
        return self.listing.query(spec, limit, offset)

    def count(self, include_archived: bool = False, spec: FirmQuery | None = None) -> int:
        return self.listing.count(spec or FirmQuery(include_archived=include_archived))

    def count_and_first_page(self, spec: FirmQuery, limit: int) -> tuple[int, list[FirmSummary]]:
        """`count(spec=spec)` and `query(spec, limit)` at once, the search text looked up once."""
        return self.listing.count_and_first_page(spec, limit)

    # -- writing ----------------------------------------------------------------------------
    def parse(self, raw: Mapping[str, object]) -> Firm:
        """A Firm from raw values (form, JSON, spreadsheet row); ValidationError lists every
        value that cannot be read."""
        from .validation import validate_firm

        today = self.context.today()
        return checked_record(r.Firm, raw, lambda firm: validate_firm(self._prepared(firm), today))

    def create(self, firm: Firm) -> Firm:
        firm = self._prepared(firm)
        self._check(firm)
        with self.context.database.transaction():
            saved = firm_rows.insert(firm, self.context.now())
            changes.log(self.context, TABLE, saved.id, None, saved)
        return saved

    def create_from(self, raw: Mapping[str, object]) -> Firm:
        return self.create(self.parse(raw))

    def update(self, firm: Firm) -> Firm:
        old = self.get(firm.id)
        firm = self._prepared(firm)
        self._check(firm)
        with self.context.database.transaction():
            saved = firm_rows.update(firm, self.context.now())
            changes.log(self.context, TABLE, saved.id, old, saved)
        return saved

    def set_archived(self, firm_id: int, archived: bool = True) -> Firm:
        return self.update(dataclasses.replace(self.get(firm_id), archived=archived))

    def snapshot(self, firm_id: int) -> FirmSnapshot:
        """Everything a firm owns, as records: enough to put it back after a delete."""
        firm = self.get(firm_id)
        applications = applications_rows.for_firm(firm_id)
        return r.FirmSnapshot(
            firm=firm, fiscal_years=tuple(figures.fiscal_years(firm_id)),
            market_positions=tuple(figures.market_positions(firm_id)),
            assessments=tuple(figures.assessments(firm_id)),
            evidence=tuple(evidence_rows.items(firm_id)), applications=tuple(applications),
            status_changes=tuple(c for a in applications for c in applications_rows.status_history(a.id)),
            decisions=tuple(d for a in applications for d in applications_rows.decisions(a.id)))

    def delete(self, firm_id: int) -> FirmSnapshot:
        """Delete a firm with its figures, evidence and applications. Returns a snapshot that
        `restore` puts back (the attachment files stay in the store)."""
        snapshot = self.snapshot(firm_id)
        with self.context.database.transaction():
            firm_rows.delete(firm_id)
            changes.log(self.context, TABLE, firm_id, snapshot.firm, None)
        return snapshot

    def restore(self, snapshot: FirmSnapshot) -> Firm:
        """Put a deleted firm back, with the same ids, its evidence and attachments."""
        if firm_rows.uscc_taken(snapshot.firm.uscc):
            raise Conflict(Message("uscc.duplicate", {"uscc": snapshot.firm.uscc}, field="uscc"))
        with self.context.database.transaction():
            restore_rows.firm(snapshot.firm)
            restore_rows.reinsert(snapshot.fiscal_years + snapshot.market_positions
                                  + snapshot.assessments + snapshot.evidence
                                  + tuple(a for item in snapshot.evidence for a in item.attachments)
                                  + snapshot.applications + snapshot.status_changes
                                  + snapshot.decisions)
            changes.log(self.context, TABLE, snapshot.firm.id, None, snapshot.firm)
        return self.get(snapshot.firm.id)

    def _prepared(self, firm: Firm) -> Firm:
        """Normalise what has one right spelling; derive the size-gate sector when unset."""
        from .validation import normalize_uscc

        updates: dict[str, object] = {
            "uscc": normalize_uscc(firm.uscc),
            "name": firm.name.strip(),
            "industry_code": firm.industry_code.strip().upper(),
            "region_code": firm.region_code.strip(),
        }
        if firm.sector_class is None and updates["industry_code"]:
            updates["sector_class"] = sector_for_industry(str(updates["industry_code"]))
        return dataclasses.replace(firm, **updates)

    def _check(self, firm: Firm) -> None:
        from .validation import validate_firm

        problems = validate_firm(firm, self.context.today())
        if problems:
            raise ValidationError(problems)
        if firm_rows.uscc_taken(firm.uscc, except_id=firm.id):
            raise Conflict(Message("uscc.duplicate", {"uscc": firm.uscc}, field="uscc"))
