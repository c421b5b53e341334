"""A corpus of broken workbooks: each is refused with its message, and the database is unchanged."""
import zipfile

import openpyxl
import pytest

from desktop.domain.errors import ValidationError
from desktop.excel.guard import Limits, check_workbook_file
from desktop.excel.reader import open_workbook, rows_of
from tests.conftest import make_uscc, snapshot
from tests.excel.test_reader import make_workbook

U1, U2 = make_uscc(org="MA1MABCDG"), make_uscc(org="MA1MABCDH")
HEADER = ["企业名称", "统一社会信用代码", "2024年营业收入（万元）"]

ENTITY_SHEET = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""


def replace_part(path, name, data):
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return path


def entity_expansion(path):
    make_workbook(path, {"S": [HEADER, ["甲公司", U1, 1]]})
    return replace_part(path, "xl/worksheets/sheet1.xml", ENTITY_SHEET)


def text_renamed(path):
    path.write_text("企业名称,统一社会信用代码\n甲公司," + U1 + "\n", encoding="utf-8")
    return path


def other_zip(path):  # a Word document renamed .xlsx
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


def truncated(path):
    make_workbook(path, {"S": [HEADER, ["甲公司", U1, 1]]})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def many_rows(path):
    return make_workbook(path, {"S": [HEADER] + [[f"企业{i}", U1, i] for i in range(30)]})


# (builder, expected message code): the whole file is refused
FILE_REFUSALS = {
    "text file renamed .xlsx": (text_renamed, "import.not_a_workbook"),
    "empty file": (lambda p: (p.write_bytes(b""), p)[1], "import.not_a_workbook"),
    "a zip that is no workbook": (other_zip, "import.not_a_workbook"),
    "truncated workbook": (truncated, "import.not_a_workbook"),
    "entity expansion": (entity_expansion, "import.unsafe_xml"),
    "missing headers": (lambda p: make_workbook(p, {"S": [["甲公司", U1, 100], ["乙公司", U2, 5]]}),
                        "import.no_header"),
    "empty sheets": (lambda p: make_workbook(p, {"A": [], "B": []}), "import.empty"),
    "a header without rows": (lambda p: make_workbook(p, {"S": [HEADER]}), "import.empty"),
}


@pytest.mark.parametrize("case", sorted(FILE_REFUSALS))
def test_a_refused_file_names_why_and_changes_nothing(workspace, firm, tmp_path, case):
    build, code = FILE_REFUSALS[case]
    path = build(tmp_path / "broken.xlsx")
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.transfer.import_workbook(path)
    assert [m.code for m in caught.value.messages] == [code]
    assert snapshot(workspace) == before


@pytest.mark.parametrize("limits, code", [
    (Limits(max_bytes=2000), "file.too_large"),
    (Limits(max_rows=20), "import.too_many_rows"),
])
def test_limits_on_size_and_rows(workspace, firm, tmp_path, limits, code):
    path = many_rows(tmp_path / "big.xlsx")
    workspace.transfer.limits = limits
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.transfer.import_workbook(path)
    assert caught.value.messages[0].code == code
    assert snapshot(workspace) == before


def test_defusedxml_is_in_use_and_refuses_entities_even_past_the_guard(tmp_path):
    assert openpyxl.xml.DEFUSEDXML is True
    path = entity_expansion(tmp_path / "bomb.xlsx")
    with pytest.raises(ValidationError) as caught:
        check_workbook_file(path)
    assert caught.value.messages[0].params["part"] == "xl/worksheets/sheet1.xml"
    with pytest.raises(ValidationError) as caught:  # past the guard, openpyxl's parser refuses
        with open_workbook(path) as workbook:
            list(rows_of(workbook.worksheets[0]))
    assert caught.value.messages[0].code == "import.unsafe_xml"


def formula_without_result(path):
    return make_workbook(path, {"S": [HEADER, ["甲公司", '=CONCAT("9132","0583")', 100]]})


# (builder, the refused rows' (row, column, message code)): rows are refused, nothing written
ROW_REFUSALS = {
    "wrong types": (
        lambda p: make_workbook(p, {"S": [
            ["企业名称", "统一社会信用代码", "成立日期", "自主品牌", "2024年营业收入", "2024年从业人员"],
            ["甲公司", U1, "去年", "也许", "abc", 10.5]]}),
        {(2, "C", "value.not_a_date"), (2, "D", "value.not_a_boolean"),
         (2, "E", "value.not_a_number"), (2, "F", "value.not_an_integer")}),
    "merged cells in the data": (
        lambda p: make_workbook(p, {"S": [HEADER + ["年度"], ["甲公司", U1, 100, 2023],
                                          [None, None, 120, 2024]]},
                                merges={"S": ["A2:A3", "B2:B3"]}),
        {(3, "B", "import.no_uscc")}),
    "a formula without a saved result": (formula_without_result, {(2, "B", "import.no_uscc")}),
    "an error value": (lambda p: make_workbook(p, {"S": [HEADER, ["甲公司", U1, "#N/A"]]}),
                       {(2, "C", "import.cell_error")}),
    "a bad code and a negative figure": (
        lambda p: make_workbook(p, {"S": [HEADER, ["甲公司", U1[:-1] + "0", 1],
                                          ["乙公司", U2, -5]]}),
        {(2, "B", "uscc.invalid_checksum"), (3, "C", "money.negative")}),
    "no code column": (lambda p: make_workbook(p, {"S": [["企业名称", "年度", "营业收入"],
                                                         ["甲公司", 2024, 1]]}),
                       {(1, "", "import.missing_column")}),
    "a firm without a name": (lambda p: make_workbook(p, {"S": [HEADER, [None, U1, 100]]}),
                              {(2, "A", "field.required")}),
}


@pytest.mark.parametrize("case", sorted(ROW_REFUSALS))
def test_refused_rows_name_sheet_row_column_and_nothing_is_written(workspace, firm, tmp_path, case):
    build, expected = ROW_REFUSALS[case]
    path = build(tmp_path / "broken.xlsx")
    before = snapshot(workspace)
    result = workspace.transfer.import_workbook(path)
    found = {(i.row, i.column, i.message.code) for i in result.issues}
    assert found == expected
    assert all(i.sheet == "S" for i in result.issues)
    assert result.refused >= 1 and not result.committed
    assert snapshot(workspace) == before
