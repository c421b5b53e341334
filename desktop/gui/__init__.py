"""The Qt application. PySide6 is imported only inside this package."""
