"""重大突发事件5小时/24小时发布 (I82.c).

What it checks: lists the 特别重大 / 重大 突发事件 (事故, 灾害, 疫情; Ⅰ/Ⅱ级响应) the site reported in the window,
with their first official releases, for a reviewer to compare with the 5-hour (权威信息) and 24-hour (新闻发布会)
standard; event times are rarely on the site. Always REVIEW (class C). With no such event found the record says
so (R_NOT_FOUND): §6 lets the reviewer then record NA ("no events → NA, the reviewer confirms"); the tool does
not decide it, because it cannot prove that no event happened.

Why it matters: plan item 82 (「对涉及特别重大、重大突发事件政务舆情，最迟在事件发生后5小时内发布权威信息，在24
小时内举行新闻发布会」); 国办发〔2016〕80号 实施细则.

How to pass: after a 特别重大/重大 突发事件, publish an authoritative release within 5 hours and hold a 新闻发布会
within 24 hours, with the leaders speaking, and keep both on the site with their times.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.enforcement import I82_EVENT
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I82.c", indicator_id="I82", title="重大突发事件5小时/24小时发布",
    failure_title="重大突发事件未在5小时内发布权威信息、24小时内举行新闻发布会", automation="C",
    columns=("YJ", "XW", "NEWS"), secondary=("GK.FD",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    # 「重大」 alone is everywhere (重大项目): only titles that also name an 事故/灾害/疫情 are events
    events = [c for c in find(ev, I82_EVENT) if c.score >= 1.0 and (c.date is None or c.date >= ev.cycle_start)]
    why = None if events else "窗口期内未发现特别重大、重大突发事件；如确无此类事件，复核后可记为不适用"
    return [review_candidates(ev, META, I82_EVENT, cands=events, why=why)]
