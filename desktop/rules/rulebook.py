"""Rulebooks as data: loading and validating the files in resources/criteria.

Every threshold, band, year offset and effective date lives in those files. A file with an
unknown key, a missing threshold or a bad band is refused with a message naming the file and
the key, so a typo can never silently change a verdict.
"""
from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.domain.enums import ApplicationKind
from desktop.domain.errors import DomainError
from desktop.domain.messages import Message
from desktop.domain.verdicts import Text

from .metrics import METRICS, OPS
from .schema import (  # noqa: F401  (the structures, re-exported for callers)
    Condition, Criterion, Indicator, Rulebook, ScoreRule, Test, TierRule, Transition,
)


class RulebookError(DomainError):
    """A rulebook file is malformed."""


SETTINGS = {"band_edge": ("higher", "lower"), "class_ii_maintained_years": int,
            "high_value_maintained_years": int, "transfer_wait_years": int}


class RuleFileReader:
    """Walks one file's tables, refusing unknown and missing keys with their path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> RulebookError:
        return RulebookError(Message("rulebook.invalid", {
            "path": self.path.name, "key": key, "problem": problem}))

    def table(self, data: Any, key: str, allowed: set[str], required: set[str] = frozenset()) -> dict:
        if not isinstance(data, dict):
            raise self.fail(key, "expected a table")
        for name in data:
            if name not in allowed:
                raise self.fail(f"{key}.{name}" if key else name, "unknown key")
        for name in required:
            if name not in data:
                raise self.fail(f"{key}.{name}" if key else name, "missing")
        return data

    def number(self, raw: Any, key: str) -> Decimal:
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise self.fail(key, "expected a number")
        try:
            # A TOML float's repr is the shortest text that reads back as it: 0.03 → '0.03'.
            value = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(str(raw))
        except ArithmeticError:
            raise self.fail(key, "expected a number") from None
        if not value.is_finite():
            raise self.fail(key, "expected a finite number")
        return value

    def flag(self, raw: dict, name: str, key: str) -> bool:
        value = raw.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(f"{key}.{name}", "expected true or false")
        return value

    def text(self, data: dict, key: str) -> Text:
        for suffix in ("zh", "en"):
            if not isinstance(data.get(f"title_{suffix}"), str) or not data[f"title_{suffix}"]:
                raise self.fail(f"{key}.title_{suffix}", "missing")
        return Text(zh=data["title_zh"], en=data["title_en"])

    # -- conditions ---------------------------------------------------------------------
    def test(self, raw: Any, key: str, measure_only: bool = False) -> Test:
        raw = self.table(raw, key, {"metric", "op", "value", "year", "years", "mode", "confirm",
                                    "interpretation"} | _all_params(), {"metric"})
        metric = raw["metric"]
        spec = METRICS.get(metric)
        if spec is None:
            raise self.fail(f"{key}.metric", f"unknown metric '{metric}'")
        params = {k: v for k, v in raw.items() if k not in (
            "metric", "op", "value", "year", "years", "mode", "confirm", "interpretation")}
        for name in params:
            if name not in spec.params:
                raise self.fail(f"{key}.{name}", f"not a parameter of metric '{metric}'")
        years = self.years(raw, key)
        mode = raw.get("mode", "each")
        if mode not in ("each", "sum", "mean"):
            raise self.fail(f"{key}.mode", "expected each, sum or mean")
        op, value = raw.get("op"), raw.get("value")
        if spec.kind == "boolean" or measure_only:
            if op is not None or value is not None:
                raise self.fail(key, f"metric '{metric}' takes no op or value here")
        else:
            if op not in OPS:
                raise self.fail(f"{key}.op", f"expected one of {', '.join(OPS)}")
            if value is None:
                raise self.fail(f"{key}.value", "missing")
            value = self.number(value, f"{key}.value")
        return Test(metric=metric, params=params, op=op, value=value, years=years, mode=mode,
                    confirm=self.flag(raw, "confirm", key),
                    interpretation=raw.get("interpretation", ""))

    def years(self, raw: dict, key: str) -> tuple[int, ...]:
        if "year" in raw and "years" in raw:
            raise self.fail(key, "give year or years, not both")
        years = raw.get("years", [raw.get("year", -1)])
        if not isinstance(years, list) or not years or not all(
                isinstance(y, int) and not isinstance(y, bool) and -10 <= y <= 0 for y in years):
            raise self.fail(f"{key}.years", "expected offsets from the application year, e.g. [-2, -1]")
        return tuple(years)

    def condition(self, raw: dict, key: str) -> Condition:
        """A criterion body: exactly one of test, any, all or cases."""
        present = [name for name in ("test", "any", "all", "cases") if name in raw]
        if len(present) != 1:
            raise self.fail(key, "needs exactly one of test, any, all or cases")
        name = present[0]
        if name == "test":
            return Condition(test=self.test(raw["test"], f"{key}.test"))
        if name == "cases":
            cases = []
            for index, case in enumerate(self.list(raw["cases"], f"{key}.cases")):
                case_key = f"{key}.cases[{index}]"
                case = self.table(case, case_key, {"when", "test", "any", "all"}, {"when"})
                body = {k: v for k, v in case.items() if k != "when"}
                cases.append((Condition(test=self.test(case["when"], f"{case_key}.when")),
                              self.condition(body, case_key)))
            return Condition(cases=tuple(cases))
        parts = tuple(self.sub_condition(item, f"{key}.{name}[{i}]")
                      for i, item in enumerate(self.list(raw[name], f"{key}.{name}")))
        return Condition(any=parts) if name == "any" else Condition(all=parts)

    def sub_condition(self, raw: Any, key: str) -> Condition:
        if isinstance(raw, dict) and ("any" in raw or "all" in raw):
            return self.condition(self.table(raw, key, {"any", "all"}), key)
        return Condition(test=self.test(raw, key))

    def list(self, raw: Any, key: str) -> list:
        if not isinstance(raw, list) or not raw:
            raise self.fail(key, "expected a non-empty list")
        return raw

    # -- criteria and indicators --------------------------------------------------------
    def criterion(self, raw: Any, key: str) -> Criterion:
        raw = self.table(raw, key, {"id", "group", "title_zh", "title_en", "test", "any", "all",
                                    "cases", "manual", "exempt_if", "hint", "review_exempt",
                                    "interpretation"}, {"id"})
        key = f"{key}[{raw['id']}]"
        manual = self.flag(raw, "manual", key)
        body = {k: raw[k] for k in ("test", "any", "all", "cases") if k in raw}
        if manual and body:
            raise self.fail(key, "a manual criterion has no test")
        condition = None if manual else self.condition(body, key)
        exempt = tuple(self.sub_condition(item, f"{key}.exempt_if[{i}]")
                       for i, item in enumerate(raw.get("exempt_if", [])))
        hint = self.test(raw["hint"], f"{key}.hint", measure_only=True) if "hint" in raw else None
        return Criterion(id=raw["id"], group=raw.get("group", ""), title=self.text(raw, key),
                         condition=condition, manual=manual, exempt_if=exempt, hint=hint,
                         review_exempt=self.flag(raw, "review_exempt", key),
                         interpretation=raw.get("interpretation", ""))

    def indicator(self, raw: Any, key: str, nested: bool = False) -> Indicator:
        allowed = {"metric", "year", "years", "bands", "direction", "categories", "per", "up_to",
                   "params"}
        if not nested:
            allowed |= {"id", "group", "title_zh", "title_en", "best_of", "interpretation"}
        raw = self.table(raw, key, allowed, set() if nested else {"id", "group"})
        if not nested:
            key = f"{key}[{raw['id']}]"
        if "best_of" in raw:
            parts = tuple(self.indicator(item, f"{key}.best_of[{i}]", nested=True)
                          for i, item in enumerate(self.list(raw["best_of"], f"{key}.best_of")))
            return Indicator(id=raw["id"], group=raw["group"], title=self.text(raw, key),
                             metric=parts[0].metric, params={}, best_of=parts,
                             interpretation=raw.get("interpretation", ""))
        if "metric" not in raw:
            raise self.fail(f"{key}.metric", "missing")
        metric = raw["metric"]
        if metric not in METRICS:
            raise self.fail(f"{key}.metric", f"unknown metric '{metric}'")
        params = self.table(raw.get("params", {}), f"{key}.params", set(METRICS[metric].params))
        scoring = [name for name in ("bands", "categories", "per", "up_to") if name in raw]
        if len(scoring) != 1:
            raise self.fail(key, "needs exactly one of bands, categories, per or up_to")
        bands: list[tuple[Decimal, Decimal]] = []
        direction = raw.get("direction", "higher")
        if direction not in ("higher", "lower"):
            raise self.fail(f"{key}.direction", "expected higher or lower")
        for index, band in enumerate(raw.get("bands", [])):
            if not isinstance(band, list) or len(band) != 2:
                raise self.fail(f"{key}.bands[{index}]", "expected [edge, points]")
            bands.append((self.number(band[0], f"{key}.bands[{index}]"),
                          self.number(band[1], f"{key}.bands[{index}]")))
        edges = [edge for edge, _ in bands]
        ordered = sorted(edges, reverse=direction == "higher")
        if "bands" in raw and (not bands or edges != ordered or len(set(edges)) != len(edges)):
            raise self.fail(f"{key}.bands", "edges must run from the best band down, without repeats")
        categories = {}
        if "categories" in raw:
            allowed_categories = METRICS[metric].categories
            for name, points in self.table(raw["categories"], f"{key}.categories",
                                           set(allowed_categories)).items():
                categories[name] = self.number(points, f"{key}.categories.{name}")
        per = None
        if "per" in raw:
            spec = self.table(raw["per"], f"{key}.per", {"unit", "points", "cap"},
                              {"unit", "points", "cap"})
            per = tuple(self.number(spec[name], f"{key}.per.{name}") for name in ("unit", "points", "cap"))
            if per[0] <= 0:
                raise self.fail(f"{key}.per.unit", "must be positive")
        return Indicator(id=raw.get("id", ""), group=raw.get("group", ""),
                         title=self.text(raw, key) if not nested else Text("", ""),
                         metric=metric, params=params, years=self.years(raw, key),
                         bands=tuple(bands), direction=direction, categories=categories,
                         per=per, up_to=self.number(raw["up_to"], f"{key}.up_to") if "up_to" in raw else None,
                         interpretation=raw.get("interpretation", ""))


def _all_params() -> set[str]:
    return {name for spec in METRICS.values() for name in spec.params}


def load_rulebook(path: Path) -> Rulebook:
    """Read and validate one rulebook file."""
    reader = RuleFileReader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise reader.fail("", str(error)) from error
    reader.table(data, "", {"rulebook", "settings", "common", "tiers", "transitions"},
                 {"rulebook", "settings", "tiers"})
    head = reader.table(data["rulebook"], "rulebook", {"id", "version", "title_zh", "title_en",
                                                       "effective_from", "effective_until"},
                        {"id", "version", "effective_from"})
    for key in ("effective_from", "effective_until"):
        if key in head and not isinstance(head[key], date):
            raise reader.fail(f"rulebook.{key}", "expected a date (YYYY-MM-DD)")
    settings = reader.table(data["settings"], "settings", set(SETTINGS), set(SETTINGS))
    for name, kind in SETTINGS.items():
        valid = settings[name] in kind if isinstance(kind, tuple) else isinstance(settings[name], kind)
        if not valid:
            raise reader.fail(f"settings.{name}", f"expected {kind}")
    common = tuple(reader.criterion(item, "common") for item in data.get("common", []))
    tiers: dict[int, TierRule] = {}
    for tier_key, raw in reader.table(data["tiers"], "tiers", {"1", "2", "3"}).items():
        key = f"tiers.{tier_key}"
        raw = reader.table(raw, key, {"title_zh", "title_en", "criteria", "score", "indicators",
                                      "direct_routes", "inherit", "interpretation"})
        tier = int(tier_key)
        if "inherit" in raw:
            tiers[tier] = TierRule(tier=tier, title=Text("", ""), inherit=raw["inherit"],
                                   interpretation=raw.get("interpretation", ""))
            continue
        score = None
        if "score" in raw:
            spec = reader.table(raw["score"], f"{key}.score", {"pass_at_least", "groups"},
                                {"pass_at_least", "groups"})
            groups, floors = {}, {}
            for name, group in reader.table(spec["groups"], f"{key}.score.groups",
                                            set(spec["groups"])).items():
                group = reader.table(group, f"{key}.score.groups.{name}", {"zh", "en", "floor"},
                                     {"zh", "en"})
                groups[name] = Text(zh=group["zh"], en=group["en"])
                if "floor" in group:
                    floors[name] = reader.number(group["floor"], f"{key}.score.groups.{name}.floor")
            score = ScoreRule(reader.number(spec["pass_at_least"], f"{key}.score.pass_at_least"),
                              groups, floors)
        indicators = tuple(reader.indicator(item, f"{key}.indicators")
                           for item in raw.get("indicators", []))
        if indicators and score is None:
            raise reader.fail(f"{key}.score", "missing (the tier has indicators)")
        for indicator in indicators:
            if indicator.group not in score.groups:
                raise reader.fail(f"{key}.indicators[{indicator.id}].group",
                                  f"'{indicator.group}' is not a score group")
        criteria = tuple(reader.criterion(item, f"{key}.criteria") for item in raw.get("criteria", []))
        ids = [c.id for c in common + criteria] + [i.id for i in indicators] + [
            r.get("id") for r in raw.get("direct_routes", []) if isinstance(r, dict)]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            raise reader.fail(f"{key}[{duplicate}]", "the id is used twice")
        tiers[tier] = TierRule(
            tier=tier, title=reader.text(raw, key), criteria=criteria,
            score=score, indicators=indicators,
            direct_routes=tuple(reader.criterion(item, f"{key}.direct_routes")
                                for item in raw.get("direct_routes", [])),
            interpretation=raw.get("interpretation", ""))
    transitions = []
    for index, raw in enumerate(data.get("transitions", [])):
        key = f"transitions[{index}]"
        raw = reader.table(raw, key, {"tier", "kind", "years", "use", "source"},
                           {"tier", "kind", "years", "use"})
        if raw["tier"] not in (1, 2, 3) or isinstance(raw["tier"], bool):
            raise reader.fail(f"{key}.tier", "expected 1, 2 or 3")
        if raw["kind"] not in ApplicationKind.values():
            raise reader.fail(f"{key}.kind", f"expected one of {', '.join(ApplicationKind.values())}")
        if not isinstance(raw["years"], list) or not all(
                isinstance(y, int) and not isinstance(y, bool) for y in raw["years"]):
            raise reader.fail(f"{key}.years", "expected a list of years")
        if not isinstance(raw["use"], str):
            raise reader.fail(f"{key}.use", "expected a rulebook id")
        transitions.append(Transition(tier=raw["tier"], kind=raw["kind"], years=tuple(raw["years"]),
                                      use=raw["use"], source=raw.get("source", "")))
    return Rulebook(id=str(head["id"]), version=str(head["version"]),
                    title=Text(head.get("title_zh", ""), head.get("title_en", "")),
                    effective_from=head["effective_from"],
                    effective_until=head.get("effective_until"), settings=settings,
                    common=common, tiers=tiers, transitions=tuple(transitions), path=str(path))
