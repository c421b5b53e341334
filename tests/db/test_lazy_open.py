"""A lazy open (the window's start): a database at the latest schema is checked with sqlite3
alone, its plain firm list is read without peewee, and peewee opens it on the first use that
needs it. Anything else (a new file, an old or newer schema, no database at all) is opened at
once as before: see test_migrations.py, whose opening tests run lazily too."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from desktop.db import firm_pages
from desktop.db.database import LATEST_SCHEMA, Database
from desktop.db.migrations import LATEST_VERSION
from desktop.domain.records import FirmQuery
from desktop.services.workspace import Workspace
from tests.conftest import make_uscc

ROOT = Path(__file__).resolve().parents[2]


def test_the_schema_the_lazy_open_expects_is_the_last_migrations():
    assert LATEST_SCHEMA == LATEST_VERSION


@pytest.fixture
def listed_paths(paths):
    """A database at the latest schema with three firms, one of them archived."""
    with Workspace.open(paths) as ws:
        for number, name in enumerate(("乙精密有限公司", "甲传感有限公司", "丙归档有限公司")):
            firm = ws.firms.create_from({"uscc": make_uscc("320583", f"MA6L{number:04d}Y"),
                                         "name": name, "region_code": "320583"})
        ws.firms.set_archived(firm.id, True)
    return paths


def test_a_lazy_open_reads_the_plain_list_before_peewee_opens_it(listed_paths):
    with Database.open(listed_paths.database, lazy=True) as database:
        assert not database.loaded
        reader = database.reader()
        names = [s.name for s in firm_pages.page(reader, FirmQuery())]
        assert names == sorted(["乙精密有限公司", "甲传感有限公司"])
        assert firm_pages.tallied_count(reader, FirmQuery(include_archived=True)) == 3
        assert not database.loaded
        assert database.schema_version() == LATEST_SCHEMA   # a use through peewee opens it
        assert database.loaded
        assert database.reader() is database.handle.connection()


def test_the_lazy_readers_connection_never_writes(listed_paths):
    with Database.open(listed_paths.database, lazy=True) as database:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            database.reader().execute("DELETE FROM firm")
        database.load()
        assert firm_pages.tallied_count(database.reader(), FirmQuery(include_archived=True)) == 3


def test_a_write_waits_are_told_to_the_callback_given_before_peewee_opened(listed_paths):
    told = []
    with Database.open(listed_paths.database, lazy=True, on_wait=told.append) as database:
        assert not database.loaded
        with database.transaction():   # opens through peewee, with the callback
            pass
        assert database.handle.on_wait == told.append
        database.on_wait = None
        assert database.handle.on_wait is None


def test_threads_asking_at_once_open_it_once(listed_paths):
    with Database.open(listed_paths.database, lazy=True) as database:
        opened = []
        open_handle = database._open_handle

        def slow_open():
            opened.append(threading.current_thread().name)
            time.sleep(0.05)   # the others ask meanwhile
            return open_handle()

        database._open_handle = slow_open
        handles = []
        threads = [threading.Thread(target=lambda: handles.append(database.handle))
                   for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(opened) == 1
        assert len(handles) == 4 and all(handle is handles[0] for handle in handles)


def test_closing_closes_the_lazy_readers_connection(listed_paths):
    database = Database.open(listed_paths.database, lazy=True)
    reader = database.reader()
    database.close()
    with pytest.raises(sqlite3.ProgrammingError):
        reader.execute("SELECT 1")


def test_a_lazy_workspace_lists_without_peewee_and_loads_it_for_anything_else(listed_paths):
    """In a fresh interpreter (this one has peewee loaded long since)."""
    script = textwrap.dedent(f"""
        import json, sys
        from desktop.paths import AppPaths
        from desktop.domain.records import FirmQuery
        from desktop.services.workspace import Workspace
        ws = Workspace.open(AppPaths.resolve(data_dir={str(listed_paths.data_dir)!r}), lazy=True)
        count, first = ws.firm_list.count_and_first_page(FirmQuery(), 50)
        report = {{"count": count, "first": [s.name for s in first],
                   "tally": ws.firm_list.count(FirmQuery(include_archived=True)),
                   "peewee_before": "peewee" in sys.modules}}
        report["searched"] = [s.name for s in ws.firm_list.query(FirmQuery(text="传感"))]
        report["peewee_after_search"] = "peewee" in sys.modules
        report["firm"] = ws.firms.get(first[0].id).name
        ws.close()
        print(json.dumps(report))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = __import__("json").loads(done.stdout.splitlines()[-1])
    assert report == {"count": 2, "first": sorted(["乙精密有限公司", "甲传感有限公司"]),
                      "tally": 3, "peewee_before": False,
                      "searched": ["甲传感有限公司"], "peewee_after_search": True,
                      "firm": sorted(["乙精密有限公司", "甲传感有限公司"])[0]}


def test_a_lazy_workspace_builds_other_services_on_the_loaded_database(listed_paths):
    with Workspace.open(listed_paths, lazy=True) as ws:
        assert ws.firm_list.count(FirmQuery()) == 2
        assert not ws.context.database.loaded
        assert ws.qualification is not None
        assert ws.context.database.loaded
