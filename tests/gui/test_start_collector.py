"""Python's cycle collector is paused while the window starts (its collections walked every
object the start had made) and runs again once, whatever paused it later."""
from __future__ import annotations

import gc

import pytest

from desktop.gui.app import _pause_collector_for_start


@pytest.fixture
def collector_restored():
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_start_pauses_the_collector_until_resumed(collector_restored):
    gc.enable()
    resume = _pause_collector_for_start()
    assert not gc.isenabled()
    resume()
    assert gc.isenabled()


def test_resuming_twice_does_not_undo_a_later_pause(collector_restored):
    gc.enable()
    resume = _pause_collector_for_start()
    resume()                 # the first paint
    gc.disable()             # bulk work pauses it again (services/collector.py)
    resume()                 # the fallback timer fires later: leaves that pause alone
    assert not gc.isenabled()


def test_a_collector_already_off_stays_off(collector_restored):
    gc.disable()
    resume = _pause_collector_for_start()
    resume()
    assert not gc.isenabled()
