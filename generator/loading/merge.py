"""A career center's overlay laid over the default guide, on the located YAML nodes, before
anything is validated: the merged records are then checked whole, and every value still points
at the file its editor wrote (the center's changes.yml line, not the default guide's).

- guide.yml: groups are merged, texts replaced; a value left blank changes nothing. Lists of
  records with ids (phases, moments, outcomes, retired ids) are merged by id: an item whose id the guide has
  changes the fields it gives, each replaced whole; an item with a new id is added where it is
  listed (after the item listed before it, or, first, before the one listed after it; with no
  item of the guide's listed, at the end). Nothing is removed and nothing moves: entries,
  templates and the planner refer to these ids. An empty list, and every other list (the
  timeline's points, a phase's search words), replaces the guide's.
- advice/*.yml, message-templates.yml: their entries, fields and templates are added.
- changes.yml: each field given for an entry or template replaces that field; `hide` leaves
  entries and templates out of the guide (they are still checked, so links to them stay valid).
"""
from __future__ import annotations

import yaml

from ..model.fields import Nested, Reading, Record, did_you_mean, listed_by_id
from ..model.records import DO, Changes
from ..problems import Location, location_of


def _is_blank(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""


def merge_groups(base: yaml.MappingNode, overlay: yaml.MappingNode, record: type[Record] | None = None,
                 reading: Reading | None = None) -> yaml.MappingNode:
    """The base group with every value the overlay gives: groups merged, everything else replaced.
    With the `record` the group is read as, its lists of records with ids are merged by id
    (merge_by_id; `reading` collects what cannot be merged)."""
    pairs = list(base.value)
    index = {key.value: i for i, (key, _) in enumerate(pairs) if isinstance(key, yaml.ScalarNode)}
    for key, value in overlay.value:
        if not isinstance(key, yaml.ScalarNode) or _is_blank(value):
            continue
        at = index.get(key.value)
        spec = record._specs.get(key.value) if record is not None else None
        if at is None:
            index[key.value] = len(pairs)
            pairs.append((key, value))
        elif isinstance(pairs[at][1], yaml.MappingNode) and isinstance(value, yaml.MappingNode):
            inner = spec.record if isinstance(spec, Nested) else None
            pairs[at] = (pairs[at][0], merge_groups(pairs[at][1], value, inner, reading))
        elif (listed_by_id(spec) and reading is not None and value.value
              and isinstance(pairs[at][1], yaml.SequenceNode) and isinstance(value, yaml.SequenceNode)):
            pairs[at] = (pairs[at][0], merge_by_id(pairs[at][1], value, listed_by_id(spec), reading))
        else:
            pairs[at] = (key, value)
    return yaml.MappingNode(base.tag, pairs, base.start_mark, base.end_mark)


def merge_by_id(base: yaml.SequenceNode, overlay: yaml.SequenceNode, record: type[Record],
                reading: Reading) -> yaml.SequenceNode:
    """The base list of records with each item of the overlay's merged in by id (see the top)."""
    items = list(base.value)
    position: dict[str, int] = {}
    for i, node in enumerate(items):
        position.setdefault(_id_of(node), i)
    before: dict[int, list] = {}
    after: dict[int, list] = {}
    leading: list = []  # new items listed before any of the guide's
    placed = leading
    listed: dict[str, yaml.Node] = {}
    what = record.record_name
    for item in overlay.value:
        id_ = _id_of(item)
        if id_ is None and isinstance(item, yaml.MappingNode) and not _has_id(item):
            known = ", ".join(i for i in position if i)
            reading.problem(location_of(item), f"this {what} has no 'id'; give the id of the {what} to change "
                                               f"({known}), or a new id to add one")
            continue
        if id_ is not None and id_ in listed:
            reading.problem(location_of(item), f"the {what} '{id_}' is already listed at line "
                                               f"{location_of(listed[id_]).line}; give its changes there, once")
            continue
        if id_ is not None:
            listed[id_] = item
        if id_ is not None and id_ in position:
            at = position[id_]
            items[at] = _with_fields(items[at], item)
            before.setdefault(at, []).extend(leading)
            leading.clear()
            placed = after.setdefault(at, [])
            continue
        missing = [key for key, spec in record._specs.items() if spec.required and key not in _keys(item)]
        if id_ is not None and isinstance(item, yaml.MappingNode) and missing:
            reading.problem(location_of(item), (
                f"the guide has no {what} '{id_}' to change{did_you_mean(id_, [i for i in position if i])}; "
                f"to add it as a new {what}, give it {_and(missing)} too"))
            continue
        placed.append(item)  # a new item, or one that is not a group: read (and reported) as it is
    merged = []
    for i, node in enumerate(items):
        merged += [*before.get(i, ()), node, *after.get(i, ())]
    merged += leading
    return yaml.SequenceNode(base.tag, merged, base.start_mark, base.end_mark, base.flow_style)


def _keys(node: yaml.Node) -> set[str]:
    """The names a group gives a value (a blank value gives none)."""
    if not isinstance(node, yaml.MappingNode):
        return set()
    return {key.value for key, value in node.value if isinstance(key, yaml.ScalarNode) and not _is_blank(value)}


def _has_id(node: yaml.MappingNode) -> bool:
    return "id" in _keys(node)


def _and(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _with_fields(base: yaml.Node, overlay: yaml.Node) -> yaml.Node:
    """An item of the guide with each field the overlay's item gives, replaced whole (its id kept)."""
    if not isinstance(base, yaml.MappingNode) or not isinstance(overlay, yaml.MappingNode):
        return overlay
    pairs = list(base.value)
    index = {key.value: i for i, (key, _) in enumerate(pairs) if isinstance(key, yaml.ScalarNode)}
    for key, value in overlay.value:
        if not isinstance(key, yaml.ScalarNode) or _is_blank(value) or key.value == "id":
            continue
        at = index.get(key.value)
        if at is None:
            index[key.value] = len(pairs)
            pairs.append((key, value))
        else:
            pairs[at] = (key, value)
    return yaml.MappingNode(base.tag, pairs, base.start_mark, base.end_mark)


def _id_of(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
                return value.value.strip()
    return None


def _changed(base: yaml.MappingNode, change: yaml.Node, reading: Reading, what: str) -> yaml.MappingNode:
    if not isinstance(change, yaml.MappingNode):
        reading.problem(location_of(change), f"the changes to '{_id_of(base)}' should be a group of 'name: value' lines")
        return base
    pairs = list(base.value)
    index = {key.value: i for i, (key, _) in enumerate(pairs) if isinstance(key, yaml.ScalarNode)}
    given = set()
    for key, value in change.value:
        if not isinstance(key, yaml.ScalarNode) or _is_blank(value):
            continue
        if key.value == "id":
            reading.problem(location_of(key), f"the id of {what} cannot be changed; hide it and add a new one "
                                              "with the id you want")
            continue
        given.add(key.value)
        at = index.get(key.value)
        if at is None:
            index[key.value] = len(pairs)
            pairs.append((key, value))
        else:
            pairs[at] = (key, value)
    kind = next((v for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == "kind"), None)
    if "kind" in given and "instead" not in given and isinstance(kind, yaml.ScalarNode) and kind.value.strip() == DO:
        # A do has no 'instead', also when a change turned a don't into one.
        pairs = [(k, v) for k, v in pairs if not (isinstance(k, yaml.ScalarNode) and k.value == "instead")]
    merged = yaml.MappingNode(base.tag, pairs, base.start_mark, base.end_mark)
    merged.changed_by = change
    return merged


def apply_changes(entries: list[yaml.Node], templates: list[yaml.Node], changes: Changes,
                  reading: Reading) -> tuple[list, list, dict[tuple[str, str], Location]]:
    """The entry and template nodes with the changes applied, and where each hidden id was hidden.

    Ids that do not exist are references like any other: reported in the references phase.
    """
    hidden: dict[tuple[str, str], Location] = {}
    result = []
    for nodes, group, kind, what in ((entries, "entries", "entry", "an entry"),
                                     (templates, "templates", "template", "a template")):
        wanted = {}
        if changes.change is not None:
            wanted = getattr(changes.change, group) or {}
        position = {}
        for i, node in enumerate(nodes):
            position.setdefault(_id_of(node), i)
        nodes = list(nodes)
        for id_, (_key, change) in wanted.items():
            if id_ in position:
                nodes[position[id_]] = _changed(nodes[position[id_]], change, reading, what)
        if changes.hide is not None and group in changes.hide._nodes:
            for item in changes.hide._nodes[group].value:
                if isinstance(item, yaml.ScalarNode):
                    id_ = item.value.strip()
                    id_ = reading.renamed.get((kind, id_), (id_,))[0]  # a former id: the entry renamed
                    hidden.setdefault((kind, id_), location_of(item))
        result.append(nodes)
    return result[0], result[1], hidden
