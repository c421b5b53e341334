"""Errors raised by the lower layers. Each carries Messages, never prose, so the GUI and the
CLI can render it in the user's language."""
from __future__ import annotations

from collections.abc import Iterable

from .messages import Message


class DomainError(Exception):
    """Base of every refusal the user can act on."""

    def __init__(self, messages: Message | Iterable[Message]) -> None:
        if isinstance(messages, Message):
            messages = (messages,)
        self.messages: tuple[Message, ...] = tuple(messages)
        super().__init__("; ".join(m.code for m in self.messages))


class ValidationError(DomainError):
    """The input was refused; `messages` lists every problem found, each naming its field."""


class NotFound(DomainError):
    """A record that was asked for does not exist."""


class Conflict(DomainError):
    """The write would break a uniqueness rule (a second firm with the same USCC …)."""


class IllegalTransition(DomainError):
    """An application status move that the workflow does not allow."""


class NotRevertible(DomainError):
    """A logged change the history cannot revert (gone, changed since, or not its to undo)."""


class DatabaseVersionError(DomainError):
    """The database was written by a newer version of SRDI Desk, or cannot be opened."""


class StorageError(DomainError):
    """A file could not be read, copied or stored."""


class Cancelled(Exception):
    """Long work stopped because its progress callback answered False (the user cancelled)."""
