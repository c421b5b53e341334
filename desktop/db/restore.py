"""Putting deleted records back with their old ids (undo of a delete).

The ids stay the same so the change log and anything that remembered them still point at the
right records.
"""
from __future__ import annotations

from desktop.domain import records as r

from .convert import to_columns
from .models import (
    AnnualAssessment, Application, Attachment, EvidenceItem, FiscalYear, ManualDecision,
    MarketPosition, StatusChange,
)
from .pinyin import initials

# Each record type's model, by the type's name (records.py makes the types when first used).
_MODELS = {
    "FiscalYear": FiscalYear, "MarketPosition": MarketPosition,
    "AnnualAssessment": AnnualAssessment, "EvidenceItem": EvidenceItem,
    "Attachment": Attachment, "Application": Application, "StatusChange": StatusChange,
    "ManualDecision": ManualDecision,
}


def reinsert(records) -> None:
    """Insert records of the types above, ids included."""
    for record in records:
        model = _MODELS[type(record).__name__]
        model.insert(**to_columns(record, exclude=())).execute()


def firm(record: r.Firm) -> None:
    from .models import Firm

    Firm.insert(**to_columns(record, exclude=()), name_initials=initials(record.name)).execute()
