"""After the build: every internal link, anchor, asset and download of the built HTML resolves,
raw HTML links included, and nothing a page loads by itself (an image, a script, a style sheet)
comes from another site."""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .problems import display_path

# The built pages are the theme's own well-formed output, so attributes are read with
# patterns: several times faster than a full HTML parser on pages this size.
# Anchors: id="..." and name="..." after whitespace. Each pattern starts with plain text, which is
# found many times faster than `\s(?:id|name)=`; the whitespace is checked on each match.
_TARGETS = (re.compile(r'id="([^"]+)"'), re.compile(r'name="([^"]+)"'))
_LINKS = re.compile(r'<(a|link|script|img|source|iframe)\b([^>]*?)\s(?:href|src)="([^"]*)"', re.I)
_NOT_CHECKED = ("mailto:", "tel:", "data:", "blob:", "javascript:")


class _Page:
    def __init__(self, text: str):
        self.ids = {html.unescape(match[1]) for pattern in _TARGETS for match in pattern.finditer(text)
                    if text[match.start() - 1].isspace()}
        # (URL, whether the browser loads it with the page rather than when the reader follows it)
        self.links = [(html.unescape(url), tag.lower() != "a") for tag, before, url in _LINKS.findall(text)
                      if url and not url.startswith(_NOT_CHECKED) and 'rel="canonical"' not in before]


def broken_links(site_dir: Path, site_url: str | None = None) -> list[str]:
    site_dir = Path(site_dir)
    base = urlsplit(site_url or "http://site.invalid/")
    parsed = {path: _Page(path.read_text(encoding="utf-8")) for path in site_dir.rglob("*.html")}
    checked = {}  # (URL path, fragment) -> the problem, or None: the same links repeat on every page

    def problem_with(path: str, fragment: str) -> str | None:
        file = site_dir / unquote(path[len(base.path):])
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            return "leads to nothing"
        if fragment and file.suffix == ".html" and unquote(fragment) not in parsed[file].ids:
            return "points to an anchor the page does not have"
        return None

    problems = []
    for page_file, page in sorted(parsed.items()):
        here = base.path + page_file.relative_to(site_dir).as_posix()
        for link, loaded in page.links:
            target = _url_path(link, here, base)
            if target is None and loaded:
                problems.append(f"{display_path(page_file)}: '{link}' would be loaded from another site, and the "
                                "guide makes no requests to other sites; save the file with the guide and link to it there")
            if target is None or not target[0].startswith(base.path):
                continue  # another site, or outside this one: not ours to check
            if target not in checked:
                checked[target] = problem_with(*target)
            if checked[target]:
                problems.append(f"{display_path(page_file)}: the link '{link}' {checked[target]}")
    return problems


def _url_path(link: str, here: str, base) -> tuple[str, str] | None:
    """The URL path and fragment a link on the page at URL path `here` leads to, as a browser
    resolves it; None for a link to another site. (urljoin does the same, several times slower.)"""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        same_site = (parts.scheme or base.scheme, parts.netloc) == (base.scheme, base.netloc)
        return (parts.path or "/", parts.fragment) if same_site else None
    if not parts.path:
        return here, parts.fragment
    path = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path))
    if parts.path.endswith("/") or posixpath.basename(parts.path) in (".", ".."):
        path = path.rstrip("/") + "/"
    return path, parts.fragment
