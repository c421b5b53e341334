"""The firm list's filters over the code tables (province, industry section), whose choices
are listed only when first needed."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from desktop.services import codes


class FilterCombo(QComboBox):
    """A filter over a code table: 'all' at first, its other choices listed when first needed
    (the page's first paint is over, or the user opens, scrolls or types into it). Listing the
    provinces and industry sections, and measuring them for the popup, held up the first
    painted window; the first screen shows 'all' either way."""

    def __init__(self, all_text: str, entries, object_name: str) -> None:
        super().__init__(objectName=object_name)
        self.addItem(all_text, "")
        self._entries = entries   # () -> [(text, data)], until listed
        # Long names must not widen the window: the combo shows what fits.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def list_entries(self) -> None:
        """Add the choices after 'all' (once); the current choice stays."""
        if self._entries is None:
            return
        entries, self._entries = self._entries, None
        for text, data in entries():
            self.addItem(text, data)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0))

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        self.list_entries()
        super().showPopup()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.list_entries()
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.list_entries()
        super().wheelEvent(event)


def provinces() -> list[tuple[str, str]]:
    return [(place.full_name, place.code[:2]) for place in codes.regions_under("")]


def industry_sections() -> list[tuple[str, str]]:
    return [(f"{section.code} {section.name}", section.code)
            for section in codes.industries_under("")]
