"""Files that appear only when complete: write to a temporary file beside the target, then
rename it over the target in one step (os.replace). On an error or a cancel the temporary
file is removed and the target is left as it was (absent, or the previous version).

Usable by any writer, not only workbooks: `with atomic_path(target) as temp: save(temp)`.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Progress = Callable[[int, int], "bool | None"]


from desktop.domain.errors import Cancelled  # noqa: E402,F401  (raised when progress says stop)


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far the work is; raise Cancelled when it answers False."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """A temporary path in the target's folder; renamed to `target` when the block ends
    without an exception, deleted otherwise. The folder must exist (OSError if not)."""
    target = Path(target)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".part")
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        try:
            temp.unlink()
        except FileNotFoundError:
            pass
        raise


def write_atomically(target: Path | str, write: Callable[[Path], None]) -> Path:
    """Run `write(temp_path)` and move the result to `target`; return `target`."""
    with atomic_path(target) as temp:
        write(temp)
    return Path(target)
