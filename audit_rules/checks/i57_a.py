"""行政许可、行政处罚决定7个工作日内公开 (I57.a).

What it checks: every 行政许可 and 行政处罚 decision the site publishes (rows of 行政处罚/许可公示 tables and
monthly 双公示 batches, 信用 platform records, single 决定书) is published within 7 working days of the
decision: workdays in (决定日期, 发布日期], counted on the official 调休 calendar. A batch article publishes all
its rows on its own date. Each decision is one document record; the site fails if any decision is late.

Why it matters: plan item 57 (「行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日之内公开」);
国办发〔2018〕118号 (事后公开); 行政处罚法 第四十八条 (only 「具有一定社会影响的」 decisions must be published, so
completeness is not judged, only timeliness) and 第八十五条 (「七日」 are working days).

How to pass: publish each 许可/处罚 decision, with its 决定日期 and 决定文书号, in the 行政执法公示 column or on the
信用 platform no later than the 7th working day after the decision; publish decisions one by one or weekly
rather than in monthly batches. A month without cases can be stated (「本月无行政处罚案件」).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.decisions import (
    Decision,
    collect,
    no_case_statement,
    publish_candidates,
    publish_quality,
)
from audit_rules.machinery.periods import evaluate_lag
from audit_rules.machinery.suspects import suspicion
from audit_rules.machinery.verdicts import iso
from audit_rules.vocab.enforcement import I57_DECISION_PAGES, NO_CASE_SCOPE
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I57.a", indicator_id="I57", title="行政许可、行政处罚决定7个工作日内公开",
    failure_title="行政许可、行政处罚决定未在7个工作日内公开", automation="A",
    columns=("ZF", "XY"), secondary=("GK.FD",), per_document=True,
)

# Verdicts of one decision that a person must look at before the site can pass.
_DOUBT = ("R_DATE_CONFLICT", "R_LOW_CONFIDENCE", "R_BACKDATE_SUSPECT", "R_MIGRATION_SUSPECT")


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    t = policy.thresholds
    # a decision of unknown category is judged here; _record gives it a verdict only if both limits agree
    return judge(ev, policy, META, ("license", "penalty", None), t.I57_license_penalty_max_wd,
                 NO_CASE_SCOPE["license_penalty"], other_max_wd=t.I57_other_max_wd)


def judge(ev: SiteEvidence, policy: Policy, meta: RuleMeta, categories: Sequence[str | None], max_wd: int,
          statement_scope: Sequence[str], other_max_wd: int | None = None) -> list[Finding]:
    """One record per decision of `categories` in the window (rules_spec §5.9), plus the site record."""
    decisions = [d for d in collect(ev) if d.category in categories and _in_window(d, ev.cycle_start)]
    records = [_record(ev, meta, d, max_wd, other_max_wd) for d in decisions]
    return [_site(ev, policy, meta, records, statement_scope), *records]


def _in_window(d: Decision, start: dt.date) -> bool:
    day = d.decision_date or d.publish_date
    return day is None or day >= start


def _record(ev: SiteEvidence, meta: RuleMeta, d: Decision, max_wd: int, other_max_wd: int | None) -> Finding:
    doc = d.doc
    f = Finding(check_id=meta.check_id, verdict=Verdict.REVIEW, scope="document", url=d.url,
                title=doc.title_raw or doc.title, content_sha256=doc.sha256, snippet=d.snippet[:300] or None,
                column_code=next(iter(sorted(doc.column_codes)), None))
    f.details.update(decision_date=iso(d.decision_date), publish_date=iso(d.publish_date),
                     publish_date_source=d.publish_source, decision_category=d.category or "unknown",
                     doc_number=d.doc_number, row_key=d.row_key or d.doc_number, source=d.source,
                     decision_date_label=d.date_label)
    if d.attachment:
        f.details["attachment"] = d.attachment
    if d.copies:
        f.details["copies"] = list(d.copies)
    if d.scanned:
        return f.add("R_SCANNED", "R_DATE_UNPARSED", "R_ATTACHMENT_ONLY")
    result = evaluate_lag(d.decision_date, d.publish_date, max_wd=max_wd, calendar=ev.calendar)
    f.details.update(result.details)
    f.verdict = Verdict(result.verdict)
    f.add(*result.reason_codes)
    f.confidence = round(publish_quality(d.publish_source), 2)
    if result.lag_workdays is None:
        return f  # a missing or impossible date (REVIEW), or no calendar for the year (ERROR)

    def verdict_for(lag: int) -> Verdict:
        if d.category is not None or other_max_wd is None:
            return Verdict.PASS if lag <= max_wd else Verdict.FAIL
        # category unknown: 许可/处罚 (7) or another category (20), decided only where both limits agree
        return Verdict.PASS if lag <= max_wd else Verdict.FAIL if lag > other_max_wd else Verdict.REVIEW

    f.verdict = verdict_for(result.lag_workdays)
    f.reason_codes = {Verdict.FAIL: ["R_LATE"], Verdict.REVIEW: ["R_LOW_CONFIDENCE"]}.get(f.verdict, [])
    if f.verdict == Verdict.FAIL and d.publish_source == "updated":
        # 更新时间 is no earlier than the publication: a PASS on it holds, a FAIL does not
        f.verdict = Verdict.REVIEW
        f.add("R_LOW_CONFIDENCE")
    candidates = publish_candidates(doc) if d.source != "json" and f.verdict != Verdict.REVIEW else {}
    flips = {}
    if candidates and (max(candidates.values()) - min(candidates.values())).days > ev.policy.policy.date_conflict_days:
        for src, day in candidates.items():
            lag = evaluate_lag(d.decision_date, day, max_wd=max_wd, calendar=ev.calendar).lag_workdays
            if lag is not None and verdict_for(lag) != f.verdict:
                flips[src] = day.isoformat()
    if flips:  # sources disagree by > 3 days and the verdict depends on which one is believed (§5.3.3)
        f.verdict = Verdict.REVIEW
        f.details["publish_date_candidates"] = flips
        f.add("R_DATE_CONFLICT")
    # 信用 platforms upload records in bulk, so a burst of one date there is routine, not a migration
    suspects = suspicion(doc, ev, content_year=d.decision_date.year if d.decision_date else None) \
        if d.source in ("table", "text") else []
    for code in suspects:
        f.add(code)
        if f.verdict == Verdict.FAIL or code == "R_BACKDATE_SUSPECT":
            f.verdict = Verdict.REVIEW
    return f


def _site(ev: SiteEvidence, policy: Policy, meta: RuleMeta, records: list[Finding],
          statement_scope: Sequence[str]) -> Finding:
    t = policy.thresholds
    if not records:
        return _nothing_published(ev, policy, meta, statement_scope)
    evaluated = [f for f in records if f.verdict in (Verdict.PASS, Verdict.FAIL)]
    fails = [f for f in evaluated if f.verdict == Verdict.FAIL]
    undated = [f for f in records if "R_DATE_UNPARSED" in f.reason_codes]
    doubtful = [f for f in records if f.verdict == Verdict.REVIEW and any(c in f.reason_codes for c in _DOUBT)]
    errors = [f for f in records if f.verdict == Verdict.ERROR]
    lags = sorted(f.details["lag_workdays"] for f in evaluated)
    summary = {"n_records": len(records), "n_eval": len(evaluated), "n_fail": len(fails),
               "n_undated": len(undated), "ratio": f"{len(evaluated) - len(fails)}/{len(evaluated)}",
               "worst_lag_workdays": lags[-1] if lags else None,
               "median_lag_workdays": statistics.median(lags) if lags else None,
               "missing_date_share": round(len(undated) / len(records), 2)}
    if evaluated and (len(evaluated) - len(fails)) / len(evaluated) < t.I57_min_pass_ratio:
        worst = max(fails, key=lambda f: f.details["lag_workdays"])
        return _from(meta, Verdict.FAIL, worst, ["R_LATE"], summary)
    if len(undated) / len(records) > t.I57_max_missing_date_share:
        codes = ["R_DATE_UNPARSED"] + (["R_SCANNED"] if any("R_SCANNED" in f.reason_codes for f in undated) else [])
        return _from(meta, Verdict.REVIEW, undated[0], codes, summary)
    if doubtful:
        return _from(meta, Verdict.REVIEW, doubtful[0], doubtful[0].reason_codes, summary)
    if errors:
        return _from(meta, Verdict.ERROR, errors[0], errors[0].reason_codes, summary)
    newest = max(evaluated, key=lambda f: f.details["decision_date"], default=None)
    if newest is None:  # only undecidable records under the missing-date share
        return _from(meta, Verdict.REVIEW, records[0], records[0].reason_codes, summary)
    if dt.date.fromisoformat(newest.details["decision_date"]) < ev.as_of - dt.timedelta(days=365):
        # all on time, but nothing from the last 12 months: stopped publishing, or no cases?
        return _from(meta, Verdict.REVIEW, newest, ["R_STALE"], summary)
    return _from(meta, Verdict.PASS, newest, [], summary)


def _from(meta: RuleMeta, verdict: Verdict, pick: Finding, reasons: Sequence[str], summary: dict[str, object]) -> Finding:
    site = Finding(check_id=meta.check_id, verdict=verdict, url=pick.url, title=pick.title,
                   content_sha256=pick.content_sha256, snippet=pick.snippet, confidence=pick.confidence,
                   column_code=pick.column_code, details={**pick.details, **summary})
    return site.add(*reasons)


def _nothing_published(ev: SiteEvidence, policy: Policy, meta: RuleMeta, scope: Sequence[str]) -> Finding:
    """No decision published: the unit may have had no cases, so never FAIL (rules_spec §6 I57)."""
    statement = no_case_statement(ev, scope)
    if statement is not None:
        doc, text = statement
        verdict = Verdict.PASS if policy.policy.no_case_statement_passes else Verdict.REVIEW
        f = Finding(check_id=meta.check_id, verdict=verdict, url=doc.final_url or doc.url, title=doc.title_raw,
                    content_sha256=doc.sha256, snippet=text, details={"no_case_statement": text,
                                                                      "publish_date": iso(doc.publish_date)})
        return f.add("R_NO_CASE_STATEMENT")
    f = Finding(check_id=meta.check_id, verdict=Verdict.REVIEW)
    f.add("R_NOT_FOUND")
    gap = coverage_gap(ev, meta.columns, I57_DECISION_PAGES)
    if not gap.complete:
        f.add("R_COVERAGE_INCOMPLETE")
        f.details["coverage_gaps"] = gap.reasons[:10]
    return f
