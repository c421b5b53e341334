"""`data.json` of an evidence package: one firm's records written out, and read back with
every value checked.

Kind "evidence" (firm → official):

    {"profile": {...firm fields, no id/archived...},
     "fiscal_years": [{"year": 2025, ...}], "market_positions": [...], "assessments": [...],
     "evidence": [{"uid": "…32 hex…", ...fields, "files": [{"sha256", "name", "size",
                   "added_at"}]}],
     "applications": [{"uid", "tier", "kind", "assessment_date", "rulebook", "status",
                       "platform_score", "reviewer_notes",
                       "history": [{"from_status", "to_status", "who", "at", "reason"}],
                       "decisions": [{"criterion_id", "decision", "note", "who", "at"}]}]}

Kind "review" (official → firm): {"applications": [...]} with "uid", "tier", "kind",
"assessment_date" (to name it), "status", "reviewer_notes", "history", "decisions".

Money and scores are exact decimal strings, dates and times ISO 8601 (times in UTC), enums
their stored values. Any record may carry "base": {field: text}: the value of that field the
sender last received from the other side in a package (taken, or offered and kept), as the
change log shows it. The receiver uses it for a three-way comparison (services/packages.py).

Batches, rankings and the provincial feature score are the official's own organisation and
do not travel; neither does a firm's archived flag.

Reading it back (with every value checked) is services/package_parse.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from desktop.db import changelog
from desktop.domain import records as r
from desktop.domain.values import normalize

from .changes import as_text

UID = re.compile(r"^[0-9a-f]{32}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
ORIGIN_PACKAGE, ORIGIN_KEPT = "package", "kept"

# The fields each part compares and writes (keys and bookkeeping left out).
FIRM_FIELDS = tuple(n for n in r.Firm.field_names()
                    if n not in ("uscc", "id", "created_at", "updated_at", "archived"))
YEAR_FIELDS = tuple(n for n in r.FiscalYear.field_names() if n not in ("firm_id", "year", "id"))
POSITION_FIELDS = tuple(n for n in r.MarketPosition.field_names()
                        if n not in ("firm_id", "year", "scope", "id"))
ASSESSMENT_FIELDS = tuple(n for n in r.AnnualAssessment.field_names()
                          if n not in ("firm_id", "year", "id"))
EVIDENCE_FIELDS = tuple(n for n in r.EvidenceItem.field_names()
                        if n not in ("firm_id", "id", "uid", "attachments"))
APPLICATION_FIELDS = {
    "evidence": ("tier", "kind", "assessment_date", "rulebook", "status", "platform_score",
                 "reviewer_notes"),
    "review": ("status", "reviewer_notes"),
}
APPLICATION_LABEL_FIELDS = ("tier", "kind", "assessment_date")
DECISION_FIELDS = ("decision", "note")
# Which change-log table each part's records are logged under.
TABLES = {"firm": "firm", "fiscal_year": "fiscal_year", "market_position": "market_position",
          "assessment": "annual_assessment", "evidence": "evidence_item",
          "application": "application", "decision": "manual_decision"}


@dataclass(frozen=True)
class FileRef:
    sha256: str
    name: str
    size: int
    added_at: datetime | None = None


@dataclass(frozen=True)
class Incoming:
    """One record of the package, parsed and checked (its firm and application ids are 0)."""

    record: Any
    base: dict[str, str | None] = field(default_factory=dict)
    files: tuple[FileRef, ...] = ()                 # evidence
    history: tuple[r.StatusChange, ...] = ()        # application
    decisions: tuple[Incoming, ...] = ()            # application


@dataclass(frozen=True)
class PackageData:
    kind: str
    firm: Incoming | None = None
    fiscal_years: tuple[Incoming, ...] = ()
    market_positions: tuple[Incoming, ...] = ()
    assessments: tuple[Incoming, ...] = ()
    evidence: tuple[Incoming, ...] = ()
    applications: tuple[Incoming, ...] = ()


def text_of(value: object) -> str | None:
    """A value as the change log writes it, decimals without trailing zeros, so a value
    compares equal however it was spelt."""
    if isinstance(value, Decimal):
        value = normalize(value)
    return as_text(value)


# -- writing -----------------------------------------------------------------------------------

def _json(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(normalize(value), "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _fields(record: r.Record, names: tuple[str, ...]) -> dict[str, object]:
    return {name: _json(getattr(record, name)) for name in names}


def base_of(table: str, record_id: int, names: tuple[str, ...]) -> dict[str, str | None]:
    """The values of `names` this side last received from the other side's packages."""
    base: dict[str, str | None] = {}
    for entry in changelog.for_record(table, record_id):
        if entry.field in names and entry.origin == ORIGIN_PACKAGE:
            base[entry.field] = entry.new
        elif entry.field in names and entry.origin == ORIGIN_KEPT:
            base[entry.field] = entry.old    # offered, not taken: still what they hold
    return base


def _with_base(values: dict, table: str, record_id: int, names: tuple[str, ...]) -> dict:
    base = base_of(table, record_id, names)
    return {**values, "base": base} if base else values


def application_data(source, firm_id: int, kind: str) -> list[dict]:
    """A firm's applications with their history and decisions; `source` has `applications`."""
    names = APPLICATION_FIELDS[kind]
    shown = tuple(dict.fromkeys(APPLICATION_LABEL_FIELDS + names)) if kind == "review" else names
    result = []
    for application in source.applications.for_firm(firm_id):
        decisions = [_with_base({"criterion_id": d.criterion_id, **_fields(d, DECISION_FIELDS),
                                 "who": d.who, "at": _json(d.at)},
                                "manual_decision", d.id, DECISION_FIELDS)
                     for d in source.applications.decisions(application.id)]
        history = [{"from_status": _json(c.from_status), "to_status": _json(c.to_status),
                    "who": c.who, "at": _json(c.at), "reason": c.reason}
                   for c in source.applications.history(application.id)]
        values = {"uid": application.uid, **_fields(application, shown)}
        values = _with_base(values, "application", application.id, names)
        result.append({**values, "history": history, "decisions": decisions})
    return result


def evidence_data(source, firm_id: int) -> tuple[dict, dict[str, str]]:
    """(data.json for kind "evidence", {sha256: stored path} of the files it references);
    `source` has `firms`, `financials`, `evidence` and `applications`."""
    firm = source.firms.get(firm_id)
    profile = _with_base({"uscc": firm.uscc, **_fields(firm, FIRM_FIELDS)}, "firm", firm.id,
                         FIRM_FIELDS)
    years = [_with_base({"year": y.year, **_fields(y, YEAR_FIELDS)}, "fiscal_year", y.id,
                        YEAR_FIELDS) for y in source.financials.years(firm_id)]
    positions = [_with_base({"year": p.year, "scope": p.scope.value,
                             **_fields(p, POSITION_FIELDS)}, "market_position", p.id,
                            POSITION_FIELDS)
                 for p in source.financials.market_positions(firm_id)]
    assessments = [_with_base({"year": a.year, **_fields(a, ASSESSMENT_FIELDS)},
                              "annual_assessment", a.id, ASSESSMENT_FIELDS)
                   for a in source.financials.assessments(firm_id)]
    files: dict[str, str] = {}
    evidence = []
    for item in source.evidence.items(firm_id):
        values = _with_base({"uid": item.uid, **_fields(item, EVIDENCE_FIELDS)},
                            "evidence_item", item.id, EVIDENCE_FIELDS)
        refs = []
        for attachment in item.attachments:
            files.setdefault(attachment.sha256, attachment.stored_path)
            refs.append({"sha256": attachment.sha256, "name": attachment.original_name,
                         "size": attachment.size, "added_at": _json(attachment.added_at)})
        evidence.append({**values, "files": refs})
    data = {"profile": profile, "fiscal_years": years, "market_positions": positions,
            "assessments": assessments, "evidence": evidence,
            "applications": application_data(source, firm_id, "evidence")}
    return data, files
