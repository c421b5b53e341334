"""A preview of one attachment inside the window: images scaled to fit, PDFs with QtPdf,
anything else a short message."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QWidget

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"}


class AttachmentPreview(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPreview")
        self.message = QLabel(objectName="previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.image = QLabel(objectName="previewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(1, 1)  # let the pixmap shrink with the pane
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setObjectName("previewPdf")
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        for page in (self.message, self.image, self.pdf_view):
            self.addWidget(page)
        self._pixmap = QPixmap()
        self.path: Path | None = None
        self.show_file(None)

    @property
    def kind(self) -> str:
        """What is shown: 'pdf', 'image' or 'none'."""
        current = self.currentWidget()
        return "pdf" if current is self.pdf_view else "image" if current is self.image else "none"

    def show_file(self, path: Path | None) -> None:
        self.path = Path(path) if path else None
        self._pixmap = QPixmap()
        self.image.clear()
        self.document.close()
        if self.path is None:
            self._say(self.tr("Select an attachment to preview it."))
            return
        if not self.path.is_file():
            self._say(self.tr("The stored file {name} is missing.").format(name=self.path.name))
            return
        suffix = self.path.suffix.lower()
        if suffix == ".pdf":
            error = self.document.load(str(self.path))
            if error == QPdfDocument.Error.None_ and self.document.pageCount() > 0:
                self.setCurrentWidget(self.pdf_view)
                return
            self.document.close()
            self._say(self.tr("This PDF cannot be shown."))
            return
        if suffix in IMAGE_SUFFIXES:
            self._pixmap = QPixmap(str(self.path))
            if not self._pixmap.isNull():
                self._rescale()
                self.setCurrentWidget(self.image)
                return
        self._say(self.tr("No preview for this file type"))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def _rescale(self) -> None:
        if self._pixmap.isNull():
            return
        size = self.image.size()
        if size.width() < 8 or size.height() < 8:
            size = self._pixmap.size().boundedTo(QSize(480, 480))  # not laid out yet
        self.image.setPixmap(self._pixmap.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def pixmap(self) -> QPixmap:
        """The image at its own size (the label shows it scaled)."""
        return self._pixmap

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rescale()
