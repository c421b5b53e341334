"""What every service needs: the open database, who is working, and the clock.

The clock is injected so tests can fix "today" (dates may not lie in the future).
"""
from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from desktop.db.database import Database
from desktop.paths import AppPaths


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record something honest
        return "unknown"


def _utc_now() -> datetime:
    # Stored naive, in UTC: the database keeps one time zone; the GUI shows local time.
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class ServiceContext:
    database: Database
    paths: AppPaths
    user: str = field(default_factory=_os_user)
    now: Callable[[], datetime] = _utc_now
    today: Callable[[], date] = date.today
    # What is writing: '' a person's edit; 'package' an evidence-package import … Copied into
    # every change-log entry, so a later import can tell a local edit from its own values.
    origin: str = ""
