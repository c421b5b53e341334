"""Evidence packages (`.srdipkg`): one firm's data and files, from the firm to the official
(kind "evidence") and the official's review back to the firm (kind "review").

The file format is storage/packages.py, the records in it services/package_data.py, the
comparison (new / changed / unchanged / conflicting, with the exact conflict rule)
services/package_plan.py, the writing services/package_apply.py.

- `export(firm_id, path, kind)` writes the package atomically (a temporary file renamed at
  the end); only the files the firm's attachments reference travel.
- `preview(path)` checks the package completely (zip safety, manifest, every hash, every
  value) and compares it with this database; it writes nothing.
- `apply(path, resolutions)` does the same checks again, writes an automatic backup (reason
  "before-package"), copies the attachment files into the store, then writes everything in one
  transaction. On any failure or cancel the database is as before and the files this apply
  added to the store are removed again. A package that would change nothing writes nothing,
  not even the backup (`PackageResult.backup` is None).

Every refusal is a DomainError whose messages name the file and the member or field.
Long work takes `progress(done, total)`; answering False raises Cancelled (each phase counts
its own steps: checking bytes, copying files, writing records).
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Mapping
from contextlib import suppress
from datetime import timezone
from pathlib import Path

from desktop import __version__
from desktop.db import evidence as evidence_rows
from desktop.db import firms as firm_rows
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.messages import Message
from desktop.domain.packages import (
    PackageInfo, PackageKind, PackagePreview, PackageResult, Resolution,
)
from desktop.storage import packages as fmt
from desktop.storage.attachments import AttachmentStore, StoredFile, safe_name, sha256_of
from desktop.storage.safe_zip import Progress, ZipLimits, report

from . import package_data, package_parse
from .context import ServiceContext
from .evidence import EvidenceService
from .financials import FinancialsService
from .firms import FirmService
from .package_apply import Writer
from .package_plan import Planner, flatten
from .validation import check_uscc, normalize_uscc

ORIGIN = package_data.ORIGIN_PACKAGE


class PackageService:
    def __init__(self, context: ServiceContext, firms, financials, evidence, applications,
                 qualification, backups, limits: ZipLimits = fmt.LIMITS) -> None:
        self.context = context
        self.firms = firms
        self.financials = financials
        self.evidence = evidence
        self.applications = applications
        self.qualification = qualification
        self.backups = backups
        self.limits = limits     # tests lower them

    @property
    def store(self) -> AttachmentStore:
        return self.evidence.store

    # -- export ----------------------------------------------------------------------------
    def suggested_name(self, firm_id: int, kind: str = "evidence") -> str:
        """A file name for a save dialog: '<USCC>-<name>-<kind>-<date>.srdipkg'."""
        firm = self.firms.get(firm_id)
        stamp = self.context.now().strftime("%Y%m%d")
        return safe_name(f"{firm.uscc}-{firm.name}-{kind}-{stamp}") + fmt.SUFFIX

    def export(self, firm_id: int, path: Path, kind: str = "evidence",
               progress: Progress | None = None) -> Path:
        """Write the firm's package of `kind` ("evidence" or "review") to `path`; returns it.
        A cancel (progress answered False) raises Cancelled and leaves no file."""
        kind = PackageKind(kind).value
        path = Path(path)
        with self.context.database.snapshot():   # one consistent view, no write lock
            firm = self.firms.get(firm_id)
            if kind == "evidence":
                data, stored = package_data.evidence_data(self, firm_id)
            else:
                data, stored = {"applications": package_data.application_data(
                    self, firm_id, kind)}, {}
        head = {"kind": kind, "app_version": __version__,
                "rulebook_versions": self._rulebook_versions(),
                "created_at": self._utc_text(), "created_by": self.context.user,
                "firm": {"uscc": firm.uscc, "name": firm.name}}
        files = {sha: self.store.path_of(stored_path) for sha, stored_path in stored.items()}
        try:
            return fmt.write_package(path, head, data, files, progress)
        except OSError as error:
            raise DomainError(Message("export.write_failed", {
                "path": str(path), "error": error.strerror or str(error)})) from error

    def _rulebook_versions(self) -> dict[str, str]:
        return {book.id: book.version
                for book in self.qualification.engine.rulebooks.values()}

    def _utc_text(self) -> str:
        # The context's clock is naive UTC (how the database stores times).
        return self.context.now().replace(tzinfo=timezone.utc).isoformat()

    # -- reading ---------------------------------------------------------------------------
    def _read(self, path: Path, progress: Progress | None = None):
        """(the checked file, its parsed data, the matching firm here or None). Refusals:
        StorageError (the file), ValidationError (the values, naming part and field)."""
        package = fmt.read_package(Path(path), self.limits, progress)
        uscc = package.manifest["firm"]["uscc"]
        problems = check_uscc(normalize_uscc(uscc), "manifest.firm.uscc")
        if problems:
            raise ValidationError([Message("package.bad_uscc", {
                "path": str(path), "name": fmt.MANIFEST, "value": uscc})] + problems)
        uscc = normalize_uscc(uscc)
        try:
            data = package_parse.parse_data(self, package.data, package.kind, package.files)
        except ValidationError as error:
            raise ValidationError((Message("package.invalid_data", {
                "path": str(path), "name": fmt.DATA, "count": len(error.messages)}),)
                + error.messages) from error
        if data.firm is not None and data.firm.record.uscc != uscc:
            raise ValidationError(Message("package.firm_mismatch", {
                "path": str(path), "manifest": uscc, "data": data.firm.record.uscc}))
        firm = firm_rows.get_by_uscc(uscc)
        if firm is None and data.kind == "review":
            raise ValidationError(Message("package.firm_unknown", {
                "uscc": uscc, "name": package.manifest["firm"]["name"]}))
        return package, data, firm

    def preview(self, path: Path, progress: Progress | None = None) -> PackagePreview:
        """What applying the package would do (see package_plan for the states); writes
        nothing. Refused packages raise as in `_read`."""
        package, data, firm = self._read(path, progress)
        with self.context.database.snapshot():
            plan = Planner(self, data, firm).plan()
        return self._preview(package, plan, firm)

    def _preview(self, package, plan, firm) -> PackagePreview:
        manifest = package.manifest
        info = PackageInfo(
            path=package.path, kind=PackageKind(manifest["kind"]),
            format_version=manifest["format_version"], app_version=manifest["app_version"],
            created_at=manifest["created_at"], created_by=manifest["created_by"],
            rulebook_versions=tuple(sorted(manifest["rulebook_versions"].items())),
            firm_uscc=normalize_uscc(manifest["firm"]["uscc"]),
            firm_name=manifest["firm"]["name"], file_count=len(package.files),
            file_size=sum(package.files.values()))
        needed = self._needed(plan)
        return PackagePreview(
            info=info, firm_id=firm.id if firm else None,
            records=tuple(p.diff for p in flatten(plan)),
            files_new=sum(1 for sha in needed if self._in_store(sha) is None),
            warnings=tuple(self._warnings(info)))

    def _warnings(self, info: PackageInfo) -> list[Message]:
        mine = self._rulebook_versions()
        warnings = []
        for book, version in info.rulebook_versions:
            if mine.get(book, version) != version:
                warnings.append(Message("package.rulebook_differs", {
                    "id": book, "theirs": version, "mine": mine[book]}))
        return warnings

    # -- applying --------------------------------------------------------------------------
    def apply(self, path: Path, resolutions: Mapping[str, Resolution | str] | None = None,
              default: Resolution | str = Resolution.KEEP,
              progress: Progress | None = None) -> PackageResult:
        """Apply the package all or nothing. `resolutions` maps a conflict's
        `FieldDiff.key` to "keep" (mine) or "take" (theirs); conflicts not named get
        `default` (keep mine). Returns what was done, with the backup written before."""
        chosen = {key: Resolution(value) for key, value in (resolutions or {}).items()}
        default = Resolution(default)
        package, data, firm = self._read(path, progress)
        with self.context.database.snapshot():
            plan = Planner(self, data, firm).plan()
        preview = self._preview(package, plan, firm)
        if not preview.has_changes:
            return PackageResult(preview, firm.id, None, 0, 0, 0, 0)
        backup = self.backups.backup(reason="before-package")
        added: list[str] = []
        try:
            stored = self._store_files(package, self._needed(plan), added, progress)
            services = self._writing_services()
            with self.context.database.transaction():
                # Planned again inside the transaction: what is written is what it compared.
                plan = Planner(self, data, firm).plan()
                preview = self._preview(package, plan, firm)
                late = {sha: name for sha, name in self._needed(plan).items() if sha not in stored}
                stored.update(self._store_files(package, late, added, None))
                writer = Writer(services, plan, lambda key: chosen.get(key, default), stored,
                                progress)
                counts = writer.write(firm)
        except BaseException:
            self._remove_unused(added)
            raise
        return PackageResult(preview, writer.firm.id, backup, counts.written, counts.taken,
                             counts.kept, len(added))

    def _writing_services(self):
        """Services over a copy of the context whose origin is 'package': the change log then
        says where each change came from, and the shared context is never switched (a window
        may be writing on another thread)."""
        context = dataclasses.replace(self.context, origin=ORIGIN)
        firms = FirmService(context)
        return _Services(context, firms, FinancialsService(context, firms),
                         EvidenceService(context, firms, self.store))

    @staticmethod
    def _needed(plan) -> dict[str, str]:
        """{sha256: original name} of the files the planned attachments need."""
        return {p.extra.sha256: p.extra.name for p in flatten(plan)
                if p.diff.part == "attachment"}

    def _in_store(self, sha: str) -> StoredFile | None:
        """The stored copy of `sha` when the store already holds a sound one."""
        folder = self.store.root / sha[:2]
        for candidate in sorted(folder.glob(sha + "*")) if folder.is_dir() else ():
            if candidate.is_file() and sha256_of(candidate) == sha:
                return StoredFile(sha, candidate.relative_to(self.store.root).as_posix(),
                                  candidate.stat().st_size)
        return None

    def _store_files(self, package, needed: dict[str, str], added: list[str],
                     progress: Progress | None) -> dict[str, StoredFile]:
        """Put the needed files into the store; `added` collects the stored paths that were
        not there before (to remove them again when the apply fails)."""
        stored: dict[str, StoredFile] = {}
        self.store.root.mkdir(parents=True, exist_ok=True)
        for done, (sha, name) in enumerate(sorted(needed.items()), start=1):
            found = self._in_store(sha)
            if found is None:
                # Extracted under a name of our own (the store skips '.incoming-' files),
                # keeping the suffix so the stored copy opens with the right program.
                handle, temp = tempfile.mkstemp(dir=self.store.root, prefix=".incoming-package-",
                                                suffix=Path(safe_name(name)).suffix)
                os.close(handle)
                try:
                    fmt.extract_file(package, sha, Path(temp))
                    found = self.store.put(Path(temp))
                    added.append(found.stored_path)
                finally:
                    Path(temp).unlink(missing_ok=True)
            stored[sha] = found
            report(progress, done, len(needed))
        return stored

    def _remove_unused(self, added: list[str]) -> None:
        for stored_path in added:
            with suppress(DomainError, OSError):
                if not evidence_rows.stored_path_in_use(stored_path):
                    self.store.path_of(stored_path).unlink(missing_ok=True)


@dataclasses.dataclass(frozen=True)
class _Services:
    context: ServiceContext
    firms: FirmService
    financials: FinancialsService
    evidence: EvidenceService


__all__ = ["PackageService"]
