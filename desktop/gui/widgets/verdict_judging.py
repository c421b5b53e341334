"""Judging the firms of the list's current filters in a worker thread, for the verdict filter
and the verdict order (verdicts come from the engine, so the database cannot filter or sort by
them itself). The service's verdict cache judges only the firms whose data changed since it
last judged them, many at a time."""
from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.records import FirmQuery

from ..models.verdict_filters import verdict_matches, verdict_rank

VERDICT_PAGE = 5000       # firm ids read per query while a verdict task collects them


def judge_firms(firms, qualification, spec: FirmQuery, report):
    """In a worker thread: the ids `spec` selects (in its order) and the digest of each (from
    the cache, the stale ones judged now); None once `report(done, total)` says the user
    cancelled."""
    total = firms.count(spec=spec)
    if not report(0, total):
        return None
    ids: list[int] = []
    while True:
        page = firms.query(spec, VERDICT_PAGE, len(ids))
        ids.extend(summary.id for summary in page)
        if len(page) < VERDICT_PAGE:
            break
    judged = qualification.verdict_cache.digests(ids, report)
    if judged is None:
        return None
    return ids, judged


@dataclass(frozen=True)
class VerdictResult:
    base: FirmQuery                   # the other filters the task answers
    ids: frozenset[int] | None        # the firms that fit the verdict filter it was asked for
    order: tuple[int, ...] | None     # every firm of `base` by verdict_rank, when asked
    judged: dict                      # firm id → VerdictDigest of every firm of `base`


def judge_scope(firms, qualification, base: FirmQuery, key: str, wants_order: bool, report):
    """In a worker thread: judge the firms `base` selects, then find those that fit the
    verdict filter `key` (if any) and, if `wants_order`, all of them ranked by verdict; None
    once the user cancelled."""
    found = judge_firms(firms, qualification, base, report)
    if found is None:
        return None
    ids, judged = found
    fits = frozenset(i for i in ids if verdict_matches(key, judged[i])) if key else None
    # a stable sort of the firms in name order: equal ranks stay by name
    order = tuple(sorted(ids, key=lambda i: verdict_rank(judged[i]))) if wants_order else None
    return VerdictResult(base, fits, order, judged)
