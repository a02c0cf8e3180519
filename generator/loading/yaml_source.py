"""Read one YAML file into nodes that remember their line and column.

Nodes are composed, never constructed: every scalar stays the text that was typed
(`no`, `9:30`, `01234`, `2024-03-01` are not turned into booleans, numbers or dates),
and the schema decides what a value means.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import yaml

from ..content_files import ProblemError, read_bytes
from ..problems import Location, Problem, location_of
from .yaml_mistakes import explain

# Tags PyYAML resolves for plain scalars, sequences and mappings; an explicit tag such as
# `!python/object` or `!include` is not part of our format.
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map", "merge", "value")
}


# YAML's names for what was left open, in words an editor knows.
_PLAIN_WORDS = {
    "a quoted scalar": "a quoted text",
    "a flow sequence": "a list in [brackets]",
    "a flow mapping": "a group in {braces}",
    "a block scalar": "a block of text",
}


# libyaml, when PyYAML was built with it, reads many times faster than pure Python.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Loader(_BASE_LOADER):
    """Nodes are never constructed, so a plain scalar's implicit type (bool, int, date...) is never
    used: every untagged node gets the plain tag of its kind, without PyYAML's resolver patterns
    (a fifth of the loading time of a large knowledge base). Explicit tags are kept, and checked."""

    def resolve(self, kind, value, implicit):
        return _STR if kind is yaml.ScalarNode else _SEQ if kind is yaml.SequenceNode else _MAP

    # Path resolvers (PyYAML's add_path_resolver) are not used either, yet the composer calls these
    # two for every node: built-ins that take the same arguments and do nothing with them
    # (slice(parent, index), tuple()) instead of Python methods make composing a tenth cheaper.
    descend_resolver = slice
    ascend_resolver = tuple


_LOADER = _Loader



class _NamedText(io.StringIO):
    """The file's text as a stream with a name: PyYAML gives that name to every mark, so each
    node knows its file wherever a merge moves it."""

    def __init__(self, text: str, name: str):
        super().__init__(text)
        self.name = name


class YamlFileError(Exception):
    """The file cannot be read as YAML at all: its problems, usually one."""

    def __init__(self, problem: Problem, *more: Problem):
        self.problems = [problem, *more]
        super().__init__("\n".join(map(str, self.problems)))


def read_yaml(path: Path, sources: dict[str, str]) -> tuple[yaml.Node, list[Problem]]:
    """The file's root node and the structural problems found in it (duplicate keys, tags).

    The file's text is added to `sources` under the name its nodes' marks carry, for checks that
    look at exactly what was typed (marks carry a character index into it).
    Raises YamlFileError when the file cannot be read as YAML at all.
    """
    try:
        data = read_bytes(path)  # a regular file, never a link, folder, pipe or device
    except ProblemError as error:
        raise YamlFileError(error.problem) from None
    return read_yaml_text(path, _decode(path, data), sources)


def read_yaml_text(path: Path, text: str, sources: dict[str, str]) -> tuple[yaml.Node, list[Problem]]:
    """The same for YAML text that stands in the file at `path` (positions are the text's)."""
    sources[str(path)] = text
    _reject_control_characters(path, text)
    _reject_tab_indentation(path, text)
    try:
        root = yaml.compose(_NamedText(text, str(path)), Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        raise YamlFileError(_syntax_problem(path, text, error)) from None
    except yaml.YAMLError as error:  # anything else PyYAML refuses, without a position
        raise YamlFileError(Problem(Location(path, 1, 1), f"YAML cannot read this file ({error})")) from None
    if root is None:
        raise YamlFileError(Problem(
            Location(path, 1, 1), "the file is empty; add its content or delete the file"
        ))
    aliases = _aliases(path, text)
    if aliases:  # not read further: an alias can repeat a value exponentially often (a "YAML bomb")
        raise YamlFileError(*aliases)
    return root, list(_structural_problems(path, root, tagged="!" in text))


def _location(path: Path, mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    what = error.problem or "unreadable YAML"
    if error.context_mark and "end of stream" in what:
        # The file ended inside something left open: point at where it was opened.
        opened = (error.context or "").removeprefix("while ").removeprefix("scanning ").removeprefix("parsing ")
        opened = _PLAIN_WORDS.get(opened, opened)
        return Problem(
            _location(path, error.context_mark),
            f"YAML syntax error: {opened or 'this value'} starts here but never ends; "
            "check for a missing closing quote or bracket",
        )
    explained = explain(text, error)  # the usual mistakes, in an editor's words
    if explained:
        line, column, message = explained
        return Problem(Location(path, line + 1, column + 1), f"YAML syntax error: {message}")
    if error.context and error.context_mark and error.problem_mark:
        what += f" {error.context} that starts at line {error.context_mark.line + 1}"
    return Problem(
        _location(path, error.problem_mark or error.context_mark),
        f"YAML syntax error: {what}; check the indentation, colons and quotes there",
    )


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlFileError(Problem(
            Location(path, line, column),
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02X} cannot be read); "
            "save it with the UTF-8 encoding",
        )) from None


# Characters YAML does not allow in a file (YAML 1.1, 5.1), and that no editor shows.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


# ASCII characters that _CONTROL does not match.
_ASCII_ALLOWED = bytes(c for c in range(128) if not _CONTROL.match(chr(c)))


# Characters YAML reads as a line break besides LF and CRLF: every line number after one would be
# off by one from the line an editor shows.
_OTHER_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def _reject_control_characters(path: Path, text: str) -> None:
    """Characters no editor shows: a control character, or a line break other than LF and CRLF."""
    ascii_text = text.isascii()
    if ascii_text and not text.encode("ascii").translate(None, _ASCII_ALLOWED):
        found = None  # the same answer as _CONTROL's, in a third of the time
    else:
        found = _CONTROL.search(text)
    if found:
        message = (f"an invisible control character (U+{ord(found[0]):04X}) is here; delete it "
                   "(it often comes from copying text out of another program)")
    else:
        found = _OTHER_BREAK.search(text) if "\r" in text or not ascii_text else None
        if found and found[0] == "\r":
            message = ("this line ends with a carriage return alone (an old Mac line ending), which YAML reads as "
                       "another line; save the file with ordinary line endings")
        elif found:
            message = (f"an invisible line separator (U+{ord(found[0]):04X}) is here, which YAML reads as a new line; "
                       "delete it (it often comes from copying text out of a PDF or a layout program)")
    if found:
        raise YamlFileError(Problem(Location.at(path, text, found.start()), message))


def _aliases(path: Path, text: str) -> list[Problem]:
    """`*name` repeats what `&name` marked. The same entry twice would pass as one (same id,
    same place), so repetition is written out instead."""
    if "&" not in text or "*" not in text:
        return []
    return [
        Problem(_location(path, event.start_mark), f"'*{event.anchor}' repeats a value marked elsewhere "
                "(a YAML alias); write the value out in full here instead")
        for event in yaml.parse(text, Loader=_LOADER) if isinstance(event, yaml.AliasEvent)
    ]


def _reject_tab_indentation(path: Path, text: str) -> None:
    if "\t" not in text:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        indentation = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indentation:
            raise YamlFileError(Problem(
                Location(path, number, indentation.index("\t") + 1),
                "a tab is used for indentation; YAML needs spaces, so replace the tabs with spaces",
            ))


def _structural_problems(path: Path, root: yaml.Node, tagged: bool = True):
    """Unsupported tags, keys that are not names, duplicate keys. The nodes form a tree: a file
    with aliases was refused before (_aliases). `tagged`: whether the file may have tags (a
    tag, and a %TAG directive, is written with a '!'; without one, every node has its plain tag)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if tagged and node.tag not in _STANDARD_TAGS:
            yield Problem(location_of(node), f"the tag '{node.tag}' is not supported; remove it")
        if node.id == "mapping":
            pairs = node.value
            try:
                distinct_names = len({key.value for key, _ in pairs}) == len(pairs)
            except TypeError:  # a key that is a list or a group
                distinct_names = False
            if not distinct_names:
                yield from _key_problems(pairs)
            # Without tags a text value has nothing to check: only groups and lists go on the
            # stack (most values of a large file are texts).
            stack += [value for _, value in pairs if tagged or value.id != "scalar"]
        elif node.id == "sequence":
            stack += node.value


def _key_problems(pairs: list[tuple[yaml.Node, yaml.Node]]):
    """Keys of a group that are not names, and names given twice."""
    first_line: dict[str, int] = {}
    for key, _ in pairs:
        if key.id != "scalar":
            yield Problem(location_of(key), "a key must be a plain name, not a list or a group")
        elif key.value in first_line:
            yield Problem(
                location_of(key),
                f"duplicate key '{key.value}' (first at line {first_line[key.value]}); keep only one",
            )
        else:
            first_line[key.value] = key.start_mark.line + 1


def named(group: yaml.Node | None, name: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(key node, value node) of `name` in a group of 'name: value' lines, or (None, None)."""
    if isinstance(group, yaml.MappingNode):
        for key, value in group.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return key, value
    return None, None


def plugin_item(plugins: yaml.Node | None, name: str) -> yaml.Node | None:
    """The item of a settings file's `plugins:` list that names `name` (`- name` or `- name: {...}`),
    or the whole group when the plugins are written as one (`plugins: {name: {...}}`)."""
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else (plugins,):
        if (isinstance(item, yaml.ScalarNode) and item.value == name) or named(item, name)[0] is not None:
            return item
    return None


def syntax_problem(path: Path) -> str | None:
    """What keeps a file from being read as YAML, told as for the content's files (file:line:column,
    in plain words), or None when it reads: for a settings file another program read first."""
    try:
        read_yaml(path, {})
    except YamlFileError as error:
        return str(error)
    return None


def read_root(path: Path, reading) -> yaml.Node | None:
    """A file's root node, its problems added to `reading` (a model.fields.Reading); None when
    the file cannot be read as YAML at all."""
    try:
        root, problems = read_yaml(path, reading.sources)
    except YamlFileError as error:
        reading.problems += error.problems
        return None
    reading.problems += problems
    return root
