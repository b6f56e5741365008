"""证照分离、多证合一文件 (I05.a).

What it checks: that a local document implementing 「证照分离」 / 「多证合一」 (五证合一, 照后减证) is published
within the audit window. A 转发 counts when it adds local instructions; a bare 转发 → REVIEW.

Why it matters: plan item 5 (「全面推行“证照分离、多证合一”的相关文件在网上公开」); 《优化营商环境条例》
第十九条; 国发〔2021〕7号.

How to pass: publish the local 证照分离改革 implementation plan or notice in the 政策文件 or 政务服务 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.tables import bare_relay, presence_unless
from audit_rules.vocab.services import I05_LICENSE_SEPARATION
from govaudit.policy import Policy

META = RuleMeta(check_id="I05.a", indicator_id="I05", title="证照分离、多证合一文件",
                failure_title="未找到证照分离、多证合一文件", automation="B",
                columns=("WJ", "ZW"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence_unless(ev, META, I05_LICENSE_SEPARATION, bare_relay)]
