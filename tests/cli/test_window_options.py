"""`srdi` with nothing but the shared options starts the window without loading the commands'
modules; anything else (a command, help, a wrong option) goes to the full command line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.cli.options import window_options


@pytest.mark.parametrize(("argv", "expected"), [
    ([], {"db": None, "data_dir": None, "lang": None}),
    (["--lang", "en"], {"db": None, "data_dir": None, "lang": "en"}),
    (["--db", "x.db", "--lang", "zh_CN"], {"db": "x.db", "data_dir": None, "lang": "zh_CN"}),
    (["--data-dir", "d"], {"db": None, "data_dir": "d", "lang": None}),
])
def test_only_shared_options_ask_for_the_window(argv, expected):
    assert vars(window_options(argv)) == expected


@pytest.mark.parametrize("argv", [
    ["check", "91320583MA1MABCDEA"], ["--db", "x.db", "version"], ["-h"], ["--help"],
    ["--lang", "xx"], ["--db"], ["--bogus"],
])
def test_a_command_help_or_a_wrong_option_goes_to_the_command_line(argv):
    assert window_options(argv) is None


def test_the_window_starts_without_the_commands_modules(tmp_path):
    # run() replaced by a probe: what would the window get, and what was loaded by then?
    probe = (
        "import json, sys\n"
        "import desktop.gui.app as app\n"
        "def run(paths, lang):\n"
        "    print(json.dumps({'db': str(paths.database), 'lang': lang, 'commands': sorted(\n"
        "        m for m in sys.modules if m.startswith('desktop.cli.') and m not in\n"
        "        ('desktop.cli.options',))}))\n"
        "    return 0\n"
        "app.run = run\n"
        "from desktop.__main__ import main\n"
        f"sys.exit(main(['--db', {str(tmp_path / 'w.db')!r}, '--lang', 'en']))\n")
    done = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True,
                          text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                                       "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"db": str(tmp_path / "w.db"), "lang": "en", "commands": []}
