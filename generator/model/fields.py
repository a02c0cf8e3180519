"""How a record of the content is declared, read and described: the field types.

A record is one class (see records.py): one field type per field, with its docstring under it,
in the manner of MkDocs' config options. That one class
- reads a YAML node that knows its position, collecting every problem instead of stopping at the
  first (`Record.from_node`, the "fields" phase), then checks the rules that involve several fields
  (`Record.rules`, the "rules" phase);
- is the frozen model object the pages are rendered from (its instances);
- describes itself as JSON Schema for editors (`Record.json_schema`).

Ids and references are recorded on the way; loading.validation checks them once every file has
been read and merged.
"""
from __future__ import annotations

import ast
import difflib
import functools
import inspect
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from ..problems import Location, Note, Problem, location_of, location_path

_SCALAR = yaml.ScalarNode
_NODE_NAMES = {  # by the node's kind (its `id`), which nodes of every class have
    "scalar": "text",
    "sequence": "a list (lines starting with '- ')",
    "mapping": "a group of 'name: value' lines",
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = _SLUG.pattern
PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")


def close_match(word: str, choices) -> str | None:
    """The one of `choices` that `word` was probably meant to be, or None (0.6 offered unrelated ids)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return close[0] if close else None


def did_you_mean(word: str, choices) -> str:
    close = close_match(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def in_ascii(text: str) -> str:
    """The text with its accents taken off ("Université Carrières" -> "Universite Carrieres")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def located(where: Location | yaml.Node) -> Location:
    """A Location, or where a node starts: checks pass the node, whose Location is worked out
    only when something needs it (a problem, an id, a reference)."""
    return where if isinstance(where, Location) else location_of(where)


@dataclass
class Reading:
    """The state of one validation pass over the whole (merged) knowledge base."""

    sources: dict[str, str] = field(default_factory=dict)  # the text of each file read, by its name
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # deprecated fields: the content still builds
    # (kind, id) -> where it is defined: a Location, or the node of the id (located() works out
    # its Location only when a message needs it: valid content needs none)
    definitions: dict[tuple[str, str], Location | yaml.Node] = field(default_factory=dict)
    # (kind, id, where it is referred to: a Location or a node, as above)
    references: list[tuple[str, str, Location | yaml.Node]] = field(default_factory=list)
    # every record read, for the rules phase
    records: list[Record] = field(default_factory=list)
    # (target, where it is typed) of each link in a Markdown field, checked once the pages are known
    links: list[tuple[str, Location]] = field(default_factory=list)
    # (kind, former id) -> (the id it has now, where the former id is listed): renamed entries and templates
    renamed: dict[tuple[str, str], tuple[str, Location]] = field(default_factory=dict)
    # file name -> (a character index, the line it is on): where location_at last counted lines to
    _counted: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    def problem(self, where: Location | yaml.Node, message: str) -> None:
        """A problem at a Location, or at the start of a node (its Location worked out only now:
        valid content, which has no problems, needs none)."""
        self.problems.append(Problem(located(where), message))

    def warning(self, where: Location | yaml.Node, message: str) -> None:
        self.warnings.append(Problem(located(where), message))

    def note(self, where: Location | yaml.Node, message: str) -> None:
        """Shown with the warnings, as a note: nothing needs doing now."""
        self.warnings.append(Note(located(where), message))

    def location_at(self, name: str, index: int) -> Location:
        """The line and column of the character at `index` of the file `name` read (the same as
        Location.at). Lines are counted on from the place asked for before, so that asking in
        the order of the file reads it once, not once per question."""
        text = self.sources[name]
        start, line = self._counted.get(name, (0, 1))
        if index < start:
            start, line = 0, 1
        line += text.count("\n", start, index)
        self._counted[name] = (index, line)
        return Location(location_path(name), line, index - text.rfind("\n", 0, index))


class InLanguage(str):
    """A text shown in another language than the page's: a translation that is missing, where
    the guide allows the source text in its place. The pages mark it with `lang`, so that a
    screen reader switches voice."""

    def __new__(cls, value: str, language: str):
        text = super().__new__(cls, value)
        text.language = language
        return text


class ShownInLanguage(yaml.ScalarNode):
    """The node of a text shown in another language than the page's (InLanguage): its own kind
    of node, so that reading a text the usual way (Text.read) needs no look for the mark."""

    def __init__(self, node: yaml.ScalarNode, language: str):
        super().__init__(node.tag, node.value, node.start_mark, node.end_mark, node.style)
        self.shown_in = language


class FieldType:
    """One field of a record (or the items of a list): what it accepts and how it is checked."""

    node_type: type = yaml.ScalarNode
    accepts = "text"
    when_empty = "write its text"
    # Whether a reader sees its text, which each language then has its own of
    # (loading/translations.py); ids, choices and durations are the same in every language.
    translatable = False

    def __init__(self, *, required: bool = True, key: str | None = None, translatable: bool | None = None):
        self.required = required
        self.key = key  # the name in YAML, when it cannot be the attribute's (`from`)
        if translatable is not None:  # a text only staff read, the same in every language
            self.translatable = translatable
        self.name: str | None = None

    def __set_name__(self, owner, name):
        self.name = name
        self.key = self.key or name

    def read(self, node: yaml.Node, reading: Reading, name: str) -> Any:
        """The value of the node, or None (with a problem recorded) when it is unusable."""
        if not isinstance(node, self.node_type):
            reading.problem(location_of(node), f"'{name}' should be {self.accepts}, not {_NODE_NAMES[node.id]}")
            return None
        value = self.convert(node, reading, name)
        language = getattr(node, "shown_in", None)  # an untranslated text (loading/translations.py)
        return InLanguage(value, language) if language and isinstance(value, str) else value

    def convert(self, node, reading: Reading, name: str):
        raise NotImplementedError

    def json_schema(self, partial: bool = False) -> dict:
        raise NotImplementedError


class Text(FieldType):
    """One line of plain text, shown as typed."""

    multiline = False
    translatable = True
    markdown = False  # read as Markdown (links and emphasis work), or shown as typed

    def __init__(self, **options):
        super().__init__(**options)
        kind = type(self)
        # A text read the usual way (not one that reads its own way, as an image file does) can be
        # read in one step; `plain`: nothing is checked once the text is there.
        self.one_step = kind.convert is Text.convert
        self.plain = self.one_step and kind.check is Text.check and kind.checked is Text.checked
        self.finish = self.check if kind.checked is Text.checked else self.checked  # checked, in one call

    def read(self, node, reading, name):
        # The usual case, a text typed in the guide's own files, in one call: what FieldType.read,
        # convert and check do for it (tests/unit/test_loading_shortcuts.py compares the two).
        if isinstance(node, _SCALAR) and node.__class__ is not ShownInLanguage and self.one_step:
            value = node.value.strip()
            if value and (self.multiline or "\n" not in value):
                if not self.markdown and ("](" in value or (self.plain and ("*" in value or "`" in value))):
                    _markdown_shown_as_typed(value, node, reading, name, emphasis=self.plain)
                return value if self.plain else self.finish(value, node, reading, name)
        return super().read(node, reading, name)

    def convert(self, node, reading, name):
        value = node.value.strip()
        if not self.markdown and ("](" in value or (self.plain and ("*" in value or "`" in value))):
            _markdown_shown_as_typed(value, node, reading, name, emphasis=self.plain)
        if not value:
            reading.problem(node, f"'{name}' is empty; write its text")
            return None
        if not self.multiline and "\n" in value:
            reading.problem(node, f"'{name}' should be a single line of text")
            return None
        return self.checked(value, node, reading, name)

    def checked(self, value: str, node: yaml.Node, reading: Reading, name: str):
        """The text of a node that has one, checked (check); extended by texts in which more is
        found as typed (links, blanks)."""
        return self.check(value, node, reading, name)

    def check(self, value: str, where: yaml.Node | Location, reading: Reading, name: str):
        """The value, or None with a problem `where` it was typed: the node (reading.problem works
        out its Location only then), or the Location itself."""
        return value

    def json_schema(self, partial=False):
        return {"type": "string", "pattern": r"\S"} if self.multiline else {"type": "string", "pattern": r"^[^\n]*\S[^\n]*\n?$"}


# The attributes the guide's own buttons and boxes are driven by. In content they could make a
# fake "Save" button that wipes a reader's progress.
GUIDE_ATTRIBUTE = re.compile(r"data-fg-[a-z0-9_-]*\s*=", re.I)  # written as an attribute, not a mention
# An inline Markdown link, [text](target "title"), that is not an image: group 1 the text, 2 the target.
# (It starts with '[' and then looks back for a '!': a pattern that starts with a character is
# searched for many times faster than one that starts by looking back.)
MARKDOWN_LINK = re.compile(r"\[(?<!!\[)([^\[\]]*)\]\(\s*<?([^\s()<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_local_link(target: str) -> bool:
    """Whether a link's target is a file of this site, written as a path (not a URL, an anchor or an address)."""
    return not (target.startswith(("#", "/")) or _URL_SCHEME.match(target))


# Markdown's emphasis or code around words: *words*, **words**, `words` (not a lone star, as in "5 * 3").
MARKDOWN_EMPHASIS = re.compile(r"(\*\*?|`)(?=[^\s*`])[^*`\n]*(?<=[^\s*`])\1")


def _markdown_shown_as_typed(value: str, node: yaml.Node, reading: Reading, name: str, emphasis: bool) -> None:
    """A warning for a Markdown link in a text that is shown as typed (a title, a summary, a message),
    and, with `emphasis` (a plain text, not a message, whose stars may be meant), for *emphasis*."""
    link = MARKDOWN_LINK.search(value)
    if link:
        reading.warning(node, f"'{name}' is shown as typed, so the link '{link[0]}' will show with its brackets; "
                              "write its words alone here (a link can go in 'body'), or the address itself")
    marked = emphasis and MARKDOWN_EMPHASIS.search(value)
    if marked:
        marks = "backticks" if marked[1] == "`" else "stars"
        reading.warning(node, f"'{name}' is shown as typed, so '{marked[0]}' will show with its {marks}; "
                              "write the words alone here (emphasis can go in 'body')")


def _typed_matches(pattern: re.Pattern, node: yaml.Node, reading: Reading):
    """Each match of `pattern` in a value as typed in its file (reading.location_at tells where)."""
    source = reading.sources.get(node.start_mark.name, "")
    return pattern.finditer(source, node.start_mark.index, node.end_mark.index)


class Markdown(Text):
    """Text that may span lines and use Markdown (links, lists, emphasis)."""

    multiline = True
    markdown = True

    def checked(self, value, node, reading, name):
        value = self.check(value, node, reading, name)
        if value is not None:
            for match in _typed_matches(MARKDOWN_LINK, node, reading):
                if is_local_link(match[2]):
                    reading.links.append((match[2], reading.location_at(node.start_mark.name, match.start(2))))
        return value

    def check(self, value, where, reading, name):
        if "=" in value and GUIDE_ATTRIBUTE.search(value):  # (an attribute needs its '=')
            reading.problem(where, f"'{name}' uses a data-fg- attribute, which only the guide's own buttons and "
                                   "boxes may use; remove it")
            return None
        return value


class MessageText(Text):
    """Plain text with {field-id} placeholders; each one is a reference to a field,
    located at the exact line and column where it was typed."""

    def __init__(self, *, multiline: bool, **options):
        super().__init__(**options)
        self.multiline = multiline

    def checked(self, value, node, reading, name):
        value = self.check(value, node, reading, name)
        if value is not None and ("{" in value or "}" in value):
            for match in _typed_matches(_BRACES, node, reading):
                where = reading.location_at(node.start_mark.name, match.start())
                inside = match[1]
                if inside is not None and _SLUG.match(inside):
                    reading.references.append(("placeholder", inside, where))
                else:
                    reading.problem(where, _brace_problem(match[0], inside))
        return value


# In a message: a {blank} (group 1: what is between the braces, on one line), or a brace on its own.
_BRACES = re.compile(r"\{([^{}\n]*)\}|[{}]")


def _brace_problem(typed: str, inside: str | None) -> str:
    """What to write instead of braces that are not a blank of a message, such as {center name}."""
    if inside is None:
        if typed == "{":
            return "this '{' starts a blank that never ends; close it with '}', as in {company}, or remove the '{'"
        return "this '}' ends a blank that never starts; add the '{' before its id, as in {company}, or remove the '}'"
    if slugify(inside):
        return f"'{typed}' is not a blank the message can fill; write it as {{{slugify(inside)}}}"
    return (f"'{typed}' is not a blank the message can fill; write the id of a blank between the braces, "
            "as in {company}, or remove them")


# Ids the guide already uses itself: anchors of the generated pages (rendering/templates/*.j2:
# `{: #templates }`, `#template-<id>`, `#step-<id>`, the `fg-` ids of its widgets) and names every
# JavaScript object has (`constructor`), which would read as saved progress for a new reader.
RESERVED_IDS = {"do-list", "dont-list", "templates", "steps", "constructor", "prototype"}
RESERVED_PREFIXES = ("template-", "step-", "fg-")


class Id(Text):
    """A stable name: lowercase letters, digits and hyphens. `defines` makes it unique."""

    translatable = False

    def __init__(self, defines: str | None = None, **options):
        super().__init__(**options)
        self.defines = defines

    def check(self, value, where, reading, name):
        if not _SLUG.match(value):
            reading.problem(
                where,
                f"'{name}' must use only lowercase letters, digits and hyphens, like '{slugify(value) or 'my-id'}'",
            )
            return None
        if self.defines and (value in RESERVED_IDS or value.startswith(RESERVED_PREFIXES)):
            reading.problem(where, f"the id '{value}' is one the guide uses itself; choose another, "
                                   f"such as '{self.defines}-{value}'"
                            + (f" (ids may not start with {', '.join(RESERVED_PREFIXES)})"
                               if value.startswith(RESERVED_PREFIXES) else ""))
            return None
        if self.defines:
            first = reading.definitions.setdefault((self.defines, value), where)
            if first is not where and located(first) != located(where):
                reading.problem(where, f"duplicate {self.defines} id '{value}' (first used at "
                                       f"{located(first).display()}); give each one its own id")
        return value

    def json_schema(self, partial=False):
        return {"type": "string", "pattern": SLUG_PATTERN}


class Reference(Id):
    """The id of something defined elsewhere in the knowledge base."""

    def __init__(self, kind: str, **options):
        super().__init__(**options)
        self.kind = kind

    def check(self, value, where, reading, name):
        if self.defines or not _SLUG.match(value):  # (else Id.check has nothing to say)
            value = super().check(value, where, reading, name)
        if (self.kind, value) in reading.renamed:
            new = reading.renamed[(self.kind, value)][0]
            reading.warning(where, f"the {self.kind} '{value}' is now called '{new}'; write '{new}' here "
                                   "(`followup-guide changelog` lists every renamed id)")
            value = new
        if value is not None:
            reading.references.append((self.kind, value, where))
        return value


class Choice(Text):
    translatable = False

    def __init__(self, *choices: str, **options):
        super().__init__(**options)
        self.choices = choices

    def check(self, value, where, reading, name):
        if value not in self.choices:
            allowed = " or ".join(f"'{c}'" for c in self.choices)
            reading.problem(where, f"'{name}' must be {allowed}, not '{value}'{did_you_mean(value, self.choices)}")
            return None
        return value

    def json_schema(self, partial=False):
        return {"enum": list(self.choices)}


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # hours, days, working days (Monday to Friday), weeks or months
    text: str  # as typed, for readers


_DURATION = re.compile(r"^(\d{1,4})\s+(hour|working day|day|week|month)s?$")


class DurationText(Text):
    """An amount of time such as '24 hours', '7 days', '3 months'. `at_least_one`: not 0 (a step
    repeated every 0 days would never end)."""

    translatable = False

    def __init__(self, *, at_least_one: bool = False, **options):
        super().__init__(**options)
        self.at_least_one = at_least_one

    def check(self, value, where, reading, name):
        match = _DURATION.match(value)
        if not match:
            reading.problem(where, f"'{name}' should be a number and a unit, like '24 hours', '7 days' or "
                                   f"'3 months', not '{value}'")
            return None
        if self.at_least_one and not int(match[1]):
            reading.problem(where, f"'{name}' should be at least 1, like '1 week' or '3 months', not '{value}'")
            return None
        return Duration(int(match[1]), match[2] + "s", value)

    def json_schema(self, partial=False):
        return {"type": "string", "pattern": ("^(?=0*[1-9])" if self.at_least_one else "^") + _DURATION.pattern[1:]}


class ListOf(FieldType):
    node_type = yaml.SequenceNode
    accepts = "a list (lines starting with '- ')"
    when_empty = "list at least one"

    def __init__(self, item: FieldType, *, at_least_one: bool = False, **options):
        super().__init__(**options)
        self.item = item
        self.at_least_one = at_least_one

    def convert(self, node, reading, name):
        if self.at_least_one and not node.value:
            reading.problem(location_of(node), f"'{name}' is empty; {self.when_empty}")
            return None
        read = self.item.read
        values = [read(child, reading, name) for child in node.value]
        return tuple(v for v in values if v is not None)

    def json_schema(self, partial=False):
        # An overlay replaces a list whole: its items are complete, and it may not be empty either;
        # except a list of records with ids, whose items it changes by id (loading/merge.py): there
        # each item needs its id only, and each field it gives is complete.
        record = listed_by_id(self)
        if partial and record is not None:
            items = record.json_schema()
            for rule in ("required", *record.json_schema_rules):
                items.pop(rule, None)
            items["required"] = ["id"]
        else:
            items = self.item.json_schema()
        schema = {"type": "array", "items": items}
        if self.at_least_one:
            schema["minItems"] = 1
        return schema


def listed_by_id(spec: FieldType) -> type[Record] | None:
    """The record of a list of records with ids (the phases, moments and outcomes of guide.yml):
    a center's overlay changes such a list item by item, by id, rather than replacing it."""
    if isinstance(spec, ListOf) and isinstance(spec.item, Nested) and isinstance(spec.item.record._specs.get("id"), Id):
        return spec.item.record
    return None


def has_translation(spec: FieldType) -> bool:
    """A field whose text each language has its own of: a text a reader reads, or a list of them."""
    if isinstance(spec, ListOf):
        return spec.item.translatable and not isinstance(spec.item, Nested)
    return spec.translatable


class Node(FieldType):
    """Any YAML value, kept as its located node: read by a record once overlays are merged."""

    def __init__(self, node_type=None, accepts: str | None = None, schema: dict | None = None, **options):
        super().__init__(**options)
        self.node_type = node_type or yaml.Node
        self.accepts = accepts or "a value"
        self.schema = schema or {}

    def read(self, node, reading, name):
        return node if isinstance(node, self.node_type) else super().read(node, reading, name)

    def convert(self, node, reading, name):
        return node

    def json_schema(self, partial=False):
        return dict(self.schema)


class MapOf(FieldType):
    """A group whose keys are ids of existing things of a kind, each with a value."""

    node_type = yaml.MappingNode
    accepts = "a group of 'id: ...' lines"

    def __init__(self, kind: str, value: FieldType, **options):
        super().__init__(**options)
        self.key_type = Reference(kind)
        self.value = value

    def convert(self, node, reading, name):
        result = {}
        for key, child in node.value:
            if isinstance(key, yaml.ScalarNode):
                id_ = self.key_type.check(key.value, key, reading, name)
                if id_ in result:  # a former id and the new one (a literal key twice is a YAML mistake)
                    first = result[id_][0]
                    reading.problem(key, f"'{key.value}' and '{first.value}' (line {location_of(first).line}) are the "
                                         f"same {self.key_type.kind}, now called '{id_}'; give all its changes once, "
                                         f"under '{id_}', and delete the other")
                    continue
                value = self.value.read(child, reading, key.value)
                if id_ is not None and value is not None:
                    result[id_] = (key, value)
        return result

    def json_schema(self, partial=False):
        return {"type": "object", "propertyNames": {"pattern": SLUG_PATTERN},
                "additionalProperties": self.value.json_schema(partial)}


class Nested(FieldType):
    """A group of named fields, declared as its own record."""

    node_type = yaml.MappingNode
    accepts = "a group of 'name: value' lines"
    when_empty = "add its fields"

    def __init__(self, record: type[Record], **options):
        super().__init__(**options)
        self.record = record

    def read(self, node, reading, name):
        if isinstance(node, yaml.MappingNode):  # what FieldType.read does for a group, in one call
            return self.record.from_node(node, reading)
        return super().read(node, reading, name)

    def convert(self, node, reading, name):
        return self.record.from_node(node, reading)

    def json_schema(self, partial=False):
        return self.record.json_schema(partial)


class Deprecated(FieldType):
    """A field that was renamed, moved or dropped. An old file keeps working, with a warning
    that says what to write now (as MkDocs' `config_options.Deprecated(moved_to=...)`).

    moved_to: the field's new name in the same record, or a dotted path into a nested group
    ("contact.email"); its value is read there. Without it, the value is ignored.
    """

    def __init__(self, moved_to: str | None = None, message: str | None = None, **options):
        super().__init__(required=False, **options)
        self.moved_to = moved_to
        self.message = message

    def advice(self) -> str:
        if self.message:
            return self.message
        if self.moved_to:
            return f"write '{self.moved_to}' instead; '{self.key}' still works for now"
        return f"it has no effect any more; remove it"

    def json_schema(self, partial=False):
        return {"deprecated": True, "description": f"Deprecated: {self.advice()}."}


def _is_blank(node: yaml.Node) -> bool:
    """`name:` with nothing after it means the field is not given."""
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""  # plain: None or ""


def _comment_after_colon(key: yaml.Node, reading: Reading) -> bool:
    """`name: #...`: the value was meant to start with '#', which YAML reads as a comment."""
    source = reading.sources.get(key.start_mark.name, "")
    line_end = source.find("\n", key.end_mark.index)
    rest = source[key.end_mark.index:line_end if line_end >= 0 else len(source)]
    return rest.lstrip(" :").startswith("#")


def _move(pairs: list, key_node: yaml.Node, child: yaml.Node, path: list[str]) -> None:
    """Put (key, child) at a dotted path of nested groups inside the record's pairs."""
    head, rest = path[0], path[1:]
    new_key = yaml.ScalarNode("tag:yaml.org,2002:str", head, key_node.start_mark, key_node.end_mark)
    for index, (key, value) in enumerate(pairs):
        if isinstance(key, yaml.ScalarNode) and key.value == head:
            if rest and isinstance(value, yaml.MappingNode):
                inner = list(value.value)
                _move(inner, key_node, child, rest)
                pairs[index] = (key, yaml.MappingNode(value.tag, inner, value.start_mark, value.end_mark))
            elif key.start_mark.name != key_node.start_mark.name:
                pairs[index] = (new_key, child)  # the old name in an overlay, over the default guide's value
            return  # the new name is given in the same file too: it wins
    if rest:
        inner: list = []
        _move(inner, key_node, child, rest)
        child = yaml.MappingNode("tag:yaml.org,2002:map", inner, child.start_mark, child.end_mark)
    pairs.append((new_key, child))


class Record:
    """The base of every record: subclasses declare their fields as class attributes."""

    record_name: ClassVar[str] = "record"  # how messages name it: "this entry has no 'title'"
    _specs: ClassVar[dict[str, FieldType]] = {}  # the fields by their names in YAML, in the order declared
    json_schema_rules: ClassVar[dict] = {}  # the cross-field rules, as JSON Schema, for editors
    # In a list, the field whose value names the record in a translation (loading/translations.py).
    translation_keys: ClassVar[tuple[str, ...]] = ("id",)
    defaults: ClassVar[dict[str, Any]] = {}  # the value of a field that is not given, when it is not None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        specs = dict(cls._specs)
        specs.update({value.key: value for value in vars(cls).values() if isinstance(value, FieldType)})
        cls._specs = specs
        cls._by_attribute = {spec.name: spec for spec in specs.values()}
        cls._deprecated = frozenset(key for key, spec in specs.items() if isinstance(spec, Deprecated))
        cls._not_given = dict.fromkeys(cls._by_attribute)
        # A new record's attributes, before any field is read (see __init__).
        cls._fresh = {"location": None, "_nodes": None, "changed_at": None, **cls._not_given, **cls.defaults}
        cls._reading_table = cls.reading_table(specs)

    @staticmethod
    def reading_table(specs: dict[str, FieldType]) -> tuple:
        """What from_node reads, field by field in the order declared: its name in YAML, its
        attribute, how it is read, whether it is required (a deprecated field is read elsewhere)."""
        return tuple((key, spec.name, spec.read, spec.required) for key, spec in specs.items()
                     if not isinstance(spec, Deprecated))

    def __init__(self, location: Location | None = None, **values):
        self._start(location)
        self.__dict__.update(values)  # with the values given, and derived ones the model adds (a phase's entries)

    def _start(self, location: Location | None) -> None:
        """Set directly (the record is frozen: __setattr__ refuses): every field None, or its
        default, until read; no nodes of fields given yet (where a rule points), and no change
        of changes.yml that edited it (changed_at)."""
        attributes = self.__dict__
        attributes.update(self._fresh)
        attributes["location"] = location
        attributes["_nodes"] = {}

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen; use replace()")

    def replace(self, **values) -> Record:
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(values)
        return copy

    def __eq__(self, other):
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name in self._by_attribute)

    def __hash__(self):
        return hash((type(self), self.__dict__.get("id")))

    def __repr__(self):
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._by_attribute)
        return f"{type(self).__name__}({shown})"

    def where(self, name: str) -> Location:
        """The position of a field's value, or of the record when the field is not given."""
        node = self._nodes.get(name)
        return location_of(node) if node is not None else self.location

    def forget_nodes(self) -> None:
        """Lets go of the YAML nodes kept for the rules phase (where() then gives the record's own
        location): the model lives on through the build, and a large file's nodes are many."""
        self._nodes.clear()

    @classmethod
    def field_names(cls) -> list[str]:
        """The fields' names as written in YAML, in the order declared."""
        return list(cls._specs)

    # -- the "fields" phase -------------------------------------------------------------------

    @classmethod
    def from_node(cls, node: yaml.MappingNode, reading: Reading, partial: bool = False) -> Record:
        """The record read from a group node (`partial`: every field optional, as in an overlay)."""
        record = object.__new__(cls)  # Record(location), without __init__'s keyword arguments
        record._start(location_of(node))
        values = record.__dict__
        change = getattr(node, "changed_by", None)
        if change is not None:
            values["changed_at"] = location_of(change)
        pairs = node.value
        if cls._deprecated and any(isinstance(key, yaml.ScalarNode) and key.value in cls._deprecated
                                   for key, _ in pairs):
            pairs = cls._apply_deprecations(pairs, reading)
        fields = cls._specs
        given: dict[str, yaml.Node] = {}
        not_missing: set[str] = set()  # fields left blank, and those an unknown key was probably meant to be
        for key, child in pairs:
            if not isinstance(key, _SCALAR):
                continue  # reported by yaml_source
            name = key.value
            if name not in fields:
                not_missing.update(cls._unknown_field(key, reading))
            elif child.value != "" or child.style:  # not blank (_is_blank: only a scalar's value is "")
                given[name] = child
            else:
                not_missing.add(name)
                if _comment_after_colon(key, reading):
                    reading.problem(child, f"'{name}' has no value: what follows '#' is read "
                                           "as a comment; put the value in quotes, like \"#0b5394\"")
                elif fields[name].required and not partial:
                    reading.problem(child, f"'{name}' is empty; {fields[name].when_empty}")
        nodes = values["_nodes"]
        for key, attribute, read, required in cls._reading_table:
            child = given.get(key)
            if child is not None:
                values[attribute] = read(child, reading, key)
                nodes[attribute] = child
            elif required and not partial and key not in not_missing:
                reading.problem(record.location, f"this {cls.record_name} has no '{key}'; add it")
        reading.records.append(record)
        return record

    @classmethod
    def _unknown_field(cls, key: yaml.ScalarNode, reading: Reading) -> list[str]:
        """Reports a key that is no field of the record; the fields it was probably meant to be."""
        known = [k for k, f in cls._specs.items() if not isinstance(f, Deprecated)]
        close = close_match(key.value, known)
        if close:
            hint = f" (did you mean '{close}'?)"
        elif len(known) <= 12:
            hint = f" (allowed here: {', '.join(known)})"
        else:  # the labels: a wall of names helps nobody
            nearest = difflib.get_close_matches(key.value, known, n=4, cutoff=0)
            hint = (f" (the closest of the names allowed here: {', '.join(nearest)}; a newer version of "
                    "followup-guide may have it: `followup-guide --version` says which you have)")
        reading.problem(key, f"unknown field '{key.value}'{hint}")
        return [close] if close else []

    @classmethod
    def _apply_deprecations(cls, pairs, reading: Reading) -> list:
        kept = []
        moved = []
        for key, child in pairs:
            spec = cls._specs.get(key.value) if isinstance(key, yaml.ScalarNode) else None
            if isinstance(spec, Deprecated):
                reading.warning(location_of(key), f"'{key.value}' is deprecated: {spec.advice()}")
                if spec.moved_to and not _is_blank(child):
                    moved.append((key, child, spec.moved_to.split(".")))
            else:
                kept.append((key, child))
        for key, child, path in moved:
            _move(kept, key, child, path)
        return kept

    # -- the "rules" phase ----------------------------------------------------------------------

    def rules(self, reading: Reading) -> None:
        """Rules that involve several fields; recorded as problems. Overridden by records that have them."""

    # -- editors --------------------------------------------------------------------------------

    @classmethod
    def json_schema(cls, partial: bool = False, without: tuple[str, ...] = ()) -> dict:
        """The record as JSON Schema. `partial`: every field optional (an overlay that changes
        only the fields it gives)."""
        docs = _attribute_docs(cls)
        properties = {}
        for key, spec in cls._specs.items():
            if key in without:
                continue
            schema = spec.json_schema(partial)
            doc = docs.get(spec.name)
            if doc and "description" not in schema:
                schema = {"description": doc, **schema}
            properties[key] = schema
        schema = {"type": "object"}
        if cls.__doc__:
            schema["description"] = inspect.cleandoc(cls.__doc__)
        schema["properties"] = properties
        schema["additionalProperties"] = False
        required = [key for key, spec in cls._specs.items() if spec.required and key not in without]
        if required and not partial:
            schema["required"] = required
        if cls.json_schema_rules and not partial:
            schema.update(cls.json_schema_rules)
        return schema


@functools.lru_cache(maxsize=None)
def _attribute_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field of a record class (read from its source)."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not (isinstance(klass, type) and issubclass(klass, Record)) or klass is Record:
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError):
            continue
        body = tree.body[0].body
        for statement, after in zip(body, body[1:]):
            if (isinstance(statement, ast.Assign) and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)):
                for target in statement.targets:
                    if isinstance(target, ast.Name):
                        docs[target.id] = inspect.cleandoc(after.value.value)
    return docs
