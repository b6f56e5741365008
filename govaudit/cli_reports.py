"""`govaudit report`, `explain` and `changes`, and the before/after table `recheck` prints.

`register(subparsers)` adds the sub-commands to the main parser and returns their handlers
(name -> handler(args) -> exit code) for `govaudit.cli.COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from govaudit import env

EXIT_OK, EXIT_USAGE = 0, 2
DEFAULT_CONFIG = Path("config/sites.toml")
Handler = Callable[[argparse.Namespace], int]


def _db(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--db", default=None,
                    help="数据库 URL，默认内置 SQLite / SQLAlchemy URL (default: sqlite file under ./var)")


def register(subparsers: Any) -> dict[str, Handler]:
    """Add `report`, `explain` and `changes` to the `govaudit` parser; returns their handlers."""
    rp = subparsers.add_parser(
        "report", help="重新生成某次运行的报告 / re-render the reports of a stored run",
        description="根据数据库中保存的检查结果重新生成报告（不抓取、不判定）。\n"
                    "Re-render the reports of a stored run (no crawl, no judging).",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _db(rp)
    rp.add_argument("--config", default=None,
                    help="站点配置（用于单位名称），默认 config/sites.toml（若存在） / sites.toml for unit names")
    rp.add_argument("--run", default="latest", help="运行编号或 latest / RUN_ID or latest")
    rp.add_argument("--out", default="out", help="报告输出目录 / report directory (default: out)")

    ex = subparsers.add_parser(
        "explain", help="录入、查看、撤销人工说明 / record, list or revoke a manual verdict",
        description="为某条检查结果录入人工结论（必须写明理由和说明人）。人工结论自下一次运行起生效，\n"
                    "直到该结论所依据的证据发生变化。\n"
                    "Record a manual verdict for a finding (justification and name required). It applies from\n"
                    "the next run on, until the evidence behind the finding changes.\n\n"
                    "例 / example:\n"
                    "  govaudit explain --site yexian --check I98.a --verdict 达标 \\\n"
                    "      --why \"报告已于3月28日在法治政府建设专栏公开，见…\" --by 张三\n"
                    "  govaudit explain --list\n"
                    "  govaudit explain --revoke 3 --why \"误录\" --by 张三",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _db(ex)
    ex.add_argument("--run", default="latest", help="被说明的运行 / the run whose finding is explained")
    ex.add_argument("--site", help="站点ID / site id")
    ex.add_argument("--check", help="检查项，如 I98.a / check id")
    ex.add_argument("--doc", default=None, help="文件网址或文件键（文件级结果） / document URL or doc key")
    ex.add_argument("--verdict", help="人工结论：达标 不达标 待复核 未到期 不适用 无法检查 (or PASS/FAIL/…)")
    ex.add_argument("--why", help="理由（必填） / justification (required)")
    ex.add_argument("--by", help="说明人姓名（必填） / your name (required)")
    mode = ex.add_mutually_exclusive_group()
    mode.add_argument("--list", action="store_true", help="列出人工说明 / list overrides")
    mode.add_argument("--revoke", type=int, metavar="ID", help="撤销某条人工说明 / revoke override ID")
    ex.add_argument("--all", action="store_true", help="与 --list 同用：包括已撤销的 / include revoked ones")

    ch = subparsers.add_parser(
        "changes", help="与上一次运行相比的变化 / what changed since the previous run",
        description="列出两次运行之间结论的变化（新增不达标、已整改、新增待复核…）。\n"
                    "List the verdict changes between two stored runs.")
    _db(ch)
    ch.add_argument("--run", default="latest", help="运行编号或 latest / RUN_ID or latest")
    ch.add_argument("--since", default=None, help="与哪次运行比较，默认上一次 / compare with this run")
    ch.add_argument("--site", action="append", default=[], metavar="ID", help="只看这些站点 / only these sites")
    ch.add_argument("--indicator", action="append", default=[], metavar="I98",
                    help="只看这些指标或检查项 / only these indicators or checks")
    return {"report": cmd_report, "explain": cmd_explain, "changes": cmd_changes}


def _sessions(args: argparse.Namespace) -> sessionmaker[Session]:
    from storage.db import open_db

    _, sessions = open_db(args.db or env.default_db_url())
    return sessions


def _resolve(sessions: sessionmaker[Session], run: str) -> str:
    from reports.export import resolve_run

    with sessions() as s:
        return resolve_run(s, run)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_USAGE


def _load_config(path: str | None) -> Any:
    from govaudit.config import ConfigError, load_config

    if path is not None:
        return load_config(path)  # an explicit bad config is the user's to fix: ConfigError -> exit 2
    if DEFAULT_CONFIG.exists():
        try:
            return load_config(DEFAULT_CONFIG)
        except ConfigError as exc:
            print(f"提示 / note: {exc}；报告中的单位名称将根据数据库推断。", file=sys.stderr)
    return None


def cmd_report(args: argparse.Namespace) -> int:
    from reports import write_reports
    from reports.export import ExportError

    sessions = _sessions(args)
    try:
        run_id = _resolve(sessions, args.run)
    except ExportError as exc:
        return _fail(str(exc))
    out = Path(args.out)
    paths = write_reports(sessions, run_id, out, config=_load_config(args.config))
    units = sum(1 for p in paths if p.parent.name == "units")
    print(f"已生成运行 {run_id} 的报告 / reports of run {run_id} written to {out}/: "
          f"{', '.join(p.name for p in paths if p.parent == out)}，以及 {units} 个单位整改清单（{out}/units/）")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from reports.overrides import OverrideError, explain, list_overrides, render_overrides, revoke
    from reports.style import verdict_zh

    sessions = _sessions(args)
    try:
        if args.list:
            items = list_overrides(sessions, site_id=args.site, check_id=args.check, include_revoked=args.all)
            sys.stdout.write(render_overrides(items))
            return EXIT_OK
        if args.revoke is not None:
            o = revoke(sessions, args.revoke, args.why or "", args.by or "")
            print(f"已撤销第 {o.id} 号人工说明（站点 {o.site_id}，检查项 {o.check_id}）。下一次运行起恢复机器结论。")
            return EXIT_OK
        missing = [flag for flag, value in (("--site", args.site), ("--check", args.check),
                                            ("--verdict", args.verdict), ("--why", args.why), ("--by", args.by))
                   if not value]
        if missing:
            return _fail(f"参数错误 / usage error: 录入人工说明需要 {' '.join(missing)}"
                         "（查看：govaudit explain --list；帮助：govaudit explain -h）")
        o = explain(sessions, args.run, args.site, args.check, args.verdict, args.why, args.by, doc_url=args.doc)
    except OverrideError as exc:
        return _fail(f"无法录入 / cannot record: {exc}")
    what = "站点总体" if o.scope == "site" else f"文件 {args.doc}"
    print(f"已记录第 {o.id} 号人工说明：站点 {o.site_id} 检查项 {o.check_id}（{what}）"
          f"{verdict_zh(o.machine_verdict)} → {verdict_zh(o.verdict)}，说明人 {o.author}。\n"
          "自下一次运行（或重新判定）起生效；该结论所依据的网页内容变化后自动失效。")
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    from reports.changes import ChangesError, diff_runs, previous_run_id, render_table
    from reports.export import ExportError

    sessions = _sessions(args)
    try:
        run_id = _resolve(sessions, args.run)
        since = _resolve(sessions, args.since) if args.since else None
        if since is None:
            with sessions() as s:
                since = previous_run_id(s, run_id)
        changes = diff_runs(sessions, since, run_id, site_ids=args.site, indicators=args.indicator)
    except (ExportError, ChangesError) as exc:
        return _fail(str(exc))
    print(changes.summary())
    if since is not None:
        sys.stdout.write(render_table(changes.verdicts))
        for j in changes.site_jumps:
            print(f"抓取异常：{j.site_name}（{j.site_id}）{j.text}")
    return EXIT_OK


def print_before_after(sessions: sessionmaker[Session], old_run_id: str | None, new_run_id: str, *,
                       site_ids: Sequence[str] = (), indicators: Sequence[str] = (),
                       file: TextIO | None = None) -> list[Any]:
    """The re-check's before/after table of every verdict that changed; returns the changes.

    `recheck` calls this after its run is stored, with the run it replaced as `old_run_id`
    (`RunResult.previous_run_id`).
    """
    from reports.changes import before_after, render_table
    from reports.style import verdict_zh
    from storage.models import Finding

    out = file or sys.stdout
    if old_run_id is None:
        out.write("没有可比较的上一次运行，无法列出整改前后对比。\n")
        return []
    rows = before_after(sessions, old_run_id, new_run_id, site_ids=site_ids, indicators=indicators)
    scope = f"站点 {'、'.join(site_ids)}" if site_ids else "全部站点"
    if indicators:
        scope += f"，指标 {'、'.join(indicators)}"
    out.write(f"复查结果（{scope}）：运行 {old_run_id} → {new_run_id}\n\n")
    out.write(render_table(rows))
    with sessions() as s:
        q = select(Finding.site_id, Finding.check_id, Finding.verdict, Finding.indicator_id).where(
            Finding.run_id == new_run_id, Finding.scope == "site", Finding.advisory.is_(False),
            Finding.verdict.in_(("FAIL", "REVIEW")))
        if site_ids:
            q = q.where(Finding.site_id.in_(list(site_ids)))
        still = s.execute(q.order_by(Finding.site_id, Finding.check_id)).all()
    wanted = {i.upper() for i in indicators if "." not in i}
    checks = {i.split(".")[0].upper() + "." + i.split(".")[1].lower() for i in indicators if "." in i}
    still = [r for r in still if not indicators or r.indicator_id in wanted or r.check_id in checks]
    if still:
        out.write("\n仍未达标：" + "；".join(f"{r.site_id} {r.check_id} {verdict_zh(r.verdict)}" for r in still[:30])
                  + (f" 等 {len(still)} 项" if len(still) > 30 else "") + "\n")
    return rows
