"""The Qt Linguist workflow for the GUI's own strings.

    python -m desktop.gui.translations update   # extract strings into srdi_zh_CN.ts (keeps translations)
    python -m desktop.gui.translations build    # compile srdi_zh_CN.ts → srdi_zh_CN.qm
    python -m desktop.gui.translations check    # list strings without a translation

Translate with Qt Linguist (`pyside6-linguist resources/translations/srdi_zh_CN.ts`) or any
editor, then `build`. A test fails when a string lacks its translation or the placeholders
differ, and when the committed .qm is older than the .ts.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import resources_dir

GUI_DIR = Path(__file__).resolve().parent
TS_FILE = resources_dir() / "translations" / "srdi_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    # Beside the interpreter (a venv's bin/ or Scripts/) when it is not on PATH.
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(candidate)


def update(ts_file: Path = TS_FILE) -> None:
    sources = sorted(str(p) for p in GUI_DIR.rglob("*.py"))
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(ts_file)], check=True, capture_output=True)


def build(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    subprocess.run([_tool("lrelease"), str(ts_file), "-qm", str(qm_file)], check=True,
                   capture_output=True)


def entries(ts_file: Path = TS_FILE) -> list[Entry]:
    root = ET.parse(ts_file).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            kind = translation.get("type", "") if translation is not None else "unfinished"
            found.append(Entry(name, message.findtext("source", ""), text,
                               finished=kind not in ("unfinished", "vanished", "obsolete")))
    return found


def problems(ts_file: Path = TS_FILE) -> list[str]:
    """Every string without a finished translation, or whose placeholders differ."""
    found = []
    for entry in entries(ts_file):
        where = f"{entry.context}: {entry.source!r}"
        if not entry.finished or not entry.translation.strip():
            found.append(f"untranslated {where}")
        elif sorted(_PLACEHOLDER.findall(entry.source)) != sorted(_PLACEHOLDER.findall(entry.translation)):
            found.append(f"placeholders differ {where} → {entry.translation!r}")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "build":
        build()
    found = problems()
    for line in found:
        print(line)
    return 1 if found and command == "check" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
