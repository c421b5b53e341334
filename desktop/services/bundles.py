"""A firm with everything it owns, given as one JSON-like object (the CLI's `firms add
--json`, the demo data set):

    {"profile": {...}, "fiscal_years": [...], "market_positions": [...],
     "assessments": [...], "evidence": [{..., "files": ["relative/path.pdf"]}]}

A bare profile object is accepted too. Every part is checked before anything is written, so
the messages name every problem of every part, and a refused bundle writes nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.domain import records as r
from desktop.domain.errors import ValidationError
from desktop.domain.messages import Message

from . import validation as v
from .inputs import checked_record
from .workspace import Workspace

PARTS = ("profile", "fiscal_years", "market_positions", "assessments", "evidence")


def _qualified(messages, prefix: str) -> list[Message]:
    """'operating_revenue' → 'fiscal_years.2025.operating_revenue', so the user sees which
    year or which evidence item a message is about."""
    return [replace(m, field=f"{prefix}.{m.field}" if m.field else prefix) for m in messages]


def _parse_list(raws: Any, part: str, record_type: type, key: Callable[[Mapping, int], str],
                validate: Callable, problems: list[Message]) -> list:
    parsed = []
    if not isinstance(raws, list):
        problems.append(Message("value.not_an_object", {"value": type(raws).__name__}, field=part))
        return parsed
    for index, raw in enumerate(raws):
        label = key(raw, index) if isinstance(raw, Mapping) else str(index + 1)
        fields = {k: val for k, val in raw.items() if k != "files"} if isinstance(raw, Mapping) else raw
        try:
            parsed.append((raw, checked_record(record_type, fields, validate, fixed={"firm_id": 0})))
        except ValidationError as error:
            problems += _qualified(error.messages, f"{part}.{label}")
    return parsed


def parse_bundle(workspace: Workspace, entry: Mapping[str, Any]) -> dict[str, Any]:
    """Every part parsed and validated; ValidationError lists all problems of all parts."""
    if not isinstance(entry, Mapping):
        raise ValidationError(Message("value.not_an_object", {"value": type(entry).__name__}))
    if "profile" not in entry:
        entry = {"profile": entry}
    unknown = [key for key in entry if key not in PARTS and key != "demo_case"
               and key != "applications"]
    problems = [Message("value.unknown_field", {"value": key}, field=key) for key in unknown]
    today = workspace.context.today()
    firm = None
    try:
        firm = workspace.firms.parse(entry["profile"])
    except ValidationError as error:
        problems += error.messages
    year_of = lambda raw, i: str(raw.get("year", i + 1))  # noqa: E731
    parts = {
        "fiscal_years": _parse_list(entry.get("fiscal_years", []), "fiscal_years", r.FiscalYear,
                                    year_of, lambda x: v.validate_fiscal_year(x, today), problems),
        "market_positions": _parse_list(entry.get("market_positions", []), "market_positions",
                                        r.MarketPosition, year_of,
                                        lambda x: v.validate_market_position(x, today), problems),
        "assessments": _parse_list(entry.get("assessments", []), "assessments",
                                   r.AnnualAssessment, year_of,
                                   lambda x: v.validate_assessment(x, today), problems),
        "evidence": _parse_list(entry.get("evidence", []), "evidence", r.EvidenceItem,
                                lambda raw, i: str(i + 1),
                                lambda x: v.validate_evidence(x, today), problems),
    }
    years = [record.year for _, record in parts["fiscal_years"]]
    for year in sorted({y for y in years if years.count(y) > 1}):
        problems.append(Message("fiscal_year.duplicate", {"year": year}, field="fiscal_years"))
    if problems:
        raise ValidationError(problems)
    return {"profile": firm, **parts}


def add_bundle(workspace: Workspace, entry: Mapping[str, Any], files_root: Path | None = None) -> r.Firm:
    """Create the firm and everything it owns in one transaction; files are relative to
    `files_root`."""
    parsed = parse_bundle(workspace, entry)
    with workspace.context.database.transaction():
        firm = workspace.firms.create(parsed["profile"])
        for _, record in parsed["fiscal_years"]:
            workspace.financials.set_year(replace(record, firm_id=firm.id))
        for _, record in parsed["market_positions"]:
            workspace.financials.set_market_position(replace(record, firm_id=firm.id))
        for _, record in parsed["assessments"]:
            workspace.financials.set_assessment(replace(record, firm_id=firm.id))
        for raw, record in parsed["evidence"]:
            files = tuple(Path(files_root or ".") / name for name in raw.get("files", []))
            workspace.evidence.add(replace(record, firm_id=firm.id), files)
    return firm
