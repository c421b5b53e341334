"""Every message code has wording in both languages with the same placeholders, and every code
the code base uses is in the catalog."""
import ast
import string
from pathlib import Path

import pytest

from desktop.domain.catalog import FIELD_LABELS, MESSAGES
from desktop.domain.messages import FieldRef, Message, field_label, render

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_use_the_same_placeholders(code):
    english, chinese = MESSAGES[code]
    assert english.strip() and chinese.strip()
    assert placeholders(english) == placeholders(chinese)


@pytest.mark.parametrize("name", sorted(FIELD_LABELS))
def test_every_field_label_has_both_languages(name):
    english, chinese = FIELD_LABELS[name]
    assert english.strip() and chinese.strip() and english != chinese


def codes_used_in_source() -> set[str]:
    """String literals passed as the first argument of Message(...) anywhere in desktop/."""
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                used.add(node.args[0].value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ParseError" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                used.add(node.args[0].value)
    return used


def test_every_code_used_has_wording():
    used = codes_used_in_source()
    assert len(used) > 20  # the scan really found the code base's messages
    assert sorted(used - MESSAGES.keys()) == []


def test_render_names_the_field_in_the_chosen_language():
    message = Message("money.negative", {"value": "-5"}, field="operating_revenue")
    assert render(message, "en") == "Operating revenue (10k CNY): must not be negative (-5)"
    assert render(message, "zh_CN") == "营业收入（万元）：不能为负数（-5）"


def test_field_references_in_parameters_are_labelled():
    message = Message("count.exceeds", {"value": 12, "other": FieldRef("employee_count"),
                                        "limit": 5}, field="rd_staff_count")
    assert render(message, "zh_CN") == "研发人员数：12 不能超过从业人员数（5）"


def test_qualified_fields_name_their_part():
    assert field_label("fiscal_years.2025.operating_revenue", "en") == \
        "Fiscal years · 2025 · Operating revenue (10k CNY)"


def test_an_unknown_code_is_still_shown_not_hidden():
    assert "no.such.code" in render(Message("no.such.code", {"x": 1}))
