"""Evidence items and their attachments."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from desktop.domain import records as r

from .convert import new_uid, to_columns, to_record
from .models import Attachment, EvidenceItem


def _attachments_by_item(item_ids: list[int]) -> dict[int, tuple[r.Attachment, ...]]:
    grouped: dict[int, list[r.Attachment]] = defaultdict(list)
    if item_ids:
        query = (Attachment.select().where(Attachment.evidence.in_(item_ids))
                 .order_by(Attachment.id))
        for row in query:
            grouped[row.evidence_id].append(to_record(row, r.Attachment))
    return {key: tuple(value) for key, value in grouped.items()}


def items(firm_id: int) -> list[r.EvidenceItem]:
    """A firm's evidence with attachments, in two queries whatever the number of items."""
    rows = list(EvidenceItem.select().where(EvidenceItem.firm == firm_id)
                .order_by(EvidenceItem.kind, EvidenceItem.granted_date, EvidenceItem.id))
    files = _attachments_by_item([row.id for row in rows])
    return [to_record(row, r.EvidenceItem, attachments=files.get(row.id, ())) for row in rows]


def get(item_id: int) -> r.EvidenceItem | None:
    row = EvidenceItem.get_or_none(EvidenceItem.id == item_id)
    if row is None:
        return None
    return to_record(row, r.EvidenceItem, attachments=_attachments_by_item([row.id]).get(row.id, ()))


def insert(record: r.EvidenceItem) -> r.EvidenceItem:
    columns = to_columns(record)
    columns["uid"] = record.uid or new_uid()
    row = EvidenceItem.create(**columns)
    return get(row.id)


def update(record: r.EvidenceItem) -> r.EvidenceItem:
    # The uid is given once; an edit never changes it.
    columns = to_columns(record, exclude=("id", "uid"))
    EvidenceItem.update(**columns).where(EvidenceItem.id == record.id).execute()
    return get(record.id)


def delete(item_id: int) -> None:
    EvidenceItem.delete().where(EvidenceItem.id == item_id).execute()


def add_attachment(record: r.Attachment, now: datetime) -> r.Attachment:
    columns = to_columns(record, exclude=("id", "added_at"))
    row = Attachment.create(**columns, added_at=record.added_at or now)
    return to_record(row, r.Attachment)


def get_attachment(attachment_id: int) -> r.Attachment | None:
    row = Attachment.get_or_none(Attachment.id == attachment_id)
    return to_record(row, r.Attachment) if row else None


def delete_attachment(attachment_id: int) -> None:
    Attachment.delete().where(Attachment.id == attachment_id).execute()


def stored_path_in_use(stored_path: str) -> bool:
    """Whether any attachment still refers to a stored file (files are shared by content)."""
    return Attachment.select().where(Attachment.stored_path == stored_path).exists()


def expiring(until) -> list[tuple[int, str, str, r.EvidenceItem]]:
    """(firm id, firm name, USCC, item) for items valid until `until` or earlier, of firms
    not archived, soonest first; revoked and pending items are left out."""
    from .models import Firm

    query = (EvidenceItem.select(EvidenceItem, Firm.id, Firm.name, Firm.uscc)
             .join(Firm)
             .where((EvidenceItem.valid_until <= until) & (Firm.archived == False)  # noqa: E712
                    & EvidenceItem.status.in_(("valid", "expired")))
             .order_by(EvidenceItem.valid_until, EvidenceItem.id))
    return [(row.firm.id, row.firm.name, row.firm.uscc, to_record(row, r.EvidenceItem))
            for row in query]


def items_for(firm_ids) -> dict[int, list[r.EvidenceItem]]:
    """The evidence of many firms with attachments, by firm id, each firm's in the order of
    `items`; two queries per batched.CHUNK firms."""
    from .batched import chunks, record_from

    found: dict[int, list[r.EvidenceItem]] = defaultdict(list)
    for part in chunks(firm_ids):
        rows = list(EvidenceItem.select().where(EvidenceItem.firm.in_(part))
                    .order_by(EvidenceItem.firm, EvidenceItem.kind, EvidenceItem.granted_date,
                              EvidenceItem.id).dicts())
        files: dict[int, list[r.Attachment]] = defaultdict(list)
        if rows:
            query = (Attachment.select(Attachment).join(EvidenceItem)
                     .where(EvidenceItem.firm.in_(part)).order_by(Attachment.id))
            for row in query.dicts():
                files[row["evidence"]].append(record_from(row, r.Attachment))
        for row in rows:
            found[row["firm"]].append(
                record_from(row, r.EvidenceItem, attachments=tuple(files.get(row["id"], ()))))
    return dict(found)
