"""Pinyin initials of Chinese names, stored beside each firm so the list can be searched by
typing them (`bjxc` finds 北京星辰…) with an ordinary indexed query."""
from __future__ import annotations


def initials(name: str) -> str:
    """'北京星辰科技有限公司' → 'bjxckjyxgs'; Latin letters and digits are kept as they are."""
    # pypinyin loads its dictionaries on import (~0.2 s): paid at the first name written,
    # not at every start of the window or the CLI.
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(name or "", style=Style.FIRST_LETTER, errors="default")
    return "".join(ch for ch in "".join(parts).lower() if ch.isalnum() and ch.isascii())
