"""Shared by the tests of many verdicts at once: one demo workspace per test module, and the
SQL statements a block of code runs."""
import shutil
from collections.abc import Iterator
from contextlib import contextmanager


def demo_workspace(tmp_path_factory, template_db, name: str) -> Iterator:
    """A workspace with the demo data, for a module-scoped fixture to yield from."""
    from desktop.paths import AppPaths
    from desktop.services.demo import load_demo
    from desktop.services.workspace import Workspace
    from tests.conftest import NOW, TODAY

    data_dir = tmp_path_factory.mktemp(name)
    shutil.copy(template_db, data_dir / "srdi.db")
    with Workspace.open(AppPaths.resolve(data_dir=data_dir), user="tester", now=lambda: NOW,
                        today=lambda: TODAY) as workspace:
        load_demo(workspace)
        yield workspace


@contextmanager
def statements(workspace) -> Iterator[list[str]]:
    """The SQL statements run on the workspace's connection inside the block."""
    seen: list[str] = []
    connection = workspace.context.database.sqlite_connection()
    connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)
