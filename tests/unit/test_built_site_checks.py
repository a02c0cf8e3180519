"""The checks on the built HTML: the Content-Security-Policy check tells the theme's inline
scripts from the page content by the engine's content marker, and fails closed without it."""
from __future__ import annotations

import pytest

from generator.checks.built_site import ContentMarker, read_site
from generator.checks.security import UnsafeMarkup, apply_content_security_policy

MARKER = ContentMarker('<article class="content">', "</article>")
THEME_SCRIPT = "<script>var theme = 1</script>"


def page(body: str) -> str:
    return f'<!doctype html><html><head><meta charset="utf-8">{THEME_SCRIPT}</head><body>{body}</body></html>'


def test_a_theme_script_outside_the_content_is_allowed_by_its_hash(tmp_path):
    (tmp_path / "index.html").write_text(page('<article class="content"><p>Text</p></article>'))
    policy = apply_content_security_policy(tmp_path, MARKER)
    assert "'sha256-" in policy and "unsafe-inline" not in policy
    assert policy in (tmp_path / "index.html").read_text()


def test_an_inline_script_in_the_content_fails(tmp_path):
    (tmp_path / "index.html").write_text(page('<article class="content"><script>alert(1)</script></article>'))
    with pytest.raises(UnsafeMarkup, match="an inline script in the page content is not allowed"):
        apply_content_security_policy(tmp_path, MARKER)


@pytest.mark.parametrize("marker", [MARKER, None])
def test_without_the_content_marker_no_inline_script_is_allowed(tmp_path, marker):
    # Another theme or engine: the content cannot be told apart, so nothing inline is trusted.
    (tmp_path / "index.html").write_text(page('<main><p>Text</p></main>'))
    with pytest.raises(UnsafeMarkup, match="content cannot be found"):
        apply_content_security_policy(tmp_path, marker)
    assert "Content-Security-Policy" not in (tmp_path / "index.html").read_text()


def test_a_page_without_inline_scripts_needs_no_marker(tmp_path):
    (tmp_path / "index.html").write_text('<!doctype html><html><head><meta charset="utf-8"></head><body>x</body></html>')
    assert "script-src 'self' ;" in apply_content_security_policy(tmp_path, MARKER)


def test_each_page_is_read_once_for_every_check(tmp_path):
    (tmp_path / "index.html").write_text(page('<article class="content"><h2 id="a">A</h2><a href="#a">a</a></article>'))
    pages = read_site(tmp_path, MARKER)
    [built] = pages.values()
    assert built.ids == {"a"} and built.links == [("#a", False)]
    assert built.content.startswith('<article class="content">')
    (tmp_path / "index.html").write_text("<p>changed since</p>")  # the checks use what was read
    from generator.checks.link_check import broken_links
    assert broken_links(tmp_path, None, pages) == []

