"""Result type, limits, typed errors and small text helpers shared by the attachment extractors."""

from __future__ import annotations

import re
import time as _time
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

# Error codes: the part of AttachmentText.error before ": ". Rules branch on these, so they are stable.
ENCRYPTED = "encrypted"
MALFORMED = "malformed"
TOO_LARGE = "too_large"
ZIP_BOMB = "zip_bomb"
TOO_DEEP = "too_deep"
XXE = "xxe"
TIMEOUT = "timeout"
CRASHED = "crashed"
UNSUPPORTED = "unsupported"

MAX_TABLE_ROWS = 5000  # rows kept per table in AttachmentText.tables (text keeps up to Limits.max_rows)
MAX_COLS = 1024  # columns kept per row: real 清单 have < 100; hostile sheets may claim 16384


@dataclass(frozen=True)
class Limits:
    """Hard bounds on what one top-level extraction may read, inflate and keep."""

    max_bytes: int = 50 * 2**20  # input size (each zip member too)
    max_unpacked: int = 200 * 2**20  # bytes inflated from zips, summed over all nesting levels
    max_ratio: int = 100  # uncompressed / compressed size of a zip member
    max_members: int = 2000  # entries in one zip
    max_pages: int = 300  # PDF pages read
    max_rows: int = 100_000  # spreadsheet rows read, all sheets together
    max_text: int = 5_000_000  # characters kept in .text
    depth: int = 2  # zip recursion: members of a zip at depth `depth` are not opened


@dataclass
class AttachmentText:
    """What one attachment says, plus how sure we are of it (error / scanned)."""

    kind: str
    text: str = ""
    pages: int | None = None
    scanned: bool = False
    error: str | None = None
    tables: list[list[list[str]]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    children: list[tuple[str, AttachmentText]] = field(default_factory=list)

    @property
    def error_code(self) -> str | None:
        """The typed part of .error ("encrypted", "zip_bomb", …) or None."""
        return self.error.split(":", 1)[0] if self.error else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for the result cache, and for the isolated worker: no pickles from a child)."""
        return {
            "kind": self.kind,
            "text": self.text,
            "pages": self.pages,
            "scanned": self.scanned,
            "error": self.error,
            "tables": self.tables,
            "meta": self.meta,
            "children": [[name, child.to_dict()] for name, child in self.children],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AttachmentText:
        return cls(
            kind=str(d["kind"]),
            text=str(d.get("text", "")),
            pages=d.get("pages"),
            scanned=bool(d.get("scanned", False)),
            error=d.get("error"),
            tables=d.get("tables") or [],
            meta=d.get("meta") or {},
            children=[(str(name), cls.from_dict(child)) for name, child in d.get("children") or []],
        )


class ExtractError(Exception):
    """Refusal or failure with a typed code; extract() turns it into AttachmentText.error."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


class Budget:
    """Allowances shared by one top-level extraction and every nested member, so nesting cannot multiply them."""

    def __init__(self, limits: Limits) -> None:
        self.unpacked = limits.max_unpacked
        self.rows = limits.max_rows
        self.text = limits.max_text

    def take_unpacked(self, n: int, what: str) -> None:
        self.unpacked -= n
        if self.unpacked < 0:
            raise ExtractError(ZIP_BOMB, f"{what}: inflating more than the unpacked-size cap")


# --- soft time budget ----------------------------------------------------------------------------------
# Set only inside extract_isolated's child: long extractions stop early with partial text and a "timeout"
# error instead of being killed at the hard timeout with nothing.
_deadline: float | None = None


def set_time_budget(seconds: float | None) -> None:
    global _deadline
    _deadline = None if seconds is None else _time.monotonic() + seconds


def out_of_time() -> bool:
    return _deadline is not None and _time.monotonic() > _deadline


# --- text helpers ---------------------------------------------------------------------------------

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_WRAP_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]*[\r\n]+[ \t]*(?=[{_CJK}])")
_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean_cell(value: str) -> str:
    """One-line cell text: a header wrapped as 事项\\n名称 becomes 事项名称, other runs of whitespace one space."""
    if value.isprintable() and "  " not in value and value == value.strip():
        return value  # the common case, no regex needed: isprintable() is False for \n, \t, \u3000, controls
    value = _CONTROL.sub("", value)
    value = _WRAP_CJK.sub("", value)
    return _WS.sub(" ", value).strip()


def strip_controls(text: str) -> str:
    """Drop C0 control characters except tab, newline, form feed and carriage return."""
    return _CONTROL.sub("", text)


def cell_to_str(value: Any) -> str:
    """Spreadsheet value → text: integral floats without '.0', dates ISO, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return clean_cell(str(value))


def rows_to_text(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def iso(value: Any) -> str | None:
    """datetime → ISO string; anything else → None (metadata dates are optional)."""
    if isinstance(value, datetime):
        return value.isoformat()
    return None


_PDF_DATE = re.compile(
    r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz])|([+\-])(\d{2})'?(\d{2})?'?)?"
)


def pdf_date_to_iso(value: str) -> str | None:
    """PDF date "D:20240226144123+08'00'" → "2024-02-26T14:41:23+08:00"; None when unparsable."""
    from datetime import timedelta, timezone

    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    y, mo, d, h, mi, s, z, sign, tzh, tzm = m.groups()
    try:
        tz = None
        if z:
            tz = UTC
        elif sign:
            offset = timedelta(hours=int(tzh), minutes=int(tzm or 0))
            tz = timezone(offset if sign == "+" else -offset)
        dt = datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0), tzinfo=tz)
    except (ValueError, OverflowError):
        return None
    return dt.isoformat()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
