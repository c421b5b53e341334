"""The window's start lists the firms without peewee: the workspace is opened lazily, the
first screen reads its plain list in SQL (db/firm_pages.py), and peewee and the models are
imported once the window has painted (~25 ms of a start of ~0.2 s)."""
from __future__ import annotations

from tests.conftest import make_uscc
from tests.gui.start_srdi import start_srdi

SHOWN = """{
    "peewee": "peewee" in sys.modules,
    "loaded": window.ctx.workspace.context.database.loaded,
    "rows": window.firm_list.model.rowCount(),
    "first": window.firm_list.model.summary(0).name,
    "status": window.status.text().split(" ")[0],
}"""


def test_the_first_paint_shows_the_firms_before_peewee_is_imported(workspace, tmp_path):
    for number, name in enumerate(("乙精密有限公司", "甲传感有限公司", "丙微电子有限公司")):
        workspace.firms.create_from({"uscc": make_uscc("320583", f"MA7W{number:04d}Y"),
                                     "name": name, "region_code": "320583"})
    workspace.close()   # the child opens the same database
    report = start_srdi(workspace.context.database.path, tmp_path, at_paint=SHOWN,
                        after_start=SHOWN)
    first = min("乙精密有限公司", "甲传感有限公司", "丙微电子有限公司")
    assert report["at_paint"] == {"peewee": False, "loaded": False, "rows": 3, "first": first,
                                  "status": "3"}
    assert report["after_start"] == {"peewee": True, "loaded": True, "rows": 3, "first": first,
                                     "status": "3"}
