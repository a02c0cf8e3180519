"""Compiled Jinja templates kept between builds, so that a build does not compile the same
templates again (the guide's page templates and the theme's: a fifth of a small build's time).

It is Jinja's own FileSystemBytecodeCache in Jinja's own folder (in the system's temporary
folder, private to the user, checked by Jinja), and as safe as the compiler: an entry is used
only for the exact text it was compiled from, and a template whose text changed is compiled
again. A cache that cannot be used (no safe folder, a full disk, a damaged entry) is skipped:
the build then compiles the templates, as it would without one.
"""
from __future__ import annotations

import functools

import jinja2


class _SkippedWhenBroken(jinja2.FileSystemBytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


@functools.lru_cache(maxsize=1)
def template_cache() -> jinja2.BytecodeCache | None:
    try:
        return _SkippedWhenBroken()
    except (OSError, RuntimeError):  # Jinja found no folder it considers safe
        return None
