"""The house plan's arrows, enforced: each layer imports only the layers below it, and the
third-party libraries that define a layer are imported only inside it."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"

# Which desktop.* layers each layer may import (besides itself).
ALLOWED = {
    "domain": set(),
    "rules": {"domain", "paths"},
    "db": {"domain"},
    "excel": {"domain"},
    "storage": {"domain"},
    "services": {"domain", "rules", "db", "excel", "storage", "paths"},
    "cli": {"services", "domain", "paths"},
    "gui": {"services", "domain", "paths"},
}
# Third-party packages owned by one layer.
OWNED = {"PySide6": "gui", "shiboken6": "gui", "peewee": "db", "playhouse": "db",
         "openpyxl": "excel", "python_calamine": "excel", "xlsxwriter": "excel"}


def imports_of(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level]
                names.append(".".join(package + ((node.module,) if node.module else ())))
            elif node.module:
                names.append(node.module)
    return names


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py"))


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_house_plan(path):
    layer = layer_of(path)
    for name in imports_of(path):
        top = name.split(".")[0]
        if top in OWNED:
            assert OWNED[top] == layer, f"{path.name} imports {name}, owned by {OWNED[top]}/"
        if top == "desktop" and layer in ALLOWED and "." in name:
            target = name.split(".")[1]
            if target != layer and target not in ("__init__",):
                assert target in ALLOWED[layer] or target == "__version__", \
                    f"{layer}/{path.name} imports desktop.{target}"


def test_the_scan_sees_real_imports():
    """Guard against a scan that silently finds nothing."""
    gui_imports = {n for p in (PACKAGE / "gui").rglob("*.py") for n in imports_of(p)}
    assert any(name.startswith("PySide6") for name in gui_imports)
    db_imports = {n for p in (PACKAGE / "db").rglob("*.py") for n in imports_of(p)}
    assert "peewee" in db_imports


def test_the_cli_runs_without_qt_loaded():
    import subprocess
    import sys

    code = ("import sys, desktop.cli.main as m; m.main(['version']); "
            "import desktop.services.workspace, desktop.services.demo; "
            "assert 'PySide6' not in sys.modules, 'Qt loaded'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
