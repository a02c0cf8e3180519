"""The knowledge base as one frozen value: what the pages are rendered from.

Its parts are the records of records.py, as validated; links to hidden entries are already
dropped. Built by loading.loader.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..problems import Location, Problem
from .records import Entry, MessageField, MessageTemplate, Moment, Outcome, Page, Phase, Timeline


@dataclass(frozen=True)
class KnowledgeBase:
    title: str
    description: str
    copyright: str | None
    introduction: str
    phases: tuple[Phase, ...]  # each with its entries
    moments: dict[str, Moment]
    pages: dict[str, Page]  # overview, checklist, planner, templates, about
    labels: dict[str, str]
    fields: dict[str, MessageField]
    templates: tuple[MessageTemplate, ...]
    timeline: Timeline
    outcomes: tuple[Outcome, ...] = ()  # the answers a reader can record for an application
    warnings: tuple[Problem, ...] = field(default=(), compare=False)  # deprecated fields still in use
    # Each link of the content's Markdown to a file of the site, and where it is typed: checked once
    # the pages are known (rendering.pages.content_link_problems).
    links: tuple[tuple[str, Location], ...] = field(default=(), compare=False)
    # In another language: each translated text's place ("entry/<id>/body") -> the fingerprint of
    # the English it translates (loading.translations; `followup-guide translation --checked` writes them).
    translated_from: dict[str, str] = field(default_factory=dict, compare=False)

    @cached_property
    def entries(self) -> dict[str, Entry]:
        return {entry.id: entry for phase in self.phases for entry in phase.entries}

    @cached_property
    def renamed_ids(self) -> dict[str, dict[str, str]]:
        """Each former id -> the id now, of the entries and the templates: readers' saved ticks and
        typed details move to the new ids."""
        return {"entries": {old: e.id for e in self.entries.values() for old in e.former_ids or ()},
                "templates": {old: t.id for t in self.templates for old in t.former_ids or ()}}
