"""The window's first paint does without Qt's namespace enums: PySide6 builds all 94 of them
(~20 ms, a tenth of a start) the first time `Qt` is used or one of its enums reaches Python.
The firm list therefore names roles and alignment by Qt's numbers, its header shows titles
from a model of its own, and the shortcuts and the sort indicator are set once painted."""
from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt

from desktop.gui.models import firm_table
from desktop.gui.widgets import firm_list_header
from tests.gui.start_srdi import start_srdi


def test_the_numbers_used_for_qt_roles_and_alignment_are_qts():
    role = Qt.ItemDataRole
    assert (firm_table._DISPLAY, firm_table._TOOLTIP, firm_table._ALIGNMENT,
            firm_table._FOREGROUND) == (role.DisplayRole, role.ToolTipRole,
                                        role.TextAlignmentRole, role.ForegroundRole)
    assert firm_table.FIRM_ID_ROLE == role.UserRole + 1
    assert firm_list_header.ALIGNMENT_ROLE == role.TextAlignmentRole
    assert firm_table.RIGHT == (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value


def test_the_first_paint_builds_none_of_qts_namespace_enums(workspace, tmp_path):
    workspace.close()   # the child opens the same database
    report = start_srdi(workspace.context.database.path, tmp_path, at_paint="list(built)",
                        prelude=textwrap.dedent("""
                            import enum
                            built = []
                            create = enum.EnumType._create_
                            def watched(cls, name, names, **kw):
                                built.append(name)
                                return create(cls, name, names, **kw)
                            enum.EnumType._create_ = watched
                        """))
    built = set(report["at_paint"])
    assert "Type" in built                      # the hook saw Qt's own start (QEvent.Type)
    assert not {"ItemDataRole", "GlobalColor", "Orientation"} & built
