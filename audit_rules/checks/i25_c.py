"""上述规范性文件公开完整性（与目录比对） (I25.c).

What it checks: nothing automatically decides completeness. The rule collects what a reviewer needs: published
规范性文件目录/备案目录/清理 lists of the unit, and the 文号 that such lists or other documents name but that
the site does not carry (`missing_documents` in details). Always REVIEW.

Why it matters: plan item 25 (「严控相关领域行政规范性文件的数量」, with every document 「在网上公开」);
《政府信息公开条例》 第二十条(一); 《优化营商环境条例》 第六十四条 (「未经公布的不得作为行政管理依据」).

How to pass: a reviewer compares the published 目录 with the documents online; publish every listed document.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import inventory, missing_documents
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import I25B_SINCE, I25C_CATALOGUE
from govaudit.policy import Policy

META = RuleMeta(check_id="I25.c", indicator_id="I25", title="上述规范性文件公开完整性（与目录比对）",
                failure_title="规范性文件公开完整性需人工比对", automation="C",
                columns=("GFX", "WJ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    missing = missing_documents(ev, inventory(ev), I25B_SINCE, policy)
    return [review_candidates(ev, META, I25C_CATALOGUE, missing_documents=[
        {"doc_number": k.number, "title": k.title, "named_in": k.source_url, "how": k.how} for k in missing] or None)]
