"""Accessibility checks with axe-core, run offline inside the page.

The site's CSP (`default-src 'self'`, no inline script) blocks `page.add_script_tag(content=…)`,
but not `page.evaluate(…)`: Playwright evaluates through the DevTools protocol, which CSP
does not govern. So axe.min.js (shipped by axe-playwright-python) is evaluated directly,
and the pages are tested under their real CSP, with no `bypass_csp` context.
"""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_results(page: Page, tags: list[str] = WCAG_TAGS) -> dict:
    """axe's raw results for the page as it is now (violations and incomplete only).

    axe is injected once per document (a navigation loses it, so it is re-checked)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations', 'incomplete']})",
        tags,
    )


def javascript_off(page: Page) -> bool:
    """Whether the page's context was opened with `java_script_enabled=False` (the
    `new_page` fixture marks its contexts)."""
    return getattr(page.context, "talkoot_javascript", True) is False


def format_violations(violations: list[dict]) -> str:
    """One block per rule: id, impact, help (with its link) and each offending node."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}: {node['html'][:200]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n      ")
                lines.append(f"      {summary}")
    return "\n".join(lines)


def scan_without_javascript(page: Page) -> dict:
    """axe's results for a page whose context has JavaScript off, where axe itself cannot
    run (`evaluate` waits forever). The page's HTML as it is now is served again, at the
    same URL, to a scratch page with JavaScript on (a route answers the navigation, so the
    style sheet still loads from the server and the CSP header is the page's own)."""
    html = page.content()
    url = page.url
    browser = page.context.browser
    assert browser is not None
    scratch = browser.new_context(
        viewport=page.viewport_size, base_url=None, java_script_enabled=True
    )
    try:
        scratch.add_cookies(page.context.cookies())
        other = scratch.new_page()
        from .headers import CSP

        other.route(
            url,
            lambda route: route.fulfill(
                status=200,
                body=html,
                headers={"content-type": "text/html; charset=utf-8", "content-security-policy": CSP},
            ),
        )
        other.goto(url)
        return axe_results(other)
    finally:
        scratch.close()


def assert_no_axe_violations(page: Page, label: str) -> None:
    """Fails when axe finds any WCAG 2.1 A/AA violation on the page; `label` names the
    page or state in the message, since one test usually checks several. A page with
    JavaScript off (see `javascript_off`) is scanned through `scan_without_javascript`."""
    if javascript_off(page):
        violations = scan_without_javascript(page)["violations"]
    else:
        violations = axe_results(page)["violations"]
    if violations:
        raise AssertionError(
            f"axe: {len(violations)} WCAG 2.1 A/AA violation(s) on {label} ({page.url}):\n"
            + format_violations(violations)
        )
