"""Start-up to the first painted main window, and the memory peak of the window listing
100,000 firms; both against an empty PySide6 window, each in fresh processes.

Both windows start as installed, from compiled bytecode: a pip install or the PyInstaller
bundle holds the modules' bytecode, while with PYTHONDONTWRITEBYTECODE (as the development
environment sets it) every start compiled all of the app's modules again, a cost no user pays.
The children of a run keep their bytecode in its own work folder (PYTHONPYCACHEPREFIX, never
the source tree), compiled by the untimed warm-up runs; the bare window's children alike."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .province import ROOT
from .rows import Row


def _child(mode: str, data_dir: Path, work: Path, memory: bool = False) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(work / "config"),   # Qt settings of these runs only
           "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.gui_child", mode, str(data_dir)]
        + (["--memory"] if memory else []),
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{mode} window did not paint: {done.stderr[-2000:]}")
    result = json.loads(lines[-1])
    result["seconds"] = result["painted"] - started
    return result


# Untimed starts of both windows before the timed ones, for at least this long.
WARM_UP_SECONDS = 10


def measure(data_dir: Path, work: Path, repeats: int) -> list[Row]:
    # Warm-up, not timed: the bytecode is compiled and the files come into the OS cache, as for
    # any start but the first after a reboot. For seconds, not one start each: right after
    # heavy work (a test run, a build) the first runs here measured the app's start a third
    # slower and the bare window's not, while a run a few seconds later was as usual.
    warming = time.monotonic()
    while True:
        _child("app", data_dir, work)
        _child("bare", data_dir, work)
        if time.monotonic() - warming >= WARM_UP_SECONDS:
            break
    app_times, bare_times = [], []
    # Three pairs a repeat: a start takes a fifth of a second, and this VM's speed drifts from
    # one second to the next; the median of three samples followed that drift.
    for _ in range(3 * max(repeats, 3)):
        app_times.append(_child("app", data_dir, work)["seconds"])
        bare_times.append(_child("bare", data_dir, work)["seconds"])
    app_peak = max(_child("app", data_dir, work, memory=True)["peak_mb"] for _ in range(2))
    bare_peak = max(_child("bare", data_dir, work, memory=True)["peak_mb"] for _ in range(2))
    return [Row("start_to_first_paint", statistics.median(app_times),
                statistics.median(bare_times), 2.0),
            Row("gui_peak_memory_all_firms_listed", app_peak, bare_peak, 150, unit="MB",
                check="over")]
