"""CMS families: small renderers over one portal model (see model.py), plus their dynamic routes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govaudit.world.families import gkmlpt, hanweb, pdscms, spa, trs
from govaudit.world.families.base import Renderer

RENDERERS: dict[str, Renderer] = {
    "pdscms": pdscms.PdsCms(),
    "trs": trs.Trs(),
    "hanweb": hanweb.Hanweb(),
    "gkmlpt": gkmlpt.Gkmlpt(),
    "spa": spa.Spa(),
}

# Dynamic routes a family's server answers besides its static files: handler(runtime, request) -> response|None
HANDLERS: dict[str, Callable[[Any, Any], Any]] = {
    "hanweb": hanweb.handle,
    "gkmlpt": gkmlpt.handle,
    "spa": spa.handle,
}

# What the HTTP `Server` header says, and the default Content-Type of HTML pages (None = no charset parameter:
# the TRS portal declares its charset only inside the page).
SERVER_HEADER = {"pdscms": "nginx", "trs": "TRS WCM/7.0 (Apache)", "hanweb": "Apache-Coyote/1.1",
                 "gkmlpt": "nginx/1.18.0", "spa": "nginx/1.20.1", "waf": "WAF/2.0"}
HTML_TYPE = {"pdscms": "text/html; charset=utf-8", "trs": "text/html", "hanweb": "text/html;charset=UTF-8",
             "gkmlpt": "text/html; charset=utf-8", "spa": "text/html; charset=utf-8", "waf": "text/html; charset=utf-8"}
