"""Look-ups an evidence package import needs: which firm a travelling uid belongs to here."""
from __future__ import annotations

from collections.abc import Iterable

from .models import Application, EvidenceItem


def _firms_of(model, uids: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(uids))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):   # under SQLite's parameter limit
        query = (model.select(model.uid, model.firm)
                 .where(model.uid.in_(wanted[start:start + 500])).tuples())
        found.update({uid: firm_id for uid, firm_id in query})
    return found


def evidence_firms(uids: Iterable[str]) -> dict[str, int]:
    """{uid: firm id} of the evidence items here with these uids."""
    return _firms_of(EvidenceItem, uids)


def application_firms(uids: Iterable[str]) -> dict[str, int]:
    """{uid: firm id} of the applications here with these uids."""
    return _firms_of(Application, uids)
