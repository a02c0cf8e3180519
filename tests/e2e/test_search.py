"""Search in Chromium, typed key by key as a reader would: for the words readers use, the
page that answers them comes first; pages for career-center staff never outrank a reader's.
The searches share one page, as a reader's searches do: the index is built once, and each
search starts from an empty field."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support import DEFAULT_KB as KB

# The word a reader types, and the page that answers it.
RIGHT_PAGE = {
    "ghosted": "phases/after-the-date/",
    "no response": "phases/after-the-date/",
    "heard nothing": "phases/after-the-date/",
    "follow up": "phases/after-the-date/",
    "negotiate": "phases/when-an-offer-comes/",
    "salary": "phases/when-an-offer-comes/",
    "offer": "phases/when-an-offer-comes/",
    "accept": "phases/when-an-offer-comes/",
    "decline": "phases/when-an-offer-comes/",
    "withdraw": "phases/when-an-offer-comes/",
    "references": "phases/when-an-offer-comes/",
    "rejection": "phases/when-the-answer-comes/",
    "feedback": "phases/when-the-answer-comes/",
    "thank you": "phases/within-24-hours/",
    "panel": "phases/within-24-hours/",
}
STAFF_PAGES = ("editing-the-guide/", "host-your-own-copy/")


@pytest.fixture(scope="module")
def searching(browser, site_builds, served_root):
    """(a page of the guide kept for the module's searches, the guide's address)."""
    site_url = served_root[0] + site_builds("mkdocs").name + "/"
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url)
    yield page, site_url
    context.close()


def search(page, site_url, words: str) -> list[str]:
    """The pages of the results, best first, after typing the words one key at a time."""
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    field.press_sequentially(words, delay=20)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    page.wait_for_timeout(200)  # the last key's results replace the previous ones
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    return [href.split("#")[0].split("?")[0].removeprefix(site_url) for href in hrefs]


@pytest.mark.parametrize("words", RIGHT_PAGE)
def test_the_right_page_is_the_first_result(searching, words):
    pages = search(*searching, words)
    assert pages[0] == RIGHT_PAGE[words], pages[:5]


@pytest.mark.parametrize("words", ["thank you", "offer", "follow up", "template", "checklist"])
def test_pages_for_staff_never_outrank_a_readers_page(searching, words):
    pages = search(*searching, words)
    staff = [i for i, uri in enumerate(pages) if uri in STAFF_PAGES]
    readers = [i for i, uri in enumerate(pages) if uri not in STAFF_PAGES]
    assert not staff or not readers or min(staff) > max(readers), pages


def test_pages_for_staff_have_their_own_section_after_the_readers_pages(page, site_url):
    page.goto(site_url)
    hrefs = page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all("links => links.map(a => a.href)")
    uris = [href.removeprefix(site_url) for href in hrefs]
    staff = [i for i, uri in enumerate(uris) if uri in STAFF_PAGES]
    assert len(staff) == 2 and min(staff) > uris.index("privacy/") > uris.index("about/")
    section = page.locator("nav.md-nav--primary .md-nav__item--nested", has_text=KB.labels["nav_staff"])
    expect(section.locator("a[href$='editing-the-guide/']")).to_have_count(1)
    expect(section.locator("a[href$='host-your-own-copy/']")).to_have_count(1)
