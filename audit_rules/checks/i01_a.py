"""本级政府行政审批（许可）事项清单公开 (I01.a).

What it checks: that the site publishes its own government's list of 行政审批事项 (named 行政许可事项清单 since
国办发〔2022〕2号) within the audit window, as an item table the rule can read: an HTML table, or an XLS/DOC/PDF
attachment, with 事项名称 / 实施机关 columns. A 省级 list republished (R_WRONG_JURISDICTION), only the broader
政务服务事项目录 (it also holds 公共服务 items), or a list notice whose table cannot be read (scanned or unfetched
attachment) go to REVIEW.

Why it matters: plan item 1 (「向社会公布本级政府全部行政审批事项清单」); 《优化营商环境条例》第四十条 (行政许可
清单「向社会公布」); 《政府信息公开条例》第二十条(五).

How to pass: publish 「XX市行政许可事项清单（20XX年版）」, the item table inline or as an attachment, in the
政务服务 column or the 政府信息公开 法定主动公开内容（行政许可） of the portal or the 政务服务和大数据管理局 site.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.tables import presence_unless, table_flaw
from audit_rules.vocab.services import I01_HEADERS, I01_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I01.a", indicator_id="I01", title="本级政府行政审批（许可）事项清单公开",
                failure_title="未找到本级政府行政审批（许可）事项清单", automation="B",
                columns=("ZW", "GK.FD"), secondary=("WJ", "NEWS"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence_unless(ev, META, I01_LIST, table_flaw(I01_HEADERS))]
