"""MkDocs' words about a wrong setting in mkdocs.yml ("Config value 'plugins': Plugin
'followup-guide' option 'staff_pages': Expected type: <class 'bool'> ..."), told as the content's
problems are: at the setting's line and column, in plain words, with the name it was probably
meant to be. Works on the messages alone (no MkDocs import), with the file read by yaml_source."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..loading.yaml_source import YamlFileError, named, plugin_item, read_yaml
from ..model.fields import close_match, did_you_mean
from ..problems import Location

_SAID = re.compile(r"Config value '(?P<key>[^']*)': (?:Plugin '(?P<plugin>[^']*)' option '(?P<option>[^']*)': )?"
                   r"(?P<what>.*)", re.S)
_CHOICE = re.compile(r"Expected one of: \((?P<choices>.*)\) but received: (?P<given>.*)", re.S)
_TYPE = re.compile(r"Expected type: <class '(?P<expected>\w+)'> but received: <class '\w+'>")
_UNKNOWN = re.compile(r"Unrecognised configuration name: (?P<name>.*)")
_NOT_INSTALLED = re.compile(r'The "(?P<plugin>[^"]*)" plugin is not installed')
_NO_THEME = re.compile(r"Unrecognised theme name: '(?P<theme>[^']*)'\. The available installed themes are: (?P<known>.*)")
_TYPES = {"bool": "true or false", "str": "a text", "int": "a whole number", "list": "a list in [brackets]",
          "dict": "a group of 'name: value' lines"}


def located(config_file: str, said: list[str], known: dict[str | None, list[str]]) -> list[str]:
    """Each of MkDocs' messages at its place in the file. `known`: the names allowed at the top
    (key None), in a plugin's settings (key: the plugin's name) and as plugins ("plugins"), for a
    close name."""
    path = Path(config_file)
    try:
        root = read_yaml(path, {})[0]
    except YamlFileError:
        root = None
    told = [_one(path, root, message, known) for message in said]
    # "'site_name' is missing" after "'site_nmae' ... (did you mean 'site_name'?)" says the same again.
    meant = {match[1] for message in told for match in [re.search(r"\(did you mean '([^']*)'\?\)$", message)] if match}
    return [message for message in told if not any(message.endswith(f": '{name}' is missing; add it") for name in meant)]


def _one(path: Path, root, message: str, known: dict) -> str:
    found = _SAID.fullmatch(message.strip())
    if found is None:
        return f"{path}: {message}"
    key, plugin, option, what = found["key"], found["plugin"], found["option"], found["what"].strip()
    name = option or key
    group = named(root, key)[1]
    node = key_node = None
    if plugin:
        key_node, node = named(named(plugin_item(group, plugin), plugin)[1], option)
    elif _NOT_INSTALLED.fullmatch(what):
        node = plugin_item(group, _NOT_INSTALLED.fullmatch(what)["plugin"])
    else:
        key_node, node = named(root, key)
        if key == "theme" and isinstance(node, yaml.MappingNode):
            node = named(node, "name")[1] or node
    unknown = _UNKNOWN.fullmatch(what)
    where = key_node if unknown else node or key_node or group
    allowed = known.get("plugins" if _NOT_INSTALLED.fullmatch(what) else plugin or None, [])
    return f"{_location(path, where).display()}: {_plain(name, what, allowed)}"


def _plain(name: str, what: str, allowed: list[str]) -> str:
    if choice := _CHOICE.fullmatch(what):
        return f"'{name}' must be one of {choice['choices'].rstrip(',')}, not {choice['given']}"
    if (expected := _TYPE.fullmatch(what)) and expected["expected"] in _TYPES:
        return f"'{name}' must be {_TYPES[expected['expected']]}"
    if unknown := _UNKNOWN.fullmatch(what):
        return f"'{unknown['name']}' is not a setting here" + (did_you_mean(unknown["name"], allowed) or "; remove it")
    if what.startswith("Required configuration not provided"):
        return f"'{name}' is missing; add it"
    if theme := _NO_THEME.fullmatch(what):
        return f"the theme '{theme['theme']}' is not installed; the guide's is 'material' (installed: {theme['known']})"
    if installed := _NOT_INSTALLED.fullmatch(what):
        close = close_match(installed["plugin"], allowed)
        return (f"the plugin '{installed['plugin']}' is not installed; "
                + (f"did you mean '{close}'?" if close else "check its name, or remove the line"))
    return f"'{name}': {what}"


def _location(path: Path, node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else Location(path, 1, 1)
