"""The knowledge base: every file in content/ read, validated and joined into one model.

content/guide.yml               the guide as a whole: title, texts, phases, moments, labels
content/advice/*.yml            the do's and don'ts, as a list under `entries:`
content/message-templates.yml   the fields a reader fills in, and the message templates

A career center's overlay has the same files, all optional, and changes.yml: changes to
entries and templates of the guide underneath, and which of them to hide, by id.
"""
from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from .content_files import YAML_SUFFIXES, files_below
from .problems import ContentError, Location, Problem
from .schema import (
    PLACEHOLDER, Choice, Duration, DurationText, Field, Id, ListOf, MapOf, Markdown, MessageText, Reading,
    Record, Reference, Text, Values, did_you_mean,
)
from .timing import timing_problems
from .yaml_source import YamlFileError, location_of, read_yaml

DO, DONT = "do", "don't"
EMAIL, LETTER, SCRIPT, NOTE = "email", "letter", "script", "note"
# What a template field holds: typed text, or a date the reader picks (written out in words).
FIELD_TYPES = ("text", "date")
TIMING_RELATIONS = ("within", "after", "every")
# What happens to a step's date that falls on a Saturday or Sunday: it moves to the next
# Monday (the default), or it is kept (the timing counts calendar days).
WEEKENDS_MOVE, WEEKENDS_KEEP = "move", "keep"

# Every label the generated pages show; the guide must give each one.
LABEL_NAMES = (
    "home", "nav_staff", "start_here", "start_first_steps", "start_thank_you", "start_planner", "phases_heading", "nav_phases", "dos_heading", "donts_heading", "instead",
    "when", "on_your_checklist", "see_also", "phase_at_a_glance", "phase_jump_to_templates", "entry_read_more", "timing_within", "timing_after", "timing_every",
    "progress_total", "progress_phase", "checklist_print", "checklist_export", "checklist_export_filename",
    "checklist_import", "checklist_import_done", "checklist_import_failed", "checklist_reset",
    "checklist_reset_confirm", "checklist_storage_unavailable",
    "templates_heading", "template_when", "template_goes_with", "template_subject", "template_fill_in",
    "template_preview", "template_blank", "template_copy", "template_copied", "template_copy_failed",
    "template_email", "template_download_text", "template_download_email", "template_download_blank",
    "template_remember", "template_forget", "template_forgotten", "template_address_invalid",
    # Sending: copy the body or the subject, blank fields, long mailto links, .eml drafts
    "template_copy_email_body", "template_copy_subject", "template_subject_copied", "template_downloaded",
    "template_opening", "template_still_blank", "template_mailto_too_long", "template_eml_help",
    "template_eml_outlook", "template_eml_apple", "template_eml_thunderbird", "template_eml_webmail",
    "template_next_person", "template_next_person_ready",
    "timeline_within", "timeline_after", "timeline_every", "timeline_description", "timeline_open_larger",
    "planner_interview_time", "planner_make_plan", "planner_steps_heading", "planner_within", "planner_after",
    "planner_every", "planner_past", "planner_assumed", "planner_template", "planner_done",
    "planner_calendar_all", "planner_calendar_one", "planner_calendar_filename", "planner_reminder",
    "planner_remember", "planner_interview_missing",
    "application_choose", "application_none", "application_manage", "application_name", "application_unnamed",
    "application_company", "application_role", "application_interviewer_name", "application_interviewer_email",
    "application_add_interviewer", "application_contact", "application_note", "application_outcome",
    "application_outcome_none", "application_job_legend", "application_people_legend", "application_dates_legend",
    "application_more_legend", "application_save", "application_cancel", "application_open", "application_edit",
    "application_calendar", "application_archive", "application_reopen", "application_delete",
    "application_delete_confirm", "applications_add", "applications_add_heading", "applications_edit_heading",
    "applications_empty", "applications_archived", "applications_calendar_all", "applications_calendar_filename",
    "application_calendar_filename", "applications_due_heading", "applications_see_all",
    "due_overdue", "due_today", "due_upcoming", "due_done", "due_none", "due_archived", "calendar_summary", "checklist_your_date",
    "contact_phone", "contact_email", "contact_website", "contact_booking", "privacy_no_counter", "privacy_counter",
    "not_found_title", "not_found_text",
)
# The placeholders each label may use, filled in by the pages.
LABEL_PLACEHOLDERS = {
    "timing_within": {"duration", "moment"},
    "timing_after": {"duration", "moment"},
    "timing_every": {"duration"},
    "progress_total": {"done", "total"},
    "progress_phase": {"done", "total"},
    "checklist_import_done": {"count"},
    "template_blank": {"field"},
    "template_still_blank": {"fields"},
    "timeline_within": {"duration"},
    "timeline_after": {"duration"},
    "timeline_every": {"duration"},
    "planner_within": {"date"},
    "planner_after": {"date"},
    "planner_every": {"date", "duration"},
    "planner_assumed": {"date"},
    "planner_reminder": {"step"},
    "application_name": {"company", "role"},
    "application_delete_confirm": {"application"},
    "calendar_summary": {"application", "step"},
    "checklist_your_date": {"date"},
    "privacy_counter": {"name", "address"},
}


class Label(Text):
    """A label; `{name}` placeholders are filled in by the pages."""

    def check(self, value, location, reading, name):
        if re.search(r"[{}]", re.sub(r"\{[^{}]*\}", "", value)):
            reading.problem(location, f"'{name}' has a '{{' or '}}' that does not belong to a placeholder such as "
                                      "{date}; remove it, or complete the placeholder")
            return None
        allowed = LABEL_PLACEHOLDERS.get(name, set())
        for placeholder in re.findall(r"\{([^{}]*)\}", value):
            if placeholder not in allowed:
                known = ", ".join(f"{{{p}}}" for p in sorted(allowed)) or "none"
                reading.problem(location, f"'{name}' uses the unknown placeholder {{{placeholder}}} (it can use: {known})")
                return None
        return value


def _check_timing(values, given, path, reading):
    relations = [r for r in TIMING_RELATIONS if r in given]
    if len(relations) != 1:
        reading.problem(values.location, "a timing needs exactly one of 'within', 'after' or 'every'")
    elif relations[0] != "every" and "of" not in given:
        reading.problem(values.location, f"a timing with '{relations[0]}' needs 'of': the moment it counts from")
    elif "weekends" in given and values[relations[0]] is not None and values[relations[0]].unit == "hours":
        reading.problem(location_of(path, given["weekends"]), "'weekends' is only for timings in days, weeks or "
                        "months; hours are counted as they pass, weekends included. Remove it")


def _check_moment(values, given, path, reading):
    assumed = given.get("if_not_given")
    if isinstance(assumed, yaml.MappingNode):
        for key, child in assumed.value:
            if getattr(key, "value", None) == "weekends":
                reading.problem(location_of(path, key), "'weekends' is for the timing of a step; a moment's date "
                                "is never moved. Remove it here")


def _check_timeline_point(values, given, path, reading):
    if sum(name in given for name in ("moment", "entry", "phase")) != 1:
        reading.problem(values.location, "a timeline point needs exactly one of 'moment', 'entry' or 'phase'")


def _check_entry(values, given, path, reading):
    if values["kind"] == DONT and "instead" not in given:
        reading.problem(values.location, "a don't needs 'instead': what to do in its place")
    if values["kind"] == DO and "instead" in given:
        reading.problem(location_of(path, given["instead"]), "only a don't has 'instead'; move this text into 'body'")


TIMING = Record("timing", {
    "within": Field(DurationText(), required=False),
    "after": Field(DurationText(), required=False),
    "every": Field(DurationText(), required=False),
    "of": Field(Reference("moment"), required=False),
    "weekends": Field(Choice(WEEKENDS_MOVE, WEEKENDS_KEEP), required=False),
}, check=_check_timing)

ENTRY = Record("entry", {
    "id": Field(Id(defines="entry")),
    "kind": Field(Choice(DO, DONT)),
    "phase": Field(Reference("phase")),
    "title": Field(Text()),
    "summary": Field(Text()),
    "body": Field(Markdown()),
    "instead": Field(Markdown(), required=False),
    "timing": Field(TIMING, required=False),
    "checklist": Field(Text(), required=False),
    "related": Field(ListOf(Reference("entry")), required=False),
}, check=_check_entry)

ADVICE_FILE = Record("advice file", {"entries": Field(ListOf(ENTRY))})

def _check_template(values, given, path, reading):
    used = set(PLACEHOLDER.findall(f"{values['subject'] or ''}\n{values['body'] or ''}")) | {values["to"], values["from"]}
    for node in getattr(given.get("per_person"), "value", None) or ():
        field = getattr(node, "value", None)
        if isinstance(field, str) and field not in used:
            reading.problem(location_of(path, node), f"'{field}' is not used in this template; "
                                                     "list only its own fields under 'per_person'")
    if values["format"] == EMAIL and "subject" not in given:
        reading.problem(values.location, "an email template needs a 'subject'")
    if values["format"] not in (EMAIL, None):
        for name in ("subject", "to", "from"):
            if name in given:
                reading.problem(location_of(path, given[name]), f"only an email template has '{name}'; remove it")


TEMPLATE = Record("template", {
    "id": Field(Id(defines="template")),
    "title": Field(Text()),
    "format": Field(Choice(EMAIL, LETTER, SCRIPT, NOTE)),
    "when": Field(Text()),
    "phases": Field(ListOf(Reference("phase"))),
    "entries": Field(ListOf(Reference("entry")), required=False),
    "to": Field(Reference("placeholder"), required=False),
    "from": Field(Reference("placeholder"), required=False),
    "subject": Field(MessageText(multiline=False), required=False),
    "body": Field(MessageText(multiline=True)),
    # The fields that change from one person to the next (a thank-you to each interviewer):
    # the page offers to empty them for the next person and keep the rest.
    "per_person": Field(ListOf(Reference("placeholder")), required=False),
}, check=_check_template)

TEMPLATES_FILE = Record("message templates file", {
    "fields": Field(ListOf(Record("field", {
        "id": Field(Id(defines="placeholder")),
        "label": Field(Text()),
        "type": Field(Choice(*FIELD_TYPES), required=False),
    }))),
    "templates": Field(ListOf(TEMPLATE)),
})

# Only in an overlay: changes to entries and templates of the guide underneath, by id.
CHANGES_FILE = Record("changes file", {
    "change": Field(Record("change group", {
        "entries": Field(MapOf("entry", ENTRY.partial(without=("id",))), required=False),
        "templates": Field(MapOf("template", TEMPLATE.partial(without=("id",))), required=False),
    }), required=False),
    "hide": Field(Record("hide group", {
        "entries": Field(ListOf(Reference("entry")), required=False),
        "templates": Field(ListOf(Reference("template")), required=False),
    }), required=False),
})

PAGE = Record("page", {
    "title": Field(Text()),
    "description": Field(Text()),
    "introduction": Field(Markdown(), required=False),
})

GUIDE_FILE = Record("guide", {
    "title": Field(Text()),
    "description": Field(Text()),
    "copyright": Field(Text(), required=False),
    "introduction": Field(Markdown()),
    "phases": Field(ListOf(Record("phase", {
        "id": Field(Id(defines="phase")),
        "title": Field(Text()),
        "summary": Field(Text()),
        "introduction": Field(Markdown(), required=False),
        "search_words": Field(ListOf(Text()), required=False),
    }))),
    "moments": Field(ListOf(Record("moment", {
        "id": Field(Id(defines="moment")),
        "label": Field(Text()),
        "ask": Field(Text(), required=False),
        "if_not_given": Field(TIMING, required=False),
        "reached_by": Field(Reference("entry"), required=False),
    }, check=_check_moment))),
    "timeline": Field(Record("timeline", {
        "title": Field(Text()),
        "points": Field(ListOf(Record("timeline point", {
            "label": Field(Text()),
            "moment": Field(Reference("moment"), required=False),
            "entry": Field(Reference("entry"), required=False),
            "phase": Field(Reference("phase"), required=False),
        }, check=_check_timeline_point))),
    })),
    "pages": Field(Record("pages group", {
        name: Field(PAGE) for name in ("overview", "checklist", "planner", "templates", "applications", "about")})),
    # The answers a reader can record for an application, and the phase whose steps come next.
    "outcomes": Field(ListOf(Record("outcome", {
        "id": Field(Id(defines="outcome")),
        "label": Field(Text()),
        "phase": Field(Reference("phase")),
    })), required=False),
    "labels": Field(Record("labels group", {name: Field(Label()) for name in LABEL_NAMES})),
})


@dataclass(frozen=True)
class Timing:
    relation: str  # within, after or every
    duration: Duration
    moment_id: str | None
    weekends: str = WEEKENDS_MOVE  # move: a Saturday or Sunday becomes the next Monday; keep: calendar days


@dataclass(frozen=True)
class Moment:
    id: str
    label: str
    ask: str | None  # the planner's question, when the reader gives this moment
    if_not_given: Timing | None  # what to assume when the reader does not
    reached_by: str | None  # the entry whose date this moment falls on


@dataclass(frozen=True)
class TimelinePoint:
    label: str
    kind: str  # moment, entry or phase
    ref: str


@dataclass(frozen=True)
class Timeline:
    title: str
    points: tuple[TimelinePoint, ...]


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    phase: str
    title: str
    summary: str
    body: str
    instead: str | None
    timing: Timing | None
    checklist: str | None
    related: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    summary: str
    introduction: str | None
    entries: tuple[Entry, ...]
    search_words: tuple[str, ...] = ()  # words a reader may search for, that this page answers

    @property
    def dos(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == DO)

    @property
    def donts(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == DONT)


@dataclass(frozen=True)
class MessageField:
    id: str
    label: str
    type: str = "text"  # one of FIELD_TYPES


@dataclass(frozen=True)
class MessageTemplate:
    id: str
    title: str
    format: str  # email, letter or script
    when: str
    phases: tuple[str, ...]
    entries: tuple[str, ...]
    to: str | None  # the field holding the recipient's address
    sender: str | None  # the field holding the reader's own address
    subject: str | None
    body: str
    per_person: tuple[str, ...] = ()  # fields emptied for the next person, the rest kept

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields a reader fills in for this template, in the order they first appear."""
        used = [*PLACEHOLDER.findall(f"{self.subject or ''}\n{self.body}"), self.to, self.sender]
        return tuple(dict.fromkeys(field for field in used if field))


@dataclass(frozen=True)
class Outcome:
    id: str
    label: str
    phase: str  # the phase whose steps follow this answer


@dataclass(frozen=True)
class Page:
    title: str
    description: str
    introduction: str | None


@dataclass(frozen=True)
class KnowledgeBase:
    title: str
    description: str
    copyright: str | None
    introduction: str
    phases: tuple[Phase, ...]
    moments: dict[str, Moment]
    pages: dict[str, Page]
    labels: dict[str, str]
    fields: dict[str, MessageField]
    templates: tuple[MessageTemplate, ...]
    timeline: Timeline
    outcomes: tuple[Outcome, ...] = ()

    @cached_property
    def entries(self) -> dict[str, Entry]:
        return {entry.id: entry for phase in self.phases for entry in phase.entries}


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


def load_knowledge_base(content_dir: Path, overlay_dir: Path | None = None) -> KnowledgeBase:
    """Read and check every file of the knowledge base, and of an overlay laid on top of it
    (a career center's additions and changes); raise ContentError listing every problem.

    An overlay has the same files, all optional: guide.yml changes only the settings it
    gives, advice/*.yml and message-templates.yml add, and changes.yml changes or hides
    entries and templates by id.
    """
    with _without_cycle_collection():
        return _load(Path(content_dir), None if overlay_dir is None else Path(overlay_dir))


def _load(content_dir: Path, overlay_dir: Path | None) -> KnowledgeBase:
    reading = Reading()
    guide_path = content_dir / "guide.yml"
    if not os.path.lexists(guide_path):
        raise ContentError([Problem(Location(guide_path, 1, 1), "this file is missing; the guide's title, phases and labels live in it")])
    guide = _read_file(guide_path, GUIDE_FILE, reading)
    entries = _read_advice(content_dir, reading)
    fields, templates = _read_templates(content_dir, TEMPLATES_FILE, reading)
    changes = None
    if overlay_dir is not None:
        if os.path.lexists(overlay_dir / "guide.yml"):
            guide = _merge(guide, _read_file(overlay_dir / "guide.yml", GUIDE_FILE.partial(), reading))
        entries += _read_advice(overlay_dir, reading)
        more_fields, more_templates = _read_templates(overlay_dir, TEMPLATES_FILE.partial(), reading)
        fields, templates = fields + more_fields, templates + more_templates
        if os.path.lexists(overlay_dir / "changes.yml"):
            changes = _read_file(overlay_dir / "changes.yml", CHANGES_FILE, reading)
    for kind, value, location in reading.references:
        if (kind, value) not in reading.definitions:
            known = [v for (k, v) in reading.definitions if k == kind]
            reading.problem(location, f"there is no {kind} with the id '{value}'{did_you_mean(value, known)}")
    if not reading.problems and guide is not None and changes:
        entries, templates = _apply_changes(entries, templates, changes, reading)
    if reading.problems or guide is None:
        raise ContentError(reading.problems)
    kb = _model(guide, entries, fields, templates)
    problems = timing_problems(kb)
    if problems:
        raise ContentError(problems)
    return kb


def _read_advice(directory: Path, reading: Reading) -> list[Values]:
    entries = []
    for path in advice_files(directory, reading):
        advice = _read_file(path, ADVICE_FILE, reading)
        entries += (advice or {}).get("entries") or []
    return entries


def _read_templates(directory: Path, record: Record, reading: Reading) -> tuple[list, list]:
    path = directory / "message-templates.yml"
    values = _read_file(path, record, reading) if os.path.lexists(path) else None
    return (values or {}).get("fields") or [], (values or {}).get("templates") or []


def _merge(base: Values | None, overlay: Values | None) -> Values | None:
    """The base with every value the overlay gives; groups are merged, lists replaced."""
    if base is None or overlay is None:
        return base
    merged = Values(base.location)
    merged.update(base)
    for name, value in overlay.items():
        if isinstance(value, Values) and isinstance(merged.get(name), Values):
            merged[name] = _merge(merged[name], value)
        elif value is not None:
            merged[name] = value
    return merged


def _apply_changes(entries: list[Values], templates: list[Values], changes: Values, reading: Reading):
    changed = (changes["change"] or {})
    for records, kind in ((entries, "entries"), (templates, "templates")):
        for record in records:
            update = (changed.get(kind) or {}).get(record["id"])
            if update:
                record.update({name: value for name, value in update.items() if value is not None})
                if kind == "entries" and record["kind"] == DO:
                    record["instead"] = None  # a do has none, also when a change turned a don't into one
                if kind == "entries" and record["kind"] == DONT and record["instead"] is None:
                    reading.problem(update.location, f"'{record['id']}' is now a don't, so it needs 'instead'")
                if kind == "templates" and record["format"] == EMAIL and record["subject"] is None:
                    reading.problem(update.location, f"'{record['id']}' is now an email, so it needs a 'subject'")
    hidden = changes["hide"] or {}
    hidden_entries, hidden_templates = set(hidden.get("entries") or ()), set(hidden.get("templates") or ())
    return ([e for e in entries if e["id"] not in hidden_entries],
            [t for t in templates if t["id"] not in hidden_templates])


def _read_file(path: Path, record: Record, reading: Reading) -> dict | None:
    try:
        root, problems = read_yaml(path)
    except YamlFileError as error:
        reading.problems += error.problems
        return None
    reading.problems += problems
    return record.read(root, path, reading, path.name)


def _model(guide: dict, entries: list[dict], fields: list[dict], templates: list[dict]) -> KnowledgeBase:
    present = {e["id"] for e in entries}  # references to hidden entries are dropped


    def timing(values: dict | None) -> Timing | None:
        if values is None:
            return None
        relation = next(r for r in TIMING_RELATIONS if values[r] is not None)
        return Timing(relation, values[relation], values["of"], values["weekends"] or WEEKENDS_MOVE)

    moments = {
        m["id"]: Moment(m["id"], m["label"], m["ask"], timing(m["if_not_given"]), m["reached_by"])
        for m in guide["moments"]
    }

    def entry(values: dict) -> Entry:
        related = tuple(id_ for id_ in values["related"] or () if id_ in present)
        return Entry(**{**values, "timing": timing(values["timing"]), "related": related,
                        "location": values.location})

    models = [entry(e) for e in entries]
    phases = tuple(
        Phase(p["id"], p["title"], p["summary"], p["introduction"],
              tuple(e for e in models if e.phase == p["id"]), tuple(p["search_words"] or ()))
        for p in guide["phases"]
    )
    return KnowledgeBase(
        title=guide["title"],
        description=guide["description"],
        copyright=guide["copyright"],
        introduction=guide["introduction"],
        phases=phases,
        moments=moments,
        pages={name: Page(**page) for name, page in guide["pages"].items()},
        labels=dict(guide["labels"]),
        fields={f["id"]: MessageField(f["id"], f["label"], f["type"] or "text") for f in fields},
        templates=tuple(
            MessageTemplate(
                id=t["id"], title=t["title"], format=t["format"], when=t["when"], phases=tuple(t["phases"]),
                entries=tuple(id_ for id_ in t["entries"] or () if id_ in present), to=t["to"], sender=t["from"],
                subject=t["subject"], body=t["body"], per_person=tuple(t["per_person"] or ()),
            )
            for t in templates
        ),
        timeline=Timeline(guide["timeline"]["title"], tuple(
            TimelinePoint(p["label"], kind, p[kind])
            for p in guide["timeline"]["points"] for kind in ("moment", "entry", "phase")
            if p[kind] and (kind != "entry" or p[kind] in present)
        )),
        outcomes=tuple(Outcome(o["id"], o["label"], o["phase"]) for o in guide["outcomes"] or ()),
    )
