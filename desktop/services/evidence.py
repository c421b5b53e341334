"""Evidence items (IP, certificates, awards, titles …) and the files attached to them."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from desktop.db import evidence as evidence_rows
from desktop.db import restore as restore_rows
from desktop.domain import records as r
from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.messages import Message
from desktop.storage.attachments import AttachmentStore

from . import changes
from .context import ServiceContext
from .firms import FirmService
from .inputs import checked_record
from .validation import validate_evidence


class EvidenceService:
    def __init__(self, context: ServiceContext, firms: FirmService, store: AttachmentStore) -> None:
        self.context = context
        self.firms = firms
        self.store = store

    def items(self, firm_id: int) -> list[r.EvidenceItem]:
        return evidence_rows.items(firm_id)

    def items_many(self, firm_ids) -> dict[int, list[r.EvidenceItem]]:
        """The items of many firms by firm id (firms without any left out), in a few queries."""
        return evidence_rows.items_for(firm_ids)

    def get(self, item_id: int) -> r.EvidenceItem:
        item = evidence_rows.get(item_id)
        if item is None:
            raise NotFound(Message("evidence.not_found", {"id": item_id}))
        return item

    def parse(self, firm_id: int, raw: Mapping[str, object]) -> r.EvidenceItem:
        today = self.context.today()
        return checked_record(r.EvidenceItem, raw, lambda item: validate_evidence(item, today),
                              fixed={"firm_id": firm_id})

    def add(self, item: r.EvidenceItem, files: tuple[Path, ...] = ()) -> r.EvidenceItem:
        """Add an item and copy its files into the store, all or nothing."""
        self.firms.get(item.firm_id)
        self._check(item)
        stored = [(Path(path).name, self.store.put(Path(path))) for path in files]
        with self.context.database.transaction():
            saved = evidence_rows.insert(item)
            changes.log(self.context, "evidence_item", saved.id, None, saved)
            for name, stored_file in stored:
                self._link(saved.id, name, stored_file)
        return self.get(saved.id)

    def update(self, item: r.EvidenceItem) -> r.EvidenceItem:
        old = self.get(item.id)
        self._check(item)
        with self.context.database.transaction():
            saved = evidence_rows.update(item)
            changes.log(self.context, "evidence_item", saved.id, old, saved)
        return saved

    def remove(self, item_id: int) -> r.EvidenceItem:
        """Delete an item and its attachment rows. The stored files stay in the store (the
        store's own clean-up decides about unreferenced files), so an undo loses nothing."""
        old = self.get(item_id)
        with self.context.database.transaction():
            evidence_rows.delete(item_id)
            changes.log(self.context, "evidence_item", item_id, old, None)
        return old

    def restore(self, item: r.EvidenceItem) -> r.EvidenceItem:
        """Put a removed item back with its id and attachments (undo of `remove`)."""
        self.firms.get(item.firm_id)
        with self.context.database.transaction():
            restore_rows.reinsert((item,) + tuple(item.attachments))
            changes.log(self.context, "evidence_item", item.id, None, item)
        return self.get(item.id)

    def due(self, within_days: int = 90) -> list[r.DueItem]:
        """Evidence expiring within `within_days` of today, or already expired, across all
        firms that are not archived, soonest first."""
        today = self.context.today()
        return [r.DueItem(firm_id=firm_id, firm_name=name, uscc=uscc, item=item,
                          days_left=(item.valid_until - today).days)
                for firm_id, name, uscc, item in evidence_rows.expiring(today + timedelta(days=within_days))]

    def attach(self, item_id: int, path: Path) -> r.Attachment:
        self.get(item_id)
        stored_file = self.store.put(Path(path))
        with self.context.database.transaction():
            return self._link(item_id, Path(path).name, stored_file)

    def detach(self, attachment_id: int) -> r.Attachment:
        old = evidence_rows.get_attachment(attachment_id)
        if old is None:
            raise NotFound(Message("attachment.not_found", {"id": attachment_id}))
        with self.context.database.transaction():
            evidence_rows.delete_attachment(attachment_id)
            changes.log(self.context, "attachment", attachment_id, old, None)
        return old

    def reattach(self, attachment: r.Attachment) -> r.Attachment:
        """Put a detached attachment back with its id (undo of `detach`); the stored file
        never left the store."""
        self.get(attachment.evidence_id)
        with self.context.database.transaction():
            restore_rows.reinsert((attachment,))
            changes.log(self.context, "attachment", attachment.id, None, attachment)
        return evidence_rows.get_attachment(attachment.id)

    def file_path(self, attachment: r.Attachment) -> Path:
        """Where the stored copy of an attachment is, to open or preview it."""
        return self.store.path_of(attachment.stored_path)

    def _link(self, item_id: int, name: str, stored_file) -> r.Attachment:
        attachment = evidence_rows.add_attachment(r.Attachment(
            evidence_id=item_id, sha256=stored_file.sha256, original_name=name,
            size=stored_file.size, stored_path=stored_file.stored_path), self.context.now())
        changes.log(self.context, "attachment", attachment.id, None, attachment)
        return attachment

    def _check(self, item: r.EvidenceItem) -> None:
        problems = validate_evidence(item, self.context.today())
        if problems:
            raise ValidationError(problems)
