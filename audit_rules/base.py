"""Vocabulary shared by every rule: verdicts, reason codes, rule metadata and the finding record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

Scope = Literal["site", "document"]


class Verdict(StrEnum):
    PASS = "PASS"
    FAIL = "FAIL"
    REVIEW = "REVIEW"
    PENDING = "PENDING"
    NA = "NA"
    ERROR = "ERROR"


# rules_spec §2.5: worst first, for indicator roll-ups.
SEVERITY: dict[str, int] = {"FAIL": 6, "REVIEW": 5, "ERROR": 4, "PENDING": 3, "PASS": 2, "NA": 1}

VERDICT_ZH = {"PASS": "达标", "FAIL": "不达标", "REVIEW": "待复核", "PENDING": "未到期", "NA": "不适用",
              "ERROR": "无法检查"}

# rules_spec §2.2, with the plain-Chinese wording the command office reads.
REASONS: dict[str, str] = {
    "R_NOT_FOUND": "在已完整抓取的栏目中未找到相关信息",
    "R_COVERAGE_INCOMPLETE": "相关栏目未能完整抓取（翻页、抓取错误或脚本列表未解析），不能据此判定缺失",
    "R_LOW_CONFIDENCE": "找到的候选信息匹配度不高，需人工确认",
    "R_PERIOD_SHORT": "征求意见期限不足",
    "R_BORDERLINE": "结果取决于起止日是否计入，处于临界",
    "R_SHORTENED_EXPLAINED": "公告说明了缩短征求意见期限的理由（如情况紧急）",
    "R_POSTED_LATE": "网上发布晚于公告所称的起始日，网上实际征求意见期缩短",
    "R_LATE": "发布晚于规定期限",
    "R_DATE_UNPARSED": "关键日期缺失或无法识别",
    "R_DATE_CONFLICT": "不同来源的发布日期相差超过3天",
    "R_ATTACHMENT_ONLY": "关键信息仅见于附件",
    "R_SCANNED": "附件为扫描件（无文字层），需人工阅读",
    "R_STALE": "最近一次更新已超过时效要求",
    "R_WRONG_JURISDICTION": "找到的文件属于其他层级或地区（如转发上级文件）",
    "R_MIRROR_ONLY": "仅在非官方镜像网站找到",
    "R_BACKDATE_SUSPECT": "抓取记录显示首次出现时间明显晚于标注的发布日期，疑似倒签",
    "R_MIGRATION_SUSPECT": "发布日期疑似网站迁移时被重置",
    "R_NO_FEEDBACK": "征求意见后未找到意见采纳情况反馈",
    "R_COMPONENT_MISSING": "要求的组成要素不全",
    "R_CALENDAR_MISSING": "缺少该年度的工作日（调休）日历数据",
    "R_BLOCKED": "网站拦截、拒绝访问或证书错误",
    "R_NEEDS_JUDGEMENT": "此项需人工判断",
    "R_ADVISORY": "提示性检查结果，不影响指标结论",
    # govaudit additions (same prefix; documented in docs/reason_codes.md)
    "R_SITE_UNREACHABLE": "网站无法访问（域名解析失败、连接被拒绝或超时）",
    "R_NO_CASE_STATEMENT": "栏目声明本期无相关案件",
    "R_NOT_DUE": "尚未到期",
    "R_PARSER_ERROR": "解析出错，检查未能完成",
    "R_THRESHOLD": "数值不符合规定标准（如承诺时限超过上限、事项数量不足、覆盖率不足）",
}


@dataclass(frozen=True)
class RuleMeta:
    check_id: str
    indicator_id: str
    title: str
    failure_title: str
    automation: Literal["A", "B", "C"]
    columns: tuple[str, ...] = ()  # authoritative column codes (rules_spec §5.1)
    secondary: tuple[str, ...] = ()
    advisory: bool = False
    per_document: bool = False  # emits document-scope records (CONTRACT §3)


@dataclass
class Finding:
    """What a rule says about one site (scope 'site') or one document (scope 'document')."""

    check_id: str
    verdict: Verdict
    reason_codes: list[str] = field(default_factory=list)
    scope: Scope = "site"
    url: str | None = None
    title: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None
    snippet: str | None = None
    column_code: str | None = None
    content_sha256: str | None = None
    unit_id: str | None = None

    @property
    def indicator_id(self) -> str:
        return self.check_id.split(".")[0]

    @property
    def doc_key(self) -> str:
        """Stable key of a document-scope record (its URL); '' for site scope."""
        if self.scope == "site":
            return ""
        # rows of one table page (a monthly 双公示 list) share the page URL: the row key tells them apart
        basis = f"{self.url or self.title or ''}#{self.details.get('row_key', '')}"
        return hashlib.sha1(basis.encode()).hexdigest()

    def add(self, *codes: str) -> Finding:
        for code in codes:
            if code not in REASONS:
                raise ValueError(f"unknown reason code {code}")
            if code not in self.reason_codes:
                self.reason_codes.append(code)
        return self

    def fingerprint(self) -> str:
        """Changes when the evidence behind the verdict changes (used to expire manual overrides)."""
        basis = {"url": self.url, "sha": self.content_sha256, "title": self.title,
                 "details": {k: v for k, v in self.details.items() if k not in ("candidates",)}}
        return hashlib.sha256(json.dumps(basis, sort_keys=True, default=str).encode()).hexdigest()

    def evidence_id(self, unit_id: str) -> str:
        return hashlib.sha1(f"{self.check_id}|{unit_id}|{self.url}|{self.content_sha256}".encode()).hexdigest()
