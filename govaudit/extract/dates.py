"""Date parsing shared by crawler and rules: normalisation, single dates, free text, URLs, 落款 (rules_spec §5.3.1)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlsplit

import cn2an

# --- normalisation ---------------------------------------------------------------------------------------

# Full-width digits, letters and date separators (－／．：～) map 1:1 onto ASCII, so offsets survive. Other
# CJK punctuation (，。（）【】《》) keeps its form; NFKC would rewrite it and also turn ① into 1.
_FULLWIDTH = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                      *map(ord, "－／．：～"))} | {0x3000: 0x20, 0xA0: 0x20}

# Zero look-alikes seen in 落款 years: 〇 U+3007, ○ U+25CB (the cn2an trap), ◯ U+25EF, Latin O/o from OCR
# or from a full-width Ｏ, 零. They only count as zeros inside a year that ends in 年.
_ZEROS = "〇○◯Oo零"
_CN_DIGITS = "一二三四五六七八九"
_CN_YEAR = rf"[12{_CN_DIGITS[:2]}][0-9{_ZEROS}{_CN_DIGITS}]{{3}}"
_CN_MONTH = rf"(?:[{_CN_DIGITS}十]{{1,3}}|元|\d{{1,2}})"
_CN_DAY = rf"(?:[{_CN_DIGITS}十]{{1,3}}|\d{{1,2}})"
_CN_DATE = re.compile(
    rf"(?<![A-Za-z0-9{_CN_DIGITS}十〇])"
    rf"(?:(?P<y>{_CN_YEAR})\s*年(?:\s*(?P<m>{_CN_MONTH})\s*月(?:\s*(?P<d>{_CN_DAY})\s*(?P<s>[日号]))?)?"
    rf"|(?P<m2>{_CN_MONTH})\s*月\s*(?P<d2>{_CN_DAY})\s*(?P<s2>[日号]))"
)
_NEEDS_CN = re.compile(rf"[{_ZEROS}{_CN_DIGITS}十元]")
_TO_ZERO = str.maketrans({c: "〇" for c in _ZEROS})


def _cn_number(s: str) -> int | None:
    if s.isascii():
        return int(s)
    if s == "元":  # 元月 = January
        return 1
    try:
        return int(cn2an.cn2an(s, "smart"))
    except ValueError:
        return None


def _cn_year(s: str) -> int | None:
    # Years are read digit by digit (二〇二一), which is cn2an's "direct" mode; ○/O must become 〇 first.
    try:
        return int(cn2an.cn2an(s.translate(_TO_ZERO), "direct"))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _convert(span: str) -> str | None:
    """Arabic form of one `_CN_DATE` match, or None to leave it untouched (cached: 落款 dates repeat)."""
    m = _CN_DATE.fullmatch(span)
    if m is None:
        return None
    if m.group("y"):
        year = _cn_year(m.group("y"))
        if year is None:
            return None
        out = f"{year}年"
        if m.group("m"):
            month = _cn_number(m.group("m"))
            if month is None:
                return None
            out += f"{month}月"
            if m.group("d"):
                day = _cn_number(m.group("d"))
                if day is None:
                    return None
                out += f"{day}{m.group('s')}"
        return out
    month, day = _cn_number(m.group("m2")), _cn_number(m.group("d2"))
    if month is None or day is None:
        return None
    return f"{month}月{day}{m.group('s2')}"


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in normalised text back to the original (only Chinese-numeral dates change length)."""

    spans: tuple[tuple[int, int, int, int], ...] = ()  # (norm_start, norm_end, orig_start, orig_end), sorted
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(span[0] for span in self.spans))

    def _map(self, pos: int, is_end: bool) -> int:
        i = bisect_left(self._starts, pos) - 1  # the last span starting before pos
        if i < 0:
            return pos
        _, ne, os_, oe = self.spans[i]
        if pos < ne:  # inside a converted date: widen to the whole original date
            return oe if is_end else os_
        return pos + oe - ne

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self._map(start, False), self._map(end, True)


def normalize_with_offsets(text: str) -> tuple[str, OffsetMap]:
    """`normalize(text)` plus the map from its offsets back to `text`."""
    s = text.translate(_FULLWIDTH)
    if not _NEEDS_CN.search(s):
        return s, OffsetMap()
    pieces: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    last = out_len = 0
    for m in _CN_DATE.finditer(s):
        rep = _convert(m.group()) if _NEEDS_CN.search(m.group()) else None  # Arabic dates: the common case
        if rep is None:
            continue
        pieces.append(s[last : m.start()])
        out_len += m.start() - last
        spans.append((out_len, out_len + len(rep), m.start(), m.end()))
        pieces.append(rep)
        out_len += len(rep)
        last = m.end()
    if not spans:
        return s, OffsetMap()
    pieces.append(s[last:])
    return "".join(pieces), OffsetMap(tuple(spans))


def normalize(text: str) -> str:
    """Full-width → ASCII, then Chinese-numeral dates → Arabic (`二○二一年三月十八日` → `2021年3月18日`).

    Only date-shaped spans are converted (a year before 年, or month+day with 月…日), so 零星, 十分, 第一
    and 六十日 stay as they are.
    """
    return normalize_with_offsets(text)[0]


# --- single dates ----------------------------------------------------------------------------------------

# www.gov.cn writes <meta firstpublishedtime> as 2007-08-20-23:59:59: a dash may join date and time
_TIME = r"(?:(?:[T\s]*|-)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
_SINGLE = re.compile(
    r"(?:(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"|(?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号]?"
    r"|(?P<m3>\d{1,2})(?P<sep3>[-/.])(?P<d3>\d{1,2})"
    r"|(?P<m4>\d{1,2})\s*月\s*(?P<d4>\d{1,2})\s*[日号]?)"
    r"(?:\s*[(（]?(?:星期|周)[一二三四五六日天][)）]?)?" + _TIME + r"\s*"
)
_LABEL = re.compile(r"^[^\d:]{1,12}:\s*")  # 发布日期： / 时间: (normalize makes the colon ASCII)
_BRACKETS = "[]［］【】()（）<>《》 \t\r\n"


def _mkdate(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _mktime(m: re.Match[str]) -> dt.time | None:
    if m.group("H") is None:
        return None
    try:
        return dt.time(int(m.group("H")), int(m.group("M")), int(m.group("S") or 0))
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def parse_date(s: str, *, default_year: int | None = None) -> dt.date | None:
    """One date string (a metadata value, a list `<span>`); None if it is not exactly one valid date.

    Separator-less digits (`202256`, even `20210318`) are rejected: a display date that lost its
    separators is garbled, and guessing 2022-5-6 vs 2022-05-6x is how wrong verdicts happen. Year-less
    `03-18` / `3月18日` need `default_year`.
    """
    t = _LABEL.sub("", normalize(s).strip(), count=1).strip(_BRACKETS)
    m = _SINGLE.fullmatch(t)
    if m is None:
        return None
    year = m.group("y") or m.group("y2")
    if year:
        return _mkdate(int(year), int(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2")))
    if default_year is None:
        return None
    return _mkdate(default_year, int(m.group("m3") or m.group("m4")), int(m.group("d3") or m.group("d4")))


# --- dates in free text ----------------------------------------------------------------------------------

_FIND = re.compile(
    # full dates; consistent separators and no digit on either side, so 0371-12345678 or 202256 never match
    r"(?:(?<![\d.])(?P<y>(?:19|20|21)\d\d)(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])"
    r"|\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})(?!\d)\s*[日号]?)"
    # year-less with 月…日 markers: unambiguous anywhere
    r"|(?<![\d年./-])(?P<m3>\d{1,2})\s*月\s*(?P<d3>\d{1,2})(?!\d)\s*[日号]"
    # year-less MM-DD / MM/DD only as a standalone token (list spans, `[03-18]`), never inside prose
    r"|(?<![^\s\[(【（［])(?P<m4>\d\d)[-/](?P<d4>\d\d)(?![^\s\])】）］]))" + _TIME
)


@dataclass(frozen=True)
class DateHit:
    """A date found in text. Year-less hits carry month/day with `date` None until a year is supplied."""

    date: dt.date | None
    start: int  # offsets into the text given to find_dates (not its normalised form)
    end: int
    raw: str
    has_year: bool
    month: int
    day: int
    time: dt.time | None = None

    def with_year(self, year: int) -> DateHit:
        """The hit dated in `year` (has_year stays False: the year was inferred, not read)."""
        return replace(self, date=_mkdate(year, self.month, self.day))


def _valid_md(month: int, day: int) -> bool:
    return _mkdate(2000, month, day) is not None  # 2000 is a leap year, so 02-29 is allowed


def find_dates(text: str) -> list[DateHit]:
    """Every date in `text`, in order; year-less ones only where unambiguous (see `_FIND`)."""
    norm, offsets = normalize_with_offsets(text)
    hits: list[DateHit] = []
    for m in _FIND.finditer(norm):
        start, end = offsets.original(m.start(), m.end())
        raw = text[start:end]
        if m.group("y"):
            month, day = int(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2"))
            date = _mkdate(int(m.group("y")), month, day)
            if date is None:
                continue
            hits.append(DateHit(date, start, end, raw, True, month, day, _mktime(m)))
            continue
        month, day = int(m.group("m3") or m.group("m4")), int(m.group("d3") or m.group("d4"))
        if _valid_md(month, day):
            hits.append(DateHit(None, start, end, raw, False, month, day, _mktime(m)))
    return hits


# --- URL dates -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UrlDate:
    year: int
    month: int
    day: int | None = None

    def date(self) -> dt.date | None:
        """The full date, or None for a month-only URL (/202103/)."""
        return None if self.day is None else dt.date(self.year, self.month, self.day)


# Most specific first; each names the CMS family it comes from.
_URL_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"/t(\d{4})(\d{2})(\d{2})_\d+",  # TRS: /202103/t20210318_123.html
        r"/art/(\d{4})/(\d{1,2})/(\d{1,2})/art_",  # Hanweb/大汉
        r"/(\d{4})/(\d{2})-(\d{2})/",  # 市人大 pdsrd: /2017/04-14/29271.html
        r"/(\d{4})-(\d{2})/(\d{2})/",  # /2021-03/18/
        r"/(\d{4})-(\d{1,2})-(\d{1,2})/",
        r"/(\d{4})/(\d{2})(\d{2})/",  # /2021/0318/
        r"/(\d{4})(\d{2})(\d{2})/",  # /20210318/
        r"/(\d{4})/(\d{1,2})/(\d{1,2})/",
        r"/(\d{4})(\d{2})/",  # TRS month folder /202103/
        r"/(\d{4})-(\d{2})/",
        r"/(\d{4})/(\d{2})/",
    )
)


def url_date(url: str) -> UrlDate | None:
    """The date a CMS embedded in a URL path (years 1990–2100), or None."""
    path = urlsplit(url).path or url
    for pattern in _URL_PATTERNS:
        for m in pattern.finditer(path):
            y, mo = int(m.group(1)), int(m.group(2))
            day = int(m.group(3)) if pattern.groups == 3 else None
            if not 1990 <= y <= 2100 or not 1 <= mo <= 12:
                continue
            if day is not None and _mkdate(y, mo, day) is None:
                continue
            return UrlDate(y, mo, day)
    return None


# --- year inference --------------------------------------------------------------------------------------


def nearest_date(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """(month, day) in the year that puts it closest to `anchor` (so 1月14日 next to 2021-12-20 is 2022)."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _mkdate(y, month, day))]
    return min(options, key=lambda d: abs((d - anchor).days), default=None)


def infer_year(
    month: int,
    day: int,
    *,
    url: str | None = None,
    neighbour_dates: Iterable[dt.date] = (),
    reference: dt.date | None = None,
) -> int | None:
    """Year of a list date shown as `03-18`: from the item URL, else from neighbouring items, else None.

    The URL year is shifted by one when the months are more than six apart (a 12-30 item in a /202101/
    folder). Neighbours (dated items around it on the same list) must all agree. `reference` is the crawl
    date: a list cannot show a future date, so an inference after it is rejected. None → caller REVIEWs.
    """
    if not _valid_md(month, day):
        return None
    year: int | None = None
    if url and (u := url_date(url)):
        year = u.year - (month - u.month > 6) + (u.month - month > 6)
    else:
        years = {d.year for n in neighbour_dates if (d := nearest_date(month, day, n))}
        year = years.pop() if len(years) == 1 else None
    if year is None:
        return None
    date = _mkdate(year, month, day)
    if date is None or (reference is not None and date > reference):
        return None
    return year


# --- 落款 ------------------------------------------------------------------------------------------------

_SIGN_WINDOW = 300
# A 落款 date stands alone: not followed by 起/至/前/之日…, punctuation or digits, not preceded by 至/于/自.
_NOT_SIGN_AFTER = re.compile(r"[ \t\u3000\xa0]*[起至到前止以之后内期的和及或为，,。；;、:：\-~—\d]")
_NOT_SIGN_BEFORE = re.compile(r"(?:至|到|于|自|从|截止|截至|期)[ \t\u3000\xa0]*$")
_PRINTED = re.compile(r"[ \t\u3000\xa0]*印发")


def sign_date(text: str) -> dt.date | None:
    """The 落款 date: the last stand-alone full date in the closing ~300 characters.

    A date followed by 印发 is the 印发 footer of the 版记 («…办公室 2021年3月19日印发»), not the signature;
    if the closing part has an earlier signature-like date we take that, else the 印发 date (it is still the
    best available written_date).
    """
    tail = text[-(_SIGN_WINDOW + 40) :]  # slack, so a Chinese-numeral date at the window edge stays whole
    limit = len(tail) - _SIGN_WINDOW
    candidates = [
        h
        for h in find_dates(tail)
        if h.has_year
        and h.end > limit
        and not _NOT_SIGN_AFTER.match(tail, h.end)
        and not _NOT_SIGN_BEFORE.search(tail, 0, h.start)
    ]
    if not candidates:
        return None
    last = candidates[-1]
    if _PRINTED.match(tail, last.end) and len(candidates) > 1:
        return candidates[-2].date
    return last.date
