"""The checks on the built HTML: the Content-Security-Policy allows only the inline scripts the
engine adapter knows (it needs no marker of where the content is, so another theme or engine
cannot make it fail open), and the style elements the adapter names."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest

from generator.checks.html_scan import scan_site
from generator.checks.link_check import broken_links
from generator.checks.security import UnsafeMarkup, apply_content_security_policy

KNOWN = [re.compile(r"var theme = \d")]
THEME_SCRIPT = "<script>var theme = 1</script>"


def page(body: str) -> str:
    return f'<!doctype html><html><head><meta charset="utf-8">{THEME_SCRIPT}</head><body>{body}</body></html>'


def check(site, styles=()):
    return apply_content_security_policy(site, scan_site(site), KNOWN, lambda path: path.name, known_styles=styles)


def test_a_known_theme_script_is_allowed_by_its_hash(tmp_path):
    (tmp_path / "index.html").write_text(page("<article><p>Text</p></article>"))
    policy = check(tmp_path)
    assert "'sha256-" in policy and "unsafe-inline" not in policy
    assert policy in (tmp_path / "index.html").read_text()


@pytest.mark.parametrize("body", [
    "<article class=\"md-content__inner\"><script>alert(1)</script></article>",  # in Material's content
    "<main><script>alert(1)</script></main>",  # another theme: no content marker at all
    "<script>var theme = 2; alert(1)</script>",  # a known script with more after it
])
def test_an_unknown_inline_script_fails_wherever_it_is(tmp_path, body):
    (tmp_path / "index.html").write_text(page(body))
    with pytest.raises(UnsafeMarkup, match="an inline script that neither the guide nor its theme ships"):
        check(tmp_path)
    assert "Content-Security-Policy" not in (tmp_path / "index.html").read_text()


def test_a_style_element_the_engine_names_is_allowed_by_its_hash_and_no_other(tmp_path):
    (tmp_path / "index.html").write_text(page("<p>x</p>"))
    policy = check(tmp_path, styles=(".a{color:red}",))
    style_src = re.search(r"style-src ([^;]*)", policy)[1].split()
    digest = base64.b64encode(hashlib.sha256(b".a{color:red}").digest()).decode()
    assert style_src == ["'self'", f"'sha256-{digest}'"]
    assert "unsafe-inline" not in policy


def test_the_site_is_scanned_once_for_both_checks(tmp_path):
    (tmp_path / "index.html").write_text(page('<h2 id="a">A</h2><a href="#a">a</a><a href="#b">b</a>'))
    pages = scan_site(tmp_path)
    (tmp_path / "index.html").write_text("<p>changed since</p>")  # the checks use what was scanned
    assert broken_links(tmp_path, pages, lambda path: path.name) == [
        "index.html: the link '#b' points to a part of that page that does not exist (no element there has that id)"]
