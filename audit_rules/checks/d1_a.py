"""违法行政、不作为、乱作为不实网络信息排查 (D1.a).

What it checks: collects the official sites' 辟谣 / 澄清 / 情况说明 / 警情通报 items about 违法行政, 不作为,
乱作为 (执法, 城管, 拆除, 征收…) for the command office's judgement. Always REVIEW: this is 舆情 monitoring of
the open web, which a crawl of government sites cannot settle.

Why it matters: plan 附加项 减分项1 (「对违法行政、行政不作为、乱作为等不实网络信息进行排查，杜绝负面影响发生」);
政府信息公开条例 第六条 (虚假或者不完整信息「应当发布准确的政府信息予以澄清」).

How to pass: when untrue information about 违法行政 or 不作为 spreads, publish an accurate 情况说明 or 辟谣 on the
official site; the reviewer checks the list against the news.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.enforcement import D1_CLARIFY
from govaudit.policy import Policy

META = RuleMeta(
    check_id="D1.a", indicator_id="D1", title="违法行政、不作为、乱作为不实网络信息排查",
    failure_title="未找到针对违法行政、不作为、乱作为不实信息的澄清或说明", automation="C",
    columns=("HD", "NEWS"), secondary=("GK.FD",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [review_candidates(ev, META, D1_CLARIFY)]
