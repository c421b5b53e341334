"""Between rows and domain records: enums to their stored strings and back, FK names."""
from __future__ import annotations

import uuid
from typing import Any, TypeVar

import peewee as pw

from desktop.domain import enums as e
from desktop.domain import records as r

R = TypeVar("R", bound=r.Record)

# Fields whose values are enums, per record type (by name: naming the types here would make
# every record type at import, which records.py defers); everything else passes unchanged.
_ENUM_FIELDS: dict[str, dict[str, type]] = {
    "Firm": {"sector_class": e.SectorClass, "ownership_type": e.OwnershipType,
             "listing_status": e.ListingStatus, "leading_product_field": e.LeadingProductField},
    "EvidenceItem": {"kind": e.EvidenceKind, "level": e.Level, "status": e.EvidenceStatus,
                     "acquisition": e.Acquisition, "high_value_basis": e.HighValueBasis},
    "MarketPosition": {"scope": e.MarketScope},
    "Batch": {"tier": e.Tier, "rulebook": e.Rulebook, "status": e.BatchStatus},
    "Application": {"tier": e.Tier, "kind": e.ApplicationKind, "rulebook": e.Rulebook,
                    "status": e.ApplicationStatus},
    "StatusChange": {"from_status": e.ApplicationStatus, "to_status": e.ApplicationStatus},
    "ManualDecision": {"decision": e.Decision},
    "ChangeEntry": {"action": e.ChangeAction},
}


def enum_fields(record_type: type) -> dict[str, type]:
    """The fields of a record type whose values are enums, with their enum types."""
    return _ENUM_FIELDS.get(record_type.__name__, {})


# Foreign keys are named `firm` on the model and `firm_id` on the record.
FOREIGN_KEYS = {"firm_id": "firm", "evidence_id": "evidence", "batch_id": "batch",
                "application_id": "application"}

# Record fields that are not columns of the record's table.
NOT_COLUMNS = {"attachments"}


def to_record(row: pw.Model, record_type: type[R], **extra: Any) -> R:
    """Build a record from a row; `extra` supplies fields that are not columns."""
    data = row.__data__
    enums = enum_fields(record_type)
    values: dict[str, Any] = {}
    for name in record_type.field_names():
        if name in extra:
            values[name] = extra[name]
            continue
        if name in NOT_COLUMNS:
            continue
        value = data.get(FOREIGN_KEYS.get(name, name))
        if value is not None and name in enums:
            value = enums[name](value)
        values[name] = value
    return record_type(**values)


def to_columns(record: r.Record, exclude: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """Column values of a record, keyed by model field name, enums as their stored values."""
    columns: dict[str, Any] = {}
    for name, value in record.to_dict().items():
        if name in exclude or name in NOT_COLUMNS:
            continue
        if isinstance(value, e.Enum):
            value = value.value
        columns[FOREIGN_KEYS.get(name, name)] = value
    return columns


def new_uid() -> str:
    """A fresh id for a record that must be recognised on another machine (packages)."""
    return uuid.uuid4().hex
