"""The knowledge base loaded: every file read, the overlay merged, everything validated once.

content/guide.yml               the guide as a whole: title, texts, phases, moments, labels
content/advice/*.yml            the do's and don'ts, as a list under `entries:`
content/message-templates.yml   the fields a reader fills in, and the message templates

A career center's overlay has the same files, all optional, and changes.yml: changes to
entries and templates of the guide underneath, and which of them to hide, by id.

The steps, in order:
1. read: each file into located nodes (yaml_source), its shape checked;
2. merge: the overlay laid over the default guide on the nodes (merge), then, for another
   language, its texts over those (translations);
3. validate, in named phases, collecting every problem with file:line:column:
   "fields"      each value of each record (records.py);
   "rules"       the rules that involve several fields of a record;
   "references"  every id referred to exists (and is not one a step needs that was hidden);
   "timing"      the planner can date every step (only when the other phases are clean);
4. the frozen KnowledgeBase.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import yaml

from ..model import timing
from ..model.fields import PLACEHOLDER, Nested, Reading, Record, did_you_mean, located
from ..model.knowledge_base import KnowledgeBase
from ..model.records import CENTER_DETAILS, AdviceFile, Changes, Entry, GuideSettings, MessageField, MessageTemplate, TemplatesFile
from ..content_files import YAML_SUFFIXES, files_below
from ..problems import ContentError, Location, Problem, location_of
from ..package_data import package_version
from .merge import apply_changes, merge_groups
from .translations import SOURCE_LANGUAGE, Translation
from .yaml_source import read_root

PHASES = ("fields", "rules", "references", "timing")


def advice_files(content_dir: Path, reading: Reading | None = None) -> list[Path]:
    """The YAML files under advice/; what is not a regular file there is a problem for `reading`."""
    if not os.path.lexists(content_dir / "advice"):
        return []
    files, problems = files_below(content_dir / "advice", YAML_SUFFIXES)
    if reading is not None:
        reading.problems += problems
    return files


@contextmanager
def _without_cycle_collection():
    """Loading makes many long-lived objects and no garbage cycles. Python's cycle collector
    would scan them again and again as they pile up, which makes large knowledge bases load in
    quadratic time (measured in tests/benchmarks); it is paused while loading."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_knowledge_base(content_dir: Path, overlay_dir: Path | None = None,
                        center: dict[str, str | None] | None = None, language: str | None = None,
                        fallback: bool = False,
                        where_named: Callable[[], Location | None] | None = None) -> KnowledgeBase:
    """Read and check every file of the knowledge base, and of an overlay laid on top of it
    (a career center's additions and changes); raise ContentError listing every problem.

    `center`: the center's details from its branding.yml, by blank (records.CENTER_DETAILS),
    filled into the templates that use them; None when the guide has no branding.yml.

    `language`: the guide in that language, its texts from translations/<language>/ (see
    translations.py); a text without a translation is a problem, or with `fallback` a warning
    and the text in the guide's own language. `where_named()`: where the settings name that
    language (mkdocs.yml's `languages:`), asked only for a message about the language as a whole.

    Deprecated fields still in use, and untranslated texts shown anyway, are in the result's `warnings`.
    """
    with _without_cycle_collection():
        return _load(Path(content_dir), None if overlay_dir is None else Path(overlay_dir), center, language, fallback,
                     where_named)


class _Files:
    """Step 1: the files read into nodes, each file's shape checked."""

    def __init__(self, reading: Reading):
        self.reading = reading

    def root(self, path: Path) -> yaml.Node | None:
        return read_root(path, self.reading)

    def record(self, path: Path, record: type[Record], partial: bool = False) -> Record | None:
        root = self.root(path)
        if root is None:
            return None
        return Nested(record, required=not partial).read(root, self.reading, path.name) if not partial \
            else _read_partial(record, root, self.reading, path.name)


def _read_partial(record: type[Record], node: yaml.Node, reading: Reading, name: str) -> Record | None:
    """A file of an overlay: the same record, with every field optional."""
    if not isinstance(node, yaml.MappingNode):
        return Nested(record).read(node, reading, name)  # reports the wrong shape
    return record.from_node(node, reading, partial=True)


def _load(content_dir: Path, overlay_dir: Path | None, center: dict | None, language: str | None = None,
          fallback: bool = False, where_named: Callable[[], Location | None] | None = None) -> KnowledgeBase:
    reading = Reading()
    files = _Files(reading)
    guide_path = content_dir / "guide.yml"
    if not os.path.lexists(guide_path):
        raise ContentError([Problem(Location(guide_path, 1, 1),
                                    "this file is missing; the guide's title, phases and labels live in it")])

    # 1. Read.
    guide = files.root(guide_path)
    entry_nodes = _advice(files, content_dir)
    field_nodes, template_nodes = _templates(files, content_dir, partial=False)
    changes = None
    if overlay_dir is not None:
        if os.path.lexists(overlay_dir / "guide.yml"):
            overlay_guide = files.root(overlay_dir / "guide.yml")
            # 2. Merge (the guide's settings).
            if overlay_guide is not None and guide is not None:
                if isinstance(overlay_guide, yaml.MappingNode) and isinstance(guide, yaml.MappingNode):
                    guide = merge_groups(guide, overlay_guide, GuideSettings, reading)
                else:
                    Nested(GuideSettings).read(overlay_guide, reading, "guide.yml")  # reports the wrong shape
        entry_nodes += _advice(files, overlay_dir)
        more_fields, more_templates = _templates(files, overlay_dir, partial=True)
        field_nodes += more_fields
        template_nodes += more_templates
    # Renamed ids, known before changes.yml is read: a change naming a former id follows it.
    # A file can give 'former_ids' only by typing it, or by escaping some of its letters in quotes.
    naming = {name for name, text in reading.sources.items() if "former_ids" in text or "\\" in text}
    reading.renamed = _former_ids(entry_nodes, "entry", naming) | _former_ids(template_nodes, "template", naming)
    if overlay_dir is not None and os.path.lexists(overlay_dir / "changes.yml"):
        changes = files.record(overlay_dir / "changes.yml", Changes)

    # 2. Merge (the changes).
    hidden: dict[tuple[str, str], Location] = {}
    if changes is not None:
        entry_nodes, template_nodes, hidden = apply_changes(entry_nodes, template_nodes, changes, reading)

    # 2. Merge (the texts of another language, by id).
    translated_from: dict[str, str] = {}
    translation = None
    if language and language != SOURCE_LANGUAGE:
        translation = Translation(language, content_dir, overlay_dir, reading, fallback, where_named)
        guide = translation.guide_settings(guide)
        entry_nodes = translation.records("entry", Entry, entry_nodes, hidden)
        field_nodes = translation.records("field", MessageField, field_nodes, hidden)
        template_nodes = translation.records("template", MessageTemplate, template_nodes, hidden)
        translated_from = translation.translated_from

    # 3. Validate. Phase "fields": every record read from its merged node.
    settings = Nested(GuideSettings).read(guide, reading, "guide.yml") if guide is not None else None
    entries = _each(Entry, entry_nodes, reading, "entries")
    fields = _each(MessageField, field_nodes, reading, "fields")
    templates = _each(MessageTemplate, template_nodes, reading, "templates")
    # Phase "rules".
    for record in reading.records:
        record.rules(reading)
    # Phase "references". The center's details are blanks every template may use.
    for name in CENTER_DETAILS:
        reading.definitions.setdefault(("placeholder", name), Location(Path("branding.yml"), 1, 1))
    _check_references(reading, settings, center, set(hidden.values()))
    if translation is not None:
        translation.finish()  # what it could say only once the English was checked
    if reading.problems or settings is None:
        raise ContentError(reading.problems)
    for record in reading.records:  # the rules were the last to need the nodes: the model keeps none
        record.forget_nodes()
    # Phase "timing", on the model.
    kb = _model(settings, entries, fields, [_with_center(t, center or {}) for t in templates], hidden,
                tuple(reading.warnings), tuple(reading.links), translated_from)
    problems = _timing_problems(kb, settings, hidden)
    if problems:
        raise ContentError(problems)
    return kb


def _advice(files: _Files, directory: Path) -> list[yaml.Node]:
    nodes = []
    for path in advice_files(directory, files.reading):
        advice = files.record(path, AdviceFile)
        nodes += (advice.entries if advice is not None else None) or ()
    return nodes


def _templates(files: _Files, directory: Path, partial: bool) -> tuple[list, list]:
    path = directory / "message-templates.yml"
    record = files.record(path, TemplatesFile, partial=partial) if os.path.lexists(path) else None
    if record is None:
        return [], []
    return list(record.fields or ()), list(record.templates or ())


def _each(record: type[Record], nodes: list[yaml.Node], reading: Reading, name: str) -> list:
    read = Nested(record).read
    values = [read(node, reading, name) for node in nodes]
    return [value for value in values if value is not None]


def _former_ids(nodes: list[yaml.Node], kind: str, naming: set[str]) -> dict[tuple[str, str], tuple[str, Location]]:
    """(kind, former id) -> (the id now, where the former id is listed), from each node's 'former_ids'
    (only nodes of the files named in `naming` can have one). The ids themselves are checked when
    the records are read; a clash is a problem there."""
    renamed = {}
    if not naming:
        return renamed
    for node in nodes:
        if not isinstance(node, yaml.MappingNode) or node.start_mark.name not in naming:
            continue
        new = former = None
        for key, value in node.value:  # the last of a key given twice, as a record reads it
            if key.value == "id":
                new = value
            elif key.value == "former_ids":
                former = value
        if isinstance(new, yaml.ScalarNode) and isinstance(former, yaml.SequenceNode):
            for item in former.value:
                if isinstance(item, yaml.ScalarNode):
                    renamed.setdefault((kind, item.value.strip()), (new.value.strip(), location_of(item)))
    return renamed


def _check_references(reading: Reading, settings: GuideSettings | None, center: dict | None,
                      hiding: set[Location] = frozenset()) -> None:
    """Every id referred to exists; `hiding`: where changes.yml's `hide` names one (a retired one
    there is already gone: a warning)."""
    known: dict[str, list[str]] = {}
    defined_kinds = {kind for kind, _ in reading.definitions}
    retired = _retired(settings)
    for (kind, former), (new, location) in reading.renamed.items():
        if (kind, former) in reading.definitions:
            reading.problem(location, f"'{former}' is the id of another {kind} "
                                      f"({located(reading.definitions[(kind, former)]).display()}); a former id must be free")
    for kind, value, location in reading.references:
        if kind in ("phase", "moment", "outcome") and kind not in defined_kinds:
            # guide.yml's list of them is empty or unreadable, which is reported (one problem, not one
            # per use), or, for outcomes, left out on purpose: a field filled from an answer's day stays empty.
            continue
        if kind == "placeholder" and value in CENTER_DETAILS and not (center or {}).get(value):
            detail = CENTER_DETAILS[value]
            where = f"'{detail}'" if detail == "name" else f"'{detail}' under 'contact:'"
            reading.problem(location, (
                f"'{{{value}}}' is filled in from the career center's branding.yml, and " + (
                    f"it gives no {where}; add it there" if center is not None else "this guide has none; add one "
                    f"with {where}") + ", or take this blank out of the template"))
            continue
        if (kind, value) in reading.definitions:
            continue
        gone = retired.get((kind, value))
        if gone is not None and located(location) in hiding:
            reading.warning(location, f"the {kind} '{value}' was removed in version {gone.removed_in} of the guide, so "
                                      "there is nothing to hide; delete it from this list")
            continue
        if gone is not None:
            reading.problem(location, (
                f"the {kind} '{value}' was removed in version {gone.removed_in} of the guide (you have "
                f"{package_version()}): {(gone.instead or 'remove this line').rstrip('.')}. "
                f"`followup-guide changelog`, under {gone.removed_in}, says what changed"))
            continue
        if kind not in known:
            known[kind] = [v for (k, v) in reading.definitions if k == kind]
        reading.problem(location, f"there is no {kind} with the id '{value}'{did_you_mean(value, known[kind])}")


def _with_center(template: MessageTemplate, center: dict) -> MessageTemplate:
    """The template with the center's details written in, and addressed to the center if it says so."""
    def fill(text):
        return text and PLACEHOLDER.sub(lambda m: center.get(m[1]) or m[0] if m[1] in CENTER_DETAILS else m[0], text)
    if not any(name in CENTER_DETAILS for name in template.fields):
        return template
    to_center = template.to in CENTER_DETAILS
    return template.replace(subject=fill(template.subject), body=fill(template.body),
                            to=None if to_center else template.to,
                            to_address=center.get(template.to) if to_center else None)


def _retired(settings: GuideSettings | None) -> dict:
    group = settings.retired if settings is not None else None
    if group is None:
        return {}
    return {(kind, item.id): item for kind, items in (("entry", group.entries), ("template", group.templates))
            for item in items or ()}


def _model(settings: GuideSettings, entries: list[Entry], fields: list[MessageField],
           templates: list[MessageTemplate], hidden: dict, warnings: tuple, links: tuple,
           translated_from: dict[str, str]) -> KnowledgeBase:
    present = {e.id for e in entries if ("entry", e.id) not in hidden}  # references to hidden entries are dropped
    models = [e for e in entries if e.id in present]
    for entry in models:  # records only this load holds, so changed in place rather than copied
        entry.__dict__["related"] = tuple(i for i in entry.related if i in present) if entry.related else ()
    by_phase: dict[str, list[Entry]] = {p.id: [] for p in settings.phases}
    for entry in models:
        by_phase.get(entry.phase, []).append(entry)
    phases = tuple(p.replace(entries=tuple(by_phase[p.id]), search_words=tuple(p.search_words or ()))
                   for p in settings.phases)
    return KnowledgeBase(
        title=settings.title,
        description=settings.description,
        copyright=settings.copyright,
        introduction=settings.introduction,
        phases=phases,
        moments={m.id: m.replace(reached_by=m.reached_by if m.reached_by in present else None)
                 for m in settings.moments},
        pages={name: getattr(settings.pages, name) for name in settings.pages._by_attribute},
        labels=settings.labels.as_dict(),
        fields={f.id: f for f in fields},
        templates=tuple(t.replace(entries=tuple(i for i in t.entries or () if i in present),
                                  per_person=tuple(t.per_person or ()))
                        for t in templates if ("template", t.id) not in hidden),
        timeline=settings.timeline.replace(points=tuple(
            p for p in settings.timeline.points if p.kind != "entry" or p.entry in present)),
        outcomes=tuple(settings.outcomes or ()),
        warnings=warnings,
        links=links,
        translated_from=translated_from,
    )


def _timing_problems(kb: KnowledgeBase, settings: GuideSettings, hidden: dict) -> list[Problem]:
    """Phase "timing": steps the planner could never date. When a step needs a moment that a
    hidden entry reached, the problem is where the entry was hidden, naming the steps."""
    problems = []
    explained: set[str] = set()
    undated = {entry.id for entry in timing.undated(kb)[0]}
    if not undated:
        return []
    for moment in settings.moments:
        where = hidden.get(("entry", moment.reached_by)) if moment.reached_by else None
        if where is None:
            continue
        known = {**kb.moments, moment.id: kb.moments[moment.id].replace(ask="given")}
        with_moment = timing.plan(replace(kb, moments=known), {
            m.id: datetime(2000, 1, 1, tzinfo=timezone.utc) for m in known.values() if m.ask})
        dependents = [e.id for e in timing.steps(kb) if e.id in undated and e.id in with_moment.dates]
        if dependents:
            explained.update(dependents)
            names = ", ".join(f"'{d}'" for d in dependents)
            problems.append(Problem(where, (
                f"'{moment.reached_by}' cannot be hidden: the moment '{moment.id}' falls on its date, and the "
                f"planner dates {names} from that moment; hide {'those' if len(dependents) > 1 else 'that'} too, "
                f"or give '{moment.id}' an 'ask' or an 'if_not_given' in guide.yml")))
    return problems + timing.timing_problems(kb, frozenset(explained))
