"""Judging the firms of the list's current filters in a worker thread, for the verdict filter
and the verdict order (verdicts come from the engine, so the database cannot filter or sort by
them itself)."""
from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.records import FirmQuery

from ..models.firm_table import firm_digest

VERDICT_PAGE = 1000       # firms read per query while a verdict task judges them


def judge_firms(firms, qualification, spec: FirmQuery, known: dict, report):
    """In a worker thread: the ids `spec` selects (in its order) and the verdicts of those not
    in `known`, judged now; None once `report(done, total)` says the user cancelled."""
    total = firms.count(spec=spec)
    if not report(0, total):
        return None
    ids, judged = [], {}
    while True:
        page = firms.query(spec, VERDICT_PAGE, len(ids))
        for summary in page:
            ids.append(summary.id)
            fresh = summary.id not in known
            if fresh:
                judged[summary.id] = firm_digest(qualification, summary.id)
            if (fresh or len(ids) % 200 == 0) and not report(len(ids), max(total, len(ids))):
                return None
        if len(page) < VERDICT_PAGE:
            break
    if not report(len(ids), max(total, len(ids))):
        return None
    return ids, judged


@dataclass(frozen=True)
class VerdictResult:
    base: FirmQuery                   # the other filters the task answers
    ids: frozenset[int] | None        # the firms that fit the verdict filter it was asked for
    order: tuple[int, ...] | None     # every firm of `base` by verdict_rank, when asked
    judged: dict                      # firm id → VerdictDigest judged by it (for the cache)
