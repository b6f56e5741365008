"""12345热线相关制度 (I79.b).

What it checks: that the government publishes a 12345 / 市长热线 制度 (管理办法, 工作制度, 运行管理, 考核办法,
工单办理/督办规范). A working 12345 entry on the homepage is recorded as supporting evidence only.

Why it matters: plan item 79 (「12345市长热线等相关制度…在网上公开」); 国务院办公厅 2020 便民热线指导意见.

How to pass: publish the 12345 热线 管理办法 / 工单办理规范 / 考核办法 in the 政策文件 or 互动交流 column (older
documents that say 市长热线 count).
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import flat
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.enforcement import I79_HOTLINE, I79_PORTAL_LINK
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I79.b", indicator_id="I79", title="12345热线相关制度",
    failure_title="未找到12345热线相关制度", automation="B",
    columns=("HD", "WJ", "GK.ZD"), secondary=("NEWS",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    f = presence(ev, META, I79_HOTLINE, since=None)
    entries = sorted({lk.url for d in ev.docs if d.kind == "home" and d.page for lk in d.page.links
                      if any(flat(t) in flat(lk.label) for t in I79_PORTAL_LINK)})
    if entries:  # supporting evidence (rules_spec §6 I79): it does not change the verdict
        f.details["portal_links"] = [{"url": u, "fetched": u in ev.fetched_urls} for u in entries[:5]]
    return [f]
