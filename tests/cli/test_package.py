"""`srdi package export` and `srdi package import`: the preview table, dry runs, conflicts that
need --conflicts, JSON, refusals and exit codes."""
from __future__ import annotations

import json

import pytest

from desktop.__main__ import main
from tests.services.package_sides import USCC, clock, firm_side, office  # noqa: F401 (fixtures)


def run(capsys, side, *argv, lang="en"):
    code = main(["--data-dir", str(side.paths.data_dir), "--lang", lang, *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def firms(capsys, side):
    return [f["uscc"] for f in json.loads(run(capsys, side, "firms", "list", "--json")[1])]


def test_export_preview_and_import(capsys, firm_side, office, tmp_path):
    package = tmp_path / "firm.srdipkg"
    code, out, _ = run(capsys, firm_side, "package", "export", USCC, "-o", package)
    assert code == 0 and str(package) in out and "1 files" in out and package.exists()

    code, out, _ = run(capsys, office, "package", "import", package, "--dry-run")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("evidence package of 苏州精测传感科技有限公司")
    assert any(line.split() == ["new", "Fiscal", "year", "2025"] for line in lines)
    assert "    Operating revenue (10k CNY): 9500.5" in lines
    assert "dry run: nothing was written" in out
    assert firms(capsys, office) == []

    code, out, _ = run(capsys, office, "package", "import", package)
    assert code == 0 and "1 files added" in out and "before-package" in out
    assert firms(capsys, office) == [USCC]
    code, out, _ = run(capsys, office, "package", "import", package)
    assert code == 0 and "holds nothing this database does not have already" in out


def test_conflicts_need_a_choice(capsys, firm_side, office, tmp_path):
    first = tmp_path / "p1.srdipkg"
    run(capsys, firm_side, "package", "export", USCC, "-o", first)
    with office.open() as workspace:   # imported, then corrected by the official
        workspace.packages.apply(first)
        firm = workspace.firms.get_by_uscc(USCC)
        workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "9400",
                                                     "rd_expense": "600", "employee_count": 120})
    with firm_side.open() as workspace:
        workspace.financials.set_year_from(firm_side.ids["firm"], {
            "year": 2025, "operating_revenue": "9600", "rd_expense": "600",
            "employee_count": 120})
    second = tmp_path / "p2.srdipkg"
    run(capsys, firm_side, "package", "export", USCC, "-o", second)

    code, out, err = run(capsys, office, "package", "import", second)
    assert code == 1
    assert "conflict" in out and "mine: 9400 (by 王科长" in out and "theirs: 9600" in out
    assert "1 conflicts with edits made here: nothing was written" in err

    code, out, _ = run(capsys, office, "package", "import", second, "--json", "--dry-run")
    preview = json.loads(out)
    assert code == 0 and preview["summary"]["conflicting"] == 1 and not preview["committed"]
    [conflict] = [f for r in preview["records"] for f in r["fields"] if f["conflicting"]]
    assert conflict["key"] == "fiscal_year/2025/operating_revenue"
    assert (conflict["mine"], conflict["theirs"], conflict["edited_by"]) == ("9400", "9600", "王科长")

    code, out, _ = run(capsys, office, "package", "import", second, "--conflicts", "take")
    assert code == 0 and "1 conflicts taken from the package" in out
    code, out, _ = run(capsys, office, "firms", "show", USCC, "--json")
    years = {y["year"]: y for y in json.loads(out)["fiscal_years"]}
    assert years[2025]["operating_revenue"] == "9600"


def test_a_refused_package_exits_1_naming_the_file(capsys, office, tmp_path):
    letter = tmp_path / "letter.srdipkg"
    letter.write_text("not a package")
    code, _, err = run(capsys, office, "package", "import", letter)
    assert code == 1 and str(letter) in err and "not an SRDI Desk package" in err
    code, _, err = run(capsys, office, "package", "import", letter, lang="zh_CN")
    assert code == 1 and "不是申报台材料包" in err


def test_the_review_package_in_chinese(capsys, firm_side, office, tmp_path):
    package = tmp_path / "firm.srdipkg"
    run(capsys, firm_side, "package", "export", USCC, "-o", package)
    run(capsys, office, "package", "import", package)
    review = tmp_path / "review.srdipkg"
    code, out, _ = run(capsys, office, "package", "export", USCC, "-o", review, "--review",
                       lang="zh_CN")
    assert code == 0 and "审核结果包" in out
    code, out, _ = run(capsys, firm_side, "package", "import", review, "--dry-run",
                       lang="zh_CN")
    assert code == 0 and "未变" in out and "试运行" in out


def test_usage_errors_exit_2(capsys, office):
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(office.paths.data_dir), "package", "import", "x",
              "--conflicts", "maybe"])
    assert exit_.value.code == 2
