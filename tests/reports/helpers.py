"""Read reports back as data (never compared as binary blobs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from reports.style import VERDICT_COLOURS


def load(path: Path) -> Any:
    return openpyxl.load_workbook(path)  # raises on a file Excel would have to repair


def header_row(ws: Worksheet, first: str) -> int:
    """1-based row whose column A holds `first` (the table's first header)."""
    for row in range(1, min(ws.max_row, 60) + 1):
        if ws.cell(row, 1).value == first:
            return row
    raise AssertionError(f"no header {first!r} in sheet {ws.title}")


def table(ws: Worksheet, first: str) -> tuple[list[str], list[list[Any]], int]:
    """(headers, data rows as values, header row) of the table starting at header `first`."""
    top = header_row(ws, first)
    headers = []
    for c in range(1, ws.max_column + 1):
        value = ws.cell(top, c).value
        if value is None:
            break
        headers.append(value)
    rows = []
    r = top + 1
    while r <= ws.max_row and any(ws.cell(r, c).value is not None for c in range(1, len(headers) + 1)):
        rows.append([ws.cell(r, c).value for c in range(1, len(headers) + 1)])
        r += 1
    return headers, rows, top


def col(headers: list[str], name: str) -> int:
    """1-based column of a header."""
    return headers.index(name) + 1


def fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)


def argb(verdict: str) -> str:
    return "FF" + VERDICT_COLOURS[verdict][0].lstrip("#").upper()
