"""The doctor over a real workspace: a healthy demo reports ok; a deleted, a modified and an
extra file are reported by name; the repair moves orphans to the trash; a broken rulebook is
reported; a firm's files export as a readable folder tree."""
import shutil

import pytest

from desktop.db import integrity as checks
from desktop.paths import resources_dir
from desktop.services.demo import load_demo
from desktop.services.evidence_export import export_firm_files

DEMO_USCC = "91320505246682363J"


@pytest.fixture
def demo(workspace):
    load_demo(workspace)
    return workspace


def codes(messages):
    return [message.code for message in messages]


def a_stored_path(workspace):
    return min(checks.referenced_files())


def test_the_demo_is_healthy(demo):
    report = demo.integrity.check()
    assert report.healthy and not report.repairable
    assert codes(report.ok) == ["doctor.db_ok", "doctor.fk_ok", "doctor.files_ok", "doctor.rules_ok"]
    assert report.ok[2].params["count"] == len(checks.referenced_files()) > 0


def test_a_deleted_file_is_missing(demo):
    stored_path = a_stored_path(demo)
    demo.evidence.store.path_of(stored_path).unlink()
    report = demo.integrity.check()
    assert not report.healthy
    assert [(m.code, m.params["path"]) for m in report.problems] == [
        ("doctor.file_missing_lost", stored_path)]
    assert not report.repairable   # no backup yet


def test_a_modified_file_is_corrupted(demo):
    stored_path = a_stored_path(demo)
    demo.evidence.store.path_of(stored_path).write_bytes(b"not what was stored")
    report = demo.integrity.check()
    assert [(m.code, m.params["path"]) for m in report.problems] == [
        ("doctor.file_corrupted_lost", stored_path)]
    assert not report.repairable   # no safe repair: the original must come from a backup


def test_an_extra_file_is_an_orphan_and_the_repair_moves_it_to_the_trash(demo, tmp_path):
    extra = tmp_path / "extra.pdf"
    extra.write_bytes(b"nobody uses me")
    stored = demo.evidence.store.put(extra)
    report = demo.integrity.check()
    assert codes(report.problems) == ["doctor.file_orphaned"]
    assert report.orphaned == (stored.stored_path,) and report.repairable
    done = demo.integrity.repair(report)
    assert codes(done) == ["doctor.orphan_trashed"]
    assert not demo.evidence.store.path_of(stored.stored_path).exists()
    assert demo.evidence.store.trashed() == [stored.stored_path]   # kept, not deleted
    assert demo.integrity.check().healthy


def test_a_detached_file_stays_until_the_doctor_trashes_it(workspace, firm, tmp_path):
    source = tmp_path / "cert.pdf"
    source.write_bytes(b"only here")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, {
        "kind": "award", "title": "省科技进步奖", "granted_date": "2024-05-01"}), (source,))
    attachment = item.attachments[0]
    workspace.evidence.detach(attachment.id)
    assert workspace.evidence.file_path(attachment).exists()     # undo still has it
    report = workspace.integrity.check()
    assert report.orphaned == (attachment.stored_path,)
    workspace.integrity.repair(report)
    assert workspace.evidence.store.trashed() == [attachment.stored_path]


def test_a_broken_rulebook_is_reported(demo, tmp_path):
    criteria = tmp_path / "criteria"
    shutil.copytree(resources_dir() / "criteria", criteria)
    (criteria / "2026.toml").write_text("[rulebook\nid = ", encoding="utf-8")
    demo.qualification.criteria_dir = criteria
    report = demo.integrity.check()
    assert codes(report.problems)[0] == "doctor.rules_broken"
    assert "rulebook.invalid" in codes(report.problems)
    assert "2026.toml" in str(report.problems[1].params)


def test_a_broken_reference_is_reported(demo):
    handle = demo.context.database.handle
    handle.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        handle.execute_sql("UPDATE attachment SET evidence_id = 999999 WHERE id = "
                           "(SELECT MIN(id) FROM attachment)")
    finally:
        handle.execute_sql("PRAGMA foreign_keys = ON")
    report = demo.integrity.check()
    broken = [m for m in report.problems if m.code == "doctor.fk_broken"]
    assert broken and broken[0].params["table"] == "attachment"


def test_a_firms_files_export_as_a_readable_tree(demo, tmp_path):
    firm = demo.firms.get_by_uscc(DEMO_USCC)
    target = tmp_path / "out"
    written = export_firm_files(demo, firm.id, target, "zh_CN")
    count = sum(len(item.attachments) for item in demo.evidence.items(firm.id))
    assert len(written) == count > 0
    assert {p.relative_to(target).parts[0] for p in written} == {firm.name}
    assert any(p.parent.name == "发明专利" for p in written)
    assert all(p.name[:4].isdigit() and p.name[4] == "-" for p in written
               if p.parent.name == "发明专利")
    assert len({p for p in written}) == len(written)
    english = export_firm_files(demo, firm.id, tmp_path / "en", "en")
    assert any(p.parent.name == "invention patent" for p in english)
