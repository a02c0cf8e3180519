"""The guide in English at the root and in Spanish under es/, as a reader switches between
them: the switch leads to the same page, progress and details follow, dates, search and the
printed checklist are in the page's language."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browsing import planner_in, printed_sheets
from generator.rendering.pages import file_name
from support import CHECKLIST_LINES, DEFAULT_KB as EN, SPANISH_KB as ES

SPANISH_CHECKLIST = [e.checklist for p in ES.phases for e in p.entries if e.checklist]


def switch_to(page, language_name: str) -> None:
    """The header's language switch, as a reader uses it: its button, then the language."""
    page.locator(".md-header .md-select button").click()
    page.locator(".md-header .md-select").get_by_role("link", name=language_name).click()


@pytest.mark.parametrize("path", ["", "phases/while-you-wait/", "checklist/", "privacy/", "editing-the-guide/"])
def test_the_switch_leads_to_the_same_page_in_the_other_language(watched, page, site_url, path):
    page.goto(site_url + path)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    english_heading = page.locator("h1").first.inner_text()
    hreflang = page.locator("head link[hreflang]")
    assert hreflang.evaluate_all("links => links.map(l => [l.relList.contains('alternate'), l.hreflang, l.href])") == [
        [True, "en", site_url + path], [True, "es", site_url + "es/" + path]]

    switch_to(page, ES.labels["language_name"])
    expect(page).to_have_url(site_url + "es/" + path)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.locator("h1").first.inner_text() != english_heading
    assert page.locator("head link[hreflang]").evaluate_all(
        "links => links.map(l => l.href)") == [site_url + path, site_url + "es/" + path]

    switch_to(page, EN.labels["language_name"])
    expect(page).to_have_url(site_url + path)
    expect(page.locator("h1").first).to_have_text(english_heading)
    assert watched.console_errors == [] and watched.page_errors == [] and watched.offsite_requests == []


def test_the_spanish_pages_are_in_spanish(page, site_url):
    page.goto(site_url + "es/phases/within-24-hours/")
    phase = next(p for p in ES.phases if p.id == "within-24-hours")
    expect(page.locator("h1")).to_have_text(phase.title)
    expect(page).to_have_title(f"{phase.title} - {ES.title}")
    expect(page.locator("#send-a-thank-you")).to_contain_text(ES.entries["send-a-thank-you"].title)
    expect(page.locator(".fg-entry__timing").first).to_contain_text("a más tardar 2 días hábiles después de la entrevista")
    expect(page.locator(".md-search__input")).to_have_attribute("placeholder", "Búsqueda")  # the theme's own words
    expect(page.locator('form[data-md-component="palette"] button:visible')).to_have_attribute(
        "title", ES.labels["palette_to_dark"])  # the light and dark switch, from the labels
    assert page.locator('[lang="en"]:not([hreflang])').count() == 0  # nothing left in English


def test_ticks_applications_and_details_made_in_english_show_in_spanish(page, site_url):
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.goto(site_url + "templates/")
    box = page.locator('[data-fg-template="thank-you-email"]')
    box.get_by_label(EN.labels["template_remember"]).check()
    box.locator('[data-fg-field="your-name"]').fill("Ana")
    box.locator('[data-fg-field="role"]').fill("Analista")

    page.goto(site_url + "es/checklist/")
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    expect(page.locator("[data-fg-progress]").first).to_have_text(f"1 de {len(SPANISH_CHECKLIST)} pasos hechos")
    page.goto(site_url + "es/templates/")
    box = page.locator('[data-fg-template="thank-you-email"]')
    expect(box.locator('[data-fg-field="your-name"]')).to_have_value("Ana")
    # The reader's details are kept; the message around them is the Spanish one.
    expect(box.locator("[data-fg-subject]")).to_have_text("Gracias por la entrevista para el puesto de Analista, de Ana")
    expect(box.locator("[data-fg-body]")).to_contain_text("Saludos cordiales,\nAna")
    # Its files are named in Spanish, from its Spanish title, accents taken off.
    spanish_name = file_name(next(t.title for t in ES.templates if t.id == "thank-you-email"), "thank-you-email")
    with page.expect_download() as download:
        box.get_by_role("button", name=ES.labels["template_download_text"]).click()
    assert download.value.suggested_filename == f"{spanish_name}.txt"
    blank = page.locator('a.fg-template__blank[href$="downloads/thank-you-email.txt"]')
    assert spanish_name.startswith("correo-") and blank.get_attribute("download") == f"{spanish_name}.txt"


def test_the_planner_writes_dates_in_spanish(browser, site_url):
    page = planner_in(browser, site_url + "es/planner/", "America/Mexico_City", "en-US")
    page.fill('[data-fg-moment="stated-date"]', "2026-03-13")
    expect(page.locator('[data-fg-step="send-a-thank-you"] [data-fg-step-when]')).to_have_text(
        "Hazlo a más tardar el martes 10 de marzo de 2026")
    expect(page.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-when]')).to_have_text(
        "El viernes 20 de marzo de 2026")
    page.context.close()


def test_search_finds_spanish_words_on_the_spanish_pages(page, site_url):
    page.goto(site_url + "es/")
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("agradecimiento", delay=20)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    page.wait_for_timeout(200)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert hrefs[0].startswith(site_url + "es/phases/within-24-hours/")
    assert all(href.startswith(site_url + "es/") for href in hrefs)


def test_the_spanish_checklist_prints_in_spanish(page, site_url):
    page.goto(site_url + "es/checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()  # the switch with it
    sheets = printed_sheets(page, "A4")
    text = " ".join(sheet.text for sheet in sheets)
    assert len(sheets) <= 2
    assert ES.pages["checklist"].title in text and ES.title in text
    for line in SPANISH_CHECKLIST:
        assert line in text, line
    assert not any(line in text for line in CHECKLIST_LINES if line not in SPANISH_CHECKLIST)
    assert ES.labels["checklist_print"] not in text


def test_the_switch_works_by_keyboard_and_by_touch_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "es/planner/")
    button = page.locator(".md-header .md-select button")
    english = page.locator(".md-header .md-select").get_by_role("link", name=EN.labels["language_name"])
    button.focus()
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Tab")  # a closed list is no Tab stop
    assert page.evaluate("!document.activeElement.closest('.md-select')")
    for key in (" ", "Enter"):  # a disclosure button: Space and Enter open it, Escape closes it
        button.focus()
        page.keyboard.press(key)
        expect(button).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Tab")
        expect(english).to_be_focused()
        assert english.evaluate("a => getComputedStyle(a).outlineStyle") != "none"  # where the focus is shows
        page.keyboard.press("Escape")
        expect(button).to_be_focused()
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(english).to_be_hidden()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    for link in page.locator(".md-header .md-select a").all():
        box = link.bounding_box()
        assert round(box["height"]) >= 44 and box["width"] >= 44, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box  # the open list stays on the screen
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "planner/")
