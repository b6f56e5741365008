"""行政复议受理范围、条件、程序公开 (I88.b).

What it checks: that the 复议机关's 行政复议指南 / 须知 (taken together) states the 受理范围, the 申请条件 and
the 申请程序 (or 流程图).

Why it matters: plan item 88 (网络检索: 「行政复议案件受理范围、条件、程序等在网上公开」); plan item 89
(「在网站…公开受理行政复议案件的范围、条件、程序等事项」).

How to pass: publish a 行政复议指南 with sections on 受理范围, 申请条件 and 申请程序 (with the 流程图) in the
行政复议 column.
"""

from __future__ import annotations

import re
from typing import Any

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import Lexicon, find, flat
from audit_rules.machinery.verdicts import absent, candidate_list, components_present, finding_from, site_text
from audit_rules.vocab.enforcement import I88_COMPONENTS, I88_GUIDE
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I88.b", indicator_id="I88", title="行政复议受理范围、条件、程序公开",
    failure_title="行政复议受理范围、条件、程序未在网上公开完整", automation="B",
    columns=("FY",), secondary=("HD", "ZW"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [guide_finding(ev, META, I88_GUIDE, I88_COMPONENTS)]


def guide_finding(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, components: dict[str, tuple[str, ...]],
                  patterns: dict[str, str] | None = None) -> Finding:
    """Components (terms, or regex `patterns`) over the unit's 复议 guides taken together: PASS all present; FAIL
    R_COMPONENT_MISSING after coverage; REVIEW for weak matches, scans or an incomplete crawl."""
    cands = [c for c in find(ev, lex) if c.jurisdiction == "own"]
    strong = [c for c in cands if c.score >= 1.0]
    if not strong:
        if cands:
            return finding_from(meta, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], cands[0], candidates=candidate_list(cands))
        return absent(ev, meta, lex)
    text = site_text(strong)
    found = components_present(text, components)
    found.update({name: bool(re.search(p, flat(text))) for name, p in (patterns or {}).items()})
    missing = [name for name, ok in found.items() if not ok]
    details: dict[str, Any] = {"components": found, "candidates": candidate_list(strong)}
    if not missing:
        return finding_from(meta, Verdict.PASS, [], strong[0], **details)
    details["missing"] = missing
    scans = [a.url for c in strong for a in c.doc.attachments if a.scanned]
    if scans:
        return finding_from(meta, Verdict.REVIEW, ["R_COMPONENT_MISSING", "R_SCANNED"], strong[0], scanned=scans,
                            **details)
    gap = coverage_gap(ev, meta.columns, lex)
    if not gap.complete:
        return finding_from(meta, Verdict.REVIEW, ["R_COMPONENT_MISSING", "R_COVERAGE_INCOMPLETE"], strong[0],
                            coverage_gaps=gap.reasons[:10], **details)
    verdict = Verdict.REVIEW if ev.party_or_npc else Verdict.FAIL
    return finding_from(meta, verdict, ["R_COMPONENT_MISSING"], strong[0], **details)
