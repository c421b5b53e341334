"""The rulebook files are data, validated on load: a broken copy is refused with a message
naming the file and the key; a changed threshold changes verdicts without touching Python.

Every case copies the shipped files into tmp_path and edits ONE place by text replacement;
the anchor is asserted first, so a test that lost its anchor says so instead of passing.
"""
from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop.domain.verdicts import Outcome, TierOutcome
from desktop.paths import resources_dir
from desktop.rules.engine import Engine
from desktop.rules.rulebook import RulebookError, load_rulebook
from desktop.rules.size_class import load_size_gate

from .builders import base_firm_facts, criterion, fig, then

SHIPPED = resources_dir() / "criteria"

G2_REVENUE = 'test = { metric = "operating_revenue", year = -1, op = ">=", value = 5000 }'
G4_IP = 'metric = "class_i_ip", related = true, transferred = "never", max_rank = 3, op = ">=", value = 4'
T1_RD_BANDS = "bands = [[0.05, 20], [0.03, 15], [0.02, 10], [0.01, 5]]"
INDUSTRIAL_LARGE = "large = { employees = 1000, revenue = 40000 }"


def edited_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """All three shipped files in tmp_path, with `old` replaced once by `new` in `name`."""
    for path in SHIPPED.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / name
    text = target.read_text(encoding="utf-8")
    assert old in text, f"anchor {old!r} no longer in {name}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def refusal(load, path: Path) -> dict:
    with pytest.raises(RulebookError) as error:
        load(path)
    message = error.value.messages[0]
    assert message.code == "rulebook.invalid"
    return message.params


BROKEN_2026 = [
    # (the key names the list, not which criterion: the id is read after the keys are checked)
    pytest.param('id = "G2.revenue"\n', 'id = "G2.revenue"\ntreshold = 5000\n', "tiers.3.criteria.treshold",
                 "unknown key", id="unknown key in a criterion"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace(" }", ', unit = "wan" }'),
                 "tiers.3.criteria[G2.revenue].test.unit", "unknown key", id="unknown key in a test"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace(", value = 5000", ""),
                 "tiers.3.criteria[G2.revenue].test.value", "missing", id="missing threshold value"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace('op = ">=", ', ""),
                 "tiers.3.criteria[G2.revenue].test.op", "expected one of", id="missing op"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace('">="', '"=>"'),
                 "tiers.3.criteria[G2.revenue].test.op", "expected one of", id="bad op"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace("operating_revenue", "operating_revenu"),
                 "tiers.3.criteria[G2.revenue].test.metric", "unknown metric", id="unknown metric"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace("5000", '"abc"'),
                 "tiers.3.criteria[G2.revenue].test.value", "expected a number", id="value 'abc'"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace("5000", "true"),
                 "tiers.3.criteria[G2.revenue].test.value", "expected a number", id="value true"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace("year = -1", "year = 1"),
                 "tiers.3.criteria[G2.revenue].test.years", "offsets", id="a future year offset"),
    pytest.param(G2_REVENUE, G2_REVENUE.replace("year = -1", "year = -1, years = [-2, -1]"),
                 "tiers.3.criteria[G2.revenue].test", "not both", id="year and years"),
    pytest.param(G4_IP, G4_IP + ', levels = ["national"]', "tiers.3.criteria[G4.ip].test.levels",
                 "not a parameter", id="unknown parameter of the metric"),
    pytest.param('"rd_expense", years = [-2, -1], mode = "each"', '"rd_expense", years = [-2, -1], mode = "avg"',
                 "tiers.2.criteria[S3.rd_amount].test.mode", "each, sum or mean", id="bad mode"),
    pytest.param('band_edge = "higher"', 'band_edge = "middle"', "settings.band_edge", "expected",
                 id="bad band-edge setting"),
    pytest.param("transfer_wait_years = 1\n", "", "settings.transfer_wait_years", "missing",
                 id="missing setting"),
    pytest.param("effective_from = 2026-04-01", 'effective_from = "2026-04-01"', "rulebook.effective_from",
                 "date", id="effective date as a string"),
    pytest.param('[tiers.2]\n', '[tiers.4]\ntitle_zh = "四"\ntitle_en = "four"\n\n[tiers.2]\n', "tiers.4",
                 "unknown key", id="unknown tier"),
    pytest.param('id = "S5"\n', 'id = "S5"\ntest = { metric = "platform_score", op = ">=", value = 50 }\n',
                 "tiers.2.criteria[S5]", "manual", id="a manual criterion with a test"),
    pytest.param('test = { metric = "platform_score", op = ">=", value = 60 }\n', "",
                 "tiers.3.criteria[G7]", "exactly one of", id="a criterion without a test"),
    pytest.param('title_en = "Last year\'s revenue ≥ 50 million CNY"\n', "",
                 "tiers.3.criteria[G2.revenue].title_en", "missing", id="missing English title"),
    pytest.param('hint = { metric = "leading_product_field",',
                 'hint = { metric = "leading_product_field", op = ">=", value = 1,',
                 "tiers.3.criteria[G6].hint", "no op or value", id="a hint with a threshold"),
    pytest.param('[rulebook]\n', '[rulebook\n', "", "", id="TOML syntax error"),
]


@pytest.mark.parametrize("old, new, key, problem", BROKEN_2026)
def test_broken_2026_copy_is_refused(tmp_path, old, new, key, problem):
    params = refusal(load_rulebook, edited_copy(tmp_path, "2026.toml", old, new))
    assert params["path"] == "2026.toml"
    assert params["key"] == key
    assert problem in params["problem"]


BROKEN_2022 = [
    pytest.param(T1_RD_BANDS, "bands = [[0.03, 15], [0.05, 20], [0.02, 10], [0.01, 5]]",
                 "tiers.1.indicators[T1.rd_intensity].bands", "from the best band down", id="bands out of order"),
    pytest.param(T1_RD_BANDS, "bands = [[0.05, 20], [0.05, 15], [0.02, 10], [0.01, 5]]",
                 "tiers.1.indicators[T1.rd_intensity].bands", "without repeats", id="repeated band edge"),
    pytest.param(T1_RD_BANDS, "bands = [[0.05, 20, 1], [0.03, 15], [0.02, 10], [0.01, 5]]",
                 "tiers.1.indicators[T1.rd_intensity].bands[0]", "[edge, points]", id="band of three numbers"),
    pytest.param(T1_RD_BANDS, 'bands = [[0.05, "abc"], [0.03, 15], [0.02, 10], [0.01, 5]]',
                 "tiers.1.indicators[T1.rd_intensity].bands[0]", "expected a number", id="band points 'abc'"),
    pytest.param("bands = [[0.55, 10], [0.75, 5]]", "bands = [[0.75, 5], [0.55, 10]]",
                 "tiers.1.indicators[T1.debt].bands", "from the best band down",
                 id="lower-is-better bands out of order"),
    pytest.param("categories = { yes = 10, no = 5 }", "categories = { yes = 10, maybe = 5 }",
                 "tiers.1.indicators[T1.field].categories.maybe", "unknown key", id="unknown category"),
    pytest.param('id = "T1.ip"\ngroup = "innovation"', 'id = "T1.ip"\ngroup = "innovatoin"',
                 "tiers.1.indicators[T1.ip].group", "not a score group", id="indicator in an unknown group"),
    pytest.param("pass_at_least = 60\ngroups = { innovation", "groups = { innovation",
                 "tiers.1.score.pass_at_least", "missing", id="missing pass mark"),
    pytest.param("per = { unit = 2, points = 1, cap = 5 }", "per = { unit = 0, points = 1, cap = 5 }",
                 "tiers.2.indicators[P3.niche].per.unit", "positive", id="zero unit"),
    pytest.param('test = { metric = "own_brand" }', 'test = { metric = "own_brand", op = "==", value = 1 }',
                 "tiers.3.criteria[T.brand].test", "no op or value", id="a boolean metric with a threshold"),
]


@pytest.mark.parametrize("old, new, key, problem", BROKEN_2022)
def test_broken_2022_copy_is_refused(tmp_path, old, new, key, problem):
    params = refusal(load_rulebook, edited_copy(tmp_path, "2022.toml", old, new))
    assert params["path"] == "2022.toml"
    assert params["key"] == key
    assert problem in params["problem"]


BROKEN_SIZE_GATE = [
    pytest.param(INDUSTRIAL_LARGE, "large = { staff = 1000, revenue = 40000 }", "size_gate.sectors[0].large.staff",
                 "unknown key", id="unknown measure"),
    pytest.param(INDUSTRIAL_LARGE, 'large = { employees = "many", revenue = 40000 }',
                 "size_gate.sectors[0].large.employees", "expected a number", id="limit 'many'"),
    pytest.param(INDUSTRIAL_LARGE, "large = {}", "size_gate.sectors[0].large", "at least one limit",
                 id="class without limits"),
    pytest.param("small = { employees = 20, revenue = 300 }\n", "", "size_gate.sectors[0].small", "missing",
                 id="missing class"),
    pytest.param('source = "工信部联企业〔2011〕300号"\n', "", "size_gate.source", "missing",
                 id="missing source"),
]


@pytest.mark.parametrize("old, new, key, problem", BROKEN_SIZE_GATE)
def test_broken_size_gate_copy_is_refused(tmp_path, old, new, key, problem):
    params = refusal(load_size_gate, edited_copy(tmp_path, "size_gate.toml", old, new))
    assert params["path"] == "size_gate.toml"
    assert params["key"] == key
    assert problem in params["problem"]


def test_inheriting_from_an_unknown_rulebook_is_refused(tmp_path):
    edited_copy(tmp_path, "2026.toml", 'inherit = "2022"', 'inherit = "2021"')
    with pytest.raises(RulebookError) as error:
        Engine.load(tmp_path)
    assert error.value.messages[0].params["key"] == "tiers.1.inherit"


def test_the_shipped_files_load(engine):
    assert set(engine.rulebooks) == {"2022", "2026"}
    assert set(engine.size_gate.sectors) >= {"industrial", "software_it", "other"}


# ---------------------------------------------------------------- gaps in the validation
@pytest.mark.parametrize("value", ['"NaN"', '"Infinity"', "nan", "inf"])
def test_a_non_finite_threshold_is_refused(tmp_path, value):
    path = edited_copy(tmp_path, "2026.toml", G2_REVENUE, G2_REVENUE.replace("5000", value))
    params = refusal(load_rulebook, path)
    assert params["key"] == "tiers.3.criteria[G2.revenue].test.value"


def test_a_transition_with_an_unknown_kind_is_refused(tmp_path):
    path = edited_copy(tmp_path, "2026.toml", 'kind = "review"', 'kind = "reveiw"')
    assert refusal(load_rulebook, path)["key"].startswith("transitions[0]")


def test_a_transition_to_an_unknown_rulebook_is_refused(tmp_path):
    edited_copy(tmp_path, "2026.toml", 'use = "2022"', 'use = "2021"')
    with pytest.raises(RulebookError):
        Engine.load(tmp_path)


def test_an_unknown_sector_is_refused(tmp_path):
    path = edited_copy(tmp_path, "size_gate.toml", 'sector = "industrial"', 'sector = "industral"')
    assert refusal(load_size_gate, path)["key"].startswith("size_gate.sectors[0]")


def test_a_non_boolean_flag_is_refused(tmp_path):
    path = edited_copy(tmp_path, "2026.toml", "review_exempt = true", 'review_exempt = "true"')
    assert refusal(load_rulebook, path)["key"].endswith("review_exempt")


def test_a_duplicate_criterion_id_is_refused(tmp_path):
    path = edited_copy(tmp_path, "2026.toml", 'id = "G2.share"', 'id = "G2.revenue"')
    assert "G2.revenue" in refusal(load_rulebook, path)["key"]


# ---------------------------------------------------------------- thresholds are data
def test_a_changed_threshold_changes_the_verdict(tmp_path, engine):
    edited_copy(tmp_path, "2026.toml", G2_REVENUE, G2_REVENUE.replace("5000", "9000"))
    changed = Engine.load(tmp_path)
    facts = base_firm_facts()                                   # revenue 2025 = 8000
    assert engine.evaluate_tier(facts, 3).outcome is TierOutcome.PASS
    verdict = changed.evaluate_tier(facts, 3)
    assert criterion(verdict, "G2.revenue").outcome is Outcome.FAIL
    assert criterion(verdict, "G2.revenue").threshold.startswith("≥ 9,000")
    assert verdict.outcome is TierOutcome.FAIL
    rich = fig(2025, operating_revenue=D("9000"), main_business_revenue=D("8550"))(facts)
    assert criterion(changed.evaluate_tier(rich, 3), "G2.revenue").outcome is Outcome.PASS


def test_a_changed_band_edge_policy_changes_the_score(tmp_path, engine):
    edited_copy(tmp_path, "2022.toml", 'band_edge = "higher"', 'band_edge = "lower"')
    changed = Engine.load(tmp_path)
    facts = then(fig(2025, operating_revenue=D("10000"), main_business_revenue=D("9500"),
                     rd_expense=D("500")))(base_firm_facts())          # exactly 5%
    assert criterion(engine.evaluate_tier(facts, 1), "T1.rd_intensity").points == 20
    assert criterion(changed.evaluate_tier(facts, 1), "T1.rd_intensity").points == 15
    assert "band_edge_lower" in changed.evaluate_tier(facts, 1).interpretations
