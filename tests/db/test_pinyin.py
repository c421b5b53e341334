"""Pinyin initials: what pypinyin's public lazy_pinyin gives (the fast path uses its converter
and segmentation directly), name after name."""
from pypinyin import Style, lazy_pinyin

from desktop.db.pinyin import initials

NAMES = [
    "苏州精测传感科技有限公司", "重庆长安汽车股份有限公司", "长沙银行股份有限公司", "中国银行行长办公室",
    "朝阳区朝阳门外大街", "乐清市音乐厅", "厦门大学", "ABC科技 Co., Ltd. 2号", "北京-123号",
    "〇一二三", "İstanbul贸易公司", "Σίσυφος", "  前后有空格  ", "全角ＡＢＣ１２３公司", "", "有限公司",
    "一二三四五六七八九十百千万亿", "单", "䶮",
]


def reference(name: str) -> str:
    letters = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")).lower()
    return "".join(ch for ch in letters if ch.isalnum() and ch.isascii())


def test_initials_are_pypinyins_first_letters_kept_to_ascii_letters_and_digits():
    # A name's words are converted once and remembered: the same answer, name after name.
    for _ in range(2):
        assert [initials(name) for name in NAMES] == [reference(name) for name in NAMES]
    assert initials("北京星辰科技有限公司") == "bjxckjyxgs"
