"""Loading the demo data set (resources/demo/demo.json) through the ordinary services.

The demo goes through the same parsing and validation as anything a user types, in one
transaction: it loads whole or not at all.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, ApplicationStatus, BatchStatus, Decision, Tier
from desktop.domain.errors import DomainError
from desktop.domain.messages import Message
from desktop.paths import resources_dir

from .bundles import add_bundle
from .inputs import parse_date, parse_score
from .workspace import Workspace

DEMO_FORMAT = "srdi-demo"


@dataclass(frozen=True)
class DemoResult:
    firms: int
    applications: int
    already_loaded: bool = False

    @property
    def message(self) -> Message:
        if self.already_loaded:
            return Message("demo.already_loaded", {"firms": self.firms})
        return Message("demo.loaded", {"firms": self.firms, "applications": self.applications})


def demo_path() -> Path:
    return resources_dir() / "demo" / "demo.json"


def read_demo(path: Path | None = None) -> dict:
    path = path or demo_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DomainError(Message("file.unreadable", {"path": str(path), "error": error.strerror}))
    except json.JSONDecodeError as error:
        raise DomainError(Message("json.invalid", {"path": str(path), "error": str(error)}))
    if data.get("format") != DEMO_FORMAT:
        raise DomainError(Message("json.invalid", {"path": str(path), "error": "not a demo file"}))
    return data


def load_demo(workspace: Workspace, path: Path | None = None) -> DemoResult:
    """Load the demo firms, their figures, evidence, batches and applications.

    Firms already present (same USCC) make the whole load a no-op, so loading twice is safe.
    """
    path = path or demo_path()
    data = read_demo(path)
    firms = data.get("firms", [])
    present = sum(1 for entry in firms if _exists(workspace, entry["profile"]["uscc"]))
    if present:
        return DemoResult(firms=present, applications=0, already_loaded=True)
    files_root = path.parent
    applications = 0
    with workspace.context.database.transaction():
        closed = []
        for raw_batch in data.get("batches", []):
            # Batches open while their applications are added, then take their given status.
            batch = workspace.batches.create_from({**raw_batch, "status": "open"})
            if raw_batch.get("status") == BatchStatus.CLOSED.value:
                closed.append(batch.id)
        for index, entry in enumerate(firms):
            try:
                applications += _load_firm(workspace, entry, files_root)
            except DomainError as error:
                # Name the demo firm: the messages alone would not say which of 30 it was.
                raise type(error)((Message("demo.firm_refused", {
                    "index": index, "name": entry.get("profile", {}).get("name", "")}),)
                    + error.messages) from error
        for batch_id in closed:
            workspace.batches.set_status(batch_id, BatchStatus.CLOSED)
    return DemoResult(firms=len(firms), applications=applications)


def _exists(workspace: Workspace, uscc: str) -> bool:
    try:
        workspace.firms.get_by_uscc(uscc)
        return True
    except DomainError:
        return False


def _load_firm(workspace: Workspace, entry: dict, files_root: Path) -> int:
    firm = add_bundle(workspace, entry, files_root)
    for raw in entry.get("applications", []):
        _load_application(workspace, firm, raw)
    return len(entry.get("applications", []))


def _load_application(workspace: Workspace, firm: r.Firm, raw: dict) -> None:
    batch_id = workspace.batches.get_by_name(raw["batch"]).id if raw.get("batch") else None
    application = workspace.applications.create(r.Application(
        firm_id=firm.id, tier=Tier(int(raw["tier"])), batch_id=batch_id,
        kind=ApplicationKind(raw.get("kind", "new")),
        assessment_date=parse_date(raw.get("assessment_date")),
        platform_score=parse_score(raw.get("platform_score")),
        provincial_feature_score=parse_score(raw.get("provincial_feature_score")),
        ranking=raw.get("ranking"), reviewer_notes=raw.get("reviewer_notes", "")))
    for decision in raw.get("decisions", []):
        # Manual decisions on qualitative criteria, as an official would have recorded them.
        workspace.applications.decide(application.id, decision["criterion"],
                                      Decision(decision["decision"]), decision["note"])
    for step in raw.get("status_path", []):
        target, reason = (step, "") if isinstance(step, str) else (step["to"], step.get("reason", ""))
        workspace.applications.move(application.id, ApplicationStatus(target), reason)
