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

_TAG_OPEN = re.compile(r"<([a-zA-Z][^\t\n\f\r />]*)")
# One attribute: separators (spaces and '/'), a name, and optionally '=' and a value.
_ATTRIBUTE = re.compile(
    r"[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r /=>]*)"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(\"[^\"]*\"?|'[^']*'?|[^\t\n\f\r >]*))?"
)
_TAG_END = re.compile(r"[\t\n\f\r /]*>")
# Elements whose content is text up to their end tag, whatever it looks like.
_RAW_TEXT = {"script", "style"}


@dataclass
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


def scan(text: str) -> Page:
    page = Page()
    position = text.find("<")
    while position >= 0:
        opened = _TAG_OPEN.match(text, position)
        if not opened:
            position = text.find("<", position + 1)
            continue
        tag = Tag(opened[1].lower(), {}, position)
        at = opened.end()
        while True:
            ended = _TAG_END.match(text, at)
            if ended or at >= len(text):
                at = ended.end() if ended else len(text)
                break
            attribute = _ATTRIBUTE.match(text, at)
            if not attribute:  # only separators left before the end of the page
                at = len(text)
                break
            name, value = attribute[1].lower(), attribute[2]
            if value and value[0] in "\"'":
                value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
            tag.attributes.setdefault(name, html.unescape(value or ""))
            at = attribute.end()
        if tag.name in _RAW_TEXT:
            closing = re.compile(rf"</{tag.name}[\t\n\f\r />]", re.I).search(text, at)
            end = closing.start() if closing else len(text)
            tag.text = text[at:end]
            at = end
        page.tags.append(tag)
        position = text.find("<", at)
    return page


def scan_site(site_dir) -> dict:
    """Every page of a built site: {file: (its text, its scan)}."""
    from pathlib import Path

    pages = {}
    for path in sorted(Path(site_dir).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        pages[path] = (text, scan(text))
    return pages


def url_parts(value: str) -> str:
    """A URL attribute as a browser reads it: surrounding spaces and control characters dropped,
    tabs and line breaks removed, backslashes read as slashes (as in http and https URLs)."""
    value = value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14"
                        "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    return re.sub(r"[\t\n\r]", "", value).replace("\\", "/")
