"""Verdicts of many applications: judged in batches (a few statements, not five per firm), the
same as one by one, and kept until the application or its firm changes (batch desk, summary)."""
import dataclasses

import pytest

from desktop.domain.enums import Decision
from desktop.services.application_verdicts import ApplicationVerdicts
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


def test_verdicts_are_kept_until_the_application_or_its_firm_changes(demo, applications,
                                                                     monkeypatch):
    kept = ApplicationVerdicts(demo.qualification)
    judged = counting(demo.qualification, monkeypatch)
    first = kept.verdicts(applications)
    assert sorted(judged) == sorted(a.id for a in applications)
    judged.clear()
    assert kept.verdicts(applications) == first and judged == []

    # the firm's figures: every application of that firm, and only those, judged again
    firm_id = applications[0].firm_id
    year = demo.financials.years(firm_id)[-1]
    demo.financials.set_year_from(firm_id, {"year": year.year, "rd_expense": "1"})
    kept.verdicts(applications)
    assert sorted(judged) == sorted(a.id for a in applications if a.firm_id == firm_id)

    # a manual decision on one application: that firm's applications
    judged.clear()
    other = next(a for a in applications if a.firm_id != firm_id)
    criterion = first[other.id].criteria[0].id
    demo.applications.decide(other.id, criterion, Decision.PASS, "checked on site")
    kept.verdicts(applications)
    assert other.id in judged and all(
        a.firm_id == other.firm_id for a in applications if a.id in judged)
    assert kept.verdicts([other])[other.id] == demo.qualification.evaluate_application(other.id)


def test_another_day_judges_again(demo, applications, monkeypatch):
    from datetime import date

    kept = ApplicationVerdicts(demo.qualification)
    kept.verdicts(applications[:4])
    judged = counting(demo.qualification, monkeypatch)
    monkeypatch.setattr(demo.context, "today", lambda: date(2026, 11, 28))
    kept.verdicts(applications[:4])
    assert sorted(judged) == sorted(a.id for a in applications[:4])


def test_kept_answers_only_for_the_current_data_version(demo, applications):
    kept = ApplicationVerdicts(demo.qualification)
    verdicts = kept.verdicts(applications[:2])
    from desktop.db import firms as firm_rows

    current = firm_rows.data_versions([a.firm_id for a in applications[:2]])
    keys = [(a.id, current[a.firm_id]) for a in applications[:2]]
    assert kept.kept(keys) == verdicts
    assert kept.kept([(applications[0].id, current[applications[0].firm_id] - 1)]) == {}
    assert kept.kept([(applications[2].id, 1)]) == {}   # never judged


def test_a_restored_backup_makes_the_kept_verdicts_forgotten(demo, applications, monkeypatch,
                                                            tmp_path):
    kept = ApplicationVerdicts(demo.qualification)
    saved = demo.backups.backup(tmp_path / "before.zip")
    firm_id = applications[1].firm_id
    demo.firms.update(dataclasses.replace(demo.firms.get(firm_id), contact_phone="0512-1"))
    kept.verdicts(applications)
    demo.backups.restore(saved)
    judged = counting(demo.qualification, monkeypatch)
    kept.verdicts(applications)
    assert sorted(judged) == sorted(a.id for a in applications)


def test_an_application_whose_firm_is_gone_gets_not_found_and_the_others_their_verdicts(
        demo, applications):
    from desktop.domain.errors import NotFound

    orphan = dataclasses.replace(applications[0], id=10_000_001, firm_id=10_000_001)
    results = demo.qualification.evaluate_applications([orphan, applications[1]])
    assert isinstance(results[orphan.id], NotFound)
    assert results[applications[1].id] == demo.qualification.evaluate_application(
        applications[1].id)
