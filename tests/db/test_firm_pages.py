"""The plain firm list in SQL written out (db/firm_pages.py): every order the list offers, both
ways, with NULL revenues last and ties by id, paged, counted from the tally; and the same on
the lazy open's read-only connection as on peewee's."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.db import firm_pages
from desktop.db import firms as firm_rows
from desktop.domain import records as r
from desktop.domain.enums import Tier
from desktop.domain.records import FirmQuery
from tests.conftest import make_uscc

# Names repeat so that ties are ordered by id; revenues repeat and some are missing.
FIRMS = [("苏州精测传感科技有限公司", "320583", "C4021", "3300.5"),
         ("北京星辰科技有限公司", "110108", "I6513", None),
         ("苏州精测传感科技有限公司", "320505", "C3525", "120"),
         ("Alpha Instruments Co.", "440300", "C4021", "120"),
         ("昆山精密模具有限公司", "320583", "C3525", None),
         ("上海华微电子有限公司", "310115", "C3973", "0.000001")]
ARCHIVED = {2, 4}   # indexes into FIRMS


@pytest.fixture
def listed(workspace):
    made = []
    for index, (name, region, industry, revenue) in enumerate(FIRMS):
        firm = workspace.firms.create_from({
            "uscc": make_uscc(region, f"MA5P{index:04d}Y"), "name": name,
            "region_code": region, "industry_code": industry})
        if revenue is not None:
            workspace.financials.set_year_from(firm.id, {"year": 2025,
                                                         "operating_revenue": revenue})
        if index in ARCHIVED:
            workspace.firms.set_archived(firm.id, True)
        made.append(firm.id)
    workspace.applications.create(r.Application(firm_id=made[5], tier=Tier.SPECIALIZED,
                                                assessment_date=date(2026, 5, 10)))
    return made


def expected(spec):
    """The list `spec` asks for, sorted here in Python from every firm's summary (read by
    db/firms.py in a given order, which firm_pages does not serve)."""
    every = firm_rows.summaries(FirmQuery(order_ids=(), include_archived=True))   # by id
    states = {True} if spec.archived_only else ({False, True} if spec.include_archived else {False})
    rows = [s for s in every if s.archived in states]

    def value(summary):
        return getattr(summary, spec.order_by)

    known = [s for s in rows if value(s) is not None]
    known.sort(key=value, reverse=spec.descending)   # stable either way: ties stay by id
    return known + [s for s in rows if value(s) is None]   # NULLs last, either way


ORDERS = ["name", "uscc", "region_code", "industry_code", "last_revenue", "open_applications"]
STATES = [{}, {"include_archived": True}, {"archived_only": True}]


@pytest.mark.parametrize("order_by", ORDERS)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("states", STATES, ids=["current", "all", "archived"])
def test_a_plain_page_is_in_the_order_asked_with_nulls_last_and_ties_by_id(
        workspace, listed, order_by, descending, states):
    spec = FirmQuery(order_by=order_by, descending=descending, **states)
    connection = workspace.context.database.reader()
    want = expected(spec)
    assert firm_pages.page(connection, spec) == want
    assert firm_pages.tallied_count(connection, spec) == len(want)
    for offset in range(len(want) + 1):   # every page of two
        assert firm_pages.page(connection, spec, 2, offset) == want[offset:offset + 2]


def test_a_plain_page_reads_the_summary_columns_as_the_services_show_them(workspace, listed):
    page = firm_pages.page(workspace.context.database.reader(),
                           FirmQuery(order_by="last_revenue", descending=True))
    first = page[0]
    assert (first.name, first.last_year, first.last_revenue) == (
        "苏州精测传感科技有限公司", 2025, Decimal("3300.5"))
    assert [s.last_revenue for s in page] == [Decimal("3300.5"), Decimal("120"),
                                              Decimal("0.000001"), None]
    assert [s.open_applications for s in page if s.name == "上海华微电子有限公司"] == [1]
    assert all(s.archived is False for s in page)


def test_an_unknown_order_key_orders_by_name_as_the_searched_list_does(workspace, listed):
    connection = workspace.context.database.reader()
    assert (firm_pages.page(connection, FirmQuery(order_by="nonsense"))
            == firm_pages.page(connection, FirmQuery(order_by="name")))
    assert ([s.name for s in firm_rows.summaries(FirmQuery(text="有限", order_by="nonsense"))]
            == [s.name for s in firm_rows.summaries(FirmQuery(text="有限"))])


@pytest.mark.parametrize(("spec", "plain", "tallied"), [
    (FirmQuery(), True, True),
    (FirmQuery(order_by="last_revenue", descending=True, include_archived=True), True, True),
    (FirmQuery(text="  "), True, True),                # blank text searches nothing
    (FirmQuery(order_ids=(3, 1)), False, True),        # an order never limits the firms
    (FirmQuery(text="精"), False, False),
    (FirmQuery(region_prefix="32"), False, False),
    (FirmQuery(industry_prefix="C"), False, False),
    (FirmQuery(ids=frozenset({1})), False, False),
])
def test_which_lists_are_plain(spec, plain, tallied):
    assert firm_pages.is_plain(spec) is plain
    assert firm_pages.counts_by_tally(spec) is tallied


def test_the_firm_rows_read_a_plain_list_through_the_same_sql(workspace, listed):
    """db/firms.py hands a plain list to firm_pages: the searched and the plain lists agree
    on the firms they have in common."""
    spec = FirmQuery(order_by="region_code", include_archived=True)
    plain = firm_rows.summaries(spec)
    assert plain == firm_pages.page(workspace.context.database.reader(), spec)
    searched = firm_rows.summaries(FirmQuery(text="有限公司", order_by="region_code",
                                             include_archived=True))
    assert searched == [s for s in plain if "有限公司" in s.name]
    assert firm_rows.count(spec) == len(plain)
