"""The shortcuts of the checks on the built pages give what the plain way gives: scan_distinct
(every start tag of a page in one pattern call, each different tag read once) reads the same
tags as scan (one tag at a time, the reader the checks were built on), and the link check and
the policy check report the same problems, in the same order, from either."""
from __future__ import annotations

import random
import re

import pytest

from generator.checks import html_scan
from generator.checks.html_scan import Page, scan, scan_distinct, scan_site
from generator.checks.link_check import broken_links
from generator.checks.security import UnsafeMarkup, apply_content_security_policy, page_problems
from generator.engines import material_theme

# What a tokenizer can trip on: comments, CDATA, raw-text elements and their end tags in any
# case (and with a long s or a Kelvin sign, which Unicode case-folding matches and ASCII does
# not), quotes, unquoted values, '/' and NUL, character references, event handlers, URLs.
PIECES = [
    "<", ">", "/", "=", '"', "'", " ", "\t", "\n", "\r", "\f", "\x00", "a", "b", "x", "-", "&", ";", "#",
    "<p", "<P", "<a", "<A ", "<div", "<svg/", "<img", "<meta", "<link", "<input", "<h3", "<ſcript", "<scriptx",
    "<script", "<SCRIPT", "<ScRiPt", "<style", "<STYLE", "<sTyle", "</script>", "</SCRIPT ", "</script/",
    "</ſcript>", "</style>", "</STYLE\t", "</stylex>", "</p>", "</", "<!--", "-->", "<!---->", "<![CDATA[", "]]>",
    "<!doctype html>", "<?xml?>", " href=", " HREF=", " src=", " id=", " ID=", " name=", " onclick=", " ONLOAD=",
    " class=", " type=", " rel=", " http-equiv=", " data-x=", "javascript:", "&#106;avascript:", "&amp;", "&#x3C;",
    "&lt;", "&quot;", '"x"', "'y'", '"<script>"', "'</script>'", "k=v", "=x", "==", "stylesheet", "refresh",
    "application/json", "#top", "../a/", "b.html", "https://example.org/", " \n/ ", "KK", "\u212a",
]


def distinct(tags) -> list[tuple]:
    """Each different tag once, in the order they first appear."""
    return list(dict.fromkeys((tag.name, tuple(tag.attributes.items()), tag.text) for tag in tags))


def assert_same_tags(text: str) -> None:
    assert distinct(scan_distinct(text).tags) == distinct(scan(text).tags), repr(text)


def fragments(count: int, seed: int):
    chooser = random.Random(seed)
    for _ in range(count):
        yield "".join(chooser.choice(PIECES) for _ in range(chooser.randrange(1, 24)))


@pytest.mark.parametrize("text", [
    '<p class="a">x</p><p class="a">y</p><P class="a">',
    "<!-- <script>alert(1)</script> --><a href=x>",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<a href=javascript:x onclick=y>", "<a title='<script>'>", '<a title="</script>"><script>x</script>',
    "<SCRIPT>a</SCRIPT><Script>a</sCrIpT ><script>a</script/>", "<svg/onload=alert(1)>", '<a b="x"onclick=y>',
    "<img\x00src=x>", "<a\x00>", "<script>if (a<b) x()</script><img src=x onerror=1>",
    "<style>p{}</style ><p>a</p><img src=x onerror=alert(1)", "<style></script><img src=x onerror=1></style>",
    "<script></style><img src=x onerror=1></script>", "<ſcript>x</ſcript><img src=x>", "<script>x</ſcript><img src=y>",
    "<script", "<script ", "<script>", "<script>unended", "<style>", "<a href='x", '<a href="x', "<a b",
    "<scriptx>a</scriptx><img>", "<a =x>", "<a = x>", "<a x = 'y' / >", "<meta http-equiv=refresh content=0>",
    "<K>", "<\u212a>", "", "no tags at all", "<<a>>", "<a><a><a>",
])
def test_adversarial_pages_read_the_same(text):
    assert_same_tags(text)


def test_random_fragments_read_the_same():
    # 20,000 here to keep the suite quick; the change was checked on 400,000 more (seeds 1-20).
    for text in fragments(20_000, seed=15):
        assert_same_tags(text)


def test_no_pattern_of_the_package_uses_what_python_3_10_lacks_or_3_11_2_gets_wrong():
    # Possessive repetitions (`*+`) and atomic groups (`(?>`) came with Python 3.11, and 3.11.2
    # (Debian 12's) matched them wrongly: a script's text ran on past its `</script>`, and every
    # build of a new center's folder failed. The package supports Python 3.10.
    import importlib
    import pkgutil

    import generator

    found = []
    for module in pkgutil.walk_packages(generator.__path__, "generator."):
        if module.name.startswith("generator._defaults"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            patterns = [value] if isinstance(value, re.Pattern) else \
                [v for v in value.values() if isinstance(v, re.Pattern)] if isinstance(value, dict) else []
            for pattern in patterns:
                text = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
                bare = re.sub(r"\\.", "x", text)  # escaped characters, then character classes, as one letter
                bare = re.sub(r"\[\^?\]?[^\]]*\]", "x", bare)
                if re.search(r"[*+?}]\+|\(\?>", bare):
                    found.append(f"{module.name}.{name}")
    assert found == []


def test_a_scripts_text_ends_at_its_end_tag():
    page = scan('<script>a=(e<<5)-e</script><p class="x">')
    assert [(t.name, t.text) for t in page.tags] == [("script", "a=(e<<5)-e"), ("p", "")]
    assert [(t.name, t.text) for t in scan_distinct('<script>a=(e<<5)-e</script><p class="x">').tags] == [
        ("script", "a=(e<<5)-e"), ("p", "")]


def test_tags_that_repeat_across_pages_are_read_once_and_kept_apart_from_others():
    seen, read = {}, {}
    first = scan_distinct('<nav><a href="#a">A</a></nav><script>x</script>', seen, read)
    second = scan_distinct('<nav><a href="#a">A</a></nav><script>y</script>', seen, read)
    assert first.tags[1] is second.tags[1]  # the same link: one Tag
    assert [t.text for t in first.tags if t.name == "script"] == ["x"]
    assert [t.text for t in second.tags if t.name == "script"] == ["y"]
    assert [t.position for t in second.every_tag()] == [0, 5, 29]


def test_every_built_page_reads_the_same(built_site):
    for path in sorted(built_site.rglob("*.html")):
        assert_same_tags(path.read_text(encoding="utf-8"))


def every_tag_scan(site) -> dict:
    """The pages as the checks read them before: each with every tag, in order."""
    return {path: (text, scan(text)) for path, (text, _) in scan_site(site).items()}


def test_the_link_check_names_each_broken_link_as_often_and_in_the_order_it_appears(tmp_path):
    (tmp_path / "index.html").write_text('<h2 id="a">A</h2><a href="#b">1</a><a href="#c">2</a><a href="#b">3</a>'
                                         '<a href="#a">4</a><img src="https://example.org/x.png"><a href="#b">5</a>')
    (tmp_path / "other.html").write_text('<a href="index.html#a">ok</a><a href="gone.html">x</a><a href="gone.html">y</a>')
    fast = broken_links(tmp_path, scan_site(tmp_path), lambda path: path.name)
    assert fast == broken_links(tmp_path, every_tag_scan(tmp_path), lambda path: path.name)
    assert [line.split(": ", 1)[1][:22] for line in fast] == [
        "the link '#b' points t", "the link '#c' points t", "the link '#b' points t",
        "'https://example.org/x", "the link '#b' points t", "the link 'gone.html' l", "the link 'gone.html' l"]


def test_the_policy_check_reports_the_same_problems_in_the_same_order(tmp_path):
    body = ('<a onclick=x>1</a><script>alert(1)</script><a href="javascript:y">2</a><a onclick=x>3</a>'
            '<script>alert(1)</script><meta http-equiv=refresh content=0><a ONMOUSEOVER=z>')
    for name in ("a.html", "b.html", "c.html", "d.html"):
        (tmp_path / name).write_text(f"<head></head><body>{body}</body>")
    known = material_theme.known_inline_scripts()
    messages = []
    for pages in (scan_site(tmp_path), every_tag_scan(tmp_path)):
        with pytest.raises(UnsafeMarkup) as raised:
            apply_content_security_policy(tmp_path, pages, known, lambda path: path.name)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert [line.split(": ", 1)[1][:16] for line in messages[0].splitlines()] == [
        "the event handle", "an inline script", "a javascript: UR", "a page that send", "the event handle"]
    assert messages[0].startswith("a.html and 3 other pages: the event handler attribute 'onclick'")


def test_each_tag_is_checked_for_the_policy_once_for_the_whole_site():
    seen, read, checked = {}, {}, {}
    pages = [scan_distinct(f'<p class="x">{n}</p><a href="#{n % 2}">', seen, read) for n in range(4)]
    for page in pages:
        page_problems(page, [], checked)
    assert len(checked) == 3  # the paragraph, and the two links
    assert isinstance(pages[0], Page) and pages[0].every_tag()[0].position == 0


def test_a_url_is_read_as_when_every_url_went_through_the_pattern():
    """url_parts calls its pattern only for a URL with a tab or a line break in it."""
    def with_pattern(value: str) -> str:
        value = value.strip("".join(map(chr, range(0x21))))  # the control characters and the space
        return re.sub(r"[\t\n\r]", "", value).replace("\\", "/")

    generated = random.Random(15)
    characters = ["\t", "\n", "\r", "\\", "/", " ", "\x00", "\x0b", "\f", "\x1f", "a", ":", "é", "\u2028", "&"]
    values = ["", " \\\\evil.example\\x ", "java\tscript:alert(1)", "\n\r https://a.b/c\\d \t"]
    values += ["".join(generated.choice(characters) for _ in range(generated.randint(0, 12))) for _ in range(20000)]
    for value in values:
        assert html_scan.url_parts(value) == with_pattern(value), repr(value)
