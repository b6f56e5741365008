"""涉企收费清单制度和监督检查清单制度 (I18.a).

What it checks: that both systems are public within the audit window: the 涉企收费清单 (涉企收费目录清单,
涉企行政事业性/经营服务性收费) **and** the 监督检查清单 (涉企检查事项清单, 行政检查事项清单). Either missing after
complete coverage → FAIL R_COMPONENT_MISSING. A 随机抽查事项清单 (I54) stands for the 监督检查清单 only as
secondary evidence → REVIEW.

Why it matters: plan item 18 (「建立健全涉企收费、监督检查清单制度在网上公开」); 《优化营商环境条例》第二十五条、
第六十九条.

How to pass: publish 「XX市涉企收费目录清单」 and 「XX市涉企行政检查事项清单」 in the 收费目录, 政策文件 or
行政执法公示 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence, worst
from audit_rules.vocab.services import I18_FEE_LIST, I18_INSPECTION_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I18.a", indicator_id="I18", title="涉企收费清单制度和监督检查清单制度",
                failure_title="涉企收费清单、监督检查清单制度未全部公开", automation="B",
                columns=("WJ", "SF", "ZF"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    parts = {"涉企收费清单": presence(ev, META, I18_FEE_LIST), "监督检查清单": presence(ev, META, I18_INSPECTION_LIST)}
    verdict = worst(f.verdict for f in parts.values())
    site = next(f for f in parts.values() if f.verdict == verdict)
    for f in parts.values():
        if f is not site and f.verdict == verdict:
            site.add(*f.reason_codes)
    site.details["components"] = {name: f.verdict.value for name, f in parts.items()}
    site.details["component_urls"] = {name: f.url for name, f in parts.items() if f.url}
    if verdict == Verdict.FAIL:
        site.add("R_COMPONENT_MISSING")
    return [site]
