"""A firm with everything it owns. Imported through desktop/domain/records.py."""
from __future__ import annotations

from dataclasses import dataclass

from .applications import Application, ManualDecision, StatusChange
from .evidence import EvidenceItem
from .figures import AnnualAssessment, FiscalYear, MarketPosition
from .firms import Firm


@dataclass(frozen=True)
class FirmSnapshot:
    """A firm with everything it owns, as taken before a delete (for undo)."""

    firm: Firm
    fiscal_years: tuple[FiscalYear, ...] = ()
    market_positions: tuple[MarketPosition, ...] = ()
    assessments: tuple[AnnualAssessment, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    applications: tuple[Application, ...] = ()
    status_changes: tuple[StatusChange, ...] = ()
    decisions: tuple[ManualDecision, ...] = ()
