"""The records are made by area when first asked for (a frozen dataclass costs about a
millisecond to define; the first window needs two of fifteen), and behave as one module."""
from __future__ import annotations

import subprocess
import sys
import typing

import pytest

from desktop.domain import records as r


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_area_is_loaded_only_when_one_of_its_records_is_asked_for():
    loaded = _run(
        "import sys\n"
        "from desktop.domain.records import FirmQuery, FirmSummary\n"
        "areas = lambda: sorted(m.rsplit('.', 1)[1] for m in sys.modules\n"
        "                       if m.startswith('desktop.domain._records.'))\n"
        "print(areas())\n"
        "import desktop.domain.records as r\n"
        "r.FISCAL_MONEY\n"
        "print(areas())\n")
    assert loaded.splitlines() == ["['firm_list']", "['figures', 'firm_list']"]


def test_every_record_is_reachable_and_an_unknown_name_is_an_attribute_error():
    for name in r.__all__:
        assert getattr(r, name) is not None
        assert name in dir(r)
    assert r.FirmSnapshot.__name__ == "FirmSnapshot"
    assert issubclass(r.FiscalYear, r.Record)
    with pytest.raises(AttributeError, match="NoSuchRecord"):
        r.NoSuchRecord  # noqa: B018
    with pytest.raises(ImportError):
        from desktop.domain.records import NoSuchRecord  # noqa: F401


def test_type_hints_resolve_in_each_area():
    # services/inputs.py and db/bulk.py read them to parse raw values
    hints = typing.get_type_hints(r.FirmSnapshot)
    assert hints["firm"] is r.Firm
    assert typing.get_type_hints(r.EvidenceItem)["attachments"] == tuple[r.Attachment, ...]
