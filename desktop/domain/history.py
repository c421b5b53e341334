"""One line of a firm's or an application's history, in the user's terms."""
from __future__ import annotations

from dataclasses import dataclass

from .messages import Message
from .records import ChangeEntry


@dataclass(frozen=True)
class HistoryEntry:
    """A logged change with the record it was made to, named even after that record is gone
    ("Fiscal year 2025", "Evidence: <title>"), and whether it can be reverted now (and if not,
    why), so a screen can disable its button and say so."""

    change: ChangeEntry
    record: Message
    can_revert: bool
    reason: Message | None = None      # why not, when can_revert is False
