"""Draft ↔ final matching by title (rules_spec §5.7): core titles, jieba token-set ratio, character 3-grams."""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal

from audit_rules.vocab.normative import (
    CORE_PREFIXES,
    CORE_SUFFIXES,
    GENERIC_TOKENS,
    TITLE_DRIFT,
    TYPE_MISMATCH_CAP,
)
from govaudit.policy import Policy

MAX_GAP_DAYS = 730  # a draft more than two years before the final is another draft (§5.7)

Status = Literal["auto", "review"]

_QUOTES = re.compile(r"[《》〈〉「」『』“”\"'‘’]")
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_BRACKETED = re.compile(r"[(（\[【〔]([^()（）\[\]【】〔〕]{1,12})[)）\]】〕]")
_WORD = re.compile(r"[\u4e00-\u9fa5A-Za-z]")


@lru_cache(maxsize=65536)
def core_title(title: str) -> str:
    """The instrument's name inside a notice, 印发 wrapper or final title (§5.7): 「关于公开征求《平顶山市X办法
    （征求意见稿）》意见的公告」 and 「平顶山市人民政府关于印发平顶山市X办法的通知」 both give 「X办法」."""
    t = _QUOTES.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", title or "")))
    for _ in range(3):  # wrappers nest: 关于印发…的通知 around 关于…的意见
        before = t
        for pattern in CORE_PREFIXES:
            t = re.sub(pattern, "", t)
        for pattern in CORE_SUFFIXES:
            t = re.sub(pattern, "", t)
        t = _BRACKETED.sub(lambda m: "" if _droppable(m.group(1)) else m.group(0), t)
        if t == before:
            break
    for old, new in TITLE_DRIFT:
        t = t.replace(old, new)
    return t.strip("，,。:：;；-—_ ") or _QUOTES.sub("", title or "")


def _droppable(inner: str) -> bool:
    """（征求意见稿）, （草案修改稿）, （试行）, （2024年修订）: stage and edition marks, not the name."""
    return bool(re.fullmatch(r"[^()（）]*(?:稿|草案|试行|暂行|修订|修正|全文|第.次.*|二审|三审|一审)[^()（）]*", inner))


# --- jieba, loaded once and only for titles ---------------------------------------------------------------

_jieba_lock = threading.Lock()
_jieba: Any = None


def _tokenizer() -> Any:
    global _jieba
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import jieba  # ~1.4 s to build the prefix dictionary; never imported unless a title is matched

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba = jieba
    return _jieba


# Place names are shared by every title of a site (宝丰县, 城区, 全市): they say nothing about which instrument.
_PLACE = re.compile(r"[\u4e00-\u9fa5]{1,6}(?:省|市|县|区|镇|乡|街道)|城区|市区|县城|全市|全县|全区|中心城区")


@lru_cache(maxsize=32768)
def tokens(core: str) -> frozenset[str]:
    """Distinctive jieba tokens of a core title: generic words (办法, 管理, 平顶山市…) and numbers dropped, so
    《城市供热管理办法》 and 《城市燃气管理办法》 do not look alike through their shared boilerplate."""
    words = _tokenizer().lcut(core)
    return frozenset(w for w in words if _WORD.search(w) and w not in GENERIC_TOKENS and not _PLACE.fullmatch(w))


def token_set_ratio(a: frozenset[str], b: frozenset[str]) -> float:
    """fuzzywuzzy's token_set_ratio on token sets, 0..1, except that a strict subset does not score 1.0 on its own:
    with the boilerplate gone, 《城市供热管理办法》 ⊂ 《城市供热收费管理办法》 are two instruments, so a subset is
    scored on the two full token strings."""
    if not a or not b:
        return 0.0
    inter = "".join(sorted(a & b))
    t1 = inter + "".join(sorted(a - b))
    t2 = inter + "".join(sorted(b - a))

    def r(x: str, y: str) -> float:
        return SequenceMatcher(None, x, y, autojunk=False).ratio() if x and y else 0.0

    if a != b and (a <= b or b <= a):
        return r(t1, t2)
    return max(r(inter, t1), r(inter, t2), r(t1, t2))


_TYPE = re.compile(r"(条例|办法|规定|细则|规则|意见|措施|方案|规划|标准|决定|通告|目录|清单)$")


def trigrams(s: str) -> frozenset[str]:
    return frozenset(s[i : i + 3] for i in range(len(s) - 2)) if len(s) >= 3 else frozenset({s} if s else ())


@lru_cache(maxsize=65536)
def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def trigram_jaccard(a: str, b: str) -> float:
    ga, gb = trigrams(a), trigrams(b)
    return len(ga & gb) / len(ga | gb) if ga and gb else 0.0


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """rules_spec §5.7 score of two titles: max(token-set ratio on jieba tokens, character 3-gram Jaccard)."""
    ca, cb = core_title(a), core_title(b)
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    if len(_bigrams(ca) & _bigrams(cb)) < 2:
        return 0.0  # nothing in common worth a token pass (and jieba stays unloaded for unrelated titles)
    score = token_set_ratio(tokens(ca), tokens(cb))
    ta, tb = _TYPE.search(ca), _TYPE.search(cb)
    if ta and tb and ta.group(1) != tb.group(1):
        score = min(score, TYPE_MISMATCH_CAP)  # a 细则 is not the 办法 it implements: a person links them, never the tool
    return round(max(score, trigram_jaccard(ca, cb)), 3)


# --- linking ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    score: float
    status: Status  # auto (≥ match_auto) | review (match_review … match_auto)
    tiebreak: float  # 3-gram Jaccard: between two equal token scores the closer wording wins
    gap_days: int | None


def dates_allow(draft_published: dt.date | None, final_date: dt.date | None) -> tuple[bool, int | None]:
    """§5.7 constraints: the draft is published no later than the final is written, at most 730 days before.
    A missing date does not veto (the title score still has to carry the link)."""
    if draft_published is None or final_date is None:
        return True, None
    gap = (final_date - draft_published).days
    return 0 <= gap <= MAX_GAP_DAYS, gap


def match(draft_title: str, draft_published: dt.date | None, final_title: str, final_date: dt.date | None,
          policy: Policy) -> Match | None:
    """The link between a draft notice and a final document, or None below `match_review`."""
    ok, gap = dates_allow(draft_published, final_date)
    if not ok:
        return None
    score = similarity(draft_title, final_title)
    if score < policy.policy.match_review:
        return None
    status: Status = "auto" if score >= policy.policy.match_auto else "review"
    return Match(score, status, trigram_jaccard(core_title(draft_title), core_title(final_title)), gap)


def best_match(title: str, published: dt.date | None, finals: Sequence[tuple[str, dt.date | None]],
               policy: Policy) -> tuple[int, Match] | None:
    """Index and match of the best final for one draft: highest score, then closer wording, then nearest date."""
    best: tuple[tuple[float, float, int], int, Match] | None = None
    for i, (final_title, final_date) in enumerate(finals):
        m = match(title, published, final_title, final_date, policy)
        if m is None:
            continue
        key = (m.score, m.tiebreak, -(m.gap_days if m.gap_days is not None else MAX_GAP_DAYS))
        if best is None or key > best[0]:
            best = (key, i, m)
    return (best[1], best[2]) if best else None
