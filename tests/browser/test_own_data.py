"""A young person's own data: the profile that matching reads, "for you" with its reasons
in words, the download of everything kept about them, and deleting the account (a wrong
password deletes nothing). In English."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from helpers import TalkootServer, assert_no_axe_violations, shot

PASSWORD = "a long sentence about autumn leaves"


def register_and_log_in(page: Page, talkoot: TalkootServer, email: str) -> None:
    page.goto("/en/register")
    page.get_by_label("Name the associations see", exact=True).fill("Mika")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Date of birth", exact=True).fill("2009-03-04")
    page.get_by_role("button", name="Create account").click()
    mail = talkoot.wait_for_mail(email)
    link = re.search(r"https?://\S+/verify-email\?token=[\w-]+", mail.text)
    assert link, mail.text
    page.goto(link.group(0).replace("/verify-email", "/en/verify-email"))
    page.get_by_role("button", name="Confirm my address").click()
    page.goto("/en/login")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=re.compile("Log out"))).to_be_visible()


@pytest.mark.talkoot(seed_demo=True)
def test_profile_for_you_export_and_delete(new_page, talkoot: TalkootServer) -> None:
    page = new_page(locale="en-GB")
    email = f"mika.{uuid.uuid4().hex[:8]}@example.fi"
    register_and_log_in(page, talkoot, email)

    page.get_by_role("link", name="For you").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("For you")
    expect(page.get_by_role("main")).to_contain_text("your interests")

    page.get_by_role("link", name="My page").click()
    page.get_by_role("link", name="Profile").click()
    page.get_by_label("Home municipality (optional)", exact=True).select_option(label="Lappeenranta")
    page.get_by_label("Culture and arts").check()
    page.get_by_label("Children and young people").check()
    page.get_by_label("weekends").check()
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_role("status")).to_have_text("The profile is saved.")
    expect(page.get_by_label("Culture and arts")).to_be_checked()
    assert_no_axe_violations(page, "the profile")
    shot(page, "profile-saved")

    page.get_by_role("link", name="For you").click()
    first = page.locator("main li.card").first
    expect(first).to_be_visible()
    expect(first.locator(".why")).to_contain_text(re.compile("you like|near you"))
    shot(page, "for-you")
    assert_no_axe_violations(page, "for you")

    page.get_by_role("link", name="My page").click()
    page.get_by_role("link", name="Your data").click()
    assert_no_axe_violations(page, "the privacy page")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    path = download.value.path()
    assert path is not None
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    assert data["account"]["email"] == email
    assert "culture" in data["account"]["interests"]

    page.get_by_label("Password, to confirm", exact=True).fill("not the password")
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.locator(".error-summary")).to_contain_text("nothing was deleted")
    shot(page, "delete-wrong-password")
    page.get_by_label("Password, to confirm", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account deleted")
    expect(page.get_by_role("link", name="Log in").first).to_be_visible()
    shot(page, "deleted")

    # The account is gone: its password no longer logs in.
    page.goto("/en/login")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.locator(".error-summary")).to_contain_text("wrong")
