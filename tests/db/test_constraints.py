"""The database itself refuses bad rows, even when something bypasses the services."""
import sqlite3

import pytest

NOW = "2026-01-01 00:00:00"
FIRM_COLUMNS = ("uscc, name, name_en, legal_representative, region_code, address, industry_code,"
                " niche_market, leading_product, leading_product_code, stock_code, contact_person,"
                " contact_phone, contact_email, notes, archived, created_at, updated_at,"
                " chain_role, brand_names")


def insert_firm(raw, uscc="91320583MA1MABCDEA", name="甲公司", **extra):
    values = [uscc, name] + [""] * 13 + [0, NOW, NOW, "", ""]
    cursor = raw.execute(f"INSERT INTO firm ({FIRM_COLUMNS}) VALUES "
                         f"({', '.join('?' * len(values))})", values)
    return cursor.lastrowid


@pytest.fixture
def raw(paths, workspace):
    # A second, plain connection: what any other program could do to the file.
    connection = sqlite3.connect(paths.database, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def test_uscc_is_unique(raw):
    insert_firm(raw)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        insert_firm(raw, name="乙公司")


def test_uscc_must_have_18_characters_and_name_is_required(raw):
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        insert_firm(raw, uscc="123")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        insert_firm(raw, name="  ")


@pytest.mark.parametrize("column, value", [
    ("operating_revenue", -1), ("rd_expense", -100), ("employee_count", -3), ("year", 1800),
])
def test_fiscal_year_values_are_checked(raw, column, value):
    firm_id = insert_firm(raw)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        raw.execute(f"INSERT INTO fiscal_year (firm_id, year, source_note, {column}) "
                    f"VALUES (?, 2025, '', ?)" if column != "year" else
                    "INSERT INTO fiscal_year (firm_id, year, source_note) VALUES (?, ?, '')",
                    (firm_id, value))


def test_relations_between_figures_are_checked(raw):
    firm_id = insert_firm(raw)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        raw.execute("INSERT INTO fiscal_year (firm_id, year, source_note, operating_revenue,"
                    " main_business_revenue) VALUES (?, 2025, '', 100, 200)", (firm_id,))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        raw.execute("INSERT INTO fiscal_year (firm_id, year, source_note, employee_count,"
                    " rd_staff_count) VALUES (?, 2025, '', 10, 11)", (firm_id,))


def test_one_fiscal_year_per_firm_and_year(raw):
    firm_id = insert_firm(raw)
    raw.execute("INSERT INTO fiscal_year (firm_id, year, source_note) VALUES (?, 2025, '')", (firm_id,))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        raw.execute("INSERT INTO fiscal_year (firm_id, year, source_note) VALUES (?, 2025, '')", (firm_id,))


def test_foreign_keys_are_enforced(raw):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        raw.execute("INSERT INTO fiscal_year (firm_id, year, source_note) VALUES (999, 2025, '')")


def test_enum_columns_refuse_unknown_values(raw):
    firm_id = insert_firm(raw)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        raw.execute("INSERT INTO evidence_item (firm_id, kind, subtype, title, number, issuer,"
                    " status, notes) VALUES (?, 'rumour', '', 'x', '', '', 'valid', '')", (firm_id,))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        raw.execute("UPDATE firm SET sector_class = 'huge' WHERE id = ?", (firm_id,))


def test_deleting_a_firm_removes_what_it_owns(raw):
    firm_id = insert_firm(raw)
    raw.execute("INSERT INTO fiscal_year (firm_id, year, source_note) VALUES (?, 2025, '')", (firm_id,))
    item = raw.execute("INSERT INTO evidence_item (firm_id, kind, subtype, title, number, issuer,"
                       " status, notes) VALUES (?, 'award', '', 'x', '', '', 'valid', '')",
                       (firm_id,)).lastrowid
    raw.execute("INSERT INTO attachment (evidence_id, sha256, original_name, size, stored_path,"
                " added_at) VALUES (?, ?, 'a.pdf', 1, 'aa/a.pdf', ?)", (item, "a" * 64, NOW))
    raw.execute("DELETE FROM firm WHERE id = ?", (firm_id,))
    for table in ("fiscal_year", "evidence_item", "attachment"):
        assert raw.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)


def test_a_batch_with_applications_cannot_be_deleted(raw):
    firm_id = insert_firm(raw)
    batch = raw.execute("INSERT INTO batch (name, tier, region_code, status, notes)"
                        " VALUES ('b', 2, '', 'open', '')").lastrowid
    raw.execute("INSERT INTO application (firm_id, batch_id, tier, kind, status, reviewer_notes,"
                " created_at, updated_at) VALUES (?, ?, 2, 'new', 'draft', '', ?, ?)",
                (firm_id, batch, NOW, NOW))
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        raw.execute("DELETE FROM batch WHERE id = ?", (batch,))
