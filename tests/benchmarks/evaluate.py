"""Every tier judged for 10,000 firms, against loading the same firms' facts only.

Each repeat takes 10,000 other firms (by id), so no cache from an earlier repeat helps
either side. The qualification service is asked as the window and CLI ask it.
"""
from __future__ import annotations

import time
from pathlib import Path

from .rows import Row

FIRMS = 10_000


def measure(data_dir: Path, work: Path, repeats: int) -> list[Row]:
    from desktop.paths import AppPaths
    from desktop.services.workspace import Workspace

    workspace = Workspace.open(AppPaths.resolve(data_dir=data_dir))
    qualification = workspace.qualification
    year = workspace.context.today().year
    qualification.engine   # the rulebooks load once per process, before either is timed
    total = workspace.firms.count(include_archived=True)
    values, floors = [], []
    size = min(FIRMS, total // 2)
    blocks = max(total // size, 2)
    for index in range(repeats):
        # facts of one block of firms, verdicts of the next: neither finds the other's work
        first = (2 * index) % blocks * size + 1
        second = (2 * index + 1) % blocks * size + 1
        started = time.perf_counter()
        for firm_id in range(first, first + size):
            qualification.facts(firm_id, year)
        floors.append(time.perf_counter() - started)
        started = time.perf_counter()
        for firm_id in range(second, second + size):
            qualification.evaluate_firm(firm_id, year)
        values.append(time.perf_counter() - started)
        print(f"  evaluate: {values[-1]:.2f} s, facts {floors[-1]:.2f} s", flush=True)
    workspace.close()
    values.sort()
    floors.sort()
    return [Row(f"evaluate_all_tiers_{size}_firms", values[len(values) // 2],
                floors[len(floors) // 2], 2.0)]
