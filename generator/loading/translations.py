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
checked.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import yaml

from ..content_files import YAML_SUFFIXES, files_below
from ..model.fields import Deprecated, ListOf, Nested, Reading, Record, ShownInLanguage, did_you_mean, has_translation
from ..model.records import GuideSettings
from ..problems import Location, Problem, display_path, location_of
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


class Translation:
    """One language's texts, read from the default guide's translation folder and the overlay's."""

    def __init__(self, language: str, content_dir: Path, overlay_dir: Path | None, reading: Reading,
                 fallback: bool = False):
        self.language = language
        self.content_dir = Path(content_dir)
        self.overlay_dir = None if overlay_dir is None else Path(overlay_dir)
        self.reading = reading
        self.fallback = fallback
        self.guide: yaml.MappingNode | None = None
        # kind -> id -> (key node, translation node)
        self.items: dict[str, dict[str, tuple[yaml.Node, yaml.Node]]] = {"entry": {}, "field": {}, "template": {}}
        self.checked: dict[str, str] = {}  # where a text is -> its English's fingerprint when last checked
        self.translated_from: dict[str, str] = {}  # the same, for each translation used now
        roots = [self.content_dir, *([self.overlay_dir] if self.overlay_dir else [])]
        folders = [translation_folder(root, language) for root in roots]
        if not any(os.path.isdir(folder) for folder in folders):
            reading.problem(Location(self.content_dir / "guide.yml", 1, 1),
                            f"the guide is published in '{language}', but there is no folder "
                            f"{display_path(folders[-1])}/ with its translations; add it, or take "
                            f"'{language}' out of 'languages' in mkdocs.yml")
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
        advice = folder / "advice"
        if os.path.lexists(advice):
            paths, problems = files_below(advice, YAML_SUFFIXES)
            self.reading.problems += problems
            for path in paths:
                self._read_groups(path, {"entries": "entry"})
        if os.path.lexists(folder / "message-templates.yml"):
            self._read_groups(folder / "message-templates.yml", {"fields": "field", "templates": "template"})
        if os.path.lexists(folder / FINGERPRINTS):
            self.checked.update(fingerprints_in(self._root(folder / FINGERPRINTS), self.language, self.reading))

    def _read_groups(self, path: Path, groups: dict[str, str]) -> None:
        root = self._root(path)
        if root is None:
            return
        for name, (key, value) in _pairs(root).items():
            kind = groups.get(name)
            if kind is None:
                allowed = ", ".join(groups)
                self.reading.problem(location_of(key), f"unknown field '{name}'{did_you_mean(name, groups)} "
                                                       f"(a translation file here has: {allowed})")
                continue
            if not isinstance(value, yaml.MappingNode):
                self.reading.problem(location_of(value), f"'{name}' should be a group of 'id:' lines, each with "
                                                         f"the translated texts of that {kind}")
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
        given = self.items[kind]
        # A hidden entry is not shown: it needs no translation.
        result, seen = self._by_id(record, nodes, given, kind, f"the {kind}", lambda id_: (kind, id_) in hidden, (kind,))
        for id_, (key, _) in given.items():
            if id_ not in seen and seen:  # none read at all: the English file's problem is reported instead
                self.reading.problem(location_of(key), f"there is no {kind} '{id_}' in the guide to translate"
                                                       f"{did_you_mean(id_, seen)}; check the id or remove it here")
        return result

    def _by_id(self, record: type[Record], nodes: list[yaml.Node], given: dict, kind: str, what: str,
               quiet, path: tuple[str, ...]) -> tuple[list[yaml.Node], dict[str, None]]:
        """Each of `nodes` with its texts from `given` (by id), and the ids read, in order. `what`
        names one ("the entry"); `quiet(id)`: whether a missing text is left unreported; `path`:
        where they are (("entry",)), for translated-from.yml."""
        translated, seen = [], {}
        for node in nodes:
            id_ = self._key(record, node)
            if id_ is None:
                translated.append(node)
                continue
            seen[id_] = None
            texts = given.get(id_)
            translated.append(self._record(record, node, texts[1] if texts else None, kind, f"{what} '{id_}'",
                                           quiet(id_), (*path, id_)))
        return translated, seen

    @staticmethod
    def _key(record: type[Record], node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.MappingNode):
            return None
        pairs = _pairs(node)
        for name in record.translation_keys:
            if name in pairs and isinstance(pairs[name][1], yaml.ScalarNode):
                return pairs[name][1].value.strip()
        return None

    def _group(self, texts: yaml.Node | None, wrong_shape: str) -> dict:
        """The translated texts given for a group, by name; a node of another shape is a problem."""
        if texts is None:
            return {}
        if not isinstance(texts, yaml.MappingNode):
            self.reading.problem(location_of(texts), wrong_shape)
            return {}
        return _pairs(texts)

    def _record(self, record: type[Record], node: yaml.Node, texts: yaml.Node | None, kind: str, what: str,
                quiet: bool = False, path: tuple[str, ...] = ()) -> yaml.Node:
        if not isinstance(node, yaml.MappingNode):
            return node
        given = self._group(texts, f"the translation of {what} should be a group of 'name: text' lines")
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
                    child = self._missing(child, name, kind, changed=text is not None)
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
                message = f"{what} has no '{name}' in the guide's own language, so there is nothing to translate; remove it here"
            elif spec is not None:
                message = f"'{name}' is the same in every language: it comes from the guide's own files; remove it here"
            else:
                texts_here = [k for k, s in record._specs.items() if has_translation(s) or isinstance(s, (Nested, ListOf))
                              and not isinstance(s, Deprecated)]
                message = f"unknown field '{name}'{did_you_mean(name, texts_here)} in the translation of {what}"
            self.reading.problem(location_of(key), message)
        return yaml.MappingNode(node.tag, pairs, node.start_mark, node.end_mark)

    def _list(self, record: type[Record], node: yaml.SequenceNode, texts: yaml.Node | None, kind: str, what: str,
              quiet: bool, path: tuple[str, ...]) -> yaml.SequenceNode:
        given = self._group(texts, f"the translation of {what} should be a group of 'id:' lines, each with "
                                   "the texts of that one")
        items, seen = self._by_id(record, node.value, given, kind, f"the {record.record_name}", lambda id_: quiet, path)
        for id_, (key, _) in given.items():
            if id_ not in seen:
                self.reading.problem(location_of(key), f"there is no {record.record_name} '{id_}' in {what}"
                                                       f"{did_you_mean(id_, seen)}; check the id or remove it here")
        return yaml.SequenceNode(node.tag, items, node.start_mark, node.end_mark, node.flow_style)

    def _compare(self, where: str, english: yaml.Node, translation: yaml.Node, name: str) -> None:
        """Notes the English a translation stands for; a warning when it changed since it was checked."""
        if not isinstance(english, yaml.ScalarNode):
            return  # a list of texts (search words): checked as a whole by its translator
        now = self.translated_from[where] = fingerprint(english.value)
        if self.checked.get(where, now) != now:
            self.reading.warning(location_of(translation), (
                f"the English of {name} has changed since this translation was checked "
                f"({location_of(english).display()}); update the translation if it needs it, then run "
                f"`followup-guide translation {self.language} --checked`"))

    def _stale(self, english: yaml.Node, translation: yaml.Node) -> bool:
        """A text the center changed in its overlay, whose translation is still the default guide's."""
        return (self.overlay_dir is not None and _inside(location_of(english).path, self.overlay_dir)
                and not _inside(location_of(english).path, self.overlay_dir / TRANSLATIONS)
                and not _inside(location_of(translation).path, translation_folder(self.overlay_dir, self.language)))

    def _missing(self, english: yaml.Node, name: str, kind: str, changed: bool) -> yaml.Node:
        location = location_of(english)
        target = display_path(self.file_for(Path(location.path), kind))
        if changed:
            message = (f"{name} is changed here, and its '{self.language}' translation is still the default guide's; "
                       f"translate the change in {target}")
        else:
            message = f"{name} has no '{self.language}' translation; write it in {target}"
        if not self.fallback:
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
                      translated: dict[str, Path] | None = None) -> dict[str, str]:
    """"page/<its path>" -> the fingerprint of each page in the guide's own language that has a
    translation in `language` (`english`, `translated`: those pages, when already listed)."""
    english = _english_pages(pages_folders) if english is None else english
    translated = translated_pages(pages_folders, language) if translated is None else translated
    return {f"page/{uri}": fingerprint(path.read_text(encoding="utf-8"))
            for uri, path in english.items() if uri in translated}


def page_problems(pages_folders: list[Path], language: str, fallback: bool,
                  published=None) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of the pages in one language: a page without its translation, a
    translation without its page; a warning for a translation whose page changed since it was
    checked. `published(path)`: whether a page is published at all (the staff pages may not
    be); one that is not needs no translation."""
    problems, warnings = [], []
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
    for folder in dict.fromkeys(Path(f) for f in pages_folders):
        path = translation_folder(folder.parent, language) / FINGERPRINTS
        try:
            checked.update(fingerprints_in(read_yaml(path, {})[0], language) if os.path.isfile(path) else {})
        except YamlFileError:
            pass
    for where, mark in page_fingerprints(pages_folders, language, english, translated).items():
        if checked.get(where, mark) != mark:
            uri = where.removeprefix("page/")
            warnings.append(Problem(Location(translated[uri], 1, 1), (
                f"the English of this page has changed since this translation was checked "
                f"({display_path(english[uri])}); update the translation if it needs it, then run "
                f"`followup-guide translation {language} --checked`")))
    return problems, warnings
