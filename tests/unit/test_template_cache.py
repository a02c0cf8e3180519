"""Compiled templates kept between builds are used only where they were compiled the same way."""
from __future__ import annotations

import jinja2

from generator.rendering.template_cache import _TemplateCache

TEMPLATE = "{{ 'x'|shout }}"


def render(cache, shout, **options) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({"page": TEMPLATE}), bytecode_cache=cache, **options)
    env.filters["shout"] = shout
    return env.get_template("page").render(name="Ana")


def test_a_template_is_compiled_once_and_then_read_from_the_cache(tmp_path):
    cache = _TemplateCache(str(tmp_path))
    assert render(cache, str.upper) == "X"
    assert len(list(tmp_path.iterdir())) == 1
    assert render(cache, str.upper) == "X"
    assert len(list(tmp_path.iterdir())) == 1


def test_the_same_text_compiled_another_way_is_not_taken_from_the_cache(tmp_path):
    cache = _TemplateCache(str(tmp_path))
    assert render(cache, str.upper) == "X"
    # A filter that now takes the context is called differently by the compiled code.
    assert render(cache, jinja2.pass_context(lambda context, value: value + context["name"])) == "xAna"
    assert render(cache, str.upper, autoescape=True) == "X"
    assert len(list(tmp_path.iterdir())) == 3


def test_a_damaged_entry_is_compiled_again(tmp_path):
    cache = _TemplateCache(str(tmp_path))
    render(cache, str.upper)
    for entry in tmp_path.iterdir():
        entry.write_bytes(entry.read_bytes()[:20])
    assert render(cache, str.upper) == "X"
