"""The guide in another language: its texts laid over the merged English nodes, by id, before
anything is validated, so each translated text is checked like the English one and points at
the line its translator wrote.

A language is a folder `translations/<code>/` beside the content (the default guide's, and a
career center's overlay may have its own, whose texts replace the default's text by text):

translations/es/guide.yml               title, description, copyright, introduction;
                                        phases, moments, outcomes: {id: {text fields}};
                                        timeline: {title, points: {id of what it points at: {label}}};
                                        pages: {name: {title, description, introduction}};
                                        labels: {name: text}
translations/es/advice/*.yml            entries: {id: {title, summary, body, instead, checklist}}
translations/es/message-templates.yml   fields: {id: {label}}, templates: {id: {title, when, subject, body}}
translations/es/pages/*.md              the pages written by hand, under the same file names
translations/es/translated-from.yml     what each text said in English when it was translated
                                        (written by `followup-guide translation es --checked`)

Which fields have a translation is declared once, with each field (`FieldType.translatable`):
what a reader reads does; ids, kinds, references, timings and choices are the same in every
language and come from the English files only.

A text without a translation is a problem, named at the English text's file:line:column with
the file where its translation belongs; when the center allows a fallback, it is a warning
instead and the English text is shown, marked as English (fields.InLanguage).

A translation whose English text changed since it was translated is a warning at the
translation's line: translated-from.yml keeps a short fingerprint of each English text, by
where it is ("entry/send-one-follow-up/body"), as it was when the translations were last
checked (a text checked before its entry or template was renamed is found under the former id,
from 'former_ids'). Each translation is compared with the translated-from.yml of whoever wrote it
(CheckedIn): the default guide's own translations with the default guide's file, a career
center's with the center's, so that a center checks only what it translated.

When the English a translation belongs to could not be read, or has a problem of its own, that
problem is the one reported: its translation is not also called unneeded ("remove it here").
When a translation file could not be read, or a group of translations is in another shape
than its own (the English's list of '- id:' items where 'id:' lines belong), the texts it may
have held are not also called missing: its one message says how to write it. And a center
is never asked to remove anything from the default guide's files.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import yaml

from ..content_files import YAML_SUFFIXES, files_below
from ..model.fields import (Deprecated, ListOf, Nested, Reading, Record, ShownInLanguage, close_match, did_you_mean,
                            has_translation)
from ..model.records import GuideSettings
from ..problems import Location, Note, Problem, display_path, location_of
from .merge import merge_groups
from .yaml_source import YamlFileError, read_root, read_yaml

SOURCE_LANGUAGE = "en"  # the language the content is written in
TRANSLATIONS = "translations"
PAGES = "pages"
FINGERPRINTS = "translated-from.yml"


def fingerprint(english: str) -> str:
    """A short mark of an English text: another text gives another mark."""
    return hashlib.sha256(english.strip().encode()).hexdigest()[:10]


def translation_folder(root: Path, language: str) -> Path:
    return Path(root) / TRANSLATIONS / language


def _is_blank(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""


def _pairs(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {key.value: (key, value) for key, value in node.value
            if isinstance(key, yaml.ScalarNode) and not _is_blank(value)}


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
        return True
    except ValueError:
        return False


class CheckedIn:
    """Whose a translation is, and so which translated-from.yml records its check: with a
    career center's overlay, the default guide's own translations (in the package) are the
    default guide's, checked in its file, and every other translation is the center's, checked
    in the center's file; without an overlay every translation is the guide's own."""

    def __init__(self, language: str, content_dir: Path, overlay_dir: Path | None):
        self.default_folder = translation_folder(content_dir, language)
        self.own_folder = translation_folder(overlay_dir or content_dir, language)
        self.own_file = self.own_folder / FINGERPRINTS  # translated-from.yml of each
        self.default_file = self.default_folder / FINGERPRINTS
        self.overlay = overlay_dir is not None
        self._owned: dict[Path, bool] = {}  # by file: asked once for each text

    def is_own(self, path: Path) -> bool:
        """Whether the translation in `path` is the center's (without an overlay: always)."""
        if not self.overlay:
            return True
        owned = self._owned.get(path)
        if owned is None:
            owned = self._owned[path] = _inside(path, self.own_folder) or not _inside(path, self.default_folder)
        return owned


def _ids_example(wrong: yaml.Node, keys: tuple[str, ...], first_id: str | None) -> str:
    """How to write a group of 'id:' lines given in another shape (the end of its message): the
    English's list form ("- id: while-you-wait") shown as the translation's ("while-you-wait:")."""
    items = wrong.value if isinstance(wrong, yaml.SequenceNode) else []
    for item in items[:1]:
        pairs = _pairs(item) if isinstance(item, yaml.MappingNode) else {}
        key = next((name for name in keys if name in pairs and isinstance(pairs[name][1], yaml.ScalarNode)), None)
        if key is not None:
            id_ = pairs[key][1].value.strip()
            return f", not a list: write \"- {key}: {id_}\" as \"{id_}:\", and keep its texts below it as they are"
    if items:
        return ", not a list: write each one as its id and a colon, without a '-', with its texts indented below it"
    if first_id:
        return f"; for example \"{first_id}:\" on a line of its own, with the translated texts indented below it"
    return ""


def _texts_example(record: type[Record], english: yaml.MappingNode, wrong: yaml.Node) -> str:
    """How to write the group of 'name: text' lines of a translated record given in another shape
    (the end of its message): the first text of its English, on a line of its own."""
    specs = [(key.value, record._specs.get(key.value)) for key, _ in english.value if isinstance(key, yaml.ScalarNode)]
    names = [name for name, spec in specs if spec is not None and not isinstance(spec, Deprecated)
             and has_translation(spec)]
    if not names:
        return ""
    text = wrong.value.strip() if isinstance(wrong, yaml.ScalarNode) else ""
    if not text or "\n" in text or len(text) > 40:
        text = "..."
    if isinstance(wrong, yaml.SequenceNode):
        return f", not a list: write each one without a '-' before it; for example \"{names[0]}: {text}\""
    return f", each on a line of its own and indented; for example \"{names[0]}: {text}\""


class _ProblemsIn:
    """Whether an English node (or any node in it: a group merged from an overlay spans several
    files) holds one of `problems`; each node asked about is walked once."""

    def __init__(self, problems: list[Problem]):
        self.places: dict[Path, list[tuple[int, int]]] = {}  # file -> (line, column) of each, 0-based
        for problem in problems:
            location = problem.location
            self.places.setdefault(location.path, []).append((location.line - 1, location.column - 1))
        self.known: dict[int, bool] = {}

    def __call__(self, node: yaml.Node) -> bool:
        if not self.places:
            return False
        found = self.known.get(id(node))
        if found is None:
            found = self.known[id(node)] = self._holds(node)
        return found

    def _holds(self, node: yaml.Node) -> bool:
        places = self.places.get(location_of(node).path, ())
        start, end = (node.start_mark.line, node.start_mark.column), (node.end_mark.line, node.end_mark.column)
        if any(start <= place < end for place in places):
            return True
        if isinstance(node, yaml.MappingNode):
            return any(self(part) for pair in node.value for part in pair if not isinstance(part, yaml.ScalarNode)
                       or location_of(part).path != location_of(node).path)
        if isinstance(node, yaml.SequenceNode):
            return any(self(item) for item in node.value)
        return False


class Translation:
    """One language's texts, read from the default guide's translation folder and the overlay's."""

    def __init__(self, language: str, content_dir: Path, overlay_dir: Path | None, reading: Reading,
                 fallback: bool = False, where_named: Callable[[], Location | None] | None = None):
        """`where_named()`: where the settings name the language (mkdocs.yml's `languages:`), where a
        language without any translation folder is reported (asked only then)."""
        self.language = language
        self.content_dir = Path(content_dir)
        self.overlay_dir = None if overlay_dir is None else Path(overlay_dir)
        self.reading = reading
        self.fallback = fallback
        self.guide: yaml.MappingNode | None = None
        # kind -> id -> (key node, translation node)
        self.items: dict[str, dict[str, tuple[yaml.Node, yaml.Node]]] = {"entry": {}, "field": {}, "template": {}}
        self.owners = CheckedIn(language, self.content_dir, self.overlay_dir)
        # translated-from.yml (the default guide's, the center's: one file without an overlay) ->
        # where a text is -> its English's fingerprint when last checked; only the files there are
        self.checked: dict[Path, dict[str, str]] = {}
        self.translated_from: dict[str, str] = {}  # the same, for each of the center's translations used now
        # translation file -> (the first of its texts the center's translated-from.yml lacks, how many)
        self.unchecked: dict[Path, tuple[yaml.Node, str, int]] = {}
        # texts of a sentence or more written exactly as the English, by file: the first, how many
        self.still_english: dict[Path, tuple[yaml.Node, int]] = {}
        # the English files with a problem when they were read (the problems so far are all of
        # that kind), and the kinds of translation files that could not be read whole
        self.unread_english = {problem.location.path for problem in reading.problems}
        self.unread_kinds: set[str] = set()
        # problems of translations reported only when the English record they belong to has none
        # of its own (then that problem is the cause): (the English record's node, the problem)
        self.unless_english_wrong: list[tuple[yaml.Node, Problem]] = []
        self._formers: dict[tuple[str, str], list[str]] | None = None  # (kind, id now) -> its former ids
        roots = [self.content_dir, *([self.overlay_dir] if self.overlay_dir else [])]
        folders = [translation_folder(root, language) for root in roots]
        if not any(os.path.isdir(folder) for folder in folders):
            named_at = where_named() if where_named else None
            settings = "mkdocs.yml" if named_at is None else display_path(named_at.path)
            reading.problem(named_at or Location(self.content_dir / "guide.yml", 1, 1),
                            f"the guide is published in '{language}', but there is no folder "
                            f"{display_path(folders[-1])}/ with its translations; run `followup-guide translation "
                            f"{language}` to write it, or take '{language}' out of 'languages' in {settings}")
            self.unread_kinds.update(("guide.yml", "entry", "field", "template"))  # one message, not one per text
        for folder in folders:
            self._read_folder(folder)

    # -- reading the translation files ----------------------------------------------------------

    def _root(self, path: Path) -> yaml.MappingNode | None:
        root = read_root(path, self.reading)
        if root is None:
            return None
        if not isinstance(root, yaml.MappingNode):
            self.reading.problem(location_of(root), "a translation file should be a group of 'name: value' lines")
            return None
        return root

    def _read_folder(self, folder: Path) -> None:
        if os.path.lexists(folder / "guide.yml"):
            root = self._root(folder / "guide.yml")
            if root is not None:
                self.guide = root if self.guide is None else merge_groups(self.guide, root)
            else:
                self.unread_kinds.add("guide.yml")
        advice = folder / "advice"
        if os.path.lexists(advice):
            paths, problems = files_below(advice, YAML_SUFFIXES)
            self.reading.problems += problems
            if problems:
                self.unread_kinds.add("entry")
            for path in paths:
                self._read_groups(path, {"entries": "entry"})
        if os.path.lexists(folder / "message-templates.yml"):
            self._read_groups(folder / "message-templates.yml", {"fields": "field", "templates": "template"})
        if os.path.lexists(folder / FINGERPRINTS):
            checked = self.checked.setdefault(folder / FINGERPRINTS, {})
            checked.update(fingerprints_in(self._root(folder / FINGERPRINTS), self.language, self.reading))

    def _read_groups(self, path: Path, groups: dict[str, str]) -> None:
        root = self._root(path)
        if root is None:
            self.unread_kinds.update(groups.values())  # what it holds is not known: none of it is called missing
            return
        for name, (key, value) in _pairs(root).items():
            kind = groups.get(name)
            if kind is None:
                allowed = ", ".join(groups)
                self.reading.problem(location_of(key), f"unknown field '{name}'{did_you_mean(name, groups)} "
                                                       f"(a translation file here has: {allowed})")
                self.unread_kinds.update(groups.values())
                continue
            if not isinstance(value, yaml.MappingNode):
                self.reading.problem(location_of(value), f"'{name}' should be a group of 'id:' lines, each with "
                                                         f"the translated texts of that {kind}"
                                                         + _ids_example(value, ("id",), None))
                self.unread_kinds.add(kind)
                continue
            for id_, (id_key, texts) in _pairs(value).items():
                known = self.items[kind].get(id_)
                if known is None:
                    self.items[kind][id_] = (id_key, texts)
                elif Path(location_of(known[0]).path).parent == Path(path).parent:
                    self.reading.problem(location_of(id_key), f"the {kind} '{id_}' is translated twice (first at "
                                                              f"{location_of(known[0]).display()}); keep one")
                elif isinstance(known[1], yaml.MappingNode) and isinstance(texts, yaml.MappingNode):
                    self.items[kind][id_] = (id_key, merge_groups(known[1], texts))  # the overlay's, text by text
                else:
                    self.items[kind][id_] = (id_key, texts)

    # -- laying the texts over the English nodes ------------------------------------------------

    def guide_settings(self, node: yaml.Node | None) -> yaml.Node | None:
        if node is None or not isinstance(node, yaml.MappingNode):
            return node
        return self._record(GuideSettings, node, self.guide, "guide.yml", "the guide", path=("guide",))

    def records(self, kind: str, record: type[Record], nodes: list[yaml.Node], hidden: dict) -> list[yaml.Node]:
        """The entries, fields or templates, each with its texts in this language."""
        given = self._renamed(kind, self.items[kind])
        misspelt = self._misspelt(record, nodes, given)
        # A hidden entry is not shown: it needs no translation; one whose id is misspelt in the
        # translation is told once, as that id (below), not also text by text as missing.
        result, seen, complete = self._by_id(record, nodes, given, kind, f"the {kind}",
                                             lambda id_: (kind, id_) in hidden or id_ in misspelt, (kind,))
        if not complete or self._english_unread(kind):
            return result  # an English file or id could not be read: that is the problem reported
        for id_, (key, _) in given.items():
            if id_ not in seen:
                self._unneeded(key, f"there is no {kind} '{id_}' in the guide to translate"
                                    f"{did_you_mean(id_, seen)}; check the id or remove it here")
        return result

    def _misspelt(self, record: type[Record], nodes: list[yaml.Node], given: dict) -> set[str]:
        """The English ids left untranslated that an unknown id of the center's own translation
        was probably meant to be ('book-a-debreif' for 'book-a-debrief')."""
        english = [self._key(record, node) for node in nodes]
        unknown = given.keys() - set(english)  # usually none
        if not unknown:
            return set()
        untranslated = [id_ for id_ in english if id_ and id_ not in given]
        return {close for id_ in unknown if self.owners.is_own(location_of(given[id_][0]).path)
                for close in [close_match(id_, untranslated)] if close}

    def _renamed(self, kind: str, given: dict) -> dict:
        """The texts given under a former id (from 'former_ids') moved to the id now, as a change of
        changes.yml naming one is: a release that renames an entry keeps a center's translation of
        it working, with a warning in the center's own file that gives the new id. The release's own
        translation under the new id is the base, the center's texts over it, as under one id."""
        renamed = self.reading.renamed
        moved = {id_: item for id_, item in given.items() if (kind, id_) not in renamed}
        for id_, (key, texts) in given.items():
            new = renamed.get((kind, id_), (None,))[0]
            if new is None:
                continue
            own = self.owners.is_own(location_of(key).path)
            known = moved.get(new)
            if known is not None and self.owners.is_own(location_of(known[0]).path) == own:
                self._unneeded(key, f"the {kind} '{id_}' is now called '{new}', which is translated here too; "
                                    "remove this one")  # (the same files translate both ids)
                continue
            if known is None:
                moved[new] = (key, texts)
            elif isinstance(known[1], yaml.MappingNode) and isinstance(texts, yaml.MappingNode):
                base, over = (known, (key, texts)) if own else ((key, texts), known)
                moved[new] = (over[0], merge_groups(base[1], over[1]))
            elif own:
                moved[new] = (key, texts)
            if own:
                self.reading.warning(location_of(key), f"the {kind} '{id_}' is now called '{new}'; write "
                                                       f"'{new}' here (`followup-guide changelog` lists every "
                                                       "renamed id)")
        return moved

    def _english_unread(self, kind: str) -> bool:
        """Whether an English file that may hold records of `kind` could not be read (whole)."""
        name = "advice" if kind == "entry" else "message-templates.yml"
        return any(_inside(path, root / name) for path in self.unread_english
                   for root in filter(None, (self.content_dir, self.overlay_dir)))

    def _unneeded(self, key: yaml.Node, message: str, english: yaml.Node | None = None) -> None:
        """A translation with nothing to translate, at `key`: reported, asking to remove it, only
        in the center's own files. In the default guide's, under a center's overlay, it is a text
        the center's English left out (a change that made a don't a do, an entry of the center's
        with the same id, which is reported itself), and is simply not used; the default guide's
        own files are checked whole, without an overlay, by its tests. `english`: the English
        record the text belongs to (see _unless_english_wrong)."""
        location = location_of(key)
        if not self.owners.is_own(location.path):
            return
        if english is None:
            self.reading.problem(location, message)
        else:
            self._unless_english_wrong(english, Problem(location, message))

    def _unless_english_wrong(self, english: yaml.Node, problem: Problem) -> None:
        """A problem reported only if the English record `english` has none of its own (finish):
        otherwise that one is the cause, and this would send the editor the wrong way (remove a
        good translation, translate an entry whose id is a duplicate)."""
        self.unless_english_wrong.append((english, problem))

    def finish(self) -> None:
        """Once the English is validated: the problems of translations whose English record has
        none of its own; and a note for each of the center's translation files with texts its
        translated-from.yml does not list yet."""
        if self.unless_english_wrong:
            english_wrong = _ProblemsIn(self.reading.problems)
            self.reading.problems += [problem for english, problem in self.unless_english_wrong
                                      if not english_wrong(english)]
        for node, count in self.still_english.values():
            if count >= 3:  # a skeleton from `translation <code>` not translated yet, not a name kept as it is
                self.reading.warning(node, (
                    f"this text and {count - 1} more in this file are still the English; translate them before you "
                    f"publish the guide in '{self.language}'"))
        for node, name, count in self.unchecked.values():
            what = f"the translation of {name}" + (f" and {count - 1} more in this file" if count > 1 else "")
            self.reading.note(node, (
                f"{what} {'are' if count > 1 else 'is'} not marked as checked yet; once "
                f"{'they are' if count > 1 else 'it is'} right, run `followup-guide translation {self.language} "
                f"--checked`, so that a later change to {'their' if count > 1 else 'its'} English is pointed out"))

    def _by_id(self, record: type[Record], nodes: list[yaml.Node], given: dict, kind: str, what: str,
               quiet, path: tuple[str, ...]) -> tuple[list[yaml.Node], dict[str, None], bool]:
        """Each of `nodes` with its texts from `given` (by id), the ids read, in order, and whether
        every node had one. `what` names one ("the entry"); `quiet(id)`: whether a missing text is
        left unreported; `path`: where they are (("entry",)), for translated-from.yml."""
        translated, seen, complete = [], {}, True
        for node in nodes:
            id_ = self._key(record, node)
            if id_ is None:
                translated.append(node)
                complete = False
                continue
            seen[id_] = None
            texts = given.get(id_)
            translated.append(self._record(record, node, texts[1] if texts else None, kind, f"{what} '{id_}'",
                                           quiet(id_), (*path, id_)))
        return translated, seen, complete

    def _first_id(self, record: type[Record], english: yaml.SequenceNode) -> str | None:
        """The id the first English item of a list is translated under (for an example)."""
        return next(filter(None, (self._key(record, item) for item in english.value)), None)

    @staticmethod
    def _key(record: type[Record], node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.MappingNode):
            return None
        pairs = _pairs(node)
        for name in record.translation_keys:
            if name in pairs and isinstance(pairs[name][1], yaml.ScalarNode):
                return pairs[name][1].value.strip()
        return None

    def _group(self, texts: yaml.Node | None, wrong_shape: Callable[[], str]) -> dict | None:
        """The translated texts given for a group, by name; a node of another shape is a problem
        (`wrong_shape()`: its message), and None: what it meant to translate is not known, so
        nothing in it is called missing."""
        if texts is None:
            return {}
        if not isinstance(texts, yaml.MappingNode):
            self.reading.problem(location_of(texts), wrong_shape())
            return None
        return _pairs(texts)

    def _record(self, record: type[Record], node: yaml.Node, texts: yaml.Node | None, kind: str, what: str,
                quiet: bool = False, path: tuple[str, ...] = ()) -> yaml.Node:
        if not isinstance(node, yaml.MappingNode):
            return node
        given = self._group(texts, lambda: f"the translation of {what} should be a group of 'name: text' lines"
                                           + _texts_example(record, node, texts))
        if given is None:
            given, quiet = {}, True  # the shape is the one message: its texts are not also called missing
        used = set()
        pairs = []
        for key, child in node.value:
            spec = record._specs.get(key.value) if isinstance(key, yaml.ScalarNode) else None
            if spec is None or isinstance(spec, Deprecated) or _is_blank(child):
                pairs.append((key, child))
                continue
            translation = given.get(key.value)
            if translation is not None and (has_translation(spec) or isinstance(spec, (Nested, ListOf))):
                used.add(key.value)
            text = translation[1] if translation else None
            name = f"'{key.value}' of {what}"
            if has_translation(spec):
                if text is not None and not self._stale(child, text):
                    self._compare("/".join((*path, key.value)), child, text, name)
                    child = text
                elif not quiet:
                    child = self._missing(child, name, kind, changed=text is not None, record=node)
            elif isinstance(spec, Nested):
                child = self._record(spec.record, child, text, kind, name, quiet, (*path, key.value))
            elif isinstance(spec, ListOf) and isinstance(spec.item, Nested) and isinstance(child, yaml.SequenceNode):
                child = self._list(spec.item.record, child, text, kind, name, quiet, (*path, key.value))
            pairs.append((key, child))
        for name, (key, _) in given.items():
            if name in used:
                continue
            spec = record._specs.get(name)
            if spec is not None and (has_translation(spec) or isinstance(spec, (Nested, ListOf))) and not isinstance(spec, Deprecated):
                self._unneeded(key, f"{what} has no '{name}' in the guide's own language, so there is nothing to "
                                    "translate; remove it here", english=node)
            elif spec is not None:
                self._unneeded(key, f"'{name}' is the same in every language: it comes from the guide's own files; "
                                    "remove it here")
            else:
                texts_here = [k for k, s in record._specs.items() if has_translation(s) or isinstance(s, (Nested, ListOf))
                              and not isinstance(s, Deprecated)]
                self.reading.problem(location_of(key), f"unknown field '{name}'{did_you_mean(name, texts_here)} "
                                                       f"in the translation of {what}")
        translated = yaml.MappingNode(node.tag, pairs, node.start_mark, node.end_mark)
        if hasattr(node, "changed_by"):  # a center's change (merge.py): its rules still point at changes.yml
            translated.changed_by = node.changed_by
        return translated

    def _list(self, record: type[Record], node: yaml.SequenceNode, texts: yaml.Node | None, kind: str, what: str,
              quiet: bool, path: tuple[str, ...]) -> yaml.SequenceNode:
        given = self._group(texts, lambda: f"the translation of {what} should be a group of 'id:' lines, each "
                                           "with the texts of that one"
                                           + _ids_example(texts, record.translation_keys, self._first_id(record, node)))
        if given is None:
            given, quiet = {}, True  # the shape is the one message: its texts are not also called missing
        items, seen, complete = self._by_id(record, node.value, given, kind, f"the {record.record_name}",
                                            lambda id_: quiet, path)
        for id_, (key, _) in given.items():
            if id_ not in seen and complete:
                self._unneeded(key, f"there is no {record.record_name} '{id_}' in {what}"
                                    f"{did_you_mean(id_, seen)}; check the id or remove it here")
        return yaml.SequenceNode(node.tag, items, node.start_mark, node.end_mark, node.flow_style)

    def _compare(self, where: str, english: yaml.Node, translation: yaml.Node, name: str) -> None:
        """Notes the English a translation stands for; a warning when it changed since it was checked."""
        if not isinstance(english, yaml.ScalarNode):
            return  # a list of texts (search words): checked as a whole by its translator
        if not isinstance(translation, yaml.ScalarNode):
            return  # a text written as a list or a group: reading the field says so, at its line
        now = fingerprint(english.value)
        owners = self.owners
        own = owners.is_own(location_of(translation).path)
        if own:  # what the center's --checked records (the default guide's own are checked in its file)
            self.translated_from[where] = now
            if translation.value.strip() == english.value.strip() and english.value.count(" ") >= 2:
                self._note_still_english(translation)
        checked = self.checked.get(owners.own_file if own else owners.default_file)
        if checked is None:
            return  # never checked at all: nothing to compare with, nothing to say
        mark = checked.get(where)
        if mark is None:  # checked before its entry or template was renamed: under a former id
            mark = next(filter(None, map(checked.get, self._former_places(where))), None)
        if mark is None:
            if own:  # the center translated it since its last check: noted once per file (finish)
                self._note_unchecked(translation, name)
        elif mark != now:
            self.reading.warning(location_of(translation), (
                f"the English of {name} has changed since this translation was checked "
                f"({location_of(english).display()}); update the translation if it needs it, then run "
                f"`followup-guide translation {self.language} --checked`"))

    def _former_places(self, where: str) -> list[str]:
        """Where a text was, by the ids its entry or template had before ('former_ids'): the
        places translated-from.yml may have recorded it under ("entry/keep-searching/title" for
        "entry/keep-applying/title"; the timeline's point of a renamed entry likewise)."""
        if self._formers is None:
            self._formers = {}
            for (kind, former), (new, _) in self.reading.renamed.items():
                self._formers.setdefault((kind, new), []).append(former)
        parts = where.split("/")
        if parts[0] in ("entry", "template") and len(parts) > 2:
            kind, at = parts[0], 1
        elif parts[:3] == ["guide", "timeline", "points"] and len(parts) > 4:
            kind, at = "entry", 3  # a point named by what it points at: an entry may have been renamed
        else:
            return []
        return ["/".join((*parts[:at], former, *parts[at + 1:])) for former in self._formers.get((kind, parts[at]), ())]

    def _note_still_english(self, translation: yaml.Node) -> None:
        path = location_of(translation).path
        first, count = self.still_english.get(path, (translation, 0))
        self.still_english[path] = (min(first, translation, key=location_of), count + 1)

    def _note_unchecked(self, translation: yaml.Node, name: str) -> None:
        path = location_of(translation).path
        first, first_name, count = self.unchecked.get(path, (translation, name, 0))
        if location_of(translation) < location_of(first):
            first, first_name = translation, name
        self.unchecked[path] = (first, first_name, count + 1)

    def _stale(self, english: yaml.Node, translation: yaml.Node) -> bool:
        """A text the center changed in its overlay, whose translation is still the default guide's."""
        return (self.overlay_dir is not None and _inside(location_of(english).path, self.overlay_dir)
                and not _inside(location_of(english).path, self.overlay_dir / TRANSLATIONS)
                and not _inside(location_of(translation).path, translation_folder(self.overlay_dir, self.language)))

    def _missing(self, english: yaml.Node, name: str, kind: str, changed: bool, record: yaml.Node) -> yaml.Node:
        if kind in self.unread_kinds:
            return english  # it may be in the translation file that could not be read: that is reported
        location = location_of(english)
        target = display_path(self.file_for(Path(location.path), kind))
        if changed:
            message = (f"{name} is changed here, and its '{self.language}' translation is still the default guide's; "
                       f"translate the change in {target}")
        else:
            message = f"{name} has no '{self.language}' translation; write it in {target}"
        if not self.fallback:
            if changed:  # no change when the English record is wrong (an entry of the center's with a default id)
                self._unless_english_wrong(record, Problem(location, message))
            else:  # true whatever else is wrong: a text in the guide's own language has no translation
                self.reading.problem(location, message)
            return english
        self.reading.warning(location, message + "; until then the page shows it in the guide's own language")
        # (a list of texts keeps its own node: only a text is marked)
        return ShownInLanguage(english, SOURCE_LANGUAGE) if isinstance(english, yaml.ScalarNode) else english

    def file_for(self, path: Path, kind: str) -> Path:
        """Where the translation of a text of `path` belongs: the same name under translations/<code>/,
        in the center's own folder when there is one (the default guide's is in the package)."""
        for root in filter(None, (self.overlay_dir, self.content_dir)):
            if _inside(path, root):
                relative = Path(path).resolve().relative_to(Path(root).resolve())
                if relative.name == "changes.yml":  # a changed entry or template: its translation file
                    relative = Path("advice", "changes.yml") if kind == "entry" else Path("message-templates.yml")
                return translation_folder(self.overlay_dir or root, self.language) / relative
        return path


# -- the pages written by hand ---------------------------------------------------------------------

def page_translation_folder(pages_folder: Path, language: str) -> Path:
    """Where the translations of a folder of pages are: translations/<code>/<its name> beside it
    (content/pages -> content/translations/es/pages)."""
    return translation_folder(Path(pages_folder).parent, language) / Path(pages_folder).name


def translated_pages(pages_folders: list[Path], language: str) -> dict[str, Path]:
    """Each page (its path inside the site's sources) and the file of its translation, for the
    pages that have one."""
    found: dict[str, Path] = {}
    for folder in dict.fromkeys(Path(f) for f in pages_folders):
        translations = page_translation_folder(folder, language)
        if not os.path.isdir(translations):
            continue
        files, _ = files_below(translations, (".md",))
        for path in files:
            found[path.relative_to(translations).as_posix()] = path
    return found


def fingerprints_in(root: yaml.Node | None, language: str, reading: Reading | None = None) -> dict[str, str]:
    """The fingerprints of a translated-from.yml read into `root` (none when it could not be
    read as a group); `reading`: where a value that is no fingerprint is reported."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    marks = {}
    for name, (_, value) in _pairs(root).items():
        if isinstance(value, yaml.ScalarNode):
            marks[name] = value.value.strip()
        elif reading is not None:
            reading.problem(location_of(value), f"'{name}' should be one fingerprint, as "
                                                f"`followup-guide translation {language} --checked` writes it")
    return marks


def _english_pages(pages_folders: list[Path]) -> dict[str, Path]:
    """Each page written by hand in the guide's own language, by its path (a center's over the guide's)."""
    english: dict[str, Path] = {}
    for folder in dict.fromkeys(Path(f) for f in pages_folders):
        if os.path.isdir(folder):
            files, _ = files_below(folder, (".md",))
            english.update({path.relative_to(folder).as_posix(): path for path in files})
    return english


def page_fingerprints(pages_folders: list[Path], language: str, english: dict[str, Path] | None = None,
                      translated: dict[str, Path] | None = None, owners: CheckedIn | None = None) -> dict[str, str]:
    """"page/<its path>" -> the fingerprint of each page in the guide's own language that has a
    translation in `language` (`english`, `translated`: those pages, when already listed;
    `owners`: only those whose translation is the center's own)."""
    english = _english_pages(pages_folders) if english is None else english
    translated = translated_pages(pages_folders, language) if translated is None else translated
    return {f"page/{uri}": fingerprint(path.read_text(encoding="utf-8"))
            for uri, path in english.items() if uri in translated
            and (owners is None or owners.is_own(translated[uri]))}


def page_problems(pages_folders: list[Path], language: str, fallback: bool, owners: CheckedIn,
                  published=None) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of the pages in one language: a page without its translation, a
    translation without its page; a warning for a translation whose page changed since it was
    checked (in the translated-from.yml of whoever translated it: `owners`), a note for one of
    the center's not checked yet. `published(path)`: whether a page is published at all (the
    staff pages may not be); one that is not needs no translation."""
    problems, warnings = [], []
    if not any(os.path.isdir(translation_folder(Path(folder).parent, language)) for folder in pages_folders):
        return problems, warnings  # no translation of this language at all: the loader says so, once
    english = _english_pages(pages_folders)
    translated = translated_pages(pages_folders, language)
    own = page_translation_folder(list(dict.fromkeys(Path(f) for f in pages_folders))[-1], language)
    for uri, path in sorted(english.items()):
        if uri not in translated and (published is None or published(path)):
            target = own / uri  # the site's own pages folder's translations (a center's, not the package's)
            message = f"this page has no '{language}' translation; write it in {display_path(target)}"
            if fallback:
                warnings.append(Problem(Location(path, 1, 1), message + "; until then it is shown in the guide's "
                                                                        "own language"))
            else:
                problems.append(Problem(Location(path, 1, 1), message))
    for uri, path in sorted(translated.items()):
        if uri not in english:
            problems.append(Problem(Location(path, 1, 1), f"there is no page '{uri}' in the guide's own language for "
                                                          "this to translate; check its name or remove it"))
    checked = {}  # (each file's problems are reported where the knowledge base is read)
    for path in dict.fromkeys((owners.default_file, owners.own_file)):
        try:
            checked[path] = fingerprints_in(read_yaml(path, {})[0], language) if os.path.isfile(path) else None
        except YamlFileError:
            checked[path] = None
    for where, mark in page_fingerprints(pages_folders, language, english, translated).items():
        uri = where.removeprefix("page/")
        own = owners.is_own(translated[uri])
        marks = checked[owners.own_file if own else owners.default_file]
        known = None if marks is None else marks.get(where)
        if marks is None or (known is None and not own):
            continue  # never checked at all; or the default guide's, which its own file does not list
        if known is None:
            warnings.append(Note(Location(translated[uri], 1, 1), (
                f"this translation is not marked as checked yet; once it is right, run `followup-guide translation "
                f"{language} --checked`, so that a later change to the English page is pointed out")))
        elif known != mark:
            warnings.append(Problem(Location(translated[uri], 1, 1), (
                f"the English of this page has changed since this translation was checked "
                f"({display_path(english[uri])}); update the translation if it needs it, then run "
                f"`followup-guide translation {language} --checked`")))
    return problems, warnings
