"""Where a problem in the content is, and how it is told to the person editing it."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, NamedTuple


class Location(NamedTuple):
    """A place in a file; ordered by file, line, column. (A named tuple: loading makes one for
    every value it reads, and a tuple is made several times faster than a frozen dataclass.)"""

    path: Path
    line: int  # 1-based
    column: int  # 1-based

    def display(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.column}"

    @classmethod
    def at(cls, path: Path, text: str, index: int) -> "Location":
        """The line and column of the character at `index` of a file's text."""
        return cls(path, text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index))


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    label: ClassVar[str] = "warning"  # how it is shown among a guide's warnings

    def __str__(self) -> str:
        return f"{self.location.display()}: {self.message}"


class Note(Problem):
    """Worth knowing, with nothing to do now: shown among the warnings as a note, not a warning."""

    label = "note"


class ContentError(Exception):
    """The knowledge base has problems; each one is a line the editor can act on."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda problem: problem.location)  # stable: keeps field order
        super().__init__("\n".join(str(p) for p in self.problems))


class CommandError(Exception):
    """A build that failed for a reason the person running it can fix (printed without a traceback);
    the previous site is left as it was."""


@functools.lru_cache(maxsize=256)
def location_path(name: str) -> Path:
    """The path of a file by the name its nodes' marks carry (one Path object per file)."""
    return Path(name)


# Location((path, line, column)) without the named tuple's __new__, a Python function: loading
# makes one for every record, id and reference.
_new_location = functools.partial(tuple.__new__, Location)


def location_of(node) -> Location:
    """Where a YAML node starts. Nodes carry the name of their file (see loading.yaml_source),
    so a value merged from an overlay still points at the file its editor wrote."""
    mark = node.start_mark
    return _new_location((location_path(mark.name), mark.line + 1, mark.column + 1))


# What a file of the installed package is called in messages: a career center never edits it,
# and its place deep in the Python installation says nothing to them.
DEFAULT_GUIDE = "<default guide>"


def display_path(path: Path) -> str:
    """The path as the editor would type it: relative to where they are, when it is below; a
    file of the default guide inside the installed package as `<default guide>/content/...`."""
    from .package_data import packaged_part  # (no cycle: package_data imports nothing of ours)

    path = Path(path)
    part = packaged_part(path)
    if part:
        return f"{DEFAULT_GUIDE}/{part}"
    try:  # the folder resolved, not the file: a link is named as itself, not as what it leads to
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
