"""The PyInstaller bundle: build.spec builds a one-folder bundle that passes .ci/smoke_bundle.py
(`srdi version`, the demo loaded, a firm checked, the window started offscreen and closed, the
trim held), and the hook that smoke test uses to close the window works from source too.

.ci/run builds dist/srdi and runs the smoke script itself right after the test run, so it sets
SRDI_SKIP_BUNDLE_TEST=1 for the test run rather than build the bundle twice."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _quiet_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    for name in ("SRDI_DB", "SRDI_DATA_DIR"):
        env.pop(name, None)
    # Keep the window's settings and logs out of the user's home.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


@pytest.mark.slow
def test_the_smoke_hook_closes_the_painted_window_and_reports_it(tmp_path):
    db = str(tmp_path / "smoke.db")
    env = _quiet_env(tmp_path)
    # One firm, so that the first-start dialog (offered on an empty database) stays away.
    added = subprocess.run([sys.executable, "-m", "desktop", "--db", db, "--lang", "en", "firms", "add",
                            "--uscc", "91320583MA1MABCDEA", "--name", "昆山测试有限公司",
                            "--region", "320583", "--industry", "C3985"],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr

    shown = subprocess.run([sys.executable, "-m", "desktop", "--db", db, "--lang", "zh_CN"],
                           cwd=ROOT, env=dict(env, SRDI_SMOKE_TEST="1"),
                           capture_output=True, text=True, encoding="utf-8", timeout=120)

    assert shown.returncode == 0, shown.stderr[-3000:]
    report = json.loads([line for line in shown.stdout.splitlines() if line.startswith("{")][-1])
    assert report["platform"] == "offscreen"
    assert report["title"].startswith("SRDI Desk")
    assert report["menus"][0] == "文件(&F)"
    assert report["qt_cancel"] == "取消"
    assert report["cycle_collector"] is True   # paused for the start only


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get("SRDI_SKIP_BUNDLE_TEST")),
                    reason="SRDI_SKIP_BUNDLE_TEST: .ci/run builds dist/srdi and smoke-tests it after the tests")
def test_the_bundle_builds_and_passes_its_smoke_test(tmp_path):
    pytest.importorskip("PyInstaller")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
         str(ROOT / "build.spec")], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]

    smoke = subprocess.run([sys.executable, str(ROOT / ".ci" / "smoke_bundle.py"),
                            str(tmp_path / "dist" / "srdi")],
                           cwd=tmp_path, env=_quiet_env(tmp_path), capture_output=True, text=True,
                           encoding="utf-8", timeout=900)

    assert smoke.returncode == 0, smoke.stdout[-3000:] + smoke.stderr[-3000:]
    assert "bundle smoke test passed" in smoke.stdout
