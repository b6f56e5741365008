"""Session fixtures for the attachment tests; the builders live in builders.py."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from .builders import (
    DATA,
    PERIOD,
    add_zero_member,
    make_docx,
    make_image_pdf,
    make_ofd,
    make_text_pdf,
    make_xlsx,
    with_gbk_names,
    zip_bytes,
)

# --- session fixtures -----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def text_pdf() -> bytes:
    return make_text_pdf()


@pytest.fixture(scope="session")
def big_pdf() -> bytes:
    return make_text_pdf(pages=300, lines_per_page=35)


@pytest.fixture(scope="session")
def image_pdf() -> bytes:
    return make_image_pdf()


@pytest.fixture(scope="session")
def docx_bytes() -> bytes:
    return make_docx()


@pytest.fixture(scope="session")
def xlsx_bytes() -> bytes:
    return make_xlsx()


@pytest.fixture(scope="session")
def ofd_bytes() -> bytes:
    return make_ofd([["平顶山市行政执法公示", PERIOD], ["第二页：行政处罚决定书", "决定日期：2021年9月28日"]])


@pytest.fixture(scope="session")
def doc_bytes() -> bytes:
    return (DATA / "notice_libreoffice.doc").read_bytes()


@pytest.fixture(scope="session")
def png_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 32), "white").save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture(scope="session")
def nested_zip(text_pdf: bytes, docx_bytes: bytes) -> bytes:
    inner = zip_bytes({"XXXXXXXX.pdf": text_pdf, "附件2.docx": docx_bytes})
    inner = with_gbk_names(inner, {"XXXXXXXX": "征求意见"})  # 4 GBK characters = 8 bytes, no UTF-8 flag
    return zip_bytes({"说明.txt": "附件见压缩包".encode(), "inner.zip": inner})


@pytest.fixture(scope="session")
def zip_bomb() -> bytes:
    """~200 KB that inflates to 210 MiB, above the default max_unpacked (200 MiB)."""
    return add_zero_member(zip_bytes({"readme.txt": b"hello"}), "bomb.txt", 210 * 2**20)


@pytest.fixture(scope="session")
def docx_bomb(docx_bytes: bytes) -> bytes:
    return add_zero_member(docx_bytes, "word/media/image1.png", 210 * 2**20)


@pytest.fixture(scope="session")
def xlsx_bomb(xlsx_bytes: bytes) -> bytes:
    return add_zero_member(xlsx_bytes, "xl/media/image1.png", 210 * 2**20)


@pytest.fixture()
def isolated_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point tempfile at an empty directory so a test can prove nothing is left behind."""
    import tempfile

    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.setenv("TMPDIR", str(root))
    return root
