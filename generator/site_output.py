"""Where a build writes the site, so that nothing is ever lost.

- The output folder is refused when it is, or holds, anything the build reads (the project,
  content/, an overlay, the theme, a settings or branding file), when it lies inside a folder
  of content, or when it already holds files that are not a site this tool built.
- The new site is built in a staging folder beside the output folder and swapped in whole:
  on Linux and macOS in one atomic step (the two folders exchange names), elsewhere in two
  renames that the next build completes if it was interrupted between them. At every moment
  the output folder holds the previous site or the new one, complete.
- Leftovers of a killed build (staging folders, an unfinished zip) carry the process id that
  made them, and the next build removes them once that process is gone. Nothing else is removed.
"""
from __future__ import annotations

import ctypes
import os
import re
import shutil
import sys
import uuid
import zipfile
from pathlib import Path

from .rendering.assets import SCRIPT_BUNDLE


class OutputError(Exception):
    """The output folder cannot be used; nothing was written or removed."""


def check_output_folder(target: Path, reads: list[Path], content_folders: list[Path]) -> None:
    """Refuse an output folder that is or contains something the build reads (`reads`: files and
    folders), or that lies inside a folder of content, or that holds files of its own."""
    if Path(target).is_symlink():  # (resolved below, it would be the folder it points to)
        raise OutputError(f"{target} is a link to another folder; give that folder itself for the site")
    target = Path(target).resolve()
    for path in map(lambda p: Path(p).resolve(), reads):
        if target == path or target in path.parents:
            raise OutputError(f"{target} would replace {path}, which the build reads; choose another folder "
                              "for the site (the usual one is 'site' next to mkdocs.yml)")
    for folder in map(lambda p: Path(p).resolve(), content_folders):
        if folder in target.parents:
            raise OutputError(f"{target} is inside {folder}, where the guide's content is; choose a folder "
                              "for the site outside it")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is not a folder; choose a folder for the site")
    if target.is_dir() and any(target.iterdir()) and not (target / SCRIPT_BUNDLE).is_file():
        raise OutputError(f"{target} already holds files that are not a guide built by followup-guide, and "
                          "building there would delete them; choose an empty or new folder")


def _leftover_pattern(target: Path) -> re.Pattern:
    return re.compile(rf"\.{re.escape(target.name)}-(staging|previous|zip)-(\d+)-[0-9a-f]{{8}}")


def _leftover_name(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}-{kind}-{os.getpid()}-{uuid.uuid4().hex[:8]}")


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_up_after_killed_builds(target: Path) -> None:
    """Finish what a killed build left: restore a previous site it had moved away (two-rename
    swap only), then remove its staging folders and unfinished zips."""
    pattern = _leftover_pattern(target)
    leftovers = sorted(
        (match[1], path) for path in target.parent.iterdir()
        if (match := pattern.fullmatch(path.name)) and not _running(int(match[2]))
    )
    for kind, path in leftovers:
        if kind == "previous" and not target.exists():
            path.rename(target)
        elif kind == "zip":
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)


def staging_folder(target: Path) -> Path:
    staging = _leftover_name(target, "staging")
    staging.mkdir()
    return staging


def swap_in(staging: Path, target: Path) -> None:
    """Put the staging folder in the target's place; the old site is removed afterwards."""
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)  # now the previous site
        return
    previous = _leftover_name(target, "previous")
    target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders' names in one step (Linux renameat2, macOS renamex_np); False where the
    system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
            at_fdcwd, rename_exchange = -100, 2
            return libc.renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0
        if sys.platform == "darwin" and hasattr(libc, "renamex_np"):
            rename_swap = 2
            return libc.renamex_np(os.fsencode(first), os.fsencode(second), rename_swap) == 0
    except OSError:
        pass
    return False


def write_zip(site_dir: Path) -> Path:
    """The site as a zip file next to it, byte-identical for the same site. The previous zip stays
    whole until the new one is complete."""
    archive = site_dir.with_name(site_dir.name + ".zip")
    partial = _leftover_name(site_dir, "zip")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(path.relative_to(site_dir).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                zipped.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
        os.replace(partial, archive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return archive
