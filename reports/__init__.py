"""Tell: spreadsheets, HTML and exports made from stored findings (never from pages).

`write_reports` writes, into the output directory (fixed names, so cron jobs and bookmarks keep
working; the run id is inside every file, and any stored run can be re-rendered with
`govaudit report --run ID --out DIR`):

    findings.jsonl        CONTRACT §3
    findings.csv          the same records as CSV (UTF-8 with BOM, formula-safe)
    report.xlsx           the command office's workbook (reports.workbook)
    report.html           one self-contained HTML file (reports.html)
    units/<单位>_<id>.xlsx  one gap workbook per 责任单位 (reports.units)

Every file is written to a temporary file and renamed into place, so a killed writer never
replaces a good report with a half-written one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from reports.export import atomic_write, contract_records, csv_bytes, jsonl_bytes

if TYPE_CHECKING:
    from govaudit.alerts import Alert

log = logging.getLogger(__name__)

WORKBOOK_NAME = "report.xlsx"
HTML_NAME = "report.html"
UNITS_DIR = "units"


def write_reports(sessions: sessionmaker[Session], run_id: str, out_dir: Path, *, config: Any = None,
                  alerts: Sequence[Alert] | None = None) -> list[Path]:
    """Every report of a run, each written atomically into `out_dir`. Returns the paths written.

    `alerts` are the run's nightly alerts (computed from the stored history when not given): the 告警
    sheet and the HTML section show them next to the changes.
    """
    from govaudit.alerts import compute_alerts
    from reports.changes import changes_since_previous
    from reports.frames import load_run
    from reports.html import build_html, load_trend
    from reports.units import unit_file_names, write_unit_reports
    from reports.workbook import build_workbook

    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    records = list(contract_records(sessions, run_id))
    findings = out_dir / "findings.jsonl"
    atomic_write(findings, jsonl_bytes(iter(records)))
    csv_path = out_dir / "findings.csv"
    atomic_write(csv_path, csv_bytes(iter(records)))

    data = load_run(sessions, run_id, config)
    changes = changes_since_previous(sessions, run_id)
    if alerts is None:
        alerts = compute_alerts(sessions, run_id)
    unit_files = unit_file_names(data)
    workbook = out_dir / WORKBOOK_NAME
    atomic_write(workbook, build_workbook(data, changes, unit_files, alerts))
    unit_paths = write_unit_reports(data, out_dir / UNITS_DIR, unit_files)
    html_path = out_dir / HTML_NAME
    atomic_write(html_path, build_html(data, changes, load_trend(sessions, run_id), unit_files, alerts).encode("utf-8"))
    log.info("reports of run %s written to %s in %.1fs", run_id, out_dir, time.perf_counter() - started)
    return [findings, csv_path, workbook, html_path, *unit_paths]
