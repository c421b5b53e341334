"""`srdi doctor` (exit codes, --repair, --json) and `srdi files export`."""
import json

import pytest

from desktop.__main__ import main

DEMO_USCC = "91320505246682363J"


@pytest.fixture
def db(paths, capsys):
    main(["--data-dir", str(paths.data_dir), "demo"])
    capsys.readouterr()
    return str(paths.data_dir)


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def add_orphan(paths) -> str:
    folder = paths.attachments / "ab"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ab-orphan.pdf").write_bytes(b"orphan")
    return "ab/ab-orphan.pdf"


def test_a_healthy_database_exits_0(capsys, db):
    code, out, err = run(capsys, "--data-dir", db, "--lang", "en", "doctor")
    assert code == 0 and err == ""
    assert "no damage found" in out and "everything is in order" in out


def test_an_orphan_fails_until_repaired_and_json_names_it(capsys, db, paths):
    orphan = add_orphan(paths)
    code, out, _ = run(capsys, "--data-dir", db, "--lang", "en", "doctor")
    assert code == 1 and f"orphaned file {orphan}" in out and "--repair" in out
    code, out, _ = run(capsys, "--data-dir", db, "doctor", "--json")
    report = json.loads(out)
    assert code == 1 and report["healthy"] is False and report["orphaned"] == [orphan]
    assert [p["code"] for p in report["problems"]] == ["doctor.file_orphaned"]
    code, out, _ = run(capsys, "--data-dir", db, "doctor", "--repair", "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"] is True
    assert [p["code"] for p in report["repaired"]] == ["doctor.orphan_trashed"]
    assert (paths.attachments / ".trash" / orphan).exists()


def test_a_missing_file_no_backup_holds_is_named_plainly(capsys, db, paths):
    stored = min(paths.attachments.rglob("*.pdf"))
    stored.unlink()
    code, out, _ = run(capsys, "--data-dir", db, "--lang", "zh_CN", "doctor", "--repair")
    assert code == 1 and "缺失" in out and "没有任何备份" in out
    assert "无法恢复" in out          # what the repair could not do, said plainly
    assert not stored.exists()


def test_a_missing_file_is_restored_from_a_backup(capsys, db, paths):
    run(capsys, "--data-dir", db, "backup")
    stored = min(paths.attachments.rglob("*.pdf"))
    content = stored.read_bytes()
    stored.unlink()
    code, out, _ = run(capsys, "--data-dir", db, "doctor", "--json")
    report = json.loads(out)
    assert code == 1 and [p["code"] for p in report["problems"]] == [
        "doctor.file_missing_restorable"]
    lost = report["lost"][0]
    assert lost["source"].endswith(".zip") and lost["name"] and lost["firm"]
    code, out, _ = run(capsys, "--data-dir", db, "--lang", "en", "doctor", "--repair")
    assert code == 0 and "restored the missing file" in out and "everything is in order" in out
    assert stored.read_bytes() == content


def test_files_export_writes_the_tree(capsys, db, tmp_path):
    target = tmp_path / "files"
    code, out, err = run(capsys, "--data-dir", db, "--lang", "en", "files", "export", DEMO_USCC,
                         "-o", str(target))
    assert code == 0 and err == "" and str(target) in out
    with_names = [p for p in target.rglob("*") if p.is_file()]
    assert with_names and all(len(p.relative_to(target).parts) == 3 for p in with_names)


def test_files_export_of_an_unknown_firm_is_refused(capsys, db, tmp_path):
    code, _, err = run(capsys, "--data-dir", db, "files", "export", "91320505MA1MABCDE0",
                       "-o", str(tmp_path / "x"))
    assert code == 1 and err
