"""The preview of an evidence package before it is applied: what the package is (who sent it,
when, which versions), and what applying it would do here — records that are new, changed,
conflicting (edited here since they last came from a package) or unchanged — with, for each
conflict, the choice to keep this database's value or take the package's.

Applying is all or nothing; this dialog only gathers the choices (`PackagePreviewDialog.ask`).
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desktop.domain.packages import PackageKind, PackagePreview, RecordState, Resolution

from .. import i18n
from ..models.history_table import field_text, local_time, value_text

_CONTEXT = "PackagePreviewDialog"
# A package's parts as the change log names their tables (for wording logged values).
_TABLE_OF = {"assessment": "annual_assessment", "evidence": "evidence_item",
             "decision": "manual_decision"}
_PART_NAMES = {
    "firm": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Profile"),
    "fiscal_year": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Fiscal year"),
    "market_position": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Market position"),
    "assessment": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Annual assessment"),
    "evidence": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Evidence"),
    "attachment": QT_TRANSLATE_NOOP("PackagePreviewDialog", "File"),
    "application": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Application"),
    "status_change": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Status change"),
    "decision": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Decision"),
}
_STATE_NAMES = {
    RecordState.CONFLICTING: QT_TRANSLATE_NOOP("PackagePreviewDialog", "Conflicting ({count})"),
    RecordState.NEW: QT_TRANSLATE_NOOP("PackagePreviewDialog", "New ({count})"),
    RecordState.CHANGED: QT_TRANSLATE_NOOP("PackagePreviewDialog", "Changed ({count})"),
    RecordState.UNCHANGED: QT_TRANSLATE_NOOP("PackagePreviewDialog", "Unchanged ({count})"),
}
KEEP, TAKE = 0, 1   # the conflict combo's rows
COLUMN_RECORD, COLUMN_MINE, COLUMN_THEIRS, COLUMN_CHOICE = range(4)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _local(utc_text: str) -> str:
    """The sender's UTC time stamp in this computer's time zone, as the history shows it."""
    try:
        return local_time(datetime.fromisoformat(utc_text).replace(tzinfo=None))
    except ValueError:
        return utc_text


def record_text(part: str, label: str) -> str:
    """'Fiscal year · 2025', 'Evidence · 一种靶材': the part in words and the record's label."""
    return f"{_tr(_PART_NAMES.get(part, part))} · {label}" if label else _tr(_PART_NAMES[part])


class PackagePreviewDialog(QDialog):
    def __init__(self, preview: PackagePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packagePreviewDialog")
        self.setWindowTitle(self.tr("Import package"))
        self.preview = preview
        self.choices: dict[str, QComboBox] = {}   # conflict key → its keep/take choice
        self.summary = QLabel(self._summary_text(), objectName="packageSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(objectName="packageTree")
        self.tree.setHeaderLabels([self.tr("Record / field"), self.tr("Here"),
                                   self.tr("In the package"), self.tr("Apply")])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN_THEIRS, QHeaderView.ResizeMode.Stretch)
        self.keep_all = QPushButton(self.tr("&Keep all mine"), objectName="packageKeepAll")
        self.take_all = QPushButton(self.tr("&Take all theirs"), objectName="packageTakeAll")
        self.keep_all.clicked.connect(lambda: self._set_all(KEEP))
        self.take_all.clicked.connect(lambda: self._set_all(TAKE))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("&Apply"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("packageApply")
        self.apply_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._fill()
        bulk = QHBoxLayout()
        bulk.addWidget(self.keep_all)
        bulk.addWidget(self.take_all)
        bulk.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bulk)
        layout.addWidget(self.buttons)
        has_conflicts = bool(preview.conflicts)
        self.keep_all.setVisible(has_conflicts)
        self.take_all.setVisible(has_conflicts)
        self.apply_button.setEnabled(preview.has_changes)
        self.resize(900, 560)

    # -- what the package is -----------------------------------------------------------------
    def _summary_text(self) -> str:
        info, preview = self.preview.info, self.preview
        kind = (self.tr("Evidence package") if info.kind is PackageKind.EVIDENCE
                else self.tr("Review package"))
        firm = (self.tr("{name} ({uscc}), new to this database") if preview.firm_id is None
                else self.tr("{name} ({uscc})")).format(name=info.firm_name, uscc=info.firm_uscc)
        lines = [
            f"<b>{kind}</b> — {firm}",
            self.tr("Made by {who} on {when} with SRDI Desk {version}; {files} files, "
                    "{new_files} not here yet").format(
                who=info.created_by, when=_local(info.created_at),
                version=info.app_version, files=info.file_count, new_files=preview.files_new),
        ]
        if not preview.has_changes:
            lines.append(self.tr("Nothing to apply: this database already holds everything "
                                 "in the package."))
        elif preview.conflicts:
            lines.append(self.tr("Values edited here since they last came from a package: "
                                 "{count}. Choose for each whether to keep yours (the default) "
                                 "or take the package's.").format(count=len(preview.conflicts)))
        lines += [f"⚠ {i18n.render(message)}" for message in preview.warnings]
        return "<br>".join(lines)

    # -- the tree --------------------------------------------------------------------------
    def _fill(self) -> None:
        for state in (RecordState.CONFLICTING, RecordState.NEW, RecordState.CHANGED,
                      RecordState.UNCHANGED):
            records = [r for r in self.preview.records if r.state == state]
            if not records:
                continue
            group = QTreeWidgetItem(self.tree, [_tr(_STATE_NAMES[state]).format(
                count=len(records))])
            group.setData(COLUMN_RECORD, Qt.ItemDataRole.UserRole, state.value)
            font = group.font(COLUMN_RECORD)
            font.setBold(True)
            group.setFont(COLUMN_RECORD, font)
            for record in records:
                self._add_record(group, record)
            # Conflicts are what needs a person; the rest is there to look at when wanted.
            group.setExpanded(state is RecordState.CONFLICTING)
            if state is RecordState.CONFLICTING:
                for index in range(group.childCount()):
                    group.child(index).setExpanded(True)
        for column in (COLUMN_RECORD, COLUMN_MINE):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, max(self.tree.columnWidth(column), 180))
        if self.choices:   # item widgets do not count for resizeColumnToContents
            widest = max(combo.sizeHint().width() for combo in self.choices.values())
            self.tree.setColumnWidth(COLUMN_CHOICE, widest + 8)

    def _add_record(self, group: QTreeWidgetItem, record) -> None:
        item = QTreeWidgetItem(group, [record_text(record.part, record.label)])
        table = _TABLE_OF.get(record.part, record.part)
        for diff in record.fields:
            mine = "" if record.state is RecordState.NEW else value_text(
                table, diff.field, diff.mine, {})
            row = QTreeWidgetItem(item, [field_text(diff.field), mine,
                                         value_text(table, diff.field, diff.theirs, {})])
            if diff.conflicting:
                who = self.tr("edited here by {who}").format(who=diff.edited_by)
                row.setToolTip(COLUMN_MINE, who)
                choice = QComboBox(objectName=f"packageChoice:{diff.key}")
                choice.addItems([self.tr("Keep mine"), self.tr("Take theirs")])
                self.tree.setItemWidget(row, COLUMN_CHOICE, choice)
                self.choices[diff.key] = choice

    def _set_all(self, choice: int) -> None:
        for combo in self.choices.values():
            combo.setCurrentIndex(choice)

    # -- the answer ------------------------------------------------------------------------
    def resolutions(self) -> dict[str, Resolution]:
        return {key: Resolution.TAKE if combo.currentIndex() == TAKE else Resolution.KEEP
                for key, combo in self.choices.items()}

    @classmethod
    def ask(cls, parent: QWidget | None,
            preview: PackagePreview) -> dict[str, Resolution] | None:
        """The conflict choices when the user applies, None when cancelled."""
        dialog = cls(preview, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.resolutions()
        return None
