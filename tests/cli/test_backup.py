"""`srdi backup`, `srdi backups`, `srdi restore`: exit codes and messages."""
import json

import pytest

from desktop.__main__ import main
from tests.conftest import make_uscc


@pytest.fixture
def data(paths):
    return ["--data-dir", str(paths.data_dir), "--lang", "en"]


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def add_firm(capsys, data, org="MA1MABCDE"):
    code, _, _ = run(capsys, *data, "firms", "add", "--uscc", make_uscc(org=org), "--name",
                     "苏州精测传感科技有限公司", "--region", "320583", "--industry", "C4021")
    assert code == 0


def test_backup_list_inspect_and_restore(capsys, data, paths, tmp_path):
    add_firm(capsys, data)
    target = tmp_path / "mine.zip"
    code, out, _ = run(capsys, *data, "backup", "-o", str(target))
    assert code == 0 and target.exists() and str(target) in out
    code, out, _ = run(capsys, *data, "backup")
    assert code == 0 and "Backup written" in out
    code, out, _ = run(capsys, *data, "backups", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 1 and listed[0]["reason"] == "manual"
    code, out, _ = run(capsys, *data, "restore", "--inspect", str(target))
    assert code == 0 and "1 firms" in out and "苏州精测传感科技有限公司" in out
    add_firm(capsys, data, org="MA1MABCDF")
    code, out, err = run(capsys, *data, "restore", str(target))
    assert code == 0 and "before-restore" in out, err
    code, out, _ = run(capsys, *data, "firms", "list", "--json")
    assert len(json.loads(out)) == 1


def test_a_bad_file_is_refused_with_exit_1(capsys, data, tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_text("not a zip")
    code, _, err = run(capsys, *data, "restore", str(bad))
    assert code == 1 and "not an SRDI Desk backup" in err
    code, _, err = run(capsys, *data, "--lang", "zh_CN", "restore", str(bad))
    assert code == 1 and "不是 SRDI Desk 备份文件" in err


def test_usage_errors_exit_2(capsys, data):
    with pytest.raises(SystemExit) as exit_:
        main([*data, "restore"])
    assert exit_.value.code == 2


def test_an_import_is_preceded_by_a_backup(capsys, data, paths, tmp_path):
    code, _, _ = run(capsys, *data, "import", str(tmp_path / "missing.xlsx"))
    assert code == 1
    assert [p.name for p in paths.backups.glob("*-before-import.zip")]
    before = len(list(paths.backups.glob("*.zip")))
    run(capsys, *data, "import", "--dry-run", str(tmp_path / "missing.xlsx"))
    assert len(list(paths.backups.glob("*.zip"))) == before
