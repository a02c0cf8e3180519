"""The built guide in a real browser: pages load cleanly and stay on 127.0.0.1."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support import DEFAULT_KB


@pytest.mark.parametrize("path", ["", "checklist/", "phases/within-24-hours/", "phases/when-an-offer-comes/", "overview/", "about/"])
def test_page_loads_without_errors_or_offsite_requests(watched, page, site_url, path):
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert watched.console_errors == []
    assert watched.page_errors == []
    assert watched.offsite_requests == []


def test_the_home_page_leads_to_every_phase(page, site_url):
    page.goto(site_url)
    links = page.locator(".fg-phase-list a")
    assert links.count() == len(DEFAULT_KB.phases) == 7
    links.nth(1).click()
    expect(page.locator("h1")).to_have_text("Within a day or two")
    assert page.url == site_url + "phases/within-24-hours/"


def test_the_checklist_page_shows_every_line_as_a_checkbox(page, site_url):
    page.goto(site_url + "checklist/")
    assert page.locator("h2:visible").count() == len(DEFAULT_KB.phases) == 7  # a heading for each phase
    assert page.locator("input[type=checkbox]").count() >= 12


def test_a_request_to_another_site_is_recorded_and_never_leaves_the_browser(watched, page):
    # The watcher the other tests rely on: it must see such a request, and the browser must fail it.
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    with page.expect_event("requestfailed"):
        page.set_content('<img src="http://example.com/pixel.png" alt="">')
    assert watched.offsite_requests == failed == ["http://example.com/pixel.png"]
