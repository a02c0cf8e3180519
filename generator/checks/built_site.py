"""The built site read once: every page's text, anchors, links and inline scripts, for the checks
that follow (link_check, security), so that each page is parsed once however many checks run.

The built pages are the engine's own well-formed output, so they are read with patterns:
several times faster than a full HTML parser on pages this size.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

# Anchors: id="..." and name="..." after whitespace. Each pattern starts with plain text, which is
# found many times faster than `\s(?:id|name)=`; the whitespace is checked on each match.
_TARGETS = (re.compile(r'id="([^"]+)"'), re.compile(r'name="([^"]+)"'))
_LINKS = re.compile(r'<(a|link|script|img|source|iframe)\b([^>]*?)\s(?:href|src)="([^"]*)"', re.I)
_NOT_CHECKED = ("mailto:", "tel:", "data:", "blob:", "javascript:")
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)


@dataclass(frozen=True)
class ContentMarker:
    """Where an engine's theme puts the page content: the text that starts it and ends it.
    Given by the engine adapter; the checks know no theme."""

    start: str
    end: str


@dataclass
class BuiltPage:
    path: Path
    text: str
    marker: ContentMarker | None = field(default=None, repr=False)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def ids(self) -> set[str]:
        text = self.text
        return {html.unescape(match[1]) for pattern in _TARGETS for match in pattern.finditer(text)
                if text[match.start() - 1].isspace()}

    @cached_property
    def links(self) -> list[tuple[str, bool]]:
        """(URL, whether the browser loads it with the page rather than when the reader follows it)"""
        return [(html.unescape(url), tag.lower() != "a") for tag, before, url in _LINKS.findall(self.text)
                if url and not url.startswith(_NOT_CHECKED) and 'rel="canonical"' not in before]

    @cached_property
    def inline_scripts(self) -> list[tuple[str, str]]:
        """(attributes, script) of each <script> without src."""
        return _INLINE_SCRIPT.findall(self.text)

    @cached_property
    def content(self) -> str | None:
        """The page content (what the knowledge base and the Markdown pages put there), or None
        when the theme's marker is not on the page."""
        if self.marker is None:
            return None
        start = self.text.find(self.marker.start)
        if start < 0:
            return None
        end = self.text.find(self.marker.end, start)
        return self.text[start:end if end >= 0 else len(self.text)]


def read_site(site_dir: Path, marker: ContentMarker | None = None) -> dict[Path, BuiltPage]:
    """Every HTML page of the built site, read once."""
    return {path: BuiltPage(path, path.read_text(encoding="utf-8"), marker)
            for path in sorted(Path(site_dir).rglob("*.html"))}
