"""重大行政决策事项、依据、结果公开 (I38.a).

What it checks: for each item of each published 重大行政决策事项目录, candidate decision documents for a
reviewer: title similar to the item name (≥ 0.6, §5.7 scoring), published after the 目录, with a note whether the
text states its 依据 (「根据《…》」). Always REVIEW: what counts as a decision's 「结果」 is a judgement call. With no
目录 or no candidate the reason is R_NOT_FOUND.

Why it matters: plan item 38 (「决策事项、依据和结果全部公开」; 网络检索: 「…重大行政决策事项、依据、结果在网上
公开」); 《重大行政决策程序暂行条例》 第三十二条.

How to pass: publish every decision on a 目录 item with its 依据 and result (the document, or a 决策结果 notice);
a reviewer confirms each item.
"""

from __future__ import annotations

import re
from typing import Any

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import DOC_KINDS, Candidate, flat
from audit_rules.machinery.matching import similarity
from audit_rules.machinery.normative import candidate, inventory, merge
from audit_rules.machinery.verdicts import iso, review_candidates
from audit_rules.vocab.normative import I36_CATALOGUE, I38_BASIS, I38_ITEM_SIMILARITY
from govaudit.policy import Policy

META = RuleMeta(check_id="I38.a", indicator_id="I38", title="重大行政决策事项、依据、结果公开",
                failure_title="重大行政决策事项、依据、结果公开情况需人工确认", automation="C",
                columns=("JC", "WJ", "GFX", "JD"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    inv = inventory(ev)
    # a notice, its feedback, a 解读 or another 目录 is not the decision itself
    not_results = {id(d) for d in [*(n.doc for n in inv.notices), *inv.feedback, *inv.interpretations,
                                   *(c.doc for c in inv.catalogues)]}
    found: list[Candidate] = []
    per_item: list[dict[str, Any]] = []
    for cat in inv.catalogues:
        since = cat.doc.publish_date
        for item in cat.items:
            ranked: list[tuple[float, Candidate]] = []
            for doc in ev.docs:
                if doc.kind not in DOC_KINDS or id(doc) in not_results or (
                        since and doc.publish_date and doc.publish_date < since):
                    continue
                score = similarity(item, doc.title_raw)
                if score >= I38_ITEM_SIMILARITY:
                    ranked.append((score, candidate(doc, ev, score, "title", [item])))
            ranked.sort(key=lambda p: -p[0])
            found.extend(c for _, c in ranked[:3])
            per_item.append({"item": item, "catalogue": cat.doc.title_raw, "year": cat.year, "candidates": [
                {"url": c.doc.url, "title": c.doc.title_raw, "score": s, "publish_date": iso(c.doc.publish_date),
                 "basis_stated": bool(re.search(I38_BASIS, flat(c.doc.all_text[:5000])))} for s, c in ranked[:3]]})
    return [review_candidates(ev, META, I36_CATALOGUE, cands=merge(found), items=per_item or None)]
