"""法治宣传教育活动信息 (I90.a).

What it checks: for every completed calendar year of the window, at least one item on the site about a 法治宣传
教育 activity (普法, 法治宣传, 法律进…, 以案释法, 法治讲座, 民法典宣传, 谁执法谁普法…), dated in that year. A
missing year FAILs for governments after complete coverage and is REVIEWed for departments.

Why it matters: plan item 90 (「广泛开展形式多样、生动活泼的法治宣传教育活动」; 网络检索: 「网上能查询到开展…法治
宣传教育活动信息」).

How to pass: report the year's 普法 / 法治宣传 activities on the site (工作动态 or 普法 column) every year.
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Lexicon, find
from audit_rules.machinery.periods import deadline_date
from audit_rules.machinery.verdicts import aggregate, completed_years, presence
from audit_rules.vocab.enforcement import I90_ACTIVITY
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I90.a", indicator_id="I90", title="法治宣传教育活动信息",
    failure_title="未找到当年法治宣传教育活动信息", automation="B",
    columns=("PF", "NEWS"), secondary=("FZ", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [yearly(ev, META, I90_ACTIVITY)]


def yearly(ev: SiteEvidence, meta: RuleMeta, lex: Lexicon, *, window: tuple[str, str] | None = None,
           department_review: bool = True, empty_year_review: bool = False) -> Finding:
    """Per year (rules_spec §5.9): ≥ 1 item dated in the year, or inside its `window` (MM-DD, MM-DD). Completed
    years are judged; the current year only counts once it passes. The site record is the worst year.

    `empty_year_review`: a year may rightly have nothing (I90.c: no appointments, no 宪法宣誓), so an empty year
    is REVIEW, never FAIL."""
    cands = find(ev, lex)

    def year_finding(year: int) -> Finding:
        start, end = ((dt.date(year, 1, 1), dt.date(year, 12, 31)) if window is None
                      else (deadline_date(year, window[0]), deadline_date(year, window[1])))
        # undated strong candidates stay in: presence() makes them REVIEW R_DATE_UNPARSED, never a FAIL
        in_year = [c for c in cands if c.date is None or start <= c.date <= end]
        f = presence(ev, meta, lex, since=start, cands=in_year, department_review=department_review)
        f.details.update(year=year, window=[start.isoformat(), end.isoformat()])
        return f

    rows = [year_finding(y) for y in completed_years(ev)]
    if empty_year_review:  # rules_spec §6 I90.c: none → REVIEW (a year may rightly have no ceremony)
        for f in rows:
            if f.verdict == Verdict.FAIL:
                f.verdict = Verdict.REVIEW
    current = year_finding(ev.as_of.year)
    if current.verdict == Verdict.PASS:
        rows.append(current)
    pending = Finding(check_id=meta.check_id, verdict=Verdict.PENDING, details={"year": ev.as_of.year})
    site = aggregate(meta, rows, empty=pending.add("R_NOT_DUE"))
    site.details["years"] = {str(f.details["year"]): f.verdict.value for f in rows}
    return site
