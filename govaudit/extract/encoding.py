"""Decode HTML bytes the way a careful reader would: declared charsets are hints, not facts."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bs4.dammit import EncodingDetector

# GB2312/GBK pages routinely contain characters outside the declared set: gb18030 is the superset.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "cp936": "gb18030", "hz-gb-2312": "gb18030", "iso-8859-1": "windows-1252",
            "latin-1": "windows-1252", "ascii": "utf-8", "us-ascii": "utf-8", "utf8": "utf-8"}
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)
_LATIN_MOJIBAKE = re.compile(r"(?:Ã.|Â.|å[\x80-\xbf]|æ[\x80-\xbf]|ç[\x80-\xbf]|é[\x80-\xbf]){3,}")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None  # what the server or the page claimed
    mojibake: bool


def canonical_encoding(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def http_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _CHARSET_RE.search(content_type)
    return m.group(1) if m else None


def looks_mojibake(text: str) -> bool:
    """Replacement characters, the GBK '锟斤拷' signature, or UTF-8 read as Latin-1."""
    if not text:
        return False
    bad = text.count("\ufffd")
    if "锟斤拷" in text or bad > max(3, len(text) // 200):
        return True
    return len(_LATIN_MOJIBAKE.findall(text)) > 3


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    declared_http = http_charset(content_type)
    bom_enc: str | None = None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            bom_enc = name
    declared_meta: str | None = EncodingDetector.find_declared_encoding(body[:4096], is_html=True,
                                                                        search_entire_document=False)
    declared = declared_http or declared_meta
    candidates: list[str | None] = [bom_enc, canonical_encoding(declared_http), canonical_encoding(declared_meta), "utf-8", "gb18030"]
    seen: list[str] = []
    for enc in candidates:
        if not enc or enc in seen:
            continue
        seen.append(enc)
        try:
            text = body.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        # gb18030 decodes almost any bytes: accept it only if the result reads as text.
        if enc == "gb18030" and looks_mojibake(text):
            continue
        return Decoded(text, enc, declared, looks_mojibake(text))
    guess = _detect(body) or canonical_encoding(declared) or "utf-8"
    text = body.decode(guess, errors="replace")
    return Decoded(text, guess, declared, looks_mojibake(text))


def _detect(body: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    return canonical_encoding(best.encoding) if best else None
