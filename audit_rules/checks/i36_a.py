"""年度重大行政决策事项目录、标准公开 (I36.a).

What it checks: for every year Y of the audit window, that the unit published its 重大行政决策事项目录 for Y (the
year in the title, else the 发布日期's year; an adjustment 「调整…目录」 counts). A published statement that the
year has no 重大行政决策事项 passes too (flagged; `no_case_statement_passes`). A 目录 without its 标准 (in the
notice or a separate 事项标准) → REVIEW R_COMPONENT_MISSING. Whether it says 「经…党委同意」 is recorded. The
current year is PENDING until `catalog_due` (06-30, not statutory); a completed year without a 目录 after a
complete crawl → FAIL. Site verdict: the worst year (PENDING only when nothing else was judged).

Why it matters: plan item 36 (「制定重大行政决策事项目录、标准，向社会公开，并根据实际情况调整」);
《重大行政决策程序暂行条例》 第三条第三款 (「经同级党委同意后向社会公布」), 第四十二条 (departments 参照执行).

How to pass: publish each year's 目录 (with the 标准 used to draw it up) in the 重大行政决策 column early in the year.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate
from audit_rules.machinery.normative import catalogue_of, find_own
from audit_rules.machinery.periods import deadline_date
from audit_rules.machinery.verdicts import absent, aggregate, finding_from, window_years
from audit_rules.vocab.normative import I36_CATALOGUE, I36_STANDARD_DOC
from govaudit.policy import Policy

META = RuleMeta(check_id="I36.a", indicator_id="I36", title="年度重大行政决策事项目录、标准公开",
                failure_title="未公开年度重大行政决策事项目录", automation="B",
                columns=("JC", "GK.FD", "WJ"), secondary=("NEWS",))


def _year(ev: SiteEvidence, policy: Policy, year: int, cands: list[Candidate], separate_standard: bool) -> Finding:
    mine = [c for c in cands if catalogue_of(c.doc).year == year]
    strong = [c for c in mine if c.score >= 1.0 and c.jurisdiction == "own"]
    if strong:
        best = min(strong, key=lambda c: c.date or ev.as_of)
        cat = catalogue_of(best.doc)
        details = {"year": year, "party_consent": cat.party_consent, "items": cat.items[:30] or None,
                   "standard_published": cat.standard or separate_standard}
        if cat.no_items:
            ok = policy.policy.no_case_statement_passes
            return finding_from(META, Verdict.PASS if ok else Verdict.REVIEW, [] if ok else ["R_NEEDS_JUDGEMENT"],
                                best, no_items_statement=True, **details)
        if not (cat.standard or separate_standard):
            return finding_from(META, Verdict.REVIEW, ["R_COMPONENT_MISSING"], best, **details)
        return finding_from(META, Verdict.PASS, [], best, **details)
    if year == ev.as_of.year and ev.as_of <= deadline_date(year, policy.policy.catalog_due):
        return Finding(check_id=META.check_id, verdict=Verdict.PENDING,
                       details={"year": year, "due": deadline_date(year, policy.policy.catalog_due).isoformat()}
                       ).add("R_NOT_DUE")
    if mine:
        code = "R_WRONG_JURISDICTION" if mine[0].jurisdiction == "other" else "R_LOW_CONFIDENCE"
        return finding_from(META, Verdict.REVIEW, [code], mine[0], year=year)
    return absent(ev, META, I36_CATALOGUE, year=year)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find_own(ev, I36_CATALOGUE)
    separate_standard = any(c.score >= 1.0 and c.jurisdiction == "own" for c in find_own(ev, I36_STANDARD_DOC))
    rows = [_year(ev, policy, y, cands, separate_standard) for y in window_years(ev)]
    judged = [r for r in rows if r.verdict != Verdict.PENDING] or rows  # PENDING only when nothing else
    site = aggregate(META, judged, empty=Finding(check_id=META.check_id, verdict=Verdict.NA))
    site.details["years"] = {str(r.details.get("year")): r.verdict.value for r in rows}
    return [site]
