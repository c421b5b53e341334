"""Undo and redo of edits and deletions made in the window.

A command runs a service call (redo) and its inverse (undo); both go through the services, so
every step is validated, transactional and logged. Errors are shown, never raised into Qt.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from .context import GuiContext


class ServiceCommand(QUndoCommand):
    """`do()` and `undo()` are service calls; `table` and `firm_id` say what changed."""

    def __init__(self, ctx: GuiContext, text: str, do: Callable[[], object],
                 undo: Callable[[], object], table: str, firm_id: int = 0,
                 already_done: bool = False) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._do, self._undo = do, undo
        self.table, self.firm_id = table, firm_id
        self.result = None
        self._skip_first_redo = already_done   # QUndoStack.push calls redo() at once

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self.result = self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], object]):
        try:
            result = action()
        except Exception as error:  # the user sees it; the stack must not crash Qt
            from .errors import show_error

            show_error(None, error)
            self.setObsolete(True)
            return None
        self.ctx.bus.changed.emit(self.table, self.firm_id)
        return result


def push(ctx: GuiContext, text: str, do: Callable[[], object], undo: Callable[[], object],
         table: str, firm_id: int = 0):
    """Run `do` as an undoable step and return its result. A refused write raises (so a form
    can mark its invalid fields) and never becomes an undo step."""
    result = do()
    ctx.bus.changed.emit(table, firm_id)
    command = ServiceCommand(ctx, text, do, undo, table, firm_id, already_done=True)
    command.result = result
    ctx.undo_stack.push(command)
    return result
