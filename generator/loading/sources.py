"""What a build reads, as the engine's settings name it: a knowledge base, optionally a career
center's overlay on top of it, its branding and its own pages; and the loading of the branding."""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ..model.branding import Branding
from ..model.fields import Nested, Reading
from ..model.knowledge_base import KnowledgeBase
from ..model.records import CENTER_DETAILS
from ..package_data import default_path
from ..problems import ContentError, Location, location_of
from ..rendering.pages import content_link_problems, former_id_links
from .handwritten_pages import check_pages, is_for_staff, page_links
from .loader import load_knowledge_base
from .translations import SOURCE_LANGUAGE, CheckedIn, page_problems, page_translation_folder
from .yaml_source import YamlFileError, named, plugin_item, read_yaml

FALLBACK = "fallback"  # missing_translations: the source text, marked as such
PLUGIN_NAME = "followup-guide"  # the plugin's name under 'plugins:' in the engines' settings (mkdocs.yml)


@dataclass(frozen=True)
class GuideSources:
    content_dir: Path  # the knowledge base: the default one unless the settings name another
    overlay_dir: Path | None  # a career center's additions and changes
    branding: Path | None  # a career center's branding.yml
    pages_dir: Path | None = None  # pages written by hand beside those of the knowledge base (docs_dir)
    # The languages published, the first at the site's root, the others under /<code>/; the
    # content's own language (SOURCE_LANGUAGE) needs no translation, the others do (translations.py).
    languages: tuple[str, ...] = (SOURCE_LANGUAGE,)
    fallback: bool = False  # a text without translation is shown in the content's own language
    staff_pages: bool = True  # the pages for staff are published (and so need their translations)
    settings_file: Path | None = None  # the file that names all this (mkdocs.yml), for messages about it

    @classmethod
    def from_settings(cls, settings, pages_dir: str | None = None, settings_file: str | None = None) -> GuideSources:
        """From the followup-guide plugin's settings (content_dir, overlay_dir, branding,
        languages, missing_translations), the builder's folder of hand-written pages and the
        file the settings are in."""
        return cls(
            Path(settings.content_dir) if settings.content_dir else default_path("content"),
            Path(settings.overlay_dir) if settings.overlay_dir else None,
            Path(settings.branding) if settings.branding else None,
            Path(pages_dir) if pages_dir else None,
            tuple(settings.get("languages") or (SOURCE_LANGUAGE,)),
            settings.get("missing_translations") == FALLBACK,
            settings.get("staff_pages", True),
            Path(settings_file) if settings_file else None,
        )

    @property
    def page_folders(self) -> list[Path]:
        return [self.content_dir / "pages", *([self.pages_dir] if self.pages_dir else [])]

    def translated_page_folders(self) -> list[Path]:
        return [page_translation_folder(folder, language) for language in self.languages
                if language != SOURCE_LANGUAGE for folder in self.page_folders]

    def read_paths(self) -> list[Path]:
        """Everything a build reads from the guide's own folders."""
        return [p for p in (self.content_dir, self.overlay_dir, self.branding, self.pages_dir) if p is not None]

    def languages_named_at(self) -> dict[str, Location]:
        """Where the settings file names each language (the item `fr` of `languages: [en, fr]`,
        or else the `languages:` line); empty without a file, or one that cannot be read as YAML
        (the engine has said so)."""
        if self.settings_file is None:
            return {}
        try:
            root, _ = read_yaml(self.settings_file, {})
        except YamlFileError:
            return {}
        settings = named(plugin_item(named(root, "plugins")[1], PLUGIN_NAME), PLUGIN_NAME)[1]
        key, value = named(settings, "languages")
        if key is None:
            return {}
        places = {item.value.strip(): location_of(item) for item in value.value
                  if isinstance(item, yaml.ScalarNode)} if isinstance(value, yaml.SequenceNode) else {}
        return {language: places.get(language, location_of(key)) for language in self.languages}


def load_branding(path: Path) -> Branding:
    path = Path(path)
    reading = Reading()
    try:
        root, problems = read_yaml(path, reading.sources)
    except YamlFileError as error:
        raise ContentError(error.problems) from None
    reading.problems += problems
    branding = Nested(Branding).read(root, reading, path.name)
    for record in reading.records:
        record.rules(reading)
    if reading.problems or branding is None:
        raise ContentError(reading.problems)
    return branding


def load_guide(sources: GuideSources, language: str = SOURCE_LANGUAGE) -> tuple[KnowledgeBase, Branding | None]:
    """The knowledge base in one language, the pages written by hand and the branding; every
    problem of all of them in one ContentError."""
    return load_guides(sources, (language,))[language]


def load_guides(sources: GuideSources, languages: tuple[str, ...] | None = None) -> dict[str, tuple]:
    """{language: (knowledge base, branding)} for each language published (by default those of
    the settings) and always the content's own; every problem of every language in one
    ContentError. Untranslated texts a fallback shows anyway are in each one's warnings."""
    languages = tuple(dict.fromkeys((*(languages or sources.languages), SOURCE_LANGUAGE)))
    problems = []
    guides = {}
    branding = center = None
    if sources.branding is not None:
        try:
            branding = load_branding(sources.branding)
            center = {blank: getattr(branding, name) for blank, name in CENTER_DETAILS.items()}
        except ContentError as error:
            problems += error.problems
            center = {blank: f"{{{blank}}}" for blank in CENTER_DETAILS}  # not known: not reported twice
    places = functools.cache(sources.languages_named_at)  # mkdocs.yml read again only for a message
    for language in languages:
        try:
            guides[language] = load_knowledge_base(sources.content_dir, sources.overlay_dir, center, language,
                                                   sources.fallback, lambda code=language: places().get(code))
        except ContentError as error:
            problems += [p for p in error.problems if p not in problems]
    for language in languages:
        if language != SOURCE_LANGUAGE:
            missing, shown_anyway = page_problems(sources.page_folders, language, sources.fallback,
                                                  CheckedIn(language, sources.content_dir, sources.overlay_dir),
                                                  published=None if sources.staff_pages else lambda p: not is_for_staff(p))
            problems += missing
            if language in guides:
                kb = guides[language]
                guides[language] = replace(kb, warnings=kb.warnings + tuple(shown_anyway))
    problems += check_pages([*sources.page_folders, *sources.translated_page_folders()])
    files = {path.relative_to(folder).as_posix() for folder in sources.page_folders if folder.is_dir()
             for path in folder.rglob("*") if path.is_file()}
    written_links = page_links(sources.page_folders)  # the hand-written pages' links to a part of a page
    for language, kb in guides.items():  # the links of every language's texts
        own_links = written_links if language == SOURCE_LANGUAGE else ()
        problems += [p for p in content_link_problems(kb, files, own_links) if p not in problems]
        guides[language] = replace(kb, warnings=kb.warnings + tuple(former_id_links(kb, own_links)))
    if problems:
        raise ContentError(problems)
    return {language: (kb, branding) for language, kb in guides.items()}
