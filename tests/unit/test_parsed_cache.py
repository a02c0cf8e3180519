"""YAML files read before are kept as their nodes (loading/parsed_cache.py): a load from the cache
gives exactly what reading the files gives, every check still runs on every load, and an entry
that is stale, damaged or in a folder others may enter is never used."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml

from generator.loading import parsed_cache, yaml_source
from generator.loading.loader import load_knowledge_base
from generator.loading.sources import GuideSources, load_guides
from generator.problems import ContentError

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "tests" / "fixtures" / "translations"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A cache of its own, in a temporary folder of this test; every file of any size kept."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(parsed_cache, "CACHED_FROM", 0)
    return tmp_path / "tmp" / f"followup-guide-yaml-{os.getuid()}"


def without_composing(monkeypatch):
    """From now on a file can only be read from the cache."""
    def refuse(*args, **kwargs):
        raise AssertionError("composed, not read from the cache")
    monkeypatch.setattr(yaml_source.yaml, "compose", refuse)


def outcome(load) -> str:
    """Everything a load gives: the model (its entries with their positions, the warnings, the
    links with theirs), or every problem."""
    try:
        kb = load()
    except ContentError as error:
        return "problems:\n" + str(error)
    if isinstance(kb, dict):
        return "\n".join(f"{language}: {outcome(lambda: pair[0])}" for language, pair in kb.items())
    marked = [(entry.id, name, value.language) for entry in kb.entries.values()
              for name, value in vars(entry).items() if hasattr(value, "language")]
    return "\n".join(map(repr, (kb, [(e.location, e.changed_at, e) for e in kb.entries.values()],
                                [(t.location, t) for t in kb.templates], kb.warnings, kb.links, marked)))


def guide(tmp_path: Path, entries: int = 200) -> Path:
    """The default content with a large advice file of its own."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    lines = ["entries:"]
    for number in range(entries):
        lines += [f"  - id: extra-{number}", "    kind: do", "    phase: afterwards", f"    title: Step {number}",
                  f"    summary: 'Number {number}.'", "    body: |", "      A [link](https://example.org/) and *more*.",
                  f"    checklist: \"Do step {number}\""]
    (content / "advice" / "extra.yml").write_text("\n".join(lines) + "\n")
    return content


def test_a_file_is_kept_once_read_unchanged_twice_and_then_read_from_the_cache(tmp_path, cache, monkeypatch):
    content = guide(tmp_path)
    first = outcome(lambda: load_knowledge_base(content))
    entries = sorted(cache.iterdir())
    assert entries and all(path.stat().st_size == 0 for path in entries)  # read once: only noted
    assert outcome(lambda: load_knowledge_base(content)) == first
    assert all(path.stat().st_size > 0 for path in cache.iterdir())  # read unchanged again: kept
    without_composing(monkeypatch)
    assert outcome(lambda: load_knowledge_base(content)) == first
    assert sorted(cache.iterdir()) == entries


@pytest.mark.parametrize("case", sorted(path.name for path in TRANSLATIONS.iterdir()))
def test_a_guide_in_two_languages_with_an_overlay_loads_the_same_from_the_cache(case, tmp_path, cache, monkeypatch):
    """Merged, changed and translated nodes, and untranslated texts shown anyway (or reported)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(TRANSLATIONS / case / "overlay", tmp_path / "overlay")
    monkeypatch.chdir(tmp_path)

    def both_ways() -> list[str]:
        return [outcome(lambda: load_guides(GuideSources(Path("content"), Path("overlay"), None, None, ("en", "es"),
                                                         fallback=fallback))) for fallback in (False, True)]

    with monkeypatch.context() as without_cache:
        without_cache.setattr(parsed_cache, "cache_folder", lambda: None)
        plain = both_ways()
    assert both_ways() == plain  # (each file is read several times: then kept)
    without_composing(monkeypatch)
    assert both_ways() == plain


TEXTS = [
    "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e, f: [g]}\n",
    "- one\n- |\n  block\n  text\n- >\n  folded\n- ''\n-\n- \"\"\n",
    "tagged: !!str 12\nother: !x y\nlist: !!seq [a]\n",
    "crlf: a\r\nnext: b\r\n",
    "unicode: é ü 日本\nafter: x\n",
    "separators: \"a\u2028b\"\nnel: \"c\x85d\"\nafter: x\n",  # line breaks to YAML, not to str.count("\\n")
    "dup: 1\ndup: 2\n? [complex, key]\n: value\n",
    "'quoted key': v\n\"former_\\x69ds\": [x]\n",
    "same: 1\n'same': 2\n",  # the same key, plain and quoted
    "empty:\nnull: ~\n",
    "just text\n",
]


def same_nodes(composed: yaml.Node, cached: yaml.Node) -> None:
    assert isinstance(cached, type(composed))
    assert (cached.id, cached.tag, getattr(cached, "style", None), getattr(cached, "flow_style", None)) == (
        composed.id, composed.tag, getattr(composed, "style", None), getattr(composed, "flow_style", None))
    for name in ("start_mark", "end_mark"):
        a, b = getattr(composed, name), getattr(cached, name)
        assert (a.name, a.index, a.line, a.column) == (b.name, b.index, b.line, b.column), name
    if composed.id == "scalar":
        assert cached.value == composed.value
    else:
        assert len(cached.value) == len(composed.value)
        for a, b in zip(composed.value, cached.value):
            if composed.id == "mapping":
                same_nodes(a[0], b[0])
                same_nodes(a[1], b[1])
            else:
                same_nodes(a, b)


@pytest.mark.parametrize("text", TEXTS)
def test_nodes_from_the_cache_are_the_composed_nodes(text, cache):
    composed = yaml.compose(yaml_source._NamedText(text, "f.yml"), Loader=yaml_source._LOADER)
    key = parsed_cache._key(text)
    cached, keys_distinct = parsed_cache._decode(parsed_cache._encode(composed, key), key, "f.yml")
    same_nodes(composed, cached)
    if keys_distinct:  # the structural check, skipped then, would find nothing to report
        assert not list(yaml_source._structural_problems(Path("f.yml"), composed, tagged=False))
    # and so the same problems of the file's structure
    problems = [str(p) for p in yaml_source._structural_problems(Path("f.yml"), composed)]
    assert [str(p) for p in yaml_source._structural_problems(Path("f.yml"), cached)] == problems


def test_plain_distinct_keys_are_seen_as_such():
    text = (ROOT / "content" / "guide.yml").read_text(encoding="utf-8")
    composed = yaml.compose(yaml_source._NamedText(text, "guide.yml"), Loader=yaml_source._LOADER)
    key = parsed_cache._key(text)
    assert parsed_cache._decode(parsed_cache._encode(composed, key), key, "guide.yml")[1]
    twice = yaml.compose(yaml_source._NamedText(text + "\ntitle: again\n", "guide.yml"), Loader=yaml_source._LOADER)
    assert not parsed_cache._decode(parsed_cache._encode(twice, key), key, "guide.yml")[1]


def test_a_changed_file_is_read_again(tmp_path, cache, monkeypatch):
    content = guide(tmp_path)
    for _ in range(2):
        load_knowledge_base(content)
    advice = content / "advice" / "extra.yml"
    advice.write_text(advice.read_text().replace("    kind: do\n", "    kind: maybe\n", 1))
    with pytest.raises(ContentError) as raised:
        load_knowledge_base(content)
    assert [p.message for p in raised.value.problems] == ["'kind' must be 'do' or 'don't', not 'maybe'"]
    assert (raised.value.problems[0].location.path, raised.value.problems[0].location.line) == (advice, 3)


def test_every_check_runs_on_nodes_from_the_cache(tmp_path, cache, monkeypatch):
    """A file with problems of its structure is kept like any other; its problems are found every time."""
    content = guide(tmp_path)
    advice = content / "advice" / "extra.yml"
    advice.write_text(advice.read_text().replace("    kind: do\n", "    kind: do\n    kind: do\n", 1)
                      .replace("    title: Step 3\n", "    title: !x Step 3\n"))
    plain = outcome(lambda: load_knowledge_base(content))
    assert "duplicate key 'kind'" in plain and "the tag '!x' is not supported" in plain
    assert outcome(lambda: load_knowledge_base(content)) == plain
    without_composing(monkeypatch)
    assert outcome(lambda: load_knowledge_base(content)) == plain


@pytest.mark.parametrize("damage", ["truncated", "garbage", "another text", "a folder"])
def test_a_damaged_entry_is_ignored(damage, tmp_path, cache):
    content = guide(tmp_path)
    plain = outcome(lambda: load_knowledge_base(content))
    load_knowledge_base(content)
    entry = max(cache.iterdir(), key=lambda path: path.stat().st_size)
    other = sorted(path for path in cache.iterdir() if path != entry and path.stat().st_size)[0]
    if damage == "truncated":
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    elif damage == "garbage":
        entry.write_bytes(os.urandom(4096))
    elif damage == "another text":
        entry.write_bytes(other.read_bytes())
    else:
        entry.unlink()
        entry.mkdir()
    assert outcome(lambda: load_knowledge_base(content)) == plain
    if damage != "a folder":
        assert parsed_cache._cached(entry.read_bytes(), entry.name, "x").root is not None  # written again, whole
    assert outcome(lambda: load_knowledge_base(content)) == plain


def test_no_cache_in_a_folder_others_may_enter(tmp_path, cache, monkeypatch):
    cache.mkdir(mode=0o700)
    os.chmod(cache, 0o777)
    content = guide(tmp_path)
    plain = outcome(lambda: load_knowledge_base(content))
    assert parsed_cache.cache_folder() is None
    assert list(cache.iterdir()) == []
    assert outcome(lambda: load_knowledge_base(content)) == plain


def test_small_files_are_not_kept(tmp_path, cache, monkeypatch):
    monkeypatch.setattr(parsed_cache, "CACHED_FROM", 16_000)
    content = guide(tmp_path, entries=200)
    for _ in range(2):
        load_knowledge_base(content)
    texts = [path.read_text(encoding="utf-8") for path in [content / "guide.yml", content / "message-templates.yml",
                                                            *(content / "advice").glob("*.yml")]]
    large = {parsed_cache._key(text) for text in texts if len(text) >= 16_000}
    assert large and len(large) < len(texts)
    assert {path.name for path in cache.iterdir()} == large


def test_a_file_too_deep_to_keep_is_read_as_without_a_cache(tmp_path, cache):
    content = guide(tmp_path)
    (content / "advice" / "deep.yml").write_text("entries: []\nnotes: " + "[" * 999 + "]" * 999 + "\n")
    plain = outcome(lambda: load_knowledge_base(content))
    assert "unknown field 'notes'" in plain
    for _ in range(2):
        assert outcome(lambda: load_knowledge_base(content)) == plain
