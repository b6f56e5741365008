"""公开招标购买公共服务的招标、中标信息 (I20.a).

What it checks: that at least one 招标 / 中标 / 成交 notice of a **service** purchase (服务, 购买服务) by a unit of
this jurisdiction, with 采购方式 公开招标, is published within the audit window. A service notice that does not
state its 采购方式 (e.g. only in an unread attachment) → REVIEW; goods (货物类) and works (工程类) notices and
notices of other methods (竞争性磋商, 询价 …) are no evidence; a notice of another jurisdiction's 采购人 does not
count.

Why it matters: plan item 20 (「通过公开招标方式向社会购买公共服务的相关信息在网上公开」); 《政府信息公开条例》
第二十条(九).

How to pass: publish the 公开招标公告 and 中标（成交）结果公告 of service purchases on the 政府采购网 分网 or the
公共资源交易中心 site, with 采购方式 「公开招标」 stated.
"""

from __future__ import annotations

import re

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import Doc, SiteEvidence
from audit_rules.machinery.find import find, flat, own_names
from audit_rules.machinery.tables import presence_unless
from audit_rules.vocab.services import I20_GOODS_OR_WORKS, I20_OPEN_TENDER, I20_OTHER_METHODS, I20_TENDER
from govaudit.policy import Policy

META = RuleMeta(check_id="I20.a", indicator_id="I20", title="公开招标购买公共服务的招标、中标信息",
                failure_title="未找到以公开招标方式购买公共服务的信息", automation="B",
                columns=("CG",), secondary=("WJ",))


_BUYER = re.compile(r"采购(?:人|单位)(?:信息)?[:：]?\s*(?:名\s*称[:：])?\s*([\u4e00-\u9fa5()（）]{4,40}?)(?=地址|联系|$|[^\u4e00-\u9fa5()（）])")
_PLACE = re.compile(r"^[\u4e00-\u9fa5]{1,7}?[省市县区]")


def buyer_of(doc: Doc) -> str | None:
    """The 采购人 named in the notice (「采购人信息 名称：XX局」, 「采购人：XX局」)."""
    m = _BUYER.search(flat(doc.text))
    return m.group(1) if m else None


def _says(doc: Doc, words: tuple[str, ...]) -> bool:
    text = flat(doc.title + doc.all_text)
    return any(flat(w) in text for w in words)


def not_open_tender(doc: Doc) -> str | None:
    """The 采购方式 is not stated (or only in an attachment the rule could not read): a person decides."""
    return None if _says(doc, I20_OPEN_TENDER) else "R_LOW_CONFIDENCE"


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = [c for c in find(ev, I20_TENDER)
             # goods or works (服务 not near the title) and other procurement methods are no evidence at all
             if (c.score >= 1.0 or not _says(c.doc, I20_GOODS_OR_WORKS))
             and (_says(c.doc, I20_OPEN_TENDER) or not _says(c.doc, I20_OTHER_METHODS))]
    mine = own_names(ev)
    for c in cands:  # rules_spec `a.field: {采购人: <jurisdiction units>}`: a county's 采购人 on the city site
        place = _PLACE.match(buyer_of(c.doc) or "")
        if place and not any(place.group(0).startswith(n) or n.startswith(place.group(0)) for n in mine):
            c.jurisdiction = "other"
    return [presence_unless(ev, META, I20_TENDER, not_open_tender, cands=cands)]
