"""ZIP safety: checks every archive before anything inflates it, inflates with caps, refuses DTDs in OOXML XML."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator
from xml.parsers import expat

from govaudit.extract.attach_base import (
    ENCRYPTED,
    MALFORMED,
    UNSUPPORTED,
    XXE,
    ZIP_BOMB,
    Budget,
    ExtractError,
    Limits,
)

_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_CENTRAL = b"PK\x01\x02"
_CHUNK = 1 << 16
_RATIO_FLOOR = 1 << 20  # members smaller than this may compress as well as they like (tiny repetitive XML)


def central_directory(data: bytes) -> bytes | None:
    """The central-directory bytes of a ZIP, located from the end record; None if there is no end record."""
    pos = data.rfind(_EOCD, max(0, len(data) - 65557))
    if pos < 0 or pos + 22 > len(data):
        return None
    entries, cd_size = struct.unpack_from("<HI", data, pos + 10)
    end = pos
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
        # ZIP64: the real size lives in the ZIP64 end record, just before its locator
        loc = pos - 20
        if loc >= 0 and data[loc : loc + 4] == _EOCD64_LOCATOR and loc - 56 >= 0:
            (cd_size,) = struct.unpack_from("<Q", data, loc - 56 + 40)
            end = loc - 56
    start = end - cd_size
    if start < 0:
        return None
    return data[start:end]


def member_names_region(data: bytes) -> bytes:
    """Bytes in which member names can be searched cheaply (for sniffing) without building ZipInfo objects."""
    cd = central_directory(data)
    return cd if cd is not None else data[: 4 << 20]


def display_name(info: zipfile.ZipInfo) -> str:
    """Member name as the author typed it: Windows zips store GBK names without the UTF-8 flag."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return name


def open_checked(data: bytes, limits: Limits, budget: Budget, what: str = "zip") -> zipfile.ZipFile:
    """Open a ZIP only after its central directory passes the bomb checks (count, declared size, ratio, overlap).

    The member count is taken from the raw central directory first, because zipfile builds one object per
    entry and a 50 MB archive of empty entries would cost gigabytes before any other check ran.
    """
    cd = central_directory(data)
    if cd is not None and cd.count(_CENTRAL) > limits.max_members:
        raise ExtractError(ZIP_BOMB, f"{what}: more than {limits.max_members} members")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error) as exc:
        raise ExtractError(MALFORMED, f"{what}: {exc}") from None
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise ExtractError(ZIP_BOMB, f"{what}: {len(infos)} members > {limits.max_members}")
    declared = sum(i.file_size for i in infos)
    if declared > budget.unpacked:
        raise ExtractError(
            ZIP_BOMB,
            f"{what}: declares {declared / 2**20:.0f} MiB unpacked, cap {budget.unpacked / 2**20:.0f} MiB",
        )
    compressed = sum(i.compress_size for i in infos)
    if declared > _RATIO_FLOOR and declared > limits.max_ratio * max(compressed, 1):
        raise ExtractError(
            ZIP_BOMB, f"{what}: compression ratio {declared / max(compressed, 1):.0f} > {limits.max_ratio}"
        )
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ExtractError(
                ZIP_BOMB,
                f"{what}: member {display_name(info)!r} ratio {info.file_size / max(info.compress_size, 1):.0f}"
                f" > {limits.max_ratio}",
            )
    # Overlapping members (one deflate stream referenced by many entries) are the non-recursive zip bomb;
    # Python 3.11.7's zipfile does not detect them.
    spans = sorted((i.header_offset, i.compress_size) for i in infos)
    for (off, size), (next_off, _) in zip(spans, spans[1:], strict=False):
        if off + size > next_off or off == next_off:
            raise ExtractError(ZIP_BOMB, f"{what}: members overlap at offset {next_off}")
    return zf


def iter_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> Iterator[bytes]:
    """Inflate one member in chunks, charging the shared budget and never exceeding the declared size."""
    name = display_name(info)
    if info.flag_bits & 0x1:
        raise ExtractError(ENCRYPTED, f"zip member {name!r} is password-protected")
    seen = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > info.file_size:
                    raise ExtractError(ZIP_BOMB, f"member {name!r} inflates beyond its declared size")
                budget.take_unpacked(len(chunk), f"member {name!r}")
                yield chunk
    except NotImplementedError as exc:
        raise ExtractError(UNSUPPORTED, f"member {name!r}: {exc}") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, struct.error) as exc:
        raise ExtractError(MALFORMED, f"member {name!r}: {exc}") from None


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    return b"".join(iter_member(zf, info, budget))


# --- DTD / entity refusal for XML parts -----------------------------------------------------------------

# Case-insensitive markers of a DTD in ASCII-compatible and UTF-16/32 encodings.
_DTD_MARKERS = [
    re.compile(re.escape(word.encode(enc)), re.IGNORECASE)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
]
_MARKER_TAIL = 64  # bytes kept between chunks so a marker split across chunks is still seen


def _refuse_dtd(*_args: object) -> None:
    raise _DTDFound


class _DTDFound(Exception):
    pass


def check_xml_part(chunks: Iterator[bytes], name: str) -> None:
    """Raise ExtractError("xxe") if an XML part declares a DTD or entity, in whatever encoding it is written.

    Two independent checks: a byte scan for <!DOCTYPE/<!ENTITY in the encodings XML parsers auto-detect, and a
    full expat parse that refuses on the first DTD event. A part expat cannot read at all is refused as
    malformed, so an exotic encoding (UTF-7, EBCDIC) cannot smuggle a DTD past both checks to lxml.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd  # type: ignore[assignment]
    tail = b""
    parse_error: str | None = None
    try:
        for chunk in chunks:
            window = tail + chunk
            if any(p.search(window) for p in _DTD_MARKERS):
                raise _DTDFound
            tail = window[-_MARKER_TAIL:]
            if parse_error is None:
                try:
                    parser.Parse(chunk, False)
                except expat.ExpatError as exc:
                    parse_error = str(exc)  # keep scanning bytes: a DTD later on must still say "xxe"
        if parse_error is None:
            try:
                parser.Parse(b"", True)
            except expat.ExpatError as exc:
                parse_error = str(exc)
    except _DTDFound:
        raise ExtractError(XXE, f"{name} declares a DTD or entity; refused without parsing") from None
    if parse_error is not None:
        raise ExtractError(MALFORMED, f"{name}: {parse_error}")


def _content_type_xml_parts(zf: zipfile.ZipFile, budget: Budget) -> tuple[set[str], set[str]]:
    """Part names and extensions [Content_Types].xml declares as XML (python-docx/openpyxl parse those)."""
    import defusedxml.ElementTree as DET

    try:
        info = zf.getinfo("[Content_Types].xml")
    except KeyError:
        return set(), set()
    raw = read_member(zf, info, budget)
    check_xml_part(iter([raw]), "[Content_Types].xml")
    try:
        root = DET.fromstring(raw, forbid_dtd=True)
    except Exception as exc:  # defusedxml raises several unrelated types
        raise ExtractError(MALFORMED, f"[Content_Types].xml: {exc}") from None
    parts: set[str] = set()
    exts: set[str] = set()
    for el in root:
        ctype = (el.get("ContentType") or "").lower()
        if not ctype.endswith("xml"):
            continue
        if el.tag.endswith("Override") and el.get("PartName"):
            parts.add(el.get("PartName", "").lstrip("/"))
        elif el.tag.endswith("Default") and el.get("Extension"):
            exts.add("." + el.get("Extension", "").lower())
    return parts, exts


def check_ooxml(zf: zipfile.ZipFile, budget: Budget) -> None:
    """Pre-scan every XML part of a DOCX/XLSX before python-docx/openpyxl (lxml) sees any of it."""
    parts, exts = _content_type_xml_parts(zf, budget)
    for info in zf.infolist():
        if info.is_dir() or info.filename == "[Content_Types].xml":
            continue
        lower = info.filename.lower()
        dot = lower.rfind(".")
        ext = lower[dot:] if dot >= 0 else ""
        if ext in (".xml", ".rels", ".vml") or ext in exts or info.filename in parts:
            check_xml_part(iter_member(zf, info, budget), info.filename)
