"""The command line: exit codes, messages naming fields, JSON a script can read."""
import json
import subprocess
import sys

import pytest

from desktop import __version__
from desktop.__main__ import main
from tests.conftest import make_uscc


@pytest.fixture
def db(paths):
    return str(paths.database)


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version(capsys):
    code, out, _ = run(capsys, "version")
    assert code == 0 and out.strip() == f"SRDI Desk {__version__}"


def test_add_then_list_as_json(capsys, db):
    uscc = make_uscc()
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "firms", "add", "--uscc", uscc,
                       "--name", "苏州精测传感科技有限公司", "--region", "320583",
                       "--industry", "C4021", "--set", "own_brand=yes")
    assert code == 0 and uscc in out
    code, out, _ = run(capsys, "--db", db, "firms", "list", "--json")
    assert code == 0
    assert json.loads(out) == [{"uscc": uscc, "name": "苏州精测传感科技有限公司",
                                "region_code": "320583", "industry_code": "C4021",
                                "archived": False, "last_year": None, "last_revenue": None,
                                "open_applications": 0}]


def test_a_refused_firm_names_each_field_exits_1_and_changes_nothing(capsys, db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({
        "profile": {"uscc": "91320583MA1MABCDEB", "name": "坏数据有限公司"},
        "fiscal_years": [{"year": 2025, "operating_revenue": "-100", "employee_count": 10,
                          "rd_staff_count": 20}]}, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "--lang", "en", "firms", "add", "--json-file", str(bad))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines == [
        "Unified social credit code: check character is wrong: expected A",
        "Fiscal years · 2025 · Operating revenue (10k CNY): must not be negative (-100)",
        "Fiscal years · 2025 · R&D staff: 20 must not exceed Employees (10)",
    ]
    code, out, _ = run(capsys, "--db", db, "firms", "list", "--json")
    assert json.loads(out) == []


def test_messages_in_chinese(capsys, db):
    code, _, err = run(capsys, "--db", db, "--lang", "zh_CN", "firms", "add",
                       "--uscc", "91320583MA1MABCDEB", "--name", "甲")
    assert code == 1 and err.strip() == "统一社会信用代码：校验码错误：应为 A"


def test_show_unknown_firm_exits_1(capsys, db):
    code, _, err = run(capsys, "--db", db, "--lang", "en", "firms", "show", make_uscc())
    assert code == 1 and "no firm with the code" in err


def test_show_as_json_has_every_part(capsys, db, tmp_path):
    uscc = make_uscc()
    source = tmp_path / "firm.json"
    (tmp_path / "cert.pdf").write_bytes(b"%PDF-1.4")
    source.write_text(json.dumps({
        "profile": {"uscc": uscc, "name": "甲公司"},
        "fiscal_years": [{"year": 2024, "operating_revenue": "1500.5"}],
        "evidence": [{"kind": "invention_patent", "title": "一种装置", "files": ["cert.pdf"]}]},
        ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "--db", db, "firms", "add", "--json-file", str(source))[0] == 0
    code, out, _ = run(capsys, "--db", db, "firms", "show", uscc, "--json")
    data = json.loads(out)
    assert code == 0 and data["profile"]["uscc"] == uscc
    assert data["fiscal_years"][0]["operating_revenue"] == "1500.5"  # exact, never a float
    assert data["evidence"][0]["attachments"][0]["original_name"] == "cert.pdf"


def test_archive_hides_and_undo_restores(capsys, db):
    uscc = make_uscc()
    run(capsys, "--db", db, "firms", "add", "--uscc", uscc, "--name", "甲公司")
    assert run(capsys, "--db", db, "firms", "archive", uscc)[0] == 0
    assert json.loads(run(capsys, "--db", db, "firms", "list", "--json")[1]) == []
    assert run(capsys, "--db", db, "firms", "archive", uscc, "--undo")[0] == 0
    assert len(json.loads(run(capsys, "--db", db, "firms", "list", "--json")[1])) == 1


@pytest.mark.parametrize("argv", [["firms"], ["firms", "frobnicate"], ["--lang", "fr", "version"],
                                  ["nonsense"]])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


def test_a_broken_json_file_is_refused(capsys, db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "firms", "add", "--json-file", str(broken))
    assert code == 1 and "is not valid JSON" in err


def test_a_database_from_a_newer_version_is_refused_with_a_message(capsys, paths):
    import sqlite3

    from desktop.db.migrations import LATEST_VERSION

    with sqlite3.connect(paths.database) as raw:
        raw.execute("UPDATE schema_version SET version = ?", (LATEST_VERSION + 5,))
    code, _, err = run(capsys, "--db", str(paths.database), "--lang", "en", "firms", "list")
    assert code == 1 and "newer than this version of SRDI Desk supports" in err


def test_the_installed_entry_point_runs_as_a_process(tmp_path):
    """`python -m desktop` in a fresh process: the exit code a shell script sees."""
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(tmp_path / "x.db"),
                             "--lang", "en", "firms", "add", "--uscc", "123", "--name", "甲"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Unified social credit code: must have 18 characters, not 3" in result.stderr


def test_demo_then_list_prints_the_demo_firms(capsys, db):
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "demo")
    assert code == 0 and out.startswith("loaded ")
    code, out, _ = run(capsys, "--db", db, "firms", "list", "--json")
    firms = json.loads(out)
    assert code == 0 and len(firms) >= 30
    assert all(set(f) >= {"uscc", "name", "region_code", "industry_code"} for f in firms)
    code, out, _ = run(capsys, "--db", db, "--lang", "zh_CN", "demo")
    assert code == 0 and "演示数据已载入" in out


def test_check_prints_every_tier_as_json_for_a_script(capsys, db):
    run(capsys, "--db", db, "demo")
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "check", "91320505246682363J", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["firm"] == {"uscc": "91320505246682363J", "name": "苏州精测传感科技有限公司"}
    assert data["year"] == 2026 and data["rulebook"] == "2026" and data["size_class"] == "small"
    assert [t["tier"] for t in data["tiers"]] == [1, 2, 3]
    tier2 = data["tiers"][1]
    assert tier2["verdict"] == "fail" and tier2["score"] is None
    s3 = next(c for c in tier2["criteria"] if c["id"] == "S3.rd_amount")
    assert set(s3) >= {"id", "group", "title", "outcome", "value", "threshold", "detail", "gap",
                       "evidence"}
    assert s3["outcome"] == "fail" and s3["gap"] == "R&D expense (10k CNY) of 2024 needs +5"
    assert data["tiers"][0]["score"] == "95"


def test_check_text_in_chinese_and_refused_options(capsys, db):
    run(capsys, "--db", db, "demo")
    code, out, _ = run(capsys, "--db", db, "--lang", "zh_CN", "check", "91320505246682363J",
                       "--tier", "2")
    assert code == 0 and "专精特新中小企业" in out and "未通过" in out
    assert "2024 年研发费用（万元）还需增加 5" in out
    code, _, err = run(capsys, "--db", db, "--lang", "en", "check", "91320505246682363J",
                       "--tier", "4", "--kind", "renewal")
    assert code == 1 and "Tier:" in err and "Kind:" in err
    code, _, err = run(capsys, "--db", db, "--lang", "en", "check", "91320505246682363J",
                       "--rulebook", "1999")
    assert code == 1 and "no rulebook '1999'" in err
    code, _, _ = run(capsys, "--db", db, "check", make_uscc())
    assert code == 1
