"""Yearly rows of a firm: fiscal years, market positions, annual assessments."""
from __future__ import annotations

from desktop.domain import records as r

from .convert import to_columns, to_record
from .models import AnnualAssessment, FiscalYear, MarketPosition


def fiscal_years(firm_id: int) -> list[r.FiscalYear]:
    query = FiscalYear.select().where(FiscalYear.firm == firm_id).order_by(FiscalYear.year)
    return [to_record(row, r.FiscalYear) for row in query]


def fiscal_year(firm_id: int, year: int) -> r.FiscalYear | None:
    row = FiscalYear.get_or_none((FiscalYear.firm == firm_id) & (FiscalYear.year == year))
    return to_record(row, r.FiscalYear) if row else None


def save_fiscal_year(record: r.FiscalYear) -> r.FiscalYear:
    """Insert or replace the figures of (firm, year)."""
    columns = to_columns(record)
    existing = fiscal_year(record.firm_id, record.year)
    if existing is None:
        FiscalYear.insert(**columns).execute()
    else:
        FiscalYear.update(**columns).where(FiscalYear.id == existing.id).execute()
    return fiscal_year(record.firm_id, record.year)


def delete_fiscal_year(firm_id: int, year: int) -> None:
    FiscalYear.delete().where((FiscalYear.firm == firm_id) & (FiscalYear.year == year)).execute()


def market_positions(firm_id: int) -> list[r.MarketPosition]:
    query = (MarketPosition.select().where(MarketPosition.firm == firm_id)
             .order_by(MarketPosition.year, MarketPosition.scope))
    return [to_record(row, r.MarketPosition) for row in query]


def save_market_position(record: r.MarketPosition) -> r.MarketPosition:
    model = MarketPosition
    key = (model.firm == record.firm_id) & (model.year == record.year) & (model.scope == record.scope.value)
    columns = to_columns(record)
    if model.select().where(key).exists():
        model.update(**columns).where(key).execute()
    else:
        model.insert(**columns).execute()
    return to_record(model.get(key), r.MarketPosition)


def delete_market_position(position_id: int) -> None:
    MarketPosition.delete().where(MarketPosition.id == position_id).execute()


def assessments(firm_id: int) -> list[r.AnnualAssessment]:
    query = (AnnualAssessment.select().where(AnnualAssessment.firm == firm_id)
             .order_by(AnnualAssessment.year))
    return [to_record(row, r.AnnualAssessment) for row in query]


def save_assessment(record: r.AnnualAssessment) -> r.AnnualAssessment:
    model = AnnualAssessment
    key = (model.firm == record.firm_id) & (model.year == record.year)
    columns = to_columns(record)
    if model.select().where(key).exists():
        model.update(**columns).where(key).execute()
    else:
        model.insert(**columns).execute()
    return to_record(model.get(key), r.AnnualAssessment)


def delete_assessment(assessment_id: int) -> None:
    AnnualAssessment.delete().where(AnnualAssessment.id == assessment_id).execute()


# -- many firms at once (the qualification of a list; see batched.py) ---------------------
def years_for(firm_ids) -> dict[int, list[r.FiscalYear]]:
    """The fiscal years of many firms by firm id, each firm's by year; one query per
    batched.CHUNK firms."""
    from .batched import grouped

    return grouped(FiscalYear, r.FiscalYear, firm_ids, (FiscalYear.year,))


def positions_for(firm_ids) -> dict[int, list[r.MarketPosition]]:
    """The market positions of many firms by firm id, as `market_positions` orders them."""
    from .batched import grouped

    return grouped(MarketPosition, r.MarketPosition, firm_ids,
                   (MarketPosition.year, MarketPosition.scope))


def assessments_for(firm_ids) -> dict[int, list[r.AnnualAssessment]]:
    """The annual assessments of many firms by firm id, each firm's by year."""
    from .batched import grouped

    return grouped(AnnualAssessment, r.AnnualAssessment, firm_ids, (AnnualAssessment.year,))
