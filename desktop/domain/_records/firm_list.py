"""What the firm list shows and asks for. Imported through desktop/domain/records.py."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..records import Record


@dataclass(frozen=True)
class FirmSummary(Record):
    """One row of the firm list: the profile's key columns and last year's revenue."""

    id: int
    uscc: str
    name: str
    region_code: str
    industry_code: str
    archived: bool
    last_year: int | None = None
    last_revenue: Decimal | None = None
    open_applications: int = 0


@dataclass(frozen=True)
class FirmQuery:
    """What the firm list shows: a search text (name, English name, USCC or pinyin initials),
    filters, and the order."""

    text: str = ""
    include_archived: bool = False
    archived_only: bool = False
    region_prefix: str = ""      # '32' a province, '3205' a city, a full code a county
    industry_prefix: str = ""    # 'C' a section, 'C39' a division …
    order_by: str = "name"       # name, uscc, region_code, industry_code, last_revenue, open_applications
    descending: bool = False
    ids: frozenset[int] | None = None   # only these firms (None: no such limit; empty: none)
    # An order computed outside the database (e.g. by verdict): these firms in this order, any
    # other firm after them by id. It replaces `order_by` (then only a label for the caller);
    # `descending` reverses it. It never limits the rows: that is `ids`.
    order_ids: tuple[int, ...] | None = None
