"""Migrations build a fresh database, upgrade every earlier schema, and refuse newer ones."""
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import peewee as pw
import pytest

from desktop.db import evidence as evidence_rows
from desktop.db import firms as firm_rows
from desktop.db import models
from desktop.db.database import Database
from desktop.db.migrations import LATEST_VERSION, MIGRATIONS
from desktop.domain.errors import DatabaseVersionError
from desktop.domain.messages import render

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# One committed database per earlier schema version.
OLD_SCHEMAS = {1: FIXTURES / "schema_v1.db", 2: FIXTURES / "schema_v2.db",
               3: FIXTURES / "schema_v3.db", 4: FIXTURES / "schema_v4.db",
               5: FIXTURES / "schema_v5.db", 6: FIXTURES / "schema_v6.db"}


def columns(handle, table):
    return {(c.name, c.data_type.upper(), c.null) for c in handle.get_columns(table)}


def test_versions_are_numbered_without_gaps():
    assert [m.VERSION for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))
    assert set(OLD_SCHEMAS) == set(range(1, LATEST_VERSION)), "commit a fixture per old schema"


@pytest.mark.parametrize("lazy", [False, True])   # a lazy open has nothing to defer here
def test_a_fresh_database_is_built_by_the_migrations(tmp_path, lazy):
    with Database.open(tmp_path / "new.db", lazy=lazy) as db:
        assert db.loaded
        assert db.schema_version() == LATEST_VERSION
        assert db.handle.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.handle.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


def search_tables(handle):
    """The FTS5 virtual tables (no models: SQLite-only, used through SQL in desktop/db) and
    the shadow tables SQLite keeps for each."""
    virtual = [row[0] for row in handle.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")]
    return {name for name in handle.get_tables()
            if name in virtual or any(name.startswith(v + "_") for v in virtual)}


def test_the_migrated_schema_matches_the_live_models(tmp_path):
    """Tables and columns made by the migrations are exactly those the models expect."""
    with Database.open(tmp_path / "migrated.db") as migrated:
        reference = pw.SqliteDatabase(str(tmp_path / "models.db"))
        with reference.bind_ctx(models.ALL_MODELS):
            reference.create_tables(models.ALL_MODELS)
        fts = search_tables(migrated.handle)
        assert fts == {"firm_search", "firm_search_config", "firm_search_data",
                       "firm_search_docsize", "firm_search_idx", "firm_search_terms"}
        assert set(migrated.handle.get_tables()) - fts == set(reference.get_tables())
        for table in reference.get_tables():
            assert columns(migrated.handle, table) == columns(reference, table), table
        reference.close()


@pytest.mark.parametrize("lazy", [False, True])   # a lazy open migrates at once all the same
@pytest.mark.parametrize("version", sorted(OLD_SCHEMAS))
def test_an_old_database_is_upgraded_with_its_data_and_backed_up_first(tmp_path, version, lazy):
    path = tmp_path / "old.db"
    shutil.copy(OLD_SCHEMAS[version], path)
    backups = tmp_path / "backups"
    with Database.open(path, backup_dir=backups, lazy=lazy) as db:
        assert db.loaded
        assert db.schema_version() == LATEST_VERSION
        firm = firm_rows.get_by_uscc("91320583MA1MABCDEA")
        assert firm.name == "昆山旧版数据科技有限公司"
        assert firm.registered_capital == Decimal("5000")
        assert firm.chain_role == ""  # a column added by schema 2, empty
        summary = next(s for s in firm_rows.summaries() if s.id == firm.id)
        assert summary.last_revenue == Decimal("18000")  # the firm's rows survived the change
        [patent] = evidence_rows.items(firm.id)
        assert patent.number == "ZL202110234567.8"
    [backup] = list(backups.iterdir())
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version FROM schema_version").fetchone() == (version,)


@pytest.mark.parametrize("lazy", [False, True])
def test_a_database_newer_than_the_code_is_refused_untouched(tmp_path, lazy):
    path = tmp_path / "future.db"
    Database.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE schema_version SET version = ?", (LATEST_VERSION + 1,))
    before = path.read_bytes()
    with pytest.raises(DatabaseVersionError) as caught:
        Database.open(path, lazy=lazy)
    assert caught.value.messages[0].code == "db.too_new"
    assert caught.value.messages[0].params["found"] == LATEST_VERSION + 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("lazy", [False, True])
def test_an_sqlite_too_old_for_the_search_index_is_named_before_anything_is_written(
        tmp_path, monkeypatch, lazy):
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")
    folder = tmp_path / "new"
    with pytest.raises(DatabaseVersionError) as caught:
        Database.open(folder / "srdi.db", lazy=lazy)
    [message] = caught.value.messages
    assert render(message) == ("SQLite 3.31.1 is too old for SRDI Desk, which needs 3.34 or "
                               "newer (for its search index); install a newer Python or the "
                               "SRDI Desk bundle")
    assert render(message, "zh_CN").startswith("SQLite 3.31.1 版本过旧，SRDI Desk 需要 3.34")
    assert not folder.exists()


@pytest.mark.parametrize("lazy", [False, True])
def test_a_file_that_is_not_a_database_is_refused(tmp_path, lazy):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite" * 100)
    with pytest.raises(DatabaseVersionError) as caught:
        Database.open(path, lazy=lazy)
    assert caught.value.messages[0].code == "db.not_a_database"


def test_a_failing_migration_leaves_the_old_schema(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    shutil.copy(OLD_SCHEMAS[1], path)
    from desktop.db.migrations import m0002_rulebook_facts

    def broken(database):
        database.execute_sql("CREATE TABLE half_done (x INTEGER)")
        raise pw.OperationalError("disk full")

    monkeypatch.setattr(m0002_rulebook_facts, "upgrade", broken)
    with pytest.raises(DatabaseVersionError):
        Database.open(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version FROM schema_version").fetchone() == (1,)
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables and "market_position" not in tables


def test_schema_3_fills_the_pinyin_initials_of_existing_firms(tmp_path):
    """Firms saved before schema 3 are found by their initials after the upgrade."""
    from desktop.domain.records import FirmQuery

    path = tmp_path / "old.db"
    shutil.copy(OLD_SCHEMAS[2], path)
    with Database.open(path):
        assert [f.name for f in firm_rows.summaries(FirmQuery(text="bjxc"))] == ["北京星辰科技有限公司"]
        assert [f.name for f in firm_rows.summaries(FirmQuery(text="ksjb"))] == ["昆山旧版数据科技有限公司"]


def test_schema_4_files_logged_changes_under_their_firm_and_gives_uids(tmp_path):
    """Changes logged before schema 4 are found in their firm's (and application's) history
    where the record still exists; applications and evidence items get distinct uids."""
    path = tmp_path / "v3.db"
    shutil.copy(OLD_SCHEMAS[3], path)
    with Database.open(path) as db:
        rows = db.handle.execute_sql(
            'SELECT "table", record_id, firm_id, application_id FROM change_log ORDER BY id'
        ).fetchall()
        assert rows == [("firm", 1, 1, None), ("fiscal_year", 1, 1, None),
                        ("evidence_item", 1, 1, None), ("application", 1, 1, 1),
                        ("manual_decision", 1, 1, 1), ("evidence_item", 99, None, None)]
        uids = [row[0] for row in db.handle.execute_sql(
            "SELECT uid FROM evidence_item UNION ALL SELECT uid FROM application").fetchall()]
        assert len(uids) == 2 and len(set(uids)) == 2 and all(len(u) == 32 for u in uids)


def test_schema_5_derives_the_list_columns_versions_and_search_of_existing_firms(tmp_path):
    """Firms saved before schema 5 get their list columns, distinct data versions and a place
    in the search index; later writes move the versions on."""
    from desktop.domain.records import FirmQuery

    path = tmp_path / "v4.db"
    shutil.copy(OLD_SCHEMAS[4], path)
    with Database.open(path) as db:
        rows = db.handle.execute_sql(
            "SELECT id, last_year, last_revenue, open_applications FROM firm ORDER BY id"
        ).fetchall()
        assert rows == [(1, 2025, 18000000000, 1), (2, None, None, 0), (3, None, None, 0)]
        versions = firm_rows.data_versions([1, 2, 3, 99])
        assert set(versions) == {1, 2, 3} and len(set(versions.values())) == 3
        db.handle.execute_sql("UPDATE fiscal_year SET rd_expense = 1 WHERE firm_id = 1")
        after = firm_rows.data_versions([1, 2, 3])
        assert after[1] > max(versions.values())
        assert (after[2], after[3]) == (versions[2], versions[3])
        query = FirmQuery(text="Archived Prec", include_archived=True)
        assert [f.name for f in firm_rows.summaries(query)] == ["深圳归档精密有限公司"]
        assert [f.name for f in firm_rows.summaries(FirmQuery(text="旧版数据"))] == [
            "昆山旧版数据科技有限公司"]


def test_schema_6_finds_short_text_of_existing_firms(tmp_path):
    """Firms indexed by schema 5 are indexed again with padding: one or two characters are
    found, also at the very end of a name, English name or initials."""
    from desktop.domain.records import FirmQuery

    path = tmp_path / "v5.db"
    shutil.copy(OLD_SCHEMAS[5], path)
    with Database.open(path):
        def names(text):
            return [f.name for f in firm_rows.summaries(FirmQuery(text=text))]

        assert names("星辰") == ["北京星辰科技有限公司", "苏州星辰"]
        assert names("微光") == names("wg") == names("光") == ["微光"]
        assert names("xc") == ["北京星辰科技有限公司", "苏州星辰"]
        assert names("昆山旧版") == ["昆山旧版数据科技有限公司"]
