"""规划调整、政策变化致企业受损依法补偿案例 (I17.a).

What it checks: collects candidate cases where a government compensated enterprises (企业, 市场主体, 公司) for
losses caused by 规划调整 / 政策变化 / 改变政府承诺 / 政策性关闭. Always REVIEW: whether a page is such a case is a
judgement. Individual 房屋征收 / 青苗 compensation is excluded; 法治政府建设年度报告 texts are searched too (cases
often appear there as examples). No candidate → still REVIEW, with R_NOT_FOUND (likely a real gap).

Why it matters: plan item 17 (「网上公开因政府规划调整、政策变化造成企业合法权益受损的，依法依规进行补偿的相关
案例」); 《优化营商环境条例》第三十一条 (「依法对市场主体因此受到的损失予以补偿」).

How to pass: publish the compensation cases (decision, basis, amount, enterprise) in the 政府信息公开 or 政策文件
column, or name them in the annual 法治政府建设情况报告.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find, flat
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.services import I17_COMPENSATION, I17_ENTERPRISE
from govaudit.policy import Policy

META = RuleMeta(check_id="I17.a", indicator_id="I17", title="规划调整、政策变化致企业受损依法补偿案例",
                failure_title="未找到因规划调整、政策变化致企业受损依法补偿的案例", automation="C",
                columns=("WJ", "GK.FD", "NEWS"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = [c for c in find(ev, I17_COMPENSATION)
             if any(w in flat(c.doc.title + c.doc.all_text) for w in I17_ENTERPRISE)]  # rules_spec `and_any`
    return [review_candidates(ev, META, I17_COMPENSATION, cands=cands)]
