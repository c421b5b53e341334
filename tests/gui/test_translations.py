"""Every string of the window has its Chinese translation with the same placeholders, the
compiled .qm matches its .ts, and the window really speaks Chinese when asked to."""
import shutil

import pytest
from PySide6.QtWidgets import QListWidget

from desktop.gui.translations import QM_FILE, TS_FILE, build, problems, update


def test_every_string_in_the_sources_has_a_chinese_translation(tmp_path):
    working = tmp_path / "srdi_zh_CN.ts"
    shutil.copy(TS_FILE, working)
    update(working)  # the strings the code holds now, merged with the committed translations
    assert problems(working) == []


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    compiled = tmp_path / "srdi_zh_CN.qm"
    build(TS_FILE, compiled)
    assert compiled.read_bytes() == QM_FILE.read_bytes(), \
        "run: python -m desktop.gui.translations build"


@pytest.mark.parametrize("lang", ["zh_CN"], indirect=True)
def test_the_window_speaks_chinese(window, lang):
    navigation = window.findChild(QListWidget, "navigation")
    assert [navigation.item(i).text() for i in range(navigation.count())] == [
        "企业", "申报", "批次", "证据到期", "概览"]
    assert window.menuBar().actions()[0].text() == "文件(&F)"
