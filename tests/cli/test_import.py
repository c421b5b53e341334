"""`srdi import`: counts, exit codes, dry runs, mappings and the report."""
import json

import pytest
from openpyxl import load_workbook

from desktop.__main__ import main
from tests.conftest import make_uscc
from tests.excel.test_reader import make_workbook

U1, U2 = make_uscc(org="MA1MABCDL"), make_uscc(org="MA1MABCDM")


@pytest.fixture
def db(paths):
    return str(paths.database)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def firms(capsys, db):
    return [f["uscc"] for f in json.loads(run(capsys, "--db", db, "firms", "list", "--json")[1])]


@pytest.fixture
def mixed(tmp_path):
    return make_workbook(tmp_path / "firms.xlsx", {"名单": [
        ["企业名称", "统一社会信用代码", "2024年营业收入（元）"],
        ["好公司", U1, 1000000],
        ["坏公司", U2, "abc"],
    ]})


def test_a_clean_import_prints_counts_and_exits_0(capsys, db, tmp_path):
    path = make_workbook(tmp_path / "ok.xlsx", {"S": [
        ["企业名称", "统一社会信用代码"], ["好公司", U1], ["又一家", U2]]})
    code, out, _ = run(capsys, "--db", db, "import", path, "--json")
    assert code == 0
    assert json.loads(out) == {"committed": True, "dry_run": False, "created": 2, "updated": 0,
                               "unchanged": 0, "refused": 0, "refused_rows": []}
    assert sorted(firms(capsys, db)) == sorted([U1, U2])


def test_a_refused_row_exits_1_writes_nothing_and_names_the_cell(capsys, db, mixed):
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "import", mixed, "--json")
    assert code == 1
    data = json.loads(out)
    assert (data["committed"], data["created"], data["refused"]) == (False, 1, 1)
    assert data["refused_rows"] == [{"sheet": "名单", "row": 3, "messages": [{
        "column": "C", "value": "abc", "field": "operating_revenue", "code": "value.not_a_number",
        "text": "Operating revenue (10k CNY): 'abc' is not a number"}]}]
    assert firms(capsys, db) == []


def test_skip_invalid_imports_the_valid_rows_and_still_exits_1(capsys, db, mixed):
    code, out, err = run(capsys, "--db", db, "--lang", "zh_CN", "import", mixed, "--skip-invalid")
    assert code == 1
    assert "名单 第 3 行 C 列 [abc]：营业收入（万元）：“abc”不是数字" in err
    assert "新增 1 行" in out and "拒绝 1 行" in out
    assert firms(capsys, db) == [U1]


def test_a_dry_run_writes_nothing(capsys, db, mixed):
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "import", mixed, "--dry-run",
                       "--skip-invalid")
    assert code == 1 and "dry run: nothing was written" in out
    assert "名单!C 2024年营业收入（元） → operating_revenue:2024 (元)" in out
    code, out, _ = run(capsys, "--db", db, "import", mixed, "--dry-run", "--json")
    columns = json.loads(out)["sheets"][0]["columns"]
    assert columns[2] == {"column": "C", "header": "2024年营业收入（元）",
                          "field": "operating_revenue", "year": 2024, "unit": "元"}
    assert firms(capsys, db) == []


def test_a_mapping_file_assigns_columns(capsys, db, tmp_path):
    path = make_workbook(tmp_path / "odd.xlsx", {"S": [["名字", "代码"], ["好公司", U1]]})
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"A": "name", "代码": "uscc"}, ensure_ascii=False), "utf-8")
    code, out, _ = run(capsys, "--db", db, "import", path, "--mapping", mapping, "--json")
    assert code == 0 and json.loads(out)["created"] == 1
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", "utf-8")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "import", path, "--mapping", bad)
    assert code == 1 and "not a mapping" in err


def test_the_report_is_saved_as_a_workbook(capsys, db, mixed, tmp_path):
    report = tmp_path / "report.xlsx"
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "import", mixed, "--report", report)
    assert code == 1 and str(report) in out
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert rows[0] == ("Sheet", "Row", "Column", "Value", "Message", "Code")
    assert rows[1][:4] == ("名单", 3, "C", "abc")


def test_a_file_that_is_no_workbook_is_refused(capsys, db, tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", "utf-8")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "import", fake)
    assert code == 1 and "fake.xlsx is not an Excel workbook" in err
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "import", fake, "--json")
    assert code == 1 and json.loads(out)["errors"][0]["code"] == "import.not_a_workbook"


def test_usage_errors_exit_2(capsys, db):
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "import"])
    assert caught.value.code == 2
