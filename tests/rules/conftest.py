"""The engine, loaded once per module from the shipped rulebooks."""
from __future__ import annotations

import pytest

from desktop.paths import resources_dir
from desktop.rules.engine import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load(resources_dir() / "criteria")
