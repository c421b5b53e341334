"""Counts for the dashboard, each in one grouped query."""
from __future__ import annotations

import peewee as pw

from .models import Application, Batch, EvidenceItem, Firm


def applications_by_batch_tier_status() -> list[tuple[str, int, str, int]]:
    """(batch name or '', tier, status, count)."""
    query = (Application.select(Batch.name, Application.tier, Application.status,
                                pw.fn.COUNT(Application.id))
             .join(Batch, pw.JOIN.LEFT_OUTER)
             .group_by(Batch.name, Application.tier, Application.status)
             .order_by(Batch.name, Application.tier, Application.status))
    return [(name or "", tier, status, count) for name, tier, status, count in query.tuples()]


def firms_by(length: int, column: str) -> list[tuple[str, int]]:
    """Firms not archived, counted by the first `length` characters of a code column."""
    field = getattr(Firm, column)
    key = pw.fn.SUBSTR(field, 1, length)
    query = (Firm.select(key, pw.fn.COUNT(Firm.id))
             .where(Firm.archived == False)  # noqa: E712
             .group_by(key).order_by(pw.fn.COUNT(Firm.id).desc()))
    return [(code or "", count) for code, count in query.tuples()]


def evidence_valid_until_counts(dates: list) -> list[int]:
    """How many valid items of firms not archived expire on or before each date."""
    counts = []
    for until in dates:
        counts.append(EvidenceItem.select().join(Firm)
                      .where((EvidenceItem.valid_until <= until) & (Firm.archived == False)  # noqa: E712
                             & EvidenceItem.status.in_(("valid", "expired"))).count())
    return counts
