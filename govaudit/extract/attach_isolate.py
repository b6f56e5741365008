"""Run one extraction in a child process with a wall-clock timeout, an address-space cap and its own temp dir."""

from __future__ import annotations

import dataclasses
import json
import math
import multiprocessing
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.context import BaseContext
from typing import Any

from govaudit.extract.attach_base import CRASHED, TIMEOUT, AttachmentText, Limits, set_time_budget

SOFT_BUDGET = 0.75  # share of the hard timeout after which extractors stop early and return partial text

# Children come from a multiprocessing fork server with the parsers preloaded (~30 ms per child instead of ~0.45 s
# of imports). If the host's __main__ cannot be re-imported by the fork server (code fed on stdin), a plain
# `python -m govaudit.extract.attach_isolate` worker is used instead. Either way the child answers in JSON, so
# the parent never unpickles anything produced while parsing hostile bytes.
_PRELOAD = [
    "govaudit.extract.attachments",
    "pdfplumber",
    "pdfminer.pdfdocument",
    "docx",
    "openpyxl",
    "xlrd",
    "olefile",
    "defusedxml.ElementTree",
    "charset_normalizer",
]
_lock = threading.Lock()
_ctx: BaseContext | None = None


def _context() -> BaseContext:
    # forkserver, not fork: the crawler runs threads (Twisted, Scrapy's DNS pool), and forking a threaded
    # process can deadlock the child. The server is a clean single-threaded process started once.
    global _ctx
    with _lock:
        if _ctx is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(_PRELOAD)
            _ctx = ctx
        return _ctx


def _main_is_importable() -> bool:
    """Fork-server children re-import the host's __main__ by path; stdin/REPL programs have no such file."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main.__spec__, "name", None):
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


def _vm_size() -> int:
    """This process's current virtual size in bytes (RLIMIT_AS counts virtual, not resident, memory)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _confine(memory: int, cpu_seconds: int, tmpdir: str, fsize: int) -> None:
    """Limits applied inside the child before it touches the input."""
    if os.getpgid(0) != os.getpid():
        os.setpgid(0, 0)  # own process group: a timeout kill also reaches catdoc/xls2csv grandchildren
    tempfile.tempdir = tmpdir  # the parent deletes this directory even if we are killed
    if memory > 0:
        cap = _vm_size() + memory
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    # CPU and file-size caps are backstops for the case where the parent dies before it can kill us.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))


def _answer(
    data: bytes, filename: str | None, content_type: str | None, limits: Limits, soft: float
) -> bytes:
    from govaudit.extract.attachments import extract

    set_time_budget(soft)
    result = extract(data, filename, content_type, limits=limits)
    return json.dumps(result.to_dict(), ensure_ascii=False, default=str).encode("utf-8")


def _child(conn: Any, args: tuple[Any, ...], memory: int, cpu_seconds: int, tmpdir: str, fsize: int) -> None:
    data, filename, content_type, limits, soft = args
    _confine(memory, cpu_seconds, tmpdir, fsize)
    conn.send_bytes(_answer(data, filename, content_type, limits, soft))
    conn.close()


class _StartFailed(Exception):
    """The fork server could not start a child; the plain subprocess worker is used instead."""


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _decode(kind: str, payload: bytes) -> AttachmentText:
    try:
        return AttachmentText.from_dict(json.loads(payload))
    except (ValueError, KeyError, TypeError) as exc:
        return AttachmentText(
            kind=kind, error=f"{CRASHED}: unreadable answer from the extractor process: {exc}"
        )


def _crashed(kind: str, code: int | None, memory: int) -> AttachmentText:
    if code is not None and code < 0:
        why = f"killed by {signal.Signals(-code).name}"
        if -code == signal.SIGXCPU:
            why += " (CPU time cap)"
    else:
        why = f"exit code {code} (likely out of memory under the {memory // 2**20} MiB cap)"
    return AttachmentText(kind=kind, error=f"{CRASHED}: extractor process {why}")


def _timed_out(kind: str, timeout: float) -> AttachmentText:
    return AttachmentText(kind=kind, error=f"{TIMEOUT}: extraction ran longer than {timeout:g} s; killed")


def _via_forkserver(
    kind: str, args: tuple[Any, ...], timeout: float, memory: int, cpu: int, tmpdir: str, fsize: int
) -> AttachmentText:
    ctx = _context()
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, args, memory, cpu, tmpdir, fsize), daemon=True)  # type: ignore[attr-defined]
    try:
        try:
            proc.start()
        except (
            AssertionError,
            OSError,
            EOFError,
        ) as exc:  # e.g. called from a daemonic multiprocessing worker
            raise _StartFailed(str(exc)) from exc
        send.close()
        started = time.monotonic()
        payload: bytes | None = None
        if not recv.poll(timeout):
            _kill_group(proc.pid)
            proc.kill()
            return _timed_out(kind, timeout)
        try:
            payload = recv.recv_bytes()
        except (EOFError, OSError):
            payload = None  # the child died without answering
        proc.join(max(1.0, timeout - (time.monotonic() - started)))
        if payload is None:
            return _crashed(kind, proc.exitcode, memory)
        return _decode(kind, payload)
    finally:
        recv.close()
        send.close()
        if proc.is_alive():
            _kill_group(proc.pid)
            proc.kill()
        if proc.pid is not None:
            proc.join(5)


def _via_subprocess(
    kind: str, args: tuple[Any, ...], timeout: float, memory: int, cpu: int, tmpdir: str, fsize: int
) -> AttachmentText:
    data, filename, content_type, limits, soft = args
    header = {
        "soft": soft,
        "filename": filename,
        "content_type": content_type,
        "limits": dataclasses.asdict(limits),
        "memory": memory,
        "cpu": cpu,
        "tmpdir": tmpdir,
        "fsize": fsize,
    }
    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "govaudit.extract.attach_isolate"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=tmpdir,
        env=env,
        start_new_session=True,  # own process group, killed as a whole on timeout
    )
    try:
        out, _ = proc.communicate(json.dumps(header).encode() + b"\n" + data, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        proc.communicate()
        return _timed_out(kind, timeout)
    finally:
        if proc.poll() is None:
            _kill_group(proc.pid)
            proc.wait()
    if proc.returncode != 0 or not out:
        return _crashed(kind, proc.returncode, memory)
    return _decode(kind, out)


def run_isolated(
    kind: str,
    data: bytes,
    filename: str | None,
    content_type: str | None,
    limits: Limits,
    timeout: float,
    memory: int,
    *,
    use_forkserver: bool | None = None,
) -> AttachmentText:
    tmpdir = tempfile.mkdtemp(prefix="govaudit-att-")
    cpu = max(1, math.ceil(timeout)) + 2
    fsize = limits.max_bytes + 2**20  # enough for catdoc's temp copy of the input, no more
    args = (data, filename, content_type, limits, SOFT_BUDGET * timeout)
    if use_forkserver is None:
        use_forkserver = _main_is_importable()
    try:
        if use_forkserver:
            try:
                return _via_forkserver(kind, args, timeout, memory, cpu, tmpdir, fsize)
            except _StartFailed:
                pass
        return _via_subprocess(kind, args, timeout, memory, cpu, tmpdir, fsize)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def _worker_main() -> None:
    """`python -m govaudit.extract.attach_isolate`: one JSON header line + raw bytes on stdin, JSON on stdout."""
    stdin = sys.stdin.buffer
    header = json.loads(stdin.readline())
    data = stdin.read()
    _confine(header["memory"], header["cpu"], header["tmpdir"], header["fsize"])
    limits = Limits(**header["limits"])
    sys.stdout.buffer.write(_answer(data, header["filename"], header["content_type"], limits, header["soft"]))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _worker_main()
