"""The firms' own verdicts (this year's new application, rulebook chosen by date), digested and
kept in memory so a firm is judged once until its data changes.

A digest is valid for the firm's `data_version` (the database changes it whenever the firm or
anything a verdict reads about it changes, in any window or command: schema 5 triggers), for
the day it was judged on (today decides the year, the assessment date and so the rulebook) and
for the loaded rulebooks; when the database's data clock goes back (a backup restored) every
digest is forgotten, as versions are then given again to other data. Asking for the digests of many firms reads their versions in one
query per chunk and judges only the stale ones, in batches (`QualificationService.evaluate_many`).

The firm list's verdict column, its verdict filter and its verdict order read their verdicts
here (in the GUI thread and in a worker thread: the cache is locked while it changes).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.db import batched as batched_rows
from desktop.db import firms as firm_rows
from desktop.domain.errors import DomainError, NotFound
from desktop.domain.messages import Message
from desktop.domain.verdicts import FirmVerdict, Text, TierOutcome

log = logging.getLogger("srdi.verdicts")

JUDGE_CHUNK = 250    # stale firms judged per evaluate_many call (and per progress report)


@dataclass(frozen=True)
class TierDigest:
    tier: int
    title: Text
    outcome: TierOutcome


@dataclass(frozen=True)
class VerdictDigest:
    """What a list needs of a firm's verdict (tier outcomes, not the criteria); `problem`
    says why there is none (Messages, or the text of an unexpected error)."""

    rulebook: str = ""
    year: int = 0
    tiers: tuple[TierDigest, ...] = ()
    problem: tuple[Message | str, ...] = ()


def digest_of(result: FirmVerdict | Exception, shared: dict | None = None) -> VerdictDigest:
    """The digest of a verdict or of the error that stood in its way. Equal digests are one
    object when `shared` (a dict kept by the caller) is given: 100,000 firms have few kinds."""
    if isinstance(result, DomainError):
        digest = VerdictDigest(problem=tuple(result.messages))
    elif isinstance(result, Exception):
        digest = VerdictDigest(problem=(str(result),))
    else:
        digest = VerdictDigest(result.rulebook, result.year, tuple(
            TierDigest(t.tier, t.title, t.outcome) for t in result.tiers))
    return digest if shared is None else shared.setdefault(digest, digest)


class ClockWatch:
    """Tells when the database's data clock went back. A data version names one state of a
    firm only while the clock goes forward: after a restore put it back, versions are given
    again to other data, so whatever was kept by version must be forgotten."""

    def __init__(self, clock: Callable[[], int] | None = None) -> None:
        self._clock = clock or batched_rows.data_clock
        self._seen = 0

    def went_back(self) -> bool:
        clock = self._clock()
        back, self._seen = clock < self._seen, clock
        return back


class VerdictCache:
    """firm id → (data_version, day, digest). `versions(ids)` gives the current data
    versions (db.firms.data_versions unless a test says otherwise)."""

    def __init__(self, qualification, versions: Callable[[list[int]], dict[int, int]] | None = None,
                 clock: Callable[[], int] | None = None) -> None:
        self.qualification = qualification
        self._versions = versions or firm_rows.data_versions
        self._clock = ClockWatch(clock)
        self._entries: dict[int, tuple[int, object, VerdictDigest]] = {}
        self._shared: dict[VerdictDigest, VerdictDigest] = {}
        self._lock = threading.Lock()

    def _day(self):
        return self.qualification.context.today()

    def _check_clock(self) -> None:
        if self._clock.went_back():
            self.forget()

    def cached(self, firm_id: int) -> VerdictDigest | None:
        """The digest last judged for the firm, without asking whether it is still valid."""
        entry = self._entries.get(firm_id)
        return entry[2] if entry else None

    def stale(self, firm_ids: Iterable[int]) -> list[int]:
        """Those of `firm_ids` (existing firms) that would be judged now."""
        ids = list(dict.fromkeys(firm_ids))
        self._check_clock()
        versions, day = self._versions(ids), self._day()
        return [i for i in ids if i in versions and not self._valid(i, versions[i], day)]

    def _valid(self, firm_id: int, version: int, day) -> bool:
        entry = self._entries.get(firm_id)
        return entry is not None and entry[0] == version and entry[1] == day

    def digests(self, firm_ids: Iterable[int],
                progress: Callable[[int, int], bool | None] | None = None
                ) -> dict[int, VerdictDigest] | None:
        """The current digest of each of `firm_ids`, judging only those whose data changed
        since (or never judged); a firm that does not exist gets a NotFound problem.
        `progress(done, total)` is told as chunks are judged; when it returns False the
        judging stops and None is returned (what was judged stays cached)."""
        ids = list(dict.fromkeys(firm_ids))
        self._check_clock()
        versions, day = self._versions(ids), self._day()
        found: dict[int, VerdictDigest] = {}
        stale: list[int] = []
        for firm_id in ids:
            version = versions.get(firm_id)
            if version is None:
                found[firm_id] = digest_of(
                    NotFound(Message("firm.id_not_found", {"id": firm_id})), self._shared)
                with self._lock:
                    self._entries.pop(firm_id, None)
            elif self._valid(firm_id, version, day):
                found[firm_id] = self._entries[firm_id][2]
            else:
                stale.append(firm_id)
        done = len(found)
        if progress is not None and progress(done, len(ids)) is False:
            return None
        for start in range(0, len(stale), JUDGE_CHUNK):
            part = stale[start:start + JUDGE_CHUNK]
            judged = self._judge(part, day)
            with self._lock:
                for firm_id, digest in judged.items():
                    self._entries[firm_id] = (versions[firm_id], day, digest)
            found.update(judged)
            done += len(part)
            if progress is not None and progress(done, len(ids)) is False:
                return None
        return found

    def _judge(self, firm_ids: list[int], day) -> dict[int, VerdictDigest]:
        try:
            results = self.qualification.evaluate_many(firm_ids, day.year)
        except Exception:  # noqa: BLE001  one firm's odd data must not break the others
            log.exception("verdicts of %s firms failed together; judging them one by one",
                          len(firm_ids))
            results = {}
            for firm_id in firm_ids:
                try:
                    results[firm_id] = self.qualification.evaluate_firm(firm_id, day.year)
                except Exception as error:  # noqa: BLE001
                    if not isinstance(error, DomainError):
                        log.exception("verdict of firm %s failed", firm_id)
                    results[firm_id] = error
        return {firm_id: digest_of(result, self._shared) for firm_id, result in results.items()}

    def forget(self, firm_id: int | None = None) -> None:
        """Drop one firm's digest (None: all), e.g. after the rulebooks were reloaded."""
        with self._lock:
            if firm_id is None:
                self._entries.clear()
            else:
                self._entries.pop(firm_id, None)

    def __len__(self) -> int:
        return len(self._entries)
