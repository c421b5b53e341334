"""Backups: the database through the backup API with its attachments, thinning, daily backup,
verification, restore and the read-only look."""
import hashlib
import json
import sqlite3
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.services.backups import BackupEntry, BackupService, parse_name, to_delete
from tests.conftest import make_uscc, snapshot
from tests.services.test_evidence import PATENT


@pytest.fixture
def attached(workspace, firm, tmp_path):
    certificate = tmp_path / "证书.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (certificate,))
    return item.attachments[0]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_backup_holds_the_database_and_the_referenced_files(workspace, attached):
    path = workspace.backups.backup()
    assert path.parent == workspace.paths.backups and parse_name(path.name)[1] == "manual"
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        member = "attachments/" + attached.stored_path
        assert set(archive.namelist()) == {"manifest.json", "srdi.db", member}
        assert archive.read(member) == b"%PDF-1.4 certificate"
        for name, entry in manifest["files"].items():
            assert entry["sha256"] == sha(archive.read(name))
    assert manifest["format"] == "srdi-backup" and manifest["version"] == 1
    assert manifest["schema_version"] == workspace.schema_version()
    assert manifest["reason"] == "manual"
    assert not list(workspace.paths.backups.glob(".*"))   # no temp file left


def test_rows_still_in_the_wal_are_captured(workspace, tmp_path):
    handle = workspace.context.database.handle
    handle.execute_sql("PRAGMA wal_autocheckpoint = 0")
    uscc = make_uscc(org="MA1WALTBC")
    workspace.firms.create_from({"uscc": uscc, "name": "仅在WAL中的企业", "region_code": "320583",
                                 "industry_code": "C4021"})
    wal = Path(str(workspace.paths.database) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    path = workspace.backups.backup(tmp_path / "out.zip")
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "copy.db").write_bytes(archive.read("srdi.db"))
    connection = sqlite3.connect(tmp_path / "copy.db")
    assert connection.execute("SELECT name FROM firm WHERE uscc = ?", (uscc,)).fetchone() == (
        "仅在WAL中的企业",)
    connection.close()


def entry(stamp: datetime, reason="daily") -> BackupEntry:
    return BackupEntry(Path(f"srdi-backup-{stamp:%Y%m%dT%H%M%S%f}Z-{reason}.zip"), stamp, reason, 1)


def test_thinning_keeps_7_daily_4_weekly_12_monthly():
    start = datetime(2026, 11, 27, 12, tzinfo=timezone.utc)
    # Two backups a day for 500 days.
    entries = [entry(start - timedelta(hours=12 * n)) for n in range(1000)]
    dropped = {e.path for e in to_delete(entries)}
    kept = sorted((e for e in entries if e.path not in dropped), key=lambda e: e.created,
                  reverse=True)
    expected = ([(2026, 11, d) for d in range(27, 19, -1)]             # newest + 7 days
                + [(2026, 11, 15), (2026, 11, 8), (2026, 11, 1), (2026, 10, 25)]  # 4 ISO weeks
                + [(2026, 9, 30), (2026, 8, 31), (2026, 7, 31), (2026, 6, 30), (2026, 5, 31),
                   (2026, 4, 30), (2026, 3, 31), (2026, 2, 28), (2026, 1, 31), (2025, 12, 31),
                   (2025, 11, 30), (2025, 10, 31)])                      # 12 months
    assert [(e.created.year, e.created.month, e.created.day) for e in kept] == expected
    assert all(e.created.hour == 12 for e in kept)  # the newest of each day
    assert to_delete([]) == [] and to_delete(entries[:1]) == []


def test_thinning_deletes_files_but_spares_manual_backups(workspace):
    folder = workspace.paths.backups
    start = datetime(2026, 11, 27, 12, tzinfo=timezone.utc)
    for n in range(40):
        stamp = start - timedelta(days=n)
        (folder / f"srdi-backup-{stamp:%Y%m%dT%H%M%S%f}Z-daily.zip").write_bytes(b"x")
    manual = folder / f"srdi-backup-{start - timedelta(days=300):%Y%m%dT%H%M%S%f}Z-manual.zip"
    manual.write_bytes(b"x")
    deleted = workspace.backups.thin()
    remaining = workspace.backups.list()
    assert manual.exists() and deleted
    automatic = [e for e in remaining if e.reason == "daily"]
    # newest + 7 days + 4 weeks + the months still left among 40 days
    assert len(automatic) == len(remaining) - 1 < 40
    assert automatic[0].created == start


def test_the_daily_backup_is_made_once_per_utc_day(workspace):
    clock = {"now": datetime(2026, 11, 27, 8, tzinfo=timezone.utc)}
    service = BackupService(workspace.context, now=lambda: clock["now"])
    first = service.daily_backup()
    assert first is not None and parse_name(first.name)[1] == "daily"
    clock["now"] += timedelta(hours=10)
    assert service.daily_backup() is None
    clock["now"] += timedelta(hours=7)   # the next UTC day
    assert service.daily_backup() is not None
    assert len(service.list()) == 2


def messages(error) -> list[str]:
    return [m.code for m in error.value.messages]


def rewrite(source: Path, target: Path, change) -> Path:
    """A copy of a backup zip with members changed by `change(name, data) -> (name, data)`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            name2, data = change(name, old.read(name))
            new.writestr(name2, data)
    return target


def test_verify_refuses_unsafe_names_wrong_hashes_and_other_files(workspace, attached, tmp_path):
    good = workspace.backups.backup()
    assert workspace.backups.verify(good)["format"] == "srdi-backup"
    evil = rewrite(good, tmp_path / "evil.zip", lambda n, d: (
        "../" + n if n.startswith("attachments/") else n, d))
    with pytest.raises(DomainError) as error:
        workspace.backups.verify(evil)
    assert messages(error) == ["backup.unsafe_name"]
    damaged = rewrite(good, tmp_path / "damaged.zip", lambda n, d: (
        n, d + b"!" if n.startswith("attachments/") else d))
    with pytest.raises(DomainError) as error:
        workspace.backups.verify(damaged)
    assert messages(error) == ["backup.hash_mismatch"]
    assert "attachments/" in str(error.value.messages[0].params["name"])
    not_zip = tmp_path / "not.zip"
    not_zip.write_bytes(b"hello")
    with pytest.raises(DomainError) as error:
        workspace.backups.verify(not_zip)
    assert messages(error) == ["backup.not_a_backup"]
    no_manifest = rewrite(good, tmp_path / "plain.zip", lambda n, d: (
        "other.json" if n == "manifest.json" else n, d))
    with pytest.raises(DomainError) as error:
        workspace.backups.verify(no_manifest)
    assert "backup.bad_manifest" in messages(error)


def test_verify_refuses_a_damaged_database(workspace, tmp_path):
    good = workspace.backups.backup()

    def change(name, data):
        if name == "srdi.db":
            data = b"garbage" * 1000
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["files"]["srdi.db"]["sha256"] = sha(b"garbage" * 1000)
            data = json.dumps(manifest).encode()
        return name, data

    with pytest.raises(DomainError) as error:
        workspace.backups.verify(rewrite(good, tmp_path / "bad-db.zip", change))
    assert messages(error) == ["backup.database_damaged"]


def test_restore_brings_back_deleted_data_and_backs_up_first(workspace, firm, attached, tmp_path):
    saved = workspace.backups.backup(tmp_path / "saved.zip")
    before = snapshot(workspace)
    workspace.firms.delete(firm.id)
    stored = workspace.evidence.file_path(attached)
    stored.unlink()
    assert workspace.firms.count(include_archived=True) == 0
    safety = workspace.backups.restore(saved)
    assert parse_name(safety.name)[1] == "before-restore"
    assert workspace.backups.inspect(safety).firm_count == 0   # the data before the restore
    assert snapshot(workspace)["firm"] == before["firm"]
    assert workspace.firms.get(firm.id).name == firm.name        # the workspace still works
    assert stored.read_bytes() == b"%PDF-1.4 certificate"
    workspace.firms.create_from({"uscc": make_uscc(org="MA1AFTERR"), "name": "恢复后新增",
                                 "region_code": "320583", "industry_code": "C4021"})
    assert workspace.firms.count() == 2


def test_a_refused_backup_changes_nothing(workspace, firm, tmp_path):
    before = snapshot(workspace)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK nothing")
    with pytest.raises(DomainError):
        workspace.backups.restore(bad)
    assert snapshot(workspace) == before and workspace.backups.list() == []


def test_inspect_lists_firms_read_only(workspace, firm, tmp_path):
    path = workspace.backups.backup(tmp_path / "look.zip")
    workspace.firms.delete(firm.id)
    before = snapshot(workspace)
    summary = workspace.backups.inspect(path)
    assert summary.firm_count == 1 and summary.firm_names == (firm.name,)
    assert summary.schema_version == workspace.schema_version() and summary.reason == "manual"
    assert snapshot(workspace) == before
