"""One Chromium for the whole session; each test gets a fresh context and page. Every test in
this folder is marked `e2e`, so `pytest -m "not e2e"` runs the rest without a browser."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browsing import CHROMIUM_FLAGS, system_chromium, watch
from playwright.sync_api import sync_playwright


HERE = Path(__file__).resolve().parent
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's, for a new context


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def pytest_collection_finish(session):
    """When the center scenario is among the tests to run, its pipx install starts now, beside the
    tests before it (test_center_scenario.tool takes it over)."""
    scenario = next((item.module for item in session.items if item.module.__name__.endswith("test_center_scenario")), None)
    if scenario and not session.config.option.collectonly:
        home = session.config._tmp_path_factory.mktemp("pipx")  # tmp_path_factory's, which a hook is not given
        pool = ThreadPoolExecutor(1)
        scenario.STARTED["install"] = pool.submit(scenario.install_tool, home)
        pool.shutdown(wait=False)  # its thread ends with the install


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


@pytest.fixture(scope="module")
def module_tab(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def reading_page(module_tab):
    """One tab for a module whose tests only read the pages (axe, the phone layout). Each test
    leaves it as a new one would be: no site data, the pointer in a corner, the default viewport and
    colour scheme. It saves a browser context and a page load without cache per test (about a third
    of test_accessibility's time)."""
    yield module_tab
    module_tab.mouse.move(0, 0)
    module_tab.set_viewport_size(DEFAULT_VIEWPORT)
    module_tab.emulate_media(color_scheme="light")
    if module_tab.url.startswith("http"):
        module_tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
