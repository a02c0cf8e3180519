"""Read a built page the way a browser's HTML tokenizer does, once, for the checks after the build:
its tags and their attributes, the anchors it defines, the inline scripts it carries.

Patterns would be faster, but a pattern cannot tell an attribute from text that looks like one
(`title="onboarding = training"`, `<code>href=javascript:</code>`) or catch every way a browser
separates attributes (`<svg/onload=...>`, `a="x"onclick=...`). This follows the tokenizer of
the HTML standard (section 13.2.5) for start tags and raw-text elements. Where it is unsure it
errs towards seeing more tags, never fewer: comments are read as markup too, so a check built
on it can report something harmless but never miss what a browser would run.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field


def _attribute(group: str) -> str:
    """One attribute: separators (spaces and '/'), a name, and optionally '=' and a value,
    double-quoted, single-quoted or bare (a quote left open runs to the end of the page).
    `group` is "(" to capture the name and the value, "(?:" to leave them uncaptured."""
    return (rf"[\t\n\f\r /]*{group}[^\t\n\f\r />][^\t\n\f\r /=>]*)"
            rf"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"{group}[^\"]*)\"?|'{group}[^']*)'?|{group}[^\t\n\f\r >]*)))?")


_ATTRIBUTES = re.compile(_attribute("("))
# A start tag: its name, its attributes, and its end ('>'; missing when the page ends first).
# No attribute can begin where the end does, so the longest run of attributes is the one a
# browser reads, and the pattern never needs to backtrack.
_START_TAG = re.compile(rf"<([a-zA-Z][^\t\n\f\r />]*)((?:{_attribute('(?:')})*)([\t\n\f\r /]*>)?")
# Elements whose content is text up to their end tag, whatever it looks like.
_RAW_TEXT_END = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.I) for name in ("script", "style")}


@dataclass(slots=True)
class Tag:
    name: str  # lowercase
    attributes: dict[str, str]  # names lowercase, values with character references decoded; the first of a name wins
    position: int  # where the tag starts in the page
    text: str = ""  # the content of a script or style element


@dataclass
class Page:
    tags: list[Tag] = field(default_factory=list)

    @property
    def scripts(self) -> list[Tag]:
        return [tag for tag in self.tags if tag.name == "script"]


def scan(text: str, read: dict[str, dict[str, str]] | None = None) -> Page:
    """`read`: the attributes of each tag's attribute text already read (the same tags repeat on
    every page: the navigation, the header); tags with the same text share one dict, read only."""
    read = {} if read is None else read
    page = Page()
    opened = _START_TAG.search(text)
    while opened:
        name, written, ended = opened.groups()
        name = name.lower()
        attributes = read.get(written)
        if attributes is None:
            attributes = read[written] = {}
            for attribute, double, single, bare in _ATTRIBUTES.findall(written):
                attributes.setdefault(attribute.lower(), html.unescape(double or single or bare))
        tag = Tag(name, attributes, opened.start())
        at = opened.end() if ended else len(text)
        if name in _RAW_TEXT_END:
            closing = _RAW_TEXT_END[name].search(text, at)
            end = closing.start() if closing else len(text)
            tag.text = text[at:end]
            at = end
        page.tags.append(tag)
        opened = _START_TAG.search(text, at)
    return page


def scan_site(site_dir) -> dict:
    """Every page of a built site: {file: (its text, its scan)}."""
    from pathlib import Path

    pages, read = {}, {}
    for path in sorted(Path(site_dir).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        pages[path] = (text, scan(text, read))
    return pages


def url_parts(value: str) -> str:
    """A URL attribute as a browser reads it: surrounding spaces and control characters dropped,
    tabs and line breaks removed, backslashes read as slashes (as in http and https URLs)."""
    value = value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14"
                        "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    return re.sub(r"[\t\n\r]", "", value).replace("\\", "/")
