"""A lock so two scheduled runs against the same database never overlap."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text


class LockHeld(Exception):
    """Another govaudit run holds the lock; the message says which."""


@contextlib.contextmanager
def run_lock(engine: Engine, name: str, lock_dir: Path) -> Iterator[None]:
    """PostgreSQL: a session advisory lock (works across machines). SQLite: an flock beside the data."""
    if engine.dialect.name == "postgresql":
        key = int(hashlib.sha1(name.encode()).hexdigest()[:15], 16)
        conn = engine.connect()
        try:
            got = conn.execute(text("select pg_try_advisory_lock(:k)"), {"k": key}).scalar()
            if not got:
                raise LockHeld(f"另一个审计任务正在使用该数据库运行 / another govaudit run holds lock {name!r} "
                               "on this PostgreSQL database; wait for it to finish")
            try:
                yield
            finally:
                conn.execute(text("select pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
        finally:
            conn.close()
        return
    lock_dir.mkdir(parents=True, exist_ok=True)
    path = lock_dir / f"{hashlib.sha1(name.encode()).hexdigest()[:12]}.lock"
    fh = open(path, "a+")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise LockHeld(f"另一个审计任务正在运行 / another govaudit run is in progress ({holder}); "
                           f"lock file {path}") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()
