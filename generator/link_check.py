"""After the build: every internal link, anchor, asset and download of the built HTML resolves,
raw HTML links included."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .problems import display_path

# The built pages are the theme's own well-formed output, so attributes are read with
# patterns: several times faster than a full HTML parser on pages this size.
_TARGETS = re.compile(r'\s(?:id|name)="([^"]+)"')
_LINKS = re.compile(r'<(?:a|link|script|img|source|iframe)\b([^>]*?)\s(?:href|src)="([^"]*)"', re.I)
_NOT_CHECKED = ("mailto:", "tel:", "data:", "blob:", "javascript:")


class _Page:
    def __init__(self, text: str):
        self.ids = {html.unescape(value) for value in _TARGETS.findall(text)}
        self.links = [html.unescape(url) for before, url in _LINKS.findall(text)
                      if url and not url.startswith(_NOT_CHECKED) and 'rel="canonical"' not in before]


def broken_links(site_dir: Path, site_url: str | None = None) -> list[str]:
    site_dir = Path(site_dir)
    base = urlsplit(site_url or "http://site.invalid/")
    parsed = {}
    for path in site_dir.rglob("*.html"):
        parsed[path] = _Page(path.read_text(encoding="utf-8"))
    problems = []
    for path, page in sorted(parsed.items()):
        here = base._replace(path=base.path + path.relative_to(site_dir).as_posix()).geturl()
        for link in page.links:
            target = urlsplit(urljoin(here, link))
            if (target.scheme, target.netloc) != (base.scheme, base.netloc) or not target.path.startswith(base.path):
                continue  # another site: not ours to check
            file = site_dir / unquote(target.path[len(base.path):])
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                problems.append(f"{display_path(path)}: the link '{link}' leads to nothing")
            elif target.fragment and file.suffix == ".html" and unquote(target.fragment) not in parsed[file].ids:
                problems.append(f"{display_path(path)}: the link '{link}' points to an anchor the page does not have")
    return problems
