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

import collections as collections_module
import errno
import functools
import itertools
import marshal
import os
import stat
import sys
from array import array
from pathlib import Path
from typing import NamedTuple

import yaml

# The composer's own kind of mark: libyaml's, made in C, when PyYAML has it.
Mark = yaml._yaml.Mark if getattr(yaml, "__with_libyaml__", False) else yaml.error.Mark

FORMAT = 2  # the layout of an entry (_encode)
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
    import hashlib
    here = Path(__file__).resolve().parent
    code = b"".join((here / name).read_bytes() for name in ("parsed_cache.py", "yaml_source.py"))
    libyaml = yaml._yaml.get_version_string() if getattr(yaml, "__with_libyaml__", False) else "none"
    return repr((FORMAT, yaml.__version__, libyaml, marshal.version, sys.version,
                 hashlib.sha256(code).hexdigest())).encode()


def _key(text: str) -> str:
    import hashlib  # (here: a guide of small files, which the cache skips, never imports it)

    key = hashlib.sha256(_depends_on())  # (SHA-256: in the processor's own instructions where it has them)
    key.update(text.encode("utf-8", "surrogatepass"))
    return key.hexdigest()


def cache_folder() -> Path | None:
    """The user's private folder for the cache in the system's temporary folder (checked as Jinja
    checks its own), or None when there is no such folder that is safe to use."""
    import tempfile  # (imported only when a file is large enough to be cached: it takes a while)

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
    except (ValueError, OverflowError, RecursionError):  # (a mark past 2**32; lists inside lists ~1,000 deep)
        return
    temporary = folder / f"{key}.{os.getpid()}.tmp"
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)  # never half an entry under its name
    except OSError:
        temporary.unlink(missing_ok=True)


def _encode(root: yaml.Node, key: str) -> bytes:
    """The nodes in marshal's own types, laid out so that they are made again with few steps of
    Python: the text of every scalar, in the order of a walk from the root; the style and tag
    of each scalar that is not a plain text; each group and list, after the groups and lists
    inside it, as (kind, tag or None, flow style, its items), an item being the number of a
    scalar, or ~the number of a group or list (a group's items are its keys and values in
    turn); the root, as an item; and the marks of the scalars, and of the groups and lists, each
    as an array of numbers: start index, line, column, end index, line, column."""
    texts, styled, collections = [], [], []
    scalar_marks, collection_marks = array("I"), array("I")

    def item(node) -> int:
        start, end = node.start_mark, node.end_mark
        marks = (start.index, start.line, start.column, end.index, end.line, end.column)
        if isinstance(node, yaml.ScalarNode):
            texts.append(node.value)
            scalar_marks.extend(marks)
            if node.style != _PLAIN or node.tag != _STR:
                styled.append((len(texts) - 1, node.style, node.tag))
            return len(texts) - 1
        if isinstance(node, yaml.SequenceNode):
            kind, plain_tag, items = _SEQUENCE, _SEQ, [item(child) for child in node.value]
        else:
            kind, plain_tag, items = _MAPPING, _MAP, [number for key, value in node.value
                                                      for number in (item(key), item(value))]
        collections.append((kind, None if node.tag == plain_tag else node.tag, node.flow_style, items))
        collection_marks.extend(marks)
        return ~(len(collections) - 1)

    root_item = item(root)
    return marshal.dumps((FORMAT, key, texts, styled, collections, root_item,
                          scalar_marks.tobytes(), collection_marks.tobytes()))


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


def _node_classes(file: str, scalar_marks: array, collection_marks: array) -> tuple[type, type, type]:
    """The three kinds of node of one file read from the cache: each knows the file's name and
    marks, and gives the composer's defaults (a plain tag, the plain style)."""
    shared = {"_file": file, "start_mark": _LazyMark("start_mark", 0), "end_mark": _LazyMark("end_mark", 3),
              "__slots__": ("_number",)}  # (a slot: set on every node, it is set many times faster than an attribute)
    return (type("CachedScalarNode", (yaml.ScalarNode,), {**shared, "_marks": scalar_marks, "tag": _STR,
                                                          "style": _PLAIN}),
            type("CachedSequenceNode", (yaml.SequenceNode,), {**shared, "_marks": collection_marks, "tag": _SEQ}),
            type("CachedMappingNode", (yaml.MappingNode,), {**shared, "_marks": collection_marks, "tag": _MAP}))


def _decode(data: bytes, key: str, file: str) -> tuple[yaml.Node, bool]:
    """The root node, and whether every group's keys are distinct plain texts."""
    layout, stored_key, texts, styled, collections, root_item, raw_scalar_marks, raw_collection_marks = \
        marshal.loads(data)
    if layout != FORMAT or stored_key != key:
        raise ValueError("an entry for other text")
    scalar_marks, collection_marks = array("I"), array("I")
    scalar_marks.frombytes(raw_scalar_marks)
    collection_marks.frombytes(raw_collection_marks)
    if len(scalar_marks) != 6 * len(texts) or len(collection_marks) != 6 * len(collections):
        raise ValueError("marks and nodes do not match")
    scalar, sequence, mapping = _node_classes(file, scalar_marks, collection_marks)
    new = object.__new__
    # The scalars, most of the nodes, made and filled in by loops in C (map), not one step of Python each.
    scalars = list(map(new, itertools.repeat(scalar, len(texts))))
    collections_deque = collections_module.deque
    collections_deque(map(setattr, scalars, itertools.repeat("value"), texts), 0)
    collections_deque(map(setattr, scalars, itertools.repeat("_number"), range(len(texts))), 0)
    for number, style, tag in styled:
        node = scalars[number]
        node.style = style
        node.tag = tag
    not_plain = {number for number, _, _ in styled}
    keys_distinct = True
    made = []
    for number, (kind, tag, flow_style, items) in enumerate(collections):
        children = [scalars[item] if item >= 0 else made[~item] for item in items]
        if kind == _SEQUENCE:
            node = new(sequence)
            node.value = children
        else:
            node = new(mapping)
            pairs = iter(children)
            node.value = list(zip(pairs, pairs))
            if keys_distinct:  # keys given twice, or not all plain texts: for the structural check
                keys = items[::2]
                keys_distinct = (min(keys, default=0) >= 0 and not_plain.isdisjoint(keys)
                                 and len({texts[key] for key in keys}) == len(keys))
        node._number = number
        node.flow_style = flow_style
        if tag is not None:
            node.tag = tag
        made.append(node)
    return (scalars[root_item] if root_item >= 0 else made[~root_item]), keys_distinct
