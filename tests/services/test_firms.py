"""Firms through the service: validation names every field, writes are all or nothing."""
import dataclasses
from decimal import Decimal

import pytest

from desktop.domain.enums import SectorClass
from desktop.domain.errors import Conflict, NotFound, ValidationError
from desktop.services import changes
from tests.conftest import make_uscc, snapshot


def problems(error) -> dict[str, str]:
    return {m.field: m.code for m in error.value.messages}


def test_a_valid_firm_is_saved_normalised_with_its_sector_derived(workspace):
    code = make_uscc()
    firm = workspace.firms.create_from({"uscc": code.lower()[:6] + " " + code.lower()[6:],
                                        "name": " 苏州测试有限公司 ", "industry_code": "i6513",
                                        "registered_capital": "1,000.50"})
    assert firm.uscc == code and firm.name == "苏州测试有限公司"
    assert firm.industry_code == "I6513" and firm.sector_class is SectorClass.SOFTWARE_IT
    assert firm.registered_capital == Decimal("1000.5")
    assert workspace.firms.get_by_uscc(code) == firm


@pytest.mark.parametrize("field, value, code", [
    ("uscc", "91320583MA1MABCDEB", "uscc.invalid_checksum"),
    ("uscc", "9132058", "uscc.invalid_length"),
    ("uscc", "91320583MA1MABCDIA", "uscc.invalid_format"),
    ("uscc", "", "field.required"),
    ("name", "   ", "field.required"),
    ("registered_capital", "-1", "money.negative"),
    ("registered_capital", "lots", "value.not_a_number"),
    ("registration_date", "2027-01-01", "date.in_future"),
    ("registration_date", "1900-01-01", "date.too_early"),
    ("registration_date", "yesterday", "value.not_a_date"),
    ("niche_entry_date", "2026-11-28", "date.in_future"),
    ("region_code", "999999", "region.unknown"),
    ("region_code", "110103", "region.unknown"),  # 崇文区, merged away in 2010
    ("industry_code", "C9999", "industry.unknown"),
    ("leading_product_code", "12345", "product_code.invalid"),
    ("contact_email", "nobody", "email.invalid"),
    ("contact_phone", "call me", "phone.invalid"),
    ("sector_class", "huge", "value.unknown_choice"),
    ("own_brand", "perhaps", "value.not_a_boolean"),
    ("name", "名" * 201, "text.too_long"),
    ("colour", "red", "value.unknown_field"),
])
def test_each_rule_refuses_with_a_message_on_its_field(workspace, field, value, code):
    raw = {"uscc": make_uscc(), "name": "测试有限公司", field: value}
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.firms.create_from(raw)
    assert problems(caught)[field] == code
    assert snapshot(workspace) == before


def test_every_problem_of_a_form_is_reported_at_once(workspace):
    with pytest.raises(ValidationError) as caught:
        workspace.firms.create_from({"uscc": "91320583MA1MABCDEB", "name": "",
                                     "registered_capital": "-5", "contact_email": "x",
                                     "registration_date": "not a date"})
    assert problems(caught) == {"uscc": "uscc.invalid_checksum", "name": "field.required",
                                "registered_capital": "money.negative",
                                "contact_email": "email.invalid",
                                "registration_date": "value.not_a_date"}


def test_a_listed_firm_needs_its_stock_code(workspace):
    with pytest.raises(ValidationError) as caught:
        workspace.firms.create_from({"uscc": make_uscc(), "name": "甲", "listing_status": "listed"})
    assert problems(caught) == {"stock_code": "stock_code.required_when_listed"}


def test_the_same_uscc_cannot_be_added_twice(workspace, firm):
    with pytest.raises(Conflict) as caught:
        workspace.firms.create_from({"uscc": firm.uscc, "name": "另一家公司"})
    assert caught.value.messages[0].field == "uscc"
    assert workspace.firms.count() == 1


def test_update_logs_each_changed_field_with_who_and_old_and_new(workspace, firm):
    from desktop.db import changelog

    updated = workspace.firms.update(dataclasses.replace(firm, name="苏州精测传感股份有限公司",
                                                         registered_capital=Decimal("800")))
    assert updated.name == "苏州精测传感股份有限公司"
    entries = [e for e in changelog.for_record("firm", firm.id) if e.action.value == "update"]
    assert {(e.field, e.old, e.new) for e in entries} == {
        ("name", "苏州精测传感科技有限公司", "苏州精测传感股份有限公司"),
        ("registered_capital", None, "800")}
    assert {e.who for e in entries} == {"tester"}


def test_an_invalid_update_leaves_the_saved_firm_as_it_was(workspace, firm):
    with pytest.raises(ValidationError):
        workspace.firms.update(dataclasses.replace(firm, name="", contact_email="bad"))
    assert workspace.firms.get(firm.id) == firm


def test_a_write_that_fails_halfway_is_rolled_back(workspace, monkeypatch):
    """The firm row is written, then the change log fails: nothing of it may remain."""
    before = snapshot(workspace)

    def broken_log(*args, **kwargs):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(changes, "log", broken_log)
    with pytest.raises(RuntimeError):
        workspace.firms.create_from({"uscc": make_uscc(), "name": "半途公司"})
    assert snapshot(workspace) == before


def test_archived_firms_leave_the_list_but_stay_findable(workspace, firm):
    workspace.firms.set_archived(firm.id)
    assert workspace.firms.list() == []
    assert [f.uscc for f in workspace.firms.list(include_archived=True)] == [firm.uscc]
    assert workspace.firms.get_by_uscc(firm.uscc).archived
    workspace.firms.set_archived(firm.id, False)
    assert len(workspace.firms.list()) == 1


def test_search_by_part_of_the_name_or_the_uscc(workspace, firm):
    other = workspace.firms.create_from({"uscc": make_uscc("440305", "MA5ABCDEF"),
                                         "name": "深圳南山软件有限公司", "name_en": "Nanshan Soft"})
    assert [f.id for f in workspace.firms.list("精测")] == [firm.id]
    assert [f.id for f in workspace.firms.list("440305")] == [other.id]
    assert [f.id for f in workspace.firms.list("nanshan")] == [other.id]
    assert [f.name for f in workspace.firms.list()] == sorted([firm.name, other.name])
    assert workspace.firms.list("不存在") == []


def test_an_unknown_firm_is_reported_by_its_code(workspace):
    with pytest.raises(NotFound) as caught:
        workspace.firms.get_by_uscc(make_uscc())
    assert caught.value.messages[0].code == "firm.not_found"
