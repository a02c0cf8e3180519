"""Everything that depends on Material for MkDocs, in one place.

Material reaches end of life in May 2027; moving to another theme or builder means
replacing this module, mkdocs.yml's theme section and site_overrides/.
"""
from __future__ import annotations

from pathlib import Path

from ..checks.built_site import ContentMarker
from ..model.colours import SLATE_BACKGROUND, lighten_until_readable, readable_on

# Where Material (and Zensical's classic look, which keeps its markup) puts the page content:
# the Content-Security-Policy check tells the theme's inline scripts from the content by it.
CONTENT_MARKER = ContentMarker('<article class="md-content__inner', "</article>")

# Material's offline plugin adds this polyfill from a CDN unless one is listed; ours is local.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker-shim.js"

# Markdown extensions the generated pages are written for.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "fenced_code", "toc")


def prepare(config, overrides: Path, palette: dict | None, logo: str | None, favicon: str | None) -> None:
    """Make the theme ready for the guide: its templates and scripts, no web fonts, the extensions
    the pages need, and a career center's colours, logo and favicon."""
    theme = config.theme
    overrides = str(overrides.resolve())
    if overrides not in (str(Path(d).resolve()) for d in theme.dirs):
        theme.dirs.insert(1 if theme.custom_dir else 0, overrides)  # after a center's own custom_dir
    theme["font"] = False  # system fonts: no request to a font service
    config.extra["polyfills"] = [
        IFRAME_WORKER_SHIM if "iframe-worker" in str(script) else script for script in config.extra.get("polyfills", [])
    ]
    for extension in REQUIRED_EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    if palette:
        schemes = theme["palette"] if isinstance(theme["palette"], list) else [theme["palette"] or {}]
        for scheme in schemes:
            scheme.update({key: value for key, value in palette.items() if value})
        theme["palette"] = schemes
    if logo:
        theme["logo"] = logo
    if favicon:
        theme["favicon"] = favicon


def palette_colour(colour: str) -> str:
    """Material's name for a colour of the branding: a palette name, or "custom" for a hex colour."""
    return "custom" if colour.startswith("#") else colour


def custom_colour_css(primary: str | None, accent: str | None) -> str:
    """CSS variables for hex colours ("custom" in Material's palette)."""
    rules = []
    if primary and primary.startswith("#"):
        rules.append(
            f'[data-md-color-primary="custom"] {{ --md-primary-fg-color: {primary}; '
            f"--md-primary-fg-color--light: {primary}; --md-primary-fg-color--dark: {primary}; "
            f"--md-primary-bg-color: {readable_on(primary)}; --md-primary-bg-color--light: {readable_on(primary)}; }}"
        )
        # On the dark scheme a dark brand colour would make links unreadable: lighten it for them.
        rules.append(f'[data-md-color-scheme="slate"][data-md-color-primary="custom"] '
                     f"{{ --md-typeset-a-color: {lighten_until_readable(primary, SLATE_BACKGROUND)}; }}")
    if accent and accent.startswith("#"):
        rules.append(f'[data-md-color-accent="custom"] {{ --md-accent-fg-color: {accent}; '
                     f"--md-accent-fg-color--transparent: {accent}1a; }}")
    return "\n".join(rules) + ("\n" if rules else "")
