"""User-facing text leaves the lower layers as Message(code, params, field).

The wording of every code, in English and Chinese, lives in `catalog.py`; `render` turns a
Message into text in the chosen language, prefixed with the field's label when it names one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True)
class Message:
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    field: str = ""     # the input field (or column) the message is about, if any

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "field": self.field,
                "params": {k: str(v) for k, v in self.params.items()}}


def normalize_language(lang: str | None) -> str:
    """'zh', 'zh_CN', 'zh-Hans-CN' → 'zh_CN'; anything else → 'en'."""
    if lang and lang.lower().replace("-", "_").startswith("zh"):
        return "zh_CN"
    return "en"


def field_label(name: str, lang: str = "en") -> str:
    """The label of an input field in the given language (the identifier if none is known)."""
    from .catalog import FIELD_LABELS

    if "." in name:  # a qualified field: 'fiscal_years.2025.operating_revenue'
        *context, last = name.split(".")
        return " · ".join([*(field_label(part, lang) for part in context), field_label(last, lang)])
    labels = FIELD_LABELS.get(name)
    if labels is None:
        return name
    return labels[LANGUAGES.index(normalize_language(lang))]


def render(message: Message, lang: str = "en", with_field: bool = True) -> str:
    """The message's text in `lang`, e.g. 'Operating revenue: must not be negative (-5)'."""
    from .catalog import MESSAGES

    lang = normalize_language(lang)
    wording = MESSAGES.get(message.code)
    if wording is None:  # never hide a problem because its wording is missing
        text = message.code + (f" {message.params}" if message.params else "")
    else:
        params = {key: _param_text(value, lang) for key, value in message.params.items()}
        text = wording[LANGUAGES.index(lang)].format(**params)
    if with_field and message.field:
        separator = "：" if lang == "zh_CN" else ": "
        return field_label(message.field, lang) + separator + text
    return text


def _param_text(value: Any, lang: str) -> str:
    # A parameter that names a field (e.g. the other side of a comparison) is shown by label.
    if isinstance(value, FieldRef):  # 'a|b' names alternatives: 'A / B'
        return " / ".join(field_label(name, lang) for name in value.name.split("|"))
    return str(value)


@dataclass(frozen=True)
class FieldRef:
    """A message parameter that refers to another field, rendered with that field's label."""

    name: str

    def __str__(self) -> str:
        return self.name
