"""The schema gather, judge and tell agree on (SQLAlchemy 2.0 typed models).

Runs are never overwritten: every row belongs to a run, and history is kept.
Raw bytes live on disk, content-addressed (see `storage.blobs`); SQL holds their metadata.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The coverage row that says "the page budget ran out before the site was covered".
SITE_BUDGET_KEY = "(site page budget)"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, list[str]: JSON}


class Run(Base):
    """One audit run: crawl + judge (kind='run'), a re-judge of a stored crawl ('audit'), a 'recheck'."""

    __tablename__ = "runs"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="run")
    crawl_run_id: Mapped[str | None] = mapped_column(String(64), index=True)  # whose fetches it judges
    previous_run_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="running")  # running|completed|failed
    stage: Mapped[str] = mapped_column(String(16), default="crawl")  # crawl|audit|report|done
    tool_version: Mapped[str] = mapped_column(String(32))
    git_commit: Mapped[str | None] = mapped_column(String(64))
    config_path: Mapped[str] = mapped_column(Text)
    config_hash: Mapped[str] = mapped_column(String(64))
    policy_hash: Mapped[str | None] = mapped_column(String(64))
    jurisdiction: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[dt.date] = mapped_column(Date)
    site_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    host: Mapped[str | None] = mapped_column(String(128))
    pid: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)


class Site(Base):
    """A configured site as it was in one run (name/url may change between runs)."""

    __tablename__ = "run_sites"
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    url: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16))
    jurisdiction_id: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|crawling|done|unreachable
    error_type: Mapped[str | None] = mapped_column(String(32))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    attachments: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    rendered: Mapped[int] = mapped_column(Integer, default=0)
    not_modified: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Blob(Base):
    """Metadata of a raw body stored on disk under its sha256."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    stored_size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class BlobBody(Base):
    """Raw bodies kept in the database instead of on disk (PostgreSQL deployments and distributed
    crawls, where workers on several machines share no file system)."""

    __tablename__ = "blob_bodies"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Fetch(Base):
    """One request the crawler made (or tried to make), with everything needed to trust the result."""

    __tablename__ = "fetches"
    __table_args__ = (
        UniqueConstraint("run_id", "site_id", "request_key", name="uq_fetch_run_site_request"),
        Index("ix_fetch_run_site", "run_id", "site_id"),
    )
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    site_id: Mapped[str] = mapped_column(String(64))
    request_key: Mapped[str] = mapped_column(String(64))  # sha1(method, canonical url, body)
    url: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(8), default="GET")
    request_body: Mapped[str | None] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    redirects: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[int | None] = mapped_column(Integer)
    headers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    content_type: Mapped[str | None] = mapped_column(String(128))
    body_sha256: Mapped[str | None] = mapped_column(String(64))
    body_size: Mapped[int | None] = mapped_column(BigInteger)
    rendered_sha256: Mapped[str | None] = mapped_column(String(64))  # DOM after JavaScript
    screenshot_sha256: Mapped[str | None] = mapped_column(String(64))
    encoding: Mapped[str | None] = mapped_column(String(32))
    render_mode: Mapped[str] = mapped_column(String(16), default="static")  # static|browser|api
    kind: Mapped[str] = mapped_column(String(16), default="page")  # page|list|attachment|api|home
    depth: Mapped[int] = mapped_column(Integer, default=0)
    referer: Mapped[str | None] = mapped_column(Text)
    anchor_text: Mapped[str | None] = mapped_column(Text)
    column_code: Mapped[str | None] = mapped_column(String(16))
    column_label: Mapped[str | None] = mapped_column(String(128))
    list_date: Mapped[str | None] = mapped_column(String(32))  # the date shown beside the link
    not_modified: Mapped[bool] = mapped_column(Boolean, default=False)
    elapsed_ms: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    error_type: Mapped[str | None] = mapped_column(String(32))
    error_detail: Mapped[str | None] = mapped_column(Text)
    worker: Mapped[str | None] = mapped_column(String(64))


class SeenUrl(Base):
    """Per-site URL history across runs: first seen (back-dating evidence) and validators for 304s."""

    __tablename__ = "seen_urls"
    site_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    request_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    first_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    first_seen_run: Mapped[str] = mapped_column(String(64))
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_run: Mapped[str] = mapped_column(String(64))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_sha256: Mapped[str | None] = mapped_column(String(64))
    content_type: Mapped[str | None] = mapped_column(String(128))


class Coverage(Base):
    """What the crawler reached of one column of one site, so rules can tell 'absent' from 'not seen'."""

    __tablename__ = "coverage"
    __table_args__ = (UniqueConstraint("run_id", "site_id", "column_key", "worker", name="uq_coverage"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[str] = mapped_column(String(64))
    column_key: Mapped[str] = mapped_column(String(255))  # root URL of the column
    worker: Mapped[str] = mapped_column(String(64), default="")  # distributed crawls: one row per worker
    column_code: Mapped[str | None] = mapped_column(String(16))
    column_label: Mapped[str | None] = mapped_column(String(128))
    list_pages_fetched: Mapped[int] = mapped_column(Integer, default=0)
    list_pages_failed: Mapped[int] = mapped_column(Integer, default=0)
    items_listed: Mapped[int] = mapped_column(Integer, default=0)
    items_fetched: Mapped[int] = mapped_column(Integer, default=0)
    items_failed: Mapped[int] = mapped_column(Integer, default=0)
    attachments_fetched: Mapped[int] = mapped_column(Integer, default=0)
    last_page_reached: Mapped[int] = mapped_column(Integer, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    stop_reason: Mapped[str | None] = mapped_column(String(32))  # end|old_items|max_pages|error|js
    oldest_item_date: Mapped[dt.date | None] = mapped_column(Date)
    newest_item_date: Mapped[dt.date | None] = mapped_column(Date)


class Document(Base):
    """A judged page or attachment with its extracted metadata by role (derived at audit time)."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("run_id", "site_id", "url", name="uq_document"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[str] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # detail|list|attachment|home
    title: Mapped[str | None] = mapped_column(Text)
    title_raw: Mapped[str | None] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(String(32))
    publish_date: Mapped[dt.date | None] = mapped_column(Date)
    publish_date_source: Mapped[str | None] = mapped_column(String(16))
    written_date: Mapped[dt.date | None] = mapped_column(Date)
    doc_number: Mapped[str | None] = mapped_column(String(128))
    index_no: Mapped[str | None] = mapped_column(String(128))
    publisher: Mapped[str | None] = mapped_column(String(255))
    column_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    text_len: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    render_mode: Mapped[str | None] = mapped_column(String(16))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Attachment(Base):
    """Extracted text of an attachment body, cached by content (the same file is read once)."""

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    extractor_version: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))  # pdf|docx|xlsx|doc|xls|ofd|zip|image|other
    text: Mapped[str] = mapped_column(Text, default="")
    text_len: Mapped[int] = mapped_column(Integer, default=0)
    pages: Mapped[int | None] = mapped_column(Integer)
    scanned: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Finding(Base):
    """One verdict: site scope (one per site and check) or document scope (one per judged document)."""

    __tablename__ = "findings"
    __table_args__ = (
        UniqueConstraint("run_id", "site_id", "check_id", "scope", "doc_key", name="uq_finding"),
        Index("ix_finding_run_check", "run_id", "check_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    site_id: Mapped[str] = mapped_column(String(64))
    indicator_id: Mapped[str] = mapped_column(String(8))
    check_id: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(16))  # site|document
    doc_key: Mapped[str] = mapped_column(String(64), default="")  # '' for site scope
    verdict: Mapped[str] = mapped_column(String(8))
    machine_verdict: Mapped[str] = mapped_column(String(8))  # before any manual override
    reason_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    evidence_id: Mapped[str | None] = mapped_column(String(40))
    evidence_fingerprint: Mapped[str | None] = mapped_column(String(64))
    unit_id: Mapped[str | None] = mapped_column(String(64))
    lead_unit_id: Mapped[str | None] = mapped_column(String(64))
    jurisdiction_id: Mapped[str | None] = mapped_column(String(32))
    column_code: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    advisory: Mapped[bool] = mapped_column(Boolean, default=False)
    snippet: Mapped[str | None] = mapped_column(Text)
    override_id: Mapped[int | None] = mapped_column(ForeignKey("overrides.id"))


class Override(Base):
    """A verdict the command office set by hand, with who/when/why; applies until the evidence changes."""

    __tablename__ = "overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(String(64), index=True)
    check_id: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(16), default="site")
    doc_key: Mapped[str] = mapped_column(String(64), default="")
    verdict: Mapped[str] = mapped_column(String(8))
    justification: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    run_id: Mapped[str | None] = mapped_column(String(64))  # the run whose finding was explained
    evidence_fingerprint: Mapped[str | None] = mapped_column(String(64))
    machine_verdict: Mapped[str | None] = mapped_column(String(8))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_reason: Mapped[str | None] = mapped_column(Text)
