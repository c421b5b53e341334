"""Applications move only along the legal paths, recording who, when and why."""
from datetime import date

import pytest

from desktop.domain import records as r
from desktop.domain.enums import ApplicationStatus as S
from desktop.domain.enums import Decision, Tier
from desktop.domain.errors import Conflict, IllegalTransition, ValidationError


@pytest.fixture
def batch(workspace):
    return workspace.batches.create_from({"name": "2026年第八批", "tier": 3,
                                          "deadline": "2026-05-25"})


@pytest.fixture
def application(workspace, firm, batch):
    return workspace.applications.create(r.Application(
        firm_id=firm.id, tier=Tier.LITTLE_GIANT, batch_id=batch.id,
        assessment_date=date(2026, 5, 10)))


def test_a_new_application_starts_as_draft_with_its_history(workspace, application):
    assert application.status is S.DRAFT
    [first] = workspace.applications.history(application.id)
    assert first.from_status is None and first.to_status is S.DRAFT and first.who == "tester"


def test_the_whole_path_to_approval(workspace, application):
    for status in (S.READY, S.SUBMITTED, S.RECOMMENDED, S.APPROVED):
        workspace.applications.move(application.id, status)
    assert workspace.applications.get(application.id).status is S.APPROVED
    assert [h.to_status for h in workspace.applications.history(application.id)] == [
        S.DRAFT, S.READY, S.SUBMITTED, S.RECOMMENDED, S.APPROVED]
    assert workspace.applications.allowed_moves(application.id) == frozenset()


@pytest.mark.parametrize("path, illegal", [
    ((), S.SUBMITTED), ((), S.APPROVED), ((S.READY,), S.RECOMMENDED),
    ((S.WITHDRAWN,), S.DRAFT), ((S.READY, S.SUBMITTED), S.DRAFT),
])
def test_illegal_moves_are_refused(workspace, application, path, illegal):
    for status in path:
        workspace.applications.move(application.id, status)
    before = workspace.applications.get(application.id)
    with pytest.raises(IllegalTransition) as caught:
        workspace.applications.move(application.id, illegal)
    assert caught.value.messages[0].code == "status.illegal_move"
    assert workspace.applications.get(application.id) == before


def test_returning_needs_a_reason_which_is_recorded(workspace, application):
    workspace.applications.move(application.id, S.READY)
    workspace.applications.move(application.id, S.SUBMITTED)
    with pytest.raises(ValidationError) as caught:
        workspace.applications.move(application.id, S.RETURNED, "  ")
    assert caught.value.messages[0].field == "reason"
    workspace.applications.move(application.id, S.RETURNED, "缺少2025年审计报告")
    assert workspace.applications.history(application.id)[-1].reason == "缺少2025年审计报告"
    workspace.applications.move(application.id, S.DRAFT)  # the firm fixes it


def test_withdrawal_from_every_open_state(workspace, application):
    workspace.applications.move(application.id, S.READY)
    assert S.WITHDRAWN in workspace.applications.allowed_moves(application.id)
    workspace.applications.move(application.id, S.WITHDRAWN)


def test_one_open_application_per_firm_tier_and_batch(workspace, firm, batch, application):
    with pytest.raises(Conflict):
        workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier.LITTLE_GIANT,
                                                    batch_id=batch.id))
    workspace.applications.move(application.id, S.WITHDRAWN)
    again = workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier.LITTLE_GIANT,
                                                        batch_id=batch.id))
    assert again.assessment_date == date(2026, 11, 27)  # defaults to today


def test_batch_rules(workspace, firm, batch):
    with pytest.raises(ValidationError) as caught:
        workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier.SPECIALIZED,
                                                    batch_id=batch.id, platform_score=120))
    assert {m.code for m in caught.value.messages} == {"application.batch_tier",
                                                        "score.out_of_range"}
    with pytest.raises(Conflict):
        workspace.batches.create_from({"name": "2026年第八批", "tier": 3})


def test_manual_decisions_need_a_note_and_can_be_changed(workspace, application):
    with pytest.raises(ValidationError):
        workspace.applications.decide(application.id, "G6", Decision.PASS, "")
    workspace.applications.decide(application.id, "G6", Decision.PASS, "属于关键基础材料")
    workspace.applications.decide(application.id, "G6", Decision.FAIL, "复核后不属于")
    [decision] = workspace.applications.decisions(application.id)
    assert decision.decision is Decision.FAIL and decision.who == "tester"
    workspace.applications.clear_decision(application.id, "G6")
    assert workspace.applications.decisions(application.id) == []
