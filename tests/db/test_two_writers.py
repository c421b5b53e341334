"""Two writers on one database (two windows, or the window and the CLI) never corrupt it: writes
take the lock up front (BEGIN IMMEDIATE), a write that has to wait says so and then proceeds,
one that waits past the timeout fails with "db.busy" having written nothing, and a read-then-
write transaction no longer fails at once because another writer committed in between.

The other writer is a real process (tests/db/writer.py); this process opens its own Workspace.
"""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.db import integrity as checks
from desktop.domain.errors import DomainError
from desktop.services.workspace import Workspace
from tests.conftest import snapshot
from tests.db.writer import firm_fields, uscc_for

ROOT = Path(__file__).resolve().parents[2]


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.db.writer", *args], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")


def wait_for_line(process: subprocess.Popen, wanted: str, timeout: float = 60) -> list[str]:
    """Read the process's lines until `wanted` (returned with the lines before it)."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"ended before {wanted!r}: {seen} {process.stderr.read()}")
        seen.append(line.strip())
        if seen[-1] == wanted:
            return seen
    raise AssertionError(f"no {wanted!r} within {timeout} s: {seen}")


@pytest.fixture
def holder(paths):
    """A process holding the write lock (a firm added, uncommitted) until released."""
    process = start("hold", str(paths.data_dir), uscc_for("MA1H", 0))
    wait_for_line(process, "holding")

    def release() -> list[str]:
        if process.poll() is None:
            process.stdin.write("\n")
            process.stdin.flush()
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        return out.split()

    yield release
    if process.poll() is None:
        release()


def open_workspace(paths, told: list, busy_timeout_ms: int | None = None) -> Workspace:
    return Workspace.open(paths, user="tester", on_wait=told.append,
                          busy_timeout_ms=busy_timeout_ms)


def test_two_processes_writing_at_once_lose_nothing(paths):
    with open_workspace(paths, []) as workspace:
        shared = workspace.firms.create_from(firm_fields(uscc_for("MA1C", 0), "共用的企业"))
        first = start("add", str(paths.data_dir), "MA1A", "30", shared.uscc)
        second = start("add", str(paths.data_dir), "MA1B", "30", shared.uscc)
        outputs = []
        for process in (first, second):
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
            outputs.append(out.splitlines())
        added = [line.split()[1] for out in outputs for line in out
                 if line.startswith("ok ") and not line.startswith("ok update")]
        updates = [line for out in outputs for line in out if line.startswith("ok update")]
        failed = [line for out in outputs for line in out if line.startswith("fail")]
        assert failed == [] and len(added) == 60 and len(updates) == 60
        assert checks.integrity_check() == [] and checks.foreign_key_check() == []
        for code in added:
            workspace.firms.get_by_uscc(code)          # every reported write is there
        assert workspace.firms.count() == 61
        # Each update logged its change to the notes: none lost between the two writers.
        logged = workspace.context.database.handle.execute_sql(
            'SELECT COUNT(*) FROM change_log WHERE "table" = ? AND record_id = ? AND field = ?',
            ("firm", shared.id, "notes")).fetchone()[0]
        assert logged == len(updates)


def test_a_write_waits_for_the_holder_and_then_proceeds(paths, holder):
    told: list = []
    with open_workspace(paths, told) as workspace:
        releaser = threading.Timer(1.0, holder)
        releaser.start()
        started = time.monotonic()
        firm = workspace.firms.create_from(firm_fields(uscc_for("MA1W", 0), "等待后写入的企业"))
        waited = time.monotonic() - started
        releaser.join()
        assert [m.code if m else None for m in told] == ["db.waiting", None]
        assert waited >= 0.9
        assert workspace.firms.get(firm.id).name == "等待后写入的企业"
        workspace.firms.get_by_uscc(uscc_for("MA1H", 0))     # the holder's write, committed
        assert checks.integrity_check() == []


def test_held_past_the_timeout_the_write_fails_with_db_busy_and_writes_nothing(paths, holder):
    told: list = []
    with open_workspace(paths, told, busy_timeout_ms=800) as workspace:
        before = snapshot(workspace)
        started = time.monotonic()
        with pytest.raises(DomainError) as refused:
            workspace.firms.create_from(firm_fields(uscc_for("MA1W", 1), "写不进去的企业"))
        assert 0.7 <= time.monotonic() - started < 5
        assert [m.code for m in refused.value.messages] == ["db.busy"]
        assert [m.code if m else None for m in told] == ["db.waiting", None]
        assert snapshot(workspace) == before
        holder()
        # Once the lock is free the same write goes through, without waiting.
        told.clear()
        workspace.firms.create_from(firm_fields(uscc_for("MA1W", 1), "写不进去的企业"))
        assert told == []


def test_a_read_then_write_transaction_survives_a_commit_in_between(paths):
    database_told: list = []
    with open_workspace(paths, database_told) as workspace:
        database = workspace.context.database
        # The old way (a deferred transaction) shows the problem: read, another process
        # commits, then the write fails at once; no busy timeout helps.
        with pytest.raises(DomainError) as refused:
            with database.snapshot():
                workspace.firms.count()
                other = start("add", str(paths.data_dir), "MA1D", "1")
                other.communicate(timeout=60)
                started = time.monotonic()
                workspace.firms.create_from(firm_fields(uscc_for("MA1R", 0), "读后写的企业"))
        assert time.monotonic() - started < 1
        assert [m.code for m in refused.value.messages] == ["db.busy"]

        # A write transaction holds the lock from its start: the other writer waits for it.
        with database.transaction():
            count = workspace.firms.count()
            other = start("add", str(paths.data_dir), "MA1E", "1")
            assert wait_for_line(other, "waiting")[-1] == "waiting"
            workspace.firms.create_from(firm_fields(uscc_for("MA1R", 1), "读后写的企业"))
        out, err = other.communicate(timeout=60)
        assert other.returncode == 0, err
        assert out.split()[:2] == ["waited", "ok"]
        assert workspace.firms.count() == count + 2
        assert database_told == []


def test_nested_transactions_are_savepoints(workspace):
    database = workspace.context.database
    before = workspace.firms.count()
    with database.transaction():
        workspace.firms.create_from(firm_fields(uscc_for("MA1N", 0), "外层"))
        with pytest.raises(DomainError):
            with database.transaction():
                workspace.firms.create_from(firm_fields(uscc_for("MA1N", 1), "内层"))
                raise DomainError([])
    assert workspace.firms.count() == before + 1     # the inner one rolled back alone


def test_the_cli_says_once_on_stderr_that_it_waits(paths, holder):
    command = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(paths.data_dir), "--lang", "en",
         "firms", "add", "--uscc", uscc_for("MA1K", 0), "--name", "命令行写入的企业",
         "--region", "320583", "--industry", "C4021"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    line = command.stderr.readline()     # the first line: it waits (else: db.busy after 10 s)
    assert line.strip() == ("waiting for another window or command to finish writing to the "
                            "database…")
    holder()
    out, err = command.communicate(timeout=60)
    assert command.returncode == 0 and err == "" and uscc_for("MA1K", 0) in out
