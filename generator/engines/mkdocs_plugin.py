"""MkDocs glue: load the guide, add the generated pages and files, watch the content when serving.

All the work happens in the modules it calls; this file only hands their results to MkDocs,
and material_theme prepares the theme.
"""
from __future__ import annotations

import html
import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File

from ..checks.html_scan import scan_site
from ..checks.link_check import broken_links
from ..checks.sanitize import sanitize
from ..checks.security import UnsafeMarkup, apply_content_security_policy
from ..content_files import is_inside, kind_problem
from ..loading.handwritten_pages import FRONT_MATTER_FIELDS, STAFF_AUDIENCE, is_for_staff, without_links_to
from ..loading.sources import FALLBACK, GuideSources, load_guide
from ..loading.translations import SOURCE_LANGUAGE, translated_pages
from ..model.fields import slugify
from ..package_data import default_path
from ..problems import ContentError, Note, display_path
from ..rendering.assets import bundles
from ..rendering.contact import COUNTER_MARKER, PRIVACY_PAGE, contact_html, with_forget_all
from ..rendering.page_values import page_values
from ..rendering.pages import plain_text, render_site
from ..rendering.template_cache import template_cache
from . import material_search, material_theme

BRANDING_ASSETS = "assets/branding"
# Not under "mkdocs": a deprecated field is a warning that must not fail a strict build.
log = logging.getLogger("followup_guide")
# A hand-written page with `audience: staff` in its front matter is for career-center staff:
# it is listed in its own section after the reader's pages, and search ranks it after them.
STAFF_SEARCH_BOOST = 1e-6


class SiteId(config_options.Optional):
    """Names this guide's saved progress in the reader's browser; two guides on one web
    site need different ones. Defaults to the guide's title in lowercase-and-hyphens."""

    def __init__(self):
        super().__init__(config_options.Type(str))

    def run_validation(self, value):
        value = super().run_validation(value)
        if value is not None and slugify(value) != value:
            raise config_options.ValidationError(
                f"'{value}' must use only lowercase letters, digits and hyphens, like '{slugify(value)}'")
        return value


class LanguageCode(config_options.Type):
    """A language's code, as the theme and browsers know it: 'en', 'es', 'fr', 'pt-BR'."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
            raise config_options.ValidationError(f"'{value}' is not a language code; write one like 'en', 'es' or 'fr'")
        return value


class FollowupGuideConfig(Config):
    content_dir = config_options.Optional(config_options.Dir(exists=True))  # default: the default guide
    overlay_dir = config_options.Optional(config_options.Dir(exists=True))
    branding = config_options.Optional(config_options.File(exists=True))
    site_id = SiteId()
    # Publish the pages for career-center staff (front matter `audience: staff`); init's scaffold
    # sets it to false. Links to them from other pages become plain text.
    staff_pages = config_options.Type(bool, default=True)
    # The languages published: the first at the site's root, each other one under /<code>/.
    languages = config_options.ListOfItems(LanguageCode(), default=[SOURCE_LANGUAGE])
    # fail: a text without translation stops the build; fallback: it is shown in English, marked so.
    missing_translations = config_options.Choice(("fail", FALLBACK), default="fail")


def theme_text(value: str) -> Markup:
    """Text the theme prints without escaping it (site name, titles, descriptions).

    MkDocs' theme templates do not autoescape, so a `<` or a quote typed in the content
    would otherwise become markup. Markup is already escaped, and stays as it is where a
    template does escape.
    """
    return Markup(html.escape(str(value)))


def _escape_nav(nav: list) -> list:
    return [
        {theme_text(title): _escape_nav(target) if isinstance(target, list) else target}
        for item in nav for title, target in item.items()
    ]


class FollowupGuidePlugin(BasePlugin[FollowupGuideConfig]):
    def __init__(self):
        self.serving = False
        self.preloaded = None  # (knowledge base, branding) already loaded by followup-guide build
        self.site = None
        self.sources: GuideSources | None = None
        self.extra_files: list[tuple[str, bytes]] = []  # branding assets
        self.default_pages: dict[str, Path] = {}  # the knowledge base's own pages/, when not docs_dir
        self.handwritten: set[str] = set()  # source paths of the pages written by hand
        self.unpublished: set[str] = set()  # staff pages left out (staff_pages: false)
        self.origins: dict[str, str | None] = {}  # each built file -> its source file (None: generated)
        self.labels: dict[str, str] = {}
        self.branding = None
        # Set by the engine for each language it builds (mkdocs_build): which one this build is,
        # every language's folder in the whole site ("" for the root, "es/") and name, and the
        # site id, the same in every language so that a reader's progress follows them.
        self.language: str | None = None
        self.sites: dict[str, str] = {}
        self.language_labels: dict[str, dict[str, str]] = {}  # each language's labels, by its code
        self.site_id: str | None = None
        self.shown_in_source: set[str] = set()  # pages without a translation, shown in the source language

    def on_startup(self, command, dirty):
        # The development server injects its live-reload script, which a policy would block.
        self.serving = command == "serve"

    def on_shutdown(self):
        """MkDocs keeps one instance of the plugin for the whole process (its plugin cache): what
        the engine handed over for one build must not reach the next one."""
        self.preloaded = self.language = self.site_id = None
        self.sites, self.language_labels = {}, {}

    @event_priority(100)  # before the theme's search plugin reads the language
    def _on_config_language(self, config):
        self.sources = GuideSources.from_settings(self.config, config.docs_dir, config.config_file_path)
        self.language = self.language or self.sources.languages[0]
        material_theme.set_language(config, self.language)
        return config

    def _on_config(self, config):
        try:
            kb, branding = self.preloaded or load_guide(self.sources, self.language)
            site_id = self.config.site_id or self.site_id or slugify(
                kb.title if self.language == SOURCE_LANGUAGE else load_guide(self.sources)[0].title)
            if not self.sites:  # plain `mkdocs build` or `serve`: this language only, its switch as in the whole site
                languages = self.sources.languages
                self.sites = {code: "" if index == 0 else f"{code}/" for index, code in enumerate(languages)}
                self.language_labels = {code: (kb if code == self.language else load_guide(self.sources, code)[0])
                                        .labels for code in languages}
        except ContentError as error:
            raise PluginError(f"The guide's content has problems:\n{error}") from None
        if not self.preloaded:  # followup-guide build has shown them already
            for warning in kb.warnings:
                (log.info if isinstance(warning, Note) else log.warning)(
                    "%s: %s: %s", warning.location.display(), warning.label, warning.message)
        problems = material_theme.tracking_problems(config)
        if problems:
            raise PluginError("\n".join(problems))
        self.site = render_site(kb, config.site_url)
        self.labels, self.branding = kb.labels, branding
        config.site_name = theme_text(kb.title)
        config.site_description = theme_text(kb.description)
        if kb.copyright:
            config.copyright = theme_text(kb.copyright)
        # Pages written by hand: the knowledge base's own (content/pages of the default guide)
        # and those of docs_dir (a career center's), which replace a default page of the same name.
        pages_dir = (self.sources.content_dir / "pages").resolve()
        self.default_pages = {} if pages_dir == Path(config.docs_dir).resolve() else {
            path.relative_to(pages_dir).as_posix(): path
            for path in sorted(pages_dir.rglob("*")) if path.is_file() and not path.name.startswith(".")
        }
        generated = {page.uri for page in self.site.pages}
        sources = {**{uri: path for uri, path in self.default_pages.items() if uri.endswith(".md")},
                   **{path.relative_to(config.docs_dir).as_posix(): path for path in Path(config.docs_dir).rglob("*.md")}}
        handwritten = set(sources)
        staff = sorted(uri for uri in handwritten - generated if is_for_staff(sources[uri]))
        self.unpublished = set()  # this build's: a plugin may build more than one site in a process
        if not self.config.staff_pages:
            self.unpublished, staff = set(staff), []
            self.default_pages = {uri: path for uri, path in self.default_pages.items() if uri not in self.unpublished}
        if not config.nav:
            readers = sorted(handwritten - generated - set(staff) - self.unpublished)
            config.nav = _escape_nav(self.site.nav) + readers + (
                [{theme_text(kb.labels["nav_staff"]): staff}] if staff else [])

        self.extra_files = []
        palette = logo = favicon = None
        extra = page_values(kb, site_id, self.site.data_script, theme_text)
        # Servers show the 404 page at the root for a missing address under a language's folder
        # too: it says so in each language whose folder is inside this one, with a link home.
        extra["not_found_elsewhere"] = [
            {"lang": code, "href": folder, **{name: theme_text(self.language_labels[code][name])
                                               for name in ("not_found_title", "not_found_text", "home")}}
            for code, folder in self._languages_inside().items()]
        if branding:
            extra["contact"] = contact_html(branding, kb.labels)
            extra["center_name"] = theme_text(branding.name)  # at the top of the first printed sheet
            logo = extra["logo"] = self._asset("logo", branding.logo)
            favicon = self._asset("favicon", branding.favicon)
            palette = {"primary": branding.primary and material_theme.palette_colour(branding.primary),
                       "accent": branding.accent and material_theme.palette_colour(branding.accent)}
            css = material_theme.custom_colour_css(branding.primary, branding.accent)
            if css:
                self.extra_files.append((f"{BRANDING_ASSETS}/colours.css", css.encode()))
                extra["branding_css"] = True
        self.extra_files += bundles(default_path("site_overrides")).items()
        try:
            material_theme.prepare(config, default_path("site_overrides"), palette, logo, favicon)
        except ValueError as problem:
            raise PluginError(str(problem)) from None
        material_theme.name_palette_toggles(config.theme["palette"], theme_text(kb.labels["palette_to_dark"]),
                                            theme_text(kb.labels["palette_to_light"]))
        # Read by site_overrides/main.html.
        config.extra["followup_guide"] = extra
        material_theme.language_switch(config, None)  # per page (on_page_context); none on the 404 page
        return config

    on_config = CombinedEvent(_on_config_language, _on_config)

    def _asset(self, name: str, path: Path | None) -> str | None:
        if path is None:
            return None
        uri = f"{BRANDING_ASSETS}/{name}{path.suffix.lower()}"
        self.extra_files.append((uri, path.read_bytes()))
        return uri

    def on_files(self, files, config):
        # Hand-written files are checked by load_guide; this guard keeps the build closed should a
        # file appear between the check and now. (MkDocs follows links in docs_dir.)
        handwritten = [file for file in files if file.abs_src_path and file.src_dir == config.docs_dir]
        for file in handwritten:
            problem = kind_problem(Path(file.abs_src_path))
            if problem or not is_inside(file.abs_src_path, config.docs_dir):
                raise PluginError(str(problem or f"{display_path(Path(file.abs_src_path))}: this file is outside "
                                                 "the pages folder; copy it there instead of linking to it"))
        for file in handwritten:
            if file.src_uri in self.unpublished:
                files.remove(file)
        self.handwritten = {file.src_uri for file in handwritten} - self.unpublished
        generated = [(page.uri, page.markdown) for page in self.site.pages]
        generated += [(file.uri, file.content) for file in self.site.files] + self.extra_files
        for uri, content in generated:
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    f"{display_path(Path(config.docs_dir, uri))}: this file has the same path as a page the guide "
                    "generates; rename or move it"
                )
            files.append(File.generated(config, uri, content=content))
        for uri, path in self.default_pages.items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
                self.handwritten.add(uri)
        self.shown_in_source = set()
        if self.language != SOURCE_LANGUAGE:  # the same pages, each from its translation
            translated = translated_pages(self.sources.page_folders, self.language)
            for uri in sorted(u for u in self.handwritten if u.endswith(".md")):
                if uri in translated:
                    files.remove(files.get_file_from_path(uri))
                    files.append(File.generated(config, uri, abs_src_path=str(translated[uri])))
                else:
                    self.shown_in_source.add(uri)  # allowed by missing_translations: fallback (load_guides)
        self.origins = {file.dest_uri: file.abs_src_path for file in files}
        return files

    def on_env(self, env, config, files):
        env.bytecode_cache = template_cache()  # the theme's templates compiled once, not on every build
        return env

    def on_page_markdown(self, markdown, page, config, files):
        # Front matter is checked by load_guide; what MkDocs read must agree, or nothing is built.
        unknown = set(page.meta) - FRONT_MATTER_FIELDS
        not_text = [key for key in ("title", "description") if key in page.meta and not isinstance(page.meta[key], str)]
        if unknown or not_text:
            raise PluginError(f"{self._origin(page.file.dest_uri)}: the front matter field "
                              f"'{sorted(unknown or not_text)[0]}' is not one the guide allows here")
        if page.meta.get("audience") == STAFF_AUDIENCE:
            page.meta["search"] = {**(page.meta.get("search") or {}), "boost": STAFF_SEARCH_BOOST}
        markdown = without_links_to(markdown, page.file.src_uri, self.unpublished)
        if page.file.src_uri == PRIVACY_PAGE:
            markdown = self._privacy_statement(markdown, page)
        if page.file.src_uri in self.shown_in_source:  # screen readers read it in its own language
            markdown = f'<div lang="{SOURCE_LANGUAGE}" markdown="block">\n\n{markdown}\n\n</div>\n'
        return markdown

    def _privacy_statement(self, markdown: str, page) -> str:
        """The privacy page says, in the guide's words, whether page views are counted and by whom."""
        counter = self.branding and self.branding.counter
        if COUNTER_MARKER not in markdown:
            if counter:
                raise PluginError(f"{self._origin(page.file.dest_uri)}: page views are counted (analytics in "
                                  f"branding.yml), so the privacy page must say so: put the line {COUNTER_MARKER} "
                                  "where the statement should go")
            return markdown
        statement = (self.labels["privacy_counter"].format(name=plain_text(self.branding.name),
                                                           address=plain_text(self.branding.counter_origin))
                     if counter else self.labels["privacy_no_counter"])
        return markdown.replace(COUNTER_MARKER, statement)

    def on_pre_build(self, config):
        material_search.use_quick_index(config)  # the search plugin has made its own in on_config

    def on_page_content(self, html, page, config, files):
        # Titles reach every page through the navigation and the header, and the theme prints
        # them unescaped (page.meta.title in the header, page.title in the navigation).
        if "title" in page.meta and not isinstance(page.meta["title"], Markup):
            page.meta["title"] = theme_text(page.meta["title"])
        if not isinstance(page.title, Markup):
            page.title = theme_text(page.title or "")
        if page.file.src_uri == PRIVACY_PAGE:  # its button that removes everything, which a page cannot hold itself
            return with_forget_all(html, self.labels, lambda part: sanitize(part, guide_widgets=False))
        return sanitize(html, guide_widgets=page.file.src_uri not in self.handwritten)

    def on_post_build(self, config):
        material_theme.language_switch(config, None)
        site_dir = Path(config.site_dir)
        # The other languages' sites inside this one's folder are built and checked on their own.
        inside = tuple(self._languages_inside().values())
        pages = {path: value for path, value in scan_site(site_dir).items()
                 if not path.relative_to(site_dir).as_posix().startswith(inside or ("\0",))}

        def describe(path: Path) -> str:
            return self._origin(path.relative_to(site_dir).as_posix())

        counted = (self.branding.counter_origin,) if self.branding and self.branding.counter else ()
        # A language in its folder is checked at its place in the whole site: its links up to the other languages are not its own.
        here = self.sites.get(self.language, "")
        checked_at = config.site_url or (f"http://site.invalid/{here}" if here else None)
        problems = broken_links(site_dir, pages, describe, checked_at, allowed_origins=counted, elsewhere=inside)
        if problems:
            raise PluginError("Links and files that do not work:\n" + "\n".join(problems))
        if not self.serving:
            try:
                apply_content_security_policy(site_dir, pages, material_theme.known_inline_scripts(), describe,
                                              image_origins=counted)
            except UnsafeMarkup as error:
                raise PluginError(f"Markup the Content-Security-Policy does not allow:\n{error}") from None

    def _languages_inside(self) -> dict[str, str]:
        """The other languages whose sites are built inside this one's folder: their folders, relative to it."""
        here = self.sites.get(self.language, "")
        return {code: path[len(here):] for code, path in self.sites.items() if path != here and path.startswith(here)}

    def _origin(self, dest_uri: str) -> str:
        """A built file as the person who can fix it knows it: the site's path, and where it came from."""
        source = self.origins.get(dest_uri)
        if source:
            return f"{dest_uri} (from {display_path(Path(source))})"
        if dest_uri in self.origins:
            return f"{dest_uri} (a page generated from the knowledge base)"
        return f"{dest_uri} (made by the theme's templates)"

    def on_page_context(self, context, page, config, nav):
        if len(self.sites) > 1:
            material_theme.language_switch(config, self._same_page_in_each_language(page.url))
        if self.branding and self.branding.counter:
            path = urlsplit(config.site_url or "/").path.rstrip("/") + "/" + page.url
            context["page_view_counter"] = self.branding.counter.replace("{path}", quote(path, safe=""))
        description = page.meta.get("description")
        if description is not None and not isinstance(description, Markup):
            page.meta["description"] = theme_text(description)
        return context

    def _same_page_in_each_language(self, url: str) -> list[dict]:
        """For the switch: this page's address in each language, relative to this page (every
        language has the same pages at the same paths under its folder)."""
        folder = url if url.endswith("/") or not url else posixpath.dirname(url) + "/"
        to_whole_site = "../" * (folder.count("/") if posixpath.dirname(url) or url.endswith("/") else 0)
        to_whole_site += "../" * self.sites[self.language].count("/")
        return [{"name": self.language_labels.get(code, {}).get("language_name", code), "lang": code,
                 "current": code == self.language, "href": (to_whole_site + path + url) or "./"}
                for code, path in self.sites.items()]

    def on_serve(self, server, config, builder):
        for path in (self.sources.content_dir, self.sources.overlay_dir, self.sources.branding):
            if path is not None:
                server.watch(str(Path(path).resolve()))
        return server
