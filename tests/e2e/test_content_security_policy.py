"""The built site under its own Content-Security-Policy: nothing is blocked, everything works."""
from __future__ import annotations

from playwright.sync_api import expect
from browsing import RECORD_VIOLATIONS
from support import DEFAULT_KB as KB



def test_the_guide_works_under_its_policy_without_a_single_violation(watched, page, site_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    violations = []

    # Search: the theme's worker and index load, and results appear. Typed key by key, as a
    # reader does: the theme reads the query on keyup, and fill() sends no key events, so
    # once the index is ready before fill() inserts the text, no search would run.
    page.locator(".md-search__input").press_sequentially("thank-you")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)  # the index builds first
    violations += page.evaluate("window.__violations")

    # The checklist, reached by instant navigation.
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.reload()
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    page.locator("article h2 a", has_text="Within a day or two").click()
    expect(page.locator("h1")).to_have_text("Within a day or two")
    violations += page.evaluate("window.__violations")

    # A template's preview and download.
    page.goto(site_url + "templates/")
    box = page.locator('[data-fg-template="thank-you-email"]')
    box.locator('[data-fg-field="company"]').fill("Acme")
    expect(box.locator("[data-fg-body]")).to_contain_text("role at Acme on ")
    with page.expect_download() as download:
        box.get_by_role("button", name=KB.labels["template_download_email"]).click()
    assert download.value.suggested_filename == "thank-you-email-after-an-interview.eml"

    # The planner.
    page.goto(site_url + "planner/")
    page.fill('[data-fg-moment="interview"]', "2026-03-06")
    expect(page.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-when]')).to_contain_text("2026")
    violations += page.evaluate("window.__violations")

    assert violations == []
    assert watched.console_errors == [] and watched.page_errors == []
