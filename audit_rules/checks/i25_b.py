"""2016年以来城建、生态、历史文化领域规范性文件 (I25.b).

What it checks: the unit's 行政规范性文件 (the shared inventory, §5.7 typing) written or published since
2016-01-01, classified into 城乡建设与管理, 生态环境保护 and 历史文化保护 by title and first 500 characters. Every
field with at least one document typed 规范性文件 → PASS. A field with none (or only uncertain ones) → REVIEW:
the unit may issue none in that field. No 规范性文件 at all after a complete crawl → FAIL for a government site
(every 市/县政府 issues them), REVIEW for a department.

Why it matters: plan item 25 (「2016年以来…在城乡建设与管理、生态环境保护、历史文化保护领域行政规范性文件在网上
公开」); 《政府信息公开条例》 第二十条(一).

How to pass: publish every 规范性文件 of these fields (including 废止/失效 ones) in the 规范性文件 column with its
文号, 成文日期 and text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate
from audit_rules.machinery.normative import field_hits, inventory
from audit_rules.machinery.verdicts import absent, finding_from, in_window, iso
from audit_rules.vocab.normative import I25_FIELDS, I25B_SINCE, I29_NORMATIVE
from govaudit.policy import Policy

META = RuleMeta(check_id="I25.b", indicator_id="I25", title="2016年以来城建、生态、历史文化领域规范性文件",
                failure_title="未找到2016年以来城建、生态、历史文化领域规范性文件", automation="B",
                columns=("GFX", "WJ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    docs = [f for f in inventory(ev).normative if in_window(f.enacted, dt.date(I25B_SINCE, 1, 1), ev.as_of)]
    sure: dict[str, list[dict[str, Any]]] = {name: [] for name in I25_FIELDS}
    unsure: dict[str, list[str]] = {name: [] for name in I25_FIELDS}
    best: Candidate | None = None
    for f in docs:
        for name, hits in field_hits(f.doc).items():
            if f.typing.label != "normative":
                unsure[name].append(f.url)
                continue
            sure[name].append({"title": f.doc.title_raw, "url": f.url, "doc_number": f.doc.doc_number,
                               "written_date": iso(f.doc.written_date), "hits": hits})
            best = best or Candidate(f.doc, 1.0, "title", hits, snippet=f.doc.title_raw)
    if not docs:
        return [absent(ev, META, I29_NORMATIVE, department_review=True, since=f"{I25B_SINCE}-01-01")]
    missing = [name for name, found in sure.items() if not found]
    details = {"fields": sure, "normative_documents": len(docs)}
    if not missing:
        return [finding_from(META, Verdict.PASS, [], best, **details)]
    codes = ["R_LOW_CONFIDENCE"] if any(unsure[name] for name in missing) else []
    return [finding_from(META, Verdict.REVIEW, ["R_NOT_FOUND", *codes], best, fields_missing=missing,
                         fields_uncertain={k: v for k, v in unsure.items() if v and k in missing}, **details)]
