"""What every page of the window is given: the services, the undo stack, settings, a bus
that announces data changes, and the helper that runs long work off the GUI thread."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack


class DataBus(QObject):
    """Announces that data changed, so every page showing it refreshes (and verdicts follow).

    `table` is 'firm', 'fiscal_year', 'evidence_item', 'application', 'batch' …; `firm_id` is
    the firm concerned, or 0 when many are.
    """

    changed = Signal(str, int)


@dataclass
class GuiContext:
    workspace: object          # desktop.services.workspace.Workspace
    undo_stack: QUndoStack
    settings: QSettings
    bus: DataBus

    @property
    def lang(self) -> str:
        from . import i18n

        return i18n.language()
