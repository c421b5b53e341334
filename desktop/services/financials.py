"""A firm's yearly facts: fiscal years, market positions and annual assessments."""
from __future__ import annotations

from collections.abc import Mapping

from desktop.db import figures
from desktop.domain import records as r
from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.messages import Message

from . import changes
from .context import ServiceContext
from .firms import FirmService
from .inputs import checked_record
from .validation import validate_assessment, validate_fiscal_year, validate_market_position


class FinancialsService:
    def __init__(self, context: ServiceContext, firms: FirmService) -> None:
        self.context = context
        self.firms = firms

    # -- fiscal years -----------------------------------------------------------------------
    def years(self, firm_id: int) -> list[r.FiscalYear]:
        return figures.fiscal_years(firm_id)

    def year(self, firm_id: int, year: int) -> r.FiscalYear | None:
        return figures.fiscal_year(firm_id, year)

    def set_year(self, record: r.FiscalYear) -> r.FiscalYear:
        """Save the figures of one year, replacing what that year held (unknown stays empty)."""
        self.firms.get(record.firm_id)
        problems = validate_fiscal_year(record, self.context.today())
        if problems:
            raise ValidationError(problems)
        old = figures.fiscal_year(record.firm_id, record.year)
        with self.context.database.transaction():
            saved = figures.save_fiscal_year(record)
            changes.log(self.context, "fiscal_year", saved.id, old, saved)
        return saved

    def set_year_from(self, firm_id: int, raw: Mapping[str, object]) -> r.FiscalYear:
        today = self.context.today()
        return self.set_year(checked_record(r.FiscalYear, raw, lambda fy: validate_fiscal_year(fy, today),
                                            fixed={"firm_id": firm_id}))

    def clear_year(self, firm_id: int, year: int) -> r.FiscalYear:
        old = figures.fiscal_year(firm_id, year)
        if old is None:
            raise NotFound(Message("fiscal_year.not_found", {"year": year}, field="year"))
        with self.context.database.transaction():
            figures.delete_fiscal_year(firm_id, year)
            changes.log(self.context, "fiscal_year", old.id, old, None)
        return old

    # -- market positions -------------------------------------------------------------------
    def market_positions(self, firm_id: int) -> list[r.MarketPosition]:
        return figures.market_positions(firm_id)

    def set_market_position(self, record: r.MarketPosition) -> r.MarketPosition:
        self.firms.get(record.firm_id)
        problems = validate_market_position(record, self.context.today())
        if problems:
            raise ValidationError(problems)
        old = next((p for p in figures.market_positions(record.firm_id)
                    if p.year == record.year and p.scope == record.scope), None)
        with self.context.database.transaction():
            saved = figures.save_market_position(record)
            changes.log(self.context, "market_position", saved.id, old, saved)
        return saved

    def remove_market_position(self, firm_id: int, year: int, scope) -> r.MarketPosition:
        """Delete one year's market position (the history reverts its creation this way)."""
        old = next((p for p in figures.market_positions(firm_id)
                    if p.year == year and p.scope == scope), None)
        if old is None:
            raise NotFound(Message("market_position.not_found", {"year": year}, field="year"))
        with self.context.database.transaction():
            figures.delete_market_position(old.id)
            changes.log(self.context, "market_position", old.id, old, None)
        return old

    def set_market_position_from(self, firm_id: int, raw: Mapping[str, object]) -> r.MarketPosition:
        today = self.context.today()
        return self.set_market_position(checked_record(
            r.MarketPosition, raw, lambda p: validate_market_position(p, today),
            fixed={"firm_id": firm_id}))

    # -- annual assessments -----------------------------------------------------------------
    def assessments(self, firm_id: int) -> list[r.AnnualAssessment]:
        return figures.assessments(firm_id)

    def set_assessment(self, record: r.AnnualAssessment) -> r.AnnualAssessment:
        self.firms.get(record.firm_id)
        problems = validate_assessment(record, self.context.today())
        if problems:
            raise ValidationError(problems)
        old = next((a for a in figures.assessments(record.firm_id) if a.year == record.year), None)
        with self.context.database.transaction():
            saved = figures.save_assessment(record)
            changes.log(self.context, "annual_assessment", saved.id, old, saved)
        return saved

    def remove_assessment(self, firm_id: int, year: int) -> r.AnnualAssessment:
        """Delete one year's assessment (the history reverts its creation this way)."""
        old = next((a for a in figures.assessments(firm_id) if a.year == year), None)
        if old is None:
            raise NotFound(Message("assessment.not_found", {"year": year}, field="year"))
        with self.context.database.transaction():
            figures.delete_assessment(old.id)
            changes.log(self.context, "annual_assessment", old.id, old, None)
        return old

    def set_assessment_from(self, firm_id: int, raw: Mapping[str, object]) -> r.AnnualAssessment:
        today = self.context.today()
        return self.set_assessment(checked_record(
            r.AnnualAssessment, raw, lambda a: validate_assessment(a, today),
            fixed={"firm_id": firm_id}))
