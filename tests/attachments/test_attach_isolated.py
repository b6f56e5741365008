"""extract_isolated gives extract()'s answer, but a slow or memory-hungry file cannot hang or exhaust the caller."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from govaudit.extract import attach_isolate
from govaudit.extract.attach_isolate import run_isolated
from govaudit.extract.attachments import Limits, extract, extract_isolated

from .builders import DATA, PERIOD, listing

REAL_PDF = DATA / "hzq2023_working.pdf"


@pytest.mark.parametrize("use_forkserver", [True, False], ids=["forkserver", "subprocess"])
def test_isolated_result_equals_in_process_result(use_forkserver: bool, nested_zip: bytes) -> None:
    for data, name in ((REAL_PDF.read_bytes(), "report.pdf"), (nested_zip, "附件.zip")):
        expected = extract(data, name)
        got = run_isolated("pdf", data, name, None, Limits(), 60.0, 2**30, use_forkserver=use_forkserver)
        assert got == expected


def test_isolated_errors_come_back_typed(text_pdf: bytes) -> None:
    result = extract_isolated(text_pdf[:500], "a.pdf")
    assert result.kind == "pdf"
    assert result.error is not None and result.error.startswith("malformed")


def test_oversized_input_is_refused_without_a_child_process() -> None:
    result = extract_isolated(b"%PDF-1.4" + b"\0" * 2000, "a.pdf", limits=Limits(max_bytes=1000))
    assert result.error is not None and result.error.startswith("too_large")


@pytest.mark.parametrize("use_forkserver", [True, False], ids=["forkserver", "subprocess"])
def test_hard_timeout_kills_the_child(
    use_forkserver: bool, big_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attach_isolate, "SOFT_BUDGET", 1000.0)  # no early stop: only the kill can end it
    started = time.monotonic()
    result = run_isolated(
        "pdf", big_pdf, "big.pdf", None, Limits(), 1.0, 2**30, use_forkserver=use_forkserver
    )
    elapsed = time.monotonic() - started
    assert result.error is not None and result.error.startswith("timeout")
    assert "killed" in result.error
    assert elapsed < 8  # 300 dense pages take ~20 s to extract: the child really was stopped


def test_soft_time_budget_returns_partial_text_before_the_hard_timeout(big_pdf: bytes) -> None:
    result = extract_isolated(big_pdf, "big.pdf", timeout=3.0)
    assert result.error is not None and result.error.startswith("timeout: stopped after")
    assert PERIOD in result.text  # the pages read before the budget ran out are kept
    assert result.pages == 300 and 0 < result.meta["pages_read"] < 300


def test_memory_cap_stops_a_hungry_extraction_but_not_a_normal_one() -> None:
    big_text = (
        "征求意见" * 2 + "x" * 8 + "\n"
    ).encode() * 1_500_000  # 39 MB of text → several copies in memory
    capped = extract_isolated(big_text, "a.txt", memory_mb=48)
    assert capped.error is not None and capped.error.startswith("crashed")
    small = extract_isolated("正文".encode(), "a.txt", memory_mb=48)
    assert small.error is None and small.text == "正文"


@pytest.mark.parametrize("use_forkserver", [True, False], ids=["forkserver", "subprocess"])
def test_child_temp_dir_is_removed_even_after_a_kill(
    use_forkserver: bool,
    isolated_tmp: Path,
    doc_bytes: bytes,
    big_pdf: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert (
        run_isolated(
            "doc", doc_bytes, "a.doc", None, Limits(), 30.0, 2**30, use_forkserver=use_forkserver
        ).error
        is None
    )
    monkeypatch.setattr(attach_isolate, "SOFT_BUDGET", 1000.0)
    run_isolated("pdf", big_pdf, "big.pdf", None, Limits(), 0.5, 2**30, use_forkserver=use_forkserver)
    assert listing(isolated_tmp) == []


def test_falls_back_to_a_subprocess_when_the_fork_server_cannot_start_a_child(
    text_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = attach_isolate._context()

    def refuse(self: object) -> None:
        raise AssertionError("daemonic processes are not allowed to have children")

    monkeypatch.setattr(ctx.Process, "start", refuse)  # type: ignore[attr-defined]
    result = extract_isolated(text_pdf, "a.pdf")
    assert result.error is None and PERIOD in result.text
