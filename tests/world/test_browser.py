"""The families' scripts really work in Chromium: the SPA, gkmlpt and jpage render the links a browser crawler
would follow (opt-in: needs the distro Chromium, marker `browser`)."""

from __future__ import annotations

import os
import re

import pytest

from govaudit import env
from govaudit.world import RunningWorld

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page():  # noqa: ANN201 - a Playwright page
    if not os.path.exists(env.chromium_path()):
        pytest.skip(f"no Chromium at {env.chromium_path()}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=env.chromium_path(), args=["--no-sandbox"])
        yield browser.new_page()
        browser.close()


def test_spa_renders_lists_and_articles(page, served_world: RunningWorld) -> None:  # noqa: ANN001
    page.goto(served_world.url("pds-sfj", "/column/fzzfjs"))
    page.wait_for_selector('a[href^="/article/"]', timeout=15000)
    href = page.get_attribute('a[href^="/article/"]', "href")
    page.goto(served_world.url("pds-sfj", href))
    page.wait_for_selector("article h1", timeout=15000)
    assert "发布时间：" in page.inner_text("p.info")


def test_gkmlpt_and_jpage_and_trs_pager_render(page, served_world: RunningWorld) -> None:  # noqa: ANN001
    page.goto(served_world.url("weidong", "/gkmlpt/index"))
    page.wait_for_selector("#gkml-list a", timeout=15000)
    assert "/gkmlpt/content/" in page.get_attribute("#gkml-list a", "href")
    page.goto(served_world.url("yexian", "/wjk/index.html"))
    assert re.search(r"共\d+页", page.inner_text(".page")) and page.get_attribute(".page a", "href")
    page.goto(served_world.url("wugang", "/"))
    assert page.title() == "访问验证"
