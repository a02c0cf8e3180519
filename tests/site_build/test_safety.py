"""What the build refuses or removes: scripts smuggled into content, markup the
Content-Security-Policy does not allow, links that lead nowhere."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import both_engines

from generator.cli import CommandError, build_site
from generator.problems import ContentError
from generator.checks.html_scan import scan, scan_site
from generator.checks.link_check import broken_links
from generator.checks.security import page_problems
from generator.engines import material_theme

ATTACKS = {
    "script": "<script>alert('script')</script>",
    "handler": '<b onmouseover="alert(1)">bold</b>',
    "iframe": '<iframe src="https://example.org/"></iframe>',
    "javascript link": "[click me](javascript:alert(1))",
    "raw javascript link": '<a href="javascript:alert(2)">raw</a>',
}


def check_links(site: Path, site_url: str) -> list[str]:
    return broken_links(site, scan_site(site), lambda page: page.relative_to(site).as_posix(), site_url)


def all_html(site: Path) -> str:
    return "\n".join(p.read_text() for p in site.rglob("*.html"))


def test_scripts_handlers_iframes_and_javascript_links_in_content_never_reach_the_pages(guide_copy):
    attacks = "\n\n".join(f"      {attack}" for attack in ATTACKS.values())
    (guide_copy / "content/advice/zz-attacks.yml").write_text(f"""\
entries:
  - id: attacks
    kind: don't
    phase: afterwards
    title: Attacks
    summary: A summary.
    body: |
      Keep this sentence.

{attacks}
    instead: |
      Instead text. {ATTACKS['handler']}
""")
    guide = guide_copy / "content/guide.yml"
    guide.write_text(guide.read_text().replace(
        "  The interview is over. Well done:", f"  {ATTACKS['script']} The interview is over. Well done:"))
    (guide_copy / "content/pages/notes.md").write_text("# Notes\n\n" + "\n\n".join(ATTACKS.values()) + "\n\nStill here.\n")

    site = build_site("mkdocs.yml")

    html = all_html(site)
    assert "Keep this sentence." in html and "Instead text." in html and "Still here." in html
    assert "The interview is over." in html
    assert "alert(" not in html
    assert "<iframe" not in html and "onmouseover" not in html and "javascript:alert" not in html
    # The search index is made from the same cleaned content (the theme shows its text as HTML).
    index = (site / "search/search_index.json").read_text()
    assert "Keep this sentence." in index and "Still here." in index
    assert "alert(" not in index and "onmouseover" not in index


# Each kind of markup the policy refuses, each with its own message (its variants are checked
# without a build by test_the_policy_check_allows_only_what_the_theme_ships below).
REFUSED_MARKUP = {
    '<span onclick="alert(1)">x</span>': "the event handler attribute 'onclick' is not allowed",
    '<svg/OnLoad=alert(1)></svg>': "the event handler attribute 'onload' is not allowed",
    "<script>alert(1)</script>": "an inline script that neither the guide nor its theme ships is not allowed "
                                 "(it starts 'alert(1)'); remove it",
    '<a HREF=" JavaScript:alert(1)">x</a>': "a javascript: URL is not allowed",
}


def test_markup_the_policy_does_not_allow_fails_the_build(guide_copy, caplog):
    # Theme overrides are code, not content: nothing cleans them, so the policy check catches them.
    main = guide_copy / "site_overrides/main.html"
    main.write_text(main.read_text().replace("{{ super() }}", "{{ super() }}" + "".join(REFUSED_MARKUP)))
    with pytest.raises(CommandError):
        build_site("mkdocs.yml")
    for message in REFUSED_MARKUP.values():
        assert re.search(r"about/index\.html \(a page generated from the knowledge base\) "
                         r"and \d+ other pages: " + re.escape(message), caplog.text), message
    assert not (guide_copy / "site").exists()


def test_a_palette_value_the_theme_would_write_into_the_markup_fails_the_build(guide_copy, caplog):
    # The theme prints mkdocs.yml's palette into every page's tags as it is: a quote there would
    # add markup (a link) to every page.
    settings = guide_copy / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("      accent: indigo\n", "      accent: 'indigo\"><a/href=\"https://evil.example/\">'\n", 1))
    with pytest.raises(CommandError):
        build_site("mkdocs.yml")
    assert ("mkdocs.yml: theme: palette: the accent of palette 1 is 'indigo\"><a/href=\"https://evil.example/\">', which "
            "is not a name: write one of the theme's, such as indigo or deep orange") in caplog.text
    assert not (guide_copy / "site").exists()


def test_the_palette_names_the_theme_knows_pass():
    assert material_theme.palette_problems([
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "deep orange", "accent": "custom"},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "blue grey", "toggle": {"icon": "x"}}]) == []
    assert material_theme.palette_problems({"scheme": "slate", "media": '"><b>'})[0].startswith(
        "mkdocs.yml: theme: palette: the media of palette 1 is")


@both_engines
def test_the_policy_is_strict_and_written_for_every_page_and_for_hosts(built_site):
    headers = (built_site / "_headers").read_text()
    policy = re.search(r"Content-Security-Policy: (.*)", headers)[1]
    script_src = re.search(r"script-src ([^;]*)", policy)[1].split()
    assert script_src[0] == "'self'" and all(s.startswith("'sha256-") for s in script_src[1:])
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    for page in built_site.rglob("*.html"):
        assert f'<meta http-equiv="Content-Security-Policy" content="{policy.removesuffix("; frame-ancestors" + chr(32) + chr(39) + "none" + chr(39))}">' in page.read_text(), page


def test_links_that_lead_nowhere_fail_the_build(guide_copy, caplog):
    (guide_copy / "content/pages/links.md").write_text(
        '# Links\n\n<p><a href="../nowhere/">raw</a> <a href="../checklist/#no-such-anchor">anchor</a></p>\n')
    with pytest.raises(CommandError):
        build_site("mkdocs.yml")
    assert "links/index.html (from content/pages/links.md): the link '../nowhere/' leads to nothing" in caplog.text
    assert ("links/index.html (from content/pages/links.md): the link '../checklist/#no-such-anchor' points to a "
            "part of that page that does not exist (no element there has that id)") in caplog.text


def test_the_link_check_follows_pages_anchors_assets_and_downloads(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<h2 id="top">T</h2><a href="a/">ok</a><a href="#top">ok</a><img src="pic.png">'
        '<a href="downloads/x.txt">missing</a><a href="https://example.org/">another site</a>'
        '<a href="mailto:x@example.org">mail</a><link rel="canonical" href="https://example.org/elsewhere/">')
    (tmp_path / "pic.png").write_bytes(b"")
    (tmp_path / "a/index.html").write_text('<a href="../index.html#top">ok</a><a href="../#nope">bad anchor</a>'
                                           '<script src="../app.js"></script>')
    problems = check_links(tmp_path, "https://example.org/")
    assert problems == [
        "a/index.html: the link '../#nope' points to a part of that page that does not exist (no element there has that id)",
        "a/index.html: the link '../app.js' leads to nothing",
        "index.html: the link 'downloads/x.txt' leads to nothing",
    ]


def test_the_link_check_resolves_links_as_a_browser_does_under_a_sub_path(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href=".">ok</a><a href="/guide/a/">ok</a><a href="//example.org/guide/a/#top">ok</a>'
        '<a href="/guide/missing/">missing</a><a href="//example.org/guide/nope.txt">missing</a>'
        '<a href="/elsewhere/">outside the guide</a><a href="../x/">outside the guide</a>')
    (tmp_path / "a/index.html").write_text('<h2\n  id="top">T</h2><p data-id="bottom">not an anchor</p>'
                                           '<a href="..">ok</a><a href="./#top">ok</a><a href="../a/#bottom">bad anchor</a>')
    problems = check_links(tmp_path, "https://example.org/guide/")
    assert problems == [
        "a/index.html: the link '../a/#bottom' points to a part of that page that does not exist (no element there has that id)",
        "index.html: the link '/guide/missing/' leads to nothing",
        "index.html: the link '//example.org/guide/nope.txt' leads to nothing",
    ]


def test_a_page_that_would_load_a_file_from_another_site_fails_the_build(guide_copy):
    # Found before the build, at the picture's place (tests/fixtures/hostile has one in raw HTML too).
    (guide_copy / "content/pages/photo.md").write_text(
        "# Photo\n\n![Our office](https://images.example.com/office.jpg)\n\n"
        "[Our website](https://careers.example.edu/) is only a link, and fine.\n")
    with pytest.raises(ContentError) as raised:
        build_site("mkdocs.yml")
    assert [str(p) for p in raised.value.problems] == [
        "content/pages/photo.md:3:15: 'https://images.example.com/office.jpg' would be loaded from another site, and "
        "the guide makes no requests to other sites; save the file in the guide's pages folder (content/pages/) and "
        "link to it by its name"]


def test_urls_are_read_as_a_browser_reads_them(tmp_path):
    (tmp_path / "index.html").write_text(
        "<img src='https://single.example/a.png'><img src=https://unquoted.example/b.png>"
        '<img src="\\\\backslash.example\\c.png"><img src=" //spaces.example/d.png ">'
        '<img srcset="e.png 1x, https://srcset.example/f.png 2x"><link rel="stylesheet" href="HTTPS://upper.example/s.css">'
        '<link rel="canonical" href="https://published.example/"><a href="https://fine.example/">a link is fine</a>')
    (tmp_path / "e.png").write_bytes(b"")
    problems = check_links(tmp_path, "http://127.0.0.1/")
    assert [p.split("'")[1] for p in problems] == [
        "https://single.example/a.png", "https://unquoted.example/b.png", "//backslash.example/c.png",
        "//spaces.example/d.png", "https://srcset.example/f.png", "HTTPS://upper.example/s.css",
    ]


KNOWN = material_theme.known_inline_scripts()


@pytest.mark.parametrize("markup, problems", [
    # Material's own scripts, as it writes them, with its base URL filled in.
    ('<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
     '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,'
     'a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>', []),
    ('<script id="__config" type="application/json">{"base": "."}</script>', []),
    # The same script with its string broken out of, anything else inline, and no content marker anywhere.
    ('<script>__md_scope=new URL("x"+alert(1)+"",location)</script>', ["an inline script"]),
    ("<script type=module>import('/x.js')</script>", ["an inline script"]),
    ('<script type="text/x-not-json">alert(1)</script>', ["an inline script"]),
    ('<p title="onboarding = training; href=javascript:x">text</p><code>onload=1 href=javascript:x</code>', []),
    ('<a b="x"onclick=alert(1)>x</a>', ["the event handler attribute 'onclick'"]),
    ('<a href=" java\tscript:alert(1)">x</a>', ["a javascript: URL"]),
    ('<a href="javascript:alert(1)">x</a>', ["a javascript: URL"]),
    ('<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">', ["a page that sends the reader"]),
    # How a browser's tokenizer separates and ends attributes, and decodes their values.
    ("<svg/onload=alert(1)>", ["the event handler attribute 'onload'"]),
    ('<a title="x" title="y" ONCLICK=alert(1) href="&#106;avascript:x">x</a>', ["the event handler", "a javascript:"]),
    ("<p>a</p><script>if (a<b) x()</script><img src=x onerror=alert(1)>", ["an inline script", "the event handler"]),
    ("<style>p{}</style ><p>a</p><img src=x onerror=alert(1)", ["the event handler attribute 'onerror'"]),
])
def test_the_policy_check_allows_only_what_the_theme_ships(markup, problems):
    found, _ = page_problems(scan(f"<!doctype html><html><head></head><body>{markup}</body></html>"), KNOWN)
    assert [p for p in found if not any(p.startswith(expected) for expected in problems)] == []
    assert len(found) == len(problems)
