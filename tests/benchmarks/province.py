"""The generated province, cached between runs: generating 100,000 firms takes minutes.

The cache file is keyed by seed, size and a digest of the migrations (a schema change makes a
new one, so no benchmark measures a migration: the newest older file is copied and migrated
once, or the province generated when there is none). Folder: $SRDI_BENCH_CACHE, else
<tmp>/srdi-bench. Benchmarks use a copy in their own data folder, never the cached file.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATOR_VERSION = 1   # raise when desktop/services/synthetic.py makes other data


def cache_dir() -> Path:
    folder = Path(os.environ.get("SRDI_BENCH_CACHE") or Path(tempfile.gettempdir()) / "srdi-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _schema_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "desktop" / "db" / "migrations").glob("m*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def cached_database(firms: int = 100_000, seed: int = 1, applications: int = 10_000) -> Path:
    """The database file of the synthetic province, generated first if not cached yet."""
    name = f"province-f{firms}-a{applications}-s{seed}-g{GENERATOR_VERSION}-{_schema_digest()}.db"
    target = cache_dir() / name
    if target.exists():
        return target
    partial = target.with_suffix(".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    older = sorted(cache_dir().glob(name.rsplit("-", 1)[0] + "-*.db"),
                   key=lambda path: path.stat().st_mtime)
    if older:   # the same data under an older schema: migrating it is quicker than generating
        print(f"migrating {older[-1].name} into {target} (once; cached) …", file=sys.stderr)
        shutil.copy(older[-1], partial)
        subprocess.run([sys.executable, "-c", "import sys; from desktop.db.database import "
                        "Database; Database.open(sys.argv[1]).close()", str(partial)],
                       cwd=ROOT, check=True)
    else:
        print(f"generating {firms} firms into {target} (once; cached) …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "desktop", "--db", str(partial), "generate",
                        "--firms", str(firms), "--applications", str(applications),
                        "--seed", str(seed)], cwd=ROOT, check=True)
    # one self-contained file: the WAL folded in
    subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                    " c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.execute('PRAGMA "
                    "journal_mode=DELETE'); c.close()", str(partial)], check=True)
    partial.rename(target)
    return target


def data_folder(source: Path | None, folder: Path) -> Path:
    """A data folder holding a copy of `source` as its database (empty when None)."""
    folder.mkdir(parents=True, exist_ok=True)
    if source is not None:
        shutil.copy(source, folder / "srdi.db")
    return folder


def empty_database(folder: Path) -> Path:
    """A freshly migrated empty database in `folder` (made through a subprocess: opening it
    here would bind this process's one database)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", "import sys; from desktop.db.database import Database;"
                    " Database.open(sys.argv[1]).close()", str(folder / "srdi.db")],
                   cwd=ROOT, check=True)
    return folder / "srdi.db"
