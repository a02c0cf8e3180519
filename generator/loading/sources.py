"""What a build reads, as the engine's settings name it: a knowledge base, optionally a career
center's overlay on top of it and its branding; and the loading of the branding."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.branding import Branding
from ..model.fields import Nested, Reading
from ..model.knowledge_base import KnowledgeBase
from ..package_data import default_path
from ..problems import ContentError
from .loader import load_knowledge_base
from .yaml_source import YamlFileError, read_yaml


@dataclass(frozen=True)
class GuideSources:
    content_dir: Path  # the knowledge base: the default one unless the settings name another
    overlay_dir: Path | None  # a career center's additions and changes
    branding: Path | None  # a career center's branding.yml

    @classmethod
    def from_settings(cls, settings) -> GuideSources:
        """From settings with content_dir, overlay_dir and branding (the plugin's, or any mapping's attributes)."""
        return cls(
            Path(settings.content_dir) if settings.content_dir else default_path("content"),
            Path(settings.overlay_dir) if settings.overlay_dir else None,
            Path(settings.branding) if settings.branding else None,
        )


def load_branding(path: Path) -> Branding:
    path = Path(path)
    reading = Reading()
    try:
        root, problems = read_yaml(path, reading.sources)
    except YamlFileError as error:
        raise ContentError([error.problem]) from None
    reading.problems += problems
    branding = Nested(Branding).read(root, reading, path.name)
    for record in reading.records:
        record.rules(reading)
    if reading.problems or branding is None:
        raise ContentError(reading.problems)
    return branding


def load_guide(sources: GuideSources) -> tuple[KnowledgeBase, Branding | None]:
    """The knowledge base and the branding; every problem of both in one ContentError."""
    problems = []
    kb = branding = None
    try:
        kb = load_knowledge_base(sources.content_dir, sources.overlay_dir)
    except ContentError as error:
        problems += error.problems
    if sources.branding is not None:
        try:
            branding = load_branding(sources.branding)
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    return kb, branding
