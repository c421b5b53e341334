"""build.spec builds a one-folder bundle that runs without Python: `srdi version`, and a
database created, migrated and listed from inside the bundle (resources and code tables found
where the frozen app looks for them)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_bundle_builds_and_runs(tmp_path):
    pytest.importorskip("PyInstaller")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
         str(ROOT / "build.spec")], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    executable = tmp_path / "dist" / "srdi" / ("srdi.exe" if sys.platform == "win32" else "srdi")
    version = subprocess.run([str(executable), "version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("SRDI Desk ")
    db = str(tmp_path / "bundle.db")
    added = subprocess.run([str(executable), "--db", db, "--lang", "en", "firms", "add",
                            "--uscc", "91320583MA1MABCDEA", "--name", "昆山测试有限公司",
                            "--region", "320583", "--industry", "C3985"],
                           capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    listed = subprocess.run([str(executable), "--db", db, "firms", "list", "--json"],
                            capture_output=True, text=True)
    assert json.loads(listed.stdout)[0]["industry_code"] == "C3985"
