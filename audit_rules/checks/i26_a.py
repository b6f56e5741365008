"""规章草案征求意见期不少于30日 (I26.a).

What it checks: every 政府规章 (人民政府令) and 地方性法规 (…条例) enacted in the audit window, linked to its
draft notice(s) by title (§5.7: core title, jieba token-set ratio / 3-gram score, draft before final, ≤ 730
days). Each public round (one document record per notice page) is judged on its effective online period
(from the later of the stated start and the 发布日期, natural days, inclusive by default) against
`I26_min_natural_days` (30), reading the period from the body, then 意见征集 fields, then attachments. A round
passes only with its 说明 (「草案及其说明」), else REVIEW R_COMPONENT_MISSING. An instrument passes if any public
round passes (a 人大 second-round notice of 12 days does not fail an instrument whose first round ran 30 days);
it fails R_PERIOD_SHORT when every round is short without an urgency explanation; borderline counts, late
posting, 「因情况紧急」, scanned or date-conflicting notices go to a reviewer. Draft rounds not linked to any
enacted instrument are judged as items too. A 规章 without any draft notice → FAIL R_NOT_FOUND after a complete
crawl; a 地方性法规 without one → REVIEW (市人大 consults on its own site, which is audited separately). Nothing
enacted and no draft on the site → REVIEW R_NOT_FOUND: the tool cannot prove that nothing was enacted.

Why it matters: plan item 26 (「出台的地方性法规、规章草案及其说明通过网络向社会公开征求意见期限不少于30日」);
《规章制定程序条例》 第十五条第二款, 第二十一条第二款 (「一般不少于30日」); 《优化营商环境条例》 第六十二条.

How to pass: publish every 规章/法规 draft with its 起草说明 in the 意见征集 column for at least 30 days of online
availability, stating the period with dates (「征求意见时间为2024年3月1日至3月31日」).
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import (
    Final,
    consultation,
    in_cycle,
    inventory,
    missing_item,
    nothing_to_judge,
    without_draft,
)
from audit_rules.machinery.verdicts import aggregate
from audit_rules.vocab.normative import I26_DRAFT
from govaudit.policy import Policy

META = RuleMeta(check_id="I26.a", indicator_id="I26", title="规章草案征求意见期不少于30日",
                failure_title="规章（法规）草案征求意见期不足30日", automation="A",
                columns=("ZJ", "GZ", "FG"), secondary=("WJ", "FZ"), per_document=True)


def _missing(ev: SiteEvidence, final: Final) -> Finding:
    if final.kind == "local_law":
        return missing_item(META, final, Verdict.REVIEW, why="地方性法规草案通常由市人大常委会在其网站征求意见")
    return without_draft(ev, META, I26_DRAFT, final)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    finals = [f for f in inventory(ev).instruments if in_cycle(f, ev)]
    rows, documents = consultation(
        ev, policy, META, "rule", finals, min_days=policy.thresholds.I26_min_natural_days, unit="natural",
        missing=lambda f: _missing(ev, f), require_explanation=True, earlier_round_lenient=True,
        drafts_are_items=False)
    empty = nothing_to_judge(ev, META, I26_DRAFT, "未找到审计期内出台的规章、地方性法规或其草案征求意见")
    return [aggregate(META, rows, empty=empty), *documents]
