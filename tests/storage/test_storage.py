"""The storage layer on SQLite and on the PostgreSQL server: migrations, idempotent writes, history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from storage.blobs import BlobStore
from storage.db import DatabaseError, open_db, table_names
from storage.locks import LockHeld, run_lock
from storage.models import Fetch, Finding, Override, Run, SeenUrl, Site
from storage.repo import insert_ignore, upsert

TABLES = {"runs", "run_sites", "blobs", "fetches", "seen_urls", "coverage", "documents", "attachments", "findings",
          "overrides", "alembic_version"}


def _run(run_id: str) -> Run:
    return Run(id=run_id, kind="run", status="running", tool_version="t", config_path="c", config_hash="h",
               jurisdiction="平顶山市", as_of=dt.date(2026, 11, 20), site_ids=["pds"])


def test_migrations_create_every_table_and_are_idempotent(db_url: str) -> None:
    engine, _ = open_db(db_url)
    assert TABLES <= set(table_names(engine))
    open_db(db_url)  # a second upgrade is a no-op, not an error


def test_fetch_rows_are_insert_or_ignore(db_url: str) -> None:
    _, sessions = open_db(db_url)
    with sessions.begin() as s:
        s.add(_run("r1"))
    row = {"run_id": "r1", "site_id": "pds", "request_key": "k" * 40, "url": "https://www.pds.gov.cn/",
           "method": "GET", "status": 200, "headers": {"Content-Type": "text/html"}, "redirects": [],
           "kind": "home", "depth": 0, "render_mode": "static", "not_modified": False,
           "fetched_at": dt.datetime.now(dt.UTC)}
    for _ in range(3):  # a resumed crawl writes the same fetch again
        with sessions.begin() as s:
            insert_ignore(s, Fetch.__table__, [row], ["run_id", "site_id", "request_key"])  # type: ignore[arg-type]
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Fetch)) == 1


def test_seen_urls_keep_first_seen_across_runs(db_url: str) -> None:
    _, sessions = open_db(db_url)
    t1, t2 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    for run, when, etag in (("r1", t1, '"a"'), ("r2", t2, '"b"')):
        with sessions.begin() as s:
            upsert(s, SeenUrl.__table__, [{"site_id": "pds", "request_key": "k", "url": "u", "first_seen_at": when,  # type: ignore[arg-type]
                                           "first_seen_run": run, "last_seen_at": when, "last_seen_run": run,
                                           "etag": etag, "last_modified": None, "body_sha256": "s",
                                           "content_type": "text/html"}],
                   ["site_id", "request_key"], ["last_seen_at", "last_seen_run", "etag"])
    with sessions() as s:
        seen = s.execute(select(SeenUrl)).scalar_one()
        assert seen.first_seen_run == "r1" and seen.last_seen_run == "r2" and seen.etag == '"b"'
        assert seen.first_seen_at.replace(tzinfo=dt.UTC) == t1


def test_runs_are_history_not_overwritten(db_url: str) -> None:
    _, sessions = open_db(db_url)
    with sessions.begin() as s:
        s.add_all([_run("r1"), _run("r2")])
        s.add(Site(run_id="r1", site_id="pds", name="n", url="u", level="city", jurisdiction_id="410400"))
        s.add(Site(run_id="r2", site_id="pds", name="n", url="u", level="city", jurisdiction_id="410400"))
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.add(_run("r1"))
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Run)) == 2


def test_findings_unique_per_run_site_check_scope_doc(db_url: str) -> None:
    _, sessions = open_db(db_url)
    with sessions.begin() as s:
        s.add(_run("r1"))
    f = {"run_id": "r1", "site_id": "pds", "indicator_id": "I98", "check_id": "I98.a", "scope": "site", "doc_key": "",
         "verdict": "PASS", "machine_verdict": "PASS", "reason_codes": [], "details": {"ratio": "1/1"},
         "advisory": False}
    with sessions.begin() as s:
        s.execute(Finding.__table__.insert(), [f, dict(f, scope="document", doc_key="abc")])
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.execute(Finding.__table__.insert(), [f])


def test_overrides_keep_who_when_why(db_url: str) -> None:
    _, sessions = open_db(db_url)
    with sessions.begin() as s:
        s.add(Override(site_id="pds", check_id="I98.a", verdict="PASS", justification="报告刊登于市政府公报第3期",
                       author="张三", evidence_fingerprint="f" * 64, machine_verdict="FAIL"))
    with sessions() as s:
        o = s.execute(select(Override)).scalar_one()
        assert o.author == "张三" and o.created_at is not None and o.revoked_at is None


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot connect"):
        open_db("postgresql+psycopg://postgres@127.0.0.1:1/none")
    with pytest.raises(DatabaseError, match="not a database URL"):
        open_db("nonsense")


def test_blob_store_is_content_addressed_and_detects_corruption(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    digest, _ = store.put("法治政府建设".encode())
    again, _ = store.put("法治政府建设".encode())
    assert digest == again and store.get(digest) == "法治政府建设".encode()
    store.path(digest).write_bytes(b"x\x9c\x03\x00\x00\x00\x00\x01")  # valid zlib of b"" but wrong content
    with pytest.raises(ValueError, match="corrupt"):
        store.get(digest)


def test_run_lock_refuses_a_second_run(db_url: str, tmp_path: Path) -> None:
    engine, _ = open_db(db_url)
    engine2, _ = open_db(db_url)
    with run_lock(engine, "run:x", tmp_path / "locks"):
        with pytest.raises(LockHeld), run_lock(engine2, "run:x", tmp_path / "locks"):
            pass
    with run_lock(engine2, "run:x", tmp_path / "locks"):  # released afterwards
        pass
