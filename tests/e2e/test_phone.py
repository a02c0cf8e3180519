"""The guide on a phone (390 × 844): the home page's first screen, the top of each phase page,
folded explanations, the timeline picture, touch targets of at least 44 px, and axe-core."""
from __future__ import annotations

import pytest
from browsing import COLOUR_RULES, EVERY_RULE, assert_accessible, too_small_to_touch
from playwright.sync_api import expect
from support import DEFAULT_KB as KB

PHONE = {"width": 390, "height": 844}
TOUCH = 44


@pytest.fixture
def phone(reading_page):
    reading_page.set_viewport_size(PHONE)
    return reading_page


def test_the_home_page_offers_start_here_actions_on_the_first_phone_screen(phone, site_url):
    phone.goto(site_url)
    start = phone.get_by_role("navigation", name=KB.labels["start_here"])
    targets = {
        KB.labels["start_first_steps"]: site_url + "phases/within-24-hours/",
        KB.labels["start_thank_you"]: site_url + "templates/#template-thank-you-email",
        KB.labels["start_planner"]: site_url + "planner/",
    }
    for name, href in targets.items():
        link = start.get_by_role("link", name=name)
        box = link.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], f"{name} is below the first screen"
        assert box["height"] >= TOUCH and box["width"] >= TOUCH
        assert link.evaluate("a => a.href") == href
    assert not too_small_to_touch(phone, TOUCH)  # the rest of the page too: the list of phases' titles
    # The theme's header buttons too (menu, colours, language, search), and the search field's.
    header = phone.locator(".md-header .md-header__button.md-icon:visible")
    assert header.count() >= 4
    for box in header.evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())"):
        assert box["height"] >= TOUCH and box["width"] >= TOUCH, box
    phone.locator(".md-header__button[for=__search]").click()
    phone.locator(".md-search__input").fill("thank")
    phone.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")  # opened
    for box in phone.locator(".md-search__icon:visible").evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())"):
        assert box["height"] >= TOUCH and box["width"] >= TOUCH, box
    phone.keyboard.press("Escape")
    start.get_by_role("link", name=KB.labels["start_thank_you"]).click()
    expect(phone.locator("#template-thank-you-email")).to_be_in_viewport()


@pytest.mark.parametrize("phase", KB.phases, ids=lambda p: p.id)
def test_a_phase_page_opens_with_its_dos_and_donts_linking_down_and_a_jump_to_its_templates(phone, site_url, phase):
    phone.goto(site_url + f"phases/{phase.id}/")
    phone.wait_for_load_state("load")  # as a reader would: taps come after the page settled
    glance = phone.get_by_role("navigation", name=KB.labels["phase_at_a_glance"])
    assert glance.bounding_box()["y"] < PHONE["height"]  # it starts on the first screen
    links = glance.locator("li a")
    assert links.all_inner_texts() == [e.title for e in phase.dos] + [e.title for e in phase.donts]
    for link in links.all():
        assert link.bounding_box()["height"] >= TOUCH
    last = phase.entries[-1] if not phase.donts else phase.donts[-1]
    link = glance.get_by_role("link", name=last.title, exact=True)
    # The theme saves the scroll position 100 ms after a scroll; a tap within those 100 ms (as
    # Playwright's scroll-then-click makes it) would restore the old position. A reader is slower.
    link.scroll_into_view_if_needed()
    phone.wait_for_timeout(300)
    link.click()
    expect(phone.locator(f"#{last.id}")).to_be_in_viewport()

    phone.goto(site_url + f"phases/{phase.id}/")
    phone.wait_for_load_state("load")
    jump = glance.get_by_role("link", name=KB.labels["phase_jump_to_templates"])
    assert jump.bounding_box()["height"] >= TOUCH
    jump.scroll_into_view_if_needed()
    phone.wait_for_timeout(300)
    jump.click()
    expect(phone.locator("#templates")).to_be_in_viewport()
    first_template = next(t for t in KB.templates if phase.id in t.phases)
    expect(phone.locator(f"#template-{first_template.id}")).to_be_attached()


def test_long_explanations_are_folded_and_open_on_a_tap(phone, site_url):
    phone.goto(site_url + "phases/when-an-offer-comes/")
    entry = phone.locator("#negotiate-before-you-accept ~ details.fg-entry__more").first
    summary = entry.locator("summary")
    expect(summary).to_have_text(KB.labels["entry_read_more"])
    assert summary.bounding_box()["height"] >= TOUCH
    expect(entry.get_by_text("pay surveys", exact=False)).to_be_hidden()
    summary.click()
    expect(entry.get_by_text("pay surveys", exact=False)).to_be_visible()


@pytest.mark.parametrize("path", ["", "phases/after-the-date/"])
def test_the_timeline_takes_at_most_a_third_of_a_phone_screen_and_opens_larger(phone, site_url, path):
    phone.goto(site_url + path)
    compact = phone.locator(".fg-timeline__picture--compact")
    expect(compact).to_be_visible()
    expect(phone.locator(".fg-timeline__picture--wide")).to_be_hidden()
    expect(phone.locator(".fg-timeline__picture--narrow")).to_be_hidden()
    assert compact.bounding_box()["height"] <= PHONE["height"] / 3
    opener = phone.locator(".fg-timeline__larger > summary")
    expect(opener).to_have_text(KB.labels["timeline_open_larger"])
    assert opener.bounding_box()["height"] >= TOUCH
    opener.click()
    larger = phone.locator(".fg-timeline__picture--narrow")
    expect(larger).to_be_visible()
    assert larger.bounding_box()["height"] > compact.bounding_box()["height"] if compact.is_visible() else True
    expect(phone.get_by_role("img", name=KB.timeline.title)).to_have_count(1)


@pytest.mark.parametrize("path, row", [("checklist/", ".fg-checklist__item"), ("planner/", ".fg-planner__remember"),
                                       ("templates/", ".fg-template__remember")])
def test_a_tick_box_is_ticked_by_a_tap_anywhere_on_its_row_of_at_least_44_px(phone, site_url, path, row):
    phone.goto(site_url + path)
    if path == "planner/":  # (dates are remembered once there is one)
        phone.locator('[data-fg-moment="interview"]').fill("2026-03-06")
    rows = phone.locator(f".md-content {row}:visible")
    assert rows.count()
    # Each tick box's label (not only its row), and every other control of the page: summaries,
    # links standing alone, buttons, fields. test_applications checks them with applications too.
    assert not too_small_to_touch(phone, TOUCH)
    first = rows.first
    first.scroll_into_view_if_needed()
    box = first.bounding_box()
    phone.mouse.click(box["x"] + box["width"] - 2, box["y"] + 2)  # the row's far corner: neither the box nor its words
    expect(first.locator("input[type=checkbox]")).to_be_checked()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "phases/when-an-offer-comes/", "templates/"])
def test_no_accessibility_violations_on_a_phone_with_everything_unfolded(phone, site_url, path, scheme):
    phone.emulate_media(color_scheme=scheme)
    phone.goto(site_url + path)
    phone.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert_accessible(phone, EVERY_RULE if scheme == "light" else COLOUR_RULES)
    if path.startswith("phases/"):  # the menu open, on the section of the page (the theme opens it)
        phone.locator('button[data-fg-input="__drawer"]').click()
        settled(phone)
        expect(phone.locator('.md-nav__title[for^="__nav_"]:visible').first).to_be_visible()
        assert_accessible(phone, EVERY_RULE if scheme == "light" else COLOUR_RULES, where="the menu open")


# The focused element, whether it shows (inside the window, visible, not covered at its middle),
# and whether it is in the page's content or the menu.
FOCUSED = """() => {
    const e = document.activeElement, box = e.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const inside = box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
    return {control: e.outerHTML.slice(0, 90), inContent: !!e.closest(".md-content"), inMenu: !!e.closest(".md-sidebar--primary"),
            shown: inside && getComputedStyle(e).visibility === "visible" && !!top && (e.contains(top) || top.contains(e))};
}"""


def settled(page) -> None:
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def tab_until(page, done, limit: int = 12) -> list[dict]:
    """Tab from where the focus is until done(focused); every stop on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if not stops[-1]["shown"]:  # the theme's search may still be fading out its overlay
            settled(page)
            stops[-1] = page.evaluate(FOCUSED)
        if done(stops[-1]):
            break
    return stops


@pytest.mark.parametrize("width", [390, 1280])
def test_the_keyboard_reaches_the_content_through_a_few_stops_that_show_and_works_the_header(phone, site_url, width):
    # The theme's closed menu (below 76.25em), closed search and empty results are no Tab stops
    # nobody sees; its menu, search and colour buttons are buttons that Enter and Space press.
    phone.set_viewport_size({**PHONE, "width": width})
    phone.goto(site_url + "checklist/")
    stops = tab_until(phone, lambda focused: focused["inContent"] or focused["inMenu"], limit=40)
    assert [stop for stop in stops if not stop["shown"]] == []
    assert stops[-1]["inContent" if width < 1220 else "inMenu"] and len(stops) <= 8, stops
    header = phone.locator(".md-header")
    palette = header.get_by_role("button", name=KB.labels["palette_to_dark"])
    palette.focus()
    phone.keyboard.press(" ")
    expect(phone.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(header.get_by_role("button", name=KB.labels["palette_to_light"])).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(palette).to_be_focused()
    if width > 1220:
        return
    menu = header.get_by_role("button", name=phone.locator("nav.md-nav--primary").get_attribute("aria-label"))
    assert any('for="__drawer"' in stop["control"] for stop in stops)  # the menu button is a Tab stop
    for key in ("Enter", " "):
        menu.focus()
        expect(menu).to_have_attribute("aria-expanded", "false")
        phone.keyboard.press(key)
        expect(menu).to_have_attribute("aria-expanded", "true")
        settled(phone)
        in_menu = [phone.evaluate(FOCUSED)] + tab_until(phone, lambda focused: False, limit=3)
        assert all(stop["inMenu"] and stop["shown"] for stop in in_menu), in_menu
        phone.keyboard.press("Escape")
        expect(menu).to_be_focused()
        expect(menu).to_have_attribute("aria-expanded", "false")
    settled(phone)
    # A section opened in the menu covers the level it came from, whose links are then no Tab stops;
    # Tab past the menu's end closes it, so it covers nothing the focus goes to.
    menu.focus()
    phone.keyboard.press("Enter")
    settled(phone)
    tab_until(phone, lambda focused: 'for="__nav_' in focused["control"])
    section = phone.locator(":focus")
    # The open section's title (the theme's back arrow) is the next stop, as the theme's section
    # items are; Enter or Space closes it, and the focus goes back to the section's item.
    for key in ("Enter", " "):
        phone.keyboard.press("Enter")
        settled(phone)
        back = tab_until(phone, lambda focused: True, limit=1)[0]
        assert "md-nav__title" in back["control"] and back["shown"], back
        phone.keyboard.press(key)
        settled(phone)
        expect(section).to_be_focused()
        assert not phone.evaluate("id => document.getElementById(id).checked", section.get_attribute("for"))
    phone.keyboard.press("Enter")
    settled(phone)
    walk = tab_until(phone, lambda focused: not focused["inMenu"], limit=30)
    assert all(stop["shown"] for stop in walk[:-1]) and walk[-1]["inContent"], walk
    expect(menu).to_have_attribute("aria-expanded", "false")
    settled(phone)
    search = header.locator('.md-header__button[for="__search"]')
    search.focus()
    phone.keyboard.press("Enter")
    expect(phone.locator(".md-search__input")).to_be_focused()
    phone.keyboard.type("thank")
    phone.keyboard.press("Escape")
    expect(search).to_be_focused()


def test_with_the_browsers_text_size_doubled_nothing_reaches_past_a_phones_screen(phone, site_url):
    # The reader's own text size (as Chromium's setting changes it: the em media queries follow),
    # doubled: the templates' labels go above their fields; the header's buttons all fit.
    session = phone.context.new_cdp_session(phone)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    try:
        phone.goto(site_url + "templates/")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        phone.goto(site_url + "applications/")  # the form, open, with its message
        phone.locator("[data-fg-app-add]").click()
        phone.locator("[data-fg-app-form] button[type=submit]").click()
        expect(phone.locator("[data-fg-app-name-needed]")).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for box in phone.locator(".md-header__button:visible").evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())"):
            assert box["right"] <= PHONE["width"] and box["height"] >= TOUCH, box
    finally:
        session.send("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})
        session.detach()
