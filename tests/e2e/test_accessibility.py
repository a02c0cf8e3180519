"""axe-core on every page of the built guide, in English and in Spanish (es/), in the light and the
dark palette. Each page is loaded once and checked in both: the reader's own palette switch in
the header turns it dark, as a reader would. The Spanish pages are checked in the light palette:
they are the English pages' elements and CSS with other words, so their dark colours are the ones
checked in English, and the contrast rule is most of axe's time."""
from __future__ import annotations

import json

import pytest
from browsing import COLOUR_RULES, assert_accessible
from playwright.sync_api import expect
from support import DEFAULT_KB, ROOT
from support import DEFAULT_KB as KB

PAGES = (
    ["", "overview/", "applications/", "checklist/", "planner/", "templates/", "about/", "404.html"]
    + [f"phases/{phase.id}/" for phase in DEFAULT_KB.phases]
    + [f"{path.stem}/" for path in sorted((ROOT / "content/pages").glob("*.md"))]
)
LANGUAGES = ["", "es/"]  # the first language at the root, the other under its code


@pytest.fixture
def page(reading_page):
    return reading_page


def assert_no_violations(page, palettes=("default", "slate")) -> None:
    switch = page.locator('form[data-md-component="palette"] button:visible')
    for scheme in palettes:
        if scheme == "slate":
            switch.click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        if len(palettes) > 1:  # (the English pages) the switch is named for what it does, from the labels
            expect(switch).to_have_attribute("title", KB.labels["palette_to_light" if scheme == "slate" else "palette_to_dark"])
        if scheme == "default":
            assert_accessible(page, where="light palette")
        else:
            assert_accessible(page, COLOUR_RULES, where="dark palette")


@pytest.mark.parametrize("path", [language + path for language in LANGUAGES for path in PAGES])
def test_no_accessibility_violations(page, site_url, path):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + path)
    if page.locator("[data-fg-item]").count():
        page.locator("[data-fg-item]").first.check()  # a ticked box and the progress text, too
    assert_no_violations(page, palettes=("default",) if path.startswith("es/") else ("default", "slate"))


# With applications saved, the pages show their new parts: the choice, the due view, the form.
# The backup notice shows too: a change not saved elsewhere for long, in storage the browser may clear.
APPLICATIONS = {"version": 3, "chosen": "acme", "general": {"done": {}, "moments": {}}, "details": {}, "applications": {
    "acme": {"company": "Acme", "role": "Analyst", "moments": {"interview": "2026-03-06"},
             "done": {"send-a-thank-you": "2026-03-07T12:00:00Z"}},
    "globex": {"company": "Globex", "moments": {}, "done": {}, "archived": True},
}, "device": {"unsaved": "2020-01-01T00:00:00Z", "persisted": False, "asked": "2099-01-01T00:00:00Z"}}


@pytest.mark.parametrize("path", ["", "applications/", "checklist/", "planner/", "templates/", "phases/within-24-hours/",
                                  "log/"])
def test_no_accessibility_violations_with_applications(page, site_url, path):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "about/")
    page.evaluate("v => localStorage.setItem('followup-guide:data:v3:after-the-interview', v)", json.dumps(APPLICATIONS))
    page.goto(site_url + path)
    if path == "applications/":
        # Each application's name is a heading, and its buttons say which application they are for.
        row = page.locator("[data-fg-due]:not([data-fg-archived]) [data-fg-due-items] > li")
        expect(row.get_by_role("heading", level=3, name="Acme, Analyst")).to_be_visible()
        expect(row.get_by_role("button", name=KB.labels["application_edit"])).to_have_accessible_description("Acme, Analyst")
        page.get_by_role("button", name=KB.labels["applications_add"]).click()  # the form
        page.get_by_role("button", name=KB.labels["application_add_interviewer"]).click()  # a second interviewer's fields,
        second = KB.labels["application_interviewer_number"].format(number=2)  # numbered
        expect(page.get_by_role("textbox", name=f"{second} {KB.labels['application_interviewer_name']}")).to_be_focused()
        expect(page.get_by_role("textbox", name=f"{second} {KB.labels['application_interviewer_email']}")).to_be_visible()
        page.locator("details.fg-archived summary").click()  # and the archived ones
        page.get_by_role("button", name=KB.labels["link_make"]).click()  # the device link and its QR code
        page.locator("[data-fg-link-qr] svg").wait_for()
        page.mouse.move(0, 0)  # not hovering a button
    if path == "planner/":  # each step's calendar button says which step it is for
        step = page.locator("[data-fg-step]").filter(has=page.locator("[data-fg-plan-action=calendar-one]:visible")).first
        expect(step.get_by_role("button", name=KB.labels["planner_calendar_one"])).to_have_accessible_description(
            step.get_by_role("heading", level=3).inner_text())
    assert_no_violations(page)


def test_the_search_with_results_shown_has_no_violations_in_both_palettes(page, site_url):
    # The theme's search panel, open with results (each with its tags, and the line that says
    # how many more the page has): its colours in both palettes, and its landmarks.
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    for scheme in ("default", "slate"):
        if scheme == "slate":  # (the open search covers the palette switch)
            page.keyboard.press("Escape")
            page.locator('form[data-md-component="palette"] button:visible').click()
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        page.locator("[data-md-component=search-query]").fill("thank")
        expect(page.locator(".md-search-result__meta").first).to_be_visible()
        expect(page.locator(".md-search-result__list mark").first).to_be_visible()
        assert page.locator(".md-search-result .md-tags").count()  # results with tags, drawn by the theme
        assert_accessible(page, **({} if scheme == "default" else {"options": COLOUR_RULES}), where=scheme)


def test_a_hovered_button_keeps_its_contrast_in_both_palettes(page, site_url):
    # axe checks a page at rest; a hovered button (one drawn as a link too) is checked here.
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "templates/")
    for scheme in ("default", "slate"):
        if scheme == "slate":
            page.locator('form[data-md-component="palette"] button:visible').click()
        for selector in ("a.fg-button", "button.fg-button"):
            button = page.locator(f"article {selector}:visible").first
            button.hover()
            assert_accessible(page, COLOUR_RULES, where=f"{scheme}, {selector} hovered", context=f"article {selector}")


# The focused element, where it is, and how much of it the theme's sticky header hides.
FOCUSED = """() => {
    const e = document.activeElement, header = document.querySelector(".md-header").getBoundingClientRect();
    const box = e.getBoundingClientRect();
    return {control: e.outerHTML.slice(0, 80), inContent: !!e.closest(".md-content"), top: box.top, bottom: box.bottom, headerBottom: header.bottom};
}"""


def test_moving_backwards_by_keyboard_never_leaves_the_focus_under_the_header(page, site_url):
    # The browser scrolls a control reached by Shift+Tab to the top of the window, where the
    # theme's header stays: the page's scroll padding keeps each one below it (WCAG 2.4.11). The
    # last templates' fields, buttons and links, from the footer up.
    page.goto(site_url + "templates/")
    page.locator(".md-footer a").first.focus()
    walked, hidden = [], []
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inContent"]:
            walked.append(focused)
            if focused["top"] < focused["headerBottom"]:
                hidden.append(focused)
    assert len(walked) > 40
    assert not hidden, hidden[:5]


# The contrast of a focused control's outline against the colour behind it (WCAG 1.4.11).
OUTLINE_CONTRAST = """() => {
    const e = document.activeElement, rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
    let behind = null;
    for (let n = e; n && !behind; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (!/rgba\\(.*, 0\\)|transparent/.test(c)) behind = c;
    }
    const light = (c) => rgb(c).map((v) => v / 255).map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [a, b] = [light(getComputedStyle(e).outlineColor), light(behind)].sort((x, y) => y - x);
    return {control: e.getAttribute("aria-label") || e.textContent.trim(), style: getComputedStyle(e).outlineStyle,
            ratio: (a + 0.05) / (b + 0.05)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_headers_buttons_show_their_focus_against_the_header(page, site_url, scheme):
    """The theme draws it in the accent colour, close to the header's own (1.5:1 on indigo)."""
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url)
    seen = []
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-header__button')"):
            seen.append(page.evaluate(OUTLINE_CONTRAST))
    assert len(seen) >= 3, seen
    assert all(focus["style"] != "none" and focus["ratio"] >= 3 for focus in seen), seen
