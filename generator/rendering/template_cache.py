"""Compiled Jinja templates kept between builds, so that a build does not compile the same
templates again (the guide's page templates and the theme's: a fifth of a small build's time).

It is Jinja's own FileSystemBytecodeCache in Jinja's own folder (in the system's temporary
folder, private to the user, checked by Jinja). An entry is used only for the same template
text compiled the same way: Jinja checks the text, and the entry's key here also holds all
else the compiled code depends on (the Jinja version, the syntax and output settings, the
extensions, and how each filter and test is called: a filter that takes the context is
compiled differently). A cache that cannot be used (no safe folder, a full disk, a damaged
entry) is skipped: the build then compiles the templates, as it would without one.
"""
from __future__ import annotations

import functools
import hashlib

import jinja2
from jinja2.bccache import Bucket


def _called_as(function) -> str:
    return str(getattr(function, "jinja_pass_arg", None))  # set by @pass_context and the like


def compiled_with(env: jinja2.Environment) -> str:
    """Everything besides a template's text that its compiled code depends on."""
    settings = (
        jinja2.__version__, type(env).__qualname__, env.is_async, env.optimized, env.sandboxed,
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.autoescape if isinstance(env.autoescape, bool) else _qualified(env.autoescape),
        _called_as(env.finalize) if env.finalize else None, sorted(env.extensions),
        sorted((name, _called_as(f)) for name, f in env.filters.items()),
        sorted((name, _called_as(f)) for name, f in env.tests.items()),
    )
    return hashlib.sha256(repr(settings).encode()).hexdigest()


def _qualified(function) -> str:
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', repr(function))}"


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    def get_bucket(self, environment, name, filename, source) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(f"{name}|{compiled_with(environment)}", filename),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


@functools.lru_cache(maxsize=1)
def template_cache() -> jinja2.BytecodeCache | None:
    try:
        return _TemplateCache()
    except (OSError, RuntimeError):  # Jinja found no folder it considers safe
        return None
