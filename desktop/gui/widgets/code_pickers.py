"""Pickers for the profile form: regions (GB/T 2260) and industries (GB/T 4754-2017) chosen from
the code tables level by level, never typed free-hand, and dates that may stay unknown."""
from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget, QComboBox, QCompleter, QHBoxLayout, QLineEdit, QSizePolicy, QToolButton,
    QVBoxLayout, QWidget,
)

from desktop.services import codes


class _CascadePicker(QWidget):
    """Combos where each level lists the children of the choice above it; the code is the
    deepest choice. A code that the tables cannot show is kept as it was until the user picks."""

    code_changed = Signal(str)

    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: list[QComboBox] = []
        self._kept = ""          # a prefilled code the combos cannot show
        for level, name in enumerate(names):
            combo = QComboBox(objectName=name)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.currentIndexChanged.connect(
                lambda _index, level=level: self._on_combo_current_index_changed(level))
            self.combos.append(combo)
        self.setFocusProxy(self.combos[0])
        self._fill(0, "")

    # -- what subclasses say ---------------------------------------------------------------
    def entries_below(self, code: str) -> list[tuple[str, str]]:
        """(code, text) of the entries below `code` ('' → the top level)."""
        raise NotImplementedError

    def chain(self, code: str) -> list[str]:
        """The codes from the top level down to `code`."""
        raise NotImplementedError

    # -- reading and writing the code ------------------------------------------------------
    def code(self) -> str:
        if self._kept:
            return self._kept
        for combo in reversed(self.combos):
            if combo.currentData():
                return combo.currentData()
        return ""

    def set_code(self, code: str) -> None:
        code = (code or "").strip()
        self._kept = ""
        for combo in self.combos:
            combo.blockSignals(True)
        try:
            self._fill(0, "")
            chain = self.chain(code) if code else []
            for level, part in enumerate(chain[:len(self.combos)]):
                index = self.combos[level].findData(part)
                if index < 0:
                    break
                self.combos[level].setCurrentIndex(index)
                if level + 1 < len(self.combos):
                    self._fill(level + 1, part)
            if code and self._selected() != code:
                self._kept = code   # unknown or historic: keep it, the service will judge it
        finally:
            for combo in self.combos:
                combo.blockSignals(False)

    def _selected(self) -> str:
        kept, self._kept = self._kept, ""
        code = self.code()
        self._kept = kept
        return code

    def _fill(self, level: int, parent_code: str) -> None:
        """List the children of `parent_code` at `level` and empty every level below."""
        for depth in range(level, len(self.combos)):
            combo = self.combos[depth]
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", "")
            if depth == level and (parent_code or level == 0):
                for code, text in self.entries_below(parent_code):
                    combo.addItem(text, code)
                    combo.setItemData(combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
            combo.setEnabled(combo.count() > 1)
            combo.blockSignals(False)

    def _on_combo_current_index_changed(self, level: int) -> None:
        self._kept = ""
        if level + 1 < len(self.combos):
            self._fill(level + 1, self.combos[level].currentData() or "")
        self.code_changed.emit(self.code())


class RegionPicker(_CascadePicker):
    """Province → city → county; the 6-digit code of the deepest choice. In Beijing, Tianjin,
    Shanghai and Chongqing the second combo lists the districts at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("regionProvince", "regionCity", "regionCounty"), parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in self.combos:
            layout.addWidget(combo)

    def entries_below(self, code: str) -> list[tuple[str, str]]:
        if code == "":
            prefix = ""
        elif code.endswith("0000"):
            prefix = code[:2]
        elif code.endswith("00"):
            prefix = code[:4]
        else:
            return []   # a county has nothing below it
        return [(place.code, place.county) for place in codes.regions_under(prefix)]

    def chain(self, code: str) -> list[str]:
        province, city = code[:2] + "0000", code[:4] + "00"
        if code[:2] in codes.MUNICIPALITIES:
            return [province] if code == province else [province, code]
        return [part for part in dict.fromkeys((province, city, code))]


class IndustryPicker(_CascadePicker):
    """Section → division → group → class, plus a search line that finds any class by code
    or name; the code of the deepest choice (C3985 …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("industrySection", "industryDivision", "industryGroup",
                          "industryClass"), parent)
        self.search = QLineEdit(objectName="industrySearch")
        self.search.setPlaceholderText(self.tr("Search an industry by code or name…"))
        entries = [f"{item.code} {item.name}" for item in codes.industries().values()
                   if item.level == "class"]
        completer = QCompleter(entries, self.search)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)
        completer.activated.connect(self._on_completer_activated)
        self.search.returnPressed.connect(lambda: self._on_completer_activated(self.search.text()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for combo in self.combos[:2]:
            row.addWidget(combo)
        layout.addLayout(row)
        row = QHBoxLayout()
        for combo in self.combos[2:]:
            row.addWidget(combo)
        layout.addLayout(row)
        layout.addWidget(self.search)

    def entries_below(self, code: str) -> list[tuple[str, str]]:
        return [(item.code, f"{item.code} {item.name}") for item in codes.industries_under(code)]

    def chain(self, code: str) -> list[str]:
        found, parts = codes.industry(code), []
        while found is not None:
            parts.insert(0, found.code)
            found = codes.industry(found.parent) if found.parent else None
        return parts

    def _on_completer_activated(self, text: str) -> None:
        code = text.split(" ", 1)[0].strip().upper()
        if codes.industry(code) is None:
            return
        self.set_code(code)
        self.search.clear()
        self.code_changed.emit(self.code())


class DateField(QWidget):
    """A date typed as YYYY-MM-DD or picked from a calendar; empty means unknown. The text goes
    to the service as typed, so a wrong date gets the service's message."""

    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD (empty: unknown)"))
        self.button = QToolButton(objectName="calendarButton")
        self.button.setText("…")
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.clicked.connect(self._on_button_clicked)
        self.edit.textChanged.connect(self.text_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.calendar: QCalendarWidget | None = None

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def _on_button_clicked(self) -> None:
        self.calendar = QCalendarWidget(self, objectName="datePopup")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        current = QDate.fromString(self.text(), "yyyy-MM-dd")
        self.calendar.setSelectedDate(current if current.isValid() else QDate.currentDate())
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()

    def _on_calendar_clicked(self, day: QDate) -> None:
        self.edit.setText(day.toString("yyyy-MM-dd"))
        if self.calendar is not None:
            self.calendar.close()
            self.calendar.deleteLater()
            self.calendar = None
