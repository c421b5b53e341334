"""The verdicts of applications, judged in batches; their digests kept until their data changes.

A batch check on the desk judges here (`judge`: full verdicts, digests kept), and the
recommendation summary and the dashboard read the digests (`digests`, `kept`): the screen and
the workbook show one judgement, and exporting a checked batch of 10,000 applications does not
judge them all again.

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
from dataclasses import dataclass
from decimal import Decimal

from desktop.db import firms as firm_rows
from desktop.domain import records as r
from desktop.domain.errors import DomainError
from desktop.domain.verdicts import CriterionResult, TierOutcome, TierVerdict

from .verdict_cache import ClockWatch

log = logging.getLogger("srdi.verdicts")

CHUNK = 500   # applications judged together (and per progress report)

Progress = Callable[[int, int], "bool | None"]


@dataclass(frozen=True)
class ApplicationDigest:
    """What the summary and the dashboard show of an application's verdict. Kept instead of
    the verdict itself: a full verdict is some fifty objects (10,000 kept: 120 MB)."""

    outcome: TierOutcome
    score: Decimal | None
    missing: tuple[CriterionResult, ...]   # the criteria that lack data, with their gaps


Digest = ApplicationDigest | DomainError


def digest_of(result: TierVerdict | DomainError) -> Digest:
    if isinstance(result, DomainError):
        return result
    return ApplicationDigest(result.outcome, result.score, result.missing)


class ApplicationVerdicts:
    """application id → (firm data_version, day, digest of the verdict or the DomainError
    in its way)."""

    def __init__(self, qualification) -> None:
        self.qualification = qualification
        self._entries: dict[int, tuple[int, object, Digest]] = {}
        self._clock = ClockWatch()
        self._lock = threading.Lock()   # the batch desk judges in a worker thread

    def kept(self, keys) -> dict[int, Digest]:
        """The kept digests still valid today of (application id, its firm's data_version)
        pairs, by application id; those not kept or no longer valid are left out."""
        day = self.qualification.context.today()
        self._check_clock()
        found = {}
        for application_id, version in keys:
            entry = self._entries.get(application_id)
            if entry is not None and entry[0] == version and entry[1] == day:
                found[application_id] = entry[2]
        return found

    def digests(self, applications: Sequence[r.Application]) -> dict[int, Digest]:
        """The digest of each application's verdict (by id), judging only those whose data
        changed since they were last judged."""
        versions = firm_rows.data_versions(sorted({a.firm_id for a in applications}))
        found = self.kept((a.id, versions.get(a.firm_id)) for a in applications)
        stale = [a for a in applications if a.id not in found]
        for start in range(0, len(stale), CHUNK):
            part = stale[start:start + CHUNK]
            found.update((i, digest_of(v)) for i, v in self._judge(part, versions).items())
        return found

    def judge(self, applications: Sequence[r.Application],
              progress: Progress | None = None) -> dict[int, TierVerdict | DomainError]:
        """The full verdict of each application (by id), judged now, CHUNK at a time (their
        digests kept). `progress(done, total)` is told after each chunk; False stops: the
        verdicts judged so far are returned."""
        versions = firm_rows.data_versions(sorted({a.firm_id for a in applications}))
        found: dict[int, TierVerdict | DomainError] = {}
        for start in range(0, len(applications), CHUNK):
            found.update(self._judge(applications[start:start + CHUNK], versions))
            if progress is not None and progress(len(found), len(applications)) is False:
                break
        return found

    def _judge(self, applications: Sequence[r.Application],
               versions: dict[int, int]) -> dict[int, TierVerdict | DomainError]:
        """Judge and keep the digests (not of applications whose firm is gone meanwhile)."""
        judged = self._evaluate(list(applications))
        day = self.qualification.context.today()
        self._check_clock()
        with self._lock:
            for application in applications:
                version = versions.get(application.firm_id)
                if version is not None:
                    self._entries[application.id] = (version, day,
                                                     digest_of(judged[application.id]))
        return judged

    def _evaluate(self, applications: list[r.Application]) -> dict[int, TierVerdict | DomainError]:
        try:
            return self.qualification.evaluate_applications(applications)
        except Exception:  # noqa: BLE001  one application's odd data must not stop the rest
            log.exception("verdicts of %s applications failed together; judging them one by "
                          "one", len(applications))
        results: dict[int, TierVerdict | DomainError] = {}
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
        """Drop every kept digest (e.g. after the rulebooks were reloaded)."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
