"""What changed between two stored runs: verdicts, documents, and sites whose crawl looks different.

Runs are never overwritten, so any two can be compared. Verdicts are matched on
(site, check, scope, doc_key); only sites both runs covered are compared, and a check the old run
did not have at all (a rule added since) is listed apart instead of flooding the regressions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from govaudit.catalogue import load_catalogue
from reports.style import display_width, one_line, severity, verdict_zh
from storage.models import Document, Run
from storage.models import Finding as FindingRow
from storage.models import Site as SiteRow
from storage.prune import is_pruned

# A site "jumped" when its crawl differs this much from the previous run's (likely a site
# redesign, a block, or a crawler problem — worth a look before trusting the verdict changes).
PAGE_JUMP_RATIO = 0.5  # pages fetched changed by more than half, up or down ...
PAGE_JUMP_MIN = 50  # ... and by at least this many pages (small sites wobble)
ERROR_RATE_JUMP = 0.10  # share of failed fetches rose by at least 10 percentage points ...
ERROR_RATE_MIN_FETCHES = 20  # ... over at least this many fetches
DOC_KINDS_COMPARED = ("detail", "attachment")  # list and home pages come and go with pagination
CANDIDATE_RUNS = 200  # how far back the search for a previous run looks

KINDS = ("regression", "fix", "new_review", "other")
KIND_ZH = {"regression": "新增不达标", "fix": "已整改", "new_review": "新增待复核", "other": "其他变化"}
SCOPE_SHORT = {"site": "站点总体", "document": "文件"}


class ChangesError(Exception):
    pass


@dataclass(frozen=True)
class VerdictChange:
    kind: str
    site_id: str
    site_name: str
    indicator_id: str
    check_id: str
    check_title: str
    scope: str
    doc_key: str
    before: str | None
    after: str | None
    url: str | None
    title: str | None
    unit_id: str | None
    reason_codes: tuple[str, ...]

    @property
    def kind_zh(self) -> str:
        return KIND_ZH[self.kind]

    @property
    def before_zh(self) -> str:
        return verdict_zh(self.before) if self.before else "（无记录）"

    @property
    def after_zh(self) -> str:
        return verdict_zh(self.after) if self.after else "（记录消失）"


@dataclass(frozen=True)
class DocChange:
    kind: str  # new | vanished
    site_id: str
    site_name: str
    url: str
    title: str | None
    publish_date: str | None
    doc_kind: str

    @property
    def kind_zh(self) -> str:
        return "新增文件" if self.kind == "new" else "消失文件"


@dataclass(frozen=True)
class SiteJump:
    site_id: str
    site_name: str
    what: str  # pages | error_rate | status
    before: str
    after: str
    text: str


@dataclass
class Changes:
    old_run_id: str | None
    new_run_id: str
    sites_compared: list[str] = field(default_factory=list)
    verdicts: list[VerdictChange] = field(default_factory=list)
    new_documents: list[DocChange] = field(default_factory=list)
    vanished_documents: list[DocChange] = field(default_factory=list)
    site_jumps: list[SiteJump] = field(default_factory=list)
    new_checks: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for v in self.verdicts if v.kind == kind)

    def counts(self) -> dict[str, int]:
        out = {k: self.count(k) for k in KINDS}
        out.update(new_documents=len(self.new_documents), vanished_documents=len(self.vanished_documents),
                   site_jumps=len(self.site_jumps))
        return out

    def summary(self) -> str:
        if self.old_run_id is None:
            return "没有可比较的上一次运行。"
        c = self.counts()
        return (f"与运行 {self.old_run_id} 相比：新增不达标 {c['regression']} 项，已整改 {c['fix']} 项，"
                f"新增待复核 {c['new_review']} 项，其他变化 {c['other']} 项；新增文件 {c['new_documents']} 个，"
                f"消失文件 {c['vanished_documents']} 个；抓取异常站点 {c['site_jumps']} 个。")


def classify(before: str | None, after: str | None) -> str:
    if after == "FAIL" and before != "FAIL":
        return "regression"
    if before == "FAIL" and after in ("PASS", "NA"):
        return "fix"
    if after == "REVIEW" and before != "REVIEW":
        return "new_review"
    return "other"


def previous_run_id(s: Session, run_id: str) -> str | None:
    """`runs.previous_run_id` (set by the runner), else the latest completed run before this one that
    covers the same sites (or, failing that, any of them)."""
    run = s.get(Run, run_id)
    if run is None:
        raise ChangesError(f"找不到运行 {run_id!r} / no run with id {run_id!r}")
    if run.previous_run_id and s.get(Run, run.previous_run_id) is not None:
        return run.previous_run_id
    q = select(Run).where(Run.status == "completed", Run.id != run_id)
    if run.started_at is not None:
        q = q.where(Run.started_at < run.started_at)
    earlier = s.execute(q.order_by(Run.started_at.desc()).limit(CANDIDATE_RUNS)).scalars().all()
    mine = set(run.site_ids or ())
    for other in earlier:
        if mine and mine <= set(other.site_ids or ()):
            return other.id
    for other in earlier:
        if not mine or mine & set(other.site_ids or ()):
            return other.id
    return None


def _norm_filter(items: Iterable[str]) -> set[str]:
    out = set()
    for item in items:
        ind, dot, letter = item.strip().partition(".")
        out.add(ind.upper() + dot + letter.lower())
    return out


def _sites(s: Session, run: Run) -> dict[str, SiteRow]:
    rows = s.execute(select(SiteRow).where(SiteRow.run_id == (run.crawl_run_id or run.id))).scalars().all()
    return {r.site_id: r for r in rows}


def _findings(s: Session, run_id: str, site_ids: set[str]) -> list[Any]:
    t = FindingRow.__table__
    q = select(t.c.site_id, t.c.indicator_id, t.c.check_id, t.c.scope, t.c.doc_key, t.c.verdict, t.c.url,
               t.c.title, t.c.unit_id, t.c.reason_codes).where(t.c.run_id == run_id)
    return [r for r in s.execute(q).all() if r.site_id in site_ids]


def diff_runs(sessions: sessionmaker[Session], old_run_id: str | None, new_run_id: str, *,
              site_ids: Sequence[str] = (), indicators: Sequence[str] = ()) -> Changes:
    """Everything that changed from `old_run_id` to `new_run_id` (both stored; never recomputed)."""
    changes = Changes(old_run_id=old_run_id, new_run_id=new_run_id)
    if old_run_id is None:
        return changes
    catalogue = load_catalogue()
    titles = {c.id: c.title for c in catalogue.checks}
    check_order = {c.id: i for i, c in enumerate(catalogue.checks)}
    wanted = _norm_filter(indicators)
    with sessions() as s:
        old, new = s.get(Run, old_run_id), s.get(Run, new_run_id)
        if old is None or new is None:
            missing = old_run_id if old is None else new_run_id
            raise ChangesError(f"找不到运行 {missing!r} / no run with id {missing!r}")
        old_sites, new_sites = _sites(s, old), _sites(s, new)
        common = set(old.site_ids or old_sites) & set(new.site_ids or new_sites)
        if site_ids:
            common &= set(site_ids)
        old_f = _findings(s, old_run_id, common)
        new_f = _findings(s, new_run_id, common)
        t = Document.__table__
        docs_q = select(t.c.run_id, t.c.site_id, t.c.url, t.c.title, t.c.publish_date, t.c.kind).where(
            t.c.run_id.in_((old_run_id, new_run_id)), t.c.kind.in_(DOC_KINDS_COMPARED))
        # documents of a pruned run are gone (storage/prune.py): comparing with them would call every page new
        compare_docs = not wanted and not is_pruned(old) and not is_pruned(new)
        docs = [d for d in s.execute(docs_q).all() if d.site_id in common] if compare_docs else []
    order = {sid: i for i, sid in enumerate(new.site_ids or sorted(common))}
    changes.sites_compared = sorted(common, key=lambda x: (order.get(x, 1 << 30), x))
    names = {sid: r.name for sid, r in {**old_sites, **new_sites}.items()}

    def keep(r: Any) -> bool:
        return not wanted or r.check_id in wanted or r.indicator_id in wanted

    before = {(r.site_id, r.check_id, r.scope, r.doc_key or ""): r for r in old_f if keep(r)}
    after = {(r.site_id, r.check_id, r.scope, r.doc_key or ""): r for r in new_f if keep(r)}
    old_checks = {r.check_id for r in old_f}
    new_checks = {r.check_id for r in new_f}  # a re-check of some indicators judges only those
    changes.new_checks = sorted({r.check_id for r in new_f if keep(r)} - old_checks,
                                key=lambda c: check_order.get(c, 999))
    for key in before.keys() | after.keys():
        b, a = before.get(key), after.get(key)
        vb, va = (b.verdict if b else None), (a.verdict if a else None)
        if vb == va or key[1] not in old_checks or key[1] not in new_checks:
            continue
        if b is None and key[2] == "document" and va not in ("FAIL", "REVIEW"):
            continue  # a new document that passes is news for the document list, not a verdict change
        if a is None and key[2] == "document" and vb not in ("FAIL", "REVIEW", "ERROR"):
            continue
        ref = a or b
        assert ref is not None
        changes.verdicts.append(VerdictChange(
            kind=classify(vb, va), site_id=key[0], site_name=names.get(key[0], key[0]),
            indicator_id=ref.indicator_id, check_id=key[1], check_title=titles.get(key[1], key[1]),
            scope=key[2], doc_key=key[3], before=vb, after=va, url=ref.url, title=ref.title,
            unit_id=ref.unit_id, reason_codes=tuple(ref.reason_codes or ())))
    changes.verdicts.sort(key=lambda v: (KINDS.index(v.kind), order.get(v.site_id, 1 << 30),
                                         check_order.get(v.check_id, 999), v.scope != "site",
                                         -severity(v.after), v.title or ""))
    _diff_documents(changes, docs, old_run_id, new_run_id, names, order)
    _site_jumps(changes, old_sites, new_sites, names)
    return changes


def _diff_documents(changes: Changes, docs: list[Any], old_id: str, new_id: str, names: dict[str, str],
                    order: dict[str, int]) -> None:
    old = {(d.site_id, d.url): d for d in docs if d.run_id == old_id}
    new = {(d.site_id, d.url): d for d in docs if d.run_id == new_id}

    def doc(kind: str, d: Any) -> DocChange:
        return DocChange(kind=kind, site_id=d.site_id, site_name=names.get(d.site_id, d.site_id), url=d.url,
                         title=d.title, publish_date=d.publish_date.isoformat() if d.publish_date else None,
                         doc_kind=d.kind)

    def sort_key(c: DocChange) -> tuple[int, str, str]:
        return (order.get(c.site_id, 1 << 30), c.publish_date or "", c.url)

    changes.new_documents = sorted((doc("new", new[k]) for k in new.keys() - old.keys()), key=sort_key)
    changes.vanished_documents = sorted((doc("vanished", old[k]) for k in old.keys() - new.keys()), key=sort_key)


def _site_jumps(changes: Changes, old_sites: dict[str, SiteRow], new_sites: dict[str, SiteRow],
                names: dict[str, str]) -> None:
    for sid in changes.sites_compared:
        o, n = old_sites.get(sid), new_sites.get(sid)
        if o is None or n is None:
            continue
        name = names.get(sid, sid)
        if o.status == "done" and n.status not in ("done", "pending", "crawling"):
            changes.site_jumps.append(SiteJump(sid, name, "status", o.status, n.status,
                                               f"抓取状态由「{o.status}」变为「{n.status}」"
                                               + (f"（{n.error_type}）" if n.error_type else "")))
            continue  # its page count and error rate follow from that
        op, np_ = o.pages or 0, n.pages or 0
        if abs(np_ - op) >= PAGE_JUMP_MIN and abs(np_ - op) > PAGE_JUMP_RATIO * max(op, 1):
            direction = "减少" if np_ < op else "增加"
            changes.site_jumps.append(SiteJump(sid, name, "pages", str(op), str(np_),
                                               f"抓取页面数由 {op} {direction}到 {np_}"))
        o_rate = (o.errors or 0) / max(op + (o.errors or 0), 1)
        n_fetches = np_ + (n.errors or 0)
        n_rate = (n.errors or 0) / max(n_fetches, 1)
        if n_fetches >= ERROR_RATE_MIN_FETCHES and n_rate - o_rate >= ERROR_RATE_JUMP:
            changes.site_jumps.append(SiteJump(sid, name, "error_rate", f"{o_rate:.0%}", f"{n_rate:.0%}",
                                               f"抓取错误率由 {o_rate:.0%} 升至 {n_rate:.0%}"))


def changes_since_previous(sessions: sessionmaker[Session], run_id: str) -> Changes:
    with sessions() as s:
        prev = previous_run_id(s, run_id)
    return diff_runs(sessions, prev, run_id)


def before_after(sessions: sessionmaker[Session], old_run_id: str, new_run_id: str, *,
                 site_ids: Sequence[str] = (), indicators: Sequence[str] = ()) -> list[VerdictChange]:
    """Every verdict that changed between the two runs (the re-check table), worst news first."""
    return diff_runs(sessions, old_run_id, new_run_id, site_ids=site_ids, indicators=indicators).verdicts


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


def _fit(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def render_table(rows: Sequence[VerdictChange]) -> str:
    """The before/after table for the terminal (Chinese, aligned for CJK double-width characters)."""
    if not rows:
        return "与上次运行相比，没有结论发生变化。\n"
    headers = ("变化", "站点", "检查项", "对象", "整改前", "整改后")
    limits = (10, 24, 40, 40, 10, 10)
    table = [headers]
    for r in rows:
        target = SCOPE_SHORT["site"] if r.scope == "site" else one_line(r.title or r.url or r.doc_key, 200)
        table.append((r.kind_zh, r.site_name, f"{r.check_id} {r.check_title}", target, r.before_zh, r.after_zh))
    cells = [[_fit(c, lim) for c, lim in zip(row, limits, strict=True)] for row in table]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    counts = {k: sum(1 for r in rows if r.kind == k) for k in KINDS}
    lines.append("")
    lines.append("合计：" + "，".join(f"{KIND_ZH[k]} {counts[k]} 项" for k in KINDS))
    return "\n".join(lines) + "\n"
