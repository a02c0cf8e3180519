"""The theme's search index, made as Material's search plugin makes it, in less time.

Material's plugin reads each page's content with Python's `html.parser`, calling its handlers
for every tag and every run of text, and looks each section's heading up in the page's table of
contents by walking the whole table again (with 10,000 entries, a quarter of the build). This
index gives the same handlers' work the same events, read by one pattern, and looks headings up
in a table made once per page. `tests/unit/test_material_search.py` compares the two indexes.

The pattern reads the markup the sanitiser writes (every `<` begins a tag, attributes are
double-quoted, no comments, no scripts). Content it cannot read so exactly, which a page's
content never is today, goes to Material's own parser.
"""
from __future__ import annotations

import re
from html import escape, unescape

from material.plugins.search.plugin import Element, Parser, SearchIndex, Section, void

_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
_ATTRIBUTES = r'(?: [a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*'
# Text, a start tag (its name, its attributes) or an end tag (its name): the events html.parser gives.
_TOKEN = re.compile(rf'([^<]+)|<({_NAME})({_ATTRIBUTES})>|</({_NAME})>')
# Anything html.parser may read otherwise: a `<` that begins no such tag (a comment, a doctype,
# a `/>`, a lone `<`); the elements whose content some Python versions read as raw text; a
# title (an SVG's) or text area holding more than text, whose content they read as text.
_NOT_PLAIN = re.compile(rf'<(?!{_NAME}{_ATTRIBUTES}>|/{_NAME}>)'
                        r'|<(?i:script|style|xmp|iframe|noembed|noframes|noscript|plaintext)\b'
                        rf'|<(?i:(title|textarea))\b(?!{_ATTRIBUTES}>[^<]*</\1>)')
_ATTRIBUTE = re.compile(r' ([^ =]+)(="([^"]*)")?')
# Attributes that change what the index holds (a permalink, a part left out) may be among these.
_ATTRIBUTES_THAT_MATTER = re.compile(r"&|headerlink|data-search-exclude|linenodiv", re.I)
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_MATERIALS = Parser()  # its sets of tag names, as it starts each page
_ALWAYS_SKIPPED = frozenset(_MATERIALS.skip)  # the tags whose content is never indexed
_KEPT = frozenset(_MATERIALS.keep)  # the markup the index keeps


def use_quick_index(config) -> None:
    """The search plugin, if the site has it, makes its index with QuickSearchIndex."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if type(getattr(search, "search_index", None)) is SearchIndex:
        search.search_index = QuickSearchIndex(**search.config)


class QuickSearchIndex(SearchIndex):
    """Material's SearchIndex, with the page read by `sections` and headings found by id."""

    def add_entry_from_context(self, page):
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        found = sections(page.content)
        if found is None:
            parser = Parser()
            parser.feed(page.content)
            parser.close()
            found = parser.data
        self._toc = {}
        _index_toc(page.toc, self._toc)
        for section in found:
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)

    def _find_toc_by_id(self, toc, id):
        return self._toc.get(id)


def _index_toc(items, table: dict) -> None:
    """Each id's first item, in the order Material's walk meets them (an item, then its children)."""
    for item in items:
        table.setdefault(item.id, item)
        _index_toc(item.children, table)


def sections(markup: str) -> list[Section] | None:
    """The sections Material's Parser divides `markup` into, or None when the markup is not
    plain enough for the pattern to read it exactly as html.parser does.

    Its handlers (handle_starttag, handle_endtag, handle_data), step for step, in one loop. Its
    elements compare by tag name, so "is an open element skipped", "is the heading open" and "is
    a `pre` open" ask about names: here, how many elements of each name are open (`open`).
    """
    if _NOT_PLAIN.search(markup):
        return None
    context: list[str] = []  # the open elements' names
    open_: dict[str, int] = {}
    skip = set(_ALWAYS_SKIPPED)  # tag names
    skipping = False  # whether an element named in `skip` is open
    permalinks: list[int] = []  # where in `context` each open <a class="headerlink"> is
    section: Section | None = None
    data: list[Section] = []
    for text, tag, attributes, closing in _TOKEN.findall(markup):
        if text:  # handle_data
            if skipping:
                continue
            if "&" in text:
                text = unescape(text)
            in_pre = open_.get("pre")
            if not in_pre:
                text = " " if text.isspace() else text.replace("\n", " ")
            if not section:
                section = Section(Element("hx"))
                data.append(section)
            if open_.get(section.el.tag):
                if not permalinks:
                    section.title.append(escape(text, quote=False))
            elif text.isspace():
                if not section.text or not section.text[-1].isspace() or in_pre:
                    section.text.append(text)
            else:
                section.text.append(escape(text, quote=False))
        elif tag:  # handle_starttag
            tag = tag.lower()
            if tag in void:
                continue
            # Only a heading's attributes, and those that change the index, are ever read.
            if attributes and (tag in _HEADINGS or _ATTRIBUTES_THAT_MATTER.search(attributes)):
                attrs = {name.lower(): (unescape(value) if "&" in value else value) if equals else None
                         for name, equals, value in _ATTRIBUTE.findall(attributes)}
            else:
                attrs = {}
            context.append(tag)
            open_[tag] = open_.get(tag, 0) + 1
            if tag in skip:
                skipping = True
            if tag == "a" and attrs.get("class") == "headerlink":
                permalinks.append(len(context))
            if tag in _HEADINGS and "id" in attrs:
                depth = len(context)
                if tag != "h1" and not data:
                    section = Section(Element("hx"), depth)
                    data.append(section)
                section = Section(Element(tag, attrs), depth)
                if data:
                    section.id = attrs["id"]
                data.append(section)
            if not section:
                section = Section(Element("hx"))
                data.append(section)
            if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                skip.add(tag)
                skipping = True
                continue
            if tag in _KEPT and not skipping:
                (section.title if open_.get(section.el.tag) else section.text).append(f"<{tag}>")
        else:  # handle_endtag
            tag = closing.lower()
            if not context or context[-1] != tag:
                continue
            if section.depth > len(context):
                for earlier in reversed(data):
                    if earlier.depth <= len(context):
                        section.depth = float("inf")
                        section = earlier
                        break
            if permalinks and permalinks[-1] == len(context):
                permalinks.pop()
            context.pop()
            open_[tag] -= 1
            if tag in skip:
                if tag not in _ALWAYS_SKIPPED:
                    skip.remove(tag)
                skipping = any(open_.get(name) for name in skip)
                continue
            if tag in _KEPT and not skipping:
                kept = section.title if open_.get(section.el.tag) else section.text
                index = kept.index(f"<{tag}>")
                if all(part.isspace() for part in kept[index + 1:]):
                    del kept[index:]
                else:
                    kept.append(f"</{tag}>")
    return data
