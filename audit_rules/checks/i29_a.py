"""2019年以来行政规范性文件网上公开 (I29.a).

What it checks: the unit's inventory of 行政规范性文件 since 2019-01-01 (§5.7 typing over the whole site) and
whether any document is known to exist but is not online: a 文号 listed in the unit's published 规范性文件目录/
备案目录/清理 list, or cited as 「根据《…办法》（平政〔2020〕5号）」 by one of its documents (cited titles must look
normative and carry a 文号 prefix the unit uses). Only 文号 from years the crawl covers (the later of 2019 and
the audit window start) can be missing. PASS: documents found and none known-missing. FAIL: a known-missing
document after a complete crawl, or no document at all on a government site (every 市/县政府 issues them).
REVIEW: only uncertain documents (typing 0.4–0.7), no document on a department site (its issuing status is
unknown), or an incomplete crawl.

Why it matters: plan item 29 (「2019年以来部门起草以市政府名义印发以及市政府各部门制定的行政规范性文件网上公开」);
《政府信息公开条例》 第二十条(一); 《优化营商环境条例》 第六十四条 (「未经公布的不得作为行政管理依据」).

How to pass: publish every 规范性文件 (also 废止/失效 ones) in the unit's 规范性文件 column with 文号, 成文日期
and text, and keep any published 目录 consistent with what is online.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import Candidate
from audit_rules.machinery.normative import inventory, missing_documents
from audit_rules.machinery.verdicts import absent, finding_from, in_window, iso
from audit_rules.vocab.normative import I29_NORMATIVE, I29_SINCE
from govaudit.policy import Policy

META = RuleMeta(check_id="I29.a", indicator_id="I29", title="2019年以来行政规范性文件网上公开",
                failure_title="2019年以来行政规范性文件未完整公开", automation="B",
                columns=("GFX", "WJ"))


def judge(ev: SiteEvidence, policy: Policy, meta: RuleMeta) -> list[Finding]:
    """Shared with I30.a, which the plan assigns to 市政府办公室 with the same requirement."""
    inv = inventory(ev)
    docs = [f for f in inv.normative if in_window(f.enacted, dt.date(I29_SINCE, 1, 1), ev.as_of)]
    sure = sorted((f for f in docs if f.typing.label == "normative"), key=lambda f: f.enacted or dt.date.min,
                  reverse=True)
    # the plan's own 「2019年以来」: the crawler follows normative-document columns back to 2014
    missing = missing_documents(ev, inv, I29_SINCE, policy)
    details: dict[str, Any] = {
        "normative_documents": len(sure), "uncertain_documents": len(docs) - len(sure),
        "by_year": dict(sorted(Counter(str(f.enacted.year) for f in sure if f.enacted).items())),
        "inventory": [{"title": f.doc.title_raw, "url": f.url, "doc_number": f.doc.doc_number,
                       "written_date": iso(f.doc.written_date), "publish_date": iso(f.doc.publish_date),
                       "score": f.typing.score} for f in sure[:50]],
    }
    best = Candidate(sure[0].doc, 1.0, "title", [], snippet=sure[0].doc.title_raw) if sure else None
    if missing:
        gap = coverage_gap(ev, meta.columns, I29_NORMATIVE)
        known = [{"doc_number": k.number, "title": k.title, "named_in": k.source_url, "how": k.how} for k in missing]
        if gap.complete:
            return [finding_from(meta, Verdict.FAIL, ["R_NOT_FOUND"], best, missing_documents=known, **details)]
        return [finding_from(meta, Verdict.REVIEW, ["R_NOT_FOUND", "R_COVERAGE_INCOMPLETE"], best,
                             missing_documents=known, coverage_gaps=gap.reasons[:10], **details)]
    if sure:
        return [finding_from(meta, Verdict.PASS, [], best, **details)]
    if docs:
        uncertain = Candidate(docs[0].doc, docs[0].typing.score, "title", list(docs[0].typing.signals))
        return [finding_from(meta, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], uncertain, **details)]
    return [absent(ev, meta, I29_NORMATIVE, department_review=True, **details)]


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return judge(ev, policy, META)
