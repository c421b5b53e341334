"""The headless command line (`srdi`). Never imports PySide6."""
