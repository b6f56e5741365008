"""Extraction on real government pages (tests/data/realpages/): title, dates by role and their source, metadata,
encoding, breadcrumb and body text, read through the same path a crawl takes (stored fetch → evidence builder).

The date traps are the point: a `<meta name="PubDate">` rewritten when the CMS regenerated the page (万载 2015:
meta 2022-04-24, visible 发布日期 2017-05-15), a 生成日期 that is the written date, not the publish date (万载 2022),
成文 vs 发布 in a 信息公开 table (www.gov.cn), a 1996 document re-published in 2018 (a migration date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from govaudit.extract.encoding import decode_html
from govaudit.extract.html import parse_html
from tests.realpages.pages import PAGES, evidence_doc

D = dt.date


@dataclass(frozen=True)
class Expect:
    title: str
    publish_date: D | None
    publish_source: str | None
    written_date: D | None = None
    written_source: str | None = None
    index_no: str | None = None
    doc_number: str | None = None
    publisher: str | None = None
    breadcrumb: tuple[str, ...] = ()
    breadcrumb_prefix: bool = False  # the crumb element also holds page tools (字号/打印): compare the head only
    sentences: tuple[str, ...] = ()  # fragments the main text must contain
    not_in_text: tuple[str, ...] = ()
    encoding: str = "utf-8"
    candidates: dict[str, D] = field(default_factory=dict)  # publish-date candidates that must be recorded


EXPECT: dict[str, Expect] = {
    # 万载县 统计公报 (2015), page regenerated 2022: the visible 发布日期 is the date, the meta tag is not a conflict
    "wanzai_2015": Expect(
        title="万载县2015年国民经济和社会发展统计公报", publish_date=D(2017, 5, 15), publish_source="header",
        breadcrumb=("网站首页", "数据开放", "政府数据", "统计信息", "统计公报"),
        sentences=("全县实现生产总值", "1102284万元", "三次产业的比重为12.89:56.87:30.24"),
        candidates={"header": D(2017, 5, 15)}),  # the meta stamp (2022-04) is later than the /201705/ folder
    # 万载县统计局 信息公开目录 article: 生成日期 is the written date; no visible 发布日期; the meta PubDate
    # (= the <meta others> 页面生成时间 2023-08-16) is later than the /202305/ folder the CMS filed it in, and the
    # page itself lists a 解读 of it dated 2023-07-12: the meta tag is a regeneration stamp, not a publish date.
    "wanzai_2022": Expect(
        title="万载县2022年国民经济和社会发展统计公报", publish_date=None, publish_source=None,
        written_date=D(2023, 5, 11), written_source="meta", index_no="014742224A/2023-0043406",
        publisher="万载县统计局",
        breadcrumb=("首页", "政务公开", "部门信息公开目录", "统计局", "法定主动公开内容", "工作动态", "统计数据"),
        sentences=("全年实现生产总值(GDP)262.6亿元", "万载县统计局"), not_in_text=("扫一扫在手机打开当前页",)),
    # 吉林省 信息公开专栏: the full gov.cn-style metadata table; 成文 01-27, 发布 01-28
    "jilin": Expect(
        title="吉林省人民政府关于禁止在吉林省嫩江干流补充治理工程建设征占地范围内新增建设项目和迁入人口的通告",
        publish_date=D(2022, 1, 28), publish_source="meta", written_date=D(2022, 1, 27), written_source="meta",
        index_no="11220000013544357T/2022-00426", doc_number="吉政明电〔2022〕1号", publisher="吉林省人民政府",
        sentences=("禁止任何单位和个人新建、扩建和改建项目", "特此通告", "2022年1月27日")),
    # 振兴东北网 (2005), GB2312 bytes declared in <meta> only; header 「2005年08月16日　来源：新华网」 (no label)
    "chinaneast": Expect(
        title="农机专家李金泽:为农机行业搭建现代化信息平台", publish_date=D(2005, 8, 16), publish_source="header",
        publisher="新华网", breadcrumb=("首页", "新华社记者看东北", "人物专访"), encoding="gb18030",
        sentences=("李金泽同志现任黑龙江省勃农机械有限责任公司党委书记", "我们的目标是要搭建一个符合现代市场理念的"),
        candidates={"header": D(2005, 8, 16), "url": D(2005, 8, 16)}),
    # 巴彦淖尔市 政务动态: the date sits alone in the header, unlabelled; only the meta tag names it
    "bynr": Expect(
        title="为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕",
        publish_date=D(2022, 2, 11), publish_source="meta_tag", publisher="巴彦淖尔日报",
        breadcrumb=("首页", "动态信息", "政务动态"), sentences=("政协巴彦淖尔市第五届委员会第一次会议隆重开幕",)),
    # 浙江省发改委 (Hanweb/大汉 JCMS): a hidden <div id="hiddenLocation"> holds column ids; the crumb is a table
    "zjdpc": Expect(
        title="1-10月德清县固定资产投资结构趋稳趋优", publish_date=D(2016, 11, 22), publish_source="header",
        publisher="省发改委", breadcrumb=("首页", "发展改革工作", "投资管理和项目推进", "投资运行"),
        sentences=("全县固定资产投资完成246.79亿元",)),
    "shanxi": Expect(
        title="山西品牌丝路行(南美站)正式启动", publish_date=D(2019, 9, 18), publish_source="header",
        publisher="山西日报", breadcrumb=("首页", "要闻", "山西要闻"), sentences=("山西代表团团长、省贸促会会长陈河才介绍",)),
    # www.gov.cn 国务院公报: a server-side included header closes </html> before the article; the date is only
    # in <meta firstpublishedtime> (written 2007-08-20-23:59:59)
    "govcn_gongbao": Expect(
        title="全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007 年末国债余额限额的决议",
        publish_date=D(2007, 8, 20), publish_source="meta_tag", breadcrumb=("首页", "国务院公报"),
        written_date=D(2007, 6, 29), written_source="text_sign",  # 「（2007年6月29日…会议通过）」
        breadcrumb_prefix=True, sentences=("批准发行15500亿元特别国债购买外汇",)),
    # www.gov.cn 政策 metadata table (HTML fragment from a crawler's database): 成文 12-21, 发布 12-29
    "govcn_zhengce_5353307": Expect(
        title="国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定",
        publish_date=D(2018, 12, 29), publish_source="meta", written_date=D(2018, 12, 21), written_source="meta",
        index_no="000014349/2018-00222", doc_number="国发〔2018〕43号", publisher="国务院",
        sentences=("由海南省人民政府实施审批",), candidates={"meta": D(2018, 12, 29), "url": D(2018, 12, 29)}),
    # a 1996 通知 put online in 2018: 成文 1996-06-29, 发布 2018-12-24 — two roles, never one overloaded field
    "govcn_zhengce_5351718": Expect(
        title="国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知",
        publish_date=D(2018, 12, 24), publish_source="meta", written_date=D(1996, 6, 29), written_source="meta",
        index_no="000014349/1996-00077", doc_number="国办发〔1996〕25号", publisher="国务院办公厅、中央军委办公厅",
        sentences=("日本军国主义在侵华战争中",)),
    # 邯郸市 政府信息公开平台 (saved template): 文号 「无」, the 成文日期 row is commented out in the markup
    "handan_details": Expect(
        title="邯郸市教育局关于印发《全市教育系统安全专项整治三年行动实施方案》的通知",
        publish_date=D(2020, 8, 2), publish_source="meta", index_no="000014348/2020-35147", doc_number=None,
        publisher="邯郸市教育局"),
}


def test_every_page_has_expectations() -> None:
    assert set(EXPECT) <= set(PAGES)
    assert set(PAGES) - set(EXPECT) == {"handan_list"}  # a list page: tested below


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_real_page(name: str) -> None:
    exp = EXPECT[name]
    doc = evidence_doc(name)
    got = {"title": doc.title_raw, "publish_date": doc.publish_date, "publish_source": doc.publish_source,
           "written_date": doc.written_date, "index_no": doc.index_no, "doc_number": doc.doc_number}
    want = {"title": exp.title, "publish_date": exp.publish_date, "publish_source": exp.publish_source,
            "written_date": exp.written_date, "index_no": exp.index_no, "doc_number": exp.doc_number}
    assert got == want, f"{name}: candidates {doc.publish_candidates}"
    if exp.written_date is not None:
        assert doc.written_source == exp.written_source
    if exp.publisher is not None:
        assert doc.publisher == exp.publisher
    crumb = tuple(doc.breadcrumb[: len(exp.breadcrumb)]) if exp.breadcrumb_prefix else tuple(doc.breadcrumb)
    assert crumb == exp.breadcrumb
    for sentence in exp.sentences:
        assert sentence in doc.text, f"{name}: {sentence!r} not in the main text"
    for junk in exp.not_in_text:
        assert junk not in doc.text
    for source, date in exp.candidates.items():
        assert doc.publish_candidates.get(source) == date, doc.publish_candidates
    # <meta name="PubDate"> is never a conflict source (CMSs rewrite it); real disagreements still are
    assert not doc.date_conflict, doc.publish_candidates


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_encoding(name: str) -> None:
    page = PAGES[name]
    decoded = decode_html(page.body(), page.content_type)
    assert decoded.encoding == EXPECT[name].encoding
    assert not decoded.mojibake


def test_gb2312_page_declared_in_meta_only() -> None:
    """The bytes are GBK, the server says plain text/html, the page says gb2312: read as gb18030 (a superset)."""
    page = PAGES["chinaneast"]
    decoded = decode_html(page.body(), "text/html")
    assert decoded.declared == "gb2312" and decoded.encoding == "gb18030"
    assert "农机专家李金泽" in decoded.text and "\ufffd" not in decoded.text


def test_wanzai_meta_pubdate_does_not_override_the_visible_date() -> None:
    doc = evidence_doc("wanzai_2015")
    assert doc.meta["pubdate"].startswith("2022-04-24")
    assert (doc.publish_date, doc.publish_source) == (D(2017, 5, 15), "header")
    assert not doc.date_conflict  # the regenerated meta tag is no evidence of a conflict


def test_wanzai_generation_date_is_written_not_published() -> None:
    """生成日期 is the 信息公开目录's written date (条例第十二条 「生成日期」); the page's only other date is the
    regeneration stamp of <meta PubDate>, contradicted by the /202305/ folder: no publish date, not 08-16."""
    doc = evidence_doc("wanzai_2022")
    assert doc.meta["pubdate"].startswith("2023-08-16")
    assert doc.fields["written_date"] == "2023-05-11"
    assert doc.publish_date is None and "meta_tag" not in doc.publish_candidates


def test_handan_list_rows() -> None:
    """信息公开目录 list (名称 | 索引号 | 发布机构 | 发布日期 table rows): each row gives link, title and date."""
    page = PAGES["handan_list"]
    parsed = parse_html(decode_html(page.body(), page.content_type).text, page.url)
    items = [(lk.label, lk.date_text, lk.url) for lk in parsed.list_items]
    assert items == [("邯郸市教育局关于印发《邯郸市学校安全工作目标管理考核办法》的通知", "2020-08-05",
                      "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200805_1353179.html")]
    assert parsed.breadcrumb == ["首页", "政府文件", "近期信息公开"]
