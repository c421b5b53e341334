"""`srdi firms …`: list, show, add and archive firms."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.messages import Message, field_label
from desktop.domain.values import format_money
from desktop.services.bundles import add_bundle
from desktop.services.codes import region

from .output import Output

# Options of `firms add` and the Firm fields they set.
ADD_OPTIONS = {
    "uscc": "uscc", "name": "name", "name_en": "name_en", "legal_rep": "legal_representative",
    "registration_date": "registration_date", "capital": "registered_capital",
    "region": "region_code", "address": "address", "industry": "industry_code",
    "sector": "sector_class", "niche": "niche_market", "niche_since": "niche_entry_date",
    "product": "leading_product", "product_code": "leading_product_code",
    "contact": "contact_person", "phone": "contact_phone", "email": "contact_email",
    "notes": "notes",
}


def add_parser(commands: argparse._SubParsersAction) -> None:
    firms = commands.add_parser("firms", help="list, show, add or archive firms")
    sub = firms.add_subparsers(dest="firms_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="list firms (name, USCC, region, industry)")
    listing.add_argument("--search", default="", help="part of a name or USCC")
    listing.add_argument("--archived", action="store_true", help="include archived firms")
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    show = sub.add_parser("show", help="one firm with its figures, evidence and applications")
    show.add_argument("uscc")
    show.add_argument("--json", action="store_true", help="print a JSON object")

    add = sub.add_parser("add", help="add a firm from options or a JSON file")
    add.add_argument("--json-file", type=Path, metavar="FILE",
                     help="a profile object, or {profile, fiscal_years, evidence, …}")
    for option, field in ADD_OPTIONS.items():
        add.add_argument("--" + option.replace("_", "-"), dest=option, metavar="VALUE",
                         help=field_label(field))
    add.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                     help="any other profile field, e.g. --set own_brand=yes")

    archive = sub.add_parser("archive", help="archive a firm (kept, hidden from the list)")
    archive.add_argument("uscc")
    archive.add_argument("--undo", action="store_true", help="bring an archived firm back")


def run(args: argparse.Namespace, workspace, out: Output) -> int:
    command = args.firms_command
    if command == "list":
        return _list(args, workspace, out)
    if command == "show":
        return _show(args, workspace, out)
    if command == "add":
        return _add(args, workspace, out)
    return _archive(args, workspace, out)


def _list(args, workspace, out: Output) -> int:
    firms = workspace.firms.list(args.search, include_archived=args.archived)
    if args.json:
        out.json([{"uscc": f.uscc, "name": f.name, "region_code": f.region_code,
                   "industry_code": f.industry_code, "archived": f.archived,
                   "last_year": f.last_year, "last_revenue": f.last_revenue,
                   "open_applications": f.open_applications} for f in firms])
        return 0
    if not firms:
        out.message(Message("cli.no_firms"))
        return 0
    for firm in firms:
        place = region(firm.region_code)
        revenue = f"{format_money(firm.last_revenue)} ({firm.last_year})" if firm.last_year else ""
        out.line("  ".join([firm.uscc, firm.name, place.full_name if place else firm.region_code,
                            firm.industry_code, revenue]))
    return 0


def _show(args, workspace, out: Output) -> int:
    firm = workspace.firms.get_by_uscc(args.uscc)
    data = {
        "profile": firm.to_dict(),
        "fiscal_years": [y.to_dict() for y in workspace.financials.years(firm.id)],
        "market_positions": [p.to_dict() for p in workspace.financials.market_positions(firm.id)],
        "assessments": [a.to_dict() for a in workspace.financials.assessments(firm.id)],
        "evidence": [item.to_dict() for item in workspace.evidence.items(firm.id)],
        "applications": [a.to_dict() for a in workspace.applications.for_firm(firm.id)],
    }
    if args.json:
        out.json(data)
        return 0
    lang = out.lang
    for name, value in firm.to_dict().items():
        if value not in (None, "", False) and name not in ("id",):
            out.line(f"{field_label(name, lang)}: {value}")
    for year in data["fiscal_years"]:
        figures = ", ".join(f"{field_label(k, lang)} {v}" for k, v in year.items()
                            if v is not None and k not in ("id", "firm_id", "year", "source_note"))
        out.line(f"{year['year']}: {figures}")
    for item in workspace.evidence.items(firm.id):
        out.line(f"- [{item.kind.value}] {item.title} {item.number}".rstrip())
    return 0


def _add(args, workspace, out: Output) -> int:
    files_root = None
    if args.json_file:
        try:
            entry = json.loads(args.json_file.read_text(encoding="utf-8"))
        except OSError as error:
            raise DomainError(Message("file.unreadable", {"path": str(args.json_file),
                                                          "error": error.strerror}))
        except json.JSONDecodeError as error:
            raise ValidationError(Message("json.invalid", {"path": str(args.json_file),
                                                           "error": str(error)}))
        files_root = args.json_file.parent
    else:
        entry = {}
    profile = dict(entry.get("profile", entry)) if isinstance(entry, dict) else entry
    if isinstance(profile, dict):
        for option, field in ADD_OPTIONS.items():
            value = getattr(args, option)
            if value is not None:
                profile[field] = value
        for assignment in args.set:
            field, _, value = assignment.partition("=")
            profile[field.strip()] = value
        if isinstance(entry, dict) and "profile" in entry:
            entry = {**entry, "profile": profile}
        else:
            entry = profile
    firm = add_bundle(workspace, entry, files_root)
    out.message(Message("cli.firm_added", {"name": firm.name, "uscc": firm.uscc}))
    return 0


def _archive(args, workspace, out: Output) -> int:
    firm = workspace.firms.get_by_uscc(args.uscc)
    firm = workspace.firms.set_archived(firm.id, not args.undo)
    out.message(Message("cli.firm_archived" if firm.archived else "cli.firm_restored",
                        {"name": firm.name, "uscc": firm.uscc}))
    return 0
