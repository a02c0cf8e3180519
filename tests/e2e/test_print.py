"""The checklist and the topic pages on paper."""
from __future__ import annotations

import pytest
from browsing import printed_sheets
from playwright.sync_api import expect
from support import CHECKLIST_LINES
from support import DEFAULT_KB as KB

SITE_CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]


def pdf_text(page, paper: str) -> tuple[int, str]:
    sheets = printed_sheets(page, paper)
    return len(sheets), " ".join(sheet.text for sheet in sheets)


def test_the_print_button_opens_the_print_dialog(page, site_url):
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(site_url + "checklist/")
    page.get_by_role("button", name=KB.labels["checklist_print"]).click()
    assert page.evaluate("window.__printed") is True


def test_printed_checklist_shows_boxes_headings_name_and_address_only(page, site_url):
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.emulate_media(media="print")

    for selector in SITE_CHROME + [".fg-checklist-tools"]:
        expect(page.locator(selector).first).to_be_hidden()
    source = page.locator(".fg-print-source")
    expect(source).to_be_visible()
    expect(source).to_contain_text(KB.title)
    expect(source).to_contain_text(site_url)
    expect(page.locator("section.fg-checklist-phase h2").first).to_be_visible()
    expect(page.get_by_role("checkbox")).to_have_count(len(CHECKLIST_LINES))
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_visible()
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    # A heading's link reads as a heading on paper (nothing to click there), and as a link on screen.
    heading_link = page.locator("section.fg-checklist-phase h2 a").first
    assert heading_link.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    page.emulate_media(media="screen")
    assert heading_link.evaluate("a => getComputedStyle(a).textDecorationLine") == "underline"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_checklist_fits_on_two_pages_with_every_line(page, site_url, paper):
    page.goto(site_url + "checklist/")
    page.emulate_media(media="print")
    expect(page.locator(".fg-contact-group")).to_have_count(0)  # no center: no rule for its details
    pages, text = pdf_text(page, paper)
    assert pages <= 2
    for line in CHECKLIST_LINES:
        assert line in text, line
    assert KB.title in text
    for hidden in (KB.labels["checklist_reset"], KB.labels["checklist_print"]):
        assert hidden not in text


def test_a_topic_page_prints_its_content_without_the_site_around_it(page, site_url):
    page.goto(site_url + "phases/within-24-hours/")
    page.emulate_media(media="print")
    for selector in SITE_CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    pages, text = pdf_text(page, "A4")
    phase = KB.phases[1]
    assert phase.title in text
    for entry in phase.entries:
        assert entry.title.replace("'", "’") in text.replace("'", "’"), entry.title
    assert KB.labels["nav_phases"] not in text  # no navigation
    assert all(point.label in text for point in KB.timeline.points)  # the timeline picture prints
