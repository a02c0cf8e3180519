"""The checklist and the topic pages on paper."""
from __future__ import annotations

import io
import json
import math
from datetime import datetime

import pytest
from browsing import printed_sheets
from PIL import Image
from playwright.sync_api import expect
from support import CHECKLIST_LINES
from support import DEFAULT_KB as KB
from support import SPANISH_KB

SITE_CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]


def pdf_text(page, paper: str) -> tuple[int, str]:
    sheets = printed_sheets(page, paper)
    return len(sheets), " ".join(sheet.text for sheet in sheets)


def test_the_print_button_opens_the_print_dialog(page, site_url):
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(site_url + "checklist/")
    page.get_by_role("button", name=KB.labels["checklist_print"]).click()
    assert page.evaluate("window.__printed") is True


def grey_levels(locator) -> tuple[float, int, int]:
    """An element as drawn: its mean grey level, its centre's and its darkest (0 black, 255 white)."""
    picture = Image.open(io.BytesIO(locator.screenshot())).convert("L")
    width, height = picture.size
    pixels = picture.tobytes()  # one byte a pixel
    return sum(pixels) / len(pixels), picture.getpixel((width // 2, height // 2)), min(pixels)


def test_printed_checklist_shows_boxes_headings_name_and_address_only(page, site_url):
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.locator('form[data-md-component="palette"] button:visible').click()  # the dark palette, on screen
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as printing does

    # Paper is black on white whatever the palette: an unticked box is empty, inside a dark outline,
    # for a pen; a ticked one is dark.
    unticked_mean, unticked_centre, unticked_darkest = grey_levels(page.locator('[data-fg-item="ask-when-you-will-hear"]'))
    ticked_mean = grey_levels(page.locator('[data-fg-item="send-a-thank-you"]'))[0]
    assert unticked_centre > 240 and unticked_darkest < 160, (unticked_centre, unticked_darkest)
    assert ticked_mean < unticked_mean - 80, (ticked_mean, unticked_mean)

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
    expect(page.locator("[data-fg-progress]:visible")).to_have_count(0)  # the ticks say it, on paper
    # The title in the text's own colour, not the theme's light grey, nor its thinnest weight.
    title, text = page.locator("h1").evaluate("h1 => [getComputedStyle(h1), getComputedStyle(h1.parentElement)]"
                                              ".map(style => [style.color, style.fontWeight])")
    assert title[0] == text[0] and int(title[1]) >= 400, (title, text)
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
    for phase in KB.phases:  # no count of ticks on a blank handout
        assert KB.labels["progress_phase"].format(done=0, total=len([e for e in phase.entries if e.checklist])) not in text
    for hidden in (KB.labels["checklist_reset"], KB.labels["checklist_print"]):
        assert hidden not in text


def test_a_topic_page_prints_its_content_without_the_site_around_it(page, site_url):
    page.goto(site_url + "phases/within-24-hours/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as printing does: the theme opens every folded box
    for selector in SITE_CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    # The timeline once, without the phone's button that opens it larger; no button at all.
    expect(page.locator(".fg-timeline svg:visible")).to_have_count(1)
    expect(page.locator(".fg-timeline__larger")).to_be_hidden()
    expect(page.locator(".md-content .fg-button:visible")).to_have_count(0)
    messages = [" ".join(body.split()) for body in page.locator("[data-fg-body]").all_inner_texts()]
    sheets = printed_sheets(page, "A4")
    assert all(sheet.text.strip() for sheet in sheets), [sheet.text[:40] for sheet in sheets]  # no sheet left blank
    for message in messages:  # each message whole, on one sheet
        assert any(message in sheet.text for sheet in sheets), message
    text = " ".join(sheet.text for sheet in sheets)
    phase = KB.phases[1]
    assert phase.title in text
    for entry in phase.entries:
        assert entry.title.replace("'", "’") in text.replace("'", "’"), entry.title
    assert KB.labels["nav_phases"] not in text  # no navigation
    assert all(point.label in text for point in KB.timeline.points)  # the timeline picture prints


# The width of a sheet's text inside the theme's page margins (25 mm each side), in CSS pixels.
TEXT_WIDTH = {"A4": (210 - 50) / 25.4 * 96, "Letter": (215.9 - 50) / 25.4 * 96}
STORAGE_KEY = "followup-guide:data:v3:after-the-interview"
# Two applications for the job-search log: one with two steps done and its answer, one with a long
# address in its contact column.
LOG_RECORD = {"version": 3, "general": {"done": {}, "moments": {}}, "details": {}, "chosen": "", "applications": {
    "initech": {"company": "Initech", "role": "Office Manager", "applied": "2026-10-10",
                "moments": {"interview": "2026-10-28", "stated-date": "2026-11-06"},
                "done": {"send-a-thank-you": "2026-10-29T15:00:00Z", "send-one-follow-up": "2026-11-13T15:00:00Z"},
                "created": "2026-10-28T20:00:00Z", "outcome": "rejection", "outcomeDay": "2026-11-24"},
    "acme": {"company": "Acme", "role": "Data Analyst", "contact": "Rita at Hays",
             "interviewers": [{"name": "José Müller", "email": "jose.mueller@recruiting.acme.example"}],
             "moments": {"interview": "2026-11-20"}, "done": {"ask-when-you-will-hear": "2026-11-20T21:00:00Z"},
             "created": "2026-11-20T20:00:00Z"}}}
# Each cell of the log that reaches past the right side of the window, or whose text overflows it.
CELLS_OUTSIDE = """() => [...document.querySelectorAll(".fg-log th, .fg-log td")]
    .filter(cell => cell.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
                    || cell.scrollWidth > cell.clientWidth + 0.5)
    .map(cell => cell.textContent)"""


@pytest.mark.parametrize("language, today", [("", "Friday, November 27, 2026"),
                                              ("es/", "viernes 27 de noviembre de 2026")])
def test_the_log_prints_every_column_within_the_sheet_and_the_day_it_was_printed(page, site_url, language, today):
    kb = SPANISH_KB if language else KB
    page.clock.set_fixed_time(datetime(2026, 11, 27, 9, 0))
    page.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(LOG_RECORD))})")
    page.goto(site_url + language + "log/")
    expect(page.locator("[data-fg-log-rows] tr")).to_have_count(2)
    page.emulate_media(media="print")
    expect(page.locator(".fg-print-source")).not_to_contain_text(kb.labels["printed_on"].format(date=""))
    page.clock.set_fixed_time(datetime(2026, 11, 27, 18, 0))  # the tab stays open; printed later that day
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as printing does
    expect(page.locator(".fg-print-source")).to_have_text(
        f"{kb.title} · {site_url}{language} · " + kb.labels["printed_on"].format(date=today))
    for paper, width in TEXT_WIDTH.items():
        page.set_viewport_size({"width": math.floor(width), "height": 800})
        assert page.evaluate(CELLS_OUTSIDE) == [], paper
    text = pdf_text(page, "A4")[1]
    assert next(o.label for o in kb.outcomes if o.id == "rejection") in text  # the last column
    for entry in ("send-a-thank-you", "send-one-follow-up", "ask-when-you-will-hear"):
        assert kb.entries[entry].checklist in text, entry  # each step done, whole


def test_the_planner_and_the_templates_print_for_the_chosen_application_without_screen_controls(page, site_url):
    acme = {**LOG_RECORD["applications"]["acme"], "moments": {"interview": "2026-11-20", "stated-date": "2026-12-04"}}
    record = {**LOG_RECORD, "applications": {"acme": acme}, "chosen": "acme"}
    page.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(record))})")
    page.goto(site_url + "planner/")
    expect(page.locator('[data-fg-moment="interview"]')).to_have_value("2026-11-20")
    expect(page.locator('[data-fg-plan-action="calendar-all"]')).to_be_visible()
    page.emulate_media(media="print")
    # The plan names its application; its dates are written in the timeline and in each step, and
    # nothing is there to fill in or press.
    expect(page.locator("[data-fg-print-application]")).to_have_text("Acme, Data Analyst")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".fg-print-source")).to_contain_text(KB.labels["printed_on"].format(date=""))
    expect(page.locator("[data-fg-planner]")).to_be_hidden()
    expect(page.locator(".md-content :is(button, input:not([type=checkbox]), select):visible")).to_have_count(0)

    page.goto(site_url + "templates/")
    page.wait_for_function("() => !document.querySelector('[data-fg-template]:not([data-fg-ready])')")
    assert page.locator(".fg-template__eml-help:not([hidden])").count() > 1  # each email's help, on screen
    expect(page.locator("[data-fg-still-blank]:not([hidden])").first).to_be_attached()  # the reader's name is blank
    # Each message once and whole, without the help on opening a downloaded draft or the list of blanks.
    expect(page.locator(".fg-template__eml-help:visible, [data-fg-still-blank]:visible")).to_have_count(0)
    expect(page.locator("[data-fg-template]:visible").first).to_have_css("break-inside", "avoid")
