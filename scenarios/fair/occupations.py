"""Occupation codes and the names people use for them, and free Chinese text read into codes and facts.

The shipped table (``scenarios/data/fair/occupations.csv``) lists 210 blue-collar occupations: a code, the name in
Chinese and English, the major group of 职业分类大典 (4 services, 5 farming, 6 production; the code's first digit),
the names people write (电焊, 开叉车, 普工, 缝纫, ...), a typical monthly wage in yuan and a weight (how common the
occupation is among the posts of a Qingdao-like city; the generator draws from it). The codes are this toolkit's,
grouped by the 大典's major groups; they are not the 大典's own eight-digit codes.

Text is cut by jieba with every alias added as a word, so that 开叉车 or 二保焊 stay whole; each word that is an
alias gives its code, in the order written. Certificates, years of experience and wishes about housing and shifts
are read by patterns (持焊工证, 干过三年, 包吃住, 不上夜班).
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from present.lang import column, of_pair

DATA = Path(__file__).resolve().parent.parent / "data" / "fair" / "occupations.csv"

#: Certificates a post may require and a seeker may hold: bit -> (key, the words that name it).
CERTIFICATES: dict[int, tuple[str, tuple[str, ...]]] = {
    0: ("weld", ("焊工证", "焊接证", "焊接操作证")),
    1: ("electric", ("电工证", "低压电工证", "高压电工证")),
    2: ("forklift", ("叉车证",)),
    3: ("health", ("健康证",)),
    4: ("driving", ("驾驶证", "驾照", "A1", "A2", "B2", "C1")),
    5: ("crane", ("起重证", "行车证", "塔吊证")),
    6: ("care", ("护理证", "育婴师证", "养老护理员证")),
    7: ("cook", ("厨师证",)),
}
#: Chinese names of the certificates (for reasons and workbooks).
CERT_ZH = {"weld": "焊工证", "electric": "电工证", "forklift": "叉车证", "health": "健康证", "driving": "驾驶证",
           "crane": "起重证", "care": "护理证", "cook": "厨师证"}
_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_YEARS = re.compile(r"(\d{1,2}|[一两二三四五六七八九十]{1,2})\s*年")
_DORM = re.compile(r"包吃住|包住|住宿|宿舍|要住的地方")
_NO_NIGHT = re.compile(r"不上夜班|不倒班|不要夜班|只上白班|长白班|不熬夜")


@dataclass(frozen=True)
class Occupations:
    """The table (indexed by code) and the alias -> code map."""

    table: pd.DataFrame
    alias: dict[str, str]

    @property
    def codes(self) -> list[str]:
        return list(self.table.index)

    def name(self, code: str, lang: str = "zh") -> str:
        return str(self.table.at[code, column(lang)]) if code in self.table.index else code


@functools.cache
def occupations() -> Occupations:
    """The shipped occupation table (read once)."""
    table = pd.read_csv(DATA, dtype={"code": str, "major": int}).set_index("code", drop=False).rename_axis(None)
    alias: dict[str, str] = {}
    for code, aliases, name in zip(table["code"], table["aliases"], table["name_zh"], strict=True):
        for word in (name, *str(aliases).split(";")):
            alias.setdefault(word.strip().lower(), code)
    return Occupations(table, alias)


@functools.cache
def _tokenizer():  # type: ignore[no-untyped-def]
    """A jieba tokenizer of our own (the global one is left alone) that knows every alias and certificate."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    for word in occupations().alias:
        tok.add_word(word, freq=200_000)
    for _, words in CERTIFICATES.values():
        for word in words:
            tok.add_word(word, freq=300_000)
    return tok


def codes_in(text: str) -> tuple[str, ...]:
    """The occupation codes named in ``text``, in the order written (each once)."""
    alias = occupations().alias
    found: list[str] = []
    for word in _tokenizer().lcut(str(text).lower(), HMM=False):
        code = alias.get(word.strip())
        if code and code not in found:
            found.append(code)
    return tuple(found)


def codes_of(texts: pd.Series | list[str]) -> list[tuple[str, ...]]:
    """``codes_in`` of many texts (each distinct text is cut once)."""
    values = pd.Series(texts, dtype=object).fillna("").astype(str)
    cache = {t: codes_in(t) for t in values.unique()}
    return [cache[t] for t in values]


def certificates_of(texts: pd.Series | list[str]) -> np.ndarray:
    """A bit mask (uint8) of the certificates named in each text."""
    values = pd.Series(texts, dtype=object).fillna("").astype(str)
    mask = np.zeros(len(values), dtype=np.uint8)
    for bit, (_, words) in CERTIFICATES.items():
        pattern = "|".join(re.escape(w) for w in words)
        mask |= values.str.contains(pattern, regex=True).to_numpy(dtype=np.uint8) << bit
    return mask


def years_of(texts: pd.Series | list[str]) -> np.ndarray:
    """Years of experience written in each text (干过三年, 2年以上); 0 when none."""
    values = pd.Series(texts, dtype=object).fillna("").astype(str)
    found = values.str.extract(_YEARS, expand=False).fillna("")

    def number(word: str) -> int:
        if not word:
            return 0
        if word.isdigit():
            return int(word)
        if len(word) == 2 and word[0] == "十":
            return 10 + _NUMBERS.get(word[1], 0)
        return _NUMBERS.get(word[0], 0) * (10 if word.endswith("十") and len(word) == 2 else 1)

    return np.array([number(w) for w in found], dtype=np.int16)


def wants_dorm(texts: pd.Series | list[str]) -> np.ndarray:
    """Whether each text asks for housing (包吃住, 要宿舍)."""
    return pd.Series(texts, dtype=object).fillna("").astype(str).str.contains(_DORM).to_numpy(dtype=bool)


def no_nights(texts: pd.Series | list[str]) -> np.ndarray:
    """Whether each text refuses night shifts (不上夜班, 只上白班)."""
    return pd.Series(texts, dtype=object).fillna("").astype(str).str.contains(_NO_NIGHT).to_numpy(dtype=bool)


def cert_names(mask: int, lang: str = "zh") -> list[str]:
    """The certificates of a bit mask, by name."""
    return [of_pair((CERT_ZH[key], key), lang) for bit, (key, _) in CERTIFICATES.items() if mask >> bit & 1]
