"""Dialect-neutral writes: insert-or-ignore and upsert on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def _insert(session: Session, table: Table) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def insert_ignore(session: Session, table: Table, rows: Sequence[dict[str, Any]],
                  conflict: Iterable[str] | None = None) -> None:
    """Rows that already exist (same unique key) are left as they are: re-runs never duplicate."""
    if not rows:
        return
    stmt = _insert(session, table)
    stmt = stmt.on_conflict_do_nothing(index_elements=list(conflict) if conflict else None)
    session.execute(stmt, list(rows))


def upsert(session: Session, table: Table, rows: Sequence[dict[str, Any]], conflict: Iterable[str],
           update: Iterable[str]) -> None:
    if not rows:
        return
    stmt = _insert(session, table)
    cols = list(update)
    stmt = stmt.on_conflict_do_update(index_elements=list(conflict),
                                      set_={c: getattr(stmt.excluded, c) for c in cols})
    session.execute(stmt, list(rows))
