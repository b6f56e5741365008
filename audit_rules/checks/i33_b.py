"""每2年至少1次后评估 (I33.b).

What it checks: two-year windows anchored at 2016 ([2016–17], [2018–19], [2020–21] …; the plan's own
「2016年以来」 window, which `cycle_start` does not move — rules_spec §5.9): every completed window needs at least
one published 后评估 result (I33.a's lexicon) with a 发布日期 inside it. A missing completed window → FAIL for a
government site after a complete crawl (the crawler follows the authoritative columns back to 2014), REVIEW for a
department or when a column was not fully crawled; the current window → PENDING until it ends (PASS as soon as a
result appears). Site verdict: rules_spec §2.5 rule 1 over the windows.

Why it matters: plan item 33 (「每2年至少开展1次地方政府规章或者行政规范性文件后评估，评估结果向社会公布」);
《规章制定程序条例》 第三十八条.

How to pass: evaluate at least one 规章 or 规范性文件 in every two-year period and publish the 后评估报告 within it.
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate
from audit_rules.machinery.normative import find_own
from audit_rules.machinery.verdicts import absent, aggregate, finding_from
from audit_rules.vocab.normative import I33_EVALUATION, I33_SINCE, I33_WINDOW_YEARS
from govaudit.policy import Policy

META = RuleMeta(check_id="I33.b", indicator_id="I33", title="每2年至少1次后评估",
                failure_title="存在未开展（未公开）后评估的两年周期", automation="A",
                columns=("FZ", "GFX", "GZ"), secondary=("WJ", "NEWS"))


def windows(ev: SiteEvidence) -> list[tuple[dt.date, dt.date]]:
    out = []
    for y0 in range(I33_SINCE, ev.as_of.year + 1, I33_WINDOW_YEARS):
        out.append((dt.date(y0, 1, 1), dt.date(y0 + I33_WINDOW_YEARS - 1, 12, 31)))
    return out


def _window(ev: SiteEvidence, cands: list[Candidate], start: dt.date, end: dt.date) -> Finding:
    label = f"{start.year}–{end.year}"
    inside = [c for c in cands if c.date and start <= c.date <= end]
    strong = sorted((c for c in inside if c.score >= 1.0 and c.jurisdiction == "own"), key=lambda c: c.date or end)
    if strong:
        return finding_from(META, Verdict.PASS, [], strong[0], window=label, results=len(strong))
    if end >= ev.as_of:
        return Finding(check_id=META.check_id, verdict=Verdict.PENDING, details={"window": label}).add("R_NOT_DUE")
    if inside:
        code = "R_WRONG_JURISDICTION" if inside[0].jurisdiction == "other" else "R_LOW_CONFIDENCE"
        return finding_from(META, Verdict.REVIEW, [code], inside[0], window=label)
    return absent(ev, META, I33_EVALUATION, department_review=True, window=label)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find_own(ev, I33_EVALUATION)
    rows = [_window(ev, cands, s, e) for s, e in windows(ev)]
    judged = [r for r in rows if r.verdict != Verdict.PENDING] or rows  # PENDING only when nothing else
    site = aggregate(META, judged, empty=Finding(check_id=META.check_id, verdict=Verdict.NA))
    site.details["windows"] = {r.details.get("window"): r.verdict.value for r in rows}
    return [site]
