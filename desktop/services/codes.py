"""Code tables: administrative divisions (GB/T 2260, shipped with python-stdnum) and industries
(GB/T 4754-2017, in resources/codes), plus the size-gate sector an industry belongs to."""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.paths import resources_dir

_HISTORIC = re.compile(r"\[(\d{4})?-(\d{4})?\]")
# The lines of python-stdnum's cn/loc.dat: a province, then its counties (4 more digits).
_PROVINCE_LINE = re.compile(r'^(\d\d) province="([^"]*)"', re.MULTILINE)
_COUNTY_LINE = re.compile(r'^  (\d{4}) county="([^"]*)"', re.MULTILINE)
_TWO_DIGITS = re.compile(r"\d\d")


@dataclass(frozen=True)
class Region:
    code: str
    province: str
    city: str
    county: str

    @property
    def full_name(self) -> str:
        parts = [self.province]
        for part in (self.city, self.county):
            if part and part not in parts and part != "市辖区":
                parts.append(part)
        return "".join(parts)


def _current_name(raw: str) -> str | None:
    """'[1983-1989]南头区办事处,[1990-]南山区' → '南山区'; a name that has ended → None."""
    for variant in reversed(raw.split(",")):
        match = _HISTORIC.match(variant)
        if match is None:
            return variant
        if match.group(2) is None:  # '[1990-]': still in use
            return variant[match.end():]
    return None


@lru_cache(maxsize=1)
def _loc_text() -> str:
    """python-stdnum's GB/T 2260 table (cn/loc.dat): a line per province ('32 province=…'),
    then its counties' lines ('  0583 county=…'). Read straight from the file: stdnum's own
    reader (numdb) parses every line through a regular expression and took ~70 ms, paid at
    each start of the window (the firm list's region column). Found without importing
    python-stdnum, whose package loads ssl, pydoc… (~20 ms more)."""
    stdnum = importlib.util.find_spec("stdnum")   # also in the PyInstaller bundle's folder
    path = Path(stdnum.submodule_search_locations[0]) / "cn" / "loc.dat"
    return "\n" + path.read_text(encoding="utf-8")   # every province line after a newline


@lru_cache(maxsize=None)
def _province_block(province: str) -> tuple[str, dict[str, str]] | None:
    """A province's name and its counties' raw names by 6-digit code, from its block of
    lines only: the first screen names a page of firms' regions, and reading just their
    provinces (~0.1 ms each) spares it the whole table (~5 ms)."""
    text = _loc_text()
    start = text.find(f'\n{province} province="') if _TWO_DIGITS.fullmatch(province) else -1
    if start < 0:
        return None
    line = _PROVINCE_LINE.match(text, start + 1)
    following = _PROVINCE_LINE.search(text, line.end())
    block = text[line.end():following.start() if following else len(text)]
    return line.group(2), {province + key: raw for key, raw in _COUNTY_LINE.findall(block)}


def _region_table() -> tuple[dict[str, str], dict[str, str]]:
    """The whole table: province names by 2-digit code, raw county names by 6-digit code."""
    provinces: dict[str, str] = {}
    counties: dict[str, str] = {}
    for province in _PROVINCE_LINE.findall(_loc_text()):
        name, block = _province_block(province[0])
        provinces[province[0]] = name
        counties.update(block)
    return provinces, counties


@lru_cache(maxsize=4096)
def region(code: str) -> Region | None:
    """The current region with this 6-digit code, or None (unknown or no longer in use)."""
    if not re.fullmatch(r"\d{6}", code or ""):
        return None
    found = _province_block(code[:2])
    if found is None:
        return None
    province, counties = found
    county_raw = counties.get(code)
    if not province or not county_raw:
        return None
    county = _current_name(county_raw)
    if county is None:
        return None
    city = ""
    if code[2:6] != "0000" and code[4:6] != "00":
        city = _current_name(counties.get(code[:4] + "00", "")) or ""
    return Region(code=code, province=province, city=city, county=county)


@lru_cache(maxsize=1)
def _all_region_codes() -> tuple[str, ...]:
    """Every 6-digit code in the table (current or not; `region` tells which are current)."""
    return tuple(_region_table()[1])


MUNICIPALITIES = ("11", "12", "31", "50")


def regions_under(prefix: str = "") -> list[Region]:
    """Current regions one level below `prefix`: '' → provinces, '32' → cities of Jiangsu,
    '3205' → counties of Suzhou. For a province-level city ('11') the counties come at once."""
    prefix = prefix.strip()
    found: dict[str, Region] = {}
    for code in _all_region_codes():
        if not code.startswith(prefix):
            continue
        if prefix == "":
            key = code[:2] + "0000"
        elif len(prefix) == 2:
            key = code[:4] + "00"
        else:
            key = code
        if key.startswith(prefix) and key != prefix.ljust(6, "0"):
            place = region(key)
            if place is not None:
                found[key] = place
    if prefix in MUNICIPALITIES:
        # Beijing, Tianjin, Shanghai, Chongqing: no real city level, counties come at once
        return [r for r in (region(c) for c in _all_region_codes() if c.startswith(prefix)
                            and not c.endswith("00")) if r is not None]
    return sorted(found.values(), key=lambda r: r.code)


@dataclass(frozen=True)
class Industry:
    code: str
    name: str
    level: str      # section, division, group or class
    parent: str


@lru_cache(maxsize=1)
def _industry_rows() -> dict[str, tuple[str, str, str, str]]:
    """The rows of GB/T 4754-2017 (code, name, level, parent) keyed by code (C3985 …)."""
    path = resources_dir() / "codes" / "gbt4754-2017.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)   # not DictReader: a dict per row took half the time
        columns = next(rows)
        code, name, level, parent = (columns.index(column)
                                     for column in ("code", "name", "level", "parent"))
        return {row[code]: (row[code], row[name], row[level], row[parent]) for row in rows}


@lru_cache(maxsize=1)
def industries() -> dict[str, Industry]:
    """All codes of GB/T 4754-2017 keyed by code (C3985 …)."""
    return {code: _industry(code) for code in _industry_rows()}


def industries_under(parent: str = "") -> list[Industry]:
    """The codes one level below `parent` ('' → the 20 sections, 'C' → its divisions …)."""
    return [i for i in industries().values() if i.parent == parent]


def industry(code: str) -> Industry | None:
    code = (code or "").strip().upper()
    return _industry(code) if code in _industry_rows() else None


@lru_cache(maxsize=None)
def _industry(code: str) -> Industry:
    """One code's entry, made when first asked for: the first screen names a page of firms'
    industries, and making all two thousand entries took it ~3 ms."""
    return Industry(*_industry_rows()[code])
