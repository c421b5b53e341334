"""Pinyin initials of Chinese names, stored beside each firm so the list can be searched by
typing them (`bjxc` finds 北京星辰…) with an ordinary indexed query."""
from __future__ import annotations

import functools
from itertools import chain


def initials(name: str) -> str:
    """'北京星辰科技有限公司' → 'bjxckjyxgs'; Latin letters and digits are kept as they are.

    What pypinyin's lazy_pinyin(name, Style.FIRST_LETTER) gives, keeping the ASCII letters and
    digits, but fast for thousands of names (an import): lazy_pinyin cuts a name into words
    and converts each alone, so a word's letters are remembered (names share 有限公司, 科技,
    place names and most characters); keeping letters character by character is the same
    word by word. It uses pypinyin's converter and segmentation directly (not public API:
    tests/db/test_pinyin.py compares it with lazy_pinyin on awkward names)."""
    pinyin, converter, all_han, han_words = _pinyin()
    name = name or ""
    # A name of Chinese characters only (most are) is one run for pypinyin's segmentation,
    # which then cuts it into words by its phrase table; that cut is asked for directly.
    words = han_words(name) if all_han(name) else pinyin.seg(name)
    known = _WORD_INITIALS
    parts = []
    for word in words:
        letters = known.get(word)
        if letters is None:
            if len(known) >= _WORDS_KEPT:
                known.clear()
            letters = known[word] = _word_initials(converter, word)
        parts.append(letters)
    return "".join(parts)


_WORD_INITIALS: dict[str, str] = {}
_WORDS_KEPT = 100_000


@functools.cache
def _pinyin():
    """What pypinyin's lazy_pinyin builds for each call (loaded on first use: ~0.2 s), and
    what its default segmentation (pypinyin.seg.simpleseg.seg) does with a run of Chinese
    characters: tell one, and cut it into words (by the phrase table, when there is one)."""
    from pypinyin.constants import PHRASES_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin
    from pypinyin.seg import mmseg

    converter = UltimateConverter()
    pinyin = Pinyin(converter)
    if not PHRASES_DICT:
        return pinyin, converter, lambda name: False, None
    return pinyin, converter, RE_HANS.match, mmseg.seg.cut


def _word_initials(converter, word: str) -> str:
    from pypinyin import Style

    letters = converter.convert(word, Style.FIRST_LETTER, False, "default", strict=True)
    return "".join(ch for ch in "".join(chain(*letters)).lower() if ch.isalnum() and ch.isascii())
