"""A firm's evidence files as a folder tree with readable names:
`<firm name>/<kind>/<year>-<title>.<ext>` (the stored copies, not the originals)."""
from __future__ import annotations

from pathlib import Path, PurePath

from desktop.domain.catalog import MESSAGES
from desktop.domain.messages import Message, normalize_language, render
from desktop.storage.attachments import ExportEntry, export_tree


def kind_label(kind: str, lang: str) -> str:
    """The evidence kind in words ('发明专利'), as on the exported workbooks."""
    code = f"export.value.{kind}"
    return render(Message(code if code in MESSAGES else "store.kind_other"), lang)


def export_firm_files(workspace, firm_id: int, target_dir: Path, lang: str = "zh_CN") -> list[Path]:
    """Copy every file attached to the firm's evidence under `target_dir`; returns the paths
    written. Clashing names are numbered; nothing already there is overwritten."""
    lang = normalize_language(lang)
    firm = workspace.firms.get(firm_id)
    entries = [
        ExportEntry(stored_path=attachment.stored_path, firm=firm.name,
                    kind=kind_label(str(item.kind), lang), title=item.title,
                    year=item.granted_date.year if item.granted_date else None,
                    suffix=PurePath(attachment.original_name).suffix)
        for item in workspace.evidence.items(firm_id) for attachment in item.attachments]
    return export_tree(workspace.evidence.store, entries, Path(target_dir))
