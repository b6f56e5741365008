"""Dates that CMSs make untrustworthy (rules_spec §5.3.6): back-dating and migration re-dating."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from audit_rules.evidence import Doc, SiteEvidence


def burst_dates(ev: SiteEvidence) -> set[tuple[str, dt.date]]:
    """(column, date) pairs shared by more than `migration_burst` documents: a migration stamp."""
    counts: Counter[tuple[str, dt.date]] = Counter()
    for d in ev.docs:
        if d.publish_date:
            for code in d.column_codes or {"?"}:
                counts[(code, d.publish_date)] += 1
    limit = ev.policy.policy.migration_burst
    return {k for k, n in counts.items() if n > limit}


def suspicion(doc: Doc, ev: SiteEvidence, *, content_year: int | None = None) -> list[str]:
    """R_BACKDATE_SUSPECT / R_MIGRATION_SUSPECT for a date-critical document (→ REVIEW, never FAIL)."""
    out: list[str] = []
    pub = doc.publish_date
    if pub is None:
        return out
    tolerance = dt.timedelta(days=ev.policy.policy.backdate_tolerance_days)
    first_seen = doc.first_seen_at.date() if doc.first_seen_at else None
    if first_seen and ev.site_first_seen and pub + tolerance < first_seen and ev.site_first_seen + tolerance < first_seen \
            and ev.site_first_seen <= pub + tolerance:
        # we were crawling this site when the page claims it was published, and did not see it
        out.append("R_BACKDATE_SUSPECT")
    if content_year is not None and pub.year > content_year + 1:
        out.append("R_MIGRATION_SUSPECT")
    elif any((code, pub) in ev.bursts for code in doc.column_codes):
        out.append("R_MIGRATION_SUSPECT")
    return out
