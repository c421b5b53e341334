"""Firm rows: insert, update, look up, search, and the firm list's summary rows."""
from __future__ import annotations

from datetime import datetime

import peewee as pw

from desktop.domain.records import Firm as FirmRecord
from desktop.domain.records import FirmSummary

from .convert import to_columns, to_record
from .models import Application, FiscalYear, Firm

OPEN_STATUSES = ("draft", "ready", "submitted", "returned", "recommended")


def insert(record: FirmRecord, now: datetime) -> FirmRecord:
    columns = to_columns(record, exclude=("id", "created_at", "updated_at"))
    row = Firm.create(**columns, created_at=now, updated_at=now)
    return get(row.id)


def update(record: FirmRecord, now: datetime) -> FirmRecord:
    columns = to_columns(record, exclude=("id", "created_at", "updated_at"))
    Firm.update(**columns, updated_at=now).where(Firm.id == record.id).execute()
    return get(record.id)


def delete(firm_id: int) -> None:
    Firm.delete().where(Firm.id == firm_id).execute()


def get(firm_id: int) -> FirmRecord | None:
    row = Firm.get_or_none(Firm.id == firm_id)
    return to_record(row, FirmRecord) if row else None


def get_by_uscc(uscc: str) -> FirmRecord | None:
    row = Firm.get_or_none(Firm.uscc == uscc)
    return to_record(row, FirmRecord) if row else None


def uscc_taken(uscc: str, except_id: int | None = None) -> bool:
    query = Firm.select(Firm.id).where(Firm.uscc == uscc)
    if except_id is not None:
        query = query.where(Firm.id != except_id)
    return query.exists()


def count(include_archived: bool = False) -> int:
    query = Firm.select()
    if not include_archived:
        query = query.where(Firm.archived == False)  # noqa: E712 (peewee expression)
    return query.count()


def summaries(text: str = "", include_archived: bool = False, limit: int | None = None,
              offset: int = 0) -> list[FirmSummary]:
    """The firm list: matching firms by name, English name or USCC, sorted by name.

    One query: the latest fiscal year's revenue and the open application count come from
    correlated subqueries, not one query per firm.
    """
    latest_year = (FiscalYear.select(pw.fn.MAX(FiscalYear.year))
                   .where(FiscalYear.firm == Firm.id))
    FY = FiscalYear.alias("latest")
    open_count = (Application.select(pw.fn.COUNT(Application.id))
                  .where((Application.firm == Firm.id) & Application.status.in_(OPEN_STATUSES)))
    query = (Firm.select(Firm.id, Firm.uscc, Firm.name, Firm.region_code, Firm.industry_code,
                         Firm.archived, FY.year.alias("last_year"),
                         FY.operating_revenue.alias("last_revenue"),
                         open_count.alias("open_applications"))
             .join(FY, pw.JOIN.LEFT_OUTER,
                   on=((FY.firm == Firm.id) & (FY.year == latest_year)))
             .order_by(Firm.name, Firm.id))
    if not include_archived:
        query = query.where(Firm.archived == False)  # noqa: E712
    text = text.strip()
    if text:
        pattern = f"%{text}%"
        query = query.where(Firm.name.contains(text) | Firm.name_en.contains(text)
                            | (Firm.uscc ** pattern))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [FirmSummary(id=row["id"], uscc=row["uscc"], name=row["name"],
                        region_code=row["region_code"], industry_code=row["industry_code"],
                        archived=bool(row["archived"]), last_year=row["last_year"],
                        last_revenue=row["last_revenue"],
                        open_applications=row["open_applications"] or 0)
            for row in query.dicts()]
