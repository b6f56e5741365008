"""突发事件信息发布制度 (I82.b).

What it checks: that the unit publishes a 突发事件信息发布 / 政务舆情回应 制度. An 应急预案 whose text has an
信息发布 chapter is weaker evidence: REVIEW, not PASS.

Why it matters: plan item 82 (「突发事件信息发布等制度完善」; 网络检索: 「突发事件信息发布相关文件制度在网上公开」);
国办发〔2016〕80号 实施细则; 国办发〔2016〕61号 (政务舆情回应).

How to pass: publish the 突发事件信息发布制度 (or 突发公共事件新闻发布 / 政务舆情回应 制度) in the 政府信息公开,
应急管理 or 新闻发布 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate, find, flat
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.enforcement import I82_EMERGENCY_INFO, I82_PLAN, I82_PLAN_CHAPTER
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I82.b", indicator_id="I82", title="突发事件信息发布制度",
    failure_title="未找到突发事件信息发布制度", automation="B",
    columns=("YJ", "XW", "WJ", "GK.ZD"), secondary=("NEWS",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    plans = [Candidate(c.doc, 0.6, "weak_title", c.hits, c.jurisdiction, c.snippet) for c in find(ev, I82_PLAN)
             if any(w in flat(c.doc.all_text) for w in I82_PLAN_CHAPTER)]
    return [presence(ev, META, I82_EMERGENCY_INFO, since=None, cands=find(ev, I82_EMERGENCY_INFO) + plans)]
