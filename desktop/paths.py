"""Where SRDI Desk keeps its data, and where its read-only resources are.

Nothing happens at import time: folders are created only by `AppPaths.ensure()`.
Precedence for the data folder: --data-dir, then $SRDI_DATA_DIR, then the platform's user data
folder (platformdirs). --db (or $SRDI_DB) points at another database file; its attachments,
backups and logs then live beside it.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "SRDI Desk"
APP_SLUG = "srdi-desk"
DATA_DIR_ENV = "SRDI_DATA_DIR"
DB_ENV = "SRDI_DB"
DATABASE_NAME = "srdi.db"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    database: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None,
                db: str | os.PathLike[str] | None = None) -> AppPaths:
        """The paths for the given options, falling back to the environment, then the platform."""
        db = db or os.environ.get(DB_ENV) or None
        data_dir = data_dir or os.environ.get(DATA_DIR_ENV) or None
        if data_dir is None and db is not None:
            # A database chosen on its own keeps its files beside it.
            database = Path(db).expanduser().resolve()
            return cls(data_dir=database.parent / (database.stem + "-files"), database=database)
        if data_dir is None:
            import platformdirs  # imported lazily: only the default path needs it

            data_dir = platformdirs.user_data_dir(APP_SLUG, appauthor=False)
        root = Path(data_dir).expanduser().resolve()
        database = Path(db).expanduser().resolve() if db else root / DATABASE_NAME
        return cls(data_dir=root, database=database)

    @property
    def attachments(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    def ensure(self) -> AppPaths:
        """Create the folders (not the database file)."""
        for folder in (self.data_dir, self.attachments, self.backups, self.logs,
                       self.database.parent):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resources_dir() -> Path:
    """The read-only resources, in the source tree or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
