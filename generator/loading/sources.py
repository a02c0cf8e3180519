"""What a build reads, as the engine's settings name it: a knowledge base, optionally a career
center's overlay on top of it, its branding and its own pages; and the loading of the branding."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.branding import Branding
from ..model.fields import Nested, Reading
from ..model.knowledge_base import KnowledgeBase
from ..model.records import CENTER_DETAILS
from ..package_data import default_path
from ..problems import ContentError
from ..rendering.pages import content_link_problems
from .handwritten_pages import check_pages
from .loader import load_knowledge_base
from .yaml_source import YamlFileError, read_yaml


@dataclass(frozen=True)
class GuideSources:
    content_dir: Path  # the knowledge base: the default one unless the settings name another
    overlay_dir: Path | None  # a career center's additions and changes
    branding: Path | None  # a career center's branding.yml
    pages_dir: Path | None = None  # pages written by hand beside those of the knowledge base (docs_dir)

    @classmethod
    def from_settings(cls, settings, pages_dir: str | None = None) -> GuideSources:
        """From the followup-guide plugin's settings (content_dir, overlay_dir, branding) and
        the builder's folder of hand-written pages."""
        return cls(
            Path(settings.content_dir) if settings.content_dir else default_path("content"),
            Path(settings.overlay_dir) if settings.overlay_dir else None,
            Path(settings.branding) if settings.branding else None,
            Path(pages_dir) if pages_dir else None,
        )

    @property
    def page_folders(self) -> list[Path]:
        return [self.content_dir / "pages", *([self.pages_dir] if self.pages_dir else [])]

    def read_paths(self) -> list[Path]:
        """Everything a build reads from the guide's own folders."""
        return [p for p in (self.content_dir, self.overlay_dir, self.branding, self.pages_dir) if p is not None]


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


def load_guide(sources: GuideSources) -> tuple[KnowledgeBase, Branding | None]:
    """The knowledge base, the pages written by hand and the branding; every problem of all of
    them in one ContentError."""
    problems = []
    kb = branding = center = None
    if sources.branding is not None:
        try:
            branding = load_branding(sources.branding)
            center = {blank: getattr(branding, name) for blank, name in CENTER_DETAILS.items()}
        except ContentError as error:
            problems += error.problems
            center = {blank: f"{{{blank}}}" for blank in CENTER_DETAILS}  # not known: not reported twice
    try:
        kb = load_knowledge_base(sources.content_dir, sources.overlay_dir, center)
    except ContentError as error:
        problems += error.problems
    problems += check_pages(sources.page_folders)
    if kb is not None:
        problems += content_link_problems(kb, {
            path.relative_to(folder).as_posix() for folder in sources.page_folders if folder.is_dir()
            for path in folder.rglob("*") if path.is_file()})
    if problems:
        raise ContentError(problems)
    return kb, branding
