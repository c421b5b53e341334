"""Importing a 10,000-row workbook into an empty database, against a raw python-calamine read
plus a raw sqlite3 executemany of the same rows (firm and fiscal-year rows, every column the
firm table needs) into an empty database of the same schema."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from .province import empty_database
from .rows import Row, median_time

ROWS = int(__import__("os").environ.get("SRDI_BENCH_IMPORT_ROWS", 10_000))
YEARS = (2024, 2025)
PROFILE = ("统一社会信用代码", "企业名称", "region_code", "industry_code", "registration_date",
           "legal_representative", "address", "niche_market", "leading_product")
FIGURES = (("营业收入（万元）", "operating_revenue"), ("主营业务收入（万元）", "main_business_revenue"),
           ("研发费用（万元）", "rd_expense"), ("资产总额（万元）", "total_assets"),
           ("负债总额（万元）", "total_liabilities"), ("从业人员", "employee_count"))


def make_workbook(path: Path, today: date) -> None:
    """ROWS firms of another seed than the province, a profile and two years' figures each."""
    import xlsxwriter

    from desktop.services.synthetic import _Maker

    maker = _Maker(seed=99, today=today, years=len(YEARS), evidence=0)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("企业")
    header = list(PROFILE) + [f"{year}年{label}" for year in YEARS for label, _ in FIGURES]
    sheet.write_row(0, 0, header)
    for number in range(ROWS):
        bundle = maker.bundle(number)
        firm = bundle.firm
        row = [firm.uscc, firm.name, firm.region_code, firm.industry_code,
               firm.registration_date.isoformat(), "张三", "工业园区1号", firm.niche_market,
               firm.leading_product]
        for year in bundle.fiscal_years:
            row += [_cell(getattr(year, field)) for _, field in FIGURES]
        sheet.write_row(number + 1, 0, row)
    book.close()


def _cell(value):
    return float(value) if isinstance(value, Decimal) else value


def _raw_import(workbook: Path, database: Path) -> None:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(workbook)).get_sheet_by_index(0).to_python()[1:]
    connection = sqlite3.connect(database)
    now = datetime.now().isoformat(" ")
    with connection:
        connection.executemany(
            'INSERT INTO firm (id, uscc, name, region_code, industry_code, registration_date,'
            ' legal_representative, address, niche_market, leading_product, name_en, notes,'
            ' leading_product_code, stock_code, contact_person, contact_phone, contact_email,'
            ' chain_role, brand_names, name_initials, archived, created_at, updated_at)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', '', '', '', '', '', 0, ?, ?)",
            [(number + 1, *row[:9], now, now) for number, row in enumerate(rows)])
        figures = [(number + 1, year, *[_scaled(value, field) for value, (_, field)
                                         in zip(row[9 + 6 * index: 15 + 6 * index], FIGURES)])
                   for number, row in enumerate(rows) for index, year in enumerate(YEARS)]
        connection.executemany(
            "INSERT INTO fiscal_year (firm_id, year, operating_revenue, main_business_revenue,"
            " rd_expense, total_assets, total_liabilities, employee_count, source_note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')", figures)
    connection.close()


def _scaled(value, field: str):
    """Money as the app stores it: an integer of 10^-6 万元."""
    if value in ("", None):
        return None
    return int(value) if field == "employee_count" else round(float(value) * 1_000_000)


def measure(data_dir: Path, work: Path, repeats: int) -> list[Row]:
    from desktop.paths import AppPaths
    from desktop.services.workspace import Workspace

    template = empty_database(work / "template")
    workbook = work / "import.xlsx"
    make_workbook(workbook, date.today())
    folders = []

    def fresh(index: int) -> Path:
        folder = work / f"import-{index}-{len(folders)}"
        folder.mkdir()
        shutil.copy(template, folder / "srdi.db")
        folders.append(folder)
        return folder

    state = {}

    def prepare(index: int) -> None:
        if "workspace" in state:
            state.pop("workspace").close()
        state["workspace"] = Workspace.open(AppPaths.resolve(data_dir=fresh(index)))

    def run_import(_index: int) -> None:
        result = state["workspace"].transfer.import_workbook(workbook)
        if not result.committed or result.created != ROWS:
            raise RuntimeError(f"import refused: {result.refused} rows, e.g. "
                               f"{[o for o in result.outcomes if o.issues][:2]}")

    value = median_time(run_import, repeats, prepare)
    state.pop("workspace").close()
    targets = {}
    floor = median_time(lambda index: _raw_import(workbook, targets[index]), repeats,
                        lambda index: targets.__setitem__(index, fresh(index) / "srdi.db"))
    print(f"  import of {ROWS} rows: {value:.2f} s, raw {floor:.2f} s", flush=True)
    return [Row(f"import_{ROWS}_row_workbook", value, floor, 2.0)]
