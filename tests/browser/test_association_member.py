"""User story: an association member posts a task, accepts a volunteer's sign-up,
completes it with hours, and the volunteer's record shows it; on a phone, in Finnish,
with the demo's accounts."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from helpers import TalkootServer, assert_no_axe_violations, shot

DEMO_PASSWORD = "talkoot-demo-kesä-2026"
MEMBER = "jari.kinnunen@example.fi"
VOLUNTEER = "aada.koskinen@example.fi"


def log_in(page: Page, email: str) -> None:
    page.goto("/fi/login")
    page.get_by_label("Sähköposti", exact=True).fill(email)
    page.get_by_label("Salasana", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Kirjaudu").click()
    expect(page.get_by_role("button", name=re.compile("Kirjaudu ulos"))).to_be_visible()


@pytest.mark.talkoot(seed_demo=True)
def test_a_member_posts_a_task_and_completes_a_sign_up(new_page, talkoot: TalkootServer) -> None:
    title = f"Syystalkoot {uuid.uuid4().hex[:6]}"
    member = new_page()
    log_in(member, MEMBER)
    member.get_by_role("link", name="Oma sivu").click()
    member.get_by_role("link", name="Omat yhdistykset").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Omat yhdistykset")
    shot(member, "member-associations")
    assert_no_axe_violations(member, "my associations")
    member.get_by_role("main").get_by_role("link").first.click()
    member.get_by_role("link", name="Uusi tehtävä").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Uusi tehtävä")
    assert_no_axe_violations(member, "the new task form")

    # A refused form names its fields at the top, and keeps what was typed.
    member.get_by_label("Otsikko", exact=True).fill(title)
    member.get_by_role("button", name="Tallenna luonnos").click()
    summary = member.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(member.get_by_label("Otsikko", exact=True)).to_have_value(title)
    shot(member, "member-task-form-refused")
    assert_no_axe_violations(member, "the refused task form")

    member.get_by_label("Kuvaus", exact=True).fill(
        "Haravoidaan yhdessä kerhotalon piha ennen talvea. Haravat ja välipala tarjotaan."
    )
    member.get_by_label("Ympäristö ja luonto").check()
    member.get_by_label("Kunta", exact=True).select_option(label="Lappeenranta")
    member.get_by_label("Jatkuva", exact=True).check()
    member.get_by_label("Arvioitu kesto (h)", exact=True).fill("3")
    member.get_by_label("Paikkoja", exact=True).fill("5")
    shot(member, "member-task-form-filled")
    member.get_by_role("button", name="Tallenna luonnos").click()
    expect(member.get_by_role("heading", level=1)).to_have_text(title)
    expect(member.get_by_role("main")).to_contain_text("luonnos")
    member.get_by_role("button", name="Julkaise").click()
    expect(member.get_by_role("main")).to_contain_text("julkaistu")
    shot(member, "member-task-published")
    assert_no_axe_violations(member, "the member's task page")
    manage_url = member.url

    # The member edits the published task: the form comes filled, the change is kept.
    member.get_by_role("link", name="Muokkaa tehtävää").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Muokkaa tehtävää")
    expect(member.get_by_label("Otsikko", exact=True)).to_have_value(title)
    member.get_by_label("Paikkoja", exact=True).fill("6")
    shot(member, "member-task-edit")
    member.get_by_role("button", name="Tallenna muutokset").click()
    expect(member).to_have_url(manage_url)
    member.get_by_role("link", name="Muokkaa tehtävää").click()
    expect(member.get_by_label("Paikkoja", exact=True)).to_have_value("6")
    member.goto(manage_url)

    # A volunteer finds it and signs up.
    volunteer = new_page()
    log_in(volunteer, VOLUNTEER)
    volunteer.goto("/fi/tasks")
    volunteer.get_by_label("Hakusana", exact=True).fill(title)
    volunteer.get_by_role("button", name="Hae").click()
    volunteer.locator("#results").get_by_role("link", name=title).click()
    volunteer.get_by_role("button", name="Ilmoittaudu mukaan").click()
    expect(volunteer.locator("#signup")).to_contain_text("odottaa yhdistyksen vahvistusta")
    shot(volunteer, "volunteer-signed-up")

    # The member accepts and, the work done, completes it with hours.
    member.goto(manage_url)
    expect(member.get_by_role("main")).to_contain_text("Aada")
    member.get_by_role("button", name=re.compile("^Hyväksy")).click()
    expect(member.get_by_role("main")).to_contain_text("hyväksytty")
    shot(member, "member-accepted")
    member.get_by_label(re.compile("^Tunnit")).fill("2,5")
    member.get_by_role("button", name=re.compile("^Merkitse tehdyksi")).click()
    expect(member.get_by_role("main")).to_contain_text("tehty")
    expect(member.get_by_role("main")).to_contain_text("2,5 h")
    shot(member, "member-completed")
    assert_no_axe_violations(member, "the member's task page after completing")
    member.get_by_label("5 – erinomainen").check()
    member.get_by_label(re.compile("^Kommentti")).fill("Kiitos ahkerasta työstä!")
    member.get_by_role("button", name=re.compile("^Lähetä palaute")).click()
    expect(member.get_by_role("main")).to_contain_text("5/5 – Kiitos ahkerasta työstä!")

    # The volunteer's record shows it.
    volunteer.get_by_role("link", name="Oma sivu").click()
    volunteer.get_by_role("link", name="Vapaaehtoistodistus", exact=True).click()
    expect(volunteer.get_by_role("heading", level=1)).to_have_text("Vapaaehtoistodistus")
    row = volunteer.get_by_role("row").filter(has_text=title)
    expect(row).to_contain_text("2,5")
    shot(volunteer, "volunteer-record")
    assert_no_axe_violations(volunteer, "the volunteer's record")
