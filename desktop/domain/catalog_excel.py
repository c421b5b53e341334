"""Wording of the Excel import and export messages, merged into catalog.MESSAGES.

Kept apart so the import and the export can grow their messages without touching the main
catalog. Each entry is (English, Chinese) with identical placeholders.
"""
from __future__ import annotations

EXPORT_MESSAGES: dict[str, tuple[str, str]] = {}
IMPORT_MESSAGES: dict[str, tuple[str, str]] = {}
