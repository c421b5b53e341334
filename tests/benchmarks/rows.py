"""A benchmark's result rows, the median of repeats, and the printed table."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Row:
    name: str
    value: float
    floor: float | None
    bound: float
    unit: str = "s"
    check: str = "ratio"      # ratio: value/floor ≤ bound; below: value < bound; over: value-floor ≤ bound

    @property
    def ratio(self) -> float | None:
        return round(self.value / self.floor, 3) if self.floor else None

    @property
    def ok(self) -> bool:
        if self.check == "below":
            return self.value < self.bound
        if self.check == "over":
            return self.value - (self.floor or 0) <= self.bound
        return self.ratio is not None and self.ratio <= self.bound

    def as_json(self) -> dict:
        data = asdict(self)
        return {"name": self.name, "value": round(self.value, 4),
                "floor": None if self.floor is None else round(self.floor, 4),
                "ratio": self.ratio, "bound": self.bound, "ok": self.ok,
                "unit": data["unit"], "check": data["check"]}


def median_time(action: Callable[[int], object], repeats: int,
                prepare: Callable[[int], object] | None = None) -> float:
    """The median wall time of `action(i)` over `repeats` runs; `prepare(i)` is not timed."""
    times = []
    for index in range(repeats):
        if prepare is not None:
            prepare(index)
        started = time.perf_counter()
        action(index)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def table(rows: list[dict]) -> str:
    head = f"{'benchmark':<34} {'value':>11} {'floor':>11} {'ratio':>7} {'bound':>9}  ok"
    lines = [head, "-" * len(head)]
    for row in rows:
        unit = row.get("unit", "")
        bound = {"ratio": f"≤{row['bound']}", "below": f"<{row['bound']}{unit}",
                 "over": f"+{row['bound']}{unit}"}[row.get("check", "ratio")]
        floor = "" if row["floor"] is None else f"{row['floor']:.4g}{unit}"
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}"
        lines.append(f"{row['name']:<34} {row['value']:>10.4g}{unit:<1} {floor:>11} "
                     f"{ratio:>7} {bound:>9}  {'yes' if row['ok'] else 'NO'}")
    return "\n".join(lines)
