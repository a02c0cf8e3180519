"""Browser helpers: finding a Chromium, and contexts whose pages report errors and off-site requests."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page

# Flags that keep Chromium from calling home (updates, sync, safe browsing) on a closed network.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
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
    watched = Watched(context)

    def route(route):
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "file:")):
            route.continue_()
        else:
            watched.offsite_requests.append(url)
            route.abort()

    context.route("**/*", route)
    return watched


# An init script: every Content-Security-Policy violation of a page, in window.__violations.
RECORD_VIOLATIONS = """
    window.__violations = [];
    document.addEventListener("securitypolicyviolation",
        e => window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sample));
"""
