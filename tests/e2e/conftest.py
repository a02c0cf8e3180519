"""One Chromium for the whole session; each test gets a fresh context and page. Every test in
this folder is marked `e2e`, so `pytest -m "not e2e"` runs the rest without a browser."""
from __future__ import annotations

from pathlib import Path

import pytest
from browsing import CHROMIUM_FLAGS, system_chromium, watch
from playwright.sync_api import sync_playwright


HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


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
