"""The composition root: one open database and the services over it.

The GUI and the CLI open a Workspace and call its services; nothing else reaches the layers
below.
"""
from __future__ import annotations

from desktop.db.database import Database
from desktop.paths import AppPaths
from desktop.storage.attachments import AttachmentStore

from .applications import ApplicationService, BatchService
from .backups import BackupService
from .context import ServiceContext
from .dashboard import DashboardService
from .evidence import EvidenceService
from .exports import ExportService
from .financials import FinancialsService
from .firms import FirmService
from .history import HistoryService
from .integrity import IntegrityService
from .packages import PackageService
from .qualification import QualificationService
from .transfer import TransferService


class Workspace:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.firms = FirmService(context)
        self.financials = FinancialsService(context, self.firms)
        self.evidence = EvidenceService(context, self.firms, AttachmentStore(context.paths.attachments))
        self.batches = BatchService(context)
        self.applications = ApplicationService(context, self.firms, self.batches)
        self.qualification = QualificationService(context, self.firms, self.financials,
                                                  self.evidence, self.applications)
        self.dashboard = DashboardService(context, self.applications, self.qualification,
                                          self.batches)
        self.transfer = TransferService(context, self.firms, self.financials, self.evidence)
        self.integrity = IntegrityService(context, self.evidence.store, self.qualification)
        self.backups = BackupService(context)
        self.history = HistoryService(context, self.firms, self.financials, self.evidence,
                                      self.applications)
        self.exports = ExportService(context, self.firms, self.financials, self.evidence, self.batches, self.applications, self.qualification)
        self.packages = PackageService(context, self.firms, self.financials, self.evidence,
                                       self.applications, self.qualification, self.backups)

    @classmethod
    def open(cls, paths: AppPaths, user: str | None = None,
             now=None, today=None, on_wait=None, busy_timeout_ms: int | None = None) -> Workspace:
        """Open (creating and migrating if needed) the database at `paths`.

        `user`, `now` and `today` replace the OS user and the clock (tests fix them).
        `on_wait(message)` is told when a write waits for another window or command (None once
        the wait is over); `busy_timeout_ms` bounds that wait (see db.database).
        """
        paths.ensure()
        database = Database.open(paths.database, backup_dir=paths.backups, on_wait=on_wait,
                                 busy_timeout_ms=busy_timeout_ms)
        options: dict[str, object] = {}
        if user is not None:
            options["user"] = user
        if now is not None:
            options["now"] = now
        if today is not None:
            options["today"] = today
        return cls(ServiceContext(database=database, paths=paths, **options))

    @property
    def paths(self) -> AppPaths:
        return self.context.paths

    def schema_version(self) -> int:
        return self.context.database.schema_version()

    def close(self) -> None:
        self.context.database.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Workspace"]
