"""The real government pages of tests/data/realpages/ (provenance in its README), with the URL each was served at."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from audit_rules.evidence import Doc
from tests.rules.harness import evidence_for

DATA = Path(__file__).resolve().parents[1] / "data" / "realpages"


@dataclass(frozen=True)
class RealPage:
    file: str
    url: str  # the original URL where the source records it (README), else the host with the file's own name
    content_type: str = "text/html"  # what a server without a charset parameter sends: the page has to say it

    @property
    def path(self) -> Path:
        return DATA / self.file

    def body(self) -> bytes:
        return self.path.read_bytes()


PAGES: dict[str, RealPage] = {
    "wanzai_2015": RealPage("wanzai_2015_tjgb.html",
                            "http://www.wanzai.gov.cn/wzxrmzf/tjgb/201705/9c059bf058ef4db8b3c8f920e22186fe.shtml"),
    "wanzai_2022": RealPage("wanzai_2022_tjsj.html",
                            "http://www.wanzai.gov.cn/wzxrmzf/tjsja/202305/7215380191c5400397df5d7d0b5fd06b.shtml"),
    "jilin": RealPage("jilin_xxgk_tonggao.html", "http://xxgk.jl.gov.cn/e8847578-12f0-44cb-bdb7-4eec53c18ed1.html"),
    "chinaneast": RealPage("chinaneast_gb2312.html",
                           "http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059.htm"),
    "bynr": RealPage("bynr_news.html", "http://www.bynr.gov.cn/500b350d-d38d-4fb0-9e81-75e0c95e95a8.html"),
    "zjdpc": RealPage("zjdpc_hanweb.html", "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html"),
    "shanxi": RealPage("shanxi_news.html", "http://www.shanxi.gov.cn/t20190918_693227.shtml"),
    "govcn_gongbao": RealPage("govcn_gongbao.html", "https://www.gov.cn/gongbao/content/2007/content_711039.htm"),
    "govcn_zhengce_5353307": RealPage("govcn_zhengce_5353307.fragment.html",
                                      "http://www.gov.cn/zhengce/content/2018-12/29/content_5353307.htm"),
    "govcn_zhengce_5351718": RealPage("govcn_zhengce_5351718.fragment.html",
                                      "http://www.gov.cn/zhengce/content/2018-12/24/content_5351718.htm"),
    "handan_details": RealPage("handan_details.jsp",
                               "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200802_1352104.html"),
    "handan_list": RealPage("handan_list.jsp", "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index.html"),
}


def evidence_doc(name: str, *, kind: str = "page") -> Doc:
    """The page as the rules see it: stored as a fetch, read back through `build_site_evidence`."""
    page = PAGES[name]
    fixture = {"as_of": dt.date(2026, 11, 20),
               "pages": [{"url": page.url, "html": page.body(), "content_type": page.content_type, "kind": kind}]}
    with tempfile.TemporaryDirectory(prefix="realpage-") as tmp:
        ev = evidence_for(fixture, Path(tmp))
    docs = [d for d in ev.docs if d.url == page.url]
    assert len(docs) == 1, f"{name}: {len(docs)} documents (kind of the page: not a detail page?)"
    return docs[0]
