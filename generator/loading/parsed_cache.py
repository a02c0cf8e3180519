"""YAML files read before, kept between loads as their located nodes: reading a large file again
costs a third of composing it.

Only the reading is kept, never a verdict: the file's text is still read and checked (control
characters, tabs, aliases), the structural checks (tags, duplicate keys) still walk the nodes,
and every record is still validated from them. A file is kept once it has been read unchanged a
second time, so that the one an editor is changing is not written out again on every save.

Where, and when an entry is used, follow the compiled-template cache (rendering/template_cache.py):
a folder of the system's temporary folder, private to the user (created with mode 0700, and
used only if it is a folder the user owns that nobody else may enter); an entry's name is a hash
of the file's text and of all else the nodes depend on (this module's and yaml_source's code,
PyYAML's and libyaml's versions, Python's); an entry that cannot be read, is damaged or is for
other text is ignored, and the file is composed as without a cache. A folder that cannot be
used (unsafe, read-only, full) means no cache.

The nodes read from an entry are the composer's kinds of node (isinstance of yaml.ScalarNode,
SequenceNode, MappingNode) with the same tag, value, style and marks; a mark (name, index,
line, column) is made only when something asks for it: valid content asks for few.
"""
from __future__ import annotations

import errno
import functools
import hashlib
import itertools
import marshal
import os
import stat
import sys
import tempfile
from array import array
from pathlib import Path
from typing import NamedTuple

import yaml

# The composer's own kind of mark: libyaml's, made in C, when PyYAML has it.
Mark = yaml._yaml.Mark if getattr(yaml, "__with_libyaml__", False) else yaml.error.Mark

FORMAT = 1  # the layout of an entry below
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_SEQUENCE, _MAPPING = 0, 1  # the first item of a collection's list in an entry
_PLAIN = ""  # the style libyaml's composer gives a plain scalar (PyYAML's own gives None: kept as any other)
_SEEN = b""  # an entry that says only: this text was read once
# Smaller files are composed in about a millisecond, and a cache would keep an entry for each:
# a hand-written page's front matter, a center's changes.yml.
CACHED_FROM = 16_000  # characters


@functools.lru_cache(maxsize=1)
def _depends_on() -> bytes:
    """All else than the text that the nodes depend on."""
    here = Path(__file__).resolve().parent
    code = b"".join((here / name).read_bytes() for name in ("parsed_cache.py", "yaml_source.py"))
    libyaml = yaml._yaml.get_version_string() if getattr(yaml, "__with_libyaml__", False) else "none"
    return repr((FORMAT, yaml.__version__, libyaml, marshal.version, sys.version,
                 hashlib.sha256(code).hexdigest())).encode()


def _key(text: str) -> str:
    return hashlib.sha256(_depends_on() + text.encode("utf-8", "surrogatepass")).hexdigest()


def cache_folder() -> Path | None:
    """The user's private folder for the cache in the system's temporary folder (checked as Jinja
    checks its own), or None when there is no such folder that is safe to use."""
    if not hasattr(os, "getuid"):
        return None
    folder = os.path.join(tempfile.gettempdir(), f"followup-guide-yaml-{os.getuid()}")
    try:
        os.mkdir(folder, stat.S_IRWXU)
    except OSError as error:
        if error.errno != errno.EEXIST:
            return None
    try:
        found = os.lstat(folder)
    except OSError:
        return None
    if (found.st_uid != os.getuid() or not stat.S_ISDIR(found.st_mode)
            or stat.S_IMODE(found.st_mode) != stat.S_IRWXU):
        return None
    return Path(folder)


class Cached(NamedTuple):
    root: yaml.Node | None  # the file's root node from the cache; None when it has none
    key: str | None  # the entry's key, for `remember`; None when there is no cache to use
    # Every group's keys were seen to be distinct plain texts as the nodes were made: the
    # structural check (yaml_source) would find no key to report.
    keys_distinct: bool = False


def read_cached(text: str, name: str) -> Cached:
    """The nodes of a file's text, named `name`, if the cache has them."""
    if len(text) < CACHED_FROM:
        return Cached(None, None)
    folder = cache_folder()
    if folder is None:
        return Cached(None, None)
    key = _key(text)
    try:
        data = (folder / key).read_bytes()
    except OSError:
        return Cached(None, key)
    if data == _SEEN:
        return Cached(None, key)
    try:
        return _cached(data, key, name)
    except Exception:  # a damaged entry, or one for other text: read the file itself
        return Cached(None, key)


def _cached(data: bytes, key: str, name: str) -> Cached:
    root, keys_distinct = _decode(data, key, name)
    return Cached(root, key, keys_distinct)


def remember(key: str | None, root: yaml.Node) -> None:
    """Keeps a file's nodes under `key` (from read_cached) once the file has been read unchanged
    before; the first time, notes that it was read. A cache that cannot be written is skipped."""
    folder = cache_folder() if key is not None else None
    if folder is None:
        return
    path = folder / key
    try:
        if not path.exists():
            data = _SEEN
        else:
            data = _encode(root, key)
            if data is None:
                return
    except (ValueError, OverflowError):  # (a mark past 2**32)
        return
    temporary = folder / f"{key}.{os.getpid()}.tmp"
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)  # never half an entry under its name
    except OSError:
        temporary.unlink(missing_ok=True)


def _encode(root: yaml.Node, key: str) -> bytes | None:
    """The nodes as nested lists (marshal's own types) and their marks as one array of numbers:
    start index, line, column, end index, line, column of each node, in the order of a walk
    from the root. A plain scalar is its text; any other scalar (value, style, tag); a group or list
    [kind, tag or None, flow style, items...]; a group's items are its keys and values in turn."""
    marks = array("I")
    add = marks.extend

    def encoded(node):
        start, end = node.start_mark, node.end_mark
        add((start.index, start.line, start.column, end.index, end.line, end.column))
        value = node.value
        if isinstance(node, yaml.ScalarNode):
            return value if node.style == _PLAIN and node.tag == _STR else (value, node.style, node.tag)
        if isinstance(node, yaml.SequenceNode):
            return [_SEQUENCE, None if node.tag == _SEQ else node.tag, node.flow_style, *map(encoded, value)]
        items = [_MAPPING, None if node.tag == _MAP else node.tag, node.flow_style]
        for pair in value:
            items += map(encoded, pair)
        return items

    return marshal.dumps((FORMAT, key, encoded(root), marks.tobytes()))


class _LazyMark:
    """A node's start_mark or end_mark, made from the file's array of numbers when first asked
    for (then kept on the node, which this descriptor, having no __set__, lets win)."""

    def __init__(self, name: str, offset: int):
        self.name = name
        self.offset = offset

    def __get__(self, node, owner=None):
        if node is None:
            return self
        at = node._number * 6 + self.offset
        numbers = owner._marks
        mark = Mark(owner._file, numbers[at], numbers[at + 1], numbers[at + 2], None, None)
        setattr(node, self.name, mark)
        return mark


def _node_classes(file: str, marks: array) -> tuple[type, type, type]:
    """The three kinds of node of one file read from the cache: each knows the file's name and
    marks, and gives the composer's defaults (a plain tag, the plain style)."""
    shared = {"_file": file, "_marks": marks, "start_mark": _LazyMark("start_mark", 0),
              "end_mark": _LazyMark("end_mark", 3), "__slots__": ()}
    return (type("CachedScalarNode", (yaml.ScalarNode,), {**shared, "tag": _STR, "style": _PLAIN}),
            type("CachedSequenceNode", (yaml.SequenceNode,), {**shared, "tag": _SEQ}),
            type("CachedMappingNode", (yaml.MappingNode,), {**shared, "tag": _MAP}))


def _decode(data: bytes, key: str, file: str) -> tuple[yaml.Node, bool]:
    """The root node, and whether every group's keys are distinct plain texts."""
    layout, stored_key, tree, raw_marks = marshal.loads(data)
    if layout != FORMAT or stored_key != key:
        raise ValueError("an entry for other text")
    marks = array("I")
    marks.frombytes(raw_marks)
    scalar, sequence, mapping = _node_classes(file, marks)
    new = object.__new__
    numbers = itertools.count()
    doubtful_keys = []
    count = itertools.islice

    def decoded(item):
        if item.__class__ is str:
            node = new(scalar)
            node._number = next(numbers)
            node.value = item
            return node
        node_number = next(numbers)
        if item.__class__ is tuple:
            node = new(scalar)
            node.value, node.style, node.tag = item
        elif item[0] == _SEQUENCE:
            node = new(sequence)
            node.value = [decoded(child) for child in count(item, 3, None)]
        else:
            node = new(mapping)
            keys = item[3::2]
            names = set(keys) if list not in map(type, keys) else ()  # (a key that is a list or group)
            if len(names) != len(keys) or not all(name.__class__ is str for name in names):
                doubtful_keys.append(node)  # keys given twice, or not all plain texts: for the structural check
            children = count(item, 3, None)
            node.value = [(decoded(key_item), decoded(value_item)) for key_item, value_item in zip(children, children)]
        node._number = node_number
        if item.__class__ is list:
            if item[1] is not None:
                node.tag = item[1]
            node.flow_style = item[2]
        return node

    root = decoded(tree)
    if next(numbers) * 6 != len(marks):
        raise ValueError("marks and nodes do not match")
    return root, not doubtful_keys
