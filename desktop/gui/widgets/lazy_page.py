"""Pages that read their data when first shown, not when the window is built.

At 100,000 firms the evidence-due list and the applications list each take seconds to read;
built hidden at start they held up the first painted window. Such a page reads when it is
shown, and on a data change only while visible (hidden, it is marked stale and reads on its
next show).
"""
from __future__ import annotations


class LazyPage:
    """Mixin before QWidget: the page's `refresh()` runs on the first show and after changes."""

    _stale = True

    def refresh_when_shown(self) -> None:
        """A data change: read now when visible, else on the next show."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
