"""Reading `data.json` of an evidence package (its shape: services/package_data.py), with
every value checked before anything is used.

The profile, years and evidence go through bundles.parse_bundle, so a package is checked
exactly like typed input; applications, their history and decisions are checked here.
Messages name the part, the record and the field: `fiscal_years.2025.operating_revenue`,
`applications.<uid>.history.2.to_status`; every problem of every part is listed at once.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from desktop.domain import records as r
from desktop.domain.enums import STATUS_TRANSITIONS, STATUSES_NEEDING_REASON
from desktop.domain.errors import ValidationError
from desktop.domain.messages import Message

from .inputs import record_from
from .package_data import (
    APPLICATION_FIELDS, APPLICATION_LABEL_FIELDS, SHA256, UID, FileRef, Incoming, PackageData,
)
from .validation import validate_application


def _qualified(messages, prefix: str) -> list[Message]:
    return [replace(m, field=f"{prefix}.{m.field}" if m.field else prefix) for m in messages]


def _datetime(raw: object, name: str, problems: list[Message], prefix: str) -> datetime | None:
    if raw is None or raw == "":
        return None
    try:
        value = datetime.fromisoformat(str(raw))
    except ValueError:
        problems.append(Message("value.not_a_date", {"value": str(raw)}, field=f"{prefix}.{name}"))
        return None
    if value.tzinfo is not None:   # stored naive in UTC, as the services write them
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _split(raw: object, extra: tuple[str, ...]) -> tuple[object, dict]:
    """A record's own fields, apart from the package's additions (base, files, …)."""
    if not isinstance(raw, dict):
        return raw, {}
    return ({k: v for k, v in raw.items() if k not in ("base", *extra)},
            {k: raw[k] for k in ("base", *extra) if k in raw})


def _base(raw: dict, prefix: str, problems: list[Message]) -> dict[str, str | None]:
    base = raw.get("base", {})
    if not isinstance(base, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in base.items()):
        problems.append(Message("package.bad_base", field=f"{prefix}.base"))
        return {}
    return dict(base)


def _uid(raw: object, prefix: str, problems: list[Message]) -> bool:
    if isinstance(raw, str) and UID.match(raw):
        return True
    problems.append(Message("package.bad_uid", {"value": str(raw)}, field=f"{prefix}.uid"))
    return False


def _files(raw: object, prefix: str, available: dict[str, int],
           problems: list[Message]) -> tuple[FileRef, ...]:
    if not isinstance(raw, list):
        problems.append(Message("value.not_an_object", {"value": type(raw).__name__},
                                field=f"{prefix}.files"))
        return ()
    refs = []
    for index, entry in enumerate(raw, start=1):
        where = f"{prefix}.files.{index}"
        if not isinstance(entry, dict) or set(entry) - {"sha256", "name", "size", "added_at"}:
            problems.append(Message("package.bad_file_ref", field=where))
            continue
        sha, name, size = entry.get("sha256"), entry.get("name"), entry.get("size")
        if not isinstance(sha, str) or not SHA256.match(sha) or available.get(sha) != size:
            problems.append(Message("package.missing_attachment", {"value": str(sha)},
                                    field=f"{where}.sha256"))
            continue
        if not isinstance(name, str) or not name.strip() or len(name) > 255:
            problems.append(Message("package.bad_file_ref", field=f"{where}.name"))
            continue
        refs.append(FileRef(sha, name.strip(), size,
                            _datetime(entry.get("added_at"), "added_at", problems, where)))
    return tuple(refs)


def _history(raw: object, prefix: str, problems: list[Message]) -> tuple[r.StatusChange, ...]:
    if not isinstance(raw, list):
        problems.append(Message("value.not_an_object", {"value": type(raw).__name__},
                                field=f"{prefix}.history"))
        return ()
    changes = []
    for index, entry in enumerate(raw, start=1):
        where = f"{prefix}.history.{index}"
        before = len(problems)
        at = _datetime(entry.get("at") if isinstance(entry, dict) else None, "at", problems, where)
        try:
            fields = {**entry, "at": at} if isinstance(entry, dict) else entry
            change = record_from(r.StatusChange, fields, fixed={"application_id": 0})
        except ValidationError as error:
            problems += _qualified(error.messages, where)
            continue
        if change.at is None:
            problems.append(Message("field.required", field=f"{where}.at"))
        if change.from_status is not None and change.to_status not in STATUS_TRANSITIONS[
                change.from_status]:
            problems.append(Message("status.illegal_move", {
                "from_status": change.from_status.value, "to_status": change.to_status.value},
                field=f"{where}.to_status"))
        if change.to_status in STATUSES_NEEDING_REASON and not change.reason:
            problems.append(Message("status.reason_required", {
                "to_status": change.to_status.value}, field=f"{where}.reason"))
        if len(problems) == before:
            changes.append(change)
    return tuple(changes)


def _decisions(raw: object, prefix: str, problems: list[Message]) -> tuple[Incoming, ...]:
    if not isinstance(raw, list):
        problems.append(Message("value.not_an_object", {"value": type(raw).__name__},
                                field=f"{prefix}.decisions"))
        return ()
    parsed, seen = [], set()
    for index, entry in enumerate(raw, start=1):
        where = f"{prefix}.decisions.{index}"
        fields, extra = _split(entry, ())
        before = len(problems)
        base = _base(extra, where, problems)
        at = _datetime(fields.get("at") if isinstance(fields, dict) else None, "at", problems,
                       where)
        try:
            decision = record_from(r.ManualDecision, {**fields, "at": at} if isinstance(
                fields, dict) else fields, fixed={"application_id": 0})
        except ValidationError as error:
            problems += _qualified(error.messages, where)
            continue
        if not decision.criterion_id or len(decision.criterion_id) > 60:
            problems.append(Message("field.required", field=f"{where}.criterion_id"))
        if not decision.note:
            problems.append(Message("field.required", field=f"{where}.note"))
        if decision.criterion_id in seen:
            problems.append(Message("package.duplicate_record", {"value": decision.criterion_id},
                                    field=f"{where}.criterion_id"))
        seen.add(decision.criterion_id)
        if len(problems) == before:
            parsed.append(Incoming(decision, base))
    return tuple(parsed)


def _application(raw: object, index: int, kind: str, today: date,
                 problems: list[Message]) -> Incoming | None:
    uid = raw.get("uid") if isinstance(raw, dict) else None
    prefix = f"applications.{uid if isinstance(uid, str) and UID.match(uid) else index}"
    fields, extra = _split(raw, ("history", "decisions"))
    if not isinstance(fields, dict):
        problems.append(Message("value.not_an_object", {"value": type(raw).__name__},
                                field=prefix))
        return None
    before = len(problems)
    _uid(uid, prefix, problems)
    allowed = {"uid", *APPLICATION_LABEL_FIELDS, *APPLICATION_FIELDS[kind]}
    problems += [Message("value.unknown_field", {"value": key}, field=f"{prefix}.{key}")
                 for key in fields if key not in allowed]
    base = _base(extra, prefix, problems)
    history = _history(extra.get("history", []), prefix, problems)
    decisions = _decisions(extra.get("decisions", []), prefix, problems)
    try:
        record = record_from(r.Application, {k: v for k, v in fields.items() if k in allowed},
                             fixed={"firm_id": 0})
    except ValidationError as error:
        problems += _qualified(error.messages, prefix)
        return None
    problems += _qualified(validate_application(record, today), prefix)
    if history and history[-1].to_status != record.status:
        problems.append(Message("package.status_not_last", {
            "status": record.status.value, "last": history[-1].to_status.value},
            field=f"{prefix}.status"))
    if len(problems) > before:
        return None
    return Incoming(record, base, history=history, decisions=decisions)


def parse_data(source, data: dict, kind: str, files: dict[str, int]) -> PackageData:
    """Every record of `data` parsed and checked; ValidationError lists every problem.

    `source` has what bundles.parse_bundle uses (`context`, `firms`); `files` maps the
    package's attachment hashes to their sizes."""
    from .bundles import parse_bundle   # not at import time: bundles imports the Workspace

    today = source.context.today()
    problems: list[Message] = []
    allowed = {"applications"} if kind == "review" else {
        "profile", "fiscal_years", "market_positions", "assessments", "evidence",
        "applications"}
    problems += [Message("value.unknown_field", {"value": key}, field=key)
                 for key in data if key not in allowed]
    raw_apps = data.get("applications", [])
    if not isinstance(raw_apps, list):
        problems.append(Message("value.not_an_object", {"value": type(raw_apps).__name__},
                                field="applications"))
        raw_apps = []
    applications = [_application(raw, i, kind, today, problems)
                    for i, raw in enumerate(raw_apps, start=1)]
    _no_duplicates([a.record.uid for a in applications if a], "applications", problems)
    if kind == "review":
        if problems:
            raise ValidationError(problems)
        return PackageData(kind, applications=tuple(applications))
    return _evidence_package(source, data, files, problems, applications, parse_bundle)


def _evidence_package(source, data, files, problems, applications, parse_bundle) -> PackageData:
    if "profile" not in data:
        problems.append(Message("field.required", field="profile"))
    parts = {"profile": data.get("profile")}
    extras: dict[str, list[dict]] = {}
    for part, extra in (("fiscal_years", ()), ("market_positions", ()), ("assessments", ()),
                        ("evidence", ("files",))):
        raws = data.get(part, [])
        split = [_split(raw, extra) for raw in raws] if isinstance(raws, list) else []
        parts[part] = [fields for fields, _ in split] if isinstance(raws, list) else raws
        extras[part] = [more for _, more in split]
    profile_raw, profile_extra = _split(parts["profile"], ())
    parts["profile"] = profile_raw
    parsed = None
    try:
        parsed = parse_bundle(source, parts)
    except ValidationError as error:
        problems += error.messages
    base_problems: list[Message] = []
    firm_base = _base(profile_extra, "profile", base_problems)
    bases = {part: [_base(more, f"{part}.{i}", base_problems)
                    for i, more in enumerate(extras[part], start=1)] for part in extras}
    refs = [_files(more.get("files", []), f"evidence.{i}", files, base_problems)
            for i, more in enumerate(extras["evidence"], start=1)]
    for i, raw in enumerate(parts["evidence"] if isinstance(parts["evidence"], list) else [],
                            start=1):
        _uid(raw.get("uid") if isinstance(raw, dict) else None, f"evidence.{i}", base_problems)
    problems += base_problems
    if parsed is not None:
        _no_duplicates([record.uid for _, record in parsed["evidence"]], "evidence", problems)
        _no_duplicates([(record.year, record.scope.value)
                        for _, record in parsed["market_positions"]], "market_positions", problems)
        _no_duplicates([record.year for _, record in parsed["assessments"]], "assessments",
                       problems)
    if problems:
        raise ValidationError(problems)

    def incoming(part: str) -> tuple[Incoming, ...]:
        return tuple(Incoming(record, bases[part][i]) for i, (_, record) in enumerate(parsed[part]))

    return PackageData(
        "evidence", firm=Incoming(parsed["profile"], firm_base),
        fiscal_years=incoming("fiscal_years"), market_positions=incoming("market_positions"),
        assessments=incoming("assessments"),
        evidence=tuple(Incoming(record, bases["evidence"][i], files=refs[i])
                       for i, (_, record) in enumerate(parsed["evidence"])),
        applications=tuple(applications))


def _no_duplicates(keys: list, part: str, problems: list[Message]) -> None:
    seen = set()
    for key in keys:
        if key in seen:
            problems.append(Message("package.duplicate_record", {"value": str(key)}, field=part))
        seen.add(key)
