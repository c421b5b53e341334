"""Validation of records before they are written. Each function returns every problem found,
as Messages naming the field, so a form can mark all its invalid fields at once."""
from __future__ import annotations

import functools
import operator
import re
from datetime import date
from decimal import Decimal

from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError as StdnumError

from desktop.domain import records as r
from desktop.domain.enums import SUBTYPES_BY_KIND, Acquisition, ListingStatus
from desktop.domain.messages import FieldRef, Message

from . import codes

EARLIEST_DATE = date(1949, 10, 1)
EARLIEST_YEAR = 1949
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s\-()]{5,30}(\s*(转|ext\.?|x)\s*\d{1,6})?$")
_TEXT_LIMITS = {"name": 200, "name_en": 300, "legal_representative": 100, "address": 300,
                "niche_market": 300, "leading_product": 300, "brand_names": 300,
                "contact_person": 100, "contact_email": 200, "stock_code": 20,
                "source_note": 300, "title": 300, "number": 100, "issuer": 200,
                "niche": 300, "source": 300}


# An import normalises and checks each code several times per row, and stdnum's compact() and
# validate() are slow; both are pure functions of the text, so their answers are remembered.
# A code already in its stored form (what nearly every row of a workbook holds) has nothing
# for compact() to change, which a pattern tells faster.
_COMPACT = re.compile(r"[0-9A-Z]{18}")


@functools.lru_cache(maxsize=16384)
def normalize_uscc(text: str) -> str:
    """Upper case without spaces or dashes, the form stored and compared."""
    if _COMPACT.fullmatch(text or ""):
        return text      # nothing for compact() to remove or change
    return stdnum_uscc.compact(text or "")


def check_uscc(value: str, field: str = "uscc") -> list[Message]:
    return list(_uscc_problems(value, field))


@functools.lru_cache(maxsize=16384)
def _uscc_problems(value: str, field: str) -> tuple[Message, ...]:
    return tuple(_check_uscc(value, field))


def _check_uscc(value: str, field: str) -> list[Message]:
    if not value:
        return [Message("field.required", field=field)]
    try:
        stdnum_uscc.validate(value)
    except InvalidLength:
        return [Message("uscc.invalid_length", {"length": len(value)}, field=field)]
    except InvalidChecksum:
        expected = stdnum_uscc.calc_check_digit(value[:17])
        return [Message("uscc.invalid_checksum", {"expected": expected}, field=field)]
    except StdnumError:
        return [Message("uscc.invalid_format", field=field)]
    return []


def _texts(record: r.Record) -> list[Message]:
    problems = []
    limits, values_of = _text_limits(type(record))
    for (name, limit), value in zip(limits, values_of(record)):
        if isinstance(value, str) and len(value) > limit:
            problems.append(Message("text.too_long", {"max": limit}, field=name))
    return problems


@functools.cache
def _text_limits(record_type: type):
    """The record type's fields that have a length limit, in field order, and a function
    giving their values as a tuple (once per type)."""
    limits = tuple((name, _TEXT_LIMITS[name]) for name in record_type.field_names()
                   if _TEXT_LIMITS.get(name))
    return limits, _getter(tuple(name for name, _ in limits))


def _getter(names: tuple[str, ...]):
    """A function giving these attributes of a record as a tuple (attrgetter gives a bare
    value for one name)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        get = operator.attrgetter(names[0])
        return lambda record: (get(record),)
    return lambda record: ()


def _past_date(value: date | None, field: str, today: date) -> list[Message]:
    if value is None:
        return []
    if value > today:
        return [Message("date.in_future", {"value": value.isoformat()}, field=field)]
    if value < EARLIEST_DATE:
        return [Message("date.too_early", {"value": value.isoformat(),
                                           "min": EARLIEST_DATE.isoformat()}, field=field)]
    return []


def _non_negative(value: Decimal | int | None, field: str, code: str = "money.negative") -> list[Message]:
    if value is not None and value < 0:
        return [Message(code, {"value": value}, field=field)]
    return []


def _at_most(value, limit, field: str, other: str, code: str) -> list[Message]:
    if value is not None and limit is not None and value > limit:
        return [Message(code, {"value": value, "other": FieldRef(other), "limit": limit},
                        field=field)]
    return []


def _between(value, low, high, field: str, code: str = "number.out_of_range") -> list[Message]:
    if value is not None and not (low <= value <= high):
        return [Message(code, {"value": value, "min": low, "max": high}, field=field)]
    return []


def _year(year: int | None, today: date) -> list[Message]:
    if year is None:
        return [Message("field.required", field="year")]
    if not EARLIEST_YEAR <= year <= today.year:
        return [Message("year.out_of_range", {"value": year, "min": EARLIEST_YEAR,
                                              "max": today.year}, field="year")]
    return []


def validate_firm(firm: r.Firm, today: date) -> list[Message]:
    problems = check_uscc(firm.uscc)
    if not firm.name.strip():
        problems.append(Message("field.required", field="name"))
    problems += _texts(firm)
    problems += _non_negative(firm.registered_capital, "registered_capital")
    problems += _past_date(firm.registration_date, "registration_date", today)
    problems += _past_date(firm.niche_entry_date, "niche_entry_date", today)
    if firm.region_code and codes.region(firm.region_code) is None:
        problems.append(Message("region.unknown", {"value": firm.region_code}, field="region_code"))
    if firm.industry_code and codes.industry(firm.industry_code) is None:
        problems.append(Message("industry.unknown", {"value": firm.industry_code},
                                field="industry_code"))
    if firm.leading_product_code and not re.fullmatch(r"\d{10}", firm.leading_product_code):
        problems.append(Message("product_code.invalid", {"value": firm.leading_product_code},
                                field="leading_product_code"))
    if firm.contact_email and not _EMAIL.match(firm.contact_email):
        problems.append(Message("email.invalid", {"value": firm.contact_email},
                                field="contact_email"))
    if firm.contact_phone and not _PHONE.match(firm.contact_phone):
        problems.append(Message("phone.invalid", {"value": firm.contact_phone},
                                field="contact_phone"))
    if firm.listing_status is ListingStatus.LISTED and not firm.stock_code:
        problems.append(Message("stock_code.required_when_listed", field="stock_code"))
    return problems


# The figures of a year that cannot be negative (a loss is a negative profit), money first,
# fetched together: an import checks tens of thousands of years.
_NOT_NEGATIVE = tuple(name for name in r.FISCAL_MONEY if name != "net_profit") + r.FISCAL_COUNTS
_not_negative_values = _getter(_NOT_NEGATIVE)


def validate_fiscal_year(fy: r.FiscalYear, today: date) -> list[Message]:
    problems = _year(fy.year, today)
    problems += _texts(fy)
    for name, value in zip(_NOT_NEGATIVE, _not_negative_values(fy)):
        if value is not None and value < 0:
            code = "count.negative" if name in r.FISCAL_COUNTS else "money.negative"
            problems += _non_negative(value, name, code)
    problems += _at_most(fy.main_business_revenue, fy.operating_revenue,
                         "main_business_revenue", "operating_revenue", "amount.exceeds")
    for staff in ("rd_staff_count", "tech_staff_count"):
        problems += _at_most(getattr(fy, staff), fy.employee_count, staff, "employee_count",
                             "count.exceeds")
    return problems


def validate_evidence(item: r.EvidenceItem, today: date) -> list[Message]:
    problems = []
    if not item.title.strip():
        problems.append(Message("field.required", field="title"))
    problems += _texts(item)
    subtypes = SUBTYPES_BY_KIND.get(item.kind)
    if subtypes is None and item.subtype:
        problems.append(Message("subtype.not_allowed", {"kind": item.kind.value}, field="subtype"))
    elif subtypes is not None and item.subtype and item.subtype not in subtypes.values():
        problems.append(Message("value.unknown_choice", {
            "value": item.subtype, "choices": ", ".join(subtypes.values())}, field="subtype"))
    problems += _past_date(item.granted_date, "granted_date", today)
    if item.valid_until and item.granted_date and item.valid_until < item.granted_date:
        problems.append(Message("date.before", {"value": item.valid_until.isoformat(),
                                                "other": FieldRef("granted_date"),
                                                "limit": item.granted_date.isoformat()},
                                field="valid_until"))
    if item.transfer_date is not None:
        if item.acquisition is not Acquisition.TRANSFERRED:
            problems.append(Message("evidence.transfer_date_without_transfer",
                                    field="transfer_date"))
        problems += _past_date(item.transfer_date, "transfer_date", today)
    if item.holder_rank is not None and item.holder_rank < 1:
        problems.append(Message("rank.not_positive", {"value": item.holder_rank},
                                field="holder_rank"))
    return problems


def validate_market_position(position: r.MarketPosition, today: date) -> list[Message]:
    problems = _year(position.year, today) + _texts(position)
    problems += _between(position.share_percent, 0, 100, "share_percent", "percent.out_of_range")
    if position.rank is not None and position.rank < 1:
        problems.append(Message("rank.not_positive", {"value": position.rank}, field="rank"))
    return problems


def validate_assessment(assessment: r.AnnualAssessment, today: date) -> list[Message]:
    # The platform publishes the score of year Y during Y, so the year may be the current one.
    problems = _year(assessment.year, today) + _texts(assessment)
    problems += _between(assessment.digital_level, 1, 4, "digital_level")
    problems += _non_negative(assessment.info_system_count, "info_system_count", "count.negative")
    problems += _between(assessment.platform_score, 0, 100, "platform_score", "score.out_of_range")
    return problems


def validate_application(app: r.Application, today: date) -> list[Message]:
    problems = _between(app.platform_score, 0, 100, "platform_score", "score.out_of_range")
    problems += _between(app.provincial_feature_score, 0, 15, "provincial_feature_score",
                         "score.out_of_range")
    if app.assessment_date is None:
        problems.append(Message("field.required", field="assessment_date"))
    elif app.assessment_date < EARLIEST_DATE or app.assessment_date.year > today.year + 1:
        problems.append(Message("year.out_of_range", {"value": app.assessment_date.year,
                                                      "min": EARLIEST_YEAR,
                                                      "max": today.year + 1},
                                field="assessment_date"))
    if app.ranking is not None and app.ranking < 1:
        problems.append(Message("rank.not_positive", {"value": app.ranking}, field="ranking"))
    return problems
