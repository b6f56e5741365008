"""`report.html`: one self-contained file (inline CSS, inline SVG charts, no script, no CDN) with the
overview matrix, per-indicator pass rates, the trend over stored runs, changes and units.

Every piece of page content is escaped, and a Content-Security-Policy that forbids scripts backs
that up: a title `<script>…</script>` arrives as text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, sessionmaker

from audit_rules.base import SEVERITY
from govaudit.alerts import Alert
from reports.changes import KIND_ZH, KINDS, Changes
from reports.frames import ACTIONABLE, JUDGED, RunData, lead_units, pass_rate
from reports.style import (
    NOT_CHECKED,
    VERDICT_COLOURS,
    fmt_datetime,
    is_http_url,
    one_line,
    to_local,
    verdict_zh,
)
from storage.models import Finding as FindingRow
from storage.models import Run

TREND_RUNS = 30  # stored runs shown in the trend chart
MAX_CHANGE_ROWS = 300  # the HTML lists this many changes; the workbook has them all
CHART_WIDTH = 960
BAR_LABEL = 230
BAR_AREA = 560
BAR_ROW = 20
BAR_ORDER = ("PASS", "FAIL", "REVIEW", "ERROR", "PENDING", "NA")

CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;
margin:24px;color:#222;background:#fff;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #1F4E78;
padding-bottom:4px}.muted{color:#666}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{border-radius:6px;padding:8px 14px;min-width:90px}.card b{display:block;font-size:22px}
table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
th{background:#1F4E78;color:#fff;font-weight:600;position:sticky;top:0;z-index:1}
.wrap{overflow:auto;max-height:80vh;border:1px solid #ccc}.matrix td.v{text-align:center;white-space:nowrap}
.matrix th.site{writing-mode:vertical-rl;white-space:nowrap;max-height:180px}
.matrix td.sticky,.matrix th.sticky{position:sticky;left:0;background:#fff;z-index:2}
.matrix th.sticky{background:#1F4E78;z-index:3}.legend span{display:inline-block;padding:2px 8px;margin-right:4px;
border-radius:3px}svg text{font-family:inherit;font-size:12px}a{color:#0563C1}
footer{margin-top:32px;font-size:12px;color:#666}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@dataclass
class TrendPoint:
    run_id: str
    as_of: dt.date
    started_at: dt.datetime | None
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def pass_rate(self) -> float | None:
        judged = sum(self.counts[v] for v in JUDGED)
        return self.counts["PASS"] / judged if judged else None

    @property
    def fail_rate(self) -> float | None:
        judged = sum(self.counts[v] for v in JUDGED)
        return self.counts["FAIL"] / judged if judged else None


def load_trend(sessions: sessionmaker[Session], run_id: str, limit: int = TREND_RUNS) -> list[TrendPoint]:
    """Indicator verdicts per (site, indicator) counted for the last `limit` full runs and this one.

    One grouped query: the worst non-advisory site-scope verdict per (run, site, indicator) is the
    max of the §2.5 severity, then counted per run and severity.
    """
    t = FindingRow.__table__
    with sessions() as s:
        runs = s.execute(select(Run).where(Run.status == "completed", Run.kind.in_(("run", "audit")))
                         .order_by(Run.started_at.desc()).limit(limit)).scalars().all()
        chosen = {r.id: r for r in runs}
        this = s.get(Run, run_id)
        if this is not None:
            chosen[this.id] = this
        sev = case(*[(t.c.verdict == v, n) for v, n in SEVERITY.items()], else_=0)
        inner = (select(t.c.run_id, t.c.site_id, t.c.indicator_id, func.max(sev).label("sev"))
                 .where(t.c.scope == "site", t.c.advisory.is_(False), t.c.run_id.in_(list(chosen)))
                 .group_by(t.c.run_id, t.c.site_id, t.c.indicator_id).subquery())
        rows = s.execute(select(inner.c.run_id, inner.c.sev, func.count())
                         .group_by(inner.c.run_id, inner.c.sev)).all()
    by_sev = {n: v for v, n in SEVERITY.items()}
    points = {rid: TrendPoint(rid, r.as_of, r.started_at) for rid, r in chosen.items()}
    for rid, sev_value, n in rows:
        if sev_value in by_sev:
            points[rid].counts[by_sev[sev_value]] += n
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)

    def started(p: TrendPoint) -> dt.datetime:
        value = p.started_at or epoch
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    return sorted((p for p in points.values() if p.counts), key=lambda p: (started(p), p.run_id))


def _e(value: object) -> str:
    return escape(one_line(value, 2000) if value is not None else "", quote=True)


def _link(url: str | None, label: str | None = None) -> str:
    text = _e(label if label else url)
    if url and is_http_url(url):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer" target="_blank">{text or _e(url)}</a>'
    return text


def _verdict_style(v: str) -> str:
    fill, font = VERDICT_COLOURS[v]
    return f"background:{fill};color:{font}"


def _legend() -> str:
    items = "".join(f'<span style="{_verdict_style(v)}">{_e(verdict_zh(v))}</span>'
                    for v in ("PASS", "FAIL", "REVIEW", "PENDING", "NA", "ERROR"))
    return f'<p class="legend">图例：{items}<span style="border:1px solid #ccc">{NOT_CHECKED} 未检查</span></p>'


def bar_chart(data: RunData) -> str:
    """Per indicator: how many sites got which indicator verdict (stacked), with the pass rate."""
    matrix = data.indicator_matrix()
    n_sites = max(len(data.sites), 1)
    height = 40 + BAR_ROW * len(data.indicators) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{height}" '
             f'viewBox="0 0 {CHART_WIDTH} {height}" role="img" aria-label="各指标达标情况">']
    x = BAR_LABEL
    for v in BAR_ORDER:
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{VERDICT_COLOURS[v][0]}" stroke="#999"/>'
                     f'<text x="{x + 16}" y="16">{_e(verdict_zh(v))}</text>')
        x += 80
    for i, ind in enumerate(data.indicators):
        y = 36 + i * BAR_ROW
        cells = [matrix.get((ind.id, s.site_id)) for s in data.sites]
        tally = Counter(c for c in cells if c)
        label = f"{ind.id} {data.indicator_name(ind.id)}"
        parts.append(f'<text x="{BAR_LABEL - 6}" y="{y + 13}" text-anchor="end">{_e(label)}</text>')
        parts.append(f'<rect x="{BAR_LABEL}" y="{y + 2}" width="{BAR_AREA}" height="{BAR_ROW - 5}" '
                     f'fill="#FAFAFA" stroke="#DDD"><title>{_e(label)}：未检查 {cells.count(None)}</title></rect>')
        x0 = float(BAR_LABEL)
        for v in BAR_ORDER:
            if not tally[v]:
                continue
            w = BAR_AREA * tally[v] / n_sites
            parts.append(f'<rect x="{x0:.1f}" y="{y + 2}" width="{w:.1f}" height="{BAR_ROW - 5}" '
                         f'fill="{VERDICT_COLOURS[v][0]}" stroke="#fff"><title>{_e(label)}：{_e(verdict_zh(v))} '
                         f'{tally[v]} 个站点</title></rect>')
            x0 += w
        rate = pass_rate(c for c in cells if c)
        text = f"达标率 {rate:.0%}" if rate is not None else "未检查"
        parts.append(f'<text x="{BAR_LABEL + BAR_AREA + 8}" y="{y + 13}">{_e(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(points: Sequence[TrendPoint]) -> str:
    """达标率 and 不达标率 (indicator level) across stored runs."""
    width, height, left, right, top, bottom = CHART_WIDTH, 260, 50, 20, 20, 50
    inner_w, inner_h = width - left - right, height - top - bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="历次运行达标率趋势">']
    for pct in (0, 25, 50, 75, 100):
        y = top + inner_h * (1 - pct / 100)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#EEE"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{pct}%</text>')
    n = len(points)

    def xy(i: int, value: float) -> tuple[float, float]:
        x = left + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)
        return x, top + inner_h * (1 - value)

    step = max(1, n // 12)
    for i, p in enumerate(points):
        if i % step == 0 or i == n - 1:
            x, _ = xy(i, 0)
            local = to_local(p.started_at)
            label = (local.strftime("%m-%d %H:%M") if n <= 6 else local.strftime("%m-%d")) if local \
                else p.as_of.strftime("%m-%d")
            parts.append(f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle">{_e(label)}</text>')
    for attr, colour, name in (("pass_rate", "#2E7D32", "达标率"), ("fail_rate", "#C62828", "不达标率")):
        coords = [(i, getattr(p, attr)) for i, p in enumerate(points) if getattr(p, attr) is not None]
        if len(coords) > 1:
            path = " ".join(f"{xy(i, v)[0]:.1f},{xy(i, v)[1]:.1f}" for i, v in coords)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, v in coords:
            x, y = xy(i, v)
            p = points[i]
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"><title>'
                         f'{_e(p.run_id)}（基准日 {p.as_of.isoformat()}）{name} {v:.0%}</title></circle>')
    lx = left + 10
    for colour, name in (("#2E7D32", "达标率"), ("#C62828", "不达标率")):
        parts.append(f'<line x1="{lx}" y1="{height - 12}" x2="{lx + 20}" y2="{height - 12}" stroke="{colour}" '
                     f'stroke-width="2"/><text x="{lx + 26}" y="{height - 8}">{name}</text>')
        lx += 100
    if n < 2:
        parts.append(f'<text x="{width / 2}" y="{top + inner_h / 2}" text-anchor="middle" fill="#666">'
                     "只有一次运行；积累更多运行后显示趋势</text>")
    parts.append("</svg>")
    return "".join(parts)


def _matrix_table(data: RunData) -> str:
    matrix = data.indicator_matrix()
    details: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in data.rows:
        if r.scope == "site":
            flag = "（提示）" if r.advisory else ""
            details[(r.indicator_id, r.site_id)].append(f"{r.check_id}{flag} {verdict_zh(r.verdict)}"
                                                        + (f"：{r.reasons_zh}" if r.reasons_zh else ""))
    head = "".join(f'<th class="site" title="{_e(s.site_id)}">{_e(s.name)}</th>' for s in data.sites)
    out = ['<div class="wrap"><table class="matrix"><thead><tr><th class="sticky">指标</th><th>牵头单位</th>'
           f"<th>达标率</th>{head}</tr></thead><tbody>"]
    for ind in data.indicators:
        cells = []
        values = []
        for s in data.sites:
            v = matrix.get((ind.id, s.site_id))
            values.append(v)
            tip = _e(f"{s.name} · " + "\n".join(details.get((ind.id, s.site_id), [])))
            if v:
                cells.append(f'<td class="v" style="{_verdict_style(v)}" title="{tip}">{_e(verdict_zh(v))}</td>')
            else:
                cells.append(f'<td class="v muted" title="{tip}">{NOT_CHECKED}</td>')
        rate = pass_rate(v for v in values if v)
        out.append(f'<tr><td class="sticky">{_e(ind.id)} {_e(data.indicator_name(ind.id))}</td>'
                   f"<td>{_e(ind.lead_unit)}</td><td>{'' if rate is None else f'{rate:.0%}'}</td>{''.join(cells)}</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _changes_table(changes: Changes) -> str:
    if changes.old_run_id is None:
        return '<p class="muted">没有可比较的上一次运行。</p>'
    parts = [f"<p>{_e(changes.summary())}</p>"]
    if changes.verdicts:
        parts.append('<div class="wrap"><table><thead><tr><th>类别</th><th>站点</th><th>检查项</th><th>对象</th>'
                     "<th>上次</th><th>本次</th></tr></thead><tbody>")
        for v in changes.verdicts[:MAX_CHANGE_ROWS]:
            target = "站点总体" if v.scope == "site" else (v.title or v.url or "")
            before = f'<td style="{_verdict_style(v.before)}">' if v.before in VERDICT_COLOURS else "<td>"
            after = f'<td style="{_verdict_style(v.after)}">' if v.after in VERDICT_COLOURS else "<td>"
            parts.append(f"<tr><td>{_e(v.kind_zh)}</td><td>{_e(v.site_name)}</td><td>{_e(v.check_id)} "
                         f"{_e(v.check_title)}</td><td>{_link(v.url, target)}</td>{before}{_e(v.before_zh)}</td>"
                         f"{after}{_e(v.after_zh)}</td></tr>")
        parts.append("</tbody></table></div>")
        if len(changes.verdicts) > MAX_CHANGE_ROWS:
            parts.append(f'<p class="muted">仅显示前 {MAX_CHANGE_ROWS} 条，完整列表见工作簿“变化”表。</p>')
    if changes.site_jumps:
        parts.append("<p>抓取异常：" + "；".join(_e(f"{j.site_name}：{j.text}") for j in changes.site_jumps) + "</p>")
    return "".join(parts)


def _units_table(data: RunData, unit_files: dict[str, str]) -> str:
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    for r in data.rows:
        if r.verdict in ACTIONABLE and not r.advisory:
            tallies[r.unit_id][r.verdict] += 1
    leads = lead_units(data)
    rows = []
    for uid, file_name in unit_files.items():
        name = data.units[uid].name if uid in data.units else leads[uid][0]
        t = tallies[uid]
        rows.append((-t["FAIL"], -t["REVIEW"], name, uid, t, file_name))
    rows.sort(key=lambda x: (x[0], x[1], x[2]))
    out = ["<table><thead><tr><th>责任单位</th><th>不达标</th><th>待复核</th><th>无法检查</th><th>整改清单</th>"
           "</tr></thead><tbody>"]
    for _, _, name, _uid, t, file_name in rows:
        href = escape("units/" + file_name, quote=True)
        out.append(f"<tr><td>{_e(name)}</td><td>{t['FAIL']}</td><td>{t['REVIEW']}</td><td>{t['ERROR']}</td>"
                   f'<td><a href="{href}">{_e(file_name)}</a></td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _alerts_list(alerts: Sequence[Alert]) -> str:
    if not alerts:
        return '<p class="muted">本次运行没有告警。</p>'
    items = "".join(f"<li><b>{_e(a.kind_zh)}</b>：{_e(a.message)}</li>" for a in alerts)
    return f"<ul>{items}</ul>"


def build_html(data: RunData, changes: Changes, trend: Sequence[TrendPoint], unit_files: dict[str, str],
               alerts: Sequence[Alert] = ()) -> str:
    r = data.run
    matrix = data.indicator_matrix()
    tally = Counter(matrix.values())
    rate = pass_rate(matrix.values())
    cards = "".join(f'<div class="card" style="{_verdict_style(v)}"><b>{tally[v]}</b>{_e(verdict_zh(v))}</div>'
                    for v in ("PASS", "FAIL", "REVIEW", "ERROR", "PENDING", "NA"))
    change_cards = "" if changes.old_run_id is None else "".join(
        f'<div class="card" style="background:#F2F2F2"><b>{changes.count(k)}</b>{_e(KIND_ZH[k])}</div>'
        for k in KINDS[:3])
    reviews = sum(1 for x in data.rows if x.verdict == "REVIEW")
    title = f"{r.jurisdiction} 法治政府建设示范创建 · 网络检索审计报告"
    body = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="muted">运行 {_e(r.id)} · 审计基准日 {_e(r.as_of.isoformat())} · 站点 {len(data.sites)} 个 · '
        f"指标 {len(data.indicators)} 项 · 生成于 {_e(fmt_datetime(dt.datetime.now(dt.UTC)))}</p>",
        "<h2>总体情况（站点 × 指标）</h2>",
        f'<div class="cards">{cards}{change_cards}</div>',
        f"<p>指标达标率：<b>{'—' if rate is None else f'{rate:.0%}'}</b>（达标 ÷ 达标、不达标、待复核、无法检查之和）；"
        f"待复核检查结果 {reviews} 条，详见工作簿“待复核”表。</p>",
        "<h2>各指标达标情况</h2>", bar_chart(data),
        "<h2>历次运行趋势</h2>", trend_chart(trend),
        "<h2>总览</h2>", _legend(),
        '<p class="muted">单元格为该站点在该指标下各检查项（不含提示性检查项）中最差的结论；鼠标停留可看各检查项。</p>',
        _matrix_table(data),
        "<h2>告警</h2>", _alerts_list(alerts),
        "<h2>与上一次运行相比的变化</h2>", _changes_table(changes),
        "<h2>责任单位</h2>", _units_table(data, unit_files),
        f"<footer>govaudit {_e(r.tool_version)} · Git {_e(r.git_commit or '—')} · 配置哈希 {_e(r.config_hash)} · "
        f"开始 {_e(fmt_datetime(r.started_at))} · 结束 {_e(fmt_datetime(r.finished_at) or '—')}</footer>",
        "</body></html>",
    ]
    return "\n".join(body)
