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

_MODELS = {
    r.FiscalYear: FiscalYear, r.MarketPosition: MarketPosition,
    r.AnnualAssessment: AnnualAssessment, r.EvidenceItem: EvidenceItem,
    r.Attachment: Attachment, r.Application: Application, r.StatusChange: StatusChange,
    r.ManualDecision: ManualDecision,
}


def reinsert(records) -> None:
    """Insert records of the types above, ids included."""
    for record in records:
        model = _MODELS[type(record)]
        model.insert(**to_columns(record, exclude=())).execute()


def firm(record: r.Firm) -> None:
    from .models import Firm

    Firm.insert(**to_columns(record, exclude=()), name_initials=initials(record.name)).execute()
