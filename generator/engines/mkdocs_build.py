"""The MkDocs engine (the main path): a strict build of mkdocs.yml with the followup-guide
plugin, and the development server. The CLI's staging and swapping are engine-neutral (cli.py)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..checks.security import unify_policies
from ..loading.sources import GuideSources
from ..loading.translations import SOURCE_LANGUAGE
from ..model.fields import slugify
from ..problems import CommandError
from . import material_theme

PLUGIN_NAME = "followup-guide"


class MkDocsEngine:
    name = "mkdocs"

    def __init__(self, config_file: str, **overrides):
        self.config_file = config_file
        self.overrides = overrides
        self.config = _load(config_file, **overrides)
        self.plugin = self.config.plugins.get(PLUGIN_NAME)
        if self.plugin is None:
            raise CommandError(f"{config_file} does not list the '{PLUGIN_NAME}' plugin under 'plugins:'; add it")

    @property
    def sources(self) -> GuideSources:
        return GuideSources.from_settings(self.plugin.config, self.config.docs_dir)

    def reads(self) -> list[Path]:
        """Every file and folder the build reads: no output folder may be or hold one (site_output)."""
        return [Path(self.config_file).resolve().parent, *self.sources.read_paths(), *map(Path, self.config.theme.dirs)]

    def instant_navigation_note(self, serving_at: str | None = None) -> str | None:
        return material_theme.instant_navigation_note(self.config, serving_at)

    def tracking_problems(self) -> list[str]:
        return material_theme.tracking_problems(self.config)

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    def build(self, guides: dict, into: Path) -> None:
        """Build into `into` (an empty staging folder), from the knowledge base and branding of
        each language, already loaded and checked (sources.load_guides): the first language of
        the settings at the root, each other one in its folder (`es/`), one MkDocs build each."""
        languages = self.sources.languages
        sites = {language: "" if index == 0 else f"{language}/" for index, language in enumerate(languages)}
        names = {language: guides[language][0].labels["language_name"] for language in languages}
        site_id = guides[SOURCE_LANGUAGE][0].title
        for language in languages:
            config = self.config if not sites[language] else _load(self.config_file, **self.overrides)
            plugin = config.plugins[PLUGIN_NAME]
            plugin.preloaded = guides[language]
            plugin.language, plugin.sites, plugin.language_names = language, sites, names
            plugin.site_id = plugin.config.site_id or slugify(site_id)
            config.site_dir = str(into / sites[language])
            if config.site_url and sites[language]:
                config.site_url = config.site_url.rstrip("/") + "/" + sites[language]
            try:
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    mkdocs_build(config)
                finally:
                    config.plugins.on_shutdown()
            except MkDocsException as error:
                raise CommandError(f"the build failed ({error})") from None
        if len(languages) > 1 and not self.plugin.serving:
            unify_policies(into)  # one policy a host can send for every language's pages

    def serve(self, dev_addr: str) -> None:
        from mkdocs.commands.serve import serve as mkdocs_serve  # a web server and a file watcher: not for build

        mkdocs_serve(self.config_file, livereload=True, dev_addr=dev_addr, watch_theme=True)


def _load(config_file: str, **overrides):
    if not Path(config_file).is_file():
        raise CommandError(f"{config_file} not found; run this in the guide's folder or pass --config-file")
    try:
        return load_config(config_file, **overrides)
    except MkDocsException as error:
        raise CommandError(f"{config_file}: {error}") from None
