"""Column (栏目) lexicon of rules_spec §5.1: a nav label, breadcrumb or ColumnName -> a column code."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# code -> synonyms. Order inside a list does not matter: the longest matching synonym wins across
# all codes, so 「规范性文件」 beats 「文件」 and 「政府信息公开年报」 beats 「政府信息公开」.
COLUMNS: dict[str, tuple[str, ...]] = {
    "GK": ("政府信息公开", "政务公开", "信息公开", "政府信息公开平台", "信息公开目录", "部门信息公开",
           "乡镇（街道）信息公开", "县区信息公开", "政府信息公开目录", "信息公开专栏"),
    "GK.ZN": ("政府信息公开指南", "信息公开指南", "公开指南"),
    "GK.ZD": ("政府信息公开制度", "公开制度", "本机关公开制度", "信息公开制度"),
    "GK.NB": ("政府信息公开年报", "政府信息公开工作年度报告", "信息公开年报", "年度报告", "公开年报"),
    "GK.FD": ("法定主动公开内容", "主动公开目录", "主动公开内容", "重点领域信息公开", "法定主动公开",
              "主动公开"),
    "JG": ("机构职能", "机构设置", "部门职能", "领导信息", "政府组成部门", "机构概况", "组织机构"),
    "WJ": ("政策文件", "政府文件", "市政府文件", "县政府文件", "区政府文件", "部门文件", "文件库",
           "政策文件库", "通知公告", "政府办文件", "公告公示", "文件资料"),
    "GFX": ("规范性文件", "行政规范性文件", "现行有效规范性文件", "规范性文件库", "规范性文件目录",
            "规范性文件查询", "规范性文件备案"),
    "GZ": ("政府规章", "政府令", "市政府令", "规章库", "地方政府规章", "规章文本", "规章"),
    "FG": ("地方性法规", "法规库", "法规规章", "立法工作", "法规文本", "立法动态"),
    "JD": ("政策解读", "文件解读", "图解", "解读回应", "政策问答", "一图读懂", "解读"),
    "ZJ": ("意见征集", "征集调查", "公众参与", "草案征求意见", "立法征求意见", "民意征集", "网上调查",
           "决策预公开", "征求意见", "意见反馈", "结果反馈", "意见征求", "民意调查"),
    "JC": ("重大行政决策", "决策公开", "重大决策", "重大决策预公开", "决策事项目录", "决策执行",
           "决策结果", "重大行政决策事项目录"),
    "FZ": ("法治政府建设", "依法行政", "法治建设", "法治政府", "法治政府建设示范创建", "网络检索指标",
           "法治政府示范建设"),
    "ZF": ("行政执法公示", "执法公示", "行政执法信息公示", "三项制度", "事前公开", "事中公示", "事后公开",
           "执法结果公示", "行政处罚公示", "行政许可公示", "双公示", "双随机一公开", "随机抽查事项清单",
           "行政执法", "执法信息"),
    "QZ": ("权责清单", "权力清单", "责任清单", "权力和责任清单", "权责事项清单", "部门权责清单",
           "清单管理", "三张清单", "公共服务事项清单"),
    "ZW": ("政务服务", "办事服务", "网上办事", "一网通办", "办事指南", "事项清单", "放管服"),
    "XY": ("信用信息", "信用平顶山", "信用中国", "红黑名单", "失信惩戒", "守信激励", "信用承诺",
           "诚信建设"),
    "SF": ("收费目录", "收费清单", "行政事业性收费目录清单", "政府性基金目录清单", "涉企收费目录",
           "收费公示", "收费信息"),
    "CG": ("政府采购", "购买服务", "采购公告", "中标公告", "成交公告", "政府购买服务", "购买服务目录",
           "招标投标", "公共资源交易"),
    "XW": ("新闻发布", "新闻发布会", "发布会", "新闻发言人", "在线访谈"),
    "YJ": ("应急管理", "突发事件", "应急预案", "预警信息", "应对情况"),
    "HD": ("互动交流", "政民互动", "12345", "市长热线", "市长信箱", "书记信箱", "网上信访", "咨询投诉",
           "回应关切", "县长信箱", "区长信箱", "留言咨询"),
    "FY": ("行政复议", "复议应诉", "行政复议指南", "行政复议须知", "在线申请", "网上申请", "复议决定书",
           "行政复议决定公开"),
    "PF": ("普法", "普法宣传", "法治宣传", "以案释法", "宪法宣传周", "国家宪法日", "青少年法治教育",
           "谁执法谁普法", "普法依法治理"),
    "NEWS": ("新闻动态", "工作动态", "部门动态", "政务要闻", "县区动态", "图片新闻", "新闻中心", "要闻",
             "今日要闻", "乡镇动态", "基层动态", "动态"),
}

CANONICAL: dict[str, str] = {code: names[0] for code, names in COLUMNS.items()}

_SYNONYMS: list[tuple[str, str]] = sorted(
    ((syn, code) for code, names in COLUMNS.items() for syn in names), key=lambda p: -len(p[0])
)
_JUNK = re.compile(r"[\s\u3000\xa0>»›/|·•:：\-—_]+")


def normalise_label(label: str) -> str:
    return _JUNK.sub("", unicodedata.normalize("NFKC", label or ""))


@lru_cache(maxsize=65536)
def column_code(label: str) -> str | None:
    """The column code of a label, or None. Exact synonym first, then the longest synonym contained."""
    norm = normalise_label(label)
    if not norm or len(norm) > 40:
        return None
    for syn, code in _SYNONYMS:
        if norm == normalise_label(syn):
            return code
    for syn, code in _SYNONYMS:
        if len(syn) >= 2 and normalise_label(syn) in norm:
            return code
    return None


def codes_of_path(labels: list[str]) -> list[str]:
    """Codes along a breadcrumb (most specific last), without repeats."""
    out: list[str] = []
    for label in labels:
        code = column_code(label)
        if code and code not in out:
            out.append(code)
    return out


def matches(code: str | None, wanted: tuple[str, ...] | list[str]) -> bool:
    """'GK.FD' matches a wanted 'GK' (sub-column of an authoritative column) and itself."""
    if not code:
        return False
    return any(code == w or code.startswith(w + ".") for w in wanted)
