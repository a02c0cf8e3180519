"""A site built from hostile but valid content (tests/fixtures/hostile-but-valid): scripts in
titles, descriptions, headings, entries, templates and hand-written pages are shown as text or
removed. Chromium visits every page: no injected script runs and the policy blocks nothing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browsing import RECORD_VIOLATIONS
from playwright.sync_api import expect
from support import ROOT, copy_guide, lay_case, one_language

from generator.cli import build_site

CASE = ROOT / "tests/fixtures/hostile-but-valid"


@pytest.fixture(scope="module")
def hostile_site(served_root, tmp_path_factory):
    url, root = served_root
    guide = one_language(copy_guide(tmp_path_factory.mktemp("hostile") / "guide"))
    lay_case(CASE, guide)
    site = build_site(str(guide / "mkdocs.yml"), str(root / "hostile"), site_url=url + "hostile/")
    return url + "hostile/", site


def test_no_injected_script_runs_on_any_page(browser, hostile_site):
    url, site = hostile_site
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert "notes/index.html" in pages and "phases/afterwards/index.html" in pages
    try:
        for path in pages:
            page.goto(url + path.removesuffix("index.html"))
            page.wait_for_load_state("load")
            page.mouse.move(10, 10)
            for details in page.locator("details").all():
                details.evaluate("d => d.open = !d.open")
            page.wait_for_timeout(50)
            assert page.evaluate("window.__pwned") is None, path
            assert page.evaluate("window.__violations") == [], path
        assert dialogs == [] and errors == []
    finally:
        context.close()


def test_hostile_text_is_shown_as_text_in_the_pages_and_in_search(browser, hostile_site):
    url, _ = hostile_site
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    try:
        page.goto(url)
        page.locator(".md-search__input").press_sequentially("notes")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("window.__violations") == []

        page.goto(url + "notes/")
        nav = page.locator(".md-nav").first.inner_text()
        assert 'Notes <script>window.__pwned = "title"</script> & "quotes"' in nav
        assert page.locator("script:not([src])").evaluate_all(
            "scripts => scripts.filter(s => s.textContent.includes('__pwned')).length") == 0
        assert "onboarding = training" in page.locator("article").inner_text()
        page.goto(url + "phases/afterwards/")
        assert page.locator("#hostile-entry").inner_text().startswith('<svg onload="window.__pwned')
    finally:
        context.close()
