"""Smoke test of the PyInstaller bundle that build.spec builds (standard library only).

    python .ci/smoke_bundle.py [dist/srdi]

Runs the frozen `srdi` in a temporary folder, with no Python of ours involved:

1. `srdi version` prints "SRDI Desk <the version in desktop/__init__.py>";
2. `srdi --db TMP/smoke.db demo` loads the demo data set the bundle carries;
3. `srdi --db TMP/smoke.db check USCC --json` gives every tier's verdict, criterion by criterion,
   for the first demo firm (read from the bundle's own resources/demo/demo.json), and
   `firms list --json` lists every demo firm;
4. the window: `srdi --db TMP/smoke.db --lang zh_CN` with QT_QPA_PLATFORM=offscreen and
   SRDI_SMOKE_TEST=1 (desktop/gui/app.py: quit once the main window has painted, printing one
   JSON line) exits 0 within the time limit, with the Chinese menus (our .qm) and Qt's own
   Chinese "Cancel" (Qt's qtbase_zh_CN.qm);
5. the trim held: no Qt WebEngine, Quick/QML, 3D, Multimedia, Wayland or GTK-theme files.

Exits 0 when all pass, 1 at the first failure (naming it), 2 on usage errors.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # seconds per command; a cold start of the frozen app takes a few
# Files whose presence means build.spec's trim no longer works (lower-case, `/` separators).
FORBIDDEN = re.compile(
    r"webengine|qtquick|qtqml|/qml/|qt63d|qt6multimedia|qtmultimedia|virtualkeyboard"
    r"|qt6wayland|/wayland-|libqgtk3|qtopengl\.(abi3|pyd)|translations/qt_help"
)


class SmokeFailure(Exception):
    pass


def run(args: list[str], *, env: dict[str, str], cwd: Path, what: str) -> subprocess.CompletedProcess:
    started = time.monotonic()
    try:
        result = subprocess.run(args, env=env, cwd=cwd, capture_output=True, timeout=TIMEOUT,
                                stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as error:
        raise SmokeFailure(f"{what}: no exit within {TIMEOUT} s\n{_text(error.stderr)[-3000:]}") from None
    result.stdout, result.stderr = _text(result.stdout), _text(result.stderr)
    if result.returncode != 0:
        raise SmokeFailure(f"{what}: exit code {result.returncode}\n"
                           f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-3000:]}")
    print(f"ok   {what} ({time.monotonic() - started:.1f} s)", flush=True)
    return result


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def expected_version() -> str:
    source = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r"""__version__\s*=\s*["']([^"']+)["']""", source).group(1)


def smoke(bundle: Path) -> None:
    executable = bundle / ("srdi.exe" if sys.platform == "win32" else "srdi")
    internal = bundle / "_internal"
    if not executable.is_file() or not internal.is_dir():
        raise SmokeFailure(f"no bundle at {bundle} (build it: pyinstaller --noconfirm build.spec)")
    files = [p.relative_to(bundle).as_posix().lower() for p in bundle.rglob("*")]
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle {bundle}: {len(files)} entries, {size / 2**20:.0f} MiB", flush=True)
    unwanted = [name for name in files if FORBIDDEN.search("/" + name)]
    if unwanted:
        raise SmokeFailure("the bundle holds files build.spec should have left out:\n  "
                           + "\n  ".join(unwanted[:20]))

    with tempfile.TemporaryDirectory(prefix="srdi-smoke-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ)
        for name in ("SRDI_DB", "SRDI_DATA_DIR", "SRDI_SMOKE_TEST", "PYTHONPATH", "PYTHONHOME"):
            env.pop(name, None)
        # Keep the window's settings, logs and caches out of the user's home (Linux; on Windows
        # and macOS QSettings writes the registry or ~/Library as usual).
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(tmp / name.lower())
        db = str(tmp / "smoke.db")

        version = run([str(executable), "version"], env=env, cwd=tmp, what="srdi version")
        wanted = f"SRDI Desk {expected_version()}"
        if version.stdout.strip() != wanted:
            raise SmokeFailure(f"srdi version printed {version.stdout.strip()!r}, not {wanted!r}")

        run([str(executable), "--db", db, "--lang", "en", "demo"], env=env, cwd=tmp,
            what="srdi --db TMP/smoke.db demo")

        demo = json.loads((internal / "resources" / "demo" / "demo.json").read_text(encoding="utf-8"))
        firm = demo["firms"][0]["profile"]
        checked = run([str(executable), "--db", db, "check", firm["uscc"], "--json"], env=env,
                      cwd=tmp, what=f"srdi --db TMP/smoke.db check {firm['uscc']} --json")
        verdict = json.loads(checked.stdout)
        tiers = {tier["tier"]: tier for tier in verdict["tiers"]}
        if verdict["firm"]["uscc"] != firm["uscc"] or sorted(tiers) != [1, 2, 3]:
            raise SmokeFailure(f"check gave no verdict for each tier: {checked.stdout[:2000]}")
        for number, tier in sorted(tiers.items()):
            outcomes = {criterion["outcome"] for criterion in tier["criteria"]}
            if tier["verdict"] not in {"pass", "fail", "incomplete", "pending"} or not outcomes:
                raise SmokeFailure(f"tier {number}: no verdict or no criteria: {json.dumps(tier)[:2000]}")
            print(f"     tier {number}: {tier['verdict']} ({len(tier['criteria'])} criteria, "
                  f"{tier['rulebook']} rules)", flush=True)

        listed = run([str(executable), "--db", db, "firms", "list", "--json"], env=env, cwd=tmp,
                     what="srdi --db TMP/smoke.db firms list --json")
        if not 0 < len(json.loads(listed.stdout)) <= len(demo["firms"]):
            raise SmokeFailure(f"firms list: not the demo firms: {listed.stdout[:2000]}")

        gui_env = dict(env, QT_QPA_PLATFORM="offscreen", SRDI_SMOKE_TEST="1")
        shown = run([str(executable), "--db", db, "--lang", "zh_CN"], env=gui_env, cwd=tmp,
                    what="the window, offscreen, opened, painted and closed")
        lines = [line for line in shown.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise SmokeFailure(f"the window printed no report: {shown.stdout[-2000:]}{shown.stderr[-2000:]}")
        window = json.loads(lines[-1])
        print(f"     {json.dumps(window, ensure_ascii=False)}", flush=True)
        if window["platform"] != "offscreen" or "SRDI Desk" not in window["title"]:
            raise SmokeFailure(f"not the main window offscreen: {window}")
        if not window["menus"] or "文件" not in window["menus"][0]:
            raise SmokeFailure(f"the window's Chinese translation (srdi_zh_CN.qm) was not loaded: {window}")
        if window["qt_cancel"] != "取消":
            raise SmokeFailure(f"Qt's Chinese translation (qtbase_zh_CN.qm) was not loaded: {window}")


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "srdi"
    try:
        smoke(bundle.resolve())
    except SmokeFailure as failure:
        print(f"FAIL {failure}", file=sys.stderr, flush=True)
        return 1
    print("bundle smoke test passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
