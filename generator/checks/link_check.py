"""After the build: every internal link, anchor, asset and download of the built HTML resolves,
raw HTML links included, and nothing a page loads by itself (an image, a script, a style sheet)
comes from another site."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..problems import display_path
from .built_site import BuiltPage, read_site

def broken_links(site_dir: Path, site_url: str | None = None, pages: dict[Path, BuiltPage] | None = None) -> list[str]:
    """Every link of the built site that leads nowhere, and every file a page would load from
    another site. `pages`: the site already read by built_site.read_site."""
    site_dir = Path(site_dir)
    base = urlsplit(site_url or "http://site.invalid/")
    parsed = pages if pages is not None else read_site(site_dir)
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
