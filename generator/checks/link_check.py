"""After the build: every internal link, anchor, asset and download of the built HTML resolves,
raw HTML links included, and nothing a page loads by itself (an image, a script, a style sheet)
comes from another site. URLs are read as a browser reads them: single-quoted, unquoted, with
backslashes or stray spaces."""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from .html_scan import Page, Tag, url_parts

_NOT_CHECKED = ("mailto:", "tel:", "data:", "blob:", "javascript:", "vbscript:")
# link rel= values whose file the browser fetches with the page.
_LOADED_LINK_TYPES = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest",
                      "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch"}
# (tag, attribute) pairs a browser fetches with the page, beside <link>.
_LOADED = {("img", "src"), ("img", "srcset"), ("script", "src"), ("source", "src"), ("source", "srcset"),
           ("iframe", "src"), ("frame", "src"), ("embed", "src"), ("object", "data"), ("video", "src"),
           ("video", "poster"), ("audio", "src"), ("track", "src"), ("input", "src"), ("image", "href"),
           ("image", "xlink:href"), ("use", "href"), ("use", "xlink:href"), ("body", "background"),
           ("feimage", "href"), ("feimage", "xlink:href")}
# (tag, attribute) pairs that are links the reader follows.
_FOLLOWED = {("a", "href"), ("area", "href"), ("link", "href")}
_URL_TAGS = {name for name, _ in _LOADED | _FOLLOWED}


def tag_urls(tag: Tag):
    """(URL, whether the browser loads it with the page) for each URL of a tag."""
    if tag.name not in _URL_TAGS:
        return
    rel = set(tag.attributes.get("rel", "").lower().split()) if tag.name == "link" else set()
    if "canonical" in rel:
        return  # the published address, which may be another host
    for attribute, value in tag.attributes.items():
        pair = (tag.name, attribute)
        loaded = pair in _LOADED or (pair == ("link", "href") and bool(rel & _LOADED_LINK_TYPES))
        if not loaded and pair not in _FOLLOWED:
            continue
        urls = [part.split()[0] for part in value.split(",") if part.strip()] if attribute == "srcset" else [value]
        for url in map(url_parts, urls):
            if url and not url.lower().startswith(_NOT_CHECKED):
                yield url, loaded


OTHER_SITE = ("'{url}' would be loaded from another site, and the guide makes no requests to other sites; "
              "save the file in the guide's pages folder (content/pages/) and link to it by its name")


def loads_from_another_site(url: str) -> bool:
    """Whether a URL that a page loads points to another site (a scheme or a host of its own)."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def _anchors(page: Page) -> set[str]:
    return {value for tag in page.tags for name, value in tag.attributes.items() if name in ("id", "name")}


def broken_links(site_dir: Path, pages: dict[Path, tuple[str, Page]], describe: Callable[[Path], str],
                 site_url: str | None = None, allowed_origins: tuple[str, ...] = (),
                 elsewhere: tuple[str, ...] = ()) -> list[str]:
    """Every problem with the links of the scanned pages, each named by `describe(page file)`.
    `allowed_origins` may be loaded from although they are other sites (a center's own counter);
    links into the folders `elsewhere` (the site's other languages, built on their own) are not checked."""
    site_dir = Path(site_dir)
    base = urlsplit(site_url or "http://site.invalid/")
    anchors: dict[Path, set[str]] = {}
    files: dict[str, Path | None] = {}  # URL path -> the file it leads to, or None
    checked = {}  # (URL path, fragment) -> the problem, or None: the same links repeat on every page

    def file_at(path: str) -> Path | None:
        file = site_dir / unquote(path[len(base.path):])
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None

    def problem_with(path: str, fragment: str) -> str | None:
        if path not in files:
            files[path] = file_at(path)
        file = files[path]
        if file is None:
            return "leads to nothing"
        if fragment and file in pages:
            if file not in anchors:
                anchors[file] = _anchors(pages[file][1])
            if unquote(fragment) not in anchors[file]:
                return "points to a part of that page that does not exist (no element there has that id)"
        return None

    urls: dict[Tag, list[tuple[str, bool]]] = {}  # each tag's URLs: the same tags repeat on every page

    def page_problems(page_file: Path, tags: list[Tag]) -> list[str]:
        here = base.path + page_file.relative_to(site_dir).as_posix()
        problems = []
        for tag in tags:
            if tag.name not in _URL_TAGS:
                continue
            if tag not in urls:
                urls[tag] = list(tag_urls(tag))
            for link, loaded in urls[tag]:
                target = _url_path(link, here, base)
                if target is None and loaded and not link.startswith(tuple(o + "/" for o in allowed_origins)):
                    problems.append(f"{describe(page_file)}: {OTHER_SITE.format(url=link)}")
                if target is None or not target[0].startswith(base.path) \
                        or (elsewhere and target[0][len(base.path):].startswith(elsewhere)):
                    continue  # another site, or outside this one, or another language: not ours to check
                if target not in checked:
                    checked[target] = problem_with(*target)
                if checked[target]:
                    problems.append(f"{describe(page_file)}: the link '{link}' {checked[target]}")
        return problems

    problems = []
    for page_file, (_, page) in sorted(pages.items()):
        found = page_problems(page_file, page.tags)
        # scan_site lists each different tag of a page once: a page with a problem is read again
        # tag by tag, so that each broken link is named as often, and in the order, it appears.
        problems += page_problems(page_file, page.every_tag()) if found else []
    return problems


def _url_path(link: str, here: str, base) -> tuple[str, str] | None:
    """The URL path and fragment a link on the page at URL path `here` leads to, as a browser
    resolves it; None for a link to another site. (urljoin does the same, several times slower.)"""
    if link.startswith("#"):  # within the page: the commonest link, and the simplest
        return here, link[1:]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        same_site = (parts.scheme.lower() or base.scheme, parts.netloc.lower()) == (base.scheme, base.netloc)
        return (parts.path or "/", parts.fragment) if same_site else None
    if not parts.path:
        return here, parts.fragment
    path = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path))
    if parts.path.endswith("/") or posixpath.basename(parts.path) in (".", ".."):
        path = path.rstrip("/") + "/"
    return path, parts.fragment
