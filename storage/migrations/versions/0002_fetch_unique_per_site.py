"""a fetch is unique per run, site and request

Two configured sites may share a host (a department's pages under the city portal): both crawl the
same URL, and each site's evidence needs its own row. Unique on (run_id, request_key) dropped the
second site's row.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('fetches') as batch:  # SQLite rebuilds the table; PostgreSQL alters it
        batch.drop_constraint('uq_fetch_run_request', type_='unique')
        batch.create_unique_constraint('uq_fetch_run_site_request', ['run_id', 'site_id', 'request_key'])


def downgrade() -> None:
    with op.batch_alter_table('fetches') as batch:
        batch.drop_constraint('uq_fetch_run_site_request', type_='unique')
        batch.create_unique_constraint('uq_fetch_run_request', ['run_id', 'request_key'])
