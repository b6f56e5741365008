"""2019年以来行政规范性文件网上公开（同I29.a） (I30.a).

What it checks: exactly what I29.a checks (the 2019年以来 规范性文件 inventory and any known-missing document),
with the same verdict per unit; the evidence is shared, not recomputed.

Why it matters: plan item 30's 网络检索 (「2019年以来市政府部门起草以市政府名义印发以及市政府各部门制定的行政规范性
文件在网上公开」) repeats item 29's; the plan assigns it to 市政府办公室 and 市司法局, so the command office's
spreadsheet shows it under both indicators. 《政府信息公开条例》 第二十条(一).

How to pass: as I29.a: publish every 规范性文件 with 文号, 成文日期 and text, consistent with any published 目录.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.checks.i29_a import judge
from audit_rules.evidence import SiteEvidence
from govaudit.policy import Policy

META = RuleMeta(check_id="I30.a", indicator_id="I30", title="2019年以来行政规范性文件网上公开（同I29.a）",
                failure_title="2019年以来行政规范性文件未完整公开", automation="B",
                columns=("GFX", "WJ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return judge(ev, policy, META)
