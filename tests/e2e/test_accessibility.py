"""axe-core on every page of the built guide, in the light and the dark palette."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from support import DEFAULT_KB, ROOT

PAGES = (
    ["", "overview/", "checklist/", "planner/", "templates/", "about/", "404.html"]
    + [f"phases/{phase.id}/" for phase in DEFAULT_KB.phases]
    + [f"{path.stem}/" for path in sorted((ROOT / "content/pages").glob("*.md"))]
)
AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(page, site_url, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    if page.locator("[data-fg-item]").count():
        page.locator("[data-fg-item]").first.check()  # a ticked box and the progress text, too
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
