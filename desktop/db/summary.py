"""What the recommendation summary shows of the applications of some batches, in one statement
read as plain tuples: no records and no per-row ORM work (a province's summary has 10,000 rows
and must not cost much more than writing them), only the Decimal columns converted.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

import peewee as pw

from .models import Application, EvidenceItem, FiscalYear, Firm, database_proxy


class SummaryLine(NamedTuple):
    """One application with what the summary shows of its firm. The figures are those of
    the fiscal year before the application's year (None when not recorded)."""

    application_id: int
    firm_id: int
    data_version: int      # the firm's: says whether a kept verdict is still valid
    tier: int
    ranking: int | None
    kind: str
    status: str
    platform_score: object  # Decimal | None
    name: str
    uscc: str
    region_code: str
    industry_code: str
    leading_product: str
    contact_person: str
    contact_phone: str
    revenue: object         # Decimal | None, 万元
    main_business_revenue: object
    rd_expense: object
    total_liabilities: object
    total_assets: object
    class_i_count: int


_FIRM = ("name", "uscc", "region_code", "industry_code", "leading_product", "contact_person",
         "contact_phone")
_YEAR = ("operating_revenue", "main_business_revenue", "rd_expense", "total_liabilities",
         "total_assets")
_MONEY = range(15, 20)   # where _YEAR's columns are in a row


def lines_of_batches(batch_ids: Iterable[int], today: date, counted_kinds: Iterable[str],
                     counted_status: str) -> list[SummaryLine]:
    """The applications of the batches, ranked first (by rank), then unranked by id; the
    fiscal year is the one before the assessment date's year (else `today`'s); the count is of
    the firm's evidence items of `counted_kinds` with `counted_status`."""
    year_before = pw.fn.COALESCE(pw.fn.strftime("%Y", Application.assessment_date),
                                 today.year) - 1
    counted = (EvidenceItem.select(pw.fn.COUNT(EvidenceItem.id))
               .where((EvidenceItem.firm == Application.firm)
                      & EvidenceItem.kind.in_(sorted(counted_kinds))
                      & (EvidenceItem.status == counted_status)))
    query = (Application
             .select(Application.id, Application.firm, Firm.data_version, Application.tier,
                     Application.ranking, Application.kind, Application.status,
                     Application.platform_score, *(getattr(Firm, name) for name in _FIRM),
                     *(getattr(FiscalYear, name) for name in _YEAR), counted)
             .join(Firm, on=(Firm.id == Application.firm))
             .join(FiscalYear, pw.JOIN.LEFT_OUTER,
                   on=((FiscalYear.firm == Application.firm) & (FiscalYear.year == year_before)))
             .where(Application.batch.in_(list(batch_ids)))
             .order_by(Application.ranking.is_null(), Application.ranking, Application.id))
    score = Application.platform_score.python_value
    # Every _YEAR column is a MoneyField: an integer of 10^-scale 万元. Converted here without
    # the field's normalising (equal values, and 50,000 of them would cost a tenth of a second).
    scale = -FiscalYear.operating_revenue.scale
    make = SummaryLine._make
    lines = []
    for row in database_proxy.execute(query):   # a raw cursor: values as SQLite holds them
        values = list(row)
        values[7] = score(values[7])
        for index in _MONEY:
            if values[index] is not None:
                values[index] = Decimal(values[index]).scaleb(scale)
        lines.append(make(values))
    return lines
