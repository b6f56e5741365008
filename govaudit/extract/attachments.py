"""Safe, bounded text extraction from attachments (spec §5.5): PDF, Office, WPS, OFD, ZIP, images, HTML, text."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from email.header import decode_header, make_header
from urllib.parse import unquote_to_bytes

from govaudit.extract.attach_base import (
    CRASHED,
    ENCRYPTED,
    MALFORMED,
    TOO_LARGE,
    UNSUPPORTED,
    AttachmentText,
    Budget,
    ExtractError,
    Limits,
)
from govaudit.extract.attach_zip import member_names_region

__all__ = [
    "EXTRACTOR_VERSION",
    "AttachmentText",
    "Limits",
    "extract",
    "extract_isolated",
    "filename_from_disposition",
    "safe_name",
    "sniff_kind",
]

# Entry points: extract (in-process) and extract_isolated (child process with timeout and memory cap: use it for
# files from the web); the crawler also uses sniff_kind, filename_from_disposition and safe_name.
#
# Safety model: inputs above Limits.max_bytes are refused unread. Every ZIP-based file (DOCX, XLSX, OFD, ZIP) is
# checked from its central directory (member count, declared size, ratio, overlapping members) before anything
# inflates it, then inflated in capped chunks against a budget shared by all nesting levels. XML parts of
# DOCX/XLSX are byte-scanned and expat-parsed DTD-free before python-docx/openpyxl (lxml) see them; OFD XML is
# parsed with defusedxml. Zip members stay in memory; the only files written are catdoc's temp copy of a .doc/.xls,
# inside a temp dir that is removed.

# Results are cached by (sha256, EXTRACTOR_VERSION): bump whenever any extractor's output can change.
EXTRACTOR_VERSION = "1.0.0"

KINDS = (
    "pdf",
    "docx",
    "xlsx",
    "doc",
    "xls",
    "wps",
    "et",
    "ofd",
    "zip",
    "rar",
    "image",
    "html",
    "text",
    "other",
)

# --- sniffing -------------------------------------------------------------------------------------------

_EXT_KIND = {
    **dict.fromkeys((".pdf",), "pdf"),
    **dict.fromkeys((".docx", ".docm", ".dotx", ".dotm"), "docx"),
    **dict.fromkeys((".xlsx", ".xlsm", ".xltx", ".xltm"), "xlsx"),
    **dict.fromkeys((".doc", ".dot", ".rtf"), "doc"),
    **dict.fromkeys((".xls", ".xlt"), "xls"),
    **dict.fromkeys((".wps", ".wpt"), "wps"),
    **dict.fromkeys((".et", ".ett"), "et"),
    **dict.fromkeys((".ofd",), "ofd"),
    **dict.fromkeys((".zip",), "zip"),
    **dict.fromkeys((".rar",), "rar"),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"), "image"),
    **dict.fromkeys(
        (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml", ".jsp", ".asp", ".aspx", ".php"), "html"
    ),
    **dict.fromkeys((".txt", ".csv", ".text"), "text"),
}
_CT_KIND = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/msword": "doc",
    "application/rtf": "doc",
    "text/rtf": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/kswps": "wps",
    "application/vnd.ms-works": "wps",
    "application/kset": "et",
    "application/ofd": "ofd",
    "application/zip": "zip",
    "application/x-zip-compressed": "zip",
    "application/x-rar-compressed": "rar",
    "application/vnd.rar": "rar",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "message/rfc822": "html",
    "multipart/related": "html",
    "text/plain": "text",
    "text/csv": "text",
}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_HEAD = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table)\b",
    re.I | re.S,
)


def _ext(filename: str | None) -> str:
    if not filename:
        return ""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].split("?", 1)[0]
    return os.path.splitext(base)[1].lower()


def _ole_streams(data: bytes) -> set[str]:
    """Lower-cased stream/storage paths of an OLE2 file."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            return {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # damaged directory: look for the UTF-16 stream names in the raw bytes instead
        probes = ("WordDocument", "Workbook", "Book", "EncryptedPackage", "WpsCustomData", "ETExtData")
        return {n.lower() for n in probes if n.encode("utf-16-le") in data}


def _ole_kind(data: bytes, ext: str) -> str:
    names = _ole_streams(data)
    if "encryptedpackage" in names:  # password-protected DOCX/XLSX are wrapped in OLE2; the name says which
        kind = _EXT_KIND.get(ext)
        return kind if kind in ("docx", "xlsx", "doc", "xls", "wps", "et") else "other"
    if "worddocument" in names:
        # Kingsoft WPS writes a WpsCustomData stream; its .wps files are Word-binary compatible
        return "wps" if "wpscustomdata" in names or ext in (".wps", ".wpt") else "doc"
    if "workbook" in names or "book" in names:
        # WPS 表格 writes ETExtData even into files it names .xls (the real 万载县 10月.xls has it)
        return "et" if "etextdata" in names or ext in (".et", ".ett") else "xls"
    kind = _EXT_KIND.get(ext)
    return kind if kind in ("doc", "xls", "wps", "et") else "other"


def _zip_kind(data: bytes) -> str:
    names = member_names_region(data)
    if b"word/document.xml" in names:
        return "docx"
    if b"xl/workbook.xml" in names:
        return "xlsx"
    if b"OFD.xml" in names:
        return "ofd"
    if b"ppt/presentation.xml" in names or b"mimetypeapplication/vnd.oasis" in data[:256]:
        return "other"  # PPTX / ODF: no extractor in the base stack
    return "zip"


def _magic_kind(data: bytes, ext: str) -> str | None:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE_MAGIC):
        return _ole_kind(data, ext)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return _zip_kind(data)
    if data.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if data.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "other"
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    if data[:2] == b"BM" and len(data) > 26 and int.from_bytes(data[2:6], "little") == len(data):
        return "image"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "doc"
    if stripped[:13].lower().startswith(b"mime-version") or _HTML_HEAD.match(stripped):
        return "html"
    return None


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if not sample or b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) < 0.01


def sniff_kind(data: bytes, filename: str | None = None, content_type: str | None = None) -> str:
    """Kind from magic bytes first (servers and names lie), then the file extension, then the content type."""
    ext = _ext(filename)
    kind = _magic_kind(data, ext)
    if kind:
        return kind
    if ext in _EXT_KIND:
        return _EXT_KIND[ext]
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype in _CT_KIND:
        return _CT_KIND[ctype]
    if ctype.startswith("image/"):
        return "image"
    return "text" if _looks_like_text(data) else "other"


# --- filenames ------------------------------------------------------------------------------------------

_DISPOSITION_PARAM = re.compile(
    r"""(?:^|;)\s*(filename\*?)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)""", re.IGNORECASE | re.DOTALL
)
_PCT = re.compile(r"%[0-9A-Fa-f]{2}")


def _decode_bytes(raw: bytes, preferred: str | None = None) -> str:
    for enc in (preferred, "utf-8", "gb18030"):
        if not enc:
            continue
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1")


def _header_text(value: bytes | str) -> str:
    """Header value as text. HTTP libraries that decode headers as latin-1 leave raw GBK/UTF-8 as mojibake."""
    if isinstance(value, bytes):
        return _decode_bytes(value)
    if any(ord(c) > 0x7F for c in value) and all(ord(c) <= 0xFF for c in value):
        return _decode_bytes(value.encode("latin-1"))
    return value


def filename_from_disposition(value: bytes | str) -> str | None:
    """The filename a Content-Disposition header announces, decoded; None if it has none.

    Handles RFC 5987/6266 `filename*=UTF-8''%E5%85%AC…` (preferred when present), quoted and bare `filename=`,
    raw GBK or UTF-8 bytes, percent-encoded UTF-8 or GBK, and RFC 2047 `=?UTF-8?B?…?=` words. The result is
    NOT sanitised: pass it through safe_name() before using it in a path.
    """
    if not value:
        return None
    text = _header_text(value)
    plain: str | None = None
    extended: str | None = None
    for m in _DISPOSITION_PARAM.finditer(text):
        key, raw = m.group(1).lower(), m.group(2).strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        if key == "filename*" and extended is None:
            charset, _, rest = raw.partition("'")
            _, _, encoded = rest.partition("'")
            if not encoded and not rest:
                encoded, charset = raw, "utf-8"
            extended = _decode_bytes(unquote_to_bytes(encoded), charset.strip() or "utf-8")
        elif key == "filename" and plain is None:
            plain = raw
    name = extended if extended else plain
    if name is None:
        return None
    if "=?" in name and "?=" in name:
        try:
            name = str(make_header(decode_header(name)))
        except Exception:  # a malformed encoded-word: keep the raw text
            pass
    if extended is None and _PCT.search(name):  # servers percent-encode plain filename= too (UTF-8 or GBK)
        name = _decode_bytes(unquote_to_bytes(name))
    name = name.strip()
    return name or None


_WIN_RESERVED = re.compile(r'[<>:"|?*]')
_WIN_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
MAX_NAME_CHARS = 150
MAX_NAME_BYTES = 240  # ext4/NTFS allow 255 bytes; 150 Chinese characters would be 450 in UTF-8


def safe_name(name: str) -> str:
    """A basename safe to store and show: no directories, '..', control/bidi characters or Windows-reserved
    characters; Chinese kept; at most 150 characters (and 240 UTF-8 bytes) with the extension preserved."""
    name = unicodedata.normalize("NFC", name or "")
    # Cc: NUL and control characters; Cf: bidi overrides that make "evil\u202efdp.exe" display as "evil.exe.pdf"
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf"))
    parts = [p for p in re.split(r"[\\/]+", name) if p.strip(" .")]
    name = parts[-1] if parts else ""
    name = _WIN_RESERVED.sub("_", name).strip(" .")  # Windows drops trailing dots/spaces; leading dot hides
    if _WIN_DEVICES.match(name):
        name = "_" + name
    stem, ext = os.path.splitext(name)
    if len(ext) > 16 or not stem:
        stem, ext = name, ""
    while stem and (
        len(stem) + len(ext) > MAX_NAME_CHARS or len((stem + ext).encode("utf-8")) > MAX_NAME_BYTES
    ):
        stem = stem[:-1]
    name = (stem.rstrip(" .") + ext) if stem else ""
    return name or "attachment" + (ext if ext and len(ext) <= 16 else "")


# --- extraction -----------------------------------------------------------------------------------------


def _dispatch(
    kind: str,
    data: bytes,
    filename: str | None,
    content_type: str | None,
    limits: Limits,
    budget: Budget,
    depth: int,
) -> AttachmentText:
    if data.startswith(_OLE_MAGIC) and kind != "other" and "encryptedpackage" in _ole_streams(data):
        # a password-protected DOCX/XLSX is an OLE2 wrapper around the encrypted ZIP
        raise ExtractError(ENCRYPTED, "password-protected Office document (OLE EncryptedPackage)")
    if kind == "pdf":
        from govaudit.extract.attach_pdf import extract_pdf

        return extract_pdf(data, limits)
    if kind == "docx":
        from govaudit.extract.attach_office import extract_docx

        return extract_docx(data, limits, budget)
    if kind == "xlsx":
        from govaudit.extract.attach_office import extract_xlsx

        return extract_xlsx(data, limits, budget)
    if kind in ("xls", "et"):
        from govaudit.extract.attach_office import extract_xls

        return extract_xls(data, kind, limits, budget)
    if kind in ("doc", "wps"):
        if not data.startswith(_OLE_MAGIC) and not data.lstrip()[:5] == b"{\\rtf":
            raise ExtractError(MALFORMED, f"{kind}: neither an OLE2 Word file nor RTF")
        from govaudit.extract.attach_office import extract_doc

        return extract_doc(data, kind)
    if kind == "ofd":
        from govaudit.extract.attach_archive import extract_ofd

        return extract_ofd(data, limits, budget)
    if kind == "zip":
        from govaudit.extract.attach_archive import extract_zip

        def recurse(member: bytes, name: str, level: int) -> AttachmentText:
            return _extract(member, name, None, limits, budget, level)

        return extract_zip(data, limits, budget, depth, recurse)
    if kind == "rar":
        raise ExtractError(UNSUPPORTED, "rar (no RAR reader in the base stack; open it by hand)")
    if kind == "image":
        return _image(data)
    if kind == "html":
        from govaudit.extract.attach_text import extract_html

        return extract_html(data, content_type, limits)
    if kind == "text":
        from govaudit.extract.attach_text import extract_text

        return extract_text(data, filename, content_type, limits)
    raise ExtractError(
        UNSUPPORTED, f"no extractor for this file type (extension {_ext(filename) or 'none'!r})"
    )


def _image(data: bytes) -> AttachmentText:
    meta: dict[str, object] = {}
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as img:  # reads the header only; no decoding
            meta = {"format": img.format, "width": img.width, "height": img.height}
    except Exception:  # Pillow missing or an unreadable image: the kind alone is the finding
        pass
    return AttachmentText(kind="image", scanned=True, meta=meta)


def _finish(result: AttachmentText, limits: Limits, budget: Budget) -> AttachmentText:
    # Leaves spend a text allowance shared with their siblings, so 2000 zip members cannot each keep max_text.
    leaf = result.kind != "zip"
    cap = min(limits.max_text, max(budget.text, 0)) if leaf else limits.max_text
    if len(result.text) > cap:
        result.text = result.text[:cap]
        result.meta["text_truncated"] = True
    if leaf:
        budget.text -= len(result.text)
    return result


def _extract(
    data: bytes, filename: str | None, content_type: str | None, limits: Limits, budget: Budget, depth: int
) -> AttachmentText:
    kind = "other"
    try:
        if len(data) > limits.max_bytes:  # sniff only the head: parsing a huge OLE/ZIP directory is the cost
            kind = sniff_kind(data[: 1 << 16], filename, content_type)
            raise ExtractError(TOO_LARGE, f"{len(data)} bytes > {limits.max_bytes}")
        kind = sniff_kind(data, filename, content_type)
        result = _dispatch(kind, data, filename, content_type, limits, budget, depth)
    except ExtractError as exc:
        result = AttachmentText(kind=kind, error=str(exc))
    except MemoryError:
        # Raised under extract_isolated's address-space cap (or a genuinely huge file in-process)
        result = AttachmentText(kind=kind, error=f"{CRASHED}: out of memory while extracting")
    except RecursionError:
        result = AttachmentText(kind=kind, error=f"{MALFORMED}: structure nested too deeply")
    except Exception as exc:  # last line of defence: third-party parsers raise anything on hostile input
        result = AttachmentText(kind=kind, error=f"{MALFORMED}: {type(exc).__name__}: {str(exc)[:300]}")
    return _finish(result, limits, budget)


def extract(
    data: bytes, filename: str | None = None, content_type: str | None = None, *, limits: Limits = Limits()
) -> AttachmentText:
    """Extract text, tables and metadata in this process. Never raises for bad input: see .error.

    Conventions: "\f" separates PDF/OFD pages and spreadsheet sheets (tables[i] is sheet meta["sheets"][i]);
    table rows are "\t"-joined lines in .text; .error may accompany partial text (a truncated PDF, a time
    budget stop); zip children keep the member path as stored (pass it through safe_name for display).
    Use extract_isolated for untrusted files where a parser bug could hang or exhaust this process.
    """
    return _extract(bytes(data), filename, content_type, limits, Budget(limits), 0)


def extract_isolated(
    data: bytes,
    filename: str | None = None,
    content_type: str | None = None,
    *,
    limits: Limits = Limits(),
    timeout: float = 30.0,
    memory_mb: int = 1024,
) -> AttachmentText:
    """extract() in a child process (fork server): killed after `timeout` seconds ("timeout: …"), capped at
    `memory_mb` MiB of address space above the worker's own footprint (RLIMIT_AS), so a hostile file can
    neither hang nor exhaust the crawler/auditor. A dead child gives "crashed: …". Blocking: call it from a
    worker thread in Twisted code. Like any multiprocessing use, the program's entry point must be import-safe.
    """
    from govaudit.extract.attach_isolate import run_isolated

    data = bytes(data)
    if len(data) > limits.max_bytes:  # refuse before paying for a process
        kind = sniff_kind(data[: 1 << 16], filename, content_type)
        return AttachmentText(kind=kind, error=f"{TOO_LARGE}: {len(data)} bytes > {limits.max_bytes}")
    kind = sniff_kind(data, filename, content_type)
    return run_isolated(kind, data, filename, content_type, limits, timeout, memory_mb * 2**20)
