"""The composition root: one open database and the services over it.

The GUI and the CLI open a Workspace and call its services; nothing else reaches the layers
below.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from desktop.db.database import Database
from desktop.paths import AppPaths

from .context import ServiceContext


class _Service:
    """A service built on its first use: importing and building all of them (the Excel
    writers, the rules, the integrity checks…) held up every start of the window and the CLI
    for what the first screen never needs. Built once per workspace, under its lock, since
    worker threads ask for services too."""

    def __init__(self, build: Callable[[Workspace], object], orm: bool = True) -> None:
        self.build = build
        self.orm = orm   # whether it reads through peewee (then a lazy open is completed first)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, workspace: Workspace | None, owner: type | None = None):
        if workspace is None:
            return self
        with workspace._building:
            if self.name not in workspace.__dict__:   # another thread may have built it
                if self.orm:
                    workspace.context.database.load()
                workspace.__dict__[self.name] = self.build(workspace)
        return workspace.__dict__[self.name]


def _firm_list(ws: Workspace):
    from .firm_list import FirmListService
    return FirmListService(ws.context)


def _firms(ws: Workspace):
    from .firms import FirmService
    return FirmService(ws.context)


def _financials(ws: Workspace):
    from .financials import FinancialsService
    return FinancialsService(ws.context, ws.firms)


def _evidence(ws: Workspace):
    from desktop.storage.attachments import AttachmentStore

    from .evidence import EvidenceService
    return EvidenceService(ws.context, ws.firms, AttachmentStore(ws.context.paths.attachments))


def _batches(ws: Workspace):
    from .applications import BatchService
    return BatchService(ws.context)


def _applications(ws: Workspace):
    from .applications import ApplicationService
    return ApplicationService(ws.context, ws.firms, ws.batches)


def _qualification(ws: Workspace):
    from .qualification import QualificationService
    return QualificationService(ws.context, ws.firms, ws.financials, ws.evidence,
                                ws.applications)


def _dashboard(ws: Workspace):
    from .dashboard import DashboardService
    return DashboardService(ws.context, ws.applications, ws.qualification, ws.batches)


def _transfer(ws: Workspace):
    from .transfer import TransferService
    return TransferService(ws.context, ws.firms, ws.financials, ws.evidence)


def _integrity(ws: Workspace):
    from .integrity import IntegrityService
    return IntegrityService(ws.context, ws.evidence.store, ws.qualification)


def _backups(ws: Workspace):
    from .backups import BackupService
    return BackupService(ws.context)


def _history(ws: Workspace):
    from .history import HistoryService
    return HistoryService(ws.context, ws.firms, ws.financials, ws.evidence, ws.applications)


def _exports(ws: Workspace):
    from .exports import ExportService
    return ExportService(ws.context, ws.firms, ws.financials, ws.evidence, ws.batches,
                         ws.applications, ws.qualification)


def _packages(ws: Workspace):
    from .packages import PackageService
    return PackageService(ws.context, ws.firms, ws.financials, ws.evidence, ws.applications,
                          ws.qualification, ws.backups)


class Workspace:
    firm_list = _Service(_firm_list, orm=False)   # a plain list is read without peewee
    firms = _Service(_firms)
    financials = _Service(_financials)
    evidence = _Service(_evidence)
    batches = _Service(_batches)
    applications = _Service(_applications)
    qualification = _Service(_qualification)
    dashboard = _Service(_dashboard)
    transfer = _Service(_transfer)
    integrity = _Service(_integrity)
    backups = _Service(_backups)
    history = _Service(_history)
    exports = _Service(_exports)
    packages = _Service(_packages)

    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self._building = threading.RLock()

    @classmethod
    def open(cls, paths: AppPaths, user: str | None = None, now=None, today=None,
             on_wait=None, busy_timeout_ms: int | None = None, lazy: bool = False) -> Workspace:
        """Open (creating and migrating if needed) the database at `paths`.

        `user`, `now` and `today` replace the OS user and the clock (tests fix them).
        `on_wait(message)` is told when a write waits for another window or command (None once
        the wait is over); `busy_timeout_ms` bounds that wait (see db.database).
        `lazy`: a database already at the latest schema is opened through peewee only when a
        service other than `firm_list` is first used, or by `load()`: the window's start shows
        its list before peewee and the models are imported (~25 ms of ~0.2 s).
        """
        paths.ensure()
        database = Database.open(paths.database, backup_dir=paths.backups, on_wait=on_wait,
                                 busy_timeout_ms=busy_timeout_ms, lazy=lazy)
        options: dict[str, object] = {}
        if user is not None:
            options["user"] = user
        if now is not None:
            options["now"] = now
        if today is not None:
            options["today"] = today
        return cls(ServiceContext(database=database, paths=paths, **options))

    def load(self) -> None:
        """Complete a lazy open (see `open`): import peewee and the models, open through them."""
        self.context.database.load()

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
