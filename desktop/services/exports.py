"""Exports: the application workbook (申请书) and the recommendation summary (推荐汇总表).

The service gathers the records and the engine's verdicts and hands them to the writers in
desktop/excel. Files appear only when complete; `progress(done, total)` may cancel (False),
in which case no file is left and the result says so.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.db import summary as summary_lines
from desktop.domain import records as r
from desktop.domain.enums import (
    CLASS_I_IP_KINDS, ApplicationKind, ApplicationStatus, EvidenceStatus,
)
from desktop.domain.errors import StorageError
from desktop.domain.messages import Message, normalize_language, render
from desktop.domain.verdicts import TierVerdict
from desktop.excel.application_form import ApplicationFormData, ratio, write_application_form
from desktop.excel.atomic import Cancelled
from desktop.excel.batch_summary import SummaryRow, write_batch_summary
from desktop.excel.styles import paren, text

from . import codes
from .application_verdicts import ApplicationDigest
from .collector import cycle_collector_paused
from .context import ServiceContext

Progress = Callable[[int, int], "bool | None"]
SUMMARY_CHUNK = 500   # applications read and judged together while the summary is written


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
        title = text("summary.title", lang, batches="、".join(b.name for b in batches))
        tiers = sorted({int(b.tier) for b in batches})
        # rows and verdicts of one state, no lock; bulk work: see collector.py
        with self.context.database.snapshot(), cycle_collector_paused():
            lines = summary_lines.lines_of_batches(
                batch_ids, self.context.today(), [kind.value for kind in CLASS_I_IP_KINDS],
                EvidenceStatus.VALID.value)
            rows = self.summary_rows(lines, lang)
            count = self._write(target, lambda: write_batch_summary(
                target, title, tiers, rows, len(lines), lang, progress))
        if count is None:
            return ExportResult(None, 0, cancelled=True)
        return ExportResult(Path(target), count)

    def summary_rows(self, lines: Sequence[summary_lines.SummaryLine],
                     lang: str) -> Iterator[SummaryRow]:
        """One summary row per line, judged SUMMARY_CHUNK at a time as the writer asks for
        them; verdicts kept since the batch was checked (`application_verdicts`) are reused."""
        places: dict[str, str] = {}
        missing_texts: dict[tuple, str] = {}
        kinds = {kind.value: kind for kind in ApplicationKind}
        statuses = {status.value: status for status in ApplicationStatus}
        for start in range(0, len(lines), SUMMARY_CHUNK):
            part = lines[start:start + SUMMARY_CHUNK]
            verdicts = self._verdicts(part)
            for line in part:
                verdict = verdicts[line.application_id]
                if isinstance(verdict, Exception):
                    raise verdict
                region = places.get(line.region_code)
                if region is None:
                    place = codes.region(line.region_code)
                    region = places[line.region_code] = (place.full_name if place
                                                         else line.region_code)
                revenue = line.revenue
                # Positional, in SummaryRow's order: twenty keyword arguments cost 2 µs more
                # a row, a tenth of this loop.
                yield SummaryRow(
                    line.application_id, line.tier, line.name, line.uscc, kinds[line.kind],
                    statuses[line.status], verdict.outcome, line.ranking, region,
                    line.industry_code, line.leading_product, revenue,
                    ratio(line.main_business_revenue, revenue), ratio(line.rd_expense, revenue),
                    ratio(line.total_liabilities, line.total_assets), line.class_i_count,
                    verdict.score if verdict.score is not None else line.platform_score,
                    _known_missing_text(verdict, lang, missing_texts) if verdict.missing else "",
                    line.contact_person, line.contact_phone)

    def _verdicts(self, lines: Sequence[summary_lines.SummaryLine]) -> dict:
        """The verdict digests of the lines' applications: those kept and still valid, the
        others judged now (and kept)."""
        kept = self.qualification.application_verdicts
        found = kept.kept((line.application_id, line.data_version) for line in lines)
        stale = [line.application_id for line in lines if line.application_id not in found]
        if stale:
            found.update(kept.digests(self.applications.many(stale)))
        return found

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


def _known_missing_text(verdict: ApplicationDigest, lang: str, known: dict[tuple, str]) -> str:
    """missing_text, rendered once for each different content in `known`: the applications
    of a province lack the same few data (1,300 of 10,000 rendered: a third of summary_rows)."""
    # What missing_text reads; a Message's own equality leaves out its parameters.
    key = tuple((c.id, c.title, tuple((g.code, g.field, tuple(g.params.items())) for g in c.gap))
                for c in verdict.missing)
    try:
        text = known.get(key)
    except TypeError:   # a parameter that cannot be a key: rendered each time
        return missing_text(verdict, lang)
    if text is None:
        text = known[key] = missing_text(verdict, lang)
    return text


def missing_text(verdict: TierVerdict | ApplicationDigest, lang: str) -> str:
    """The criteria that lack data, each with what it needs, in one line."""
    if not verdict.missing:
        return ""
    parts = []
    for criterion in verdict.missing:
        gaps = text("gap_and", lang).join(render(g, lang) for g in criterion.gap)
        parts.append(f"{criterion.id} {criterion.title.get(lang)}" + paren(gaps, lang))
    return "\n".join(parts)
