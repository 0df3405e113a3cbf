"""Fixtures for the browser tests: the real server, Debian's Chromium on a phone-sized
page, and where the screenshots go. See helpers/ for what each helper does and why.

A user story reads like this (run it with scripts/browser-tests):

    from helpers import assert_no_axe_violations, shot

    @pytest.mark.talkoot(fresh=True)          # or none: the session's shared server
    def test_sign_up(page, talkoot, new_page):
        page.goto("/fi/")                      # relative to the test's server
        shot(page, "front page")
        assert_no_axe_violations(page, "front page")
        mail = talkoot.wait_for_mail("aino@example.fi", subject_contains="Vahvista")
        other = new_page()                     # a second person, own cookies
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

import itertools

from helpers import shots
from helpers.server import TalkootServer, binary_path

# Numbers the people (browser contexts) of a run, for their addresses.
_people = itertools.count()

# `playwright install` cannot download browsers here; Debian's chromium package is used.
CHROMIUM = os.environ.get("BROWSER_EXECUTABLE", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 800}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--locale",
        default=os.environ.get("BROWSER_LOCALE", "fi-FI"),
        help="browser locale (Accept-Language) for the tests; default $BROWSER_LOCALE or fi-FI",
    )


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright's failure screenshots (--screenshot) would go to ./test-results,
    # inside the repository; keep them beside the numbered shots instead.
    if config.getoption("--output", "test-results") == "test-results":
        config.option.output = str(shots.folder() / "failures")


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [
        f"talkoot binary: {binary_path()}",
        f"database: {os.environ.get('TALKOOT_BROWSER_BACKEND', 'sqlite')}",
        f"browser: {CHROMIUM}, {PHONE['width']}x{PHONE['height']}, locale {config.getoption('--locale')}",
        f"screenshots: {shots.folder()}",
    ]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    terminalreporter.write_line(f"screenshots: {shots.taken()} in {shots.folder()}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    """A failed test leaves a numbered `FAILED-…` screenshot of each open page among the
    others, and its report ends with its server's log, where a 500's cause is."""
    report = yield
    if not report.failed:
        return report
    funcargs = getattr(item, "funcargs", {})
    browser = funcargs.get("browser")
    if report.when == "call" and isinstance(browser, Browser):
        for context in browser.contexts:
            for page in context.pages:
                try:
                    shots.shot(page, f"FAILED-{item.name}")
                except Exception as e:  # a crashed page must not hide the real failure
                    report.sections.append(("screenshot failed", str(e)))
    server = funcargs.get("talkoot")
    if isinstance(server, TalkootServer):
        report.sections.append(("talkoot server log", server.log() or "(empty)"))
    return report


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig: pytest.Config) -> dict:
    """Overrides pytest-playwright's: Debian's Chromium, headless unless --headed."""
    return {"executable_path": CHROMIUM, "headless": not pytestconfig.getoption("--headed")}


@pytest.fixture(scope="session")
def browser_context_args(pytestconfig: pytest.Config) -> dict:
    """Overrides pytest-playwright's: every context is a phone in Finland, the site's
    main audience. The server's base_url is added per test (see `new_page`)."""
    return {
        "viewport": PHONE,
        "is_mobile": True,
        "has_touch": True,
        "locale": pytestconfig.getoption("--locale"),
        "timezone_id": "Europe/Helsinki",
    }


@pytest.fixture(scope="session")
def talkoot_factory() -> Iterator[Callable[..., TalkootServer]]:
    """`start(seed_demo=False, env=None)`: a new running server on its own empty (or demo)
    database; every server it started is stopped at the end of the session."""
    started: list[TalkootServer] = []

    def start(seed_demo: bool = False, env: dict[str, str] | None = None) -> TalkootServer:
        server = TalkootServer(env=env)
        started.append(server)
        if seed_demo:
            server.seed_demo()
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def _shared_servers() -> dict[bool, TalkootServer]:
    """The session's shared servers, by seed_demo, started when first asked for."""
    return {}


@pytest.fixture
def talkoot(
    request: pytest.FixtureRequest,
    talkoot_factory: Callable[..., TalkootServer],
    _shared_servers: dict[bool, TalkootServer],
) -> Iterator[TalkootServer]:
    """The server a test runs against, chosen by `@pytest.mark.talkoot(...)`:
    no mark: one empty server shared by the session; `seed_demo=True`: one demo server
    shared by the session; `fresh=True` (with `seed_demo`, `env` if wanted): a server
    of the test's own, stopped after it."""
    mark = request.node.get_closest_marker("talkoot")
    options = dict(mark.kwargs) if mark else {}
    fresh = options.pop("fresh", False)
    seed_demo = options.pop("seed_demo", False)
    env = options.pop("env", None)
    if options:
        raise pytest.UsageError(f"talkoot mark: unknown option(s) {sorted(options)}")
    if env and not fresh:
        raise pytest.UsageError("talkoot mark: env=… needs fresh=True (shared servers are stock)")
    if fresh:
        server = talkoot_factory(seed_demo=seed_demo, env=env)
        yield server
        server.stop()
    else:
        if seed_demo not in _shared_servers:
            _shared_servers[seed_demo] = talkoot_factory(seed_demo=seed_demo)
        yield _shared_servers[seed_demo]


@pytest.fixture
def new_page(
    browser: Browser, browser_context_args: dict, talkoot: TalkootServer
) -> Iterator[Callable[..., Page]]:
    """`new_page(**context_args)`: a page in a context of its own (own cookies, so another
    person), relative URLs resolved against the test's server; `context_args` override
    the phone defaults, e.g. `new_page(locale="en-GB")`. Closed after the test."""
    contexts: list[BrowserContext] = []

    def open_page(**context_args) -> Page:
        # A documentation address (RFC 5737) per person, only ever a header value: see
        # TRUST_FORWARDED_FOR in helpers/server.py.
        person = next(_people)
        address = f"198.51.100.{person % 250 + 1}"
        headers = {"X-Forwarded-For": address, **context_args.pop("extra_http_headers", {})}
        args = {
            **browser_context_args,
            "base_url": talkoot.base_url,
            "extra_http_headers": headers,
            **context_args,
        }
        context = browser.new_context(**args)
        # Read by helpers.axe: axe cannot run in a page with JavaScript off.
        context.talkoot_javascript = args.get("java_script_enabled", True)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """Overrides pytest-playwright's: the test's first person, on the test's server."""
    return new_page()


@pytest.fixture
def context(page: Page) -> BrowserContext:
    """Overrides pytest-playwright's: the context of `page`."""
    return page.context
