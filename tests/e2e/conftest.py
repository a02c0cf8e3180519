"""One Chromium for the whole session; each test gets a fresh context and page."""
from __future__ import annotations

import pytest
from browsing import CHROMIUM_FLAGS, system_chromium, watch
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=system_chromium(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser):
    context = browser.new_context()
    yield watch(context)
    context.close()


@pytest.fixture
def page(watched):
    return watched.new_page()
