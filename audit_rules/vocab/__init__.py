"""Keyword sets, one named set per concept (rules_spec §6 `Find` blocks). Data, not logic.

Areas live in their own modules (`services`, `normative`, `enforcement`); cross-cutting sets here.
"""

from __future__ import annotations

from audit_rules.machinery.find import Lexicon

# I98 法治政府建设年度报告. The 政府信息公开工作年度报告 is the classic false positive; news about a
# meeting that 审议 the report is not the report.
I98_REPORT = Lexicon(
    title_regex=(
        r"(20\d{2})年度?法治政府建设(?:工作)?(?:情况|年度)?的?(?:报告|工作报告|年度报告)",
        r"关于(20\d{2})年度?法治政府建设(?:工作)?情况的报告",
        r"(20\d{2})年度?法治政府建设(?:工作)?(?:情况|开展情况)$",
        r"(20\d{2})年度?法治政府建设(?:工作)?情况(?:的)?报告",
    ),
    weak_title_any=("法治政府建设工作总结", "依法行政工作报告", "法治建设工作报告", "法治政府建设工作报告",
                    "依法行政工作情况", "依法行政工作总结", "法治建设工作总结", "法治政府建设总结"),
    exclude=("政府信息公开工作年度报告", "政务公开工作年度报告", "信息公开年度报告", "信息公开年报", "审议", "召开",
             "会议", "解读", "征求意见", "图解", "新闻发布"),
    body_only_ok=False,
)
