"""Distributed crawling on scrapy-redis: `govaudit worker` processes on several machines take requests
from one shared Redis scheduler per site (with a shared duplicate filter) and write to one PostgreSQL
database; the coordinator (`govaudit run --distributed`) announces the run, seeds the homepages and
judges when the queues have drained and every worker has finished.

Redis keys (all under the namespace, default `govaudit:`): `run` (the announced run, JSON incl. the config files),
`<run>:portal-<site>:start` (seed), `<run>:portal-<site>:requests` / `:dupefilter` (scrapy-redis),
`<run>:workers` (hash worker -> running|done).
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import redis
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.spiders import RedisMixin

from crawler.spider import PortalSpider
from crawler.state import request_key
from govaudit import env


def namespace() -> str:
    """Deployments (or test sessions) sharing one Redis keep apart by namespace (GOVAUDIT_REDIS_NAMESPACE)."""
    return env.redis_namespace()


def announce_key() -> str:
    return f"{namespace()}:run"


def run_prefix(run_id: str) -> str:
    return f"{namespace()}:{run_id}"


class RequestKeyDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared filter, but on govaudit's request keys (which tell a rendered request from
    a plain one of the same URL, and a POST page of a Hanweb list from the next)."""

    def request_fingerprint(self, request: Request) -> str:
        key = request.meta.get("request_key") or request_key(request.url, request.method, request.body)
        if request.meta.get("redirect_urls"):
            return f"{key}|{request.url}"
        return key


class DistributedPortalSpider(RedisMixin, PortalSpider):
    """The portal spider fed from Redis: the homepage comes from the coordinator's seed list."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> DistributedPortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.redis_key = f"{run_prefix(spider.state.run_id)}:{spider.name}:start"
        spider.setup_redis(crawler)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for req in self.next_requests():  # the seed, if this worker is first; the rest comes by idle polling
            yield req

    def spider_idle(self) -> None:
        """scrapy-redis counts idleness from the spider's start (or the last seed), so a worker that has worked
        for an hour would quit at the first empty moment of its queue. Here idleness counts from the last sign
        of work for this site: requests waiting in the shared queue, or a response this worker received."""
        received = self.crawler.stats.get_value("response_received_count", 0) if self.crawler.stats else 0
        queued = self.server.zcard(self.crawler.settings.get("SCHEDULER_QUEUE_KEY") % {"spider": self.name})
        if received != getattr(self, "_received_at_last_idle", None) or queued:
            self.spider_idle_start_time = int(time.time())
        self._received_at_last_idle = received
        super().spider_idle()

    def make_request_from_data(self, data: bytes) -> Request | None:  # type: ignore[override]
        seed = json.loads(data)
        return self.request(seed["url"], kind=seed.get("kind", "home"), priority=1000, depth=seed.get("depth", 0))


def redis_settings(run_id: str, redis_url: str, idle_seconds: int) -> dict[str, Any]:
    prefix = run_prefix(run_id)
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "SCHEDULER_PERSIST": True,  # the coordinator clears the keys when the run is judged
        "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter",
        "SCHEDULER_DUPEFILTER_CLASS": "crawler.distributed.RequestKeyDupeFilter",
        "DUPEFILTER_CLASS": "crawler.distributed.RequestKeyDupeFilter",
        "REDIS_URL": redis_url,
        "MAX_IDLE_TIME_BEFORE_CLOSE": idle_seconds,
    }


def connect(redis_url: str) -> redis.Redis:
    client = redis.Redis.from_url(redis_url, socket_connect_timeout=5)
    client.ping()
    return client


def worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


# ---------------------------------------------------------------- coordinator side


def announce(client: redis.Redis, *, run_id: str, db_url: str, config_files: dict[str, str], config_name: str,
             site_ids: list[str], site_urls: dict[str, str], fresh: bool, previous_run_id: str | None) -> None:
    prefix = run_prefix(run_id)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    for site_id, url in site_urls.items():
        client.rpush(f"{prefix}:portal-{site_id}:start", json.dumps({"url": url, "kind": "home"}))
    client.set(announce_key(), json.dumps({"run_id": run_id, "db_url": db_url, "config_files": config_files,
                                     "config_name": config_name, "site_ids": site_ids, "fresh": fresh,
                                     "previous_run_id": previous_run_id}))


def queues_empty(client: redis.Redis, run_id: str, site_ids: list[str]) -> bool:
    prefix = run_prefix(run_id)
    for site_id in site_ids:
        if client.zcard(f"{prefix}:portal-{site_id}:requests") or client.llen(f"{prefix}:portal-{site_id}:start"):
            return False
    return True


def workers(client: redis.Redis, run_id: str) -> dict[str, str]:
    raw = client.hgetall(f"{run_prefix(run_id)}:workers")
    return {_text(k): _text(v) for k, v in raw.items()}


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def wait_for_drain(client: redis.Redis, run_id: str, site_ids: list[str], *, timeout: float, progress: Any = None,
                   poll: float = 1.0) -> dict[str, str]:
    """Until every seeded request was taken and every worker that joined has finished."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ws = workers(client, run_id)
        if ws and all(v == "done" for v in ws.values()) and queues_empty(client, run_id, site_ids):
            return ws
        if progress is not None:
            progress(ws)
        time.sleep(poll)
    raise TimeoutError(f"the distributed crawl of {run_id} did not drain within {timeout:.0f}s "
                       f"(workers: {workers(client, run_id) or 'none joined'})")


def finish(client: redis.Redis, run_id: str) -> None:
    prefix = run_prefix(run_id)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    current = client.get(announce_key())
    if current and json.loads(current).get("run_id") == run_id:
        client.delete(announce_key())


# ---------------------------------------------------------------- worker side


def wait_for_run(client: redis.Redis, *, wait: float) -> dict[str, Any] | None:
    deadline = time.monotonic() + wait
    while True:
        raw = client.get(announce_key())
        if raw:
            return dict(json.loads(raw))
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.5)


def materialise_config(announcement: dict[str, Any]) -> Path:
    """The coordinator's config files, written to a private temp dir (workers share no file system)."""
    folder = Path(tempfile.mkdtemp(prefix="govaudit-worker-"))
    for name, text in announcement["config_files"].items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder / announcement["config_name"]


def config_files(config_path: Path, extra: list[str | None]) -> dict[str, str]:
    files = {config_path.name: config_path.read_text(encoding="utf-8")}
    for name in extra:
        if name:
            files[name] = (config_path.parent / name).read_text(encoding="utf-8")
    return files
