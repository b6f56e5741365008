"""govaudit.extract.dates: normalisation, single dates, free text, URL dates, year inference, 落款."""

from __future__ import annotations

import datetime as dt
import re

import cn2an
import pytest

from govaudit.extract.dates import (
    DateHit,
    UrlDate,
    find_dates,
    infer_year,
    nearest_date,
    normalize,
    normalize_with_offsets,
    parse_date,
    sign_date,
    url_date,
)

D = dt.date


# --- normalize -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("二〇二一年三月十八日", "2021年3月18日"),
        ("二○二一年十二月三十一日", "2021年12月31日"),  # ○ = U+25CB (Appendix B row 17)
        ("二◯二一年三月十八日", "2021年3月18日"),  # ◯ = U+25EF
        ("二零二一年三月十八日", "2021年3月18日"),
        ("二O二一年三月十八日", "2021年3月18日"),  # Latin O from OCR
        ("二Ｏ二一年三月十八日", "2021年3月18日"),  # full-width Ｏ
        ("2021年三月十八日", "2021年3月18日"),
        ("2021年3月十八日", "2021年3月18日"),
        ("二〇二一年元月五日", "2021年1月5日"),
        ("一九九八年十月一日", "1998年10月1日"),
        ("２０２１年３月１８日", "2021年3月18日"),
        ("请于六月五日前反馈", "请于6月5日前反馈"),
        ("自十二月十五日至一月十四日", "自12月15日至1月14日"),
        ("二〇二〇年度法治政府建设情况", "2020年度法治政府建设情况"),
        ("发布日期：2017-05-15", "发布日期:2017-05-15"),
    ],
)
def test_normalize_converts_dates(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "text",
    ["零星工作", "Office 2019", "十分重要", "第一季度", "六十日内申请行政复议", "一是加强领导，二是", "平政文〔2021〕33号",
     "12·4国家宪法日", "《中华人民共和国行政处罚法》第四十八条", "十三五规划", "每月三十日"],
)
def test_normalize_leaves_non_dates_alone(text: str) -> None:
    assert normalize(text) == text


def test_circle_trap_is_real_and_handled() -> None:
    # cn2an alone leaves the ○ in place (rules_spec §5.3.1); this is why the ○→〇 step exists.
    assert cn2an.transform("二○二一年三月十八日", "cn2an") == "2○21年3月18日"
    assert parse_date("二○二一年三月十八日") == D(2021, 3, 18)


def test_offsets_map_back_to_original() -> None:
    text = "平顶山市人民政府\n二〇二一年三月十八日（此件公开发布）"
    norm, offsets = normalize_with_offsets(text)
    s = norm.index("2021")
    e = norm.index("日") + 1
    assert offsets.original(s, e) == (9, 19)
    assert text[9:19] == "二〇二一年三月十八日"
    tail = norm.index("（")  # after the converted span, offsets shift by the length difference
    assert text[offsets.original(tail, tail + 1)[0]] == "（"


# --- parse_date ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "s",
    [
        "2021-03-18", "2021-3-18", "2021/03/18", "2021.03.18", "2021年3月18日", "2021年03月18日 10:20",
        "[2021-03-18]", "【2021-03-18】", "2021-03-18 10:20:30", "2021-03-18T10:20:30", "二〇二一年三月十八日",
        "二○二一年三月十八日", "２０２１年３月１８日", "２０２１－０３－１８", " 2021-03-18\n", "发布日期：2021-03-18 10:49:00",
        "发布时间:2021年03月18日", "2021年03月18日 星期四", "2021-03-18（周四）",
    ],
)
def test_parse_date_accepts(s: str) -> None:
    assert parse_date(s) == D(2021, 3, 18)


def test_parse_date_real_page_strings() -> None:
    assert parse_date("发布日期：2017-05-15 10:49:00") == D(2017, 5, 15)
    assert parse_date("2021/9/28 0:00:00") == D(2021, 9, 28)  # 信用 platform format (I57 pitfalls)
    assert parse_date("处罚决定日期：2021-09-28") == D(2021, 9, 28)


@pytest.mark.parametrize(
    "s",
    ["202256", "20210318", "2021-02-30", "2021-13-01", "2021-03/18", "2021年3月", "", "abc", "2021",
     "03-18 2021-03-18", "2021-03-18至2021-04-16"],
)
def test_parse_date_rejects(s: str) -> None:
    assert parse_date(s) is None


def test_parse_date_yearless_needs_default_year() -> None:
    assert parse_date("03-18") is None
    assert parse_date("03-18", default_year=2021) == D(2021, 3, 18)
    assert parse_date("[03-18]", default_year=2021) == D(2021, 3, 18)
    assert parse_date("3月18日", default_year=2021) == D(2021, 3, 18)
    assert parse_date("三月十八日", default_year=2021) == D(2021, 3, 18)
    assert parse_date("02-29", default_year=2021) is None
    assert parse_date("02-29", default_year=2024) == D(2024, 2, 29)


# --- find_dates ------------------------------------------------------------------------------------------


def test_find_dates_header_line() -> None:
    text = "发布日期：2017-05-15 10:49:00　来源：市司法局　浏览次数：1203　电话：0375-2661234"
    hits = find_dates(text)
    assert [h.date for h in hits] == [D(2017, 5, 15)]
    assert hits[0].time == dt.time(10, 49)
    assert hits[0].raw == "2017-05-15 10:49:00"
    assert text[hits[0].start : hits[0].end] == hits[0].raw


def test_find_dates_in_order_with_chinese_numerals_and_yearless() -> None:
    text = "征求意见时间为二〇二一年三月十八日至四月十六日，[03-20] 落款202256"
    hits = find_dates(text)
    assert [(h.date, h.has_year, h.month, h.day) for h in hits] == [
        (D(2021, 3, 18), True, 3, 18),
        (None, False, 4, 16),
        (None, False, 3, 20),
    ]
    assert hits[0].raw == "二〇二一年三月十八日"
    assert hits[1].raw == "四月十六日"
    assert hits[1].with_year(2021).date == D(2021, 4, 16)
    assert hits[1].with_year(2021).has_year is False


@pytest.mark.parametrize(
    "text",
    ["共10-20个工作日", "第3.18条", "版本1.2.3", "电话0375-2661234", "金额12/50元", "2021-02-30", "平政[2026]2号",
     "2021年3月", "13月45日"],
)
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_fullwidth_and_slashes() -> None:
    hits = find_dates("［２０２１年３月１８日］ 更新于2021/9/28 0:00:00")
    assert [h.date for h in hits] == [D(2021, 3, 18), D(2021, 9, 28)]
    assert hits[1].time == dt.time(0, 0)


def test_datehit_is_frozen_dataclass() -> None:
    hit = find_dates("2021-03-18")[0]
    assert isinstance(hit, DateHit)
    with pytest.raises(AttributeError):
        hit.start = 3  # type: ignore[misc]


# --- url_date --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.pds.gov.cn/xxgk/202103/t20210318_123456.html", UrlDate(2021, 3, 18)),
        ("https://www.pdsrd.gov.cn/2017/04-14/29271.html", UrlDate(2017, 4, 14)),
        ("http://www.henan.gov.cn/art/2021/3/18/art_12_345.html", UrlDate(2021, 3, 18)),
        ("http://example.gov.cn/2021-03/18/c_1127.htm", UrlDate(2021, 3, 18)),
        ("http://example.gov.cn/zwgk/202103/W020210318.pdf", UrlDate(2021, 3)),
        ("/xxgk/202103/", UrlDate(2021, 3)),
        ("http://example.gov.cn/news/2021/0318/1.html", UrlDate(2021, 3, 18)),
    ],
)
def test_url_date(url: str, expected: UrlDate) -> None:
    assert url_date(url) == expected


@pytest.mark.parametrize(
    "url",
    ["https://www.pds.gov.cn/contents/44510/356343.html", "http://x.gov.cn/123456/a.html",
     "http://x.gov.cn/198903/t19890318_1.html", "http://x.gov.cn/202113/", "http://x.gov.cn/t20210230_1.html",
     "http://x.gov.cn/index.jsp?id=202103"],
)
def test_url_date_none(url: str) -> None:
    assert url_date(url) is None


def test_url_date_full_date() -> None:
    assert UrlDate(2021, 3, 18).date() == D(2021, 3, 18)
    assert UrlDate(2021, 3).date() is None


# --- infer_year ------------------------------------------------------------------------------------------


def test_infer_year_from_url() -> None:
    assert infer_year(3, 18, url="http://www.pds.gov.cn/xxgk/202103/t20210318_1.html") == 2021
    # a 12-30 list item whose TRS folder is January: the year before
    assert infer_year(12, 30, url="http://x.gov.cn/202101/t20210104_1.html") == 2020
    assert infer_year(1, 2, url="http://x.gov.cn/202012/t20201231_1.html") == 2021


def test_infer_year_from_neighbours() -> None:
    assert infer_year(3, 18, neighbour_dates=[D(2021, 3, 20), D(2021, 3, 1)]) == 2021
    # a list straddling New Year: 12-30 sits between 2022-01-03 and 2021-12-28
    assert infer_year(12, 30, neighbour_dates=[D(2022, 1, 3), D(2021, 12, 28)]) == 2021
    # neighbours a year apart disagree → ambiguous
    assert infer_year(6, 1, neighbour_dates=[D(2022, 6, 3), D(2021, 5, 28)]) is None


def test_infer_year_none_and_reference() -> None:
    assert infer_year(3, 18) is None
    assert infer_year(2, 30, url="/202102/") is None
    assert infer_year(2, 29, url="/202102/") is None  # 2021 has no 02-29
    # a list cannot show a date after the crawl
    assert infer_year(12, 30, url="/202112/", reference=D(2021, 12, 1)) is None
    assert infer_year(11, 30, url="/202111/", reference=D(2021, 12, 1)) == 2021


def test_nearest_date() -> None:
    assert nearest_date(1, 14, D(2021, 12, 20)) == D(2022, 1, 14)
    assert nearest_date(12, 15, D(2022, 1, 5)) == D(2021, 12, 15)
    assert nearest_date(2, 29, D(2021, 3, 1)) == D(2020, 2, 29)


# --- sign_date -------------------------------------------------------------------------------------------


def test_sign_date_typical() -> None:
    text = "……特此通知。\n\n平顶山市人民政府\n2021年3月18日\n（此件公开发布）"
    assert sign_date(text) == D(2021, 3, 18)


def test_sign_date_chinese_numerals_after_body_dates() -> None:
    body = "本办法自2021年5月1日起施行，有效期至2026年4月30日。" + "正文。" * 200
    assert sign_date(body + "\n平顶山市人民政府\n二〇二一年三月十八日") == D(2021, 3, 18)
    assert sign_date(body + "\n平顶山市人民政府\n二○二一年三月十八日") == D(2021, 3, 18)


def test_sign_date_prefers_signature_over_yinfa_footer() -> None:
    text = ("正文。\n平顶山市人民政府\n2021年3月18日\n（此件公开发布）\n抄送：市委各部门。\n"
            "平顶山市人民政府办公室　　2021年3月19日印发")
    assert sign_date(text) == D(2021, 3, 18)
    assert sign_date("正文。\n平顶山市人民政府办公室 2021年3月19日印发") == D(2021, 3, 19)


def test_sign_date_none() -> None:
    assert sign_date("平顶山市人大常委会办公室\n202256") is None  # garbled 落款 (rules_spec §5.3.1)
    assert sign_date("本办法自2021年5月1日起施行，有效期至2026年4月30日。") is None
    assert sign_date("平顶山市人民政府\n2021年3月18日\n" + "附件正文。" * 100) is None  # outside the closing part


# --- Appendix A sample strings survive normalisation ------------------------------------------------------


def _date_pat(n: int) -> str:
    return rf"(?:(?P<y{n}>\d{{4}})\s*[年./-]\s*)?(?P<m{n}>\d{{1,2}})\s*[月./-]\s*(?P<d{n}>\d{{1,2}})\s*[日号]?"


_RANGE_SEP = r"\s*(?:至|到|——|—|－|-|~|～)\s*"
_P_RANGE = r"(?:自|从)?\s*" + _date_pat(1) + r"\s*(?:起)?" + _RANGE_SEP + _date_pat(2) + r"\s*(?:止|截止)?"
APPENDIX_A = [
    (_P_RANGE, "自2021年3月18日起至2021年4月16日止"),
    (_P_RANGE, "2021-09-27至2021-10-08"),
    (r"(?:征求意见|征集|公示|意见反馈)(?:时间|期限|期|起止时间)\s*(?:为|：|:)?\s*" + _P_RANGE, "征求意见时间为2021年3月18日至4月16日"),
    (r"(?:请于|于|在)\s*" + _date_pat(2) + r"\s*(?:\d{1,2}[:：]\d{2})?\s*(?:前|之前|以前|止)", "请于2022年6月5日前将意见反馈"),
    (r"(?:截止|反馈截止|意见反馈截止)(?:日期|时间)\s*(?:为|：|:)?\s*" + _date_pat(2), "截止日期：2021-04-16"),
    (r"(?:征求意见|公示|征集)(?:期|期限|时间)?\s*(?:为|：|:)?\s*(?P<num>\d+|[一二三四五六七八九十两]+)\s*(?P<unit>个工作日|日|天|个月)",
     "征求意见期为30天"),
    (r"(?:征求意见|公示|征集)(?:期|期限|时间)?\s*(?:为|：|:)?\s*(?P<num>\d+|[一二三四五六七八九十两]+)\s*(?P<unit>个工作日|日|天|个月)",
     "公示期为七个工作日"),
    (r"自(?:公布|发布|公告)之日起\s*(?P<num>\d+|[一二三四五六七八九十]+)\s*(?P<unit>个工作日|日|天)(?:内)?", "自发布之日起30日内"),
    (r"([\u4e00-\u9fa5]{1,10})[〔\[（(【](\d{4})[〕\]）)】]\s*第?(\d{1,4})\s*号", "平政文〔2021〕33号"),
    (r"([\u4e00-\u9fa5]{1,10})[〔\[（(【](\d{4})[〕\]）)】]\s*第?(\d{1,4})\s*号", "平政[2026]2号"),
    (r"(?:平顶山市)?人民政府令\s*[（(]?\s*第\s*(\d+)\s*号", "平顶山市人民政府令（第12号）"),
    (r"(?:关于)?(20\d{2})\s*年度?\s*法治政府建设(?:工作)?(?:情况|年度)?(?:的)?(?:报告|工作报告|年度报告)",
     "平顶山市人民政府关于2020年度法治政府建设情况的报告"),
    (r"(?:关于)?(20\d{2})\s*年度?\s*法治政府建设(?:工作)?(?:情况|年度)?(?:的)?(?:报告|工作报告|年度报告)",
     "市司法局2021年法治政府建设工作报告"),
    (r"(?:处罚|许可)?决定(?:作出)?日期\s*[：:]?\s*" + _date_pat(1), "处罚决定日期：2021-09-28"),
    (r"(?:如不服|对本决定不服|如对本决定不服).{0,120}?申请行政复议",
     "如不服本决定，可以在收到本决定书之日起六十日内向平顶山市人民政府申请行政复议"),
    (r"(宪法宣传周|国家宪法日|12[·.]4|宪法日)", "12·4国家宪法日"),
]


@pytest.mark.parametrize(("pattern", "sample"), APPENDIX_A)
def test_appendix_a_samples_match_after_normalize(pattern: str, sample: str) -> None:
    before = re.search(pattern, sample)
    after = re.search(pattern, normalize(sample))
    assert before and after
    assert {k: v for k, v in after.groupdict().items() if v} == {k: v for k, v in before.groupdict().items() if v}


def test_appendix_a_dates_are_found() -> None:
    assert [h.date for h in find_dates("自2021年3月18日起至2021年4月16日止")] == [D(2021, 3, 18), D(2021, 4, 16)]
    assert [h.date for h in find_dates("2021-09-27至2021-10-08")] == [D(2021, 9, 27), D(2021, 10, 8)]
    assert parse_date("截止日期：2021-04-16") == D(2021, 4, 16)
