"""Verdicts of many applications: judged in batches (a few statements, not five per firm), the
same as one by one, their digests kept until the application or its firm changes (batch desk,
summary, dashboard)."""
import dataclasses

import pytest

from desktop.domain.enums import Decision
from desktop.domain.verdicts import Outcome, TierVerdict
from desktop.services.application_verdicts import ApplicationVerdicts, digest_of
from tests.services.demo_module import demo_workspace, statements


@pytest.fixture(scope="module")
def demo(tmp_path_factory, template_db):
    yield from demo_workspace(tmp_path_factory, template_db, "demo_applications")


@pytest.fixture(scope="module")
def applications(demo):
    found = [a for b in demo.batches.list() for a in demo.applications.in_batch(b.id)]
    assert len(found) > 20 and len({a.firm_id for a in found}) > 10
    return found


def counting(qualification, monkeypatch) -> list[int]:
    """The ids of the applications judged from now on."""
    judged: list[int] = []
    evaluate = qualification.evaluate_applications
    monkeypatch.setattr(qualification, "evaluate_applications",
                        lambda apps: judged.extend(a.id for a in apps) or evaluate(apps))
    return judged


def test_many_verdicts_equal_the_verdicts_one_by_one(demo, applications):
    many = demo.qualification.evaluate_applications(applications)
    assert list(many) == [a.id for a in applications]
    for application in applications:
        assert many[application.id] == demo.qualification.evaluate_application(application.id)


def test_judging_many_applications_takes_a_few_statements(demo, applications):
    with statements(demo) as few:
        demo.qualification.evaluate_applications(applications[:3])
    with statements(demo) as many:
        demo.qualification.evaluate_applications(applications)
    assert len(many) == len(few) <= 8


def test_digests_are_kept_until_the_application_or_its_firm_changes(demo, applications,
                                                                    monkeypatch):
    kept = ApplicationVerdicts(demo.qualification)
    judged = counting(demo.qualification, monkeypatch)
    first = kept.digests(applications)
    assert sorted(judged) == sorted(a.id for a in applications)
    assert first == {a.id: digest_of(demo.qualification.evaluate_application(a.id))
                     for a in applications}
    judged.clear()
    assert kept.digests(applications) == first and judged == []

    # the firm's figures: every application of that firm, and only those, judged again
    firm_id = applications[0].firm_id
    year = demo.financials.years(firm_id)[-1]
    demo.financials.set_year_from(firm_id, {"year": year.year, "rd_expense": "1"})
    kept.digests(applications)
    assert sorted(judged) == sorted(a.id for a in applications if a.firm_id == firm_id)

    # a manual decision on one application: that firm's applications
    judged.clear()
    other = next(a for a in applications if a.firm_id != firm_id)
    criterion = demo.qualification.evaluate_application(other.id).criteria[0].id
    demo.applications.decide(other.id, criterion, Decision.PASS, "checked on site")
    kept.digests(applications)
    assert other.id in judged and all(
        a.firm_id == other.firm_id for a in applications if a.id in judged)
    assert kept.digests([other])[other.id] == digest_of(
        demo.qualification.evaluate_application(other.id))


def test_a_batch_check_gives_full_verdicts_and_keeps_their_digests(demo, applications,
                                                                  monkeypatch):
    kept = ApplicationVerdicts(demo.qualification)
    full = kept.judge(applications[:5])
    assert all(isinstance(v, TierVerdict) for v in full.values())
    judged = counting(demo.qualification, monkeypatch)
    assert kept.digests(applications[:5]) == {i: digest_of(v) for i, v in full.items()}
    assert judged == []


def test_a_digest_holds_what_the_summary_shows(demo, applications):
    verdict = next(v for v in (demo.qualification.evaluate_application(a.id)
                               for a in applications) if v.missing)
    digest = digest_of(verdict)
    assert (digest.outcome, digest.score, digest.missing) == (
        verdict.outcome, verdict.score, tuple(c for c in verdict.criteria
                                              if c.outcome is Outcome.MISSING))


def test_another_day_judges_again(demo, applications, monkeypatch):
    from datetime import date

    kept = ApplicationVerdicts(demo.qualification)
    kept.digests(applications[:4])
    judged = counting(demo.qualification, monkeypatch)
    monkeypatch.setattr(demo.context, "today", lambda: date(2026, 11, 28))
    kept.digests(applications[:4])
    assert sorted(judged) == sorted(a.id for a in applications[:4])


def test_kept_answers_only_for_the_current_data_version(demo, applications):
    kept = ApplicationVerdicts(demo.qualification)
    digests = kept.digests(applications[:2])
    from desktop.db import firms as firm_rows

    current = firm_rows.data_versions([a.firm_id for a in applications[:2]])
    keys = [(a.id, current[a.firm_id]) for a in applications[:2]]
    assert kept.kept(keys) == digests
    assert kept.kept([(applications[0].id, current[applications[0].firm_id] - 1)]) == {}
    assert kept.kept([(applications[2].id, 1)]) == {}   # never judged


def test_a_restored_backup_makes_the_kept_verdicts_forgotten(demo, applications, monkeypatch,
                                                            tmp_path):
    kept = ApplicationVerdicts(demo.qualification)
    saved = demo.backups.backup(tmp_path / "before.zip")
    firm_id = applications[1].firm_id
    demo.firms.update(dataclasses.replace(demo.firms.get(firm_id), contact_phone="0512-1"))
    kept.digests(applications)
    demo.backups.restore(saved)
    judged = counting(demo.qualification, monkeypatch)
    kept.digests(applications)
    assert sorted(judged) == sorted(a.id for a in applications)


def test_an_application_whose_firm_is_gone_gets_not_found_and_the_others_their_verdicts(
        demo, applications):
    from desktop.domain.errors import NotFound

    orphan = dataclasses.replace(applications[0], id=10_000_001, firm_id=10_000_001)
    results = demo.qualification.evaluate_applications([orphan, applications[1]])
    assert isinstance(results[orphan.id], NotFound)
    assert results[applications[1].id] == demo.qualification.evaluate_application(
        applications[1].id)
