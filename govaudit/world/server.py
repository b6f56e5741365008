"""Serve a built world: one ThreadingHTTPServer per portal (distinct ports = distinct hosts), in a subprocess.

Static files with ETag/Last-Modified and 304s, the families' dynamic routes (dataproxy.jsp, gkmlpt and SPA
APIs), faults (503 column, slow page, redirect chain and loop, calendar trap, empty site search, WAF page, a dead
port) and named fixes that a running world can apply and revert.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import posixpath
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from govaudit.world import faults as fault_pages
from govaudit.world.families import HANDLERS

EXT_TYPES = {".js": "application/javascript", ".css": "text/css", ".txt": "text/plain", ".json": "application/json",
             ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".xml": "text/xml"}


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    raw_query: str
    body: bytes
    headers: Any
    host: str


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)


class WorldState:
    """Shared by every site server of one world: the active fixes and the site URLs (for cross-site links)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.active: list[str] = []
        self.urls: dict[str, str] = {}
        self.lock = threading.Lock()


class SiteRuntime:
    def __init__(self, state: WorldState, site_id: str) -> None:
        self.state = state
        self.id = site_id
        self.dir = state.root / "sites" / site_id
        self.meta: dict[str, Any] = json.loads((self.dir / "site.json").read_text(encoding="utf-8"))
        self.family: str = self.meta["family"]
        self._data: dict[tuple[str, tuple[str, ...]], Any] = {}

    # --- the world as currently fixed -------------------------------------------------------------------
    def fixes(self) -> list[str]:
        return [f for f in self.state.active if f in self.meta["fixes"]]

    def layers(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        for name in reversed(self.fixes()):
            yield self.state.root / "fixes" / name, self.meta["fixes"][name]
        yield self.dir, self.meta

    def faults(self) -> list[dict[str, Any]]:
        disabled = {p for f in self.fixes() for p in self.meta["fixes"][f]["disable_faults"]}
        return [f for f in self.meta["faults"] if f["path"] not in disabled]

    def data_json(self, name: str) -> Any:
        key = (name, tuple(self.fixes()))
        if key not in self._data:
            for base, _ in self.layers():
                path = base / "data" / name
                if path.exists():
                    self._data[key] = json.loads(path.read_text(encoding="utf-8"))
                    break
            else:
                self._data[key] = {}
        return self._data[key]

    # --- replies ----------------------------------------------------------------------------------------
    def text(self, status: int, text: str, ctype: str = "text/html; charset=utf-8") -> Reply:
        return Reply(status, text.encode("utf-8"), [("Content-Type", ctype)])

    def json(self, status: int, obj: Any) -> Reply:
        return Reply(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"),
                     [("Content-Type", "application/json;charset=UTF-8")])

    def find(self, path: str, raw_query: str = "") -> tuple[Path, str, dict[str, Any]] | None:
        """The file for a URL: an exact '?query' resource first, else the path (static servers ignore queries)."""
        clean = posixpath.normpath(unquote(path))
        if not clean.startswith("/"):
            return None
        keys = []
        if raw_query:
            keys.append((clean, quote(unquote(raw_query), safe="=&"), f"{path}?{unquote(raw_query)}"))
        keys.append((clean, "", path))
        for base, meta in self.layers():
            www = base / "www"
            for p, q, url in keys:
                rel = p.lstrip("/")
                if not rel or path.endswith("/"):
                    rel = (rel + "/index.html").lstrip("/")
                if q:
                    rel += "@" + q
                f = www / rel
                if f.is_file():
                    return f, url, meta
        return None

    def static(self, path: str, raw_query: str = "", req: Request | None = None) -> Reply:
        found = self.find(path, raw_query)
        if found is None:
            if self.find(path.rstrip("/") + "/") is not None and not path.endswith("/"):
                return Reply(301, b"", [("Location", path + "/")])
            return self.text(404, fault_pages.NOT_FOUND_PAGE)
        file, url, meta = found
        ctype = meta["types"].get(url) or self.meta["types"].get(url) or _type_for(file.name, self.meta["html_type"])
        body = file.read_bytes()
        if ctype.startswith("text/html") and b"__WORLD_URL_" in body:
            for sid, base in self.state.urls.items():
                body = body.replace(f"__WORLD_URL_{sid}__".encode(), base.encode())
        mtime = file.stat().st_mtime
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        headers = [("Content-Type", ctype), ("ETag", etag),
                   ("Last-Modified", email.utils.formatdate(mtime, usegmt=True))]
        headers += list((meta["headers"].get(url) or self.meta["headers"].get(url) or {}).items())
        if req is not None and _not_modified(req.headers, etag, mtime):
            return Reply(304, b"", [h for h in headers if h[0] in ("ETag", "Last-Modified")])
        return Reply(200, body, headers)

    # --- dispatch ---------------------------------------------------------------------------------------
    def dispatch(self, req: Request) -> Reply:
        if self.family == "waf":
            event = int(hashlib.sha1(req.path.encode()).hexdigest()[:12], 16)
            reply = self.text(200, fault_pages.waf_page(event))
            reply.headers.append(("Set-Cookie", f"__waf_sid={event % 999983:x}; Path=/; HttpOnly"))
            return reply
        full = req.path + (f"?{req.raw_query}" if req.raw_query else "")
        for f in self.faults():
            kind, fpath = f["kind"], f["path"]
            if kind == "503" and req.path.startswith(fpath):
                reply = self.text(503, fault_pages.UNAVAILABLE_PAGE)
                reply.headers.append(("Retry-After", "120"))
                return reply
            if kind in ("redirect", "loop") and full == fpath:
                return Reply(f["status"], b"", [("Location", f["target"])])
            if kind == "slow" and req.path == fpath:
                time.sleep(float(f.get("seconds", 3)))
            if kind == "calendar" and req.path == fpath:
                return self.text(200, fault_pages.calendar_page(req.query.get("month", [""])[-1], fpath))
            if kind == "hotwords" and req.path == fpath:
                return self.text(200, fault_pages.search_page(req.query.get("q", [""])[-1]))
        handler = HANDLERS.get(self.family)
        if handler is not None:
            reply = handler(self, req)
            if reply is not None:
                return _shallow_etag(reply, req)
        if req.method == "POST":
            return self.text(405, "<h1>405 Method Not Allowed</h1>")
        return self.static(req.path, req.raw_query, req)


def _type_for(name: str, html_type: str) -> str:
    ext = os.path.splitext(name.split("@", 1)[0])[1].lower()
    if ext in ("", ".html", ".htm", ".shtml", ".jsp"):
        return html_type
    return EXT_TYPES.get(ext, "application/octet-stream")


def _shallow_etag(reply: Reply, req: Request) -> Reply:
    """Dynamic GET answers get an ETag of their body and honour If-None-Match, as servers with a
    shallow-ETag filter do (Spring's ShallowEtagHeaderFilter, nginx with etag on for cached JSON)."""
    if req.method != "GET" or reply.status != 200:
        return reply
    etag = next((v for k, v in reply.headers if k == "ETag"), None)
    headers = list(reply.headers)
    if etag is None:
        etag = '"' + hashlib.sha1(reply.body).hexdigest()[:20] + '"'
        headers.append(("ETag", etag))
    inm = req.headers.get("If-None-Match")
    if inm and etag in [t.strip() for t in inm.split(",")]:
        return Reply(304, b"", [("ETag", etag)])
    return Reply(reply.status, reply.body, headers)


def _not_modified(headers: Any, etag: str, mtime: float) -> bool:
    inm = headers.get("If-None-Match")
    if inm:
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or etag in tags or f"W/{etag}" in tags
    ims = headers.get("If-Modified-Since")
    if ims:
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
        return int(mtime) <= int(since)
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True     # headers and body go out in two writes: avoid the 40 ms delayed-ACK stall
    server: SiteServer

    def _run(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        req = Request(self.command, parts.path or "/", parse_qs(parts.query, keep_blank_values=True), parts.query, body,
                      self.headers, self.headers.get("Host") or f"127.0.0.1:{self.server.server_port}")
        try:
            reply = self.server.site.dispatch(req)
        except Exception as exc:  # the world must keep serving; report as a real server would
            reply = Reply(500, f"<h1>500 Internal Server Error</h1><!-- {type(exc).__name__}: {exc} -->".encode(),
                          [("Content-Type", "text/html; charset=utf-8")])
        self.send_response(reply.status)
        for k, v in reply.headers:
            self.send_header(k, v)
        if reply.status != 304:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD" and reply.status != 304:
            self.wfile.write(reply.body)

    do_GET = do_HEAD = do_POST = _run

    def version_string(self) -> str:
        return str(self.server.site.meta.get("server", "nginx"))

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            sys.stderr.write(f"[{self.server.site.id}] {format % args}\n")


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, addr: tuple[str, int], site: SiteRuntime, verbose: bool = False) -> None:
        super().__init__(addr, Handler)
        self.site = site
        self.verbose = verbose


def start_servers(root: Path, host: str = "127.0.0.1", verbose: bool = False
                  ) -> tuple[WorldState, list[SiteServer], list[socket.socket]]:
    """Bind every site on a free port and serve it from a thread; a dead site gets a bound, never-listening port."""
    state = WorldState(Path(root))
    manifest = json.loads((state.root / "manifest.json").read_text(encoding="utf-8"))
    servers: list[SiteServer] = []
    holes: list[socket.socket] = []
    for p in manifest["portals"]:
        if p["family"] == "dead":
            # bound but not listening: connections are refused, and no other process can take the port
            hole = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            hole.bind((host, 0))
            holes.append(hole)
            state.urls[p["id"]] = f"http://{host}:{hole.getsockname()[1]}/"
            continue
        srv = SiteServer((host, 0), SiteRuntime(state, p["id"]), verbose)
        servers.append(srv)
        state.urls[p["id"]] = f"http://{host}:{srv.server_port}/"
        threading.Thread(target=srv.serve_forever, name=f"world-{p['id']}", daemon=True).start()
    return state, servers, holes


def serve_main(root: Path, host: str = "127.0.0.1", control: bool = False, verbose: bool = False) -> None:
    """Process entry point: print {"urls": …} as one JSON line, then obey 'fix NAME' / 'revert NAME' / 'quit'."""
    state, servers, holes = start_servers(root, host, verbose)
    print(json.dumps({"urls": state.urls, "pid": os.getpid()}, ensure_ascii=False), flush=True)
    known = {f["name"] for f in json.loads((Path(root) / "manifest.json").read_text(encoding="utf-8"))["fixes"]}
    try:
        if not control:
            while True:
                time.sleep(3600)
        for line in sys.stdin:
            cmd, _, arg = line.strip().partition(" ")
            if cmd == "quit":
                break
            if cmd in ("fix", "revert") and arg in known:
                with state.lock:
                    if cmd == "fix" and arg not in state.active:
                        state.active.append(arg)
                    if cmd == "revert" and arg in state.active:
                        state.active.remove(arg)
                print(f"ok {cmd} {arg}", flush=True)
            else:
                print(f"error unknown command {line.strip()!r}", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        for srv in servers:
            srv.shutdown()
            srv.server_close()
        for hole in holes:
            hole.close()


# --- the parent side ------------------------------------------------------------------------------------

class RunningWorld:
    """A world served by a subprocess. Use as a context manager, or call stop()."""

    def __init__(self, root: Path, host: str = "127.0.0.1", startup_timeout: float = 30.0) -> None:
        self.root = Path(root)
        self.manifest: dict[str, Any] = json.loads((self.root / "manifest.json").read_text(encoding="utf-8"))
        self.log_path = self.root / "server.log"
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "govaudit.world", "serve", "--root", str(self.root),
                                      "--host", host, "--control"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self._log, env=env, text=True, encoding="utf-8")
        assert self.proc.stdout is not None
        line = readline_within(self.proc, startup_timeout)
        self.urls: dict[str, str] = json.loads(line)["urls"]
        self.active: list[str] = []

    def __enter__(self) -> RunningWorld:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _command(self, cmd: str) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(cmd + "\n")
        self.proc.stdin.flush()
        answer = readline_within(self.proc, 10.0)
        if not answer.startswith("ok"):
            raise ValueError(f"world server refused {cmd!r}: {answer.strip()}")

    def apply_fix(self, name: str) -> None:
        """Mutate the served world as the named fix says (see manifest['fixes'])."""
        self._command(f"fix {name}")
        self.active.append(name)

    def revert_fix(self, name: str) -> None:
        self._command(f"revert {name}")
        if name in self.active:
            self.active.remove(name)

    def url(self, site_id: str, path: str = "/") -> str:
        return self.urls[site_id].rstrip("/") + path

    def write_config(self, path: str | Path, **crawl_overrides: Any) -> Path:
        """A sites.toml (CONTRACT §2) for the served world; keyword arguments override [crawl] keys."""
        m = self.manifest
        biggest = max(c.get("files", 0) for c in m["counts"].values())
        crawl: dict[str, Any] = {"allow_private_networks": True, "delay_seconds": 0, "concurrency_per_site": 8,
                                 "max_pages_per_site": max(3000, biggest * 3)}
        crawl.update(crawl_overrides)
        lines = ["# written by govaudit.world for the served fixture world", "[audit]",
                 f"jurisdiction = {toml_value(m['jurisdiction'])}", f"jurisdiction_id = {toml_value(m['jurisdiction_id'])}",
                 f"as_of = {m['as_of']}", f"cycle_start = {m['cycle_start']}", "", "[crawl]"]
        lines += [f"{k} = {toml_value(v)}" for k, v in crawl.items()]
        for p in m["portals"]:
            lines += ["", "[[sites]]", f"id = {toml_value(p['id'])}", f"name = {toml_value(p['name'])}",
                      f"url = {toml_value(self.urls[p['id']])}", f"level = {toml_value(p['level'])}",
                      f"jurisdiction_id = {toml_value(p['jurisdiction_id'])}"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def stop(self) -> None:
        stop_child(self.proc)
        self._log.close()


def stop_child(proc: subprocess.Popen[str]) -> None:
    """Ask a child server to quit on its stdin; kill it when it does not within 10 s."""
    if proc.poll() is None:
        try:
            assert proc.stdin is not None
            proc.stdin.write("quit\n")
            proc.stdin.flush()
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired, ValueError):
            proc.kill()
            proc.wait(timeout=10)
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


def readline_within(proc: subprocess.Popen[str], timeout: float, what: str = "the world server") -> str:
    """The next line a child server prints, or RuntimeError (the child killed) when none comes in time."""
    assert proc.stdout is not None
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline() if proc.stdout else ""), daemon=True)
    reader.start()
    reader.join(timeout)
    if not box or not box[0]:
        proc.kill()
        raise RuntimeError(f"{what} did not answer within {timeout:.0f}s (exit code {proc.poll()})")
    return box[0]


def toml_value(value: Any) -> str:
    """A TOML literal for the scalars and lists a generated config holds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")
