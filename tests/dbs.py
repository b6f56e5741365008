"""Databases for tests: an SQLite file, and a fresh PostgreSQL database on the local server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

PG_ADMIN = os.environ.get("GOVAUDIT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pg_available() -> bool:
    try:
        with create_engine(PG_ADMIN).connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:  # noqa: BLE001
        return False


def fresh_pg_database() -> Iterator[str]:
    """CREATE DATABASE govaudit_t_<random> for one test, dropped afterwards."""
    if not pg_available():
        pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN}; the PostgreSQL tests need the local server")
    name = f"govaudit_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
