"""城建、生态、历史文化领域地方性法规、规章 (I25.a).

What it checks: the city's own 地方性法规 (…条例 of 平顶山市, or a 常务委员会公告 publishing one) and 政府规章
(人民政府令, or a …办法/规定 in the 政府规章 column) found online, classified into the three fields of the plan
(城乡建设与管理, 生态环境保护, 历史文化保护) by title and opening text. Every field with at least one instrument →
PASS. A field with none → REVIEW: the city may have made none in that field, and the reviewer confirms against
市人大's 法规目录. No instrument at all in any field after a complete crawl → FAIL (the city reports 13 部
地方性法规和政府规章 by 2023, so finding none is a real gap). Any publication date counts.

Why it matters: plan item 25 (「加大城乡建设与管理、生态环境保护、历史文化保护领域地方政府规章制定力度」;
网络检索: 「…领域的地方性法规、规章在网上公开」); 《立法法》 第八十一条 (设区的市 legislates in these fields).

How to pass: publish the text of every 地方性法规 (市人大 法规库) and 政府规章 (政府令/规章库) with its 公布日期,
e.g. 《平顶山市城乡规划建设管理条例》, 《平顶山市文明行为促进条例》.
"""

from __future__ import annotations

from typing import Any

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate
from audit_rules.machinery.normative import field_hits, inventory
from audit_rules.machinery.verdicts import absent, finding_from, iso
from audit_rules.vocab.normative import I25_FIELDS, I25A_INSTRUMENT
from govaudit.policy import Policy

META = RuleMeta(check_id="I25.a", indicator_id="I25", title="城建、生态、历史文化领域地方性法规、规章",
                failure_title="未找到城建、生态、历史文化领域的地方性法规、规章", automation="B",
                columns=("FG", "GZ"), secondary=("WJ",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    by_field: dict[str, list[dict[str, Any]]] = {name: [] for name in I25_FIELDS}
    best: dict[str, Candidate] = {}
    for inst in inventory(ev).instruments:
        for name, hits in field_hits(inst.doc).items():
            by_field[name].append({"title": inst.name, "kind": inst.kind, "url": inst.url, "hits": hits,
                                   "publish_date": iso(inst.doc.publish_date), "doc_number": inst.doc.doc_number})
            best.setdefault(name, Candidate(inst.doc, 1.0, "title", hits, snippet=inst.doc.title_raw))
    empty = [name for name, found in by_field.items() if not found]
    if len(empty) == len(by_field):
        return [absent(ev, META, I25A_INSTRUMENT, fields=by_field)]
    first = next(iter(best.values()))
    if empty:
        return [finding_from(META, Verdict.REVIEW, ["R_NOT_FOUND"], first, fields=by_field, fields_missing=empty)]
    return [finding_from(META, Verdict.PASS, [], first, fields=by_field)]
