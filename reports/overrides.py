"""Manual explanations: the command office overrides a finding's verdict, with who, when and why.

An override stores the explained finding's `evidence_fingerprint` and `machine_verdict`; the engine
(`audit_rules.engine._finding_row`) applies it to later runs only while the fingerprint is
unchanged, and records `details.override_expired` once the evidence moved. Stored findings are
history and are never edited: an explanation takes effect from the next run (or re-judge).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from audit_rules.base import VERDICT_ZH, Verdict
from reports.export import ExportError, resolve_run
from reports.frames import OverrideInfo
from reports.style import display_width, fmt_datetime, one_line, verdict_zh
from storage.models import Finding, Override

_FROM_ZH = {zh: code for code, zh in VERDICT_ZH.items()}


class OverrideError(Exception):
    """Bad input for an explanation; the message says what to do."""


def normalise_verdict(value: str) -> str:
    """'PASS', 'pass' or '达标' -> 'PASS'."""
    text = (value or "").strip()
    if text.upper() in Verdict.__members__:
        return text.upper()
    if text in _FROM_ZH:
        return _FROM_ZH[text]
    choices = "、".join(f"{c}（{z}）" for c, z in VERDICT_ZH.items())
    raise OverrideError(f"结论 {value!r} 无效，应为以下之一：{choices}")


def _find(s: Session, run_id: str, site_id: str, check_id: str, doc_url: str | None) -> Finding:
    q = select(Finding).where(Finding.run_id == run_id, Finding.site_id == site_id, Finding.check_id == check_id)
    rows = s.execute(q).scalars().all()
    if not rows:
        raise OverrideError(f"运行 {run_id} 中没有站点 {site_id} 检查项 {check_id} 的检查结果；"
                            "请核对 --site 和 --check（可用 govaudit export 查看）。")
    if doc_url is None:
        site = [f for f in rows if f.scope == "site"]
        if not site:
            raise OverrideError(f"站点 {site_id} 检查项 {check_id} 没有站点总体结论。")
        return site[0]
    docs = [f for f in rows if f.scope == "document" and doc_url in (f.url, f.doc_key)]
    if len(docs) == 1:
        return docs[0]
    known = [f for f in rows if f.scope == "document"]
    if not docs:
        hint = "；".join(f"{f.url}" for f in known[:5]) or "该检查项没有文件级结果"
        raise OverrideError(f"在运行 {run_id} 中找不到文件 {doc_url}（站点 {site_id}，检查项 {check_id}）。"
                            f"已有的文件：{hint}")
    keys = "、".join(f.doc_key for f in docs[:10])
    raise OverrideError(f"同一网址有 {len(docs)} 条文件级结果（表格页的多行），请用 --doc 传文件键之一：{keys}")


def explain(sessions: sessionmaker[Session], run_id: str, site_id: str, check_id: str, verdict: str,
            justification: str, author: str, doc_url: str | None = None) -> OverrideInfo:
    """Record a manual verdict for one finding of `run_id` (site scope, or the document at `doc_url`).

    Justification and author are mandatory. An earlier active explanation of the same finding is
    revoked (superseded), so exactly one applies.
    """
    code = normalise_verdict(verdict)
    if not (justification or "").strip():
        raise OverrideError("必须填写理由（--why）：说明为什么人工结论与机器结论不同。")
    if not (author or "").strip():
        raise OverrideError("必须填写说明人姓名（--by）。")
    with sessions.begin() as s:
        try:
            run_id = resolve_run(s, run_id)
        except ExportError as exc:
            raise OverrideError(str(exc)) from None
        f = _find(s, run_id, site_id, check_id, doc_url)
        now = dt.datetime.now(dt.UTC)
        active = s.execute(select(Override).where(
            Override.site_id == f.site_id, Override.check_id == f.check_id, Override.scope == f.scope,
            Override.doc_key == (f.doc_key or ""), Override.revoked_at.is_(None))).scalars().all()
        o = Override(site_id=f.site_id, check_id=f.check_id, scope=f.scope, doc_key=f.doc_key or "", verdict=code,
                     justification=justification.strip(), author=author.strip(), created_at=now, run_id=run_id,
                     evidence_fingerprint=f.evidence_fingerprint, machine_verdict=f.machine_verdict)
        s.add(o)
        s.flush()
        for old in active:
            old.revoked_at = now
            old.revoked_reason = f"被第 {o.id} 号说明取代（{author.strip()}）"
        return OverrideInfo.of(o)


def revoke(sessions: sessionmaker[Session], override_id: int, reason: str, author: str) -> OverrideInfo:
    """Withdraw an explanation (it stays in the history with who/when/why it was withdrawn)."""
    if not (reason or "").strip():
        raise OverrideError("撤销说明也必须填写理由（--why）。")
    if not (author or "").strip():
        raise OverrideError("必须填写撤销人姓名（--by）。")
    with sessions.begin() as s:
        o = s.get(Override, override_id)
        if o is None:
            raise OverrideError(f"没有第 {override_id} 号人工说明；用 govaudit explain --list 查看。")
        if o.revoked_at is not None:
            raise OverrideError(f"第 {override_id} 号人工说明已于 {fmt_datetime(o.revoked_at)} 撤销。")
        o.revoked_at = dt.datetime.now(dt.UTC)
        o.revoked_reason = f"{author.strip()}：{reason.strip()}"
        s.flush()
        return OverrideInfo.of(o)


def list_overrides(sessions: sessionmaker[Session], *, site_id: str | None = None, check_id: str | None = None,
                   include_revoked: bool = False) -> list[OverrideInfo]:
    with sessions() as s:
        q = select(Override)
        if site_id:
            q = q.where(Override.site_id == site_id)
        if check_id:
            q = q.where(Override.check_id == check_id)
        if not include_revoked:
            q = q.where(Override.revoked_at.is_(None))
        return [OverrideInfo.of(o) for o in s.execute(q.order_by(Override.id)).scalars()]


def status_in_run(o: OverrideInfo, applied: set[int], expired: set[int], run_started: dt.datetime | None) -> str:
    """How an explanation stood in one run, in words for the 人工说明 sheet."""
    if o.id in applied:
        return "本次已采用"
    if o.id in expired:
        return "已失效：证据已变化"
    if o.revoked_at is not None:
        return "已撤销"
    created, started = o.created_at, run_started
    if created is not None and started is not None:
        if created.tzinfo is None:
            created = created.replace(tzinfo=dt.UTC)
        if started.tzinfo is None:
            started = started.replace(tzinfo=dt.UTC)
        if created > started:
            return "下次运行生效"
    return "本次未匹配（无对应检查结果）"


def render_overrides(items: Sequence[OverrideInfo]) -> str:
    if not items:
        return "没有人工说明。\n"
    lines = []
    for o in items:
        what = "站点总体" if o.scope == "site" else f"文件 {o.doc_key[:12]}"
        state = f"已撤销 {fmt_datetime(o.revoked_at)}（{o.revoked_reason}）" if o.revoked_at else "有效"
        lines.append(f"#{o.id}  {o.site_id}  {o.check_id}  {what}  "
                     f"{verdict_zh(o.machine_verdict)} → {verdict_zh(o.verdict)}  {o.author}  "
                     f"{fmt_datetime(o.created_at)}  {state}")
        lines.append(" " * (display_width(str(o.id)) + 3) + "理由：" + one_line(o.justification, 300))
    return "\n".join(lines) + "\n"
