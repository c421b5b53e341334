"""Render the main screens from the demo data in both languages, for the README.

    QT_QPA_PLATFORM=offscreen python -m desktop.gui.screenshots resources/screenshots

Uses a throwaway database in a temporary folder; nothing of the user's data is touched.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1280, 800)
DEMO_FIRM = "91320505246682363J"      # 苏州精测传感: a tier-2 failure with a clear gap


def _pump(app, rounds: int = 5) -> None:
    """Let the window paint and its background work (batch checks, dashboard) finish."""
    import time

    from . import tasks

    deadline = time.monotonic() + 20
    while tasks._running and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(rounds):
        app.processEvents()


def render(out_dir: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.paths import AppPaths
    from desktop.services.demo import load_demo
    from desktop.services.workspace import Workspace

    from . import i18n
    from .app import build_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as folder:
        with Workspace.open(AppPaths.resolve(data_dir=folder)) as workspace:
            load_demo(workspace)
            firm = workspace.firms.get_by_uscc(DEMO_FIRM)
            package = _package_with_a_conflict(workspace, firm, Path(folder))
            for lang in ("zh_CN", "en"):
                i18n.install(app, lang)
                settings = QSettings(str(Path(folder) / f"settings-{lang}.ini"),
                                     QSettings.Format.IniFormat)
                window = build_window(workspace, settings)
                window.resize(*SIZE)
                window.show()
                shots = [("firms", lambda: window.show_page(0))]
                shots += [(f"firm-{tab}", lambda t=tab: _open_tab(window, firm.id, t))
                          for tab in range(5)]   # profile … eligibility, history
                shots += [("applications", lambda: window.show_page(1)),
                          ("batches", lambda: _check_batch(window)),
                          ("evidence-due", lambda: window.show_page(3)),
                          ("dashboard", lambda: window.show_page(4))]
                for name, show in shots:
                    show()
                    _pump(app)
                    path = out_dir / f"{name}-{lang}.png"
                    window.grab().save(str(path))
                    written.append(path)
                written.append(_preview_shot(app, workspace, package, window,
                                             out_dir / f"package-preview-{lang}.png"))
                window.close()
        i18n.install(app, "en")
    return written


def _package_with_a_conflict(workspace, firm, folder: Path) -> Path:
    """The demo firm's evidence package, then one of its values edited here: the preview
    then shows a conflict beside the unchanged records."""
    import dataclasses

    path = workspace.packages.export(firm.id, folder / "demo.srdipkg")
    workspace.firms.update(dataclasses.replace(firm, contact_person="王工"))
    return path


def _preview_shot(app, workspace, package: Path, window, path: Path) -> Path:
    from .dialogs.package_preview import PackagePreviewDialog

    dialog = PackagePreviewDialog(workspace.packages.preview(package), window)
    dialog.show()
    _pump(app)
    dialog.grab().save(str(path))
    dialog.close()
    return path


def _check_batch(window) -> None:
    """The batch desk on the little-giant batch, checked."""
    window.show_page(2)
    desk = window.batches
    choice = getattr(desk, "batch_choice", None)
    if choice is not None:
        for index in range(choice.count()):
            if "小巨人" in choice.itemText(index):
                choice.setCurrentIndex(index)
    check = getattr(desk, "evaluate", None)
    if callable(check):
        check()


def _open_tab(window, firm_id: int, tab: int) -> None:
    window.open_firm(firm_id)
    tabs = getattr(window.firm_editor, "tabs", None)
    if tabs is not None and tab < tabs.count():
        tabs.setCurrentIndex(tab)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else Path("resources/screenshots")
    for path in render(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # PySide6 6.12 can drop references it does not own while Python tears down (seen as
    # "bool_dealloc"/"none_dealloc" aborts at exit); the work is done and flushed, so leave
    # without the teardown.
    os._exit(code)
