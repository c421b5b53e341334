"""Comparing a parsed package with this database, record by record and field by field.

Records are matched: the firm by USCC, fiscal years and assessments by year, market positions
by (year, scope), evidence items and applications by uid, decisions by (application,
criterion), attachments by (evidence item, SHA-256), status changes by (application, time,
from, to). A record not found here is NEW. For a record found here each compared field (see
package_data.*_FIELDS) is, with mine = this database's value, theirs = the package's, and
base = the package's "base" value of the field when it has one (what the sender last received
from this side):

1. theirs == mine: nothing to do.
2. theirs == base: the sender did not change it since it came from here; mine stands, nothing
   to do (this side changed it since).
3. mine == base: only the sender changed it: CHANGED.
4. otherwise CONFLICTING when mine was last written by a person here after the record last
   came from a package: the field's newest change-log entry has origin '' (a person's edit) or
   'kept' (a person kept it over a package's value), and that entry is newer (by time, then
   log id) than the record's newest entry with origin 'package'. Else CHANGED: mine came from
   an earlier package, or nobody edited the field here (no log entry).

A record is CONFLICTING when any field is, CHANGED when any field differs, else UNCHANGED.
Attachments and status changes are only ever NEW (nothing in them can be edited); a package
adds and updates, it never deletes what it does not mention.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.db import changelog
from desktop.db import package_rows
from desktop.domain import records as r
from desktop.domain.errors import ValidationError
from desktop.domain.messages import Message
from desktop.domain.packages import FieldDiff, RecordDiff, RecordState

from . import package_data as d

_PERSON = ("", d.ORIGIN_KEPT)


@dataclass
class Planned:
    """One record to write: its diff, the local record (None when new) and the incoming one."""

    diff: RecordDiff
    table: str
    local: Any = None
    incoming: d.Incoming | None = None
    parent: str = ""                  # the owning evidence item's or application's key
    extra: Any = None                 # a FileRef or a StatusChange
    children: list[Planned] = field(default_factory=list)


def compare(part: str, key: str, label: str, local: Any, incoming: d.Incoming,
            names: tuple[str, ...]) -> RecordDiff:
    """The diff of one record (see the module docstring)."""
    theirs_of = {name: d.text_of(getattr(incoming.record, name)) for name in names}
    if local is None:
        return RecordDiff(part, key, label, RecordState.NEW, tuple(
            FieldDiff(f"{part}/{key}/{name}", name, None, value)
            for name, value in theirs_of.items() if value not in (None, "")))
    entries = changelog.for_record(d.TABLES[part], local.id)
    arrived = max((i for i, e in enumerate(entries) if e.origin == d.ORIGIN_PACKAGE), default=-1)
    latest = {e.field: (i, e) for i, e in enumerate(entries) if e.field}
    diffs = []
    for name in names:
        mine, theirs = d.text_of(getattr(local, name)), theirs_of[name]
        if mine == theirs:
            continue
        has_base = name in incoming.base
        if has_base and theirs == incoming.base[name]:
            continue
        index, entry = latest.get(name, (-1, None))
        conflicting = (not (has_base and mine == incoming.base[name]) and entry is not None
                       and entry.origin in _PERSON and index > arrived)
        diffs.append(FieldDiff(f"{part}/{key}/{name}", name, mine, theirs, conflicting,
                               entry.who if conflicting else "",
                               entry.at if conflicting else None))
    state = (RecordState.CONFLICTING if any(f.conflicting for f in diffs)
             else RecordState.CHANGED if diffs else RecordState.UNCHANGED)
    return RecordDiff(part, key, label, state, tuple(diffs))


def _new(part: str, key: str, label: str) -> RecordDiff:
    return RecordDiff(part, key, label, RecordState.NEW)


class Planner:
    """Builds the plan of one package against this database; reads only."""

    def __init__(self, source, data: d.PackageData, firm: r.Firm | None) -> None:
        self.source = source      # has firms, financials, evidence, applications
        self.data = data
        self.firm = firm

    def plan(self) -> list[Planned]:
        plan: list[Planned] = []
        if self.data.kind == "evidence":
            plan += self._firm_and_years()
            plan += self._evidence()
        plan += self._applications()
        return plan

    # -- the firm and its yearly facts -----------------------------------------------------
    def _firm_and_years(self) -> list[Planned]:
        firm, data = self.firm, self.data
        plan = [Planned(compare("firm", data.firm.record.uscc, data.firm.record.name, firm,
                                data.firm, d.FIRM_FIELDS), "firm", firm, data.firm)]
        fid = firm.id if firm else None
        years = {y.year: y for y in self.source.financials.years(fid)} if fid else {}
        positions = ({(p.year, p.scope.value): p for p in
                      self.source.financials.market_positions(fid)} if fid else {})
        assessments = {a.year: a for a in self.source.financials.assessments(fid)} if fid else {}
        for incoming in data.fiscal_years:
            year = incoming.record.year
            plan.append(Planned(compare("fiscal_year", str(year), str(year), years.get(year),
                                        incoming, d.YEAR_FIELDS), "fiscal_year",
                                years.get(year), incoming))
        for incoming in data.market_positions:
            key = (incoming.record.year, incoming.record.scope.value)
            text = f"{key[0]}/{key[1]}"
            plan.append(Planned(compare("market_position", text, text, positions.get(key),
                                        incoming, d.POSITION_FIELDS), "market_position",
                                positions.get(key), incoming))
        for incoming in data.assessments:
            year = incoming.record.year
            plan.append(Planned(compare("assessment", str(year), str(year),
                                        assessments.get(year), incoming, d.ASSESSMENT_FIELDS),
                                "annual_assessment", assessments.get(year), incoming))
        return plan

    # -- evidence and its files ------------------------------------------------------------
    def _evidence(self) -> list[Planned]:
        fid = self.firm.id if self.firm else None
        mine = {item.uid: item for item in self.source.evidence.items(fid)} if fid else {}
        self._refuse_foreign(package_rows.evidence_firms(i.record.uid for i in self.data.evidence),
                             fid, "evidence", self.data.evidence)
        plan = []
        for incoming in self.data.evidence:
            uid = incoming.record.uid
            local = mine.get(uid)
            planned = Planned(compare("evidence", uid, incoming.record.title, local, incoming,
                                      d.EVIDENCE_FIELDS), "evidence_item", local, incoming)
            have = {a.sha256 for a in local.attachments} if local else set()
            for ref in incoming.files:
                if ref.sha256 in have:
                    continue
                have.add(ref.sha256)
                planned.children.append(Planned(_new("attachment", f"{uid}/{ref.sha256}",
                                                     ref.name), "attachment", parent=uid,
                                                extra=ref))
            plan.append(planned)
        return plan

    # -- applications, their history and decisions -----------------------------------------
    def _applications(self) -> list[Planned]:
        kind, fid = self.data.kind, self.firm.id if self.firm else None
        mine = {a.uid: a for a in self.source.applications.for_firm(fid)} if fid else {}
        self._refuse_foreign(package_rows.application_firms(
            i.record.uid for i in self.data.applications), fid, "applications",
            self.data.applications)
        if kind == "review":
            unknown = [i.record for i in self.data.applications if i.record.uid not in mine]
            if unknown:
                raise ValidationError([Message("package.unknown_application", {
                    "uid": a.uid, "tier": a.tier.value, "kind": a.kind.value,
                    "date": a.assessment_date.isoformat() if a.assessment_date else ""},
                    field=f"applications.{a.uid}") for a in unknown])
        plan = []
        for incoming in self.data.applications:
            record, local = incoming.record, mine.get(incoming.record.uid)
            label = " · ".join(str(x) for x in (record.tier.value, record.kind.value,
                                                 record.assessment_date) if x)
            planned = Planned(compare("application", record.uid, label, local, incoming,
                                      d.APPLICATION_FIELDS[kind]), "application", local,
                              incoming)
            history = self.source.applications.history(local.id) if local else []
            seen = {(c.at, c.from_status, c.to_status) for c in history}
            for change in incoming.history:
                if (change.at, change.from_status, change.to_status) in seen:
                    continue
                text = (f"{change.from_status or '-'} → {change.to_status} "
                        f"{change.at:%Y-%m-%d %H:%M}")
                key = f"{record.uid}/{change.at.isoformat()}/{change.to_status}"
                planned.children.append(Planned(_new("status_change", key, text), "status_change",
                                                parent=record.uid, extra=change))
            decisions = ({x.criterion_id: x for x in self.source.applications.decisions(local.id)}
                         if local else {})
            for decision in incoming.decisions:
                criterion = decision.record.criterion_id
                old = decisions.get(criterion)
                planned.children.append(Planned(
                    compare("decision", f"{record.uid}/{criterion}", criterion, old, decision,
                            d.DECISION_FIELDS), "manual_decision", old, decision,
                    parent=record.uid))
            plan.append(planned)
        return plan

    @staticmethod
    def _refuse_foreign(owners: dict[str, int], firm_id: int | None, part: str,
                        incoming) -> None:
        """A uid that belongs to another firm here: the package is not this firm's."""
        foreign = [i.record.uid for i in incoming
                   if i.record.uid in owners and owners[i.record.uid] != firm_id]
        if foreign:
            raise ValidationError([Message("package.other_firm_record", {"uid": uid},
                                           field=f"{part}.{uid}") for uid in foreign])


def flatten(plan: list[Planned]) -> list[Planned]:
    """Every planned record, children after their parent."""
    result = []
    for planned in plan:
        result.append(planned)
        result += flatten(planned.children)
    return result
