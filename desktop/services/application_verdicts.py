"""The verdicts of applications, judged in batches and kept until their data changes.

A batch check on the desk and the recommendation summary of the same batches read their
verdicts here, so the screen and the workbook show one judgement, and exporting a checked
batch of 10,000 applications does not judge them all again.

An application's verdict depends on its firm's data and on the application itself (kind,
dates, scores, manual decisions): the database moves the firm's `data_version` whenever any of
them changes (schema 5 triggers, every writer). A verdict is kept for the data version and the
day it was judged on (an application without an assessment date is judged as of today) and for
the rulebooks of this process; when the data clock goes back (a backup restored) all is
forgotten, as versions are then given again to other data (as in verdict_cache.py).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from desktop.db import firms as firm_rows
from desktop.domain import records as r
from desktop.domain.errors import DomainError
from desktop.domain.verdicts import TierVerdict

from .verdict_cache import ClockWatch

log = logging.getLogger("srdi.verdicts")

CHUNK = 500   # applications judged together (and per progress report)

Result = TierVerdict | DomainError
Progress = Callable[[int, int], "bool | None"]


class ApplicationVerdicts:
    """application id → (firm data_version, day, verdict or the DomainError in its way)."""

    def __init__(self, qualification) -> None:
        self.qualification = qualification
        self._entries: dict[int, tuple[int, object, Result]] = {}
        self._clock = ClockWatch()
        self._lock = threading.Lock()   # the batch desk judges in a worker thread

    def kept(self, keys) -> dict[int, Result]:
        """The kept verdicts still valid today of (application id, its firm's data_version)
        pairs, by application id; those not kept or no longer valid are left out."""
        day = self.qualification.context.today()
        self._check_clock()
        found = {}
        for application_id, version in keys:
            entry = self._entries.get(application_id)
            if entry is not None and entry[0] == version and entry[1] == day:
                found[application_id] = entry[2]
        return found

    def verdicts(self, applications: Sequence[r.Application],
                 progress: Progress | None = None) -> dict[int, Result]:
        """The verdict of each application (by id), judging only those whose data changed
        since they were last judged. `progress(done, total)` is told as chunks are judged;
        False stops: the verdicts found so far are returned (and kept)."""
        self._check_clock()
        day = self.qualification.context.today()
        versions = firm_rows.data_versions(sorted({a.firm_id for a in applications}))
        found: dict[int, Result] = {}
        stale: list[r.Application] = []
        for application in applications:
            entry = self._entries.get(application.id)
            version = versions.get(application.firm_id)
            if entry is not None and entry[0] == version and entry[1] == day:
                found[application.id] = entry[2]
            else:
                stale.append(application)
        total = len(applications)
        if found and progress is not None and progress(len(found), total) is False:
            return found
        for start in range(0, len(stale), CHUNK):
            part = stale[start:start + CHUNK]
            judged = self._judge(part)
            with self._lock:
                for application in part:
                    version = versions.get(application.firm_id)
                    if version is not None:   # a firm deleted meanwhile: judged, not kept
                        self._entries[application.id] = (version, day, judged[application.id])
            found.update(judged)
            if progress is not None and progress(len(found), total) is False:
                break
        return found

    def _judge(self, applications: list[r.Application]) -> dict[int, Result]:
        try:
            return self.qualification.evaluate_applications(applications)
        except Exception:  # noqa: BLE001  one application's odd data must not stop the rest
            log.exception("verdicts of %s applications failed together; judging them one by "
                          "one", len(applications))
        results: dict[int, Result] = {}
        for application in applications:
            try:
                results[application.id] = self.qualification.evaluate_application(application.id)
            except DomainError as error:
                results[application.id] = error
        return results

    def _check_clock(self) -> None:
        if self._clock.went_back():
            self.forget()

    def forget(self) -> None:
        """Drop every kept verdict (e.g. after the rulebooks were reloaded)."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
