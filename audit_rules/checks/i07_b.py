"""权责清单部门覆盖率100% (I07.b).

What it checks: coverage = 政府工作部门 with a 权责清单 / 政府工作部门 in the roster; PASS iff 100 %, FAIL otherwise
(the missing departments are listed). The rule only sees the crawled site, so the roster is what the site
itself shows: the department names on its 机构设置 / 政府工作部门 page (vertical, party, 人大/政协 units left out),
or else the departments the consolidated 权责清单 names (its per-department documents 「市XX局权责清单」,
attachments, sheets, 部门 column and headed sections) together with the count it declares (「市政府40个工作部门
权责清单」). A department has a list when its document, attachment, sheet, rows or section holds items.

Decisions: a roster department without a list → FAIL after complete coverage (REVIEW when the crawl was
incomplete, or when a consolidated list names no departments and may hold theirs). A list that cannot be read
(scanned, failed link) → REVIEW. All listed but the roster comes from the lists alone (no 机构设置 page, no
declared count) → REVIEW: that is not proof that no department is missing. No roster at all → REVIEW; no list
at all → FAIL after complete coverage.

Why it matters: plan item 7 (「全部政府工作部门的权责清单、公共服务事项清单在网上公开」); rules_spec §1.3 (one
missing department makes the indicator fail); 中办发〔2015〕21号.

How to pass: publish every 政府工作部门's 权责清单 (a document, attachment or sheet per department) in the
权责清单 column, and keep the 机构设置 page listing the 政府工作部门 current.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find
from audit_rules.machinery.tables import doubt_about_missing, roster_of
from audit_rules.machinery.verdicts import finding_from, presence
from audit_rules.vocab.services import I07_POWER_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I07.b", indicator_id="I07", title="权责清单部门覆盖率100%",
                failure_title="部分政府工作部门未公开权责清单", automation="A",
                columns=("QZ", "GK.FD", "JG"), secondary=("WJ",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    r = roster_of(ev)
    cands = [c for c in find(ev, I07_POWER_LIST) if c.score >= 1.0 and c.jurisdiction == "own"]
    expected = r.expected
    if not expected and r.declared is None:
        if not cands:
            return [presence(ev, META, I07_POWER_LIST)]  # no list at all: FAIL after complete coverage
        return [finding_from(META, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], cands[0], roster="未能从网站确定政府工作部门名单")]
    present = [k for k in expected if r.lists.get(k) and r.lists[k].status == "ok"]
    unread = [k for k in expected if r.lists.get(k) and r.lists[k].reason]
    missing = [k for k in expected if k not in present and k not in unread]
    size = len(expected) if r.departments else max(len(expected), r.declared or 0)
    short = size - len(present) - len(unread)  # includes departments a declared count implies but nobody names
    f = finding_from(META, Verdict.PASS, [], cands[0] if cands else None,
                     roster_source="机构设置" if r.departments else "清单自身", roster_url=r.roster_url,
                     roster=list(expected.values()), declared=r.declared, count_value=len(present),
                     roster_size=size, ratio=f"{len(present)}/{size}",
                     missing=[expected[k] for k in missing], unreadable=[expected[k] for k in unread])
    if short > 0:
        doubts = doubt_about_missing(ev, r, META.columns)
        f.verdict = Verdict.REVIEW if doubts else Verdict.FAIL
        return [f.add(*(doubts or ["R_THRESHOLD", "R_NOT_FOUND"]))]
    if unread:
        f.verdict = Verdict.REVIEW
        return [f.add(*sorted({r.lists[k].reason or "R_LOW_CONFIDENCE" for k in unread}))]
    if not r.independent:  # every department the lists name has one: no proof none is missing
        f.verdict = Verdict.REVIEW
        return [f.add("R_LOW_CONFIDENCE")]
    return [f]
