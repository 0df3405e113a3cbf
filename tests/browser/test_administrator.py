"""User story: an administrator verifies a new association from the queue and reads the
region's figures as charts, with hidden (suppressed) figures shown as such; on a phone, in
English this time."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid

import pytest
from playwright.sync_api import expect

from helpers import TalkootServer, assert_no_axe_violations, shot

DEMO_PASSWORD = "talkoot-demo-kesä-2026"


def api(talkoot: TalkootServer, path: str, body: dict, token: str | None = None) -> dict:
    """A JSON call to the API (the set-up that the story does not show)."""
    request = urllib.request.Request(
        talkoot.url(path),
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"}
        | ({"authorization": f"Bearer {token}"} if token else {}),
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read() or b"{}")


@pytest.mark.talkoot(seed_demo=True)
def test_an_administrator_verifies_an_association_and_reads_the_figures(
    new_page, talkoot: TalkootServer
) -> None:
    # An owner registers a new association through the API; it waits for verification.
    name = f"Lappeenrannan Lautapeliseura {uuid.uuid4().hex[:6]} ry"
    token = api(
        talkoot,
        "/api/v1/auth/login",
        {"email": "eeva.toivonen@example.fi", "password": DEMO_PASSWORD},
    )["access_token"]
    api(talkoot, "/api/v1/associations", {"name": name, "municipality_code": "405"}, token)

    admin = new_page(locale="en-GB")
    admin.goto("/")
    expect(admin).to_have_url(re.compile(r"/en/$"))
    admin.get_by_role("link", name="Log in").first.click()
    admin.get_by_label("Email", exact=True).fill("yllapitaja@example.fi")
    admin.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    admin.get_by_role("main").get_by_role("button", name="Log in").click()
    admin.get_by_role("link", name="My page").click()
    admin.get_by_role("link", name="Association queue").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Associations")
    card = admin.locator("li.card").filter(has_text=name)
    expect(card).to_be_visible()
    shot(admin, "admin-queue")
    assert_no_axe_violations(admin, "the association queue")
    card.get_by_role("button", name=re.compile("^Verify")).click()
    expect(admin.locator("li.card").filter(has_text=name)).to_have_count(0)
    admin.get_by_role("link", name="verified").click()
    expect(admin.locator("li.card").filter(has_text=name)).to_be_visible()
    shot(admin, "admin-verified")

    # The owner was told by email.
    mail = talkoot.wait_for_mail("eeva.toivonen@example.fi")
    assert name in mail.text

    admin.get_by_role("link", name="My page").click()
    admin.get_by_role("link", name="Figures").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Regional figures")
    admin.get_by_label("Region", exact=True).select_option(label="Etelä-Karjala")
    admin.get_by_role("button", name="Show").click()
    charts = admin.locator("section.chart")
    expect(charts.first).to_be_visible()
    expect(admin.get_by_role("heading", name="Tasks by theme")).to_be_visible()
    expect(admin.locator("section.chart svg").first).to_have_attribute("role", "img")
    # Small groups are hidden, in the chart and in its table alike.
    expect(admin.get_by_role("cell", name="hidden").first).to_be_visible()
    shot(admin, "admin-figures")
    assert_no_axe_violations(admin, "the figures")
    with admin.expect_download() as download:
        admin.get_by_role("link", name="Download CSV").click()
    path = download.value.path()
    assert path is not None
    with open(path, encoding="utf-8") as f:
        assert f.readline().strip() == "table,key,value,suppressed"
