"""The command office's workbook: 总览, 辖区总览, 待复核, 变化, 单位汇总, 人工说明, one sheet per
网络检索 indicator, and 说明 (run provenance and the rule catalogue)."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from audit_rules.base import REASONS
from govaudit.alerts import Alert
from govaudit.catalogue import load_catalogue
from reports.changes import Changes
from reports.frames import ACTIONABLE, DATE_FIELDS, NUMBER_FIELDS, Row, RunData, lead_units, pass_rate
from reports.how_to_pass import how_to_pass, rule_how_to_pass
from reports.overrides import status_in_run
from reports.style import (
    CLASS_ZH,
    LEVEL_ZH,
    NOT_CHECKED,
    SCOPE_ZH,
    SITE_STATUS_ZH,
    VERDICT_ORDER,
    fmt_datetime,
    to_local,
    verdict_zh,
)
from reports.xlsx import Col, Styles, new_workbook, sheet_name, write_legend, write_pairs, write_table

VERDICT_COUNT_ORDER = ("PASS", "FAIL", "REVIEW", "ERROR", "PENDING", "NA")
RUN_STATUS_ZH = {"running": "进行中（报告生成时）", "completed": "已完成", "failed": "失败"}


def _override_cols(data: RunData) -> list[Col]:
    by_id = {o.id: o for o in data.overrides}

    def expired(r: Row) -> Any:
        e = r.override_expired
        oid = e.get("id") if e else None
        return by_id.get(oid) if isinstance(oid, int) else None

    def who(r: Row) -> str | None:
        if r.override:
            return r.override.author
        e = r.override_expired
        return str(e.get("author", "")) if e else None

    def when(r: Row) -> dt.datetime | None:
        o = r.override or expired(r)
        local = to_local(o.created_at) if o else None
        return local.replace(tzinfo=None) if local else None

    def why(r: Row) -> str | None:
        if r.override:
            return r.override.justification
        o = expired(r)
        e = r.override_expired
        if e:
            return f"{e.get('why', '证据已变化')}（原理由：{o.justification if o else ''}）"
        return None

    def manual(r: Row) -> str | None:
        if r.override:
            return verdict_zh(r.override.verdict)
        e = r.override_expired
        return f"已失效（原为{verdict_zh(str(e.get('verdict', '')))}）" if e else None

    return [
        Col("机器结论", lambda r: verdict_zh(r.machine_verdict) if r.override else None, width=10),
        Col("人工结论", manual, width=16),
        Col("说明人", who, width=10),
        Col("说明时间", when, "datetime"),
        Col("人工说明理由", why, "wrap", width=40),
    ]


def _finding_cols(data: RunData) -> list[Col]:
    cols = [
        Col("责任单位", lambda r: r.unit_name, width=22),
        Col("站点", lambda r: r.site_name, width=22),
        Col("辖区", lambda r: r.jurisdiction_name, width=10),
        Col("检查项", lambda r: r.check_id, width=8),
        Col("检查内容", lambda r: r.check_title, width=30),
        Col("范围", lambda r: SCOPE_ZH.get(r.scope, r.scope), width=8),
        Col("结论", lambda r: r.verdict, "verdict"),
        Col("原因", lambda r: r.reasons_zh, "wrap", width=40),
        Col("比例", lambda r: r.ratio, width=8),
        Col("证据链接", lambda r: r.url, "url", width=40),
        Col("标题", lambda r: r.title, "web", width=40),
    ]
    cols += [Col(label, (lambda k: lambda r: r.details.get(k))(key), "date") for key, label in DATE_FIELDS]
    cols += [Col(label, (lambda k: lambda r: _num(r.details.get(k)))(key), "int", width=10)
             for key, label in NUMBER_FIELDS]
    cols += [
        Col("补充说明", lambda r: r.extra(), "wrap", width=40),
        Col("如何达标", lambda r: r.how_to_pass, "wrap", width=50),
        *_override_cols(data),
        Col("置信度", lambda r: r.confidence, "float", width=8),
        Col("站点ID", lambda r: r.site_id, width=12),
        Col("文件键", lambda r: r.doc_key or None, width=12),
    ]
    return cols


def _num(value: Any) -> Any:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    return str(value) if value not in (None, "") else None


def _title_rows(ws: Any, st: Styles, title: str, lines: Sequence[str]) -> int:
    ws.write_string(0, 0, title, st.title)
    ws.set_row(0, 22)
    for i, line in enumerate(lines, 1):
        ws.write_string(i, 0, line, st.note)
    return len(lines) + 1


def _run_line(data: RunData) -> str:
    r = data.run
    return (f"运行 {r.id} · 审计基准日 {r.as_of.isoformat()} · 站点 {len(data.sites)} 个 · "
            f"生成于 {fmt_datetime(dt.datetime.now(dt.UTC))}")


def _matrix(ws: Any, st: Styles, data: RunData, title: str, columns: list[tuple[str, str]],
            matrix: dict[tuple[str, str], str], note: str) -> None:
    top = _title_rows(ws, st, title, [_run_line(data), note])
    write_legend(ws, st, top)
    header_row = top + 2
    fixed = ["编号", "指标", "牵头单位", "类别"]
    counts = [verdict_zh(v) for v in VERDICT_COUNT_ORDER] + ["未检查", "达标率"]
    headers = fixed + counts + [h for _, h in columns]
    for c, h in enumerate(headers):
        ws.write_string(header_row, c, h, st.header)
    ws.set_row(header_row, 45)
    widths = [6, 24, 18, 6] + [7] * len(counts) + [11] * len(columns)
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    row = header_row + 1
    per_col: dict[str, Counter[str]] = defaultdict(Counter)
    for ind in data.indicators:
        cells = [matrix.get((ind.id, key)) for key, _ in columns]
        tally = Counter(v for v in cells if v)
        ws.write_string(row, 0, ind.id, st.text)
        ws.write_string(row, 1, data.indicator_name(ind.id), st.text)
        ws.write_string(row, 2, ind.lead_unit, st.text)
        ws.write_string(row, 3, ind.primary_class or "", st.text)
        for i, v in enumerate(VERDICT_COUNT_ORDER):
            ws.write_number(row, 4 + i, tally[v], st.int)
        ws.write_number(row, 4 + len(VERDICT_COUNT_ORDER), sum(1 for v in cells if not v), st.int)
        rate = pass_rate(v for v in cells if v)
        if rate is None:
            ws.write_string(row, 5 + len(VERDICT_COUNT_ORDER), NOT_CHECKED, st.muted)
        else:
            ws.write_number(row, 5 + len(VERDICT_COUNT_ORDER), rate, st.pct)
        for j, ((key, _), cell) in enumerate(zip(columns, cells, strict=True)):
            col = len(fixed) + len(counts) + j
            if cell:
                ws.write_string(row, col, verdict_zh(cell), st.verdict[cell])
                per_col[key][cell] += 1
            else:
                ws.write_string(row, col, NOT_CHECKED, st.muted)
        row += 1
    ws.autofilter(header_row, 0, max(row - 1, header_row), len(headers) - 1)
    ws.freeze_panes(header_row + 1, 2)
    row += 1
    for v in ("FAIL", "REVIEW", "ERROR", "PASS"):
        ws.write_string(row, 1, f"{verdict_zh(v)}指标数", st.bold)
        for j, (key, _) in enumerate(columns):
            ws.write_number(row, len(fixed) + len(counts) + j, per_col[key][v], st.int)
        row += 1


def _overview(wb: Any, st: Styles, data: RunData, taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("总览", taken))
    columns = [(s.site_id, f"{s.name}\n{s.site_id}") for s in data.sites]
    _matrix(ws, st, data, f"{data.run.jurisdiction} 法治政府建设示范创建 · 网络检索指标总览", columns,
            data.indicator_matrix(),
            "单元格为该站点在该指标下各检查项（不含提示性检查项）中最差的结论：不达标 > 待复核 > 无法检查 > 未到期 > 达标 > 不适用。")


def _by_jurisdiction(wb: Any, st: Styles, data: RunData, taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("辖区总览", taken))
    columns = [(jid, f"{name}\n{jid}") for jid, name in data.jurisdictions.items()]
    _matrix(ws, st, data, "网络检索指标 · 按辖区汇总", columns, data.jurisdiction_matrix(),
            "单元格为该辖区全部站点（单位）中最差的结论；各县（市、区）按职责分工分别负责。")


def _review(wb: Any, st: Styles, data: RunData, taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("待复核", taken))
    items = [r for r in data.rows if r.verdict == "REVIEW"]
    top = _title_rows(ws, st, f"待复核（{len(items)} 条）", [
        _run_line(data),
        "复核后如需改变结论，请用最后一列的命令录入人工说明（必须填写理由和姓名），下次运行起生效。"])
    run_id = data.run.id

    def command(r: Row) -> str:
        doc = f' --doc "{r.url or r.doc_key}"' if r.scope == "document" else ""
        return (f'govaudit explain --run "{run_id}" --site {r.site_id} --check {r.check_id}{doc} '
                f'--verdict 达标 --why "理由" --by 姓名')

    cols = [
        Col("指标", lambda r: f"{r.indicator_id} {r.indicator_name}", width=24),
        Col("检查项", lambda r: r.check_id, width=8),
        Col("检查内容", lambda r: r.check_title, width=30),
        Col("类别", lambda r: CLASS_ZH.get(r.check_class, r.check_class), width=10),
        Col("责任单位", lambda r: r.unit_name, width=22),
        Col("站点", lambda r: r.site_name, width=22),
        Col("范围", lambda r: SCOPE_ZH.get(r.scope, r.scope), width=8),
        Col("结论", lambda r: r.verdict, "verdict"),
        Col("原因", lambda r: r.reasons_zh, "wrap", width=40),
        Col("证据链接", lambda r: r.url, "url", width=40),
        Col("标题", lambda r: r.title, "web", width=40),
        Col("发布日期", lambda r: r.details.get("publish_date"), "date"),
        Col("关键日期", lambda r: r.key_dates(), "wrap", width=30),
        Col("置信度", lambda r: r.confidence, "float", width=8),
        Col("片段", lambda r: r.snippet, "web", width=40),
        Col("候选材料", lambda r: r.candidates(), "wrap", width=50),
        Col("补充说明", lambda r: r.extra(), "wrap", width=40),
        Col("如何达标", lambda r: r.how_to_pass, "wrap", width=50),
        Col("站点ID", lambda r: r.site_id, width=12),
        Col("文件键", lambda r: r.doc_key or None, width=12),
        Col("录入人工说明的命令", command, width=60),
    ]
    write_table(ws, st, top, cols, items, freeze_cols=2, empty_note="本次运行没有待复核的检查结果。")


@dataclass(frozen=True)
class _ChangeItem:
    kind: str
    site: str
    indicator: str
    check: str
    target: str | None
    before: str | None
    after: str | None
    reason: str
    url: str | None
    unit: str | None


def change_items(changes: Changes, data: RunData) -> list[_ChangeItem]:
    units = {u.id: u.name for u in data.units.values()}
    items = [_ChangeItem(v.kind_zh, v.site_name, v.indicator_id, f"{v.check_id} {v.check_title}",
                         "站点总体" if v.scope == "site" else (v.title or v.url), v.before, v.after,
                         "；".join(_reason(c) for c in v.reason_codes), v.url,
                         units.get(v.unit_id or "", v.unit_id)) for v in changes.verdicts]
    items += [_ChangeItem("抓取异常", j.site_name, "", "", "站点", None, None, j.text, None, None)
              for j in changes.site_jumps]
    items += [_ChangeItem(d.kind_zh, d.site_name, "", "", d.title or d.url, None, None,
                          f"发布日期 {d.publish_date}" if d.publish_date else "", d.url, None)
              for d in (*changes.new_documents, *changes.vanished_documents)]
    return items


def _reason(code: str) -> str:
    return REASONS.get(code, code)


def _changes(wb: Any, st: Styles, data: RunData, changes: Changes, taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("变化", taken))
    lines = [_run_line(data), changes.summary()]
    if changes.new_checks:
        lines.append("上次运行没有、本次新增的检查项（不计入变化）：" + "、".join(changes.new_checks))
    top = _title_rows(ws, st, "变化：与上一次运行相比", lines)
    cols = [
        Col("类别", lambda c: c.kind, width=10),
        Col("站点", lambda c: c.site, width=22),
        Col("指标", lambda c: c.indicator, width=6),
        Col("检查项", lambda c: c.check, width=30),
        Col("对象", lambda c: c.target, "web", width=40),
        Col("上次结论", lambda c: c.before, "verdict"),
        Col("本次结论", lambda c: c.after, "verdict"),
        Col("原因/说明", lambda c: c.reason, "wrap", width=40),
        Col("链接", lambda c: c.url, "url", width=40),
        Col("责任单位", lambda c: c.unit, width=22),
    ]
    note = "没有可比较的上一次运行。" if changes.old_run_id is None else "与上一次运行相比没有变化。"
    write_table(ws, st, top, cols, change_items(changes, data), empty_note=note)


def _alerts(wb: Any, st: Styles, data: RunData, alerts: Sequence[Alert], taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("告警", taken))
    top = _title_rows(ws, st, "告警：需要值班人员关注的情况", [
        _run_line(data), "站点未抓取到页面、抓取错误率骤升、页面数骤降、检查结论由达标等变为不达标时告警；"
        "告警同时写入日志和 alerts.json，配置了 webhook 或邮箱时一并发送。"])
    sites = {s.site_id: s.name for s in data.sites}
    cols = [
        Col("类别", lambda a: a.kind_zh, width=14),
        Col("站点", lambda a: sites.get(a.site_id, a.site_id), width=24),
        Col("说明", lambda a: a.message, "wrap", width=70),
    ]
    write_table(ws, st, top, cols, list(alerts), empty_note="本次运行没有告警。")


def _units(wb: Any, st: Styles, data: RunData, unit_files: dict[str, str], taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("单位汇总", taken))
    top = _title_rows(ws, st, "责任单位整改清单汇总", [
        _run_line(data), "每个单位的整改清单在 units/ 文件夹中，可直接转发给负责网站的同事。"])
    leads = lead_units(data)
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    for r in data.rows:
        if r.verdict in ACTIONABLE:
            tallies[r.unit_id]["ADVISORY" if r.advisory else r.verdict] += 1
    ids = list(dict.fromkeys([*data.units, *leads]))
    items = [(uid, data.units[uid].name if uid in data.units else leads[uid][0]) for uid in ids
             if uid in unit_files]
    cols = [
        Col("责任单位", lambda u: u[1], width=26),
        Col("单位ID", lambda u: u[0], width=16),
        Col("站点", lambda u: "、".join(data.units[u[0]].site_ids) if u[0] in data.units else "", width=20),
        Col("不达标", lambda u: tallies[u[0]]["FAIL"], "int", width=8),
        Col("待复核", lambda u: tallies[u[0]]["REVIEW"], "int", width=8),
        Col("无法检查", lambda u: tallies[u[0]]["ERROR"], "int", width=8),
        Col("提示性问题", lambda u: tallies[u[0]]["ADVISORY"], "int", width=8),
        Col("牵头指标", lambda u: "、".join(leads[u[0]][1]) if u[0] in leads else "", width=30),
        Col("整改清单", lambda u: (f"units/{unit_files[u[0]]}", unit_files[u[0]]), "link", width=40),
    ]
    write_table(ws, st, top, cols, items, empty_note="没有责任单位。")


def _overrides(wb: Any, st: Styles, data: RunData, taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("人工说明", taken))
    applied = {r.override.id for r in data.rows if r.override}
    expired = {int(e["id"]) for r in data.rows if (e := r.override_expired) and isinstance(e.get("id"), int)}
    top = _title_rows(ws, st, "人工说明（指挥部办公室录入的人工结论）", [
        _run_line(data), "人工结论在证据不变时一直有效；网页内容变化后自动失效，需重新复核。"])
    sites = {s.site_id: s.name for s in data.sites}

    def local(value: dt.datetime | None) -> dt.datetime | None:
        lv = to_local(value)
        return lv.replace(tzinfo=None) if lv else None

    cols = [
        Col("编号", lambda o: o.id, "int", width=6),
        Col("站点", lambda o: sites.get(o.site_id, o.site_id), width=22),
        Col("检查项", lambda o: o.check_id, width=8),
        Col("范围", lambda o: SCOPE_ZH.get(o.scope, o.scope), width=8),
        Col("文件键", lambda o: o.doc_key or None, width=12),
        Col("机器结论", lambda o: o.machine_verdict, "verdict"),
        Col("人工结论", lambda o: o.verdict, "verdict"),
        Col("说明人", lambda o: o.author, width=10),
        Col("说明时间", lambda o: local(o.created_at), "datetime"),
        Col("理由", lambda o: o.justification, "wrap", width=50),
        Col("本次状态", lambda o: status_in_run(o, applied, expired, data.run.started_at), width=20),
        Col("撤销时间", lambda o: local(o.revoked_at), "datetime"),
        Col("撤销原因", lambda o: o.revoked_reason, "wrap", width=30),
        Col("说明时依据的运行", lambda o: o.run_id, width=26),
    ]
    write_table(ws, st, top, cols, data.overrides, empty_note="还没有人工说明。")


def _indicator_sheets(wb: Any, st: Styles, data: RunData, taken: set[str]) -> None:
    by_ind: dict[str, list[Row]] = defaultdict(list)
    for r in data.rows:
        by_ind[r.indicator_id].append(r)
    cols = _finding_cols(data)
    for ind in data.indicators:
        ws = wb.add_worksheet(sheet_name(f"{ind.id} {data.indicator_name(ind.id)}", taken))
        items = by_ind.get(ind.id, [])
        tally = Counter(r.verdict for r in items if r.scope == "site")
        top = _title_rows(ws, st, f"{ind.id} {data.indicator_name(ind.id)}（{ind.label}）", [
            f"网络检索要求：{ind.net_search or ind.text}",
            f"牵头单位：{ind.lead_unit or '—'}；责任单位：{'、'.join(ind.units) or '—'}"
            + ("；各县（市、区）按职责分工分别负责" if ind.counties_responsible else ""),
            "站点总体结论：" + ("，".join(f"{verdict_zh(v)} {tally[v]}" for v in VERDICT_ORDER if tally[v])
                           or "无"),
        ])
        write_table(ws, st, top, cols, items, freeze_cols=2,
                    empty_note="本次运行没有该指标的检查结果（检查规则尚未实现或未运行）。")


def _about(wb: Any, st: Styles, data: RunData, taken: set[str]) -> None:
    ws = wb.add_worksheet(sheet_name("说明", taken))
    r = data.run
    site_verdicts = Counter(x.verdict for x in data.rows if x.scope == "site")
    ws.write_string(0, 0, "说明：运行信息与规则目录", st.title)
    ws.freeze_panes(1, 0)
    pairs: list[tuple[str, Any]] = [
        ("审计对象", r.jurisdiction), ("运行编号", r.id), ("运行类型", {"run": "例行审计", "recheck": "整改复查",
                                                                "audit": "重新判定"}.get(r.kind, r.kind)),
        ("运行状态", RUN_STATUS_ZH.get(r.status, r.status)), ("审计基准日", r.as_of.isoformat()),
        ("开始时间", fmt_datetime(r.started_at)), ("结束时间", fmt_datetime(r.finished_at) or "（报告生成时尚未结束）"),
        ("报告生成时间", fmt_datetime(dt.datetime.now(dt.UTC))), ("工具版本", r.tool_version),
        ("Git 提交", r.git_commit or "—"), ("配置文件", r.config_path), ("配置哈希", r.config_hash),
        ("规则参数哈希", r.policy_hash or "—"), ("判定所用抓取", r.crawl_run_id or r.id),
        ("上一次运行", r.previous_run_id or "—"), ("站点数", len(data.sites)),
        ("检查结果（站点总体）", len(data.site_rows)),
        ("检查结果（单个文件）", len(data.rows) - len(data.site_rows)),
    ]
    pairs += [(f"站点总体结论：{verdict_zh(v)}", site_verdicts[v]) for v in VERDICT_COUNT_ORDER]
    if isinstance(r.counts.get("documents"), int):
        pairs.append(("判定的文件数", r.counts["documents"]))
    row = write_pairs(ws, st, 2, pairs) + 1
    notes = [
        "结论：达标 / 不达标 / 待复核（需人工判断）/ 未到期 / 不适用 / 无法检查（网站无法访问或检查出错）。",
        "指标结论 = 该站点该指标下各检查项（不含提示性检查项）中最差的结论，顺序：不达标 > 待复核 > 无法检查 > 未到期 > 达标 > 不适用。",
        "达标率 = 达标 ÷（达标 + 不达标 + 待复核 + 无法检查）；不适用、未到期和未检查不计入。",
        "类别：A 可按日期、数量自动计算判定；B 判断是否公开；C 需人工判断（一律待复核）。",
        "“—”表示本次运行没有该项检查结果（检查规则尚未实现或未运行）。",
        "网页中的标题、片段等文字原样照录；以 = + - @ 开头的内容前加了单引号，防止被当作公式。",
    ]
    for line in notes:
        ws.write_string(row, 0, line, st.note)
        row += 1
    row += 1
    ws.write_string(row, 0, "站点抓取情况", st.title)
    site_cols = [
        Col("站点ID", lambda s: s.site_id), Col("名称", lambda s: s.name), Col("网址", lambda s: s.url, "url"),
        Col("级别", lambda s: LEVEL_ZH.get(s.level, s.level)), Col("辖区", lambda s: s.jurisdiction_name),
        Col("抓取状态", lambda s: SITE_STATUS_ZH.get(s.status, s.status)), Col("错误类型", lambda s: s.error_type),
        Col("页面数", lambda s: s.pages, "int"), Col("附件数", lambda s: s.attachments, "int"),
        Col("错误数", lambda s: s.errors, "int"), Col("错误率", lambda s: s.error_rate, "pct"),
    ]
    widths: dict[int, float] = {}
    row = write_table(ws, st, row + 1, site_cols, data.sites, autofilter=False, freeze=False, widths=widths) + 1
    ws.write_string(row, 0, "规则目录（85 个检查项）", st.title)
    implemented = {x.check_id for x in data.rows}
    catalogue = load_catalogue()
    checks = [c for ind in catalogue.indicators for c in ind.checks]
    cat_cols = [
        Col("检查项", lambda c: c.id), Col("指标", lambda c: f"{c.indicator_id} {data.indicator_name(c.indicator_id)}"),
        Col("类别", lambda c: c.cls), Col("提示性", lambda c: "是" if c.advisory else ""),
        Col("适用", lambda c: "、".join(LEVEL_ZH.get(lv, lv) for lv in c.levels)),
        Col("检查内容", lambda c: c.title, width=40), Col("本次有结果", lambda c: "是" if c.id in implemented else "否"),
        Col("如何达标", lambda c: how_to_pass(c.id), "wrap", width=60),
        Col("规则原文（How to pass）", lambda c: rule_how_to_pass(c.id) or None, "wrap", width=60),
    ]
    write_table(ws, st, row + 1, cat_cols, checks, autofilter=False, freeze=False, widths=widths)
    widths[0] = max(widths.get(0, 0), 20)
    widths[1] = max(widths.get(1, 0), 30)
    for c, w in widths.items():
        ws.set_column(c, c, w, st.wrap if c in (7, 8) else None)


def build_workbook(data: RunData, changes: Changes, unit_files: dict[str, str], alerts: Sequence[Alert] = ()) -> bytes:
    buf = io.BytesIO()
    wb = new_workbook(buf)
    wb.set_properties({"title": f"{data.run.jurisdiction} 网络检索审计报告 {data.run.id}", "author": "govaudit",
                       "comments": f"run {data.run.id}"})
    st = Styles(wb)
    taken: set[str] = set()
    _overview(wb, st, data, taken)
    _by_jurisdiction(wb, st, data, taken)
    _review(wb, st, data, taken)
    _changes(wb, st, data, changes, taken)
    _alerts(wb, st, data, alerts, taken)
    _units(wb, st, data, unit_files, taken)
    _overrides(wb, st, data, taken)
    _indicator_sheets(wb, st, data, taken)
    _about(wb, st, data, taken)
    wb.close()
    return buf.getvalue()
