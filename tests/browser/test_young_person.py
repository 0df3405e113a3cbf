"""User story: a 16-year-old finds a task in Lappeenranta, registers, confirms the address
from the email that was really delivered, signs up and sees the sign-up, on a phone, in
Finnish. The same story then runs with JavaScript off."""

from __future__ import annotations

import re
import uuid
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from helpers import TalkootServer, assert_no_axe_violations, shot

PASSWORD = "kesäkuun-talkoot-ovat-parhaita"


def sixteen_years_ago() -> str:
    today = date.today()
    # Born 16 years and half a year ago: 16 on any task date within the next months.
    year, month = today.year - 17, today.month + 6
    if month > 12:
        year, month = year + 1, month - 12
    return date(year, month, 1).isoformat()


def find_a_task_in_lappeenranta(page: Page, label: str) -> str:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/fi/$"))
    shot(page, f"{label}-front-page")
    page.get_by_role("link", name="Etsi tehtäviä").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vapaaehtoistehtävät")
    page.get_by_text("Rajaa hakua").click()
    page.get_by_label("Kunta", exact=True).select_option(label="Lappeenranta")
    page.get_by_label("Ikäsi", exact=True).fill("16")
    page.get_by_role("button", name="Hae").click()
    results = page.locator("#results")
    expect(results.get_by_role("heading", level=2).first).to_contain_text("tehtäv")
    cards = results.locator("li.card")
    expect(cards.first).to_be_visible()
    for card in cards.all():
        expect(card).to_contain_text("Lappeenranta")
    shot(page, f"{label}-search-lappeenranta")
    assert_no_axe_violations(page, f"{label}: search results")
    first = cards.first.get_by_role("link").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    shot(page, f"{label}-task-page")
    assert_no_axe_violations(page, f"{label}: task page")
    return title


def register_and_confirm(
    page: Page, talkoot: TalkootServer, email: str, label: str, inline: bool = False
) -> None:
    page.get_by_role("main").get_by_role("link", name="Luo tili").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Luo tili")
    assert_no_axe_violations(page, f"{label}: registration form")
    page.get_by_label("Nimi, jonka yhdistykset näkevät", exact=True).fill("Onni Testaaja")
    if inline:
        # With JavaScript, leaving a field checks it at once (htmx swaps only its box).
        page.get_by_label("Sähköposti", exact=True).fill("onni@")
        page.keyboard.press("Tab")
        expect(page.locator("#error-email")).to_have_text("Tämä ei ole sähköpostiosoite.")
        shot(page, f"{label}-registration-inline-error")
    page.get_by_label("Sähköposti", exact=True).fill(email)
    if inline:
        page.keyboard.press("Tab")
        expect(page.locator("#error-email")).to_have_count(0)
    page.get_by_label("Salasana", exact=True).fill(PASSWORD)
    page.get_by_label("Syntymäaika", exact=True).fill(sixteen_years_ago())
    page.get_by_label("Kotikunta (vapaaehtoinen)", exact=True).select_option(label="Lappeenranta")
    shot(page, f"{label}-registration-filled")
    page.get_by_role("button", name="Luo tili").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tarkista sähköpostisi")
    shot(page, f"{label}-check-your-email")

    mail = talkoot.wait_for_mail(email)
    link = re.search(r"https?://\S+/verify-email\?token=[\w-]+", mail.text)
    assert link, f"no verification link in the delivered email:\n{mail.text}"
    page.goto(link.group(0))
    expect(page).to_have_url(re.compile(r"/fi/verify-email\?token="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vahvista sähköpostiosoite")
    assert_no_axe_violations(page, f"{label}: confirm page")
    page.get_by_role("button", name="Vahvista osoite").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Osoite vahvistettu")
    shot(page, f"{label}-address-confirmed")


def log_in_and_sign_up(page: Page, task_url: str, title: str, email: str, label: str) -> None:
    page.goto(task_url)
    page.get_by_role("link", name="Kirjaudu ilmoittautuaksesi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kirjaudu")
    assert_no_axe_violations(page, f"{label}: login form")
    page.get_by_label("Sähköposti", exact=True).fill(email)
    page.get_by_label("Salasana", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Kirjaudu").click()
    # Back on the task, signed in.
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("button", name=re.compile("Kirjaudu ulos"))).to_be_visible()
    page.get_by_label("Viesti yhdistykselle (vapaaehtoinen)", exact=True).fill("Olen kiinnostunut!")
    page.get_by_role("button", name="Ilmoittaudu mukaan").click()
    expect(page.locator("#signup")).to_contain_text("Olet ilmoittautunut")
    shot(page, f"{label}-signed-up")
    assert_no_axe_violations(page, f"{label}: task page after signing up")

    page.get_by_role("link", name="Omat ilmoittautumiset").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Omat ilmoittautumiset")
    expect(page.get_by_role("main")).to_contain_text(title)
    shot(page, f"{label}-my-signups")
    assert_no_axe_violations(page, f"{label}: my sign-ups")


@pytest.mark.talkoot(seed_demo=True)
@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_16_year_old_finds_registers_and_signs_up(
    new_page, talkoot: TalkootServer, javascript: bool
) -> None:
    label = "teen-js" if javascript else "teen-nojs"
    page = new_page(java_script_enabled=javascript)
    email = f"onni.{uuid.uuid4().hex[:8]}@example.fi"
    title = find_a_task_in_lappeenranta(page, label)
    task_url = page.url
    register_and_confirm(page, talkoot, email, label, inline=javascript)
    log_in_and_sign_up(page, task_url, title, email, label)
