# The benchmarks take minutes and a generated 100,000-firm database: never collected by
# pytest, even when pointed here. They run with `python -m tests.benchmarks`.
collect_ignore_glob = ["*.py"]
