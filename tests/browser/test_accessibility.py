"""Accessibility across the service: an axe scan (WCAG 2.1 A and AA) of every public page
in all three languages, with JavaScript on and off; signed-in pages of each user group;
and the keyboard alone: a skip link, a visible focus, and a search and a sign-up done
without a mouse."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from helpers import TalkootServer, assert_no_axe_violations, shot

DEMO_PASSWORD = "talkoot-demo-kesä-2026"
LANGUAGES = ["fi", "sv", "en"]
PUBLIC = [
    "/",
    "/tasks",
    "/tasks?q=talkoot&has_spots=true",
    "/tasks?age=abc",
    "/associations",
    "/services",
    "/services?q=nuoret&free=true",
    "/services?municipality=999",
    "/login",
    "/register",
    "/reset-password",
    "/record-check",
    "/record-check?code=0000-0000-0000-0000",
    "/no-such-page",
]


def first_task_and_association(page: Page, lang: str) -> list[str]:
    """A real task page and a real card of the demo, to scan too."""
    page.goto(f"/{lang}/tasks")
    task = page.locator("#results li.card a").first.get_attribute("href")
    page.goto(f"/{lang}/associations")
    card = page.locator("li.card a").first.get_attribute("href")
    assert task and card
    return [task, card]


@pytest.mark.talkoot(seed_demo=True)
@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_passes_axe(new_page, lang: str, javascript: bool) -> None:
    page = new_page(java_script_enabled=javascript)
    extra = first_task_and_association(page, lang)
    for path in [f"/{lang}{p}" for p in PUBLIC] + extra:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert_no_axe_violations(page, f"{path} ({'JS on' if javascript else 'JS off'})")


SIGNED_IN = {
    "yllapitaja@example.fi": [
        "/admin/associations",
        "/admin/claims",
        "/admin/counsellor-requests",
        "/admin/reports",
        "/admin/emails",
        "/admin/audit",
        "/admin/figures",
        "/admin/figures?from=2026-01",
    ],
    "jari.kinnunen@example.fi": ["/me/associations"],
    "palveluohjaaja@example.fi": ["/counsellor/referrals"],
    "aada.koskinen@example.fi": [
        "/me",
        "/me/profile",
        "/me/for-you",
        "/me/privacy",
        "/me/signups",
        "/me/record",
        "/me/referrals",
        "/me/saved-searches",
        "/me/counsellor",
        "/tasks?q=talkoot",
    ],
}


@pytest.mark.talkoot(seed_demo=True)
@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_signed_in_pages_pass_axe(new_page, lang: str, javascript: bool) -> None:
    for email, paths in SIGNED_IN.items():
        page = new_page(java_script_enabled=javascript)
        page.goto(f"/{lang}/login")
        page.locator("#field-email").fill(email)
        page.locator("#field-password").fill(DEMO_PASSWORD)
        page.locator("main form button[type=submit]").first.click()
        expect(page.locator("header form button")).to_be_visible()
        for path in paths:
            page.goto(f"/{lang}{path}")
            assert_no_axe_violations(page, f"{lang}{path} as {email}")
        if email.startswith("jari"):
            page.goto(f"/{lang}/me/associations")
            page.get_by_role("main").get_by_role("link").first.click()
            assert_no_axe_violations(page, f"{lang}: an association's tasks")
            association = page.url
            for tail in ["/card", "/services", "/members", "/tasks/new"]:
                page.goto(association + tail)
                assert_no_axe_violations(page, f"{lang}: the association's {tail}")
            page.goto(association)
            page.locator("main li.card a").first.click()
            assert_no_axe_violations(page, f"{lang}: a task's sign-ups")
            task = page.url
            for tail in ["/edit", "/participants"]:
                page.goto(task + tail)
                assert_no_axe_violations(page, f"{lang}: the task's {tail}")


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) total += entry.value;
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 300);
})"""


@pytest.mark.talkoot(seed_demo=True)
def test_results_update_without_layout_shift(new_page) -> None:
    """Search as you type swaps the results in place: the page around them must not jump
    (the layout shift not caused by the reader's own input stays under 0.1, the "good"
    cumulative layout shift of Core Web Vitals)."""
    page = new_page()
    page.goto("/fi/tasks")
    expect(page.locator("#results li.card").first).to_be_visible()
    before = page.evaluate(LAYOUT_SHIFT)
    for words in ["talkoo", "siivous", "xyzzy-ei-osumia", "leiri"]:
        # A script's input event, not a key press: a shift right after the reader's own
        # input does not count as layout shift, so a real key press would hide one.
        with page.expect_response(
            lambda r: "/fi/tasks" in r.url and r.request.headers.get("hx-request") == "true"
        ):
            page.evaluate(
                """words => {
                    const q = document.querySelector("#field-q");
                    q.value = words;
                    q.dispatchEvent(new Event("input", {bubbles: true}));
                }""",
                words,
            )
        page.wait_for_timeout(600)
    shifted = page.evaluate(LAYOUT_SHIFT) - before
    shot(page, "search-after-typing")
    assert shifted < 0.1, f"the page shifted by {shifted:.3f} while results updated"


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Presses Tab until the element matching `selector` has the focus."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} was not reached with the Tab key")


@pytest.mark.talkoot(seed_demo=True)
def test_keyboard_only(new_page, talkoot: TalkootServer) -> None:
    page = new_page()
    page.goto("/fi/")
    # The first Tab reaches the skip link, which becomes visible and moves to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry sisältöön")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["width"] > 0, "the skip link shows when focused"
    # The focus is visible: an outline of its own, not the browser's default alone.
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", outline
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))

    # Search by keyboard: type the words, Enter submits.
    tab_to(page, "#field-q")
    page.keyboard.type("talkoot")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/tasks\?q=talkoot"))
    shot(page, "keyboard-search")

    # Log in by keyboard and sign up to the first task that takes a 19-year-old.
    page.goto("/fi/login?next=%2Ftasks%3Fage%3D19%26has_spots%3Dtrue")
    tab_to(page, "#field-email")
    page.keyboard.type("aada.koskinen@example.fi")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/tasks\?age=19"))
    # The first task she has not signed up to (found without the keyboard, then reached
    # with it).
    hrefs = page.locator("#results li.card h3 a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    results_url = page.url
    target = None
    for href in hrefs:
        page.goto(href)
        if page.get_by_role("button", name="Ilmoittaudu mukaan").count() == 1:
            target = href
            break
    assert target, "the demo has a task that Aada can still sign up to"
    page.goto(results_url)
    tab_to(page, f'#results a[href="{target}"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    tab_to(page, "#signup button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#signup")).to_contain_text("Olet ilmoittautunut")
    shot(page, "keyboard-signed-up")
