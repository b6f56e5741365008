"""Typed, validated configuration: `config/sites.toml` (+ optional units roster and rule policy)."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from govaudit.policy import Policy

SITE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
Level = Literal["city", "county", "district", "department"]
RenderMode = Literal["auto", "never", "always"]
UnitKind = Literal["government", "department", "party", "npc", "vertical", "platform", "other"]


class ConfigError(Exception):
    """A problem in a config file the user must fix. `str()` is the one-paragraph message."""

    def __init__(self, file: str | Path, key: str, problem: str, hint: str = "") -> None:
        self.file, self.key, self.problem = str(file), key, problem
        hint = hint or "Fix the value and run the command again."
        super().__init__(f"配置错误 / invalid config: {file}: {key}: {problem}. {hint}")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"{value!r} is not an http(s) URL")
    if not parts.hostname:
        raise ValueError(f"{value!r} has no host name")
    if " " in value or any(ord(c) < 0x20 for c in value):
        raise ValueError(f"{value!r} contains spaces or control characters")
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise ValueError(f"{value!r} has an invalid port") from exc
    return value


class AuditSection(_Frozen):
    jurisdiction: str = Field(min_length=1)
    jurisdiction_id: str | None = None
    as_of: dt.date | None = None
    cycle_start: dt.date = dt.date(2019, 1, 1)
    units_file: str | None = None
    policy_file: str | None = None
    data_dir: str | None = None
    blob_store: Literal["auto", "fs", "db"] = "auto"
    webhook_url: str | None = None
    alert_email: str | None = None

    @field_validator("webhook_url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        return _check_url(v) if v else v


class CrawlSection(_Frozen):
    allow_private_networks: bool = False
    delay_seconds: float = Field(default=1.0, ge=0, le=60)
    concurrency_per_site: int = Field(default=2, ge=1, le=64)
    max_pages_per_site: int = Field(default=20000, ge=1)
    max_list_pages_per_column: int = Field(default=300, ge=1)
    max_depth: int = Field(default=12, ge=1, le=100)
    timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    max_page_mb: float = Field(default=10.0, gt=0)
    max_attachment_mb: float = Field(default=50.0, gt=0)
    obey_robots: bool = True
    render: RenderMode = "auto"
    max_rendered_pages_per_site: int = Field(default=2000, ge=0)
    user_agent: str = "govaudit/{version} (+https://github.com/govaudit/govaudit; 法治政府建设网络检索审计)"
    contact: str = ""
    stop_after_old_items: int = Field(default=5, ge=1)
    follow_linked_hosts: bool = True
    retries: int = Field(default=2, ge=0, le=10)
    autothrottle: bool = True
    conditional_requests: bool = True
    fetch_attachments: bool = True


class SiteConfig(_Frozen):
    id: str
    name: str = Field(min_length=1)
    url: str
    level: Level
    jurisdiction_id: str | None = None
    unit: str | None = None
    hosts: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    render: RenderMode | None = None
    delay_seconds: float | None = Field(default=None, ge=0, le=60)
    concurrency: int | None = Field(default=None, ge=1, le=64)
    max_pages: int | None = Field(default=None, ge=1)
    confirmed: bool = True
    enabled: bool = True
    note: str = ""

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SITE_ID_RE.match(v):
            raise ValueError(f"{v!r} is not a slug (lower-case letters, digits, '-' and '_', max 64)")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return _check_url(v)

    @field_validator("start_urls")
    @classmethod
    def _urls(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_url(u) for u in v)

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def is_government(self) -> bool:
        return self.level != "department"


class UnitConfig(_Frozen):
    id: str
    name: str
    short: str = ""
    aliases: tuple[str, ...] = ()
    jurisdiction_id: str
    kind: UnitKind = "department"
    site_ids: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    has_enforcement: bool = False
    can_issue_normative_docs: bool = True
    is_vertical: bool = False
    is_party_or_npc: bool = False
    slug: str = ""

    @model_validator(mode="after")
    def _derive(self) -> UnitConfig:
        if ":" not in self.id:
            raise ValueError(f"unit id {self.id!r} must look like '<jurisdiction_id>:<slug>'")
        return self


class JurisdictionConfig(_Frozen):
    id: str
    name: str
    level: Literal["city", "county", "district"]
    parent: str | None = None


class UnitsFile(_Frozen):
    jurisdictions: tuple[JurisdictionConfig, ...] = ()
    units: tuple[UnitConfig, ...] = ()


class SitesFile(_Frozen):
    audit: AuditSection
    crawl: CrawlSection = CrawlSection()
    sites: tuple[SiteConfig, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> SitesFile:
        seen: dict[str, int] = {}
        for i, s in enumerate(self.sites):
            if s.id in seen:
                raise ValueError(f"duplicate site id {s.id!r} (also [[sites]] #{seen[s.id] + 1})")
            seen[s.id] = i
        return self


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name: str
    level: str
    site_ids: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    """Everything a run needs from configuration, parsed once."""

    path: Path
    audit: AuditSection
    crawl: CrawlSection
    sites: tuple[SiteConfig, ...]
    units: tuple[UnitConfig, ...]
    jurisdictions: tuple[Jurisdiction, ...]
    policy: Policy
    digest: str

    def site(self, site_id: str) -> SiteConfig:
        for s in self.sites:
            if s.id == site_id:
                return s
        raise KeyError(site_id)

    def jurisdiction_of(self, site: SiteConfig) -> Jurisdiction:
        jid = site_jurisdiction_id(self, site)
        for j in self.jurisdictions:
            if j.id == jid:
                return j
        raise KeyError(jid)

    def units_for_site(self, site_id: str) -> list[UnitConfig]:
        return [u for u in self.units if site_id in u.site_ids]

    def select_sites(self, ids: Sequence[str]) -> tuple[SiteConfig, ...]:
        if not ids:
            return tuple(s for s in self.sites if s.enabled)
        known = {s.id for s in self.sites}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ConfigError(self.path, "--site", f"unknown site id(s) {', '.join(unknown)}",
                              f"Known ids: {', '.join(sorted(known))}.")
        return tuple(s for s in self.sites if s.id in ids)


def site_jurisdiction_id(cfg: Config, site: SiteConfig) -> str:
    if site.jurisdiction_id:
        return site.jurisdiction_id
    if site.level == "department":
        return cfg.audit.jurisdiction_id or "root"
    if site.level == "city" and cfg.audit.jurisdiction_id:
        return cfg.audit.jurisdiction_id
    return site.id if site.level != "city" else (cfg.audit.jurisdiction_id or site.id)


def _loc_to_key(loc: Sequence[Any], data: Mapping[str, Any]) -> str:
    """('sites', 2, 'url') -> '[[sites]] #3 (id="pds").url' so people find the entry."""
    parts: list[str] = []
    node: Any = data
    for i, item in enumerate(loc):
        if isinstance(item, int):
            ident = ""
            try:
                entry = node[item]
                if isinstance(entry, Mapping) and "id" in entry:
                    ident = f' (id="{entry["id"]}")'
                node = entry
            except (IndexError, KeyError, TypeError):
                node = None
            name = parts.pop() if parts else "?"
            parts.append(f"[[{name}]] #{item + 1}{ident}")
        else:
            if i == 0 or not parts or not parts[-1].startswith("[["):
                parts.append(str(item))
            else:
                parts[-1] += f".{item}"
            if isinstance(node, Mapping):
                node = node.get(item)
    return ".".join(parts) if parts else "(top level)"


def _problem(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    msg = str(err.get("msg", "invalid value"))
    if kind == "extra_forbidden":
        return "unknown key (not one of the documented keys; check the spelling in README's key table)"
    if kind == "missing":
        return "required key is missing"
    if kind.startswith("date"):
        return f"{err.get('input')!r} is not a valid date (use YYYY-MM-DD)"
    return msg.removeprefix("Value error, ")


def read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(path, "(file)", "file not found", "Pass --config PATH or create the file.") from None
    except OSError as exc:
        raise ConfigError(path, "(file)", f"cannot read file ({exc.strerror})") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(path, "(file)", "not UTF-8 text", "Save the file as UTF-8.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "(syntax)", f"TOML syntax error: {exc}") from None


def _validate(model: type[BaseModel], data: dict[str, Any], path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(path, _loc_to_key(err["loc"], data), _problem(err)) from None


def _derive_jurisdictions(audit: AuditSection, sites: Sequence[SiteConfig],
                          units_file: UnitsFile | None, cfg_for_ids: Any) -> tuple[Jurisdiction, ...]:
    declared = {j.id: j for j in (units_file.jurisdictions if units_file else ())}
    members: dict[str, list[str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for s in sites:
        jid = site_jurisdiction_id(cfg_for_ids, s)
        members.setdefault(jid, []).append(s.id)
        if jid in declared:
            names[jid] = (declared[jid].name, declared[jid].level)
        elif s.level == "department":
            names.setdefault(jid, (audit.jurisdiction, "city"))
        else:
            names[jid] = (jurisdiction_name(s.name), s.level)
    return tuple(Jurisdiction(j, names[j][0], names[j][1], tuple(ids)) for j, ids in members.items())


def jurisdiction_name(site_name: str) -> str:
    """'叶县人民政府' -> '叶县'; '平顶山市人民政府门户网站' -> '平顶山市'."""
    name = re.sub(r"(人民政府|政府)?(门户)?(网站|网)?$", "", site_name.strip())
    return name or site_name


def _default_units(cfg_for_ids: Any, sites: Sequence[SiteConfig]) -> tuple[UnitConfig, ...]:
    """Without a roster every site is its own unit: a government site is `<jur>:gov`."""
    units = []
    for s in sites:
        jid = site_jurisdiction_id(cfg_for_ids, s)
        kind: UnitKind = "department" if s.level == "department" else "government"
        uid = s.unit or (f"{jid}:{s.id}" if s.level == "department" else f"{jid}:gov")
        units.append(UnitConfig(id=uid, name=s.name, jurisdiction_id=jid, kind=kind,
                                site_ids=(s.id,), has_enforcement=True))
    return tuple(units)


def load_config(path: str | Path, as_of: dt.date | None = None) -> Config:
    """Parse sites.toml (and the roster/policy files it names) once, or raise ConfigError."""
    path = Path(path)
    data = read_toml(path)
    parsed: SitesFile = _validate(SitesFile, data, path)
    base = path.parent

    units_file: UnitsFile | None = None
    units_path = base / parsed.audit.units_file if parsed.audit.units_file else None
    if units_path is not None:
        units_file = _validate(UnitsFile, read_toml(units_path), units_path)

    policy_path = base / parsed.audit.policy_file if parsed.audit.policy_file else None
    policy = _validate(Policy, read_toml(policy_path), policy_path) if policy_path else Policy()

    audit = parsed.audit
    if as_of is not None:
        audit = audit.model_copy(update={"as_of": as_of})

    shim = _IdShim(audit)
    site_ids = {s.id for s in parsed.sites}
    if units_file:
        for i, u in enumerate(units_file.units):
            bad = [sid for sid in u.site_ids if sid not in site_ids]
            if bad:
                raise ConfigError(units_path or path, f'[[units]] #{i + 1} (id="{u.id}").site_ids',
                                  f"names unknown site id(s) {', '.join(bad)}")
    units = units_file.units if units_file and units_file.units else _default_units(shim, parsed.sites)
    jurisdictions = _derive_jurisdictions(audit, parsed.sites, units_file, shim)

    digest = hashlib.sha256()
    for p in (path, units_path, policy_path):
        if p is not None:
            digest.update(p.read_bytes())
    return Config(path=path, audit=audit, crawl=parsed.crawl, sites=parsed.sites, units=units,
                  jurisdictions=jurisdictions, policy=policy, digest=digest.hexdigest()[:16])


class _IdShim:
    """Lets site_jurisdiction_id run before the Config object exists."""

    def __init__(self, audit: AuditSection) -> None:
        self.audit = audit


def is_private_host(host: str) -> bool:
    """Loopback, private, link-local and reserved literals (names are resolved by the crawler)."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host in ("localhost",) or host.endswith(".localhost")
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast \
        or ip.is_unspecified
