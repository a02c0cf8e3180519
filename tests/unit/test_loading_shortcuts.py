"""The shortcuts that make loading fast give the same results as the plain way."""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from support import content_with_be_patient_renamed

from generator.loading.loader import load_knowledge_base
from generator.loading.yaml_source import read_yaml_text
from generator.model.fields import MARKDOWN_LINK, Reading, Record, located
from generator.problems import ContentError, Location

ROOT = Path(__file__).resolve().parents[2]
TEXT = "title: a\nbody: |\n  one [x](a.md)\n\n  two {name}\r\nlast line without an end"


def test_location_at_is_location_at_for_every_character_in_any_order():
    reading = Reading(sources={"f.yml": TEXT})
    indexes = list(range(len(TEXT) + 1))
    for order in (indexes, list(reversed(indexes)), random.Random(15).sample(indexes, len(indexes))):
        for index in order:
            assert reading.location_at("f.yml", index) == Location.at(Path("f.yml"), TEXT, index), index


def test_location_at_counts_each_file_on_its_own():
    other = "\n\n\nx"
    reading = Reading(sources={"a.yml": TEXT, "b.yml": other})
    assert reading.location_at("a.yml", len(TEXT)) == Location.at(Path("a.yml"), TEXT, len(TEXT))
    assert reading.location_at("b.yml", 3) == Location(Path("b.yml"), 4, 1)
    assert reading.location_at("a.yml", 9) == Location(Path("a.yml"), 2, 1)


def test_the_link_pattern_finds_what_a_pattern_that_looks_back_first_finds():
    looking_back_first = re.compile(r"(?<!!)" + MARKDOWN_LINK.pattern.replace(r"\[(?<!!\[)", r"\[", 1))
    texts = ["[a](b.md)", "![a](b.png) and [c](d.md)", "x![a](b.png)", "[[a](b.md)", '[a]( <b.md> "t" )', "![]("]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "content").rglob("*.yml"))]
    generated = random.Random(15)
    texts += ["".join(generated.choice('![]()<> "ab.md\n') for _ in range(generated.randint(0, 16))) for _ in range(5000)]
    for text in texts:
        for start in {0, 1, len(text) // 2}:  # a search from inside a file still looks back before its start
            found = [(m.span(), m.groups()) for m in MARKDOWN_LINK.finditer(text, start)]
            assert found == [(m.span(), m.groups()) for m in looking_back_first.finditer(text, start)], (text, start)


def structure(text: str) -> list[str]:
    root, problems = read_yaml_text(Path("f.yml"), text, {})
    return [str(problem) for problem in problems]


def test_keys_that_are_not_names_and_names_given_twice_are_found_at_any_depth():
    assert structure("a:\n  - b: 1\n    c: 2\n    b: 3\n") == [
        "f.yml:4:5: duplicate key 'b' (first at line 2); keep only one"]
    assert structure("a:\n  ? [x, y]\n  : 1\n  ok: 2\n") == ["f.yml:2:5: a key must be a plain name, not a list or a group"]
    assert sorted(structure("a: {b: 1, b: 2, c: !x 3}\n")) == [
        "f.yml:1:11: duplicate key 'b' (first at line 1); keep only one",
        "f.yml:1:20: the tag '!x' is not supported; remove it"]
    assert structure("a:\n  b: 1\n  c: [1, {d: 2}]\n") == []


def reachable_nodes(value, seen=None) -> int:
    """YAML nodes reachable from a model value through records, tuples, lists and dicts."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return 0
    seen.add(id(value))
    if isinstance(value, yaml.Node):
        return 1
    if isinstance(value, Record):
        value = vars(value)
    if isinstance(value, dict):
        return sum(reachable_nodes(v, seen) for item in value.items() for v in item)
    if isinstance(value, (list, tuple)):
        return sum(reachable_nodes(v, seen) for v in value)
    return 0


def test_the_model_keeps_no_yaml_node_once_loaded():
    kb = load_knowledge_base(ROOT / "content")
    assert reachable_nodes(vars(kb)) == 0
    assert kb.entries["send-a-thank-you"].timing.of == "interview"  # the values stay


def test_a_rule_still_points_at_the_field_it_is_about(tmp_path):
    """The nodes are let go only once the rules have used them."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "advice/extra.yml").write_text(
        "entries:\n  - id: extra\n    kind: do\n    phase: afterwards\n    title: T\n    summary: S\n"
        "    body: B\n    instead: I\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_knowledge_base(content)
    assert [p.message for p in raised.value.problems] == ["only a don't has 'instead'; move this text into 'body'"]
    assert (raised.value.problems[0].location.line, raised.value.problems[0].location.column) == (8, 14)


def test_control_characters_are_found_in_ascii_text_as_in_any_text():
    from generator.loading.yaml_source import _CONTROL, YamlFileError, _reject_control_characters

    for character in [chr(c) for c in range(128) if chr(c) != "\r"] + ["\x9f", "\ufffe", "é"]:  # (line breaks: below)
        text = f"title: a{character}b\n"
        try:
            _reject_control_characters(Path("f.yml"), text)
            found = None
        except YamlFileError as error:
            found = str(error)
        expected = _CONTROL.search(text)
        assert found == (None if expected is None else (
            f"f.yml:1:9: an invisible control character (U+{ord(character):04X}) is here; delete it "
            "(it often comes from copying text out of another program)")), repr(character)


@pytest.mark.parametrize("character, message", [
    ("\r", "this line ends with a carriage return alone (an old Mac line ending), which YAML reads as another line; "
            "save the file with ordinary line endings"),
    *((c, f"an invisible line separator (U+{ord(c):04X}) is here, which YAML reads as a new line; delete it (it often "
          "comes from copying text out of a PDF or a layout program)") for c in "\x85\u2028\u2029"),
])
def test_a_line_break_an_editor_does_not_show_is_named_where_it_is(tmp_path, character, message):
    """YAML counts it as a line: every later message would name the line below the one meant."""
    from generator.loading.yaml_source import YamlFileError, read_yaml_text

    with pytest.raises(YamlFileError) as raised:
        read_yaml_text(Path("f.yml"), f"labels:\n  home: a{character}b\n  other: c\n", {})
    assert [str(p) for p in raised.value.problems] == [f"f.yml:2:10: {message}"]
    read_yaml_text(Path("f.yml"), "labels:\r\n  home: a\r\n", {})  # Windows line endings are ordinary


def text_fields():
    """Every field of every record that reads a text (Text and the types built on it), and its record."""
    from generator.model import branding, records  # noqa: F401 (every record declared)
    from generator.model.fields import Text

    def records_below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from records_below(sub)

    return [(record, key, spec) for record in records_below(Record) for key, spec in record._specs.items()
            if isinstance(spec, Text)]


TEXTS = ["", "  ", "plain", " padded ", "two\nlines", "two\n", "UPPER case", "my-id", "my--id", "fg-x", "step-1",
         "constructor", "do", "don't", "email", "3 days", "24 hours", "1 working day", "x {name} y", "{to}", "a {",
         "[link](page.md) and [out](https://example.org/)", '<span data-fg-x="1">', "#0b5394", "true", "0.5",
         "interview", "within-24-hours", "é ü", "{center-name}", "Mon, Tue, Wed, Thu, Fri, Sat, Sun"]


def test_a_text_read_in_one_step_is_read_as_the_plain_way_reads_it():
    """Text.read's one step for a text typed in the guide's files, beside FieldType.read (is it
    the right kind of node, convert, check): the same value, and the same problems, ids,
    references and links, for every text field of every record."""
    from generator.model.fields import FieldType

    fields = text_fields()
    assert len(fields) > 100
    for style in (None, '"'):
        for text in TEXTS:
            source = f"key: {text}"
            node = yaml.ScalarNode("tag:yaml.org,2002:str", text, yaml.Mark("f.yml", 5, 0, 5, None, None),
                                   yaml.Mark("f.yml", len(source), 0, len(source), None, None), style)
            for record, key, spec in fields:
                one_step, plain = Reading(sources={"f.yml": source}), Reading(sources={"f.yml": source})
                plain.renamed = one_step.renamed = {("entry", "my-id"): ("new-id", Location(Path("g.yml"), 1, 1))}
                value = spec.read(node, one_step, key)
                assert value == FieldType.read(spec, node, plain, key), (record, key, text)
                assert type(value) is type(FieldType.read(spec, node, Reading(sources={"f.yml": source}), key))
                assert ([vars(one_step)[name] for name in ("problems", "warnings", "links")]
                        == [vars(plain)[name] for name in ("problems", "warnings", "links")]), (record, key, text)
                assert [(k, v, located(w)) for k, v, w in one_step.references] == [
                    (k, v, located(w)) for k, v, w in plain.references], (record, key, text)
                assert {k: located(w) for k, w in one_step.definitions.items()} == {
                    k: located(w) for k, w in plain.definitions.items()}, (record, key, text)


def test_a_file_without_an_exclamation_mark_has_no_tags_to_check():
    """The tag check is skipped for a file without '!': every tag is written with one. (Nor are
    its text values walked: the keys of groups at any depth are checked all the same.)"""
    from generator.loading.yaml_source import _LOADER, _structural_problems

    generated = random.Random(15)
    pieces = ["a: 1\n", "b: [x, y]\n", "c: {d: 2}\n", "e:\n  - f\n", "'g': \"h\"\n", "i: |\n  j\n", "k: !!str 3\n",
              "l: !x 4\n", "%TAG ! tag:x,2000:\n---\n", "m: !<tag:yaml.org,2002:str> n\n", "o: '!'\n",
              "p:\n  q: 1\n  q: 2\n", "r:\n  - s: {t: 1, t: 2}\n    ? [u]\n    : v\n"]
    for _ in range(400):
        text = "".join(generated.sample(pieces, generated.randint(1, 5)))
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:
            continue
        every = [str(p) for p in _structural_problems(Path("f.yml"), root, tagged=True)]
        assert [str(p) for p in _structural_problems(Path("f.yml"), root, tagged="!" in text)] == every, text
        if "!" not in text:
            assert not [problem for problem in every if "the tag" in problem], text


def test_former_ids_written_with_escaped_letters_are_still_found(tmp_path):
    """Only the files that name 'former_ids' are searched for them: in a double-quoted key,
    escaped letters name it too."""
    content = content_with_be_patient_renamed(tmp_path, former_ids_key='"former_\\x69ds"')
    assert "former_ids" not in (content / "advice" / "while-you-wait.yml").read_text()
    kb = load_knowledge_base(content)
    assert kb.renamed_ids["entries"] == {"be-patient": "wait-patiently"}
