"""Exports: the application workbook (申请书) and the recommendation summary (推荐汇总表).

The service gathers the records and the engine's verdicts and hands them to the writers in
desktop/excel. Files appear only when complete; `progress(done, total)` may cancel (False),
in which case no file is left and the result says so.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import records as r
from desktop.domain.enums import CLASS_I_IP_KINDS, EvidenceStatus
from desktop.domain.errors import StorageError
from desktop.domain.messages import Message, normalize_language, render
from desktop.domain.verdicts import Outcome, TierVerdict
from desktop.excel.application_form import ApplicationFormData, ratio, write_application_form
from desktop.excel.atomic import Cancelled
from desktop.excel.batch_summary import SummaryRow, write_batch_summary
from desktop.excel.styles import paren, text

from . import codes
from .context import ServiceContext

Progress = Callable[[int, int], "bool | None"]


@dataclass(frozen=True)
class ExportResult:
    """What an export did: the file written (None when cancelled) and how many records."""

    path: Path | None
    count: int
    cancelled: bool = False
    firm_name: str = ""

    @property
    def message(self) -> Message:
        if self.cancelled:
            return Message("export.cancelled")
        if self.firm_name:
            return Message("export.application_done", {"firm": self.firm_name, "path": self.path})
        return Message("export.batch_done", {"count": self.count, "path": self.path})


class ExportService:
    def __init__(self, context: ServiceContext, firms, financials, evidence, batches,
                 applications, qualification) -> None:
        self.context = context
        self.firms = firms
        self.financials = financials
        self.evidence = evidence
        self.batches = batches
        self.applications = applications
        self.qualification = qualification

    # -- the application workbook -----------------------------------------------------------
    def form_data(self, application_id: int, lang: str = "zh_CN") -> ApplicationFormData:
        """Everything the application workbook shows (NotFound for an unknown id)."""
        application = self.applications.get(application_id)
        firm = self.firms.get(application.firm_id)
        day = application.assessment_date or self.context.today()
        verdict = self.qualification.evaluate_application(application_id)
        facts = self.qualification.facts(firm.id, day.year, day, application.kind, application)
        batch = self.batches.get(application.batch_id) if application.batch_id else None
        place = codes.region(firm.region_code)
        industry = codes.industry(firm.industry_code)
        return ApplicationFormData(
            firm=firm, application=application, verdict=verdict, year=day.year,
            fiscal_years=tuple(self.financials.years(firm.id)),
            evidence=tuple(self.evidence.items(firm.id)), batch=batch,
            region_name=place.full_name if place else "",
            industry_name=industry.name if industry else "",
            size_class=self.qualification.size_class(facts),
            recommending_unit=self.recommending_unit(firm, batch, lang))

    def application_form(self, application_id: int, target: Path | str, lang: str = "zh_CN",
                         progress: Progress | None = None) -> ExportResult:
        """Write the application workbook of one application to `target`."""
        lang = normalize_language(lang)
        data = self.form_data(application_id, lang)
        written = self._write(target, lambda: write_application_form(target, data, lang, progress))
        if written is None:
            return ExportResult(None, 0, cancelled=True)
        return ExportResult(Path(target), 1, firm_name=data.firm.name)

    def recommending_unit(self, firm: r.Firm, batch: r.Batch | None, lang: str = "zh_CN") -> str:
        """The province-level SME authority of the batch's region, else of the firm's."""
        code = (batch.region_code if batch and batch.region_code else firm.region_code) or ""
        province = codes.region(code[:2] + "0000") if len(code) == 6 else None
        if province is None:
            return ""
        return render(Message("export.recommending_unit", {"province": province.province}), lang)

    # -- the recommendation summary -----------------------------------------------------------
    def batch_summary(self, batch_ids: Sequence[int], target: Path | str, lang: str = "zh_CN",
                      progress: Progress | None = None) -> ExportResult:
        """Write the summary of one or more batches: a sheet per tier and a totals sheet,
        rows in the official's ranking order (unranked after, by id)."""
        lang = normalize_language(lang)
        batches = [self.batches.get(batch_id) for batch_id in batch_ids]
        applications = self.ordered(batches)
        title = text("summary.title", lang, batches="、".join(b.name for b in batches))
        tiers = sorted({int(b.tier) for b in batches})
        rows = self.summary_rows(applications, lang)
        count = self._write(target, lambda: write_batch_summary(
            target, title, tiers, rows, len(applications), lang, progress))
        if count is None:
            return ExportResult(None, 0, cancelled=True)
        return ExportResult(Path(target), count)

    def ordered(self, batches: Sequence[r.Batch]) -> list[r.Application]:
        """The applications of the batches, ranked first (by rank), then unranked by id."""
        applications = [a for b in batches for a in self.applications.in_batch(b.id)]
        return sorted(applications, key=lambda a: (a.ranking is None, a.ranking or 0, a.id))

    def summary_rows(self, applications: Sequence[r.Application],
                     lang: str) -> Iterator[SummaryRow]:
        """One summary row per application, evaluated as the writer asks for it."""
        for application in applications:
            yield self.summary_row(application, lang)

    def summary_row(self, application: r.Application, lang: str) -> SummaryRow:
        firm = self.firms.get(application.firm_id)
        verdict = self.qualification.evaluate_application(application.id)
        year = (application.assessment_date or self.context.today()).year - 1
        figures = self.financials.year(firm.id, year)
        get = lambda name: getattr(figures, name, None)  # noqa: E731
        class_i = sum(1 for item in self.evidence.items(firm.id)
                      if item.kind in CLASS_I_IP_KINDS and item.status is EvidenceStatus.VALID)
        place = codes.region(firm.region_code)
        score = verdict.score if verdict.score is not None else application.platform_score
        return SummaryRow(
            application_id=application.id, tier=int(application.tier), ranking=application.ranking,
            firm_name=firm.name, uscc=firm.uscc,
            region=place.full_name if place else firm.region_code,
            industry_code=firm.industry_code, leading_product=firm.leading_product,
            kind=application.kind, status=application.status, outcome=verdict.outcome,
            revenue=get("operating_revenue"),
            main_share=ratio(get("main_business_revenue"), get("operating_revenue")),
            rd_ratio=ratio(get("rd_expense"), get("operating_revenue")),
            debt_ratio=ratio(get("total_liabilities"), get("total_assets")),
            class_i_count=class_i, score=score, missing=missing_text(verdict, lang),
            contact_person=firm.contact_person, contact_phone=firm.contact_phone)

    # -- shared -------------------------------------------------------------------------------
    def _write(self, target: Path | str, write: Callable):
        """Run a writer; None when cancelled; a file-system failure becomes a StorageError."""
        try:
            return write()
        except Cancelled:
            return None
        except OSError as error:
            raise StorageError(Message("export.write_failed", {
                "path": str(target), "error": error.strerror or str(error)}, field="file"))


def missing_text(verdict: TierVerdict, lang: str) -> str:
    """The criteria that lack data, each with what it needs, in one line."""
    parts = []
    for criterion in verdict.criteria:
        if criterion.outcome is not Outcome.MISSING:
            continue
        gaps = text("gap_and", lang).join(render(g, lang) for g in criterion.gap)
        parts.append(f"{criterion.id} {criterion.title.get(lang)}" + paren(gaps, lang))
    return "\n".join(parts)
