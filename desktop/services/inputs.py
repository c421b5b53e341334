"""Turning raw input (a form, a JSON object, a spreadsheet row) into records.

Every field is parsed and every problem is collected, so one refused form lists them all.
Empty text means unknown (None) for numbers, dates, flags and choices.
"""
from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Any, TypeVar

from desktop.domain import records as r
from desktop.domain.errors import ValidationError
from desktop.domain.messages import Message
from desktop.domain.values import (
    SCORE_SCALE, ParseError, parse_decimal, parse_int, parse_money,
)

R = TypeVar("R", bound=r.Record)

# Decimal fields that are not money: scores and percentages, four decimals.
_SCORE_FIELDS = {"share_percent", "platform_score", "provincial_feature_score"}
_TRUE = {"true", "yes", "y", "1", "是", "有", "√", "✓"}
_FALSE = {"false", "no", "n", "0", "否", "无", "×"}


def parse_date(raw: object) -> date | None:
    if raw is None or isinstance(raw, date):
        return raw  # type: ignore[return-value]
    text = str(raw).strip().replace("/", "-").replace(".", "-")
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10] if len(text) > 10 and text[10] in " T" else text)
    except ValueError:
        raise ParseError("value.not_a_date", value=str(raw)) from None


def parse_bool(raw: object) -> bool | None:
    if raw is None or isinstance(raw, bool):
        return raw  # type: ignore[return-value]
    text = str(raw).strip().lower()
    if text == "":
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ParseError("value.not_a_boolean", value=str(raw))


def parse_enum(enum_type: type[Enum], raw: object) -> Enum | None:
    if raw is None or isinstance(raw, enum_type):
        return raw  # type: ignore[return-value]
    text = str(raw).strip()
    if text == "":
        return None
    for member in enum_type:  # type: ignore[attr-defined]
        if text.lower() == str(member.value).lower():
            return member
    choices = ", ".join(str(m.value) for m in enum_type)  # type: ignore[attr-defined]
    raise ParseError("value.unknown_choice", value=text, choices=choices)


def parse_score(raw: object) -> Decimal | None:
    value = parse_decimal(raw)
    if value is not None and value != round(value, SCORE_SCALE):
        raise ParseError("value.too_precise", value=str(raw), places=SCORE_SCALE)
    return value


@functools.cache
def _base_type(hint: Any) -> Any:
    """`Decimal | None` → Decimal."""
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def parse_value(name: str, hint: Any, raw: object) -> Any:
    """Parse one field's raw value by the record field's type."""
    return _parser(name, hint)(raw)


@functools.cache
def _parser(name: str, hint: Any) -> Callable[[object], Any]:
    """The parse function for a field of this name and type (chosen once, not per value)."""
    base = _base_type(hint)
    if base is str:
        return _parse_text
    if base is Decimal:
        return parse_score if name in _SCORE_FIELDS else parse_money
    if base is int:
        return parse_int
    if base is bool:
        return parse_bool
    if base is date:
        return parse_date
    if isinstance(base, type) and issubclass(base, Enum):
        return functools.partial(parse_enum, base)
    return _as_is


def _parse_text(raw: object) -> str:
    return "" if raw is None else str(raw).strip()


def _as_is(raw: object) -> object:
    return raw


# Record fields that input never sets: the database gives them.
_NOT_INPUT = frozenset({"id", "created_at", "updated_at", "attachments"})


def record_from(record_type: type[R], raw: Mapping[str, object], *,
                fixed: Mapping[str, object] | None = None,
                ignore: frozenset[str] = frozenset()) -> R:
    """Build a record of `record_type` from raw values; raise ValidationError listing every
    unparsable value and unknown key. `fixed` supplies already-typed values (ids, keys)."""
    if not isinstance(raw, Mapping):
        raise ValidationError(Message("value.not_an_object", {"value": type(raw).__name__}))
    parsers, required = _shape(record_type)
    fixed = fixed or {}
    problems: list[Message] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ignore or key in fixed:
            continue
        entry = parsers.get(key)
        if entry is None:
            problems.append(Message("value.unknown_field", {"value": key}, field=key))
            continue
        parse, accepts_none = entry
        try:
            parsed = parse(value)
        except ParseError as error:
            problems.append(Message(error.code, error.params, field=key))
            continue
        if parsed is None and not accepts_none:
            if key in required:
                problems.append(Message("field.required", field=key))
            continue  # keep the record's default (e.g. status 'valid')
        values[key] = parsed
    values.update(fixed)
    for name in required:
        if name not in values and not any(p.field == name for p in problems):
            problems.append(Message("field.required", field=name))
    if problems:
        raise ValidationError(problems)
    return record_type(**values)


@functools.cache
def _shape(record_type: type) -> tuple[dict[str, tuple[Callable, bool]], tuple[str, ...]]:
    """A record type's input fields, each with its parse function and whether it may be None,
    and its required fields: worked out once per type (get_type_hints evaluates every
    annotation anew on each call, and an import calls this for every row)."""
    hints = typing.get_type_hints(record_type)
    parsers = {name: (_parser(name, hints[name]), _accepts_none(hints[name]))
               for name in record_type.field_names() if name not in _NOT_INPUT}
    return parsers, _required_fields(record_type)


def _accepts_none(hint: Any) -> bool:
    return _base_type(hint) is not hint or hint is type(None)


def _required_fields(record_type: type) -> tuple[str, ...]:
    """Fields without a default: they must be given."""
    import dataclasses

    return tuple(f.name for f in dataclasses.fields(record_type)
                 if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


def checked_record(record_type: type[R], raw: Mapping[str, object], validate, *,
                   fixed: Mapping[str, object] | None = None) -> R:
    """Parse and validate in one pass, so a refused form lists every problem at once: the
    values that cannot be read, and the rules the readable values break."""
    try:
        record = record_from(record_type, raw, fixed=fixed)
        problems: list[Message] = []
    except ValidationError as error:
        problems = list(error.messages)
        unreadable = {m.field for m in problems}
        if not isinstance(raw, Mapping):
            raise
        try:  # validate what could be read, leaving the unreadable fields out
            record = record_from(record_type, {k: v for k, v in raw.items()
                                               if k not in unreadable}, fixed=fixed)
        except ValidationError:
            raise error from None
    problems += [m for m in validate(record) if m.field not in {p.field for p in problems}]
    if problems:
        raise ValidationError(problems)
    return record
