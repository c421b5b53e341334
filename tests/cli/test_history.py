"""`srdi history` lists a firm's (or an application's) changes; `srdi revert` reverts one,
or says why not (exit 1) and changes nothing."""
import json
from datetime import date

import pytest

from desktop.__main__ import main
from desktop.domain import records as r
from desktop.domain.enums import Decision, Tier
from desktop.services.workspace import Workspace
from tests.conftest import make_uscc, snapshot


@pytest.fixture
def setup(paths):
    """A firm with two revenue figures and an application with a decision; closed again, as
    the CLI opens the database itself."""
    uscc = make_uscc()
    with Workspace.open(paths, user="tester") as workspace:
        firm = workspace.firms.create_from({"uscc": uscc, "name": "苏州精测传感科技有限公司"})
        workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8000"})
        workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8500"})
        application = workspace.applications.create(r.Application(
            firm_id=firm.id, tier=Tier.SPECIALIZED, assessment_date=date(2026, 6, 30)))
        workspace.applications.decide(application.id, "G6", Decision.PASS, "细分领域龙头")
    return {"db": str(paths.database), "uscc": uscc, "application": application.id,
            "paths": paths}


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def history_json(capsys, setup, *extra):
    code, out, _ = run(capsys, "--db", setup["db"], "--lang", "en", "history", setup["uscc"],
                       "--json", *extra)
    assert code == 0
    return json.loads(out)


def test_the_history_of_a_firm_newest_first(capsys, setup):
    code, out, _ = run(capsys, "--db", setup["db"], "--lang", "en", "history", setup["uscc"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("#") and "Decision on G6" in lines[0]
    revenue = next(line for line in lines if "8000 → 8500" in line)
    assert "tester  Fiscal year 2025  changed Operating revenue (10k CNY): 8000 → 8500" in revenue
    created = next(line for line in lines if "Application tier 2 (2026-06-30)" in line)
    assert created.endswith("(cannot revert: an application is never deleted; withdraw it "
                            "instead)")


def test_the_history_in_chinese(capsys, setup):
    code, out, _ = run(capsys, "--db", setup["db"], "--lang", "zh_CN", "history", setup["uscc"])
    assert code == 0 and "2025年度财务数据  修改 营业收入（万元）：8000 → 8500" in out


def test_json_for_scripts_and_one_application(capsys, setup):
    entries = history_json(capsys, setup)
    revenue = next(e for e in entries if e["field"] == "operating_revenue"
                   and e["action"] == "update")
    assert revenue["old"] == "8000" and revenue["new"] == "8500" and revenue["can_revert"]
    assert revenue["record"] == "Fiscal year 2025" and revenue["at"].endswith("+00:00")
    only = history_json(capsys, setup, "--application", str(setup["application"]))
    assert {e["table"] for e in only} == {"application", "manual_decision"}


def test_revert_then_the_reverted_value_is_back(capsys, setup):
    revenue = next(e for e in history_json(capsys, setup)
                   if e["field"] == "operating_revenue" and e["action"] == "update")
    code, out, _ = run(capsys, "--db", setup["db"], "--lang", "en", "revert", str(revenue["id"]))
    assert code == 0 and out.startswith(f"Reverted change {revenue['id']} (the revert is change ")
    latest = history_json(capsys, setup)
    reverted = next(e for e in latest if e["field"] == "operating_revenue")
    assert (reverted["old"], reverted["new"]) == ("8500", "8000")
    # the original change now no longer holds: it says why
    again = next(e for e in latest if e["id"] == revenue["id"])
    assert not again["can_revert"]
    assert again["reason"] == ("Operating revenue (10k CNY) has been changed again since: "
                               "it is now '8000'")


def test_a_refused_revert_exits_1_and_changes_nothing(capsys, setup):
    created = next(e for e in history_json(capsys, setup) if e["table"] == "application")
    with Workspace.open(setup["paths"]) as workspace:
        before = snapshot(workspace)
    code, out, err = run(capsys, "--db", setup["db"], "--lang", "en", "revert", str(created["id"]))
    assert code == 1 and out == ""
    assert err.strip() == "an application is never deleted; withdraw it instead"
    with Workspace.open(setup["paths"]) as workspace:
        assert snapshot(workspace) == before


def test_an_unknown_change_or_firm(capsys, setup):
    code, _, err = run(capsys, "--db", setup["db"], "--lang", "en", "revert", "99999")
    assert code == 1 and err.strip() == "there is no change 99999 in the history"
    code, _, err = run(capsys, "--db", setup["db"], "history", "91320583MA1MABCDEB")
    assert code == 1 and err.strip()
