"""`findings.jsonl` and CSV exactly as CONTRACT §3 names them."""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from storage.models import Finding, Run

CONTRACT_FIELDS = ("run_id", "site_id", "indicator_id", "check_id", "scope", "verdict", "reason_codes", "url",
                   "title", "details")
_UMASK = os.umask(0)
os.umask(_UMASK)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    pass


def resolve_run(s: Session, run: str) -> str:
    if run == "latest":
        row = s.execute(select(Run.id).where(Run.status == "completed").order_by(Run.finished_at.desc())).first()
        if row is None:
            raise ExportError("数据库中还没有已完成的运行 / no completed run in this database yet")
        return str(row[0])
    if s.get(Run, run) is None:
        raise ExportError(f"找不到运行 {run!r} / no run with id {run!r}")
    return run


def contract_records(sessions: sessionmaker[Session], run_id: str) -> Iterator[dict[str, Any]]:
    with sessions() as s:
        rows = s.execute(select(Finding).where(Finding.run_id == run_id)
                         .order_by(Finding.site_id, Finding.check_id, Finding.scope.desc(), Finding.url)).scalars()
        for f in rows:
            details = dict(f.details or {})
            if f.override_id is not None:
                details["machine_verdict"] = f.machine_verdict
                details["override_id"] = f.override_id
            yield {"run_id": f.run_id, "site_id": f.site_id, "indicator_id": f.indicator_id, "check_id": f.check_id,
                   "scope": f.scope, "verdict": f.verdict, "reason_codes": list(f.reason_codes or []),
                   "url": f.url, "title": f.title, "details": details}


def atomic_write(path: Path, data: bytes) -> None:
    """Write then rename: a killed writer never leaves a half-written report in place of a good one.

    The temporary file carries its writer's pid; the next write of the same report removes those whose
    writer is gone (a SIGKILL leaves them behind), so killed runs do not pile up hidden files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_orphans(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; reports are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_orphans(path: Path) -> None:
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*"):
        pid = tmp.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def jsonl_bytes(records: Iterator[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records).encode("utf-8")


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas coming from web content (formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_bytes(records: Iterator[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CONTRACT_FIELDS)
    for r in records:
        row = [r[k] for k in CONTRACT_FIELDS]
        row[6] = ";".join(row[6])
        row[9] = json.dumps(row[9], ensure_ascii=False)
        writer.writerow([safe_cell(v) if v is not None else "" for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


def export_findings(sessions: sessionmaker[Session], run: str, fmt: str, out: Path | None) -> None:
    with sessions() as s:
        run_id = resolve_run(s, run)
    records = contract_records(sessions, run_id)
    data = jsonl_bytes(records) if fmt == "jsonl" else csv_bytes(records)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(out, data)
