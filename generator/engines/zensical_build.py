"""The Zensical engine: Zensical (the successor of Material for MkDocs) ignores MkDocs plugins,
so this adapter does the plugin's work ahead of the build. It writes a plain Zensical project:
the generated pages, files and asset bundles and the hand-written pages in a docs folder, the
theme overrides, and a generated configuration (from the site's mkdocs.yml: theme, palette,
site_url; plus the navigation and the `extra` the templates read); then runs `zensical build`
and checks the result as the plugin does (links, Content-Security-Policy).

Differences from the MkDocs path (the README lists them):
- Zensical gives no hook into a page's HTML before the theme wraps it, so the content cannot be
  cleaned there: markup that the MkDocs build would remove (a script, an event handler, an iframe,
  a javascript: link) fails the build instead, through the same checks on the built pages.
- `serve` is MkDocs only.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import yaml

from ..checks.html_scan import scan_site
from ..checks.link_check import broken_links
from ..checks.security import UnsafeMarkup, apply_content_security_policy
from ..loading.handwritten_pages import is_for_staff, without_links_to
from ..loading.sources import FALLBACK, PLUGIN_NAME, GuideSources
from ..loading.translations import SOURCE_LANGUAGE
from ..loading.yaml_source import syntax_problem
from ..model.fields import slugify
from ..package_data import default_path
from ..problems import CommandError
from ..rendering.assets import bundles
from ..rendering.contact import COUNTER_MARKER, PRIVACY_PAGE, contact_html, with_forget_all
from ..rendering.page_values import page_values
from ..rendering.pages import render_site
from . import material_theme
from .settings_messages import located

BRANDING_ASSETS = "assets/branding"
VERSION = "0.0.73"  # the version this adapter is written and tested for (pinned in pyproject's extra)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, default]` is an environment variable."""


def _environment_value(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_ConfigLoader.add_constructor("!ENV", _environment_value)


class ZensicalEngine:
    name = "zensical"

    def __init__(self, config_file: str, site_url: str | None = None, strict: bool = True):
        path = Path(config_file)
        try:
            import zensical  # noqa: F401  (only to say clearly when it is missing)
        except ImportError:
            raise CommandError("Zensical is not installed; install it with: "
                               "pip install 'followup-guide[zensical]'") from None
        try:
            self.config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        except yaml.YAMLError as error:
            raise CommandError(syntax_problem(path) or f"{config_file}: {error}") from None
        self.folder = path.resolve().parent
        self.config_file = path
        if site_url is not None:
            self.config["site_url"] = site_url
        self.settings = self._plugin_settings(config_file)

    def _plugin_settings(self, config_file: str) -> dict:
        for plugin in self.config.get("plugins") or []:
            if plugin == PLUGIN_NAME:
                return {}
            if isinstance(plugin, dict) and PLUGIN_NAME in plugin:
                settings = plugin[PLUGIN_NAME] or {}
                _check_settings(config_file, settings)
                return settings
        raise CommandError(f"{config_file} does not list the '{PLUGIN_NAME}' plugin under 'plugins:'; add it")

    def _path(self, value) -> Path | None:
        return (self.folder / value) if value else None

    @property
    def sources(self) -> GuideSources:
        return GuideSources(
            self._path(self.settings.get("content_dir")) or default_path("content"),
            self._path(self.settings.get("overlay_dir")),
            self._path(self.settings.get("branding")),
            self._pages_dir(),
            tuple(self.settings.get("languages") or (SOURCE_LANGUAGE,)),
            self.settings.get("missing_translations") == FALLBACK,
            self.settings.get("staff_pages", True),
            self.config_file,
        )

    def _pages_dir(self) -> Path | None:
        """The site's own hand-written pages (docs_dir), when it is not the knowledge base's."""
        docs = self._path(self.config.get("docs_dir", "docs"))
        content_pages = (self._path(self.settings.get("content_dir")) or default_path("content")) / "pages"
        return docs if docs.is_dir() and docs.resolve() != content_pages.resolve() else None

    def reads(self) -> list[Path]:
        """Every file and folder the build reads: no output folder may be or hold one (site_output)."""
        theme = self.config.get("theme") or {}
        return [self.folder, *self.sources.read_paths(), default_path("site_overrides"),
                *([self.folder / theme["custom_dir"]] if theme.get("custom_dir") else [])]

    def instant_navigation_note(self, serving_at: str | None = None) -> str | None:
        theme = self.config.get("theme") or {}
        settings = SimpleNamespace(theme=theme, site_url=self.config.get("site_url"))
        return material_theme.instant_navigation_note(settings, serving_at)

    @property
    def site_dir(self) -> Path:
        return self.folder / self.config.get("site_dir", "site")

    def _offline(self) -> bool:
        for plugin in self.config.get("plugins") or []:
            if isinstance(plugin, dict) and "offline" in plugin:
                return bool((plugin["offline"] or {}).get("enabled", True))
            if plugin == "offline":
                return True
        return False

    def tracking_problems(self) -> list[str]:
        settings = SimpleNamespace(extra=self.config.get("extra") or {}, get=self.config.get)
        return material_theme.tracking_problems(settings)

    def build(self, guides: dict, into: Path) -> None:
        """The guide in its own language only: Zensical has no way yet to build a second
        language's site beside it with the guide's pages (README, "Languages")."""
        languages = self.sources.languages
        if languages[0] != SOURCE_LANGUAGE:
            raise CommandError(f"the Zensical engine builds the guide in '{SOURCE_LANGUAGE}' only for now; build "
                               "without --engine zensical, or put it first in 'languages'")
        if len(languages) > 1:
            print(f"Zensical builds the guide in '{SOURCE_LANGUAGE}' only for now: "
                  f"{', '.join(languages[1:])} need the MkDocs engine (build without --engine zensical).")
        kb, branding = guides[SOURCE_LANGUAGE]
        problems = self.tracking_problems()
        if problems:
            raise CommandError("\n".join(problems))
        if branding and branding.counter:
            raise CommandError("a page-view counter (analytics in branding.yml) works with the MkDocs engine only "
                               "for now; build without --engine zensical, or remove the counter")
        site_url = self.config.get("site_url")
        site = render_site(kb, site_url)
        project = Path(tempfile.mkdtemp(prefix=".zensical-project-", dir=into.parent))
        try:
            docs = project / "docs"
            files: dict[str, bytes] = {}
            origins: dict[str, Path] = {}
            # Hand-written pages: the knowledge base's own, then the site's docs_dir (a career center's).
            for pages_dir in self.sources.page_folders:
                if pages_dir and pages_dir.is_dir():
                    for path in sorted(pages_dir.rglob("*")):
                        if path.is_file() and not path.name.startswith("."):
                            uri = path.relative_to(pages_dir).as_posix()
                            files[uri], origins[uri] = path.read_bytes(), path
            # Pages for staff are left out with `staff_pages: false`; links to them become text.
            unpublished = set() if self.settings.get("staff_pages", True) else {
                uri for uri, path in origins.items() if is_for_staff(path)}
            for uri in unpublished:
                del files[uri]
            handwritten = sorted(uri for uri in files if uri.endswith(".md"))
            if PRIVACY_PAGE in files:  # it says that nothing counts visits, and has the button that removes everything
                text = files[PRIVACY_PAGE].decode("utf-8-sig").replace(COUNTER_MARKER, kb.labels["privacy_no_counter"])
                files[PRIVACY_PAGE] = with_forget_all(text, kb.labels).encode("utf-8")
            for page in site.pages:
                if page.uri in files and page.uri not in self._default_page_uris():
                    raise CommandError(f"{page.uri}: this file has the same path as a page the guide generates; "
                                       "rename or move it")
                files[page.uri] = _with_escaped_description(page.markdown).encode("utf-8")
            for uri in [uri for uri in files if uri.endswith(".md") and unpublished]:
                files[uri] = without_links_to(files[uri].decode("utf-8-sig"), uri, unpublished).encode("utf-8")
            files.update({file.uri: file.content for file in site.files})
            files.update(bundles(default_path("site_overrides")))
            extra_guide, theme = self._theme(kb, branding, files, site.data_script)
            for uri, content in files.items():
                (docs / uri).parent.mkdir(parents=True, exist_ok=True)
                (docs / uri).write_bytes(content)
            overrides = project / "overrides"
            shutil.copytree(default_path("site_overrides"), overrides)
            if self.config.get("theme", {}).get("custom_dir"):  # a center's own overrides win
                shutil.copytree(self.folder / self.config["theme"]["custom_dir"], overrides, dirs_exist_ok=True)
            generated = {page.uri for page in site.pages}
            # Like MkDocs' theme templates, Zensical's print these without escaping: they are
            # handed over escaped, as the MkDocs plugin does.
            config = {
                "site_name": _escaped(kb.title),
                "site_description": _escaped(kb.description),
                **({"site_url": site_url} if site_url else {}),
                **({"copyright": _escaped(kb.copyright)} if kb.copyright else {}),
                "docs_dir": "docs",
                "site_dir": "site",
                "use_directory_urls": True,
                "theme": theme,
                "extra": {**{k: v for k, v in (self.config.get("extra") or {}).items() if k != "polyfills"},
                          "generator": False,
                          # No request to another site: the offline build's iframe-worker shim is ours.
                          "polyfills": [material_theme.IFRAME_WORKER_SHIM],
                          "followup_guide": extra_guide},
                "plugins": {"search": {}, **({"offline": {"enabled": True}} if self._offline() else {})},
                "markdown_extensions": list(material_theme.REQUIRED_EXTENSIONS),
                "nav": _escaped_nav(site.nav) + [uri for uri in handwritten if uri not in generated],
            }
            (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
            result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict",
                                     "-f", str(project / "mkdocs.yml")],
                                    cwd=project, capture_output=True, text=True)
            built = project / "site"
            if result.returncode != 0 or not (built / "index.html").is_file():
                output = (result.stderr or result.stdout).strip()
                raise CommandError(f"the Zensical build failed ({output[-2000:]})")
            self._check(built, site_url)
            for child in built.iterdir():
                shutil.move(str(child), into / child.name)
        finally:
            shutil.rmtree(project, ignore_errors=True)

    def _default_page_uris(self) -> set[str]:
        pages_dir = self.sources.content_dir / "pages"
        return {p.relative_to(pages_dir).as_posix() for p in pages_dir.rglob("*.md")} if pages_dir.is_dir() else set()

    def _theme(self, kb, branding, files: dict, data_script: str) -> tuple[dict, dict]:
        theme = {key: value for key, value in (self.config.get("theme") or {}).items() if key != "custom_dir"}
        problems = material_theme.palette_problems(theme.get("palette"))
        if problems:
            raise CommandError("\n".join(problems))
        theme.update(name="material", custom_dir="overrides", variant="classic", font=False)
        extra = page_values(kb, self.settings.get("site_id") or slugify(kb.title), data_script, _escaped)
        if branding:
            extra["contact"] = str(contact_html(branding, kb.labels))
            extra["center_name"] = _escaped(branding.name)  # at the top of the first printed sheet
            palette = {"primary": branding.primary and material_theme.palette_colour(branding.primary),
                       "accent": branding.accent and material_theme.palette_colour(branding.accent)}
            schemes = theme.get("palette") or [{}]
            schemes = schemes if isinstance(schemes, list) else [schemes]
            for scheme in schemes:
                scheme.update({key: value for key, value in palette.items() if value})
            theme["palette"] = schemes
            for name, image in (("logo", branding.logo), ("favicon", branding.favicon)):
                if image is not None:
                    uri = f"{BRANDING_ASSETS}/{name}{image.suffix.lower()}"
                    files[uri] = image.read_bytes()
                    theme[name] = uri
                    if name == "logo":
                        extra["logo"] = uri  # printed with the contact block
            css = material_theme.custom_colour_css(branding.primary, branding.accent)
            if css:
                files[f"{BRANDING_ASSETS}/colours.css"] = css.encode()
                extra["branding_css"] = True
        material_theme.name_palette_toggles(theme.get("palette"), _escaped(kb.labels["palette_to_dark"]),
                                            _escaped(kb.labels["palette_to_light"]))
        return extra, theme

    def _check(self, built: Path, site_url: str | None) -> None:
        pages = scan_site(built)  # every page read once, for both checks

        def describe(path: Path) -> str:
            return path.relative_to(built).as_posix()

        problems = broken_links(built, pages, describe, site_url)
        if problems:
            raise CommandError("links and files that do not work:\n" + "\n".join(problems))
        try:
            apply_content_security_policy(built, pages, known_inline_scripts(), describe,
                                          known_styles=_search_styles(built))
        except UnsafeMarkup as error:
            raise CommandError(f"markup the Content-Security-Policy does not allow:\n{error}") from None


def _check_settings(config_file: str, settings) -> None:
    """The plugin's settings checked by their one declaration (the MkDocs plugin's), with the same
    messages at the same lines as the MkDocs engine gives: Zensical itself ignores them."""
    from .mkdocs_plugin import FollowupGuideConfig  # a settings declaration: no MkDocs build is run

    config = FollowupGuideConfig(config_file_path=config_file)
    config.load_dict(settings if isinstance(settings, dict) else {})
    errors, warnings = config.validate()
    said = [f"Config value 'plugins': Plugin '{PLUGIN_NAME}' option '{name}': {error}" for name, error in
            [*warnings, *errors]]
    if said:
        known = {PLUGIN_NAME: [name for name, _ in FollowupGuideConfig._schema]}
        raise CommandError("\n".join(located(config_file, said, known)))


def _escaped(text: str) -> str:
    return html.escape(str(text))


def _escaped_nav(nav: list) -> list:
    return [{_escaped(title): _escaped_nav(target) if isinstance(target, list) else target}
            for item in nav for title, target in item.items()]


def _with_escaped_description(markdown: str) -> str:
    """The page with its front matter's description escaped (the theme prints it in an attribute)."""
    _, front, body = markdown.split("---\n", 2)
    meta = yaml.safe_load(front)
    meta["description"] = _escaped(meta["description"])
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, width=1000) + "---\n" + body


def known_inline_scripts() -> list:
    """The inline scripts Zensical's theme writes (its partials/javascripts templates), read as
    Material's are: any other inline script fails the build."""
    import zensical

    return material_theme.known_inline_scripts(Path(zensical.__file__).parent / "templates" / "partials" / "javascripts")


# Hack: Zensical's search panel puts its styles in a <style> element of its own (inside a shadow
# root), which a policy of `style-src 'self'` blocks. Its text is a string in the theme's bundle:
# found here and allowed by its hash. When a new Zensical writes it differently, nothing is found,
# the panel is blocked, and the end-to-end tests (no console error) say so.
_STYLE_ELEMENT = re.compile(r"""\("style",\{\},(\w+)\.toString\(\)\)""")


def _search_styles(built: Path) -> tuple[str, ...]:
    styles = []
    for bundle in (built / "assets" / "javascripts").glob("bundle.*.js"):
        code = bundle.read_text(encoding="utf-8")
        for name in set(_STYLE_ELEMENT.findall(code)):
            literal = re.search(rf"""\b{name}='((?:[^'\\]|\\.)*)'""", code)
            if literal and "\\" not in literal[1]:
                styles.append(literal[1])
    return tuple(styles)
