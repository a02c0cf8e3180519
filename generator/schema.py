"""What each record of the knowledge base may hold, and how each value is checked.

A record is declared once, as a mapping of field names to field types (in the manner of
MkDocs' config options); reading a YAML node against it collects every problem instead of
stopping at the first. Ids and references are recorded on the way and checked by
knowledge_base once every file has been read.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from .problems import Location, Problem
from .yaml_source import location_of, source_text

_NODE_NAMES = {
    yaml.ScalarNode: "text",
    yaml.SequenceNode: "a list (lines starting with '- ')",
    yaml.MappingNode: "a group of 'name: value' lines",
}


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass
class Reading:
    """The state of reading the whole knowledge base: problems, ids, references."""

    problems: list[Problem] = field(default_factory=list)
    # (kind, id) -> where it is defined
    definitions: dict[tuple[str, str], Location] = field(default_factory=dict)
    # (kind, id, where it is referred to)
    references: list[tuple[str, str, Location]] = field(default_factory=list)

    def problem(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))


class FieldType:
    node_type: type = yaml.ScalarNode
    accepts = "text"

    def read(self, node: yaml.Node, path: Path, reading: Reading, name: str) -> Any:
        """The value of the node, or None (with a problem recorded) when it is unusable."""
        if not isinstance(node, self.node_type):
            reading.problem(
                location_of(path, node),
                f"'{name}' should be {self.accepts}, not {_NODE_NAMES[type(node)]}",
            )
            return None
        return self.convert(node, path, reading, name)

    def convert(self, node, path, reading, name):
        raise NotImplementedError


class Text(FieldType):
    """One line of plain text, shown as typed."""

    multiline = False

    def convert(self, node, path, reading, name):
        value = node.value.strip()
        if not value:
            reading.problem(location_of(path, node), f"'{name}' is empty; write its text")
            return None
        if not self.multiline and "\n" in value:
            reading.problem(location_of(path, node), f"'{name}' should be a single line of text")
            return None
        return self.check(value, location_of(path, node), reading, name)

    def check(self, value: str, location: Location, reading: Reading, name: str):
        return value


# The attributes the guide's own buttons and boxes are driven by. In content they could make a
# fake "Save" button that wipes a reader's progress.
GUIDE_ATTRIBUTE = re.compile(r"data-fg-[a-z0-9_-]*\s*=", re.I)  # written as an attribute, not a mention


class Markdown(Text):
    """Text that may span lines and use Markdown (links, lists, emphasis)."""

    multiline = True

    def check(self, value, location, reading, name):
        if GUIDE_ATTRIBUTE.search(value):
            reading.problem(location, f"'{name}' uses a data-fg- attribute, which only the guide's own buttons and "
                                      "boxes may use; remove it")
            return None
        return value


PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")


class MessageText(Text):
    """Plain text with {field-id} placeholders; each one is a reference to a field,
    located at the exact line and column where it was typed."""

    def __init__(self, multiline: bool):
        self.multiline = multiline

    def convert(self, node, path, reading, name):
        value = super().convert(node, path, reading, name)
        if value is not None:
            source = source_text(path)
            start, end = node.start_mark.index, node.end_mark.index
            for match in PLACEHOLDER.finditer(source, start, end):
                line = source.count("\n", 0, match.start()) + 1
                column = match.start() - source.rfind("\n", 0, match.start())
                reading.references.append(("placeholder", match[1], Location(path, line, column)))
        return value


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Ids the guide already uses itself: anchors of the generated pages (generator/templates/*.j2:
# `{: #templates }`, `#template-<id>`, `#step-<id>`, the `fg-` ids of its widgets) and names every
# JavaScript object has (`constructor`), which would read as saved progress for a new reader.
RESERVED_IDS = {"do-list", "dont-list", "templates", "steps", "constructor", "prototype"}
RESERVED_PREFIXES = ("template-", "step-", "fg-")


class Id(Text):
    """A stable name: lowercase letters, digits and hyphens. `defines` makes it unique."""

    def __init__(self, defines: str | None = None):
        self.defines = defines

    def check(self, value, location, reading, name):
        if not _SLUG.match(value):
            reading.problem(
                location,
                f"'{name}' must use only lowercase letters, digits and hyphens, like '{slugify(value) or 'my-id'}'",
            )
            return None
        if self.defines and (value in RESERVED_IDS or value.startswith(RESERVED_PREFIXES)):
            reading.problem(location, f"the id '{value}' is one the guide uses itself; choose another, "
                                      f"such as '{self.defines}-{value}'"
                            + (f" (ids may not start with {', '.join(RESERVED_PREFIXES)})"
                               if value.startswith(RESERVED_PREFIXES) else ""))
            return None
        if self.defines:
            first = reading.definitions.setdefault((self.defines, value), location)
            if first != location:
                reading.problem(location, f"duplicate {self.defines} id '{value}' (first used at {first.display()}); give each one its own id")
        return value


class Reference(Id):
    """The id of something defined elsewhere in the knowledge base."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def check(self, value, location, reading, name):
        value = super().check(value, location, reading, name)
        if value is not None:
            reading.references.append((self.kind, value, location))
        return value


class Choice(Text):
    def __init__(self, *choices: str):
        self.choices = choices

    def check(self, value, location, reading, name):
        if value not in self.choices:
            allowed = " or ".join(f"'{c}'" for c in self.choices)
            reading.problem(location, f"'{name}' must be {allowed}, not '{value}'{did_you_mean(value, self.choices)}")
            return None
        return value


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # hours, days, working days (Monday to Friday), weeks or months
    text: str  # as typed, for readers


_DURATION = re.compile(r"^(\d{1,4})\s+(hour|working day|day|week|month)s?$")


class DurationText(Text):
    """An amount of time such as '24 hours', '7 days', '3 months'."""

    def check(self, value, location, reading, name):
        match = _DURATION.match(value)
        if not match:
            reading.problem(location, f"'{name}' should be a number and a unit, like '24 hours', '7 days' or '3 months', not '{value}'")
            return None
        return Duration(int(match[1]), match[2] + "s", value)


class ListOf(FieldType):
    node_type = yaml.SequenceNode
    accepts = "a list (lines starting with '- ')"

    def __init__(self, item: FieldType):
        self.item = item

    def convert(self, node, path, reading, name):
        values = [self.item.read(child, path, reading, name) for child in node.value]
        return [v for v in values if v is not None]


class MapOf(FieldType):
    """A group whose keys are ids of existing things of a kind, each with a value."""

    node_type = yaml.MappingNode
    accepts = "a group of 'id: ...' lines"

    def __init__(self, kind: str, value: FieldType):
        self.key = Reference(kind)
        self.value = value

    def convert(self, node, path, reading, name):
        result = {}
        for key, child in node.value:
            if isinstance(key, yaml.ScalarNode):
                id_ = self.key.check(key.value, location_of(path, key), reading, name)
                value = self.value.read(child, path, reading, key.value)
                if id_ is not None and value is not None:
                    result[id_] = value
        return result


@dataclass(frozen=True)
class Field:
    type: FieldType
    required: bool = True


class Values(dict):
    """A record's field values, and where the record starts."""

    def __init__(self, location: Location):
        super().__init__()
        self.location = location


class Record(FieldType):
    """A group of named fields; `check` adds rules that involve several fields."""

    node_type = yaml.MappingNode
    accepts = "a group of 'name: value' lines"

    def __init__(self, name: str, fields: dict[str, Field], check: Callable | None = None):
        self.name = name
        self.fields = fields
        self.extra_check = check

    def partial(self, without: tuple[str, ...] = ()) -> Record:
        """The same record with every field optional (nested records too): for an overlay
        that changes only the fields it names."""
        return Record(self.name, {
            name: Field(spec.type.partial() if isinstance(spec.type, Record) else spec.type, required=False)
            for name, spec in self.fields.items() if name not in without
        })

    def convert(self, node, path, reading, name):
        values = Values(location_of(path, node))
        given: dict[str, yaml.Node] = {}
        misspelled: set[str] = set()  # fields an unknown key was probably meant to be
        for key, child in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue  # reported by yaml_source
            if key.value in self.fields:
                if not _is_blank(child):
                    given[key.value] = child
                elif _comment_after_colon(key, path):
                    reading.problem(location_of(path, child), f"'{key.value}' has no value: what follows '#' is read "
                                                              "as a comment; put the value in quotes, like \"#0b5394\"")
                elif self.fields[key.value].required:
                    reading.problem(location_of(path, child), f"'{key.value}' is empty; write its text")
                continue
            close = difflib.get_close_matches(key.value, list(self.fields), n=1, cutoff=0.6)
            misspelled.update(close)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed here: {', '.join(self.fields)})"
            reading.problem(location_of(path, key), f"unknown field '{key.value}'{hint}")
        for field_name, spec in self.fields.items():
            child = given.get(field_name)
            if child is not None:
                values[field_name] = spec.type.read(child, path, reading, field_name)
                continue
            values[field_name] = None
            mentioned = any(k.value == field_name for k, _ in node.value if isinstance(k, yaml.ScalarNode))
            if spec.required and not mentioned and field_name not in misspelled:
                reading.problem(values.location, f"this {self.name} has no '{field_name}'; add it")
        if self.extra_check:
            self.extra_check(values, given, path, reading)
        return values



def _comment_after_colon(key: yaml.Node, path: Path) -> bool:
    """`name: #...`: the value was meant to start with '#', which YAML reads as a comment."""
    source = source_text(path)
    line_end = source.find("\n", key.end_mark.index)
    rest = source[key.end_mark.index:line_end if line_end >= 0 else len(source)]
    return rest.lstrip(" :").startswith("#")


def _is_blank(node: yaml.Node) -> bool:
    """`name:` with nothing after it means the field is not given."""
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""  # plain: None or ""
