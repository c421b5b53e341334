"""`srdi generate`."""
from __future__ import annotations

import json

from desktop.cli.main import main


def test_generate_adds_the_firms_and_says_how_many(tmp_path, capsys):
    db = tmp_path / "srdi.db"
    assert main(["--db", str(db), "generate", "--firms", "30", "--seed", "2", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["firms"], counts["fiscal_years"], counts["applications"]) == (30, 120, 3)
    # the same seed again would repeat the same firms: refused, exit 1, nothing written
    assert main(["--db", str(db), "generate", "--firms", "30", "--seed", "2"]) == 1
