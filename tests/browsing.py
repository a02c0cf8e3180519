"""Browser helpers: finding a Chromium, contexts whose pages report errors and off-site requests,
and a page printed to PDF, sheet by sheet."""
from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from playwright.sync_api import BrowserContext, Page

# Flags that keep Chromium from calling home (updates, sync, safe browsing) on a closed network.
# The proxy on a closed port fails every request to another site (host name or address) in the
# browser itself; 127.0.0.1 and localhost never go through a proxy. Intercepting each request in
# Python instead (context.route) made every page load about 0.2 s slower.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--proxy-server=http://127.0.0.1:9",
]


def system_chromium() -> str | None:
    """The system's Chromium when there is one; otherwise Playwright uses its own download."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


@dataclass
class Watched:
    """A browser context whose pages report console errors, page errors and off-site requests."""

    context: BrowserContext
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        # Listening from the start turns on file-chooser interception before any key press;
        # enabled lazily by expect_file_chooser, it races the press and misses the chooser.
        page.on("filechooser", lambda chooser: None)
        return page


def watch(context: BrowserContext) -> Watched:
    """Record every request to another site; CHROMIUM_FLAGS makes the browser fail them."""
    watched = Watched(context)

    def record(request):
        url = request.url
        if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:", "file:")):
            watched.offsite_requests.append(url)

    context.on("request", record)
    return watched


# An init script: every Content-Security-Policy violation of a page, in window.__violations.
RECORD_VIOLATIONS = """
    window.__violations = [];
    document.addEventListener("securitypolicyviolation",
        e => window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sample));
"""


# axe-core, as every accessibility check here runs it: every rule, violations gathered in full.
EVERY_RULE = {"resultTypes": ["violations"]}
# A palette changes colours only: the rules about colour are the ones that can find something new
# in it. color-contrast is also most of axe's time on a long page (3.6 of 4.4 s on the templates).
COLOUR_RULES = {"resultTypes": ["violations"],
                "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


def assert_accessible(page: Page, options: dict = EVERY_RULE, where: str = "", context: str | None = None) -> None:
    """axe-core finds no violation in the page (or in `context`, a selector)."""
    from axe_playwright_python.sync_playwright import Axe  # imported here: only the browser tests need it

    # A change just made (a box ticked, which scrolls the page, a palette switched) may still be
    # fading in: the theme's header swaps the site's name for the page's title with a transition,
    # and text caught halfway has half its contrast.
    page.wait_for_function("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')")
    # Message templates below the first screen are set up once the page has loaded: axe checks
    # every form.
    page.wait_for_function("() => !document.querySelector('[data-fg-template]:not([data-fg-ready])')")
    results = Axe().run(page, context=context, options=options)
    assert results.violations_count == 0, (where + ":\n" if where else "") + results.generate_report()


# Every control of a page's content as a finger meets it, with its box: a tick box through its
# label (which covers the row), a folded section's summary, a link standing alone in its paragraph
# or making up a whole heading (a link in running text is not a control), a button, a menu, a text box.
TOUCH_TARGETS = """() => {
    const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    const content = document.querySelector(".md-content");
    const targets = [...content.querySelectorAll("input[type=checkbox]")].filter(shown).map(box => box.labels[0] || box);
    targets.push(...[...content.querySelectorAll("summary, button, select, textarea, input:not([type=checkbox])")].filter(shown));
    targets.push(...[...content.querySelectorAll("p > a, h2 > a, h3 > a, h4 > a")].filter(a => shown(a) && a.parentElement.textContent.trim() === a.textContent.trim()));
    targets.push(...[...content.querySelectorAll(".fg-plan__words a")].filter(shown)); // a list of links, though in a sentence
    return targets.map(e => ({control: e.outerHTML.slice(0, 100), ...e.getBoundingClientRect().toJSON()}));
}"""


def too_small_to_touch(page: Page, size: int = 44) -> list[dict]:
    """The controls of the page's content (TOUCH_TARGETS) narrower or lower than `size` CSS px, or
    reaching past the screen's sides."""
    width = page.viewport_size["width"]
    return [t for t in page.evaluate(TOUCH_TARGETS)
            if t["height"] < size or t["width"] < size or t["left"] < 0 or t["right"] > width]


@dataclass
class Sheet:
    """One printed sheet: its text (spaces collapsed) and how many images it shows."""

    text: str
    images: int


def printed_sheets(page: Page, paper: str) -> list[Sheet]:
    """The page printed on `paper` ("A4", "Letter") by Chromium, with backgrounds, as pypdf reads it."""
    from pypdf import PdfReader  # imported here: only the print tests need it

    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    return [Sheet(re.sub(r"\s+", " ", sheet.extract_text()), len(sheet.images)) for sheet in reader.pages]


def assert_center_prints_compactly(sheets: list[Sheet], center: str, lines: list[str], details: str) -> None:
    """A center's printed checklist: at most two sheets, the first beginning with the center's name
    beside its logo; its contact `details` on the sheet of the last checklist `lines`, never on a
    sheet of their own, with the logo."""
    assert len(sheets) <= 2, [sheet.text[:60] for sheet in sheets]
    assert sheets[0].text.strip().startswith(center) and sheets[0].images >= 1
    last = sheets[-1]
    assert details in last.text and last.images >= 1
    assert any(line in last.text for line in lines), last.text


def planner_in(browser, url: str, zone: str, locale: str, interview: str = "2026-03-06"):
    """A new browser context in `zone` and `locale` on 1 February 2026 at noon, and its page on the
    planner at `url` with the interview's date typed; the caller closes `page.context`."""
    page = browser.new_context(timezone_id=zone, locale=locale).new_page()
    page.clock.set_fixed_time(datetime(2026, 2, 1, 12, 0, tzinfo=ZoneInfo(zone)))
    page.goto(url)
    page.fill('[data-fg-moment="interview"]', interview)
    return page
