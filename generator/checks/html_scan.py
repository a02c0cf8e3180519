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
    `group` is "(" to capture the name and the value, "(?:" to leave them uncaptured.
    What follows each repetition either cannot begin with what it repeats or may be left out, so
    the first match is the longest and nothing is ever tried again. (Possessive repetitions,
    `*+`, said so and were a fifth faster, but Python 3.10 has none and 3.11.2 matches them
    wrongly: a script's text ran on past its `</script>`.)"""
    return (rf"[\t\n\f\r /]*{group}[^\t\n\f\r />][^\t\n\f\r /=>]*)"
            rf"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"{group}[^\"]*)\"?|'{group}[^']*)'?|{group}[^\t\n\f\r >]*)))?")


_ATTRIBUTES = re.compile(_attribute("("))
_NAME, _ATTRIBUTE_RUN, _END = r"[a-zA-Z][^\t\n\f\r />]*", rf"(?:{_attribute('(?:')})*", r"[\t\n\f\r /]*>"
# A start tag: its name, its attributes, and its end ('>'; missing when the page ends first).
# No attribute can begin where the end does, so the longest run of attributes is the one a
# browser reads, and the pattern never needs to backtrack.
_START_TAG = re.compile(rf"<({_NAME})({_ATTRIBUTE_RUN})({_END})?")
# Elements whose content is text up to their end tag, whatever it looks like.
_RAW_TEXT_END = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.I) for name in ("script", "style")}


def _raw_text(name: str) -> str:
    """The content of a script or style element: everything up to the first `</name` (any case)
    followed by a separator, as _RAW_TEXT_END finds it, or to the end of the page."""
    return rf"(?:[^<]+|<(?!/(?i:{name})[\t\n\f\r />]))*"


def _named(name: str) -> str:
    """A tag name that is exactly `name` in any ASCII case (what `.lower()` of a name read by
    _NAME turns into `name`: no other character lowers to these letters)."""
    return "".join(f"[{c}{c.upper()}]" for c in name) + r"(?![^\t\n\f\r />])"


# The same start tags, every one of a page in one call (findall, in compiled code), a script's
# or a style's content with it: (script name, style name, other name, attributes, end, content),
# with "" for what is not there. Each tag begins where the one before it ends, or after its
# content, as in scan().
_EVERY_START_TAG = re.compile(
    rf"<(?:({_named('script')})|({_named('style')})|({_NAME}))({_ATTRIBUTE_RUN})({_END})?"
    rf"((?(5)(?(1){_raw_text('script')}|(?(2){_raw_text('style')}))))")


@dataclass(slots=True, eq=False)
class Tag:
    name: str  # lowercase
    attributes: dict[str, str]  # names lowercase, values with character references decoded; the first of a name wins
    position: int | None  # where the tag starts in the page; None for a tag of scan_site, which may repeat
    text: str = ""  # the content of a script or style element


@dataclass
class Page:
    # scan(): every tag, in order. scan_site(): each different tag once (the same name, attribute
    # text and content), in the order they first appear; `every_tag()` lists each one.
    tags: list[Tag] = field(default_factory=list)
    text: str = ""  # the page, for every_tag()

    def every_tag(self) -> list[Tag]:
        """Every tag of the page, in order, each with its position (for messages that name each one)."""
        return scan(self.text).tags

    @property
    def scripts(self) -> list[Tag]:
        return [tag for tag in self.tags if tag.name == "script"]


def scan(text: str) -> Page:
    """Every start tag of the page, in order, with its position. Tags with the same attribute
    text share one dict of attributes, read only."""
    read: dict[str, dict[str, str]] = {}
    page = Page(text=text)
    opened = _START_TAG.search(text)
    while opened:
        name, written, ended = opened.groups()
        name = name.lower()
        tag = Tag(name, _attributes_of(written, read), opened.start())
        at = opened.end() if ended else len(text)
        if name in _RAW_TEXT_END:
            closing = _RAW_TEXT_END[name].search(text, at)
            end = closing.start() if closing else len(text)
            tag.text = text[at:end]
            at = end
        page.tags.append(tag)
        opened = _START_TAG.search(text, at)
    return page


def _attributes_of(written: str, read: dict[str, dict[str, str]]) -> dict[str, str]:
    attributes = read.get(written)
    if attributes is None:
        attributes = read[written] = {}
        for attribute, double, single, bare in _ATTRIBUTES.findall(written):
            name, value = attribute.lower(), double or single or bare
            if name not in attributes:
                attributes[name] = html.unescape(value) if "&" in value else value
    return attributes


def scan_distinct(text: str, seen: dict[tuple, Tag] | None = None, read: dict[str, dict[str, str]] | None = None) -> Page:
    """The page's tags as scan() reads them, each different one once, in the order they first
    appear. `seen`: the tags read before, by what was written, and `read`: the attributes of each
    attribute text read before; the same tags repeat on every page and in a long page: each is
    one Tag, read once, read only."""
    seen = {} if seen is None else seen
    read = {} if read is None else read
    tags = []
    for written in dict.fromkeys(_EVERY_START_TAG.findall(text)):
        tag = seen.get(written)
        if tag is None:
            script, style, other, attributes, _, content = written
            tag = seen[written] = Tag((script or style or other).lower(), _attributes_of(attributes, read), None,
                                      content)
        tags.append(tag)
    return Page(tags, text)


def scan_site(site_dir) -> dict:
    """Every page of a built site: {file: (its text, its tags as scan_distinct reads them)}."""
    from pathlib import Path

    pages, seen, read = {}, {}, {}
    for path in sorted(Path(site_dir).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        pages[path] = (text, scan_distinct(text, seen, read))
    return pages


_TAB_OR_LINE_BREAK = re.compile(r"[\t\n\r]")


def url_parts(value: str) -> str:
    """A URL attribute as a browser reads it: surrounding spaces and control characters dropped,
    tabs and line breaks removed, backslashes read as slashes (as in http and https URLs)."""
    value = value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14"
                        "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    if "\t" in value or "\n" in value or "\r" in value:  # seldom: the pattern is called only then
        value = _TAB_OR_LINE_BREAK.sub("", value)
    return value.replace("\\", "/")
