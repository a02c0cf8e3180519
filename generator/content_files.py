"""Which files a build reads: regular files inside the guide's own folders, nothing else.

A symbolic link (to a file or a folder anywhere on the disk), a device, a pipe or a socket
under content/ is never followed, read or published: a pipe would hang the build, a device
exhaust its memory, and a link could publish any file of the machine. Each is reported where
it is, as is a folder that cannot be read or a folder named like a file.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import Location, Problem

YAML_SUFFIXES = (".yml", ".yaml")


def _problem(path: Path, message: str) -> Problem:
    return Problem(Location(path, 1, 1), message)


def kind_problem(path: Path) -> Problem | None:
    """Why the guide will not read this path as a file, or None when it is a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return _problem(path, "this file is missing")
    except OSError as error:
        return _problem(path, f"this file cannot be read ({error.strerror.lower()}); check its permissions")
    if stat.S_ISLNK(mode):
        return _problem(path, "this is a link to another file or folder; the guide reads only files inside its "
                              "own folder, so copy the file here instead of linking to it")
    if stat.S_ISDIR(mode):
        return _problem(path, "this is a folder, but the guide expects a file here; rename the folder or move "
                              "its files out")
    if not stat.S_ISREG(mode):
        return _problem(path, "this is not an ordinary file (a device, a pipe or a socket); remove it")
    return None


def read_bytes(path: Path) -> bytes:
    """A regular file's content; raises ProblemError naming the path otherwise."""
    problem = kind_problem(path)
    if problem:
        raise ProblemError(problem)
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ProblemError(_problem(path, f"this file cannot be read ({(error.strerror or str(error)).lower()}); "
                                          "check its permissions")) from None


class ProblemError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def files_below(folder: Path, suffixes: tuple[str, ...] | None = None) -> tuple[list[Path], list[Problem]]:
    """The regular files below a folder (with one of `suffixes`, when given), sorted, and a problem
    for each entry that is not one: links, special files, unreadable folders, and folders whose
    name ends in one of the suffixes. Hidden entries (starting with '.') are skipped."""
    files, problems = [], []
    pending = [Path(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(_problem(current, f"this folder cannot be read ({(error.strerror or str(error)).lower()}); "
                                              "check its permissions"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            wanted = suffixes is None or path.suffix in suffixes
            if entry.is_dir(follow_symlinks=False):
                if suffixes is not None and wanted:
                    problems.append(kind_problem(path))
                pending.append(path)
            elif entry.is_file(follow_symlinks=False):
                if wanted:
                    files.append(path)
            elif wanted or entry.is_symlink():
                problems.append(kind_problem(path))
    return sorted(files), problems


def is_inside(path: Path, folder: Path) -> bool:
    """Whether path is the folder or lies below it, both resolved."""
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents
