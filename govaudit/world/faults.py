"""Fault pages the server makes up on the fly: WAF challenge, 503, the infinite calendar, the empty site search."""

from __future__ import annotations

import datetime as dt
import html
import re

WAF_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="robots" content="noindex,nofollow">
<title>访问验证</title>
<style>body{font-family:"Microsoft YaHei",sans-serif;background:#f5f5f5}.box{width:480px;margin:120px auto;background:#fff;padding:32px;text-align:center}</style>
</head><body>
<div class="box"><h2>访问验证</h2>
<p>您的访问存在异常，系统正在进行安全验证，请稍候……</p>
<p>如果页面长时间没有响应，请<a href="javascript:location.reload()">刷新</a>后重试。</p>
<p class="id">事件ID：__EVENT__</p></div>
<script>
(function(){var _0x5f=['\\x5f\\x5f\\x77\\x61\\x66\\x5f\\x63\\x6c\\x65\\x61\\x72\\x61\\x6e\\x63\\x65'];
var t=Date.now(),s=(t*7)%99991;document.cookie=_0x5f[0]+'='+s.toString(36)+';path=/';
setTimeout(function(){location.reload();},1500);})();
</script>
<noscript>请开启浏览器JavaScript功能后访问本网站。</noscript>
</body></html>
"""

UNAVAILABLE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>503 Service Temporarily Unavailable</title></head>
<body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>
"""

NOT_FOUND_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>404 页面不存在</title></head>
<body><div style="text-align:center;margin-top:100px"><h2>抱歉，您访问的页面不存在或已被删除！</h2>
<p><a href="/">返回首页</a></p></div></body></html>
"""

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def waf_page(event: int) -> str:
    return WAF_PAGE.replace("__EVENT__", f"{event:012x}")


def calendar_page(month: str, base: str) -> str:
    """活动日历: every month links to the previous and the next one, and to each of its days, forever."""
    m = _MONTH.match(month or "")
    year, mon = (int(m.group(1)), int(m.group(2))) if m and 1 <= int(m.group(2)) <= 12 else (2026, 11)
    first = dt.date(year, mon, 1)
    prev = (first - dt.timedelta(days=1)).replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    days = (nxt - first).days
    cells = "".join(f'<td><a href="{base}?month={year}-{mon:02d}&amp;day={k}">{k}</a></td>'
                    + ("</tr><tr>" if (first.weekday() + k) % 7 == 0 else "") for k in range(1, days + 1))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>活动日历 {year}年{mon}月</title></head><body>
<h2>活动日历 {year}年{mon}月</h2>
<p><a href="{base}?month={prev.year}-{prev.month:02d}">&lt; 上个月</a> | <a href="{base}?month={nxt.year}-{nxt.month:02d}">下个月 &gt;</a></p>
<table class="calendar"><tr>{cells}</tr></table>
<p>本月暂无活动安排。</p>
</body></html>
"""


def search_page(query: str) -> str:
    q = html.escape(query)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>站内搜索</title></head><body>
<form action="/search"><input name="q" value="{q}"><button>搜索</button></form>
<p>关键词“{q}”共找到 0 条结果。</p>
</body></html>
"""
