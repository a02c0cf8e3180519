"""The pages written by hand (content/pages, a center's own pages): which files are published,
and what they may hold.

They are published next to the generated pages, and their front matter reaches every page
through the navigation, so they are checked like the rest of the content, with file:line:column:
only the front matter fields the guide knows, each of the right type; no `data-fg-` attributes;
no scripts in a raw HTML or SVG file; no script files.
"""
from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from ..checks.html_scan import scan, url_parts
from ..checks.link_check import OTHER_SITE, loads_from_another_site, tag_urls
from ..content_files import ProblemError, files_below, read_bytes
from ..model.fields import GUIDE_ATTRIBUTE, MARKDOWN_LINK, Nested, Reading, is_local_link
from ..model.records import FrontMatter
from ..problems import Location, Problem
from .yaml_source import YamlFileError, read_yaml_text

# The settings a page may give in its front matter (between --- lines at its top), by name.
FRONT_MATTER_FIELDS = frozenset(FrontMatter.field_names())

# As MkDocs reads front matter: a YAML block between --- lines, or else "Key: value" lines at the
# top of the page (MultiMarkdown style) up to the first blank line.
_YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_KEY_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)")

SCRIPT_FILES = (".js", ".mjs", ".cjs", ".wasm")
MARKUP_FILES = (".html", ".htm", ".xhtml", ".svg", ".xml")


def check_pages(folders: list[Path]) -> list[Problem]:
    """Every problem of the hand-written pages and files in these folders."""
    problems = []
    for folder in dict.fromkeys(Path(f) for f in folders):
        if not os.path.lexists(folder):
            continue
        files, found = files_below(folder)
        problems += found
        for path in files:
            try:
                text = read_bytes(path).decode("utf-8-sig", errors="replace")
            except ProblemError as error:
                problems.append(error.problem)
                continue
            suffix = path.suffix.lower()
            if suffix == ".md":
                problems += [*_front_matter_problems(path, text), *_guide_attributes(path, text),
                             *_from_elsewhere(path, text)]
            elif suffix in SCRIPT_FILES:
                problems.append(Problem(Location(path, 1, 1), "script files are not published with the guide, "
                                                             "which runs only its own scripts; remove this file"))
            elif suffix in MARKUP_FILES:
                problems += _active_markup(path, text) + _guide_attributes(path, text)
    return problems


def page_links(folders: list[Path]) -> list[tuple[str, str, Location]]:
    """The Markdown links of the hand-written pages to a page (`x.md`) or a part of a file of the
    site: (as typed, the file it names from the site's top folder with its #part, where it is
    typed). As in MkDocs, a page's link names a file from the page's own folder."""
    links = []
    for folder in dict.fromkeys(Path(f) for f in folders):
        if not os.path.isdir(folder):
            continue
        for path in files_below(folder, (".md",))[0]:
            try:
                text = read_bytes(path).decode("utf-8-sig", errors="replace")
            except ProblemError:
                continue  # check_pages reports it
            if "](" not in text:
                continue
            base = posixpath.dirname(path.relative_to(folder).as_posix())
            for match in MARKDOWN_LINK.finditer(_blank_code(text)):
                target = match[2]
                file, hash_, part = target.partition("#")
                if file and (hash_ or file.endswith(".md")) and is_local_link(target):
                    links.append((target, posixpath.normpath(posixpath.join(base, file)) + hash_ + part,
                                  Location.at(path, text, match.start(2))))
    return links


# Code, where a link is an example to show: a fenced block's fence (group 1), and `spans`.
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`+[^`\n]*?`+")


def _blank_code(text: str) -> str:
    """The text with its code blanked out, each character a space (lines and columns unchanged).
    Read line by line, as Markdown reads fences: a block left open runs to the end of the page
    (a pattern looking for each fence's end went over the rest of the page once per fence)."""
    lines = text.split("\n")
    fence = None  # the fence of the block we are in
    for number, line in enumerate(lines):
        found = _FENCE.match(line)
        if fence:
            if found and found[1][0] == fence[0] and len(found[1]) >= len(fence) and not line[found.end():].strip():
                fence = None
        elif found and not (found[1][0] == "`" and "`" in line[found.end():]):
            fence = found[1]
        else:
            lines[number] = _CODE_SPAN.sub(lambda code: " " * len(code[0]), line)
            continue
        lines[number] = " " * len(line)
    return "\n".join(lines)


def _guide_attributes(path: Path, text: str) -> list[Problem]:
    return [Problem(Location.at(path, text, found.start()), "a data-fg- attribute is used here, which only the guide's own "
                    "buttons and boxes may use; remove it") for found in GUIDE_ATTRIBUTE.finditer(text)]


def _active_markup(path: Path, text: str) -> list[Problem]:
    """A raw HTML or SVG file is published as it is: nothing in it may run."""
    problems = []
    for tag in scan(text).tags:
        if tag.name == "script":
            problems.append(Problem(Location.at(path, text, tag.position), "a script is not allowed in a page the guide "
                                    "publishes as it is; remove it"))
        if tag.name in ("meta", "base") and (tag.name == "base" or tag.attributes.get("http-equiv", "").lower() == "refresh"):
            problems.append(Problem(Location.at(path, text, tag.position), f"a <{tag.name}> that changes where links or the "
                                    "page itself lead is not allowed; link to the address instead"))
        for name, value in tag.attributes.items():
            if name.startswith("on"):
                problems.append(Problem(Location.at(path, text, tag.position),
                                        f"the event handler attribute '{name}' is not allowed; remove it"))
            elif url_parts(value).lower().startswith(("javascript:", "vbscript:")):
                problems.append(Problem(Location.at(path, text, tag.position), "a javascript: URL is not allowed; remove it"))
        problems += [Problem(Location.at(path, text, tag.position), OTHER_SITE.format(url=url))
                     for url, loaded in tag_urls(tag) if loaded and loads_from_another_site(url)]
    return problems


# A Markdown picture, ![text](address "title"): group 1 its address.
_MARKDOWN_PICTURE = re.compile(r"!\[[^\]]*\]\(\s*<?([^\s()<>]+)")


def _from_elsewhere(path: Path, text: str) -> list[Problem]:
    """What a page would load from another site (a picture, in Markdown or HTML), found before
    the build, at its place (the build would stop at it, without a line)."""
    found = [(match.start(1), match[1]) for match in _MARKDOWN_PICTURE.finditer(text)
             if loads_from_another_site(url_parts(match[1]))]
    if "<" in text:  # (an <iframe>, an <object>... is taken out with every page's cleaning: only pictures stay)
        found += [(tag.position, url) for tag in scan(text).tags if tag.name == "img" for url, loaded in tag_urls(tag)
                  if loaded and loads_from_another_site(url)]
    return [Problem(Location.at(path, text, at), OTHER_SITE.format(url=url)) for at, url in sorted(found)]


def _front_matter_problems(path: Path, text: str) -> list[Problem]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    block = _YAML_BLOCK.match(text)
    if block and not block[1].strip():
        return []
    if block:
        # The block read in place, its first line blanked, so positions are those of the file.
        reading = Reading()
        try:
            root, problems = read_yaml_text(path, "\n" + block[1], reading.sources)
        except YamlFileError as error:
            return error.problems
        reading.problems += problems
        Nested(FrontMatter).read(root, reading, "front matter")
        return reading.problems
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        key_line = _KEY_LINE.match(line)
        if not line.strip() or not (key_line or (number > 1 and line[:1] in (" ", "\t"))):
            break  # the end of the settings: MkDocs reads the rest as the page
        if key_line and key_line[1].lower() not in FRONT_MATTER_FIELDS:
            problems.append(Problem(Location(path, number, 1), f"this line is read as the page setting "
                                    f"'{key_line[1].lower()}', which the guide does not know, and is not shown; "
                                    "start the page with a '# Title' line instead"))
    return problems


STAFF_AUDIENCE = "staff"  # front matter `audience: staff`: a page for career-center staff


def is_for_staff(path: Path) -> bool:
    """Whether a hand-written Markdown page's front matter says `audience: staff`."""
    if path.suffix != ".md" or not path.is_file():
        return False
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    block = _YAML_BLOCK.match(text)
    lines = block[1].splitlines() if block else text.split("\n\n", 1)[0].splitlines()
    pairs = (_KEY_LINE.match(line) for line in lines)
    return any(pair and pair[1].lower() == "audience" and pair[2].strip().strip("'\"") == STAFF_AUDIENCE
               for pair in pairs)


def without_links_to(markdown: str, page_uri: str, unpublished: set[str]) -> str:
    """The page's Markdown with every link to a page that is not published (staff pages a center
    leaves out) replaced by the link's text, so that no link leads nowhere."""
    if not unpublished:
        return markdown

    def unlink(match: re.Match) -> str:
        target = match[2].split("#")[0]
        if not target or not is_local_link(target):
            return match[0]
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), target))
        return match[1] if path in unpublished else match[0]

    return MARKDOWN_LINK.sub(unlink, markdown)
