"""The change log's entries. Imported through desktop/domain/records.py."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..enums import ChangeAction
from ..records import Record


@dataclass(frozen=True)
class ChangeEntry(Record):
    at: datetime
    who: str
    table: str
    record_id: int
    action: ChangeAction
    field: str = ""
    old: str | None = None
    new: str | None = None
    id: int | None = None
    firm_id: int | None = None            # the firm whose history this change belongs to
    application_id: int | None = None     # and the application, for its records
    origin: str = ""                      # '' a person's edit; else what wrote it ('package')
