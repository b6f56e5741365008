"""Per-unit gap workbooks (`out/units/<单位名称>_<unit id>.xlsx`): only what the unit must act on, with
the evidence and how to pass — the file a unit forwards to whoever edits its website.

A unit gets a workbook when it is the publisher unit of a finding, a roster unit with a site in the
run (an empty list is good news worth sending), or the lead unit (牵头单位) of an indicator; a lead
unit's workbook has a second sheet with the open items of the indicators it coordinates.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

from reports.export import atomic_write
from reports.frames import ACTIONABLE, Row, RunData, lead_units
from reports.style import SCOPE_ZH, fmt_datetime, safe_filename, verdict_zh
from reports.xlsx import Col, Styles, new_workbook, sheet_name, write_legend, write_pairs, write_table

MANIFEST = ".govaudit-units.json"  # the files the last report run wrote, so stale ones can go


def unit_file_names(data: RunData) -> dict[str, str]:
    """unit_id -> file name, for every unit that gets a workbook (stable, unique, Windows-safe)."""
    run_sites = {s.site_id for s in data.sites}
    with_rows = {r.unit_id for r in data.rows}
    leads = lead_units(data)
    ids: list[str] = []
    for uid, unit in data.units.items():
        if uid in with_rows or uid in leads or set(unit.site_ids) & run_sites:
            ids.append(uid)
    ids += [uid for uid in leads if uid not in data.units]
    names: dict[str, str] = {}
    taken: set[str] = set()
    for uid in ids:
        name = data.units[uid].name if uid in data.units else leads[uid][0]
        base = f"{safe_filename(name, 60)}_{safe_filename(uid.replace(':', '-'), 40)}"
        candidate, n = f"{base}.xlsx", 2
        while candidate.lower() in taken:
            candidate, n = f"{base}_{n}.xlsx", n + 1
        taken.add(candidate.lower())
        names[uid] = candidate
    return names


def _sort_key(r: Row) -> tuple[bool, int]:
    return (r.advisory, -r.severity)


def unit_rows(data: RunData, unit_id: str) -> list[Row]:
    """FAIL / REVIEW / ERROR findings attributed to the unit, worst first (advisory ones last)."""
    return sorted((r for r in data.rows_by_unit.get(unit_id, ()) if r.verdict in ACTIONABLE), key=_sort_key)


def lead_rows(data: RunData, unit_id: str) -> list[Row]:
    """Open site-level items of the indicators the unit coordinates, across all units."""
    return sorted((r for r in data.rows_by_lead.get(unit_id, ()) if r.scope == "site"
                   and r.verdict in ACTIONABLE and not r.advisory), key=_sort_key)


def _manual(r: Row) -> str | None:
    if r.override:
        o = r.override
        return (f"人工结论：{verdict_zh(o.verdict)}（机器结论 {verdict_zh(r.machine_verdict)}）；"
                f"{o.author} {fmt_datetime(o.created_at)}：{o.justification}")
    e = r.override_expired
    if e:
        return f"原人工说明已失效：{e.get('why', '证据已变化')}（{e.get('author', '')}）"
    return None


def _gap_cols() -> list[Col]:
    return [
        Col("序号", lambda x: x[0], "int", width=5),
        Col("结论", lambda x: x[1].verdict, "verdict"),
        Col("性质", lambda x: "提示（不影响指标结论）" if x[1].advisory else "须整改", width=12),
        Col("指标", lambda x: f"{x[1].indicator_id} {x[1].indicator_name}", width=24),
        Col("检查项", lambda x: x[1].check_id, width=8),
        Col("要求", lambda x: x[1].check_title, width=30),
        Col("站点", lambda x: x[1].site_name, width=20),
        Col("范围", lambda x: SCOPE_ZH.get(x[1].scope, x[1].scope), width=8),
        Col("原因", lambda x: x[1].reasons_zh, "wrap", width=40),
        Col("证据链接", lambda x: x[1].url, "url", width=40),
        Col("标题", lambda x: x[1].title, "web", width=40),
        Col("关键日期", lambda x: x[1].key_dates(), "wrap", width=30),
        Col("补充说明", lambda x: x[1].extra(), "wrap", width=40),
        Col("如何达标", lambda x: x[1].how_to_pass, "wrap", width=50),
        Col("牵头单位", lambda x: x[1].lead_unit_name, width=16),
        Col("人工说明", lambda x: _manual(x[1]), "wrap", width=40),
    ]


def _lead_cols() -> list[Col]:
    return [
        Col("指标", lambda r: f"{r.indicator_id} {r.indicator_name}", width=24),
        Col("检查项", lambda r: r.check_id, width=8),
        Col("要求", lambda r: r.check_title, width=30),
        Col("责任单位", lambda r: r.unit_name, width=22),
        Col("站点", lambda r: r.site_name, width=20),
        Col("结论", lambda r: r.verdict, "verdict"),
        Col("原因", lambda r: r.reasons_zh, "wrap", width=40),
        Col("证据链接", lambda r: r.url, "url", width=40),
        Col("如何达标", lambda r: r.how_to_pass, "wrap", width=50),
    ]


def build_unit_workbook(data: RunData, unit_id: str, name: str) -> bytes:
    own = unit_rows(data, unit_id)
    leads = lead_rows(data, unit_id)
    led = lead_units(data).get(unit_id, ("", []))[1]
    unit = data.units.get(unit_id)
    site_ids = list(unit.site_ids) if unit else []
    site_ids += [r.site_id for r in own if r.site_id not in site_ids]
    tally = Counter("ADVISORY" if r.advisory else r.verdict for r in own)
    buf = io.BytesIO()
    wb = new_workbook(buf)
    wb.set_properties({"title": f"{name} 网络检索整改清单", "author": "govaudit", "comments": f"run {data.run.id}"})
    st = Styles(wb)
    taken: set[str] = set()
    ws = wb.add_worksheet(sheet_name("需整改", taken))
    ws.write_string(0, 0, f"{name} · 网络检索整改清单", st.title)
    ws.write_string(1, 0, f"审计基准日 {data.run.as_of.isoformat()} · 运行 {data.run.id} · "
                          f"不达标 {tally['FAIL']} 项，待复核 {tally['REVIEW']} 项，无法检查 {tally['ERROR']} 项，"
                          f"提示 {tally['ADVISORY']} 项", st.note)
    recheck = "；".join(f"govaudit recheck --site {sid}" for sid in site_ids)
    ws.write_string(2, 0, f"整改后请通知指挥部办公室复查（{recheck}）。" if recheck else
                    "整改后请通知指挥部办公室复查。", st.note)
    write_table(ws, st, 3, _gap_cols(), list(enumerate(own, 1)), freeze_cols=2,
                empty_note="本次审计没有发现需要本单位整改的问题。")
    if led:
        ws2 = wb.add_worksheet(sheet_name("牵头指标", taken))
        ws2.write_string(0, 0, f"{name} 牵头的指标：{'、'.join(led)} · 各责任单位未达标情况", st.title)
        ws2.write_string(1, 0, "牵头单位负责督促协调；具体整改由各责任单位完成。", st.note)
        write_table(ws2, st, 2, _lead_cols(), leads, freeze_cols=1, empty_note="牵头的指标目前没有未达标的站点。")
    ws3 = wb.add_worksheet(sheet_name("说明", taken))
    ws3.write_string(0, 0, "说明", st.title)
    site_names = {s.site_id: s.name for s in data.sites}
    pairs: list[tuple[str, Any]] = [
        ("单位", name), ("单位ID", unit_id),
        ("辖区", data.jurisdictions.get(unit.jurisdiction_id, unit.jurisdiction_id) if unit else ""),
        ("网站", "；".join(f"{site_names.get(s, s)}（{s}）" for s in site_ids) or "—"),
        ("审计对象", data.run.jurisdiction), ("运行编号", data.run.id), ("审计基准日", data.run.as_of.isoformat()),
        ("生成时间", fmt_datetime(dt.datetime.now(dt.UTC))),
    ]
    row = write_pairs(ws3, st, 2, pairs) + 1
    write_legend(ws3, st, row)
    notes = ["不达标：已确认未满足要求，请按“如何达标”整改。",
             "待复核：工具无法确定，请核对证据链接；如已满足要求，请把依据告知指挥部办公室。",
             "无法检查：网站无法访问或被拦截，请确认网站对外可正常访问。",
             "提示：提示性检查，不影响指标结论，建议一并改进。"]
    for i, line in enumerate(notes, row + 2):
        ws3.write_string(i, 0, line, st.note)
    ws3.set_column(0, 0, 14)
    ws3.set_column(1, 1, 60)
    wb.close()
    return buf.getvalue()


def write_unit_reports(data: RunData, out_dir: Path, names: dict[str, str] | None = None) -> list[Path]:
    """Every unit workbook into `out_dir` (atomically). After a full run, files this writer made for
    units that no longer get one are removed (only those listed in its own manifest, never others)."""
    names = names if names is not None else unit_file_names(data)
    leads = lead_units(data)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for uid, file_name in names.items():
        name = data.units[uid].name if uid in data.units else leads[uid][0]
        path = out_dir / file_name
        atomic_write(path, build_unit_workbook(data, uid, name))
        paths.append(path)
    manifest = out_dir / MANIFEST
    try:
        previous = set(json.loads(manifest.read_text(encoding="utf-8")).get("files", []))
    except (OSError, ValueError, AttributeError):
        previous = set()
    if data.run.kind == "recheck":
        # a re-check covers a few sites: it refreshes their units' files and leaves everyone else's
        keep = previous | set(names.values())
    else:
        keep = set(names.values())
        for stale in previous - keep:
            if "/" not in stale and "\\" not in stale and stale.endswith(".xlsx"):
                (out_dir / stale).unlink(missing_ok=True)
    atomic_write(manifest, json.dumps({"run_id": data.run.id, "files": sorted(keep)},
                                      ensure_ascii=False, indent=1).encode("utf-8"))
    return paths
