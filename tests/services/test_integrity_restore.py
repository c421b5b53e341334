"""The doctor's file repair: a missing or corrupted attachment file comes back from the newest
backup holding a copy with the recorded SHA-256 (a damaged copy is passed over for an older good
one; a corrupted file goes to the trash first); a file no backup holds is named plainly and
nothing is touched."""
import hashlib
import zipfile
from datetime import datetime, timedelta, timezone

import pytest

from desktop.domain.messages import render
from tests.services.test_evidence import PATENT

CONTENT = b"%PDF-1.4 the patent certificate"


@pytest.fixture
def attached(workspace, firm, tmp_path):
    certificate = tmp_path / "专利证书.pdf"
    certificate.write_bytes(CONTENT)
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (certificate,))
    return item.attachments[0]


def backup_at(workspace, minutes: int):
    """A backup stamped `minutes` after a fixed moment (so "newest" is certain)."""
    moment = datetime(2026, 11, 27, 8, 0, tzinfo=timezone.utc) + timedelta(minutes=minutes)
    workspace.backups.now = lambda: moment
    return workspace.backups.backup()


def damage_member(backup, member: str) -> None:
    """Rewrite the zip with `member` altered (same size; the manifest still claims the old
    hash), as a bad disk sector or a tampered copy would leave it."""
    with zipfile.ZipFile(backup) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(backup, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == member:
                data = bytes(reversed(data))
            archive.writestr(info, data)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_deleted_file_comes_back_from_a_backup(workspace, attached):
    backup = backup_at(workspace, 0)
    stored = workspace.evidence.store.path_of(attached.stored_path)
    stored.unlink()
    report = workspace.integrity.check()
    assert [m.code for m in report.problems] == ["doctor.file_missing_restorable"]
    problem = report.problems[0]
    assert problem.params["source"] == str(backup) and report.repairable
    assert {"专利证书.pdf", "苏州精测传感科技有限公司"} <= set(problem.params.values())
    done = workspace.integrity.repair(report)
    assert [m.code for m in done] == ["doctor.file_restored"]
    assert sha(stored) == attached.sha256
    assert str(backup) in render(done[0])
    assert workspace.integrity.check().healthy
    assert not [p for p in stored.parent.iterdir() if p.name.startswith(".incoming-")]


def test_a_damaged_copy_is_passed_over_for_an_older_good_one(workspace, attached):
    older = backup_at(workspace, 0)
    newer = backup_at(workspace, 60)
    damage_member(newer, "attachments/" + attached.stored_path)
    stored = workspace.evidence.store.path_of(attached.stored_path)
    stored.unlink()
    report = workspace.integrity.check()
    assert report.lost[0].source == str(older)
    seen = []
    done = workspace.integrity.repair(report, lambda step, total: seen.append((step, total)) or True)
    assert [m.code for m in done] == ["doctor.file_restored"]
    assert done[0].params["source"] == str(older)
    assert stored.read_bytes() == CONTENT
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)


def test_a_corrupted_file_goes_to_the_trash_and_a_good_copy_replaces_it(workspace, attached):
    backup_at(workspace, 0)
    store = workspace.evidence.store
    stored = store.path_of(attached.stored_path)
    stored.write_bytes(b"scribbled over")
    report = workspace.integrity.check()
    assert [m.code for m in report.problems] == ["doctor.file_corrupted_restorable"]
    done = workspace.integrity.repair(report)
    assert [m.code for m in done] == ["doctor.file_replaced"]
    assert stored.read_bytes() == CONTENT
    assert (store.trash_root / attached.stored_path).read_bytes() == b"scribbled over"
    assert workspace.integrity.check().healthy


def test_a_file_no_backup_holds_is_named_and_nothing_is_touched(workspace, attached, tmp_path):
    backup = backup_at(workspace, 0)
    damage_member(backup, "attachments/" + attached.stored_path)
    before = backup.read_bytes()
    store = workspace.evidence.store
    stored = store.path_of(attached.stored_path)
    stored.write_bytes(b"scribbled over")
    report = workspace.integrity.check()
    assert [m.code for m in report.problems] == ["doctor.file_corrupted_lost"]
    assert not report.repairable
    done = workspace.integrity.repair(report)
    assert [m.code for m in done] == ["doctor.file_not_restored"]
    text = render(done[0])
    assert "专利证书.pdf" in text and "苏州精测传感科技有限公司" in text
    assert "no backup holds" in text
    assert stored.read_bytes() == b"scribbled over"       # left as it was
    assert store.trashed() == []
    assert backup.read_bytes() == before


def test_a_file_the_doctor_trashed_comes_back_from_the_trash(workspace, attached):
    # Detach, let the doctor tidy the orphan away, then undo the detach: the row is back, the
    # file is in the trash. No backup is needed.
    workspace.evidence.detach(attached.id)
    workspace.integrity.repair(workspace.integrity.check())
    workspace.evidence.reattach(attached)
    report = workspace.integrity.check()
    assert [m.code for m in report.problems] == ["doctor.file_missing_restorable"]
    workspace.integrity.repair(report)
    assert workspace.evidence.store.path_of(attached.stored_path).read_bytes() == CONTENT
