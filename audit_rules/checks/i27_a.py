"""规范性文件征求意见期不少于7个工作日 (I27.a).

What it checks: every 行政规范性文件 of the unit enacted in the audit window (the shared inventory, §5.7 typing;
internal documents are out of scope), linked to its draft notice(s) by title (§5.7). Each public round (one
document record per notice page) is judged on working days of its effective online period on the 调休 calendar
(inclusive) against `I27_min_working_days` (7): 2021-09-27…10-08 is 5 WD → FAIL R_PERIOD_SHORT, 2021-09-24…10-08
is 7 WD but only 6 when day one is not counted → REVIEW R_BORDERLINE (`strict_review`). The period is read from
the body, then 意见征集 fields, then attachments (R_ATTACHMENT_ONLY; a scanned attachment → R_SCANNED). A
document passes if any public round passes; 「因情况紧急」 shortening, late posting, date conflicts → REVIEW.
Draft rounds not linked to an enacted document are judged as items too. A high-impact document (≥ 2 impact
terms, or a 办法/规定/细则) with no draft notice → FAIL R_NOT_FOUND after a complete crawl; other documents
without one, uncertain typing or an incomplete crawl → REVIEW. No 规范性文件 and no notice at all → REVIEW
R_NOT_FOUND: a unit may issue none in the window, which I29.a judges, and this check has nothing to measure.

Why it matters: plan item 27 (「对公民、法人和其他组织权利义务有重大影响…的行政规范性文件通过网络向社会公开征求
意见，期限不少于7个工作日」); 国办发〔2018〕37号 (广泛征求意见).

How to pass: publish the draft of every such 规范性文件 in the 意见征集 column before adopting it, open for at least
7 working days online, with the period stated in dates.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import (
    Final,
    consultation,
    impact,
    in_cycle,
    inventory,
    is_internal,
    missing_item,
    nothing_to_judge,
    without_draft,
)
from audit_rules.machinery.verdicts import aggregate
from audit_rules.vocab.normative import I27_DRAFT
from govaudit.policy import Policy

META = RuleMeta(check_id="I27.a", indicator_id="I27", title="规范性文件征求意见期不少于7个工作日",
                failure_title="规范性文件征求意见期不足7个工作日或未公开征求意见", automation="A",
                columns=("ZJ", "GFX", "WJ"), per_document=True)


def in_scope(ev: SiteEvidence) -> list[Final]:
    return [f for f in inventory(ev).normative if in_cycle(f, ev) and not is_internal(f.doc)]


def _missing(ev: SiteEvidence, final: Final) -> Finding:
    hits, high = impact(final.doc)
    if final.typing.label != "normative":
        return missing_item(META, final, Verdict.REVIEW, "R_LOW_CONFIDENCE", impact_terms=hits)
    if not high:
        return missing_item(META, final, Verdict.REVIEW, impact_terms=hits, high_impact=False)
    return without_draft(ev, META, I27_DRAFT, final, impact_terms=hits, high_impact=True)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    rows, documents = consultation(ev, policy, META, "normative", in_scope(ev),
                                   min_days=policy.thresholds.I27_min_working_days, unit="working",
                                   missing=lambda f: _missing(ev, f))
    empty = nothing_to_judge(ev, META, I27_DRAFT, "未找到审计期内的规范性文件或其草案征求意见")
    return [aggregate(META, rows, empty=empty), *documents]
