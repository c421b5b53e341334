"""Verdicts of many firms: facts read in a few queries (not five per firm), the same verdicts as
firm by firm, and the verdict cache that judges a firm again only when its data changed."""
import pytest

from desktop.db import batched
from desktop.domain.errors import NotFound
from desktop.domain.records import FirmQuery
from desktop.domain.verdicts import FirmVerdict
from desktop.services.verdict_cache import VerdictCache, VerdictDigest, digest_of
from tests.services.demo_module import demo_workspace, statements


@pytest.fixture(scope="module")
def demo(tmp_path_factory, template_db):
    yield from demo_workspace(tmp_path_factory, template_db, "demo_many")


@pytest.fixture(scope="module")
def ids(demo):
    return [s.id for s in demo.firms.query(FirmQuery(include_archived=True))]


def test_the_facts_of_many_firms_are_those_of_each_firm(demo, ids):
    many = demo.qualification.facts_many(ids, 2026)
    assert list(many) == ids
    for firm_id in ids:
        assert many[firm_id] == demo.qualification.facts(firm_id, 2026), firm_id
    assert any(a for f in many.values() for e in f.evidence for a in e.attachments)
    assert any(f.market_positions for f in many.values())
    assert any(f.assessments for f in many.values())


def test_many_verdicts_equal_the_verdicts_firm_by_firm(demo, ids):
    many = demo.qualification.evaluate_many(ids, 2026)
    assert list(many) == ids
    for firm_id in ids:
        assert many[firm_id] == demo.qualification.evaluate_firm(firm_id, 2026), firm_id
    # the defaults are the same too (this year, rulebook by date), and a rulebook asked for
    assert demo.qualification.evaluate_many(ids[:3]) == {
        i: demo.qualification.evaluate_firm(i) for i in ids[:3]}
    assert demo.qualification.evaluate_many(ids[:3], 2026, "2022", tiers=(2,)) == {
        i: demo.qualification.evaluate_firm(i, 2026, "2022", tiers=(2,)) for i in ids[:3]}


def test_facts_of_many_firms_take_a_bounded_number_of_statements(demo, ids, monkeypatch):
    with statements(demo) as few:
        demo.qualification.facts_many(ids[:3], 2026)
    with statements(demo) as all_of_them:
        demo.qualification.facts_many(ids, 2026)
    assert len(few) == len(all_of_them) <= 6          # firms, years, evidence, files, positions,
    with statements(demo) as one_by_one:               # assessments: whatever the number of firms
        for firm_id in ids:
            demo.qualification.facts(firm_id, 2026)
    assert len(one_by_one) >= 5 * len(ids)
    monkeypatch.setattr(batched, "CHUNK", 10)          # ids in chunks: 6 statements per chunk
    with statements(demo) as chunked:
        assert len(demo.qualification.facts_many(ids, 2026)) == len(ids)
    assert len(chunked) <= 6 * -(-len(ids) // 10)


def test_evaluating_many_firms_reads_each_chunk_once(demo, ids):
    with statements(demo) as seen:
        demo.qualification.evaluate_many(ids, 2026)
    assert len(seen) <= 6


def test_a_missing_firm_gets_not_found_and_the_others_their_verdicts(demo, ids):
    found = demo.qualification.evaluate_many([ids[0], 999_999, ids[1]], 2026)
    assert isinstance(found[999_999], NotFound)
    assert isinstance(found[ids[0]], FirmVerdict) and isinstance(found[ids[1]], FirmVerdict)
    assert 999_999 not in demo.qualification.facts_many([999_999, ids[0]], 2026)


def test_evaluating_many_firms_reports_progress_and_stops_when_told(demo, ids, monkeypatch):
    from desktop.services import qualification

    monkeypatch.setattr(qualification, "MANY_CHUNK", 10)
    seen = []
    found = demo.qualification.evaluate_many(ids, 2026, progress=lambda d, t: seen.append((d, t)))
    assert len(found) == len(ids) and seen[-1] == (len(ids), len(ids)) and len(seen) == 4
    stopped = demo.qualification.evaluate_many(ids, 2026, progress=lambda d, t: False)
    assert len(stopped) == 10


# -- the verdict cache --------------------------------------------------------------------
def counting(qualification, monkeypatch) -> list[int]:
    judged: list[int] = []
    evaluate = qualification.evaluate_many

    def counted(firm_ids, *args, **kwargs):
        judged.extend(firm_ids)
        return evaluate(firm_ids, *args, **kwargs)

    monkeypatch.setattr(qualification, "evaluate_many", counted)
    return judged


def test_the_cache_judges_a_firm_once_until_its_data_changes(demo, ids, monkeypatch):
    cache = VerdictCache(demo.qualification)
    judged = counting(demo.qualification, monkeypatch)
    first = cache.digests(ids)
    assert sorted(judged) == sorted(ids)
    assert first == {i: digest_of(demo.qualification.evaluate_firm(i)) for i in ids}
    judged.clear()
    assert cache.digests(ids) == first and judged == []
    assert cache.stale(ids) == []
    # a change of one fiscal year: that firm alone is judged again
    firm_id = ids[4]
    year = demo.financials.years(firm_id)[-1]
    demo.financials.set_year_from(firm_id, {"year": year.year, "operating_revenue": "1"})
    assert cache.stale(ids) == [firm_id]
    again = cache.digests(ids)
    assert judged == [firm_id]
    assert again[firm_id] == digest_of(demo.qualification.evaluate_firm(firm_id))
    assert {i: d for i, d in again.items() if i != firm_id} == {
        i: d for i, d in first.items() if i != firm_id}
    # evidence of another firm
    judged.clear()
    other = ids[7]
    item = demo.evidence.items(other)[0]
    demo.evidence.remove(item.id)
    assert cache.digests(ids) and judged == [other]
    demo.evidence.restore(item)


def test_the_cache_judges_again_on_another_day(demo, ids, monkeypatch):
    from datetime import date

    cache = VerdictCache(demo.qualification)
    cache.digests(ids[:5])
    judged = counting(demo.qualification, monkeypatch)
    monkeypatch.setattr(demo.context, "today", lambda: date(2026, 11, 28))
    cache.digests(ids[:5])
    assert sorted(judged) == sorted(ids[:5])


def test_the_cache_reads_versions_and_judges_in_a_few_statements(demo, ids):
    cache = VerdictCache(demo.qualification)
    with statements(demo) as cold:
        cache.digests(ids)
    with statements(demo) as warm:
        cache.digests(ids)
    assert len(cold) <= 8 and len(warm) == 2          # the data clock and the versions


def test_the_cache_reports_progress_and_can_be_cancelled(demo, ids, monkeypatch):
    from desktop.services import verdict_cache

    monkeypatch.setattr(verdict_cache, "JUDGE_CHUNK", 10)
    cache = VerdictCache(demo.qualification)
    assert cache.digests(ids, lambda done, total: done < 10) is None
    assert len(cache) == 10                      # what was judged before the stop is kept
    seen = []
    assert len(cache.digests(ids, lambda done, total: seen.append((done, total)))) == len(ids)
    assert seen[0] == (10, len(ids)) and seen[-1] == (len(ids), len(ids))


def test_a_missing_firm_and_a_failing_firm_get_a_problem(demo, ids, monkeypatch):
    cache = VerdictCache(demo.qualification)
    found = cache.digests([ids[0], 999_999])
    assert found[999_999].problem and not found[999_999].tiers
    assert found[ids[0]].tiers

    def broken(firm_ids, *args, **kwargs):
        raise RuntimeError("odd data")

    evaluate = demo.qualification.evaluate_firm

    def one(firm_id, *args, **kwargs):
        if firm_id == ids[1]:
            raise RuntimeError("odd data")
        return evaluate(firm_id, *args, **kwargs)

    monkeypatch.setattr(demo.qualification, "evaluate_many", broken)
    monkeypatch.setattr(demo.qualification, "evaluate_firm", one)
    found = cache.digests([ids[1], ids[2]])
    assert found[ids[1]] == VerdictDigest(problem=("odd data",))
    assert found[ids[2]].tiers


def test_equal_digests_are_one_object(demo, ids):
    cache = VerdictCache(demo.qualification)
    found = cache.digests(ids)
    assert len({id(d) for d in found.values()}) == len(set(found.values())) < len(ids)


def test_a_restored_backup_makes_the_cache_forget_what_it_judged(demo, ids, monkeypatch, tmp_path):
    """After a restore the clock goes back and versions are given again to other data: the
    cache, asked again (the window asks at once: the restore says everything changed),
    forgets what it judged, so a firm whose new data gets its old version is judged again."""
    cache = VerdictCache(demo.qualification)
    firm_id = ids[5]
    saved = demo.backups.backup(tmp_path / "before.zip")
    year = demo.financials.years(firm_id)[-1]
    demo.financials.set_year_from(firm_id, {"year": year.year, "rd_expense": "0"})
    cache.digests(ids)
    demo.backups.restore(saved)
    judged = counting(demo.qualification, monkeypatch)
    assert cache.digests(ids) and sorted(judged) == sorted(ids)
    judged.clear()
    # the same number of edits after the restore gives the firm the version judged above
    demo.financials.set_year_from(firm_id, {"year": year.year, "employee_count": 1})
    cache.digests(ids)
    assert judged == [firm_id]

