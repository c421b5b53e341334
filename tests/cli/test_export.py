"""`srdi export application|batch`: exit codes, messages, the workbook's language."""
import pytest
from openpyxl import load_workbook

from desktop.__main__ import main

JIANGSU = "2026年江苏省专精特新中小企业"
DEMO_USCC = "91320505246682363J"


@pytest.fixture
def db(paths, capsys):
    main(["--db", str(paths.database), "demo"])
    capsys.readouterr()
    return str(paths.database)


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def demo_application_id(db) -> int:
    from desktop.paths import AppPaths
    from desktop.services.workspace import Workspace

    with Workspace.open(AppPaths.resolve(db=db)) as workspace:
        firm = workspace.firms.get_by_uscc(DEMO_USCC)
        return workspace.applications.for_firm(firm.id)[0].id


def test_export_application_in_chinese_by_default_and_english_when_asked(capsys, db, out):
    application_id = demo_application_id(db)
    target = out / "form.xlsx"
    code, stdout, err = run(capsys, "--db", db, "--lang", "en", "export", "application",
                            str(application_id), "-o", str(target))
    assert code == 0 and err == "" and str(target) in stdout
    assert load_workbook(target).sheetnames == ["封面", "申请书"]
    target_en = out / "form_en.xlsx"
    code, _, _ = run(capsys, "--db", db, "export", "application", str(application_id),
                     "-o", str(target_en), "--lang", "en")
    assert code == 0 and load_workbook(target_en).sheetnames == ["Cover", "Application"]


def test_export_batch(capsys, db, out):
    target = out / "summary.xlsx"
    code, stdout, _ = run(capsys, "--db", db, "--lang", "en", "export", "batch", JIANGSU,
                          "-o", str(target))
    assert code == 0 and "wrote the summary of 6 applications" in stdout
    assert load_workbook(target).sheetnames == ["汇总", "专精特新中小企业"]


def test_unknown_application_exits_1_with_a_message_and_writes_nothing(capsys, db, out):
    code, stdout, err = run(capsys, "--db", db, "--lang", "en", "export", "application", "999",
                            "-o", str(out / "x.xlsx"))
    assert code == 1 and stdout == "" and err.strip() == "no application with id 999"
    assert list(out.iterdir()) == []


def test_unknown_batches_are_each_named(capsys, db, out):
    code, _, err = run(capsys, "--db", db, "--lang", "zh_CN", "export", "batch", "甲", JIANGSU,
                       "乙", "-o", str(out / "x.xlsx"))
    assert code == 1 and err.splitlines() == ["批次：找不到名为“甲”的批次", "批次：找不到名为“乙”的批次"]
    assert list(out.iterdir()) == []


def test_an_unwritable_target_exits_1(capsys, db, out):
    code, _, err = run(capsys, "--db", db, "--lang", "en", "export", "batch", JIANGSU,
                       "-o", str(out / "missing" / "x.xlsx"))
    assert code == 1 and "cannot write" in err


@pytest.mark.parametrize("argv", [
    ["export"],
    ["export", "application", "3"],                       # -o is required
    ["export", "application", "abc", "-o", "x.xlsx"],     # the id is a number
    ["export", "batch", "-o", "x.xlsx"],                  # a name is required
    ["export", "application", "3", "-o", "x.xlsx", "--lang", "fr"],
])
def test_usage_errors_exit_2(capsys, paths, argv):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(paths.database), *argv])
    assert exit_.value.code == 2
