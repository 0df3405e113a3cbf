"""The browser-test setup itself works: the server starts, Chromium opens its front page
(under the site's real CSP), axe runs there, and a screenshot is written."""

import re

from playwright.sync_api import Page, expect

from helpers import assert_no_axe_violations, axe_results, shot


def test_front_page_is_finnish_and_accessible(page: Page) -> None:
    response = page.goto("/")
    assert response is not None and response.ok, f"GET / answered {response and response.status}"
    expect(page).to_have_url(re.compile(r"/fi/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    path = shot(page, "front-page")
    assert path.stat().st_size > 0
    assert axe_results(page)["testEngine"]["name"] == "axe-core"
    assert_no_axe_violations(page, "the front page")
