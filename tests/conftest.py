"""Shared fixtures. Databases are files under tmp_path, copied from one migrated template."""
from __future__ import annotations

import os
import sys
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

# Without a display Qt would abort the whole test process; offscreen needs none.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.paths import AppPaths  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 30)


def make_uscc(region: str = "320583", org: str = "MA1MABCDE") -> str:
    """A valid USCC for the region and organisation code (the check character computed)."""
    from stdnum.cn import uscc

    body = f"91{region}{org}"
    return body + uscc.calc_check_digit(body)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A database migrated once per test session; tests get copies."""
    from desktop.db.database import Database

    path = tmp_path_factory.mktemp("template") / "template.db"
    database = Database.open(path)
    database.handle.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def paths(tmp_path, template_db) -> AppPaths:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(template_db, data_dir / "srdi.db")
    return AppPaths.resolve(data_dir=data_dir)


@pytest.fixture
def workspace(paths):
    with Workspace.open(paths, user="tester", now=lambda: NOW, today=lambda: TODAY) as ws:
        yield ws


@pytest.fixture
def firm(workspace):
    return workspace.firms.create_from({
        "uscc": make_uscc(), "name": "苏州精测传感科技有限公司", "region_code": "320583",
        "industry_code": "C4021", "registration_date": "2015-03-02",
        "niche_entry_date": "2016-01-01"})


def db_rows(workspace, table: str) -> list[tuple]:
    """All rows of a table, to compare the database before and after a refused write (in rowid
    order: every table's key, whether it is called id or, in firm_tally, archived)."""
    return workspace.context.database.handle.execute_sql(
        f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()


def snapshot(workspace) -> dict[str, list[tuple]]:
    # Search indexes (FTS5 virtual tables and their shadow tables) only mirror other tables.
    rows = workspace.context.database.handle.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    tables = [name for name, _ in rows
              if not any(name == v or name.startswith(v + "_") for v in virtual)]
    return {table: db_rows(workspace, table) for table in tables}


# PySide6 6.12 on Python 3.11 can drop references it does not own while the interpreter tears
# down (an abort with "bool_dealloc"/"none_dealloc" after every test has passed). The app
# leaves the same way (desktop/gui/app.py). Once pytest has reported, end the process with its
# own exit status instead of running that teardown.
_exit_status = {"code": None}


def pytest_sessionfinish(session, exitstatus):
    _exit_status["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if _exit_status["code"] is not None and "PySide6.QtCore" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status["code"])
