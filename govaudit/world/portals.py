"""The portals of the world: who they are, their columns (with each portal's own synonyms), their filler."""

from __future__ import annotations

import datetime as dt

from govaudit.world.model import Column, Juris, PortalSpec
from govaudit.world.text import d

AS_OF = dt.date(2026, 11, 20)
CYCLE_START = dt.date(2024, 1, 1)
JURISDICTION = "平顶山市"
JURISDICTION_ID = "410400"

PDS = Juris(name="平顶山市", code="410400", gov="平顶山市人民政府", office="平顶山市人民政府办公室", short="平",
            sfj="平顶山市司法局", rd="平顶山市人大常委会", index_prefix="005452065",
            towns=("新华区", "卫东区", "湛河区", "石龙区", "高新区", "城乡一体化示范区"),
            court="平顶山市新华区人民法院", address="平顶山市新城区长安大道行政服务中心B座3楼")
YEXIAN = Juris(name="叶县", code="410422", gov="叶县人民政府", office="叶县人民政府办公室", short="叶", sfj="叶县司法局",
               rd="叶县人大常委会", index_prefix="11410422MB1856420U",
               towns=("昆阳街道", "九龙街道", "仙台镇", "廉村镇", "龙泉乡", "任店镇", "保安镇"),
               court="叶县人民法院", address="叶县昆阳大道中段县行政服务中心二楼")
BAOFENG = Juris(name="宝丰县", code="410421", gov="宝丰县人民政府", office="宝丰县人民政府办公室", short="宝",
                sfj="宝丰县司法局", rd="宝丰县人大常委会", index_prefix="0054521XX",
                towns=("铁路街道", "城关镇", "周庄镇", "杨庄镇", "赵庄镇", "大营镇", "石桥镇"),
                court="宝丰县人民法院", address="宝丰县人民路与文化路交叉口县司法局一楼")
WEIDONG = Juris(name="卫东区", code="410403", gov="卫东区人民政府", office="卫东区人民政府办公室", short="卫",
                sfj="卫东区司法局", rd="卫东区人大常委会", index_prefix="005452312",
                towns=("东高皇街道", "东环路街道", "光华路街道", "建设路街道", "五一路街道", "北环路街道"),
                court="平顶山市卫东区人民法院", address="卫东区建设路东段区政务服务中心四楼")
SFJ = Juris(name="平顶山市", code="410400", gov="平顶山市人民政府", office="平顶山市人民政府办公室", short="平",
            sfj="平顶山市司法局", rd="平顶山市人大常委会", index_prefix="11410400MB0Y42365E",
            towns=("新华区", "卫东区", "湛河区", "石龙区"), court="平顶山市新华区人民法院",
            address="平顶山市新华区建设路中段司法局一楼行政复议接待室")
JIAXIAN = Juris(name="郏县", code="410425", gov="郏县人民政府", office="郏县人民政府办公室", short="郏", sfj="郏县司法局",
                rd="郏县人大常委会", index_prefix="005452401", towns=("龙山街道",), court="郏县人民法院", address="")
WUGANG = Juris(name="舞钢市", code="410481", gov="舞钢市人民政府", office="舞钢市人民政府办公室", short="舞",
               sfj="舞钢市司法局", rd="舞钢市人大常委会", index_prefix="005452502", towns=("垭口街道",),
               court="舞钢市人民法院", address="")

SITE_NAMES = {"pds": "平顶山市人民政府", "yexian": "叶县人民政府", "baofeng": "宝丰县人民政府", "weidong": "卫东区人民政府",
              "pds-sfj": "平顶山市司法局", "jiaxian": "郏县人民政府", "wugang": "舞钢市人民政府"}

C = Column

# The government portals share one column model; each portal names the columns with its own synonyms
# (rules_spec §5.1). slug -> (name, code, parent)
PDS_COLUMNS = [
    C("zwyw", "政务要闻", "NEWS"), C("bmdt", "部门动态", "NEWS"),
    C("zfxxgk", "政府信息公开", "GK"),
    C("xxgkzn", "政府信息公开指南", "GK.ZN", "zfxxgk"), C("xxgkzd", "政府信息公开制度", "GK.ZD", "zfxxgk"),
    C("fdzdgk", "法定主动公开内容", "GK.FD", "zfxxgk"), C("xxgknb", "政府信息公开年报", "GK.NB", "zfxxgk"),
    C("jgzn", "机构职能", "JG", "zfxxgk"), C("gfxwj", "规范性文件", "GFX", "zfxxgk"),
    C("szfl", "市政府令", "GZ", "zfxxgk"), C("dfxfg", "地方性法规", "FG", "zfxxgk"),
    C("zdxzjc", "重大行政决策", "JC", "zfxxgk"), C("zcjd", "政策解读", "JD", "zfxxgk"),
    C("qzqd", "权责清单", "QZ", "zfxxgk"), C("sfml", "收费目录清单", "SF", "zfxxgk"),
    C("zfcg", "政府采购", "CG", "zfxxgk"), C("fzzfjs", "法治政府建设", "FZ", "zfxxgk"),
    C("zcwj", "政策文件", "WJ"), C("yjzj", "意见征集", "ZJ"),
    C("xzzfgs", "行政执法公示专栏", "ZF"),
    C("sqgk", "事前公开", "ZF.SQ", "xzzfgs"), C("xzcfgs", "行政处罚公示", "ZF.CF", "xzzfgs"),
    C("xzxkgs", "行政许可公示", "ZF.XK", "xzzfgs"), C("zfjggs", "执法结果公示", "ZF.JC", "xzzfgs"),
    C("zwfw", "政务服务", "ZW"), C("xypds", "信用平顶山", "XY"), C("hdjl", "互动交流", "HD"),
    C("xwfbh", "新闻发布会", "XW"), C("yjgl", "应急管理", "YJ"), C("xzfy", "行政复议", "FY"),
    C("pfxc", "普法宣传", "PF"),
]
YEXIAN_COLUMNS = [
    C("yxyw", "叶县要闻", "NEWS"),
    C("zwgk", "政务公开", "GK"),
    C("gkzn", "公开指南", "GK.ZN", "zwgk"), C("gkzd", "公开制度", "GK.ZD", "zwgk"),
    C("zdgkml", "主动公开目录", "GK.FD", "zwgk"), C("gknb", "公开年报", "GK.NB", "zwgk"),
    C("jgsz", "机构设置", "JG", "zwgk"), C("xzgfxwj", "行政规范性文件", "GFX", "zwgk"),
    C("zdjc", "重大决策", "JC", "zwgk"), C("zctj", "政策图解", "JD", "zwgk"), C("qlqd", "权力清单", "QZ", "zwgk"),
    C("sfqd", "收费清单", "SF", "zwgk"), C("cggg", "采购公告", "CG", "zwgk"),
    C("yfxz", "依法行政", "FZ", "zwgk", fault="503"),
    C("wjk", "文件库", "WJ"), C("zjdc", "征集调查", "ZJ"),
    C("zfgs", "执法公示", "ZF"),
    C("zfzt", "执法主体", "ZF.SQ", "zfgs"), C("cfgs", "处罚公示", "ZF.CF", "zfgs"),
    C("xkgs", "许可公示", "ZF.XK", "zfgs"), C("jcjg", "检查结果", "ZF.JC", "zfgs"),
    C("bsfw", "办事服务", "ZW"), C("xyyx", "信用叶县", "XY"), C("zmhd", "政民互动", "HD"),
    C("xwfb", "新闻发布", "XW"), C("yjgl", "应急管理", "YJ"), C("fyys", "复议应诉", "FY"), C("fzxc", "法治宣传", "PF"),
]
BAOFENG_COLUMNS = [
    C("bfyw", "宝丰要闻", "NEWS"),
    C("xxgk", "信息公开", "GK"),
    C("xxgkzn", "信息公开指南", "GK.ZN", "xxgk"), C("gkzd", "公开制度", "GK.ZD", "xxgk"),
    C("fdzdgk", "法定主动公开内容", "GK.FD", "xxgk"), C("ndbg", "年度报告", "GK.NB", "xxgk"),
    C("jggk", "机构概况", "JG", "xxgk"), C("gfxwjk", "规范性文件库", "GFX", "xxgk"),
    C("jcgk", "决策公开", "JC", "xxgk"), C("wjjd", "文件解读", "JD", "xxgk"), C("qzqd", "权责清单", "QZ", "xxgk"),
    C("sfgs", "收费公示", "SF", "xxgk"), C("zfcg", "政府采购", "CG", "xxgk"), C("fzzf", "法治政府", "FZ", "xxgk"),
    C("zfwj", "政府文件", "WJ"), C("gzcy", "公众参与", "ZJ"),
    C("zfxxgs", "行政执法信息公示", "ZF"),
    C("sqgk", "事前公开", "ZF.SQ", "zfxxgs"), C("xzcf", "行政处罚", "ZF.CF", "zfxxgs"),
    C("xzxk", "行政许可", "ZF.XK", "zfxxgs"), C("qtzf", "其他执法结果", "ZF.JC", "zfxxgs"),
    C("wsbs", "网上办事", "ZW"), C("xybf", "信用宝丰", "XY"), C("hdjl", "互动交流", "HD"),
    C("xwfbh", "新闻发布会", "XW"), C("yjgl", "应急管理", "YJ"), C("xzfy", "行政复议", "FY"), C("pfxc", "普法宣传", "PF"),
]
WEIDONG_COLUMNS = [
    C("wdyw", "卫东要闻", "NEWS"),
    C("zfxxgk", "政府信息公开", "GK", nav=False),
    C("zn", "政府信息公开指南", "GK.ZN", "zfxxgk"), C("zd", "政府信息公开制度", "GK.ZD", "zfxxgk"),
    C("fdzdgknr", "法定主动公开内容", "GK.FD", "zfxxgk"), C("nb", "政府信息公开年报", "GK.NB", "zfxxgk"),
    C("jgzn", "机构职能", "JG", "zfxxgk"), C("zcwj", "政策文件", "WJ", "zfxxgk"),
    C("xzgfxwj", "行政规范性文件", "GFX", "zfxxgk"), C("zcjd", "政策解读", "JD", "zfxxgk"),
    C("zdxzjc", "重大行政决策", "JC", "zfxxgk"), C("qzqd", "权责清单", "QZ", "zfxxgk"),
    C("czsf", "财政收费", "SF", "zfxxgk"), C("cgxx", "采购信息", "CG", "zfxxgk"), C("xyxx", "信用信息", "XY", "zfxxgk"),
    C("fzzfjs", "法治政府建设", "FZ", "zfxxgk"), C("xzfy", "行政复议", "FY", "zfxxgk"),
    C("yjgl", "应急管理", "YJ", "zfxxgk"),
    C("xzzfgs", "行政执法公示", "ZF", "zfxxgk"),
    C("sqgk", "事前公开", "ZF.SQ", "xzzfgs"), C("cfgs", "行政处罚决定", "ZF.CF", "xzzfgs"),
    C("xkgs", "行政许可决定", "ZF.XK", "xzzfgs"), C("jcgs", "行政检查结果", "ZF.JC", "xzzfgs"),
    C("yjzj", "意见征集", "ZJ"), C("zmhd", "政民互动", "HD"), C("xwfb", "新闻发布", "XW"),
    C("bsfw", "办事服务", "ZW"), C("fzwd", "法治卫东", "PF"),
]
SFJ_COLUMNS = [
    C("gzdt", "工作动态", "NEWS"), C("tzgg", "通知公告", "WJ"),
    C("zwgk", "政务公开", "GK"),
    C("gkzn", "信息公开指南", "GK.ZN", "zwgk"), C("fdgk", "法定主动公开内容", "GK.FD", "zwgk"),
    C("ndbg", "年度报告", "GK.NB", "zwgk"), C("gfxwj", "规范性文件", "GFX", "zwgk"),
    C("zdjc", "重大行政决策", "JC", "zwgk"), C("zcjd", "政策解读", "JD", "zwgk"), C("qzqd", "权责清单", "QZ", "zwgk"),
    C("lfzqyj", "立法征求意见", "ZJ"),
    C("zfgs", "行政执法公示", "ZF"),
    C("sqgk", "事前公开", "ZF.SQ", "zfgs"), C("xzcf", "行政处罚", "ZF.CF", "zfgs"), C("xzxk", "行政许可", "ZF.XK", "zfgs"),
    C("fzzfjs", "法治政府建设", "FZ"), C("xzfy", "行政复议", "FY"), C("pfxc", "普法宣传", "PF"),
    C("xwfb", "新闻发布", "XW"),
]


def base_portals() -> list[PortalSpec]:
    """The seven sites, without content (cases.py plants the documents, build.py adds filler)."""
    return [
        PortalSpec("pds", "平顶山市人民政府", "city", "pdscms", "平顶山市", "410400", PDS, list(PDS_COLUMNS),
                   links_out=("yexian", "baofeng", "weidong", "jiaxian", "wugang", "pds-sfj"),
                   note="pds.gov.cn CMS, UTF-8; the richest portal: most PASS cases, specific FAILs, in-portal faults"),
        PortalSpec("yexian", "叶县人民政府", "county", "trs", "叶县", "410422", YEXIAN, list(YEXIAN_COLUMNS),
                   note="TRS WCM, GBK labelled gb2312 in <meta> only; 依法行政 (FZ) column answers 503"),
        PortalSpec("baofeng", "宝丰县人民政府", "county", "hanweb", "宝丰县", "410421", BAOFENG, list(BAOFENG_COLUMNS),
                   note="Hanweb/大汉 JCMS: datastore lists + dataproxy.jsp POST; scanned and batch-table gaps"),
        PortalSpec("weidong", "卫东区人民政府", "district", "gkmlpt", "卫东区", "410403", WEIDONG, list(WEIDONG_COLUMNS),
                   note="static portal + gkmlpt 政府信息公开 platform (JSON API lists)"),
        PortalSpec("pds-sfj", "平顶山市司法局", "department", "spa", "平顶山市", "410400", SFJ, list(SFJ_COLUMNS),
                   note="JSON-API single-page app: nothing but a shell and a script in static HTML"),
        PortalSpec("jiaxian", "郏县人民政府", "county", "dead", "郏县", "410425", JIAXIAN,
                   note="dead: the port is bound but nothing listens (connection refused)"),
        PortalSpec("wugang", "舞钢市人民政府", "county", "waf", "舞钢市", "410481", WUGANG,
                   note="every URL answers 200 with a WAF 访问验证 JS-challenge page"),
    ]


# Filler per portal: (column slug, kind, count, first date, last date). Only NEWS columns grow with --pages.
FILLER: dict[str, list[tuple[str, str, int, dt.date, dt.date]]] = {
    "pds": [("zwyw", "news", 110, d("2015-01-05"), d("2026-11-19")), ("bmdt", "news", 70, d("2018-01-03"), d("2026-11-18")),
            ("zcwj", "notice", 60, d("2015-02-01"), d("2026-11-10")),
            ("gfxwj", "normative", 48, d("2016-03-01"), d("2023-12-20"))],
    "yexian": [("yxyw", "news", 90, d("2016-01-05"), d("2026-11-19")), ("wjk", "notice", 140, d("2015-03-01"), d("2026-11-12")),
               ("xzgfxwj", "normative", 50, d("2016-05-01"), d("2023-12-15"))],
    "baofeng": [("bfyw", "news", 90, d("2016-01-05"), d("2026-11-19")), ("zfwj", "notice", 220, d("2015-03-01"), d("2026-11-12")),
                ("gfxwjk", "normative", 60, d("2016-05-01"), d("2023-12-15"))],
    "weidong": [("wdyw", "news", 90, d("2016-01-05"), d("2026-11-19")), ("zcwj", "notice", 40, d("2015-03-01"), d("2026-11-12")),
                ("xzgfxwj", "normative", 110, d("2016-02-01"), d("2023-12-28"))],
    "pds-sfj": [("gzdt", "news", 60, d("2019-01-05"), d("2026-11-19")), ("tzgg", "notice", 30, d("2018-03-01"), d("2026-11-12")),
                ("gfxwj", "normative", 6, d("2019-05-01"), d("2023-10-15"))],
}
# Share of the --pages extra filler per portal (all of it goes to NEWS columns, which no rule relies on).
EXTRA_SHARE = {"pds": 0.4, "yexian": 0.15, "baofeng": 0.15, "weidong": 0.15, "pds-sfj": 0.15}
