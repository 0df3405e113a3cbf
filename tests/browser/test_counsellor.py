"""User story: a service counsellor refers a client to a task by a link handed over on the
spot (with its QR code on screen), and the client opens it on their own phone, logs in
and accepts with sharing; the counsellor then sees how it goes. In Swedish."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from helpers import TalkootServer, assert_no_axe_violations, shot

DEMO_PASSWORD = "talkoot-demo-kesä-2026"
COUNSELLOR = "palveluohjaaja@example.fi"
CLIENT = "leo.hamalainen@example.fi"


def log_in_sv(page: Page, email: str) -> None:
    page.get_by_label("E-post", exact=True).fill(email)
    page.get_by_label("Lösenord", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Logga in").click()


@pytest.mark.talkoot(seed_demo=True)
def test_a_counsellor_refers_by_link_and_the_client_accepts_with_sharing(
    new_page, talkoot: TalkootServer
) -> None:
    counsellor = new_page(locale="sv-FI")
    counsellor.goto("/sv/login")
    log_in_sv(counsellor, COUNSELLOR)
    expect(counsellor.get_by_role("link", name="Min sida")).to_be_visible()

    # A task that suits a 24-year-old and has room.
    counsellor.goto("/sv/tasks?age=24&has_spots=true")
    counsellor.locator("#results li.card").first.get_by_role("link").first.click()
    title = counsellor.get_by_role("heading", level=1).inner_text()
    counsellor.get_by_label("Meddelande till klienten (frivilligt)", exact=True).fill(
        "Det här kunde passa dig!"
    )
    counsellor.get_by_role("button", name="Gör hänvisningen").click()
    expect(counsellor.get_by_role("heading", level=1)).to_have_text("Hänvisningen är gjord")
    qr = counsellor.locator("figure.qr svg")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box and box["width"] > 150, "the QR code is big enough to scan"
    link = counsellor.get_by_label("Hänvisningslänk", exact=True).input_value()
    assert re.search(r"/r/[\w-]+$", link), link
    shot(counsellor, "counsellor-link-and-qr")
    assert_no_axe_violations(counsellor, "the referral link page")

    # The client opens the link on their own phone.
    client = new_page(locale="sv-FI")
    client.goto(link)
    expect(client).to_have_url(re.compile(r"/sv/r/"))
    expect(client.get_by_role("heading", level=1)).to_have_text("Du har en hänvisning")
    shot(client, "client-opens-link")
    client.get_by_role("main").get_by_role("link", name="Logga in").click()
    log_in_sv(client, CLIENT)
    expect(client).to_have_url(re.compile(r"/sv/r/"))
    client.get_by_role("button", name="Öppna hänvisningen").click()
    expect(client.get_by_role("main")).to_contain_text(title)
    expect(client.get_by_role("main")).to_contain_text("Det här kunde passa dig!")
    assert_no_axe_violations(client, "the referral as the client sees it")
    client.get_by_label(re.compile("får se hur uppdraget framskrider")).check()
    shot(client, "client-accepts-with-sharing")
    client.get_by_role("button", name="Godkänn och anmäl mig").click()
    expect(client.get_by_role("main")).to_contain_text("godkänd")
    expect(client.get_by_role("main")).to_contain_text("Handledaren ser hur uppdraget framskrider.")
    shot(client, "client-accepted")

    # The counsellor follows it.
    counsellor.get_by_role("link", name="Min sida").click()
    counsellor.get_by_role("link", name="Hänvisningar jag gjort").click()
    card = counsellor.locator("li.card").filter(has_text=title).first
    expect(card).to_contain_text("godkänd")
    expect(card).not_to_contain_text("Klienten delar inte")
    shot(counsellor, "counsellor-follows")
    assert_no_axe_violations(counsellor, "the counsellor's referrals")

    # The client can stop sharing at any time.
    client.get_by_role("button", name="Sluta dela").click()
    expect(client.get_by_role("main")).to_contain_text("Handledaren ser inte")
    counsellor.reload()
    expect(counsellor.locator("li.card").filter(has_text=title).first).to_contain_text(
        "Klienten delar inte"
    )
