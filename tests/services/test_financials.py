"""Yearly figures: exact money, unknown stays empty, every rule on its field."""
from decimal import Decimal

import pytest

from desktop.domain.errors import NotFound, ValidationError
from tests.conftest import snapshot

YEAR_2025 = {"year": 2025, "operating_revenue": "1800", "main_business_revenue": "1700",
             "rd_expense": "120.123456", "total_assets": "2500", "total_liabilities": "1200",
             "net_profit": "-35.5", "employee_count": 85, "rd_staff_count": 12,
             "source_note": "苏公W[2026]A123号"}


def codes(caught) -> dict[str, str]:
    return {m.field: m.code for m in caught.value.messages}


def test_figures_are_saved_exactly_and_unknown_is_empty(workspace, firm):
    saved = workspace.financials.set_year_from(firm.id, YEAR_2025)
    assert saved.rd_expense == Decimal("120.123456")
    assert saved.net_profit == Decimal("-35.5")  # a loss is allowed
    assert saved.equity_financing is None and saved.tech_staff_count is None
    assert workspace.financials.year(firm.id, 2025) == saved


def test_setting_a_year_again_replaces_it(workspace, firm):
    workspace.financials.set_year_from(firm.id, YEAR_2025)
    again = workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "1900"})
    assert again.operating_revenue == Decimal("1900") and again.rd_expense is None
    assert [y.year for y in workspace.financials.years(firm.id)] == [2025]


@pytest.mark.parametrize("changes, field, code", [
    ({"operating_revenue": "-1"}, "operating_revenue", "money.negative"),
    ({"rd_expense": "-0.01"}, "rd_expense", "money.negative"),
    ({"employee_count": "-2", "rd_staff_count": None}, "employee_count", "count.negative"),
    ({"rd_staff_count": 86}, "rd_staff_count", "count.exceeds"),
    ({"tech_staff_count": 90}, "tech_staff_count", "count.exceeds"),
    ({"main_business_revenue": "1800.01"}, "main_business_revenue", "amount.exceeds"),
    ({"year": 2027}, "year", "year.out_of_range"),
    ({"year": 1900}, "year", "year.out_of_range"),
    ({"year": "last"}, "year", "value.not_a_number"),
    ({"employee_count": "85.5"}, "employee_count", "value.not_an_integer"),
    ({"operating_revenue": "一千"}, "operating_revenue", "value.not_a_number"),
])
def test_each_rule_refuses_on_its_field_and_writes_nothing(workspace, firm, changes, field, code):
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.financials.set_year_from(firm.id, {**YEAR_2025, **changes})
    assert codes(caught)[field] == code
    assert snapshot(workspace) == before


def test_exactly_equal_values_pass_the_relations(workspace, firm):
    saved = workspace.financials.set_year_from(firm.id, {**YEAR_2025, "main_business_revenue": "1800",
                                                         "rd_staff_count": 85})
    assert saved.main_business_revenue == saved.operating_revenue


def test_the_current_year_is_allowed_for_figures(workspace, firm):
    assert workspace.financials.set_year_from(firm.id, {"year": 2026}).year == 2026


def test_clearing_a_year(workspace, firm):
    workspace.financials.set_year_from(firm.id, YEAR_2025)
    workspace.financials.clear_year(firm.id, 2025)
    assert workspace.financials.years(firm.id) == []
    with pytest.raises(NotFound):
        workspace.financials.clear_year(firm.id, 2025)


def test_market_position_and_assessment_have_their_places(workspace, firm):
    position = workspace.financials.set_market_position_from(firm.id, {
        "year": 2025, "scope": "domestic", "share_percent": "12.5", "rank": 2,
        "niche": "环境监测传感器", "source": "自行测算"})
    assert position.share_percent == Decimal("12.5") and position.rank == 2
    assessment = workspace.financials.set_assessment_from(firm.id, {
        "year": 2026, "digital_level": 2, "info_system_count": 3, "platform_score": "63.5"})
    assert assessment.platform_score == Decimal("63.5")
    with pytest.raises(ValidationError) as caught:
        workspace.financials.set_market_position_from(firm.id, {
            "year": 2025, "scope": "galactic", "share_percent": "120", "rank": 0})
    assert codes(caught) == {"scope": "value.unknown_choice"}
    with pytest.raises(ValidationError) as caught:
        workspace.financials.set_market_position_from(firm.id, {
            "year": 2025, "scope": "domestic", "share_percent": "120", "rank": 0})
    assert codes(caught) == {"share_percent": "percent.out_of_range", "rank": "rank.not_positive"}
    with pytest.raises(ValidationError) as caught:
        workspace.financials.set_assessment_from(firm.id, {"year": 2026, "digital_level": 5,
                                                           "platform_score": "101"})
    assert codes(caught) == {"digital_level": "number.out_of_range",
                             "platform_score": "score.out_of_range"}
