"""Tell: spreadsheets, HTML and exports made from stored findings (never from pages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from reports.export import atomic_write, contract_records, jsonl_bytes


def write_reports(sessions: sessionmaker[Session], run_id: str, out_dir: Path, *, config: Any = None) -> list[Path]:
    """Every report of a run, each written atomically into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    findings = out_dir / "findings.jsonl"
    atomic_write(findings, jsonl_bytes(contract_records(sessions, run_id)))
    return [findings]
