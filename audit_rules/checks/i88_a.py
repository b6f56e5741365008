"""行政复议网上申请入口 (I88.a).

What it checks: that the 复议机关's site offers a working online application for 行政复议: a page, or a link
(on the homepage or a 行政复议 page) named 网上申请 / 在线申请 / 网上复议 / 复议申请平台…, whose target was fetched
(HTTP 200). An entry the crawl could not verify, or only an e-mail address for applications, is REVIEW.

Why it matters: plan item 88 (「通过行政复议工作平台实现案件网上办理」; 网络检索: 「行政复议案件能够网上办理」);
行政复议法 (2023修订) allows online applications.

How to pass: link the 行政复议网上申请 platform (or the 河南省行政复议网上申请 entry) from the homepage or the
行政复议 column, and keep the link working.
"""

from __future__ import annotations

import re

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import Doc, SiteEvidence
from audit_rules.machinery.find import Candidate, flat, in_columns, jurisdiction_of
from audit_rules.machinery.verdicts import absent, finding_from
from audit_rules.vocab.enforcement import I88_CONTEXT, I88_EMAIL, I88_ONLINE
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I88.a", indicator_id="I88", title="行政复议网上申请入口",
    failure_title="未找到行政复议网上申请入口", automation="B",
    columns=("FY", "HD"), secondary=(),
)

_EMAIL = re.compile(I88_EMAIL, re.I)


def _about_review(doc: Doc) -> bool:
    return in_columns(doc, ("FY",)) or any(w in flat(doc.title) for w in I88_CONTEXT)


def _entry(text: str) -> bool:
    t = flat(text)
    return any(flat(w) in t for w in I88_ONLINE.title_any)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    pages = [d for d in ev.docs if _entry(d.title) and _about_review(d)]
    if pages:  # the platform page itself was fetched: it works
        return [finding_from(META, Verdict.PASS, [], Candidate(pages[0], 1.0, "title", jurisdiction=
                                                               jurisdiction_of(pages[0], ev)))]
    failed = {f.url: f.error_type for f in ev.failures}
    links = [(d, lk) for d in ev.docs if d.page for lk in d.page.links
             if _entry(lk.label) and (any(w in flat(lk.label) for w in I88_CONTEXT) or _about_review(d))]
    working = [(d, lk) for d, lk in links if lk.url in ev.fetched_urls]
    if working:
        d, lk = working[0]
        return [finding_from(META, Verdict.PASS, [], Candidate(d, 1.0, "link", [lk.label], snippet=lk.label),
                             entry_url=lk.url, entry_text=lk.label)]
    if links:  # off-site or broken: the crawl could not see it work
        d, lk = links[0]
        return [finding_from(META, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], Candidate(d, 0.6, "link", [lk.label],
                                                                                    snippet=lk.label),
                             entry_url=lk.url, entry_text=lk.label, entry_error=failed.get(lk.url, "not_fetched"))]
    mails = [(d, m.group(0)) for d in ev.docs if _about_review(d) and (m := _EMAIL.search(d.all_text))]
    if mails:  # an e-mail address is a channel, not an online application system
        d, mail = mails[0]
        return [finding_from(META, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], Candidate(d, 0.5, "body", [mail],
                                                                                    snippet=mail), email=mail)]
    return [absent(ev, META, I88_ONLINE)]
