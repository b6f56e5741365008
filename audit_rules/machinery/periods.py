"""Comment periods, disclosure lags and deadlines (rules_spec §5.3.3–§5.3.5, §5.4, Appendices A and B).

Counting. Inclusive (`period_counting = "inclusive"`, the default) counts both stated ends; strict
(民法典 第二百零一条) does not count day one: one natural day less, and one working day less when day one
is a workday. The configured mode decides. When the two modes give different verdicts the result carries
`R_BORDERLINE` and both verdicts are kept in `details` (`verdict_inclusive`, `verdict_strict`). §5.3.4
says that for A checks this means REVIEW when `strict_review = true`, while Appendix B rows 2 and 4 read
"PASS + R_BORDERLINE": both hold, because Appendix B shows the inclusive verdict. So with
`strict_review = true` (default) the verdict is REVIEW, and with `strict_review = false` it is the
configured mode's verdict + R_BORDERLINE. Any period of exactly the threshold whose first day counts is
borderline (Appendix B rows 1, 8 and 9 too).

Declared durations («征求意见期为30天», «自发布之日起30日内») start on the publication day and fix the
length themselves, so counting modes do not apply to them (no R_BORDERLINE). When explicit dates exist
they are decisive, and a declared value that matches neither count adds R_DATE_CONFLICT without changing
the verdict (§5.3.4). «一个月» ends on start + 1 month − 1 day. If that is below the threshold (February),
the result is REVIEW + R_PERIOD_SHORT.

The period judged is the effective online one, from max(comment_start, publish_date): a stated period that
passes but an online one that fails is R_POSTED_LATE → REVIEW (FAIL with `strict_online`).
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import cn2an

from audit_rules.base import REASONS, Verdict
from audit_rules.machinery.workdays import CalendarMissing, WorkCalendar, natural_days_inclusive
from govaudit.extract.dates import OffsetMap, find_dates, nearest_date, normalize, normalize_with_offsets
from govaudit.policy import Policy

Unit = Literal["natural", "working"]
DeclaredUnit = Literal["natural", "working", "month"]
Source = Literal["body", "structured", "attachment"]

R_PERIOD_SHORT = "R_PERIOD_SHORT"
R_BORDERLINE = "R_BORDERLINE"
R_SHORTENED_EXPLAINED = "R_SHORTENED_EXPLAINED"
R_POSTED_LATE = "R_POSTED_LATE"
R_LATE = "R_LATE"
R_DATE_UNPARSED = "R_DATE_UNPARSED"
R_DATE_CONFLICT = "R_DATE_CONFLICT"
R_CALENDAR_MISSING = "R_CALENDAR_MISSING"
_missing = {R_PERIOD_SHORT, R_BORDERLINE, R_SHORTENED_EXPLAINED, R_POSTED_LATE, R_LATE, R_DATE_UNPARSED,
            R_DATE_CONFLICT, R_CALENDAR_MISSING} - set(REASONS)
if _missing:
    raise ImportError(f"reason codes {sorted(_missing)} are not in audit_rules.base.REASONS")

# The longest run of official rest days in chinesecalendar 2004–2026 is 10 (2020 春节 extended for COVID).
# A publication more than this many days after a deadline is late whatever the calendar says, so an
# uncovered year does not turn an obviously late report into ERROR. Checked against the package in tests.
LONGEST_REST_RUN_BOUND = 15


# --- patterns (Appendix A, applied to dates.normalize() output) ------------------------------------------


def _date_pat(n: int) -> str:
    """A date with optional year (groups y<n>, m<n>, d<n>), then an optional weekday and clock time."""
    return (
        rf"(?<!\d)(?:(?P<y{n}>\d{{4}})\s*[年./-]\s*)?(?P<m{n}>\d{{1,2}})\s*[月./-]\s*(?P<d{n}>\d{{1,2}})(?!\d)"
        r"\s*[日号]?(?:\s*[(（]\s*(?:星期|周)[一二三四五六日天]\s*[)）])?"
        r"(?:\s*(?:上午|下午|晚上)?\s*\d{1,2}\s*(?::\s*\d{2}(?::\d{2})?|时|点)(?:\s*\d{1,2}\s*分)?)?"
    )


_RANGE_SEP = r"\s*(?:至|到|—+|-|~)\s*"
_RANGE = re.compile(
    r"(?:自|从)?\s*" + _date_pat(1) + r"\s*(?:起|开始)?" + _RANGE_SEP + _date_pat(2) + r"\s*(?:止|截止|结束)?"
)
_SINCE_PUBLISH = re.compile(  # 自即日起至… / 自本公告发布之日起至…: start is the publication day
    r"(?:自|从)\s*(?:即日|本?(?:公告|通知|公示|征求意见稿)?(?:发布|公布|公告|印发|刊登)之日)\s*起?\s*(?:至|到)\s*"
    + _date_pat(3) + r"\s*(?:止|前)?"
)
_DEADLINE_LABEL = re.compile(
    r"(?:截止|(?:时间|日期)\s*截至)(?:日期|时间|日)?\s*(?:为|是|:)?\s*(?:到|至)?\s*" + _date_pat(3) + r"\s*(?:止|前)?"
)
_DEADLINE_BEFORE = re.compile(r"(?:请|并|务必)?\s*(?:于|在)\s*" + _date_pat(3) + r"\s*(?:前|之前|以前|止)")
_EXTENSION = re.compile(r"(?:延长|延期|顺延)[^。；;\n]{0,15}?(?:至|到)\s*" + _date_pat(3))

_NUM = r"(?P<num>\d{1,3}|[一二三四五六七八九十两]{1,3})"
_UNIT = r"\s*(?P<unit>个?工作日|个月|日|天)(?![至到\-~前止后])"  # not 5日至…, 18日前, 30日后施行
_DURATION = re.compile(
    r"(?:(?:征求意见|意见征集|征集|公示)的?(?:期|期限|时间|时限)?|反馈(?:期|期限|时间|时限))\s*(?:为|是|:)?\s*(?:不少于|不得少于|为期)?\s*"
    + _NUM + _UNIT
)
_FROM_PUBLISH = re.compile(r"自本?(?:公告|通知|公示)?(?:公布|发布|公告|印发|刊登)之日起\s*" + _NUM + _UNIT)
_FOR_PERIOD = re.compile(r"为期\s*" + _NUM + _UNIT)  # «公开征求意见，为期30天»: needs comment context
_URGENT = re.compile(r"情况紧急|紧急情况|时间紧迫|时间紧急|缩短[^。，,；;]{0,8}?(?:期限|时间|期)")

_COMMENT_WORDS = re.compile(r"征求|意见|建议|反馈|征集|公示|听证")
_PERIOD_LABEL = re.compile(r"(?:征求意见|征集|公示|反馈|意见)[^。；;\n]{0,8}?(?:时间|期限|日期|期)[^。；;\n\d]{0,4}$")
_VETO_BEFORE = re.compile(r"(?:有效期|施行|实施|执行)[^。；;\n]{0,4}$")  # 有效期自…至… is not a comment period
_VETO_AFTER = re.compile(r"\s*(?:有效|施行|实施|执行)")
_NEAR = 200  # urgency must be stated within this many characters of the period
_SHORT_TEXT = 80


# --- extraction ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodInfo:
    """What a notice says about its comment period; `explicit` = the end date is stated, not derived."""

    start: dt.date | None = None
    end: dt.date | None = None
    declared_days: int | None = None  # a count in declared_unit (months for "month")
    declared_unit: DeclaredUnit | None = None
    deadline_only: bool = False  # only an end date: start = publish_date
    urgent: bool = False
    extended: bool = False
    snippet: str = ""
    source: Source = "body"
    unparsed: bool = True
    explicit: bool = False


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _group_date(m: re.Match[str], n: int, anchor: dt.date | None) -> dt.date | None:
    """Date of group set n; a missing year comes from the nearest occurrence to `anchor` (§5.3.1)."""
    month, day = int(m.group(f"m{n}")), int(m.group(f"d{n}"))
    if m.group(f"y{n}"):
        return _mk(int(m.group(f"y{n}")), month, day)
    return nearest_date(month, day, anchor) if anchor else None


def _range_dates(m: re.Match[str], publish_date: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """Appendix A year inference: a year-less start is the occurrence nearest publish_date (else it takes the
    end's year); a year-less end follows the start, in the next year if its month-day comes earlier."""
    md1 = (int(m.group("m1")), int(m.group("d1")))
    md2 = (int(m.group("m2")), int(m.group("d2")))
    start = _group_date(m, 1, publish_date)
    if start is None and not m.group("y1") and m.group("y2"):
        start = _mk(int(m.group("y2")) - (md1 > md2), *md1)
    if start is None:
        return None, None
    if m.group("y2"):
        return start, _mk(int(m.group("y2")), *md2)
    return start, _mk(start.year + (md2 < md1), *md2)


def _in_context(norm: str, m: re.Match[str]) -> bool:
    s, e = m.span()
    if _VETO_BEFORE.search(norm, max(0, s - 12), s) or _VETO_AFTER.match(norm, e):
        return False
    return bool(_COMMENT_WORDS.search(norm, max(0, s - 50), s) or _COMMENT_WORDS.search(norm, e, e + 25))


def _pick_range(norm: str) -> re.Match[str] | None:
    """The first labelled range (征求意见时间为…), else the first range in comment context. A short text
    (a field value, a table cell) is the period phrase itself and needs no context."""
    contextual = None
    short = len(norm.strip()) <= _SHORT_TEXT
    for m in _RANGE.finditer(norm):
        s = m.start()
        if _VETO_BEFORE.search(norm, max(0, s - 12), s) or _VETO_AFTER.match(norm, m.end()):
            continue
        if _PERIOD_LABEL.search(norm, max(0, s - 20), s):
            return m
        if contextual is None and (short or _in_context(norm, m)):
            contextual = m
    return contextual


def _pick_deadline(norm: str) -> re.Match[str] | None:
    ranked = [
        (rank, m.start(), m)
        for rank, pattern, needs_context in (
            (0, _SINCE_PUBLISH, False), (1, _DEADLINE_LABEL, False), (2, _DEADLINE_BEFORE, True))
        for m in pattern.finditer(norm)
        if (_in_context(norm, m) if needs_context else not _VETO_AFTER.match(norm, m.end()))
    ]
    return min(ranked, key=lambda r: r[:2])[2] if ranked else None


def _number(s: str) -> int | None:
    if s.isascii():
        return int(s)
    try:
        return int(cn2an.cn2an(s, "smart"))
    except ValueError:
        return None


def _pick_duration(norm: str) -> tuple[re.Match[str], int, DeclaredUnit] | None:
    matches = [*_DURATION.finditer(norm), *_FROM_PUBLISH.finditer(norm),
               *(m for m in _FOR_PERIOD.finditer(norm) if _in_context(norm, m))]
    for m in sorted(matches, key=lambda m: m.start()):
        num = _number(m.group("num"))
        if num:
            unit = m.group("unit")
            kind: DeclaredUnit = "working" if "工作日" in unit else "month" if unit == "个月" else "natural"
            return m, num, kind
    return None


def add_months(d: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the month's end (1月31日 + 1 month = 2月28日)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, monthrange(year, month)[1]))


def _snippet(text: str, offsets: OffsetMap, span: tuple[int, int], width: int = 300) -> str:
    s, e = offsets.original(*span)
    pad = max(0, (width - (e - s)) // 2)
    return " ".join(text[max(0, s - pad) : e + pad].split())[:width]


def _parse_text(text: str, publish_date: dt.date | None, source: Source) -> PeriodInfo | None:
    norm, offsets = normalize_with_offsets(text)
    start = end = None
    decisive: re.Match[str] | None = None
    seen: re.Match[str] | None = None  # a period phrase whose dates could not be resolved
    deadline_only = False
    if r := _pick_range(norm):
        seen = r
        start, end = _range_dates(r, publish_date)
        if end is not None:
            decisive = r
    if decisive is None and (d := _pick_deadline(norm)):
        seen = seen or d
        if (end := _group_date(d, 3, publish_date)) is not None:
            decisive, start, deadline_only = d, publish_date, True
    extended = False
    for ext in _EXTENSION.finditer(norm):  # the last extension wins (§5.3.4)
        new_end = _group_date(ext, 3, end or publish_date)
        if new_end is not None and (end is None or new_end > end):
            end, extended = new_end, True
            if decisive is None:
                decisive, start, deadline_only = ext, publish_date, True
    duration = _pick_duration(norm)
    declared_days, declared_unit = (duration[1], duration[2]) if duration else (None, None)
    explicit = decisive is not None
    if not explicit and duration:
        decisive, start = duration[0], publish_date
        if start is not None and declared_unit == "natural":
            end = start + dt.timedelta(days=duration[1] - 1)
        elif start is not None and declared_unit == "month":
            end = add_months(start, duration[1]) - dt.timedelta(days=1)
    anchor = decisive or seen
    if anchor is None:
        return None
    spans = [anchor.span()] + ([duration[0].span()] if duration else [])
    urgent = any(_URGENT.search(norm, max(0, s - _NEAR), e + _NEAR) for s, e in spans)
    return PeriodInfo(
        start=start, end=end, declared_days=declared_days, declared_unit=declared_unit,
        deadline_only=deadline_only, urgent=urgent, extended=extended,
        snippet=_snippet(text, offsets, anchor.span()), source=source,
        unparsed=decisive is None, explicit=explicit,
    )


_IGNORED_FIELDS = ("发布", "公开", "更新", "成文", "生成", "印发")


def _field_date(value: str, anchor: dt.date | None) -> dt.date | None:
    for hit in find_dates(value):
        if hit.date is not None:
            return hit.date
        return nearest_date(hit.month, hit.day, anchor) if anchor else None
    return None


def _parse_structured(fields: Mapping[str, str], publish_date: dt.date | None) -> PeriodInfo | None:
    """意见征集系统 fields: 征集时间 (a range), then 开始时间 / 结束时间 / 截止时间, which win if present."""
    start = end = None
    used: list[str] = []
    clean = {re.sub(r"[\s:：]", "", k): v for k, v in fields.items()}
    for key, value in clean.items():
        if ("时间" in key or "期限" in key) and not any(w in key for w in ("开始", "起始", "结束", "截止",
                                                                            *_IGNORED_FIELDS)):
            if m := _RANGE.search(normalize(value)):
                start, end = _range_dates(m, publish_date)
                used.append(f"{key}：{value}")
    for key, value in clean.items():
        if any(w in key for w in _IGNORED_FIELDS):
            continue
        if "开始" in key or "起始" in key:
            start = _field_date(value, publish_date) or start
            used.append(f"{key}：{value}")
        elif "结束" in key or "截止" in key:
            end = _field_date(value, publish_date) or end
            used.append(f"{key}：{value}")
    if not used:
        return None
    deadline_only = start is None and end is not None
    return PeriodInfo(
        start=start if start is not None else publish_date if deadline_only else None, end=end,
        deadline_only=deadline_only, snippet="；".join(used)[:300], source="structured",
        unparsed=end is None, explicit=end is not None,
    )


def extract_period(
    text: str | None,
    *,
    publish_date: dt.date | None = None,
    structured: Mapping[str, str] | None = None,
    attachments: Sequence[str] = (),
    source: Source = "body",
) -> PeriodInfo:
    """The comment period of a notice (§5.4): `text` first, then `structured` fields, then each attachment.

    The first source that states an end date wins; a declared duration or an urgency statement found in
    any source read up to then is kept. Pass `source="attachment"` to read one attachment on its own.
    Nothing found → PeriodInfo(unparsed=True), which evaluate_period turns into REVIEW R_DATE_UNPARSED.
    """

    def sources() -> Iterator[PeriodInfo | None]:
        if text:
            yield _parse_text(text, publish_date, source)
        if structured:
            yield _parse_structured(structured, publish_date)
        for attachment in attachments:
            yield _parse_text(attachment, publish_date, "attachment")

    infos: list[PeriodInfo] = []
    for info in sources():
        if info is not None:
            infos.append(info)
            if info.explicit:
                break
    chosen = next((i for i in infos if i.explicit), None) or next((i for i in infos if not i.unparsed), None)
    if chosen is None:
        return infos[0] if infos else PeriodInfo(source=source)
    declared = next((i for i in infos if i.declared_days is not None), None)
    if chosen.declared_days is None and declared is not None:
        chosen = replace(chosen, declared_days=declared.declared_days, declared_unit=declared.declared_unit)
    return replace(chosen, urgent=any(i.urgent for i in infos))


# --- evaluation ------------------------------------------------------------------------------------------


@dataclass
class PeriodResult:
    verdict: str
    reason_codes: list[str]
    days_natural: int | None = None  # stated period, inclusive
    days_working: int | None = None  # stated period, inclusive (None if not computable)
    days_strict: int | None = None  # stated period, strict count, in the check's unit
    effective_start: dt.date | None = None
    effective_days: int | None = None  # effective online period, inclusive, in the check's unit
    details: dict[str, Any] = field(default_factory=dict)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _duration_end(start: dt.date, n: int, unit: DeclaredUnit | None, calendar: WorkCalendar) -> dt.date:
    if unit == "month":
        return add_months(start, n) - dt.timedelta(days=1)
    if unit == "working":  # the n-th workday counting from start
        day, count = start, int(calendar.is_workday(start))
        while count < n:
            day += dt.timedelta(days=1)
            count += calendar.is_workday(day)
        return day
    return start + dt.timedelta(days=n - 1)


def _best_effort(f: Callable[[], int]) -> int | None:
    try:
        return f()
    except CalendarMissing:
        return None


def evaluate_period(
    info: PeriodInfo,
    *,
    publish_date: dt.date | None,
    min_days: int,
    unit: Unit,
    calendar: WorkCalendar,
    policy: Policy,
) -> PeriodResult:
    """Verdict on one public comment round against `min_days` natural or working days (§5.3.4)."""
    details: dict[str, Any] = {
        "comment_start": _iso(info.start or publish_date), "comment_end": _iso(info.end),
        "comment_declared_days": info.declared_days, "comment_declared_unit": info.declared_unit,
        "comment_days_natural": None, "comment_days_working": None, "effective_online_start": None,
        "period_source": info.source, "min_days": min_days, "unit": unit,
        "counting": policy.policy.period_counting,
    }
    try:
        return _evaluate_period(info, publish_date, min_days, unit, calendar, policy, details)
    except CalendarMissing as exc:
        details["calendar_missing_year"] = exc.year
        return PeriodResult(Verdict.ERROR, [R_CALENDAR_MISSING], details=details)


def _evaluate_period(
    info: PeriodInfo, publish_date: dt.date | None, min_days: int, unit: Unit, calendar: WorkCalendar,
    policy: Policy, details: dict[str, Any],
) -> PeriodResult:
    sw = policy.policy
    declared_only = not info.explicit and info.declared_days is not None
    start, end = info.start or publish_date, info.end
    if declared_only and start is not None and end is None and info.declared_days:
        end = _duration_end(start, info.declared_days, info.declared_unit, calendar)
    details.update(comment_start=_iso(start), comment_end=_iso(end))
    reversed_range = info.start is not None and end is not None and end < info.start and not info.deadline_only
    if info.unparsed or start is None or end is None or reversed_range or (declared_only and not info.declared_days):
        return PeriodResult(Verdict.REVIEW, [R_DATE_UNPARSED], details=details)

    def count(a: dt.date, b: dt.date) -> int:
        return natural_days_inclusive(a, b) if unit == "natural" else calendar.workdays_inclusive(a, b)

    def strict(a: dt.date, b: dt.date) -> int:
        # the declaration fixes the length of a declared-only period: no day-one question to ask
        if declared_only:
            return count(a, b)
        return natural_days_inclusive(a, b) - 1 if unit == "natural" else calendar.lag_workdays(a, b)

    days_natural = natural_days_inclusive(start, end)
    # a natural-day check must not ERROR just because the working-day count is unavailable
    days_working = (calendar.workdays_inclusive(start, end) if unit == "working"
                    else _best_effort(lambda: calendar.workdays_inclusive(start, end)))
    stated, stated_strict = count(start, end), strict(start, end)
    eff_start = max(start, publish_date) if publish_date else start
    eff, eff_strict = (count(eff_start, end), max(strict(eff_start, end), 0)) if eff_start <= end else (0, 0)

    conflict = False
    n = info.declared_days
    if info.explicit and n:
        if info.declared_unit == "month":
            expected = add_months(start, n)
            conflict = end not in (expected - dt.timedelta(days=1), expected)
        elif info.declared_unit == "natural":
            conflict = n not in (days_natural, days_natural - 1)
        else:
            wd = _best_effort(lambda: calendar.workdays_inclusive(start, end))
            conflict = wd is not None and n not in (wd, calendar.lag_workdays(start, end))
    month_short = info.declared_unit == "month" and unit == "natural" and not conflict

    def passes(inclusive: int, strict_count: int) -> bool:
        return (inclusive if sw.period_counting == "inclusive" else strict_count) >= min_days

    codes: list[str] = []
    if passes(eff, eff_strict):
        verdict = Verdict.PASS
    elif passes(stated, stated_strict):
        verdict = Verdict.FAIL if sw.strict_online else Verdict.REVIEW
        codes.append(R_POSTED_LATE)
    elif info.urgent:
        verdict = Verdict.REVIEW
        codes.append(R_SHORTENED_EXPLAINED)
    else:
        verdict = Verdict.REVIEW if month_short else Verdict.FAIL
        codes.append(R_PERIOD_SHORT)
    if (eff >= min_days) != (eff_strict >= min_days):
        codes.append(R_BORDERLINE)
        details["verdict_inclusive"] = "PASS" if eff >= min_days else "FAIL"
        details["verdict_strict"] = "PASS" if eff_strict >= min_days else "FAIL"
        if sw.strict_review:
            verdict = Verdict.REVIEW
    if conflict:
        codes.append(R_DATE_CONFLICT)
    details.update(
        comment_days_natural=days_natural, comment_days_working=days_working,
        effective_online_start=_iso(eff_start), effective_days=eff, effective_days_strict=eff_strict,
        days_strict=stated_strict, urgent=info.urgent, extended=info.extended,
    )
    return PeriodResult(verdict, codes, days_natural, days_working, stated_strict, eff_start, eff, details)


@dataclass
class LagResult:
    verdict: str
    reason_codes: list[str]
    lag_workdays: int | None
    details: dict[str, Any] = field(default_factory=dict)


def evaluate_lag(
    decided: dt.date | None, published: dt.date | None, *, max_wd: int, calendar: WorkCalendar
) -> LagResult:
    """Disclosure lag (§5.3.5): workdays in (decided, published] ≤ max_wd → PASS, else FAIL R_LATE.

    Publication before the decision cannot be right, so it is REVIEW R_DATE_CONFLICT rather than a PASS.
    """
    details: dict[str, Any] = {"decision_date": _iso(decided), "publish_date": _iso(published),
                               "max_workdays": max_wd, "lag_workdays": None}
    if decided is None or published is None:
        return LagResult(Verdict.REVIEW, [R_DATE_UNPARSED], None, details)
    details["lag_days_natural"] = (published - decided).days
    if published < decided:
        return LagResult(Verdict.REVIEW, [R_DATE_CONFLICT], None, details)
    try:
        lag = calendar.lag_workdays(decided, published)
    except CalendarMissing as exc:
        details["calendar_missing_year"] = exc.year
        return LagResult(Verdict.ERROR, [R_CALENDAR_MISSING], None, details)
    details["lag_workdays"] = lag
    if lag <= max_wd:
        return LagResult(Verdict.PASS, [], lag, details)
    return LagResult(Verdict.FAIL, [R_LATE], lag, details)


@dataclass
class DeadlineResult:
    verdict: str
    reason_codes: list[str]
    deadline: dt.date
    details: dict[str, Any] = field(default_factory=dict)


def deadline_date(year: int, month_day: str) -> dt.date:
    """`deadline_date(2021, "03-31")` → 2021-03-31 (month-days as in Policy.thresholds)."""
    return dt.date(year, int(month_day[:2]), int(month_day[3:5]))


def evaluate_deadline(
    published: dt.date | None, deadline: dt.date, *, calendar: WorkCalendar, extend_on_holiday: bool
) -> DeadlineResult:
    """PASS if published ≤ deadline (§5.3.5). A deadline on a rest day is not extended by default: publishing
    by the next workday is FAIL + R_BORDERLINE (民法典 第二百零三条 would extend it), or PASS + R_BORDERLINE
    with `extend_on_holiday`. Later → FAIL R_LATE, with `late_workdays` after the deadline in details."""
    details: dict[str, Any] = {"deadline": deadline.isoformat(), "publish_date": _iso(published)}
    if published is None:
        return DeadlineResult(Verdict.REVIEW, [R_DATE_UNPARSED], deadline, details)
    if published <= deadline:
        return DeadlineResult(Verdict.PASS, [], deadline, details)
    details["late_workdays"] = _best_effort(lambda: calendar.lag_workdays(deadline, published))
    try:
        rest_day = not calendar.is_workday(deadline)
        extended = calendar.next_workday(deadline) if rest_day else deadline
    except CalendarMissing as exc:
        if (published - deadline).days > LONGEST_REST_RUN_BOUND:
            return DeadlineResult(Verdict.FAIL, [R_LATE], deadline, details)
        details["calendar_missing_year"] = exc.year
        return DeadlineResult(Verdict.ERROR, [R_CALENDAR_MISSING], deadline, details)
    details.update(deadline_is_workday=not rest_day, extended_deadline=extended.isoformat())
    if published <= extended:
        if extend_on_holiday:
            return DeadlineResult(Verdict.PASS, [R_BORDERLINE], deadline, details)
        return DeadlineResult(Verdict.FAIL, [R_LATE, R_BORDERLINE], deadline, details)
    return DeadlineResult(Verdict.FAIL, [R_LATE], deadline, details)


# --- publish-date sources (§5.3.3) -----------------------------------------------------------------------

PUBLISH_SOURCES = ("meta", "header", "list", "url")  # priority order; the 落款 is a written_date, never here


@dataclass(frozen=True)
class PublishDate:
    date: dt.date | None
    source: str | None
    conflict: bool  # sources disagree by more than policy.date_conflict_days → R_DATE_CONFLICT
    spread_days: int


def choose_publish_date(candidates: Mapping[str, dt.date | None], *, conflict_days: int) -> PublishDate:
    """The highest-priority publish_date (meta → header → list → url) and whether the sources disagree."""
    unknown = set(candidates) - set(PUBLISH_SOURCES)
    if unknown:
        raise ValueError(f"unknown publish_date source(s) {sorted(unknown)}; use {PUBLISH_SOURCES}")
    known = [(s, d) for s in PUBLISH_SOURCES if (d := candidates.get(s)) is not None]
    if not known:
        return PublishDate(None, None, False, 0)
    dates = [d for _, d in known]
    spread = (max(dates) - min(dates)).days
    return PublishDate(known[0][1], known[0][0], spread > conflict_days, spread)
