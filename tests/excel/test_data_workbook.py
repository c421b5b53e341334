"""The data workbook: plain sheets plus a meta sheet, read back exactly as written."""
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.domain import records as r
from desktop.domain.enums import EvidenceKind, Level, MarketScope, OwnershipType
from desktop.domain.errors import ValidationError
from desktop.excel.atomic import Cancelled
from desktop.excel.data_workbook import (
    FORMAT_NAME, FORMAT_VERSION, SHEETS, FirmData, read_data_workbook, read_meta,
    write_data_workbook,
)
from tests.conftest import make_uscc
from tests.excel.test_reader import make_workbook

USCC = make_uscc()
FIRM = r.Firm(uscc=USCC, name="=HYPERLINK(\"http://evil\")", name_en="-Alpha", notes="@note",
              registration_date=date(2015, 3, 2), registered_capital=Decimal("9876543210123.456789"),
              ownership_type=OwnershipType.PRIVATE, own_brand=True, strategic_emerging=False,
              archived=True, id=7)
YEAR = r.FiscalYear(firm_id=7, year=2025, operating_revenue=Decimal("12345.67"),
                    rd_expense=Decimal("0.000001"), net_profit=Decimal("-12.5"),
                    employee_count=120, source_note="+审计报告")
MARKET = r.MarketPosition(firm_id=7, year=2025, scope=MarketScope.DOMESTIC,
                          share_percent=Decimal("12.3456"), rank=2)
ASSESSMENT = r.AnnualAssessment(firm_id=7, year=2026, digital_level=3,
                                platform_score=Decimal("72.5"))
ITEM = r.EvidenceItem(firm_id=7, kind=EvidenceKind.INVENTION_PATENT, title="一种传感器",
                      number="ZL2020", level=Level.NATIONAL, granted_date=date(2021, 5, 1))


def write(path, **options):
    data = FirmData(FIRM, (YEAR,), (MARKET,), (ASSESSMENT,), (ITEM,))
    return write_data_workbook(path, [data], 1, app_version="9.9.9",
                               exported_at=datetime(2026, 11, 27, 9, 30), **options)


def test_meta_sheet_names_format_version_app_and_time(tmp_path):
    path = write(tmp_path / "data.xlsx")
    meta = read_meta(path)
    assert meta["format"] == FORMAT_NAME and meta["format_version"] == FORMAT_VERSION
    assert meta["app_version"] == "9.9.9" and meta["exported_at"] == "2026-11-27T09:30:00"
    assert meta["rows.firms"] == 1 and meta["rows.evidence"] == 1
    assert load_workbook(path, read_only=True).sheetnames == ["meta", *SHEETS]


def test_every_value_reads_back_exactly(tmp_path):
    path = write(tmp_path / "data.xlsx")
    result = read_data_workbook(path, read_meta(path))
    assert result.issues == [] and result.blanks_clear
    by_sheet = {row.sheet: row for row in result.rows}
    firm = {k: v.value for k, v in by_sheet["firms"].fields.items()}
    assert firm["name"] == FIRM.name and firm["name_en"] == "-Alpha" and firm["notes"] == "@note"
    assert firm["registration_date"] == date(2015, 3, 2)
    # 19 significant digits do not fit a double: written as exact text instead
    assert firm["registered_capital"] == "9876543210123.456789"
    assert firm["ownership_type"] == "private" and firm["own_brand"] is True
    assert firm["strategic_emerging"] is False and firm["archived"] is True
    assert firm["industry_code"] is None   # unknown stays empty, never 0 or ''
    (year,) = by_sheet["fiscal_years"].years
    assert Decimal(repr(year["rd_expense"].value)) == Decimal("0.000001")
    assert year["net_profit"].value == -12.5 and year["source_note"].value == "+审计报告"
    assert by_sheet["market_positions"].fields["scope"].value == "domestic"
    assert by_sheet["evidence"].fields["granted_date"].value == date(2021, 5, 1)


def test_text_that_looks_like_a_formula_is_stored_as_text(tmp_path):
    sheet = load_workbook(write(tmp_path / "data.xlsx"))["firms"]
    headers = [c.value for c in sheet[1]]
    name = sheet.cell(2, headers.index("name") + 1)
    assert name.data_type == "s" and name.quotePrefix and name.value.startswith("=")


def test_a_generic_workbook_is_not_a_data_workbook(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"meta": [["format", "something else"]]})
    assert read_meta(path) is None


def test_a_newer_format_is_refused(tmp_path):
    path = write(tmp_path / "data.xlsx")
    with pytest.raises(ValidationError) as caught:
        read_data_workbook(path, {"format": FORMAT_NAME, "format_version": FORMAT_VERSION + 1})
    assert caught.value.messages[0].code == "import.format_too_new"


def test_a_cancelled_export_leaves_no_file(tmp_path):
    path = tmp_path / "data.xlsx"
    with pytest.raises(Cancelled):
        write(path, progress=lambda done, total: done < 1)
    assert list(tmp_path.iterdir()) == []
