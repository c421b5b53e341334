"""Translated names of the domain's choices (statuses, tiers, verdicts, kinds …), each worded
once here for Qt Linguist (context "labels")."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import (
    ApplicationKind, ApplicationStatus, BatchStatus, EvidenceKind, Rulebook, Tier,
)
from desktop.domain.verdicts import Outcome, TierOutcome


def status(value: ApplicationStatus | str) -> str:
    value = ApplicationStatus(value)
    names = {
        ApplicationStatus.DRAFT: QCoreApplication.translate("labels", "Draft"),
        ApplicationStatus.READY: QCoreApplication.translate("labels", "Ready"),
        ApplicationStatus.SUBMITTED: QCoreApplication.translate("labels", "Submitted"),
        ApplicationStatus.RETURNED: QCoreApplication.translate("labels", "Returned"),
        ApplicationStatus.RECOMMENDED: QCoreApplication.translate("labels", "Recommended"),
        ApplicationStatus.APPROVED: QCoreApplication.translate("labels", "Approved"),
        ApplicationStatus.REJECTED: QCoreApplication.translate("labels", "Rejected"),
        ApplicationStatus.WITHDRAWN: QCoreApplication.translate("labels", "Withdrawn"),
    }
    return names[value]


def tier(value: Tier | int) -> str:
    value = Tier(int(value))
    names = {
        Tier.INNOVATIVE: QCoreApplication.translate("labels", "Tier 1 · innovative SME"),
        Tier.SPECIALIZED: QCoreApplication.translate("labels", "Tier 2 · specialised SME"),
        Tier.LITTLE_GIANT: QCoreApplication.translate("labels", "Tier 3 · little giant"),
    }
    return names[value]


def verdict(value: TierOutcome | str | None) -> str:
    """A tier verdict; None: not checked yet."""
    if value is None:
        return QCoreApplication.translate("labels", "Not checked")
    value = TierOutcome(value)
    names = {
        TierOutcome.PASS: QCoreApplication.translate("labels", "Pass"),
        TierOutcome.FAIL: QCoreApplication.translate("labels", "Fail"),
        TierOutcome.PENDING: QCoreApplication.translate("labels", "Pending decisions"),
        TierOutcome.INCOMPLETE: QCoreApplication.translate("labels", "Incomplete data"),
    }
    return names[value]


def outcome(value: Outcome | str) -> str:
    """One criterion's outcome."""
    value = Outcome(value)
    names = {
        Outcome.PASS: QCoreApplication.translate("labels", "Passes"),
        Outcome.FAIL: QCoreApplication.translate("labels", "Fails"),
        Outcome.MANUAL: QCoreApplication.translate("labels", "Needs a decision"),
        Outcome.MISSING: QCoreApplication.translate("labels", "Data missing"),
    }
    return names[value]


def kind(value: ApplicationKind | str) -> str:
    value = ApplicationKind(value)
    if value is ApplicationKind.REVIEW:
        return QCoreApplication.translate("labels", "Re-review")
    return QCoreApplication.translate("labels", "New")


def rulebook(value: Rulebook | str | None) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("labels", "By the assessment date")
    if Rulebook(value) is Rulebook.R2022:
        return QCoreApplication.translate("labels", "2022 rules (工信部企业〔2022〕63号)")
    return QCoreApplication.translate("labels", "2026 rules (工信部企业〔2026〕2号)")


def batch_status(value: BatchStatus | str) -> str:
    if BatchStatus(value) is BatchStatus.CLOSED:
        return QCoreApplication.translate("labels", "closed")
    return QCoreApplication.translate("labels", "open")


def evidence_kind(value: EvidenceKind | str) -> str:
    value = EvidenceKind(value)
    names = {
        EvidenceKind.INVENTION_PATENT: QCoreApplication.translate("labels", "Invention patent"),
        EvidenceKind.UTILITY_MODEL_PATENT: QCoreApplication.translate("labels", "Utility model"),
        EvidenceKind.DESIGN_PATENT: QCoreApplication.translate("labels", "Design patent"),
        EvidenceKind.SOFTWARE_COPYRIGHT: QCoreApplication.translate("labels", "Software copyright"),
        EvidenceKind.IC_LAYOUT_DESIGN: QCoreApplication.translate("labels", "IC layout design"),
        EvidenceKind.PLANT_VARIETY: QCoreApplication.translate("labels", "Plant variety"),
        EvidenceKind.NATIONAL_NEW_DRUG: QCoreApplication.translate("labels", "National new drug"),
        EvidenceKind.OTHER_CLASS_I_IP: QCoreApplication.translate("labels", "Other Class I IP"),
        EvidenceKind.MANAGEMENT_CERTIFICATION: QCoreApplication.translate(
            "labels", "Management-system certification"),
        EvidenceKind.PRODUCT_CERTIFICATION: QCoreApplication.translate(
            "labels", "Product certification"),
        EvidenceKind.AWARD: QCoreApplication.translate("labels", "Award"),
        EvidenceKind.RD_INSTITUTION: QCoreApplication.translate("labels", "R&D institution"),
        EvidenceKind.STANDARD: QCoreApplication.translate("labels", "Standard"),
        EvidenceKind.TITLE: QCoreApplication.translate("labels", "Title"),
        EvidenceKind.MARKET_SHARE_STATEMENT: QCoreApplication.translate(
            "labels", "Market-share statement"),
        EvidenceKind.IMPORT_SUBSTITUTION: QCoreApplication.translate(
            "labels", "First set / import substitution"),
        EvidenceKind.AUDITED_REPORT: QCoreApplication.translate("labels", "Audited report"),
        EvidenceKind.OTHER: QCoreApplication.translate("labels", "Other"),
    }
    return names[value]


def move_action(value: ApplicationStatus | str) -> str:
    """The text of the button that moves an application to `value`."""
    value = ApplicationStatus(value)
    names = {
        ApplicationStatus.DRAFT: QCoreApplication.translate("labels", "Back to draft"),
        ApplicationStatus.READY: QCoreApplication.translate("labels", "Mark ready"),
        ApplicationStatus.SUBMITTED: QCoreApplication.translate("labels", "Submit"),
        ApplicationStatus.RETURNED: QCoreApplication.translate("labels", "Return…"),
        ApplicationStatus.RECOMMENDED: QCoreApplication.translate("labels", "Recommend"),
        ApplicationStatus.APPROVED: QCoreApplication.translate("labels", "Approve…"),
        ApplicationStatus.REJECTED: QCoreApplication.translate("labels", "Reject…"),
        ApplicationStatus.WITHDRAWN: QCoreApplication.translate("labels", "Withdraw…"),
    }
    return names[value]


def checklist_item(item) -> str:
    """One line of an application's completeness checklist (desktop.services.checklist)."""
    from . import i18n

    if item.kind == "document":
        return i18n.render(item.message)
    separator = QCoreApplication.translate("labels", " or ") if item.any_of else "; "
    gaps = separator.join(i18n.render(message) for message in item.details)
    title = item.title.get(i18n.language()) if item.title is not None else item.criterion_id
    return QCoreApplication.translate("labels", "{title}: {gaps}").format(title=title, gaps=gaps)
