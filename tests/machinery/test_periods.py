"""audit_rules.machinery.periods: comment periods, lags, deadlines (rules_spec §5.3–5.4, Appendix B)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import chinese_calendar as cc
import pytest

from audit_rules.base import REASONS
from audit_rules.machinery import periods
from audit_rules.machinery.periods import (
    LONGEST_REST_RUN_BOUND,
    PeriodInfo,
    add_months,
    choose_publish_date,
    deadline_date,
    evaluate_deadline,
    evaluate_lag,
    evaluate_period,
    extract_period,
)
from audit_rules.machinery.workdays import WorkCalendar
from govaudit.policy import Policy

D = dt.date
CAL = WorkCalendar()
DEFAULT = Policy()


def policy(**switches: Any) -> Policy:
    return Policy.model_validate({"policy": switches})


def judge(text: str, publish: dt.date | None, *, min_days: int = 30, unit: str = "natural",
          pol: Policy = DEFAULT, **kw: Any) -> periods.PeriodResult:
    info = extract_period(text, publish_date=publish, **kw)
    return evaluate_period(info, publish_date=publish, min_days=min_days, unit=unit,  # type: ignore[arg-type]
                           calendar=CAL, policy=pol)


def test_reason_codes_are_the_spec_ones() -> None:
    for name in dir(periods):
        if name.startswith("R_"):
            assert getattr(periods, name) in REASONS


# --- extraction: Appendix A samples ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "publish", "start", "end"),
    [
        ("自2021年3月18日起至2021年4月16日止", None, D(2021, 3, 18), D(2021, 4, 16)),
        ("征求意见时间：2021-09-27至2021-10-08", None, D(2021, 9, 27), D(2021, 10, 8)),
        ("征求意见时间为2021年3月18日至4月16日", None, D(2021, 3, 18), D(2021, 4, 16)),
        ("征求意见时间为二〇二一年三月十八日至四月十六日", None, D(2021, 3, 18), D(2021, 4, 16)),
        ("征求意见时间为２０２１年３月１８日（星期四）至４月１６日（星期五）", None, D(2021, 3, 18), D(2021, 4, 16)),
        ("意见征集时间：2021年3月18日9:00—2021年4月16日17:30", None, D(2021, 3, 18), D(2021, 4, 16)),
        ("征求意见时间为3月18日至4月16日", D(2021, 3, 18), D(2021, 3, 18), D(2021, 4, 16)),
        # year inference across New Year (Appendix A): end month < start month → next year
        ("征求意见时间：自12月15日至1月14日", D(2021, 12, 14), D(2021, 12, 15), D(2022, 1, 14)),
        ("征求意见时间为2021年12月15日至1月14日", None, D(2021, 12, 15), D(2022, 1, 14)),
        ("征求意见时间为12月15日至2022年1月14日", None, D(2021, 12, 15), D(2022, 1, 14)),
    ],
)
def test_extract_ranges(text: str, publish: dt.date | None, start: dt.date, end: dt.date) -> None:
    info = extract_period(text, publish_date=publish)
    assert (info.start, info.end) == (start, end)
    assert info.explicit and not info.unparsed and not info.deadline_only
    assert info.source == "body"


@pytest.mark.parametrize(
    ("text", "publish", "end"),
    [
        ("请于2022年6月5日前将意见反馈至市司法局", D(2022, 5, 7), D(2022, 6, 5)),
        ("请社会各界于6月5日前提出修改意见", D(2022, 5, 7), D(2022, 6, 5)),
        ("截止日期：2021-04-16", D(2021, 3, 18), D(2021, 4, 16)),
        ("意见反馈截止时间为2021年4月16日17:00", D(2021, 3, 18), D(2021, 4, 16)),
        ("自即日起至2021年4月16日止，公众可通过以下方式提出意见", D(2021, 3, 18), D(2021, 4, 16)),
        ("自本公告发布之日起至4月16日，公开征求社会各界意见", D(2021, 3, 18), D(2021, 4, 16)),
        ("请于1月10日前反馈意见", D(2021, 12, 20), D(2022, 1, 10)),  # deadline in the next year
    ],
)
def test_extract_deadline_only(text: str, publish: dt.date, end: dt.date) -> None:
    info = extract_period(text, publish_date=publish)
    assert info.deadline_only and info.explicit
    assert (info.start, info.end) == (publish, end)


@pytest.mark.parametrize(
    ("text", "days", "unit"),
    [
        ("征求意见期为30天", 30, "natural"),
        ("公示期为七个工作日", 7, "working"),
        ("公示期为7个工作日", 7, "working"),
        ("自发布之日起30日内", 30, "natural"),
        ("自本公告发布之日起三十日内反馈", 30, "natural"),
        ("征求意见期限为一个月", 1, "month"),
        ("现公开征求意见，为期十五天", 15, "natural"),
    ],
)
def test_extract_declared_durations(text: str, days: int, unit: str) -> None:
    info = extract_period(text, publish_date=D(2021, 3, 18))
    assert (info.declared_days, info.declared_unit) == (days, unit)
    assert not info.explicit and not info.unparsed
    assert info.start == D(2021, 3, 18)


def test_declared_duration_without_publish_date_has_no_dates() -> None:
    info = extract_period("征求意见期为30天")
    assert info.declared_days == 30 and info.start is None and info.end is None
    result = evaluate_period(info, publish_date=None, min_days=30, unit="natural", calendar=CAL, policy=DEFAULT)
    assert (result.verdict, result.reason_codes) == ("REVIEW", ["R_DATE_UNPARSED"])


def test_entry_into_force_is_not_a_duration() -> None:
    info = extract_period("本办法自发布之日起30日后施行。请于2021年4月16日前反馈意见。", publish_date=D(2021, 3, 18))
    assert info.declared_days is None and info.end == D(2021, 4, 16)


def test_extract_ignores_validity_ranges_and_other_dates() -> None:
    text = ("本办法自2021年5月1日起施行，有效期自2021年5月1日至2026年4月30日。\n"
            "征求意见时间为2021年3月18日至4月16日。联系电话：0375-2661234")
    info = extract_period(text)
    assert (info.start, info.end) == (D(2021, 3, 18), D(2021, 4, 16))
    only_validity = extract_period("本办法有效期自2021年5月1日至2026年4月30日。")
    assert only_validity.unparsed


def test_extract_prefers_labelled_range() -> None:
    text = ("2021年3月1日至3月5日，市司法局召开座谈会征求意见。"
            "现公开征求意见，征求意见时间为2021年3月18日至2021年4月16日。")
    assert extract_period(text).start == D(2021, 3, 18)


def test_extension_replaces_end() -> None:
    text = "征求意见时间为2021年3月18日至4月10日。\n经研究，决定延长征求意见期至2021年4月20日。"
    info = extract_period(text)
    assert (info.start, info.end, info.extended) == (D(2021, 3, 18), D(2021, 4, 20), True)


@pytest.mark.parametrize(
    "text",
    ["因情况紧急，征求意见时间为2021年3月18日至3月25日。",
     "征求意见时间为2021年3月18日至3月25日。鉴于时间紧迫，缩短征求意见期限。",
     "根据工作需要缩短征求意见时间，请于2021年3月25日前反馈意见。"],
)
def test_urgency(text: str) -> None:
    assert extract_period(text, publish_date=D(2021, 3, 18)).urgent


def test_urgency_far_from_the_period_does_not_count() -> None:
    # an 应急预案 draft talks about 紧急情况 in its body, far from the notice's period
    text = "征求意见时间为2021年3月18日至3月25日。" + "附：预案正文。" * 60 + "发生紧急情况时，启动应急响应。"
    assert not extract_period(text).urgent


def test_garbled_and_missing_dates_are_unparsed() -> None:
    assert extract_period("征集时间 202256").unparsed
    assert extract_period("详见附件").unparsed
    info = extract_period("征求意见时间为3月18日至4月16日")  # no year, no publish_date
    assert info.unparsed and "3月18日" in info.snippet


def test_snippet_is_short_and_quotes_the_original() -> None:
    text = "前言。" * 200 + "征求意见时间为二〇二一年三月十八日至四月十六日。" + "后文。" * 200
    info = extract_period(text)
    assert len(info.snippet) <= 300
    assert "二〇二一年三月十八日至四月十六日" in info.snippet


def test_structured_fields() -> None:
    info = extract_period("", structured={"征集时间：": "2021-03-18 00:00:00 - 2021-04-16 23:59:59", "状态": "已结束"})
    assert (info.start, info.end, info.source) == (D(2021, 3, 18), D(2021, 4, 16), "structured")
    info = extract_period("详见附件", structured={"开始时间": "2021-03-18", "结束时间": "2021-04-16",
                                                 "发布时间": "2021-03-17"})
    assert (info.start, info.end, info.source) == (D(2021, 3, 18), D(2021, 4, 16), "structured")
    info = extract_period(None, structured={"截止时间": "2021-04-16"}, publish_date=D(2021, 3, 18))
    assert (info.start, info.end, info.deadline_only) == (D(2021, 3, 18), D(2021, 4, 16), True)


def test_source_order_body_structured_attachment() -> None:
    body = "现将《办法（征求意见稿）》公开征求意见，征求意见期为30天，详见附件。"
    structured = {"开始时间": "2021-03-18", "结束时间": "2021-04-16"}
    attachment = "征求意见时间为2021年3月18日至4月10日"
    # body states only a duration → structured dates win, the body's declared duration is kept
    info = extract_period(body, structured=structured, attachments=[attachment])
    assert (info.source, info.end, info.declared_days) == ("structured", D(2021, 4, 16), 30)
    info = extract_period(body, attachments=[attachment])
    assert (info.source, info.end, info.declared_days) == ("attachment", D(2021, 4, 10), 30)
    # explicit body dates win over everything after them
    info = extract_period("征求意见时间为2021年3月18日至4月16日", structured={"结束时间": "2021-05-01"})
    assert (info.source, info.end) == ("body", D(2021, 4, 16))
    # one attachment on its own
    assert extract_period(attachment, source="attachment").source == "attachment"


# --- evaluation: Appendix B -----------------------------------------------------------------------------


def test_row1_natural_range_30_days() -> None:
    r = judge("自2021-03-18起至2021-04-16止公开征求意见", None)
    assert (r.days_natural, r.days_strict, r.effective_days) == (30, 29, 30)
    assert r.details["verdict_inclusive"] == "PASS"
    # 30 inclusive / 29 strict is the same borderline as row 4
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_BORDERLINE"])


def test_row2_deadline_only_borderline() -> None:
    text = "现将《办法（征求意见稿）》公开征求意见。请于6月5日前反馈。"
    r = judge(text, D(2022, 5, 7))
    assert (r.days_natural, r.days_strict) == (30, 29)
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_BORDERLINE"])
    assert (r.details["verdict_inclusive"], r.details["verdict_strict"]) == ("PASS", "FAIL")
    r = judge(text, D(2022, 5, 7), pol=policy(strict_review=False))
    assert (r.verdict, r.reason_codes) == ("PASS", ["R_BORDERLINE"])  # as printed in Appendix B


def test_row3_second_round_short() -> None:
    r = judge("请于11月23日前将修改意见反馈市人大常委会法工委", D(2018, 11, 12))
    assert r.days_natural == 12
    assert (r.verdict, r.reason_codes) == ("FAIL", ["R_PERIOD_SHORT"])


def test_row4_range_across_month() -> None:
    text = "征求意见时间为2021年11月15日至2021年12月14日"
    r = judge(text, D(2021, 11, 15), pol=policy(strict_review=False))
    assert (r.days_natural, r.days_strict) == (30, 29)
    assert (r.verdict, r.reason_codes) == ("PASS", ["R_BORDERLINE"])
    assert judge(text, D(2021, 11, 15)).verdict == "REVIEW"
    # strict counting decides when configured
    r = judge(text, D(2021, 11, 15), pol=policy(period_counting="strict", strict_review=False))
    assert (r.verdict, r.reason_codes) == ("FAIL", ["R_PERIOD_SHORT", "R_BORDERLINE"])


def test_row5_one_month_in_february() -> None:
    r = judge("征求意见期为一个月", D(2021, 2, 1))
    assert r.details["comment_end"] == "2021-02-28" and r.days_natural == 28
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_PERIOD_SHORT"])
    r = judge("征求意见期为一个月，自2021年2月1日至2021年2月28日", D(2021, 2, 1))
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_PERIOD_SHORT"])
    # a month that reaches 30 days passes; a declared duration has no borderline
    r = judge("征求意见期为一个月", D(2021, 3, 1))
    assert (r.verdict, r.reason_codes, r.days_natural) == ("PASS", [], 31)


def test_row6_posted_late_natural() -> None:
    text = "征求意见时间为2021年3月1日至3月30日"
    r = judge(text, D(2021, 3, 10))
    assert r.days_natural == 30 and r.effective_days == 21 and r.effective_start == D(2021, 3, 10)
    assert r.details["effective_online_start"] == "2021-03-10"
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_POSTED_LATE"])
    r = judge(text, D(2021, 3, 10), pol=policy(strict_online=True))
    assert (r.verdict, r.reason_codes) == ("FAIL", ["R_POSTED_LATE"])


@pytest.mark.parametrize(
    ("text", "days", "verdict"),
    [
        ("征求意见时间为2021年9月27日至10月8日", 5, "FAIL"),  # row 7
        ("征求意见时间为2021年9月24日至10月8日", 7, "PASS"),  # row 8
        ("征求意见时间为2021年3月18日至3月25日", 6, "FAIL"),  # row 9
        ("征求意见时间为2021年3月18日至3月26日", 7, "PASS"),
    ],
)
def test_rows7_9_working_days(text: str, days: int, verdict: str) -> None:
    r = judge(text, None, min_days=7, unit="working", pol=policy(strict_review=False))
    assert r.days_working == r.details["comment_days_working"] == days
    assert r.verdict == verdict
    assert ("R_PERIOD_SHORT" in r.reason_codes) == (verdict == "FAIL")
    if verdict == "PASS":  # first day is a workday, so strict counting gives 6: borderline
        assert r.reason_codes == ["R_BORDERLINE"] and r.days_strict == 6


def test_row11_posted_late_working() -> None:
    r = judge("征求意见时间为2021年6月1日至6月9日", D(2021, 6, 3), min_days=7, unit="working")
    assert (r.days_working, r.effective_days) == (7, 5)
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_POSTED_LATE"])


@pytest.mark.parametrize(
    ("decided", "published", "max_wd", "lag", "verdict"),
    [
        (D(2021, 9, 28), D(2021, 10, 12), 7, 6, "PASS"),  # row 12
        (D(2021, 9, 28), D(2021, 10, 11), 7, 5, "PASS"),
        (D(2021, 9, 28), D(2021, 10, 9), 7, 4, "PASS"),
        (D(2021, 1, 4), D(2021, 2, 1), 7, 20, "FAIL"),  # row 13: 处罚
        (D(2021, 1, 4), D(2021, 2, 1), 20, 20, "PASS"),  # row 13: 检查
        (D(2021, 10, 8), D(2021, 11, 5), 7, 21, "FAIL"),  # row 14
        (D(2021, 10, 25), D(2021, 11, 5), 7, 9, "FAIL"),
        (D(2021, 9, 28), D(2021, 9, 28), 7, 0, "PASS"),
    ],
)
def test_rows12_14_lags(decided: dt.date, published: dt.date, max_wd: int, lag: int, verdict: str) -> None:
    r = evaluate_lag(decided, published, max_wd=max_wd, calendar=CAL)
    assert (r.lag_workdays, r.details["lag_workdays"], r.verdict) == (lag, lag, verdict)
    assert r.reason_codes == (["R_LATE"] if verdict == "FAIL" else [])


def test_lag_missing_or_inconsistent_dates() -> None:
    assert evaluate_lag(None, D(2021, 10, 12), max_wd=7, calendar=CAL).reason_codes == ["R_DATE_UNPARSED"]
    r = evaluate_lag(D(2021, 10, 12), D(2021, 10, 1), max_wd=7, calendar=CAL)
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_DATE_CONFLICT"])
    r = evaluate_lag(D(2026, 12, 30), D(2027, 1, 8), max_wd=7, calendar=CAL)
    assert (r.verdict, r.reason_codes) == ("ERROR", ["R_CALENDAR_MISSING"])


@pytest.mark.parametrize(
    ("published", "verdict", "codes"),
    [
        (D(2021, 3, 31), "PASS", []),  # row 15
        (D(2020, 12, 30), "PASS", []),
        (D(2021, 4, 1), "FAIL", ["R_LATE"]),
        (D(2021, 6, 4), "FAIL", ["R_LATE"]),
    ],
)
def test_row15_i98_deadline(published: dt.date, verdict: str, codes: list[str]) -> None:
    r = evaluate_deadline(published, deadline_date(2021, "03-31"), calendar=CAL, extend_on_holiday=False)
    assert (r.verdict, r.reason_codes) == (verdict, codes)
    if published == D(2021, 6, 4):
        assert r.details["late_workdays"] == 45


@pytest.mark.parametrize(
    ("deadline", "published", "extend", "verdict", "codes"),
    [
        # row 16 / §7 I56.x1: 2022-01-31 was 除夕, next workday 02-07
        (D(2022, 1, 31), D(2022, 1, 28), False, "PASS", []),
        (D(2022, 1, 31), D(2022, 2, 7), False, "FAIL", ["R_LATE", "R_BORDERLINE"]),
        (D(2022, 1, 31), D(2022, 2, 3), False, "FAIL", ["R_LATE", "R_BORDERLINE"]),
        (D(2022, 1, 31), D(2022, 2, 7), True, "PASS", ["R_BORDERLINE"]),
        (D(2022, 1, 31), D(2022, 2, 8), True, "FAIL", ["R_LATE"]),
        # I98: 2024-03-31 was a Sunday
        (D(2024, 3, 31), D(2024, 3, 29), False, "PASS", []),
        (D(2024, 3, 31), D(2024, 4, 1), False, "FAIL", ["R_LATE", "R_BORDERLINE"]),
        (D(2024, 3, 31), D(2024, 4, 1), True, "PASS", ["R_BORDERLINE"]),
        (D(2024, 3, 31), D(2024, 4, 2), False, "FAIL", ["R_LATE"]),
    ],
)
def test_holiday_deadlines(deadline: dt.date, published: dt.date, extend: bool, verdict: str,
                           codes: list[str]) -> None:
    r = evaluate_deadline(published, deadline, calendar=CAL, extend_on_holiday=extend)
    assert (r.verdict, r.reason_codes) == (verdict, codes)


def test_i56x1_deadline_details() -> None:
    r = evaluate_deadline(D(2022, 2, 7), deadline_date(2022, "01-31"), calendar=CAL, extend_on_holiday=False)
    assert r.details["deadline_is_workday"] is False
    assert r.details["extended_deadline"] == "2022-02-07"


def test_deadline_in_uncovered_year() -> None:
    deadline = deadline_date(2027, "03-31")
    r = evaluate_deadline(D(2027, 4, 1), deadline, calendar=CAL, extend_on_holiday=False)
    assert (r.verdict, r.reason_codes) == ("ERROR", ["R_CALENDAR_MISSING"])
    # far beyond any rest-day run: late whatever the calendar says
    r = evaluate_deadline(D(2027, 6, 4), deadline, calendar=CAL, extend_on_holiday=False)
    assert (r.verdict, r.reason_codes) == ("FAIL", ["R_LATE"])
    assert r.details["late_workdays"] is None
    assert evaluate_deadline(D(2027, 3, 1), deadline, calendar=CAL, extend_on_holiday=False).verdict == "PASS"
    assert evaluate_deadline(None, deadline, calendar=CAL, extend_on_holiday=False).reason_codes == [
        "R_DATE_UNPARSED"]


def test_rest_run_bound_holds_for_the_package() -> None:
    longest = run = 0
    for d in cc.get_dates(D(2004, 1, 1), D(2026, 12, 31)):
        run = 0 if cc.is_workday(d) else run + 1
        longest = max(longest, run)
    assert longest <= LONGEST_REST_RUN_BOUND


def test_row18_calendar_missing_is_error() -> None:
    r = judge("征求意见时间为2027年3月1日至3月12日", None, min_days=7, unit="working")
    assert (r.verdict, r.reason_codes) == ("ERROR", ["R_CALENDAR_MISSING"])
    assert r.details["calendar_missing_year"] == 2027
    # a natural-day check does not need the working calendar
    r = judge("征求意见时间为2027年3月1日至4月9日", None)
    assert (r.verdict, r.days_natural, r.days_working) == ("PASS", 40, None)


def test_row18_with_extra_calendar_year() -> None:
    cal = WorkCalendar.from_policy(Policy(calendar={"2027": {"holidays": [], "workdays": []}}))
    info = extract_period("征求意见时间为2027年3月1日至3月12日")
    r = evaluate_period(info, publish_date=None, min_days=7, unit="working", calendar=cal, policy=DEFAULT)
    assert (r.verdict, r.reason_codes, r.days_working) == ("PASS", [], 10)


def test_shortened_with_explanation_is_review() -> None:
    r = judge("因情况紧急，征求意见时间为2021年3月18日至3月25日。", None)
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_SHORTENED_EXPLAINED"])
    r = judge("征求意见时间为2021年3月18日至3月25日。", None)
    assert (r.verdict, r.reason_codes) == ("FAIL", ["R_PERIOD_SHORT"])


def test_declared_duration_conflicting_with_dates() -> None:
    r = judge("征求意见期为30天，自2021年3月18日至2021年4月10日", None)
    assert r.days_natural == 24  # the dates decide
    assert (r.verdict, r.reason_codes) == ("FAIL", ["R_PERIOD_SHORT", "R_DATE_CONFLICT"])
    # 30 days stated and 30 inclusive days: no conflict (only the borderline)
    r = judge("征求意见期为30天，自2021年3月18日至2021年4月16日", None)
    assert "R_DATE_CONFLICT" not in r.reason_codes
    r = judge("公示期为7个工作日（2021年9月27日至10月8日）", None, min_days=7, unit="working")
    assert (r.verdict, r.reason_codes) == ("FAIL", ["R_PERIOD_SHORT", "R_DATE_CONFLICT"])


def test_declared_durations_are_decisive_without_borderline() -> None:
    r = judge("征求意见期为30天", D(2021, 3, 18))
    assert (r.verdict, r.reason_codes, r.details["comment_end"]) == ("PASS", [], "2021-04-16")
    r = judge("公示期为七个工作日", D(2021, 9, 28), min_days=7, unit="working")
    assert (r.verdict, r.days_working, r.details["comment_end"]) == ("PASS", 7, "2021-10-12")
    # a working-day declaration judged against a natural-day threshold uses the calendar for the end
    r = judge("公示期为七个工作日", D(2021, 9, 28))
    assert (r.verdict, r.days_natural) == ("FAIL", 15)


def test_published_after_the_deadline() -> None:
    r = judge("请于2021年6月5日前反馈意见", D(2021, 6, 10))
    assert (r.verdict, r.reason_codes, r.effective_days) == ("FAIL", ["R_PERIOD_SHORT"], 0)


def test_unparsed_is_review() -> None:
    r = judge("征集时间 202256", None)
    assert (r.verdict, r.reason_codes) == ("REVIEW", ["R_DATE_UNPARSED"])
    r = evaluate_period(PeriodInfo(start=D(2021, 4, 16), end=D(2021, 3, 18), unparsed=False, explicit=True),
                        publish_date=None, min_days=30, unit="natural", calendar=CAL, policy=DEFAULT)
    assert r.reason_codes == ["R_DATE_UNPARSED"]


def test_details_keys() -> None:
    r = judge("征求意见时间为2021年9月27日至10月8日", D(2021, 9, 27), min_days=7, unit="working")
    assert {k: r.details[k] for k in ("comment_start", "comment_end", "comment_declared_days",
                                      "comment_declared_unit", "comment_days_natural", "comment_days_working",
                                      "effective_online_start")} == {
        "comment_start": "2021-09-27", "comment_end": "2021-10-08", "comment_declared_days": None,
        "comment_declared_unit": None, "comment_days_natural": 12, "comment_days_working": 5,
        "effective_online_start": "2021-09-27"}


def test_add_months() -> None:
    assert add_months(D(2021, 2, 1), 1) == D(2021, 3, 1)
    assert add_months(D(2021, 1, 31), 1) == D(2021, 2, 28)
    assert add_months(D(2021, 12, 15), 1) == D(2022, 1, 15)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)


def test_deadline_date() -> None:
    assert deadline_date(2021, "03-31") == D(2021, 3, 31)
    assert deadline_date(2022, DEFAULT.thresholds.I56x1_deadline) == D(2022, 1, 31)


def test_choose_publish_date() -> None:
    conflict_days = DEFAULT.policy.date_conflict_days
    p = choose_publish_date({"url": D(2021, 3, 18), "meta": D(2021, 3, 19), "list": None},
                            conflict_days=conflict_days)
    assert (p.date, p.source, p.conflict, p.spread_days) == (D(2021, 3, 19), "meta", False, 1)
    p = choose_publish_date({"header": D(2021, 6, 4), "list": D(2021, 3, 30)}, conflict_days=conflict_days)
    assert (p.date, p.source, p.conflict) == (D(2021, 6, 4), "header", True)
    assert choose_publish_date({}, conflict_days=3).date is None
    with pytest.raises(ValueError, match="text_sign"):
        choose_publish_date({"text_sign": D(2021, 3, 18)}, conflict_days=3)
