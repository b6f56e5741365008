"""媒体曝光违法行政问题的调查处理反馈 (I80.a).

What it checks: collects the site's responses to media-exposed problems (情况通报, 调查处理结果, 回应, 整改情况
that mention 媒体/报道/曝光/网民反映) for a reviewer, who pairs them with the exposures. Always REVIEW: a site
without such items proves nothing about whether exposures happened.

Why it matters: plan item 80 (「对新闻媒体曝光的违法行政问题及时进行调查核实…依法作出处理并进行反馈」); 国办发
〔2016〕61号 (政务舆情「48小时内予以回应」, informational).

How to pass: after a media exposure, publish the 调查核实情况, the 处理结果 and the 整改/反馈情况 on the site
(回应关切 column), naming the report they answer.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.enforcement import I80_RESPONSE
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I80.a", indicator_id="I80", title="媒体曝光违法行政问题的调查处理反馈",
    failure_title="未找到媒体曝光问题的调查处理反馈信息", automation="C",
    columns=("HD",), secondary=("NEWS", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [review_candidates(ev, META, I80_RESPONSE)]
