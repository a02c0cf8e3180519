"""Progress belongs to one guide: guides on one web site keep theirs apart."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from generator.cli import build_site
from support import copy_guide, one_language


@pytest.fixture(scope="session")
def guides(served_root, tmp_path_factory):
    """Three builds on one server: /a/ and /b/ are two guides, /c/ is guide a moved to another path."""
    url, root = served_root
    for path, site_id in (("a", "guide-a"), ("b", "guide-b"), ("c", "guide-a")):
        source = one_language(copy_guide(tmp_path_factory.mktemp(f"source-{path}")))
        config = source / "mkdocs.yml"
        config.write_text(config.read_text().replace(
            "content_dir: content", f"content_dir: content\n      site_id: {site_id}"))
        build_site(str(config), str(root / path), site_url=f"{url}{path}/")
    return url


def test_two_guides_on_one_origin_keep_separate_progress(page, guides):
    page.goto(guides + "a/checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()

    page.goto(guides + "b/checklist/")
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    page.locator('[data-fg-item="keep-searching"]').check()

    page.goto(guides + "a/checklist/")
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    expect(page.locator('[data-fg-item="keep-searching"]')).not_to_be_checked()


def test_a_guide_moved_to_another_path_keeps_its_progress(page, guides):
    page.goto(guides + "a/checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.goto(guides + "c/checklist/")
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
