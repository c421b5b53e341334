"""Benchmarks of SRDI Desk at provincial scale, each against its floor, measured in one run.

Not part of the default test run (see conftest.py here). Run them all with

    python -m tests.benchmarks [--out benchmark.json] [--only NAME ...] [--repeats N]

Each benchmark runs in a subprocess of its own (one database per process; a clean memory
peak), takes the median of a few repeats of the operation and of its floor, prints a table and
writes a JSON list of rows {"name", "value", "floor", "ratio", "bound", "ok"} (plus "unit" and
"check": "ratio" → ok when ratio ≤ bound, "below" → ok when value < bound, "over" → ok when
value − floor ≤ bound). The 100,000-firm database is generated once and cached (province.py).
"""
