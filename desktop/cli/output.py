"""Printing for the CLI: messages in the chosen language, JSON for scripts."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from desktop.domain.messages import Message, render
from desktop.domain.records import Record


def to_json_value(value: Any) -> Any:
    """JSON-safe values: money as exact strings (never floats), dates as ISO text."""
    if isinstance(value, Record):
        return to_json_value(value.to_dict())
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: to_json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(item) for item in value]
    return value


class Output:
    def __init__(self, lang: str, stdout=None, stderr=None) -> None:
        self.lang = lang
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    def message(self, message: Message) -> None:
        print(render(message, self.lang), file=self.stdout)

    def problems(self, messages: Iterable[Message]) -> None:
        """One line per problem on stderr, each naming its field."""
        for message in messages:
            print(render(message, self.lang), file=self.stderr)

    def json(self, value: Any) -> None:
        json.dump(to_json_value(value), self.stdout, ensure_ascii=False, indent=2)
        self.stdout.write("\n")

    def line(self, text: str = "") -> None:
        print(text, file=self.stdout)
