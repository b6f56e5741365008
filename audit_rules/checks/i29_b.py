"""（提示）规范性文件成文后20个工作日内公开 (I29.b).

What it checks: for every 规范性文件 of the inventory since 2019-01-01, the disclosure lag from its
成文日期 (metadata, else the 落款) to its 发布日期, in working days on the 调休 calendar with the written day not
counted: ≤ `I29b_publish_lag_max_wd` (20) → PASS, more → FAIL R_LATE + R_ADVISORY. A missing date is REVIEW
R_DATE_UNPARSED; a date a site migration or back-dating may have moved is REVIEW. Advisory: the result is a flag in
the gap report and never changes the indicator verdict. No 规范性文件 on the site → NA (I29.a reports that).

Why it matters: 《政府信息公开条例》 第二十六条 (「自该政府信息形成或者变更之日起20个工作日内及时公开」); plan
item 29 (「向社会公开发布」 as a step of every 规范性文件's procedure).

How to pass: publish each 规范性文件 within 20 working days of signing it, with both dates visible (成文日期 in
the metadata or the 落款, 发布日期 in the metadata).
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import Final, inventory
from audit_rules.machinery.periods import evaluate_lag
from audit_rules.machinery.suspects import suspicion
from audit_rules.machinery.verdicts import aggregate, doc_details, in_window
from audit_rules.vocab.normative import I29_SINCE
from govaudit.policy import Policy

META = RuleMeta(check_id="I29.b", indicator_id="I29", title="（提示）规范性文件成文后20个工作日内公开",
                failure_title="规范性文件成文后超过20个工作日才公开", automation="A", advisory=True,
                columns=("GFX", "WJ"))


def _row(ev: SiteEvidence, policy: Policy, f: Final) -> Finding:
    doc = f.doc
    lag = evaluate_lag(doc.written_date, doc.publish_date, max_wd=policy.thresholds.I29b_publish_lag_max_wd,
                       calendar=ev.calendar)
    row = Finding(check_id=META.check_id, verdict=Verdict(lag.verdict), url=f.url, title=doc.title_raw,
                  content_sha256=doc.sha256, snippet=doc.title_raw, confidence=doc.quality,
                  column_code=next(iter(sorted(doc.column_codes)), None),
                  details={**doc_details(doc), **lag.details, "written_date_source": doc.written_source})
    row.add(*lag.reason_codes)
    if row.verdict == Verdict.FAIL:
        row.add("R_ADVISORY")
        # a lag of years is usually a migrated or back-dated 发布日期, not a late publication
        codes = suspicion(doc, ev, content_year=doc.written_date.year if doc.written_date else None)
        if codes:
            row.verdict = Verdict.REVIEW
            row.add(*codes)
    return row


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    docs = [f for f in inventory(ev).normative
            if f.typing.label == "normative" and in_window(f.enacted, dt.date(I29_SINCE, 1, 1), ev.as_of)]
    rows = [_row(ev, policy, f) for f in docs]
    empty = Finding(check_id=META.check_id, verdict=Verdict.NA, details={"why": "未找到2019年以来的规范性文件"})
    site = aggregate(META, rows, empty=empty,
                     late=[{"url": r.url, "title": r.title, "lag_workdays": r.details.get("lag_workdays")}
                           for r in rows if "R_LATE" in r.reason_codes][:50] or None)
    return [site]
