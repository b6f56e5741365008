"""执法文书载明行政复议权利告知 (I89.a).

What it checks: the most recent published full-text 决定书 (行政处罚、不予许可、行政强制…; at most
`I89a_sample`, default 10) each tell the party of the right to 行政复议: a sentence like 「如不服本决定，可以在
收到本决定书之日起六十日内向平顶山市人民政府申请行政复议」 that names the 复议机关 (…人民政府 / …局) and the period
(六十日 / 60日 / 两个月).

Why it matters: plan item 89 (「在行政处罚、行政许可等…行政执法文书中，依法实施行政复议权利告知制度」);
行政处罚法 第五十九条 (决定书载明「申请行政复议、提起行政诉讼的途径和期限」); 行政复议法 第九条 (六十日).

How to pass: end every 决定书 with the 复议 and 诉讼 notice naming the 复议机关 and the 六十日 period, and publish
the 决定书 as text (a PDF with a text layer or an HTML page), not only as a scan or a summary table.
"""

from __future__ import annotations

import datetime as dt
import re

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.decisions import Decision, collect
from audit_rules.machinery.find import flat
from audit_rules.machinery.verdicts import iso
from audit_rules.vocab.enforcement import I57_DECISION_PAGES, I89_BODY, I89_NOTICE, I89_PERIOD
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I89.a", indicator_id="I89", title="执法文书载明行政复议权利告知",
    failure_title="公开的执法决定书未载明行政复议权利告知（复议机关、期限）", automation="A",
    columns=("ZF",), secondary=("XY", "GK.FD"),
)

_NOTICE = re.compile(I89_NOTICE)
_BODY = re.compile(I89_BODY)
_PERIOD = re.compile(I89_PERIOD)


def notice_parts(text: str) -> dict[str, bool]:
    """Appendix A P_FUYI, then a 复议机关 and a period in that sentence (the period may follow it closely)."""
    t = flat(text)
    m = _NOTICE.search(t)
    if m is None:
        return {"告知": False, "复议机关": False, "期限": False}
    return {"告知": True, "复议机关": bool(_BODY.search(m.group(0))),
            "期限": bool(_PERIOD.search(t, m.start(), m.end() + 40))}


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    # enforcement decisions only: a 行政复议决定书 names the court to sue next, not a 复议 right (§6 I89.a)
    texts = [d for d in collect(ev, sources=("text",)) if _in_window(d, ev.cycle_start) and not _review_decision(d)]
    readable = [d for d in texts if not d.scanned and d.text.strip()]
    scanned = [d.attachment or d.url for d in texts if d.scanned]
    sample = sorted(readable, key=lambda d: d.publish_date or d.decision_date or dt.date.min,
                    reverse=True)[: policy.thresholds.I89a_sample]
    if not sample:
        return [_nothing_readable(ev, scanned)]
    rows = [(d, notice_parts(d.text)) for d in sample]
    failing = [(d, parts) for d, parts in rows if not all(parts.values())]
    pick, parts = failing[0] if failing else rows[0]
    f = Finding(check_id=META.check_id, verdict=Verdict.FAIL if failing else Verdict.PASS, url=pick.url,
                title=pick.doc.title_raw, content_sha256=pick.doc.sha256, snippet=_snippet(pick.text),
                column_code=next(iter(sorted(pick.doc.column_codes)), None))
    f.details.update(checked=len(sample), failing=[{"url": d.url, "doc_number": d.doc_number, "attachment": d.attachment,
                                                    "missing": [k for k, ok in p.items() if not ok]}
                                                   for d, p in failing],
                     components=parts, doc_number=pick.doc_number, publish_date=iso(pick.publish_date),
                     ratio=f"{len(sample) - len(failing)}/{len(sample)}")
    if scanned:
        f.details["scanned"] = scanned  # not readable, so not in the sample
    return [f.add("R_COMPONENT_MISSING")] if failing else [f]


def _review_decision(d: Decision) -> bool:
    label = f"{d.doc.title_raw} {d.doc_number or ''}"
    return any(t in label for t in ("复议决定书", "复决字", "复议终止", "驳回行政复议"))


def _in_window(d: Decision, start: dt.date) -> bool:
    day = d.publish_date or d.decision_date
    return day is None or day >= start


def _snippet(text: str) -> str:
    t = " ".join(text.split())
    m = re.search(r"(?:如不服|对本决定不服|如对本决定不服|行政复议)", t)
    return t[max(0, m.start() - 20): m.start() + 160] if m else t[-200:]


def _nothing_readable(ev: SiteEvidence, scanned: list[str]) -> Finding:
    """No full text to read: scans, summary tables only, or nothing at all → a person looks (never FAIL)."""
    f = Finding(check_id=META.check_id, verdict=Verdict.REVIEW)
    if scanned:
        f.details["scanned"] = scanned[:10]
        return f.add("R_SCANNED")
    summaries = collect(ev, sources=("table", "record", "json"))
    f.add("R_NOT_FOUND")
    if summaries:
        f.url, f.title = summaries[0].url, summaries[0].doc.title_raw
        f.details["why"] = "仅公开了执法决定摘要（公示表格），未公开决定书全文"
        f.details["summary_records"] = len(summaries)
        return f
    gap = coverage_gap(ev, META.columns, I57_DECISION_PAGES)
    if not gap.complete:
        f.add("R_COVERAGE_INCOMPLETE")
        f.details["coverage_gaps"] = gap.reasons[:10]
    return f
