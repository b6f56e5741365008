"""规范性文件被通报、撤销、认定不合法信息排查 (I32.a).

What it checks: a negative search for a reviewer: pages about 规范性文件 that speak of 通报, 责令改正, 撤销, 纠正,
不合法, 备案审查, 未按程序, 未经合法性审核, 附带审查 … and name this jurisdiction, one of its units or a 文号 of its
inventory. Always REVIEW: with no candidate the reason is R_NOT_FOUND and the details list what was searched, and
the reviewer may then record PASS; the tool never passes a negative claim by itself.

Why it matters: plan item 32 (「确保网上没有因行政规范性文件未按程序制定被通报，或者…被本级人大常委会或者上级行政
机关责令改正或者撤销，被行政复议机关、人民法院认定为不合法的相关信息」); 《立法法》/《监督法》 备案审查.

How to pass: follow every 规范性文件 procedure (评估论证、公开征求意见、合法性审核、集体审议、公开发布) so that no such
通报 exists; a reviewer checks the candidates, the 人大备案审查 reports and court materials.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import flat, own_names
from audit_rules.machinery.normative import find_own, inventory
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import I32_NEGATIVE
from govaudit.policy import Policy

META = RuleMeta(check_id="I32.a", indicator_id="I32", title="规范性文件被通报、撤销、认定不合法信息排查",
                failure_title="需人工排查规范性文件被通报、撤销、认定不合法的信息", automation="C",
                columns=("GFX", "WJ", "FZ"), secondary=("NEWS", "FY"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    # and_any: the page must name this jurisdiction, the site's unit or a 文号 of its own documents
    names = {*own_names(ev), *(f.doc.doc_number for f in inventory(ev).normative if f.doc.doc_number)}
    cands = [c for c in find_own(ev, I32_NEGATIVE)
             if any(flat(n) in flat(c.doc.title) + flat(c.doc.all_text[:50000]) for n in names)]
    searched = sorted({code for d in ev.docs for code in d.column_codes})
    return [review_candidates(ev, META, I32_NEGATIVE, cands=cands, pages_searched=ev.pages_fetched,
                              columns_searched=searched)]
