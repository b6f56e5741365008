"""（提示）涉市场主体文件征求意见不少于30日 (I27.c).

What it checks: among the 规范性文件 drafts that were put out for comment (I27.a's items), those 「与市场主体生产
经营活动密切相关」 (≥ 2 of 企业, 市场主体, 经营, 营商, 产业, 招商, 市场准入, 收费, 价格 in the final document, or in
the notice when no final is linked): PASS if a public round ran `I27c_market_min_natural_days` (30) natural
days online, else FAIL R_PERIOD_SHORT + R_ADVISORY (borderline and urgency cases → REVIEW). Advisory: a flag in
the gap report that never changes the indicator verdict. No such draft → NA.

Why it matters: 《优化营商环境条例》 第六十二条 (市场主体相关规范性文件征求意见「一般不少于30日」); later editions
of the 市县法治政府建设示范指标体系 make 30 days the standard for these documents.

How to pass: keep drafts that concern enterprises open for comment for at least 30 days online.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.checks.i27_a import in_scope
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import Item, consultation, market_terms
from audit_rules.machinery.verdicts import aggregate
from audit_rules.vocab.normative import I27_MARKET_MIN
from govaudit.policy import Policy

META = RuleMeta(check_id="I27.c", indicator_id="I27", title="（提示）涉市场主体文件征求意见不少于30日",
                failure_title="涉市场主体的规范性文件征求意见期不足30日", automation="A", advisory=True,
                columns=("ZJ", "GFX", "WJ"))


def _market(item: Item) -> bool:
    doc = item.final.doc if item.final is not None else item.rounds[0].doc
    return len(market_terms(doc)) >= I27_MARKET_MIN


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    rows, _ = consultation(ev, policy, META, "normative", in_scope(ev),
                           min_days=policy.thresholds.I27c_market_min_natural_days, unit="natural",
                           missing=lambda f: None, relevant=lambda item: bool(item.rounds) and _market(item))
    for row in rows:
        if row.verdict != Verdict.PASS:
            row.add("R_ADVISORY")
    empty = Finding(check_id=META.check_id, verdict=Verdict.NA,
                    details={"why": "未找到与市场主体密切相关且公开征求意见的规范性文件"})
    return [aggregate(META, rows, empty=empty)]
