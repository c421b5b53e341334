"""Frozen records that cross the layers. `id` is None until a record has been saved.

Money is in 万元 as Decimal; percentages (market share) are Decimal percents (12.5 = 12.5%);
every figure that is not known is None, never zero.

The records are defined by area in desktop/domain/_records/ and each area's module is loaded
the first time one of its records is asked for here (`records.Firm`, `from … import Firm`):
a frozen dataclass costs about a millisecond to define, and the first window needs only the
firm list's two of the fifteen (the whole set took ~13 ms of every start).
"""
from __future__ import annotations

import dataclasses
import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._records.applications import Application, Batch, ManualDecision, StatusChange
    from ._records.changes import ChangeEntry
    from ._records.evidence import Attachment, DueItem, EvidenceItem
    from ._records.figures import (
        FISCAL_COUNTS,
        FISCAL_FIGURES,
        FISCAL_MONEY,
        AnnualAssessment,
        FiscalYear,
        MarketPosition,
    )
    from ._records.firm_list import FirmQuery, FirmSummary
    from ._records.firms import Firm
    from ._records.snapshots import FirmSnapshot

# Each record's area module (desktop/domain/_records/<area>.py).
_AREAS = {
    "Firm": "firms",
    "FiscalYear": "figures", "FISCAL_FIGURES": "figures", "FISCAL_COUNTS": "figures",
    "FISCAL_MONEY": "figures", "MarketPosition": "figures", "AnnualAssessment": "figures",
    "Attachment": "evidence", "EvidenceItem": "evidence", "DueItem": "evidence",
    "Batch": "applications", "StatusChange": "applications", "ManualDecision": "applications",
    "Application": "applications",
    "ChangeEntry": "changes",
    "FirmSummary": "firm_list", "FirmQuery": "firm_list",
    "FirmSnapshot": "snapshots",
}
__all__ = [
    "FISCAL_COUNTS", "FISCAL_FIGURES", "FISCAL_MONEY", "AnnualAssessment", "Application",
    "Attachment", "Batch", "ChangeEntry", "DueItem", "EvidenceItem", "Firm", "FirmQuery",
    "FirmSnapshot", "FirmSummary", "FiscalYear", "ManualDecision", "MarketPosition", "Record",
    "StatusChange",
]


class Record:
    """Shared helpers of the records below."""

    def to_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]


def __getattr__(name: str):
    area = _AREAS.get(name)
    if area is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__package__}._records.{area}"), name)
    globals()[name] = value   # asked for once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_AREAS))
