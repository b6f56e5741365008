"""`govaudit` command line (CONTRACT §1). Help is bilingual: the command office reads Chinese."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from govaudit import __version__, env
from govaudit.config import ConfigError, load_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED, EXIT_DB = 0, 1, 2, 3, 4

DESCRIPTION = """\
govaudit —— 法治政府建设示范创建「网络检索」指标自动审计工具
Audits government websites for the 网络检索 disclosures of the 法治政府建设示范 plan.

常用命令 / common commands:
  govaudit demo                      离线演示：启动内置演示网站并完整审计一遍 / offline demo
  govaudit run                       抓取、判定、出报告 / crawl, judge and write reports
  govaudit recheck --site ID         单位整改后复查本单位网站 / re-check one site after a fix
  govaudit export --format jsonl     导出某次运行的检查结果 / export findings of a run
  govaudit indicators                指标目录 / the plan's indicator catalogue
  govaudit rules                     判定规则目录 / the rule catalogue
"""


class UsageError(Exception):
    """Bad command-line input; exit 2 with this message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit 2 with one line, as argparse does, but bilingual
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"参数错误 / usage error: {message}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} 不是有效日期 / is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="govaudit", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"govaudit {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="详细日志 / verbose logging")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser, config: bool = True) -> None:
        if config:
            sp.add_argument("--config", default="config/sites.toml",
                            help="站点配置文件 / sites.toml (default: config/sites.toml)")
        sp.add_argument("--db", default=None,
                        help="数据库 URL，默认内置 SQLite / SQLAlchemy URL (default: sqlite file under ./var)")

    r = sub.add_parser("run", help="抓取、判定并输出报告 / crawl, audit and report",
                       description="抓取配置的网站（或 --site 指定的网站），判定全部检查项，保存并输出报告。\n"
                                   "Crawl the configured sites, audit them, store everything, write reports.")
    common(r)
    r.add_argument("--as-of", type=_date, help="审计基准日 / audit date YYYY-MM-DD (default: today, Asia/Shanghai)")
    r.add_argument("--out", default="out", help="报告输出目录 / report directory (default: out)")
    r.add_argument("--site", action="append", default=[], metavar="ID", help="只审计指定站点，可重复 / only these sites")
    r.add_argument("--no-progress", action="store_true", help="不显示进度 / no live progress display")
    r.add_argument("--distributed", action="store_true",
                   help="分布式：由 govaudit worker 进程抓取（需 PostgreSQL 与 Redis）/ coordinate workers over Redis")

    e = sub.add_parser("export", help="导出检查结果 / export the findings of a stored run")
    common(e, config=False)
    e.add_argument("--run", default="latest", help="运行编号或 latest / RUN_ID or latest")
    e.add_argument("--format", required=True, choices=("jsonl", "csv"), help="jsonl | csv")
    e.add_argument("--out", default=None, help="输出文件，默认标准输出 / output file (default: stdout)")

    a = sub.add_parser("audit", help="离线重新判定已保存的抓取 / re-judge a stored crawl offline",
                       description="用当前规则重新判定一次已保存的抓取结果（不联网），保存为新的运行并输出报告。\n"
                                   "Re-run the rules on a stored crawl without network; stores a new run.")
    common(a)
    a.add_argument("--run", required=True, help="被重新判定的运行编号或 latest / RUN_ID or latest")
    a.add_argument("--as-of", type=_date, help="审计基准日（默认沿用原运行）/ audit date (default: the run's)")
    a.add_argument("--out", default="out", help="报告输出目录 / report directory")

    rc = sub.add_parser("recheck", help="整改后复查单个网站 / re-check one site after a fix",
                        description="重新抓取（不使用缓存）指定网站、重新判定、保存新的运行，并列出前后变化。\n"
                                    "Re-crawl the site (no cache), re-judge, store a new run, print before/after.")
    common(rc)
    rc.add_argument("--site", action="append", required=True, metavar="ID", help="站点编号，可重复 / site id")
    rc.add_argument("--indicator", action="append", default=[], metavar="ID",
                    help="只显示这些指标的变化，如 I98 / only show these indicators")
    rc.add_argument("--as-of", type=_date, help="审计基准日 / audit date")
    rc.add_argument("--out", default=None,
                    help="报告输出目录（默认 out/recheck/<站点>，不覆盖夜间报告）/ report directory (default out/recheck/<site>)")
    rc.add_argument("--no-progress", action="store_true", help="不显示进度 / no live progress display")

    ru = sub.add_parser("rules", help="判定规则目录 / the rule catalogue")
    ru.add_argument("--markdown", action="store_true", help="输出给指挥部的 Markdown 规则目录 / Markdown catalogue")
    ru.add_argument("--out", help="写入文件 / write to this file")

    d = sub.add_parser("demo", help="离线演示：内置演示网站 + 完整审计 / offline demo on bundled portals",
                       description="在本机启动内置的演示政府网站，完整运行一次抓取、判定和报告（不需要联网）。\n"
                                   "Serves the bundled demo portals on 127.0.0.1 and audits them end to end.")
    d.add_argument("--db", default=None, help="数据库 URL / database URL (default: sqlite under ./var/demo)")
    d.add_argument("--out", default="out/demo", help="报告输出目录 / report directory (default: out/demo)")
    d.add_argument("--pages", type=int, default=0, help="额外填充页面数（压测用）/ extra filler pages")
    d.add_argument("--no-progress", action="store_true", help="不显示进度 / no live progress display")

    w = sub.add_parser("worker", help="分布式抓取工作进程 / a distributed crawl worker",
                       description="等待协调进程（govaudit run --distributed）发布的运行，从共享 Redis 队列取任务抓取，"
                                   "写入同一个 PostgreSQL 数据库。\nWaits for an announced run, crawls from the shared "
                                   "Redis queues, writes to the shared PostgreSQL database, exits when idle.")
    w.add_argument("--db", default=None, help="数据库 URL（默认用协调进程公布的）/ database URL (default: announced)")
    w.add_argument("--wait", type=float, default=3600, help="等待运行发布的秒数 / seconds to wait for a run")
    w.add_argument("--idle", type=int, default=30, help="队列空闲多少秒后结束 / idle seconds before finishing")
    w.add_argument("--loop", action="store_true", help="完成后继续等待下一次运行 / keep serving runs")
    w.add_argument("--no-progress", action="store_true", help="不显示进度 / no live progress display")

    pr = sub.add_parser("prune", help="按保留策略清理旧的抓取证据 / delete the evidence of old runs, keep verdicts",
                        description="保留最近 N 次完成的运行的抓取证据（网页、文档、覆盖记录、原始内容），更早运行只保留检查结果、"
                                    "人工说明和运行记录。建议在夜间审计之后运行。\nKeep the crawl evidence of the newest N "
                                    "completed runs; older runs keep their findings, overrides and provenance.")
    pr.add_argument("--config", default=None, help="站点配置（原始内容存放位置）/ sites.toml (where bodies are stored)")
    pr.add_argument("--db", default=None, help="数据库 URL / database URL")
    pr.add_argument("--keep-runs", type=int, required=True, metavar="N", help="保留证据的运行数（≥2）/ runs to keep (≥ 2)")
    pr.add_argument("--dry-run", action="store_true", help="只列出将清理的内容 / only show what would go")

    i = sub.add_parser("indicators", help="指标目录 / the plan's 104 items and 85 sub-checks")
    i.add_argument("--task", help="按工作任务类型筛选 / filter by task kind, e.g. 网络检索")
    i.add_argument("--unit", help="按责任单位筛选 / filter by responsible unit, e.g. 市司法局")
    i.add_argument("--class", dest="cls", choices=("A", "B", "C"), help="按自动化类别筛选 / filter by check class")
    i.add_argument("--format", choices=("table", "json"), default="table")
    from govaudit import cli_reports

    COMMANDS.update(cli_reports.register(sub))
    return p


def cmd_indicators(args: argparse.Namespace) -> int:
    from govaudit.catalogue import load_catalogue

    cat = load_catalogue()
    rows: list[dict[str, Any]] = []
    for ind in cat.indicators:
        if args.task and args.task not in ind.kinds:
            continue
        if args.unit and not any(args.unit in u for u in ind.units):
            continue
        checks = [c for c in ind.checks if not args.cls or c.cls == args.cls]
        if args.cls and not checks:
            continue
        rows.append({
            "id": ind.id, "number": ind.number, "label": ind.label, "text": ind.text,
            "tasks": [{"kind": t.kind, "text": t.text} for t in ind.tasks], "net_search": ind.net_search,
            "responsible": list(ind.units), "responsible_slugs": list(ind.unit_slugs),
            "lead_unit": ind.lead_unit, "counties_responsible": ind.counties_responsible,
            "primary_class": ind.primary_class,
            "checks": [{"check_id": c.id, "class": c.cls, "advisory": c.advisory, "title": c.title,
                        "levels": list(c.levels)} for c in checks],
        })
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"平顶山市法治政府建设示范创建指标（{len(rows)} 项）", show_lines=False)
    for col in ("编号", "指标", "工作任务", "牵头单位", "检查项"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["id"], r["text"][:40] + ("…" if len(r["text"]) > 40 else ""), "、".join(t["kind"] for t in r["tasks"]),
                      r["lead_unit"], " ".join(f"{c['check_id']}({c['class']})" for c in r["checks"]) or "—")
    Console().print(table)
    n_checks = sum(len(r["checks"]) for r in rows)
    print(f"共 {len(rows)} 项指标，其中 {sum(1 for r in rows if r['net_search'])} 项有网络检索任务，{n_checks} 个检查项。")
    return EXIT_OK


def _db_url(args: argparse.Namespace) -> str:
    return args.db or env.default_db_url()


def cmd_run(args: argparse.Namespace) -> int:
    from govaudit.runner import RunOptions, execute, today_shanghai

    config = load_config(args.config, as_of=args.as_of)
    config.select_sites(args.site)  # unknown ids are a usage error before anything starts
    as_of = args.as_of or config.audit.as_of or today_shanghai()
    opts = RunOptions(db_url=_db_url(args), out_dir=Path(args.out), as_of=as_of, site_ids=tuple(args.site),
                      progress=not args.no_progress, distributed=args.distributed)
    result = execute(config, opts)
    _summary(result.run_id, result.counts, Path(args.out), resumed=result.resumed)
    return EXIT_OK


def _summary(run_id: str, counts: dict[str, Any], out: Path, resumed: bool = False) -> None:
    verdicts = counts.get("site_verdicts", {})
    parts = " ".join(f"{k}={verdicts.get(k, 0)}" for k in ("PASS", "FAIL", "REVIEW", "PENDING", "NA", "ERROR"))
    print(f"govaudit run {run_id}{' (resumed)' if resumed else ''}: sites={counts.get('sites', 0)} "
          f"pages={counts.get('pages', 0)} findings={counts.get('findings', 0)} {parts} "
          f"alerts={counts.get('alerts', 0)} -> {out}/findings.jsonl")


def cmd_export(args: argparse.Namespace) -> int:
    from reports.export import export_findings
    from storage.db import open_db

    _, sessions = open_db(_db_url(args))
    export_findings(sessions, args.run, args.format, Path(args.out) if args.out else None)
    return EXIT_OK


def cmd_worker(args: argparse.Namespace) -> int:
    import subprocess

    from govaudit.runner import run_worker

    if args.loop:  # one run per process (the reactor cannot restart): loop in child processes
        base = [sys.executable, "-m", "govaudit.cli", "worker", "--wait", str(args.wait), "--idle", str(args.idle)]
        base += (["--db", args.db] if args.db else []) + (["--no-progress"] if args.no_progress else [])
        while True:
            subprocess.run(base, check=False)
    run_id = run_worker(db_url=args.db, wait=args.wait, idle_seconds=args.idle, progress=not args.no_progress)
    print(f"govaudit worker: {'crawled run ' + run_id if run_id else 'no run announced'}")
    return EXIT_OK


def cmd_prune(args: argparse.Namespace) -> int:
    from govaudit.runner import prune_evidence
    from storage.prune import MIN_KEEP

    if args.keep_runs < MIN_KEEP:
        raise UsageError(f"--keep-runs 至少为 {MIN_KEEP}（今晚的运行要与昨晚比较）/ must be at least {MIN_KEEP}")
    config = load_config(args.config) if args.config else None
    report = prune_evidence(config, _db_url(args), args.keep_runs, dry_run=args.dry_run)
    rows = " ".join(f"{k}={v}" for k, v in report.rows.items())
    verb = "将清理 / would prune" if report.dry_run else "已清理 / pruned"
    print(f"govaudit prune: {verb} {len(report.pruned)} runs ({rows}); kept {len(report.kept)} runs"
          + ("" if report.dry_run else f"; bodies={report.blobs} ({report.blob_bytes / 2**20:.1f} MiB) "
                                       f"attachment texts={report.attachments}"))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from govaudit.runner import reaudit

    config = load_config(args.config)
    run_id, counts = reaudit(config, _db_url(args), args.run, as_of=args.as_of, out_dir=Path(args.out))
    _summary(run_id, counts, Path(args.out))
    return EXIT_OK


def cmd_recheck(args: argparse.Namespace) -> int:
    from govaudit.runner import RunOptions, execute, today_shanghai

    config = load_config(args.config, as_of=args.as_of)
    config.select_sites(args.site)
    catalogue_ids = {i.id for i in _catalogue().indicators}
    unknown = [i for i in args.indicator if i not in catalogue_ids]
    if unknown:
        raise UsageError(f"未知指标 / unknown indicator(s): {', '.join(unknown)} (e.g. I98, I100, D1)")
    as_of = args.as_of or config.audit.as_of or today_shanghai()
    # a re-check has its own report folder: it must not replace the nightly workbook with a one-site one
    out = Path(args.out) if args.out else Path("out") / "recheck" / "-".join(args.site)
    opts = RunOptions(db_url=_db_url(args), out_dir=out, as_of=as_of, site_ids=tuple(args.site),
                      kind="recheck", fresh=True, progress=not args.no_progress, indicators=tuple(args.indicator))
    result = execute(config, opts)
    _summary(result.run_id, result.counts, out)
    from govaudit.cli_reports import print_before_after
    from storage.db import open_db

    _, sessions = open_db(_db_url(args))
    print_before_after(sessions, result.previous_run_id, result.run_id, site_ids=tuple(args.site),
                       indicators=tuple(args.indicator))
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from audit_rules.catalogue import rules_markdown, rules_table

    text = rules_markdown() if args.markdown else rules_table()
    if args.out:
        from reports.export import atomic_write

        atomic_write(Path(args.out), text.encode("utf-8"))
    else:
        print(text)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from govaudit.demo import run_demo

    return run_demo(db_url=args.db, out_dir=Path(args.out), pages=args.pages, progress=not args.no_progress)


def _catalogue():  # type: ignore[no-untyped-def]
    from govaudit.catalogue import load_catalogue

    return load_catalogue()


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": cmd_run, "export": cmd_export, "indicators": cmd_indicators, "audit": cmd_audit,
    "recheck": cmd_recheck, "rules": cmd_rules, "demo": cmd_demo, "worker": cmd_worker, "prune": cmd_prune,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    from govaudit.runner import CrawlIncomplete, DistributedSetupError
    from reports.export import ExportError
    from storage.db import DatabaseError
    from storage.locks import LockHeld

    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"参数错误 / usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LockHeld as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_LOCKED
    except ExportError as exc:
        print(f"参数错误 / usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DistributedSetupError as exc:
        print(f"分布式配置错误 / distributed setup: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CrawlIncomplete as exc:
        print(f"运行未完成 / run did not complete: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except DatabaseError as exc:
        print(f"数据库错误 / database error: {exc}", file=sys.stderr)
        return EXIT_DB
    except KeyboardInterrupt:
        print("已中断；再次运行同一命令即可继续 / interrupted: run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
