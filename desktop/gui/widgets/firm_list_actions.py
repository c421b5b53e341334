"""The firm list's actions on the selected firm: archive or restore, and delete, each an
undoable step. Texts keep the FirmListPage translation context."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..errors import show_error


def archive_or_restore(page, summary) -> None:
    """Archive the selected firm, or restore an archived one, as an undoable step."""
    from .. import undo   # imported on first use, as the dialog below: not needed to start

    if summary is None:
        return
    firm_id, archived = summary.id, summary.archived
    if archived:
        text = QCoreApplication.translate("FirmListPage", "Restore {name}").format(name=summary.name)
    else:
        text = QCoreApplication.translate("FirmListPage", "Archive {name}").format(name=summary.name)
    try:
        undo.push(page.ctx, text,
                  do=lambda: page.firms.set_archived(firm_id, not archived),
                  undo=lambda: page.firms.set_archived(firm_id, archived),
                  table="firm", firm_id=firm_id)
    except Exception as error:  # refused: nothing changed, the user is told why
        show_error(page, error)


def delete_with_undo(page, summary) -> None:
    """Delete the selected firm after a confirmation; Edit → Undo brings it back whole."""
    from .. import undo
    from ..dialogs.confirm import ConfirmDialog

    if summary is None:
        return
    question = QCoreApplication.translate(
        "FirmListPage", "Delete {name} with all its figures, evidence and applications?\n"
        "Edit → Undo brings it back.").format(name=summary.name)
    if not ConfirmDialog.ask(page, question):
        return
    firm_id, kept = summary.id, {}

    def delete():
        kept["snapshot"] = page.firms.delete(firm_id)
        return kept["snapshot"]

    try:
        undo.push(page.ctx, QCoreApplication.translate("FirmListPage", "Delete {name}").format(
            name=summary.name), do=delete, undo=lambda: page.firms.restore(kept["snapshot"]),
            table="firm", firm_id=firm_id)
    except Exception as error:
        show_error(page, error)
