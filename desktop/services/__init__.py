"""Use cases: the one API of the GUI and the CLI. Every write runs in one transaction."""
