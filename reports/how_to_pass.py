"""The 「如何达标」 text per check: the rule's docstring when it has Chinese wording, else ours.

Rule docstrings carry `How to pass:` (HOUSE_STYLE §2). Reports are read by the command office and
the units, so a Chinese `如何达标:` section in the docstring wins; without one, the built-in
Chinese text below (written from rules_spec §6) is used, and for checks we have no text for, a
sentence built from the catalogue title. The English `How to pass:` is kept for the rule
catalogue in the 说明 sheet (`rule_how_to_pass`).
"""

from __future__ import annotations

import logging
import re
from functools import cache

from govaudit.catalogue import load_catalogue

log = logging.getLogger(__name__)

_SECTION = re.compile(r"^\s*(What it checks|Why it matters|How to pass|如何达标|检查内容|依据)\s*[:：]", re.M)

# rules_spec §6: what a unit must publish, where, and by when (class A and the trickier B checks).
HOW_TO_PASS_ZH: dict[str, str] = {
    "I01.a": "在政府门户网站「政府信息公开」或政务服务专栏公开本级政府全部行政审批（许可）事项清单。",
    "I01.b": "清单按目录编排并为每个事项标注统一事项编码。",
    "I01.c": "清单调整时公开调整文件或调整记录（写明调整日期），最近一次调整不超过24个月。",
    "I01.d": "公开法定期限内办结、压缩办理时限的制度文件，或在清单/办事指南中写明承诺时限。",
    "I03.b": "公开保留的中介服务事项清单，逐项写明办理时限、工作流程、申报条件、收费标准四要素。",
    "I05.b": "公开企业开办办事指南或承诺，写明企业开办时间不超过5个工作日。",
    "I06.b": "公开“最多跑一次”高频事项清单，事项不少于100项。",
    "I07.a": "每个政府工作部门在本部门网站或门户网站部门栏目公开本部门权责清单。",
    "I07.b": "全部政府工作部门的权责清单都要公开（部门覆盖率100%）。",
    "I09.a": "公开现行有效版本的行政事业性收费和政府性基金目录清单（注明版本或更新日期）。",
    "I13.b": "公开失信惩戒“黑榜”，并至少每12个月更新一次。",
    "I26.a": "规章草案及其说明公开征求意见，征求意见期不少于30日（自然日），公告写明起止日期。",
    "I27.a": "对公民、法人和其他组织权利义务有重大影响的行政规范性文件，公开征求意见不少于7个工作日，"
             "公告写明起止日期。",
    "I27.c": "（提示）与市场主体生产经营密切相关的文件，征求意见期一般不少于30日。",
    "I29.a": "在「政府信息公开—规范性文件」栏目公开2019年以来的全部行政规范性文件。",
    "I29.b": "（提示）行政规范性文件自签发（成文）之日起20个工作日内在网站公开。",
    "I33.b": "每2年至少公开1次规章、规范性文件后评估结果。",
    "I35.b": "规范性文件清理结果最近一次公布不超过24个月。",
    "I36.a": "每年公开本年度重大行政决策事项目录（及标准）。",
    "I39.a": "重大行政决策草案公开征求意见，期限不少于30日；因情况紧急需要缩短的，须在公告中说明理由。",
    "I39.b": "征求意见结束后公开意见采纳情况和理由。",
    "I54.a": "在行政执法公示专栏公开执法主体、权限、依据、程序、救济渠道、随机抽查事项六类信息。",
    "I54.b": "（提示）执法公示信息每12个月内至少动态调整一次，并注明更新日期。",
    "I57.a": "行政许可、行政处罚决定自作出之日起7个工作日内在网上公开，公开信息写明决定日期。",
    "I57.b": "其他行政执法决定自作出之日起20个工作日内在网上公开，公开信息写明决定日期。",
    "I81.b": "（提示）政务公开清单（标准目录）每12个月内至少更新一次，页面注明更新日期。",
    "I88.a": "在网站提供行政复议网上申请入口。",
    "I89.a": "公开的行政执法决定书须载明申请行政复议的权利、复议机关和申请期限。",
    "I89.b": "公开行政复议接待场所地址，以及受理范围、条件和程序。",
    "I90.b": "每年12月4日宪法宣传周期间发布宪法宣传活动信息。",
    "I98.a": "每年3月31日前，在本单位网站「政府信息公开」或「法治政府建设」栏目公开《关于上一年度法治政府"
             "建设情况的报告》（政府信息公开工作年度报告不能代替）。",
    "I100.a": "每年公开依法行政（法治政府建设）考核情况通报。",
}

_BY_CLASS = {
    "A": "在本单位网站公开「{title}」的相关信息，并确保日期、期限等数值符合要求。",
    "B": "在本单位网站「政府信息公开」或相关专栏公开「{title}」，标题写明文件名称，页面标注发布日期。",
    "C": "此项需人工判断：请整理「{title}」的相关材料并在网站公开，由指挥部办公室复核确认。",
}


def _section(doc: str, names: tuple[str, ...]) -> str:
    """The text of the first docstring section called one of `names` (up to the next section)."""
    matches = list(_SECTION.finditer(doc))
    for i, m in enumerate(matches):
        if m.group(1) in names:
            end = matches[i + 1].start() if i + 1 < len(matches) else len(doc)
            return " ".join(doc[m.end():end].split())
    return ""


@cache
def _rule_docs() -> dict[str, str]:
    try:
        from audit_rules.registry import load_rules

        return {r.meta.check_id: r.doc for r in load_rules()}
    except Exception:  # noqa: BLE001 - a broken rule module must not stop the reports of a stored run
        log.warning("rule docstrings unavailable; using built-in 如何达标 texts", exc_info=True)
        return {}


def rule_how_to_pass(check_id: str) -> str:
    """The rule author's `How to pass:` section as written ('' when the rule or section is missing)."""
    return _section(_rule_docs().get(check_id, ""), ("How to pass",))


@cache
def how_to_pass(check_id: str) -> str:
    """Chinese 「如何达标」 text for a check; never empty."""
    text = _section(_rule_docs().get(check_id, ""), ("如何达标",))
    if text:
        return text
    if check_id in HOW_TO_PASS_ZH:
        return HOW_TO_PASS_ZH[check_id]
    try:
        check = load_catalogue().check(check_id)
    except KeyError:
        return f"请对照检查项 {check_id} 的要求在网站公开相关信息。"
    return _BY_CLASS.get(check.cls, _BY_CLASS["B"]).format(title=check.title.removeprefix("（提示）"))
