"""A record's trail in the change log: its entries grouped into the writes that made them, the
values it had, and its name in user terms, also after it was deleted.

Record ids can come back: SQLite gives a new row the highest id + 1, so a record deleted as
the newest of its table lends its id to the next one. A trail is therefore cut into lives: a
create starts a new life, and a record's name and values come from the life an entry is in.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop.domain.enums import ChangeAction
from desktop.domain.messages import Message
from desktop.domain.records import ChangeEntry, Record

from .changes import as_text

Values = dict[str, "str | None"]

# Keys and bookkeeping a person never typed: kept in the log (a deleted item is rebuilt from
# them), left out of the listing.
HIDDEN_FIELDS = frozenset({"uid", "firm_id", "application_id", "evidence_id", "sha256",
                           "stored_path", "size", "added_at", "who", "at"})
# Fields that change with every write (the same set `changes.log` skips).
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "attachments"})


@dataclass(eq=False)
class Write:
    """The entries one service write logged for one record (one per changed field)."""

    action: ChangeAction
    entries: list[ChangeEntry] = field(default_factory=list)
    life: int = 0          # which life of its record (0 the first)

    def values(self) -> Values:
        """The record's values as this write left them (a delete: as they were before)."""
        if self.action is ChangeAction.DELETE:
            return {e.field: e.old for e in self.entries if e.field}
        return {e.field: e.new for e in self.entries if e.field}


@dataclass(eq=False)
class Trail:
    """Everything logged about one (table, record id), oldest first."""

    table: str
    record_id: int
    writes: list[Write] = field(default_factory=list)

    def later(self, write: Write) -> list[Write]:
        return self.writes[self.writes.index(write) + 1:]

    def in_last_life(self, write: Write) -> bool:
        return write.life == self.writes[-1].life

    def life_values(self, life: int) -> Values:
        """What the log knows of the record in one life: every value written, latest last."""
        values: Values = {}
        for each in self.writes:
            if each.life == life:
                values.update(each.values())
        return values


class Trails:
    """The trails of a list of entries, and for each entry its trail and write."""

    def __init__(self, entries: Iterable[ChangeEntry]) -> None:
        by_record: dict[tuple[str, int], list[ChangeEntry]] = defaultdict(list)
        for entry in entries:
            by_record[(entry.table, entry.record_id)].append(entry)
        self.by_record: dict[tuple[str, int], Trail] = {}
        self._of: dict[int, tuple[Trail, Write]] = {}
        for key, group in by_record.items():
            trail = self.by_record[key] = Trail(*key)
            for entry in sorted(group, key=lambda e: e.id):
                # A write's entries were inserted in one statement: consecutive ids, one
                # action, one time, each field once.
                last = trail.writes[-1] if trail.writes else None
                if (last is None or last.action is not entry.action
                        or entry.id != last.entries[-1].id + 1 or entry.at != last.entries[0].at
                        or any(e.field == entry.field for e in last.entries)):
                    life = 0 if last is None else last.life + (
                        entry.action is ChangeAction.CREATE)   # a create starts a new life
                    last = Write(entry.action, life=life)
                    trail.writes.append(last)
                last.entries.append(entry)
                self._of[entry.id] = (trail, last)

    def of(self, entry: ChangeEntry) -> tuple[Trail, Write]:
        return self._of[entry.id]


def current_values(record: Record) -> Values:
    return {name: as_text(value) for name, value in record.to_dict().items()
            if name not in BOOKKEEPING}


def same(a: str | None, b: str | None) -> bool:
    """Logged texts compared as values: an empty text and no value are the same."""
    return (a or None) == (b or None)


def describe(table: str, record_id: int, values: Mapping[str, str | None]) -> Message:
    """The record in words, from its current values or, once deleted, from the logged ones."""
    def value(name: str) -> str:
        return values.get(name) or "?"

    if table == "firm":
        return Message("history.record.firm")
    if table == "fiscal_year":
        return Message("history.record.fiscal_year", {"year": value("year")})
    if table == "market_position":
        if values.get("scope") == "international":
            return Message("history.record.market_position_international", {"year": value("year")})
        return Message("history.record.market_position_domestic", {"year": value("year")})
    if table == "annual_assessment":
        return Message("history.record.annual_assessment", {"year": value("year")})
    if table == "evidence_item":
        return Message("history.record.evidence_item", {"title": value("title")})
    if table == "attachment":
        return Message("history.record.attachment", {"name": value("original_name")})
    if table == "application":
        return Message("history.record.application", {
            "tier": value("tier"), "date": value("assessment_date")})
    if table == "manual_decision":
        return Message("history.record.manual_decision", {"criterion": value("criterion_id")})
    if table == "batch":
        return Message("history.record.batch", {"name": value("name")})
    return Message("history.record.other", {"table": table, "id": record_id})
