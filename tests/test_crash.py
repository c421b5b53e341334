"""Crash tests: the CLI killed with SIGKILL part-way through an import, a backup and an
evidence-package import.

After each kill the database must pass integrity_check and foreign_key_check, everything
committed before must be intact, and the interrupted operation must be all or nothing:
an import (of a workbook or a package) either applied every row or none; a backup either
left a complete zip under its final name or no zip at all (temporary files with other
suffixes may remain). A package import killed after copying its files but before its commit
may leave those files in the attachment store unreferenced (the doctor's orphans).

The kill moments are fixed fractions of a duration measured once in the test, so the runs are
spread over the whole operation (start-up, reading, the transaction, the commit) without
depending on the speed of the machine.
"""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"),
    reason="SIGKILL crash tests need a POSIX system",
)

REPO_ROOT = Path(__file__).resolve().parents[1]
EXISTING_USCC = "91320583MA1MABCDEA"
EXISTING_NAME = "测试公司"
IMPORT_FRACTIONS = (0.10, 0.25, 0.40, 0.55, 0.70, 0.85, 0.95)
BACKUP_FRACTIONS = (0.10, 0.40, 0.70, 0.90)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SRDI_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _cmd(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args]


def _run(data_dir: Path, *args: str) -> float:
    """Run the CLI to completion; return its wall-clock duration."""
    start = time.monotonic()
    result = subprocess.run(_cmd(data_dir, *args), env=_env(), capture_output=True,
                            text=True, timeout=120)
    elapsed = time.monotonic() - start
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return elapsed


def _run_and_kill(data_dir: Path, delay: float, *args: str) -> bool:
    """Start the CLI, SIGKILL it after `delay` seconds; True when the kill landed."""
    proc = subprocess.Popen(_cmd(data_dir, *args), env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(delay)
        proc.kill()  # SIGKILL on POSIX; nothing when the command has just ended on its own
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # Told by how it ended, not by whether it was running just before the kill: a command
    # ending between that look and the kill would count as killed with exit status 0.
    landed = proc.returncode == -signal.SIGKILL
    if not landed:
        assert proc.returncode == 0
    return landed


def _connect(data_dir: Path) -> sqlite3.Connection:
    db = data_dir / "srdi.db"
    assert db.exists()
    return sqlite3.connect(db)  # recovers the WAL left by the killed process


def _check_database(con: sqlite3.Connection) -> None:
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def _counts(con: sqlite3.Connection) -> tuple[int, int, int]:
    return tuple(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("firm", "fiscal_year", "evidence_item"))


def _existing_firm(con: sqlite3.Connection):
    return con.execute("SELECT * FROM firm WHERE uscc = ?", (EXISTING_USCC,)).fetchall()


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, Path, tuple[int, int, int]]:
    """A data folder with the demo loaded, and its data workbook."""
    base = tmp_path_factory.mktemp("crash-source")
    data_dir = base / "S"
    _run(data_dir, "demo")
    workbook = base / "demo-data.xlsx"
    _run(data_dir, "export", "data", "-o", str(workbook))
    assert workbook.exists()
    con = _connect(data_dir)
    try:
        counts = _counts(con)
    finally:
        con.close()
    assert counts[0] == 34
    return data_dir, workbook, counts


def test_import_killed_is_all_or_nothing(source, tmp_path):
    _, workbook, (src_firms, src_years, src_evidence) = source
    template = tmp_path / "T-template"
    _run(template, "firms", "add", "--uscc", EXISTING_USCC, "--name", EXISTING_NAME)
    con = _connect(template)
    try:
        _check_database(con)
        before_firm = _existing_firm(con)
        base_counts = _counts(con)
    finally:
        con.close()
    assert len(before_firm) == 1 and base_counts[0] == 1
    full_counts = (base_counts[0] + src_firms, base_counts[1] + src_years,
                   base_counts[2] + src_evidence)

    # Measure one complete import on its own copy (which also proves the expected end state).
    measured = tmp_path / "T-measure"
    shutil.copytree(template, measured)
    duration = _run(measured, "import", str(workbook))
    con = _connect(measured)
    try:
        _check_database(con)
        assert _counts(con) == full_counts
        assert _existing_firm(con) == before_firm
    finally:
        con.close()

    outcomes = []
    for fraction in IMPORT_FRACTIONS:
        target = tmp_path / f"T-{int(fraction * 100)}"
        shutil.copytree(template, target)
        landed = _run_and_kill(target, duration * fraction, "import", str(workbook))
        con = _connect(target)
        try:
            _check_database(con)
            assert _existing_firm(con) == before_firm, fraction
            counts = _counts(con)
        finally:
            con.close()
        assert counts in (base_counts, full_counts), (fraction, counts)
        if not landed:
            assert counts == full_counts, fraction
        outcomes.append((fraction, landed, counts == full_counts))

        # The interrupted folder still works: a fresh import completes and lands everything.
        if fraction == IMPORT_FRACTIONS[len(IMPORT_FRACTIONS) // 2]:
            _run(target, "import", str(workbook))
            con = _connect(target)
            try:
                _check_database(con)
                assert _counts(con) == full_counts
                assert _existing_firm(con) == before_firm
            finally:
                con.close()

    # At least the early kills must really have interrupted the process.
    assert any(landed for _, landed, _ in outcomes), outcomes


def _check_backups(backups: Path) -> list[Path]:
    zips = sorted(backups.glob("*.zip")) if backups.exists() else []
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path
            assert archive.namelist(), path
    return zips


def test_backup_killed_leaves_no_partial_zip(source, tmp_path):
    src_dir, _, src_counts = source
    data_dir = tmp_path / "S"
    shutil.copytree(src_dir, data_dir)
    backups = data_dir / "backups"
    if backups.exists():
        shutil.rmtree(backups)

    duration = _run(data_dir, "backup")
    first = _check_backups(backups)
    assert len(first) == 1

    def kill_after(delay: float) -> bool:
        landed = _run_and_kill(data_dir, delay, "backup")
        con = _connect(data_dir)
        try:
            _check_database(con)
            assert _counts(con) == src_counts, delay
        finally:
            con.close()
        zips = _check_backups(backups)
        assert set(first) <= set(zips), delay  # earlier backups untouched
        return landed

    landed_any = False
    for fraction in BACKUP_FRACTIONS:
        landed_any = kill_after(duration * fraction) or landed_any
    # On a loaded machine the timed run can be slower than the later ones, so that every kill
    # comes after the backup ended: kill sooner until one lands in the middle of a backup.
    delay = duration * BACKUP_FRACTIONS[0]
    while not landed_any and delay > 0.05:
        delay /= 2
        landed_any = kill_after(delay)
    assert landed_any

    # The folder still works after the crashes: a backup completes and is whole.
    _run(data_dir, "backup")
    _check_backups(backups)


def test_import_killed_while_its_transaction_reaches_the_disk(source, tmp_path):
    """The sharpest moment: SIGKILL as soon as the import's pages start reaching the WAL
    file (the transaction is being written or committed). Recovery must see all or nothing."""
    _, workbook, (src_firms, _src_years, _src_evidence) = source
    target = tmp_path / "T-wal"
    _run(target, "firms", "add", "--uscc", EXISTING_USCC, "--name", EXISTING_NAME)
    wal = target / "srdi.db-wal"
    baseline = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen(_cmd(target, "import", str(workbook)), env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else 0
            if size > baseline + 4096:   # more than a page or two: the import is writing
                proc.kill()
                break
            time.sleep(0.0005)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    con = _connect(target)
    try:
        _check_database(con)
        firms = _counts(con)[0]
    finally:
        con.close()
    assert firms in (1, 1 + src_firms)


# -- evidence packages ---------------------------------------------------------------------------

PACKAGE_FRACTIONS = (0.10, 0.25, 0.40, 0.55, 0.70, 0.85, 0.95)
PACKAGE_TABLES = ("firm", "fiscal_year", "market_position", "annual_assessment", "evidence_item",
                  "attachment", "application", "status_change", "manual_decision")


def _package_counts(con: sqlite3.Connection) -> tuple[int, ...]:
    return tuple(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in PACKAGE_TABLES)


@pytest.fixture(scope="module")
def package(source, tmp_path_factory) -> Path:
    """The evidence package of the demo firm with the most attachment files."""
    src_dir = source[0]
    con = _connect(src_dir)
    try:
        (uscc,) = con.execute(
            "SELECT f.uscc FROM firm f JOIN evidence_item e ON e.firm_id = f.id"
            " JOIN attachment a ON a.evidence_id = e.id JOIN application p ON p.firm_id = f.id"
            " GROUP BY f.id ORDER BY count(DISTINCT a.id) DESC, f.id LIMIT 1").fetchone()
    finally:
        con.close()
    path = tmp_path_factory.mktemp("crash-package") / "firm.srdipkg"
    _run(src_dir, "package", "export", uscc, "-o", str(path))
    return path


def test_package_import_killed_is_all_or_nothing(package, tmp_path):
    """A package import killed at any moment: the database is sound, the firm that was there
    is untouched, and the package's records are either all there or none is."""
    template = tmp_path / "P-template"
    _run(template, "firms", "add", "--uscc", EXISTING_USCC, "--name", EXISTING_NAME)
    con = _connect(template)
    try:
        before_firm, base_counts = _existing_firm(con), _package_counts(con)
    finally:
        con.close()

    measured = tmp_path / "P-measure"
    shutil.copytree(template, measured)
    duration = _run(measured, "package", "import", str(package))
    con = _connect(measured)
    try:
        _check_database(con)
        full_counts = _package_counts(con)
        assert _existing_firm(con) == before_firm
    finally:
        con.close()
    assert all(full > base for full, base in zip(full_counts[:2], base_counts[:2]))
    assert full_counts[5] > base_counts[5]   # the attachments came too

    outcomes = []
    for fraction in PACKAGE_FRACTIONS:
        target = tmp_path / f"P-{int(fraction * 100)}"
        shutil.copytree(template, target)
        landed = _run_and_kill(target, duration * fraction, "package", "import", str(package))
        con = _connect(target)
        try:
            _check_database(con)
            assert _existing_firm(con) == before_firm, fraction
            counts = _package_counts(con)
        finally:
            con.close()
        assert counts in (base_counts, full_counts), (fraction, counts)
        if not landed:
            assert counts == full_counts, fraction
        outcomes.append((fraction, landed, counts == full_counts))
        if fraction == PACKAGE_FRACTIONS[len(PACKAGE_FRACTIONS) // 2]:
            # The interrupted folder still works: the import completes and lands everything.
            _run(target, "package", "import", str(package))
            con = _connect(target)
            try:
                _check_database(con)
                assert _package_counts(con) == full_counts
            finally:
                con.close()
    assert any(landed for _, landed, _ in outcomes), outcomes


def test_package_import_killed_while_its_transaction_reaches_the_disk(package, tmp_path):
    """SIGKILL as soon as the package's transaction starts reaching the WAL file."""
    target = tmp_path / "P-wal"
    _run(target, "firms", "add", "--uscc", EXISTING_USCC, "--name", EXISTING_NAME)
    con = _connect(target)
    try:
        base_counts = _package_counts(con)
    finally:
        con.close()
    full = tmp_path / "P-wal-full"
    shutil.copytree(target, full)
    _run(full, "package", "import", str(package))
    con = _connect(full)
    try:
        full_counts = _package_counts(con)
    finally:
        con.close()
    wal = target / "srdi.db-wal"
    baseline = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen(_cmd(target, "package", "import", str(package)), env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else 0
            if size > baseline + 4096:
                proc.kill()
                break
            time.sleep(0.0005)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    con = _connect(target)
    try:
        _check_database(con)
        counts = _package_counts(con)
    finally:
        con.close()
    assert counts in (base_counts, full_counts)
