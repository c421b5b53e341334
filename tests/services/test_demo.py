"""The demo data set loads through the ordinary validation, once, whole."""
import json
import shutil

import pytest

from desktop.domain.errors import ValidationError
from desktop.services.demo import demo_path, load_demo
from tests.conftest import snapshot


@pytest.fixture(scope="module")
def demo_data():
    return json.loads(demo_path().read_text(encoding="utf-8"))


def test_the_demo_is_varied_enough_to_show_the_product(demo_data):
    firms = demo_data["firms"]
    assert len(firms) >= 30
    assert len({f["profile"]["region_code"][:2] for f in firms}) >= 8  # provinces
    assert len({f["profile"]["industry_code"][:3] for f in firms}) >= 10
    assert {f["profile"].get("sector_class") for f in firms} >= {"industrial", "software_it"}
    assert all(3 <= len(f["fiscal_years"]) <= 4 or "no 2024" in f["demo_case"] for f in firms)
    for case in ("size gate", "missing", "re-review"):
        assert any(case in f["demo_case"].lower() for f in firms), case


def test_load_creates_every_firm_with_figures_evidence_and_files(workspace, demo_data):
    result = load_demo(workspace)
    assert result.firms == len(demo_data["firms"]) and not result.already_loaded
    summaries = workspace.firms.list()
    assert len(summaries) == len(demo_data["firms"])
    some = workspace.firms.get_by_uscc(demo_data["firms"][0]["profile"]["uscc"])
    assert len(workspace.financials.years(some.id)) >= 3
    items = workspace.evidence.items(some.id)
    with_files = [i for i in items if i.attachments]
    assert with_files, "demo evidence has sample files"
    assert workspace.evidence.file_path(with_files[0].attachments[0]).is_file()
    applications = [a for s in summaries for a in workspace.applications.for_firm(s.id)]
    assert len(applications) == result.applications and len({a.status for a in applications}) >= 5


def test_loading_twice_changes_nothing(workspace):
    load_demo(workspace)
    before = snapshot(workspace)
    assert load_demo(workspace).already_loaded
    assert snapshot(workspace) == before


def test_a_broken_demo_file_loads_nothing(workspace, tmp_path, demo_data):
    broken = json.loads(json.dumps(demo_data))
    broken["firms"][5]["fiscal_years"][0]["operating_revenue"] = "-1"
    shutil.copytree(demo_path().parent / "files", tmp_path / "files")
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        load_demo(workspace, path)
    assert caught.value.messages[0].code == "demo.firm_refused"
    assert caught.value.messages[0].params["index"] == 5
    assert snapshot(workspace) == before
