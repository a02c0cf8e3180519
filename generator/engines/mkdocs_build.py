"""The MkDocs engine (the main path): a strict build of mkdocs.yml with the followup-guide
plugin, and the development server. The CLI's staging and swapping are engine-neutral (cli.py)."""
from __future__ import annotations

import functools
import logging
import signal
import tempfile
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import config_options, load_config
from mkdocs.exceptions import MkDocsException

from ..checks.security import unify_policies
from ..loading.sources import PLUGIN_NAME, GuideSources
from ..loading.translations import SOURCE_LANGUAGE
from ..loading.yaml_source import syntax_problem
from ..model.fields import slugify
from ..problems import CommandError
from . import material_theme
from .settings_messages import located


class MkDocsEngine:
    name = "mkdocs"

    def __init__(self, config_file: str, *, serving: bool = False, **overrides):
        """`serving`: a build for the development server (`serve`), which injects its live-reload
        script into every page: no Content-Security-Policy, which would block it."""
        self.config_file = config_file
        self.command = "serve" if serving else "build"
        self.overrides = overrides
        self.config = _load(config_file, **overrides)
        self.plugin = self.config.plugins.get(PLUGIN_NAME)
        if self.plugin is None:
            raise CommandError(f"{config_file} does not list the '{PLUGIN_NAME}' plugin under 'plugins:'; add it")

    @property
    def sources(self) -> GuideSources:
        return GuideSources.from_settings(self.plugin.config, self.config.docs_dir, self.config_file)

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
        labels = {language: guides[language][0].labels for language in languages}
        site_id = guides[SOURCE_LANGUAGE][0].title
        for language in languages:
            config = self.config if not sites[language] else _load(self.config_file, **self.overrides)
            plugin = config.plugins[PLUGIN_NAME]
            plugin.preloaded = guides[language]
            plugin.language, plugin.sites, plugin.language_labels = language, sites, labels
            plugin.site_id = plugin.config.site_id or slugify(site_id)
            config.site_dir = str(into / sites[language])
            if config.site_url and sites[language]:
                config.site_url = config.site_url.rstrip("/") + "/" + sites[language]
            try:
                config.plugins.on_startup(command=self.command, dirty=False)
                try:
                    mkdocs_build(config)
                finally:
                    config.plugins.on_shutdown()
            except MkDocsException as error:
                # After a plugin's error MkDocs logs it, then says only "Aborted with a BuildError!".
                said = str(error)
                raise CommandError("the build failed" + (" (its problems are above)" if said.startswith("Aborted")
                                                          else f" ({said})")) from None
        if len(languages) > 1 and not self.plugin.serving:
            unify_policies(into)  # one policy a host can send for every language's pages

    def serve(self, dev_addr: str, build: Callable[..., bool]) -> bool:
        """Serve the whole guide, every language, with live reload: `build(into, **overrides)` (the
        command's, which reports any problem itself and says whether it built) builds it into a
        temporary folder, again whenever a file it reads changes, while MkDocs' live-reload server
        serves that folder and reloads the browsers. A failed rebuild leaves the last good site in
        place. As `mkdocs serve` does, site_url becomes the server's address (under the path of
        the configured site_url). False when the first build fails: there is nothing to serve."""
        from mkdocs.livereload import LiveReloadServer  # a web server and a file watcher: not for build

        host, port = _address(dev_addr)
        folder_of_site = urlsplit(self.config.site_url or "").path.strip("/")
        mount_path = f"/{folder_of_site}/" if folder_of_site else "/"
        site_url = f"http://{host}:{port}{mount_path}"
        signal.signal(signal.SIGTERM, _stop)  # stopped as by Ctrl+C, so that its folder is removed
        with tempfile.TemporaryDirectory(prefix="followup-guide-serve-") as folder:
            site = Path(folder, "site")

            def rebuild() -> None:  # `build` never raises: after a rebuild that raised, the server's pages would wait forever
                build(site, serving=True, site_url=site_url)

            server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site), mount_path=mount_path)
            server.error_handler = lambda code: _read_or_none(site / "404.html") if code == 404 else None
            for path in self.watched():
                server.watch(str(path))
            try:
                if not build(site, serving=True, site_url=site_url):
                    return False
                server.serve()
            except OSError as error:  # binding the address
                raise CommandError(f"cannot serve at {dev_addr} ({error.strerror}); is the guide already served "
                                   "there? Stop that one or pass another address: -a 127.0.0.1:8001") from None
            except KeyboardInterrupt:
                pass  # Ctrl+C: the usual way to stop it
            finally:
                for stop in (signal.SIGINT, signal.SIGTERM):
                    signal.signal(stop, signal.SIG_IGN)  # a second Ctrl+C would leave the folder behind
                server.shutdown()
        return True

    def watched(self) -> list[Path]:
        """What the staff edit: mkdocs.yml, the content, the overlay, branding and pages, the theme overrides."""
        custom_dir = self.config.theme.custom_dir
        return [Path(self.config_file), *self.sources.read_paths(), *([Path(custom_dir)] if custom_dir else [])]


class _ConfigMessages(logging.Filter):
    """Holds back what MkDocs says about the settings while it reads them: _load tells it again
    at the setting's line (settings_messages)."""

    def __init__(self):
        super().__init__()
        self.said: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        self.said.append(record.getMessage())
        return False


def _load(config_file: str, **overrides):
    config_log = logging.getLogger("mkdocs.config")
    held = _ConfigMessages()
    config_log.addFilter(held)
    try:
        config = load_config(config_file, **overrides)
    except MkDocsException as error:
        said = str(error)
        unreadable = "parsing the configuration file" in said and syntax_problem(Path(config_file))
        if unreadable:  # the YAML itself: said as for the content's files
            raise CommandError(unreadable) from None
        if said.startswith("Aborted") and held.said:  # which setting, and what it can be
            raise CommandError("\n".join(located(config_file, held.said, _known_settings()))) from None
        raise CommandError(f"{config_file}: {said}") from None
    finally:
        config_log.removeFilter(held)
    for warning in located(config_file, held.said, _known_settings()) if held.said else ():
        config_log.warning(warning)  # not strict (plain `mkdocs serve`): the build goes on
    return config


@functools.lru_cache(maxsize=1)
def _known_settings() -> dict:
    """The names allowed at the top of mkdocs.yml and in the guide's plugin, for a close name."""
    from importlib.metadata import entry_points

    from mkdocs.config.defaults import MkDocsConfig

    from .mkdocs_plugin import FollowupGuideConfig
    return {None: [name for name, _ in MkDocsConfig._schema if name != "config_file_path"],
            PLUGIN_NAME: [name for name, _ in FollowupGuideConfig._schema],
            "plugins": sorted({point.name for point in entry_points(group="mkdocs.plugins")})}


def _address(dev_addr: str) -> tuple[str, int]:
    try:
        host, port = config_options.IpAddress().validate(dev_addr)
    except config_options.ValidationError:
        port = 0
    if not 0 < port < 65536:
        raise CommandError(f"'{dev_addr}' is not an address to serve at; write one like 127.0.0.1:8000")
    return host, port


def _read_or_none(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def _stop(signal_number, frame):
    raise KeyboardInterrupt
