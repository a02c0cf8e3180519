"""A career center's overlay laid over the default guide, on the located YAML nodes, before
anything is validated: the merged records are then checked whole, and every value still points
at the file its editor wrote (the center's changes.yml line, not the default guide's).

- guide.yml: groups are merged, lists and texts replaced; a value left blank changes nothing.
- advice/*.yml, message-templates.yml: their entries, fields and templates are added.
- changes.yml: each field given for an entry or template replaces that field; `hide` leaves
  entries and templates out of the guide (they are still checked, so links to them stay valid).
"""
from __future__ import annotations

import yaml

from ..model.fields import Reading
from ..model.records import DO, Changes
from ..problems import Location, location_of


def _is_blank(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""


def merge_groups(base: yaml.MappingNode, overlay: yaml.MappingNode) -> yaml.MappingNode:
    """The base group with every value the overlay gives: groups merged, everything else replaced."""
    pairs = list(base.value)
    index = {key.value: i for i, (key, _) in enumerate(pairs) if isinstance(key, yaml.ScalarNode)}
    for key, value in overlay.value:
        if not isinstance(key, yaml.ScalarNode) or _is_blank(value):
            continue
        at = index.get(key.value)
        if at is None:
            index[key.value] = len(pairs)
            pairs.append((key, value))
        elif isinstance(pairs[at][1], yaml.MappingNode) and isinstance(value, yaml.MappingNode):
            pairs[at] = (pairs[at][0], merge_groups(pairs[at][1], value))
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
