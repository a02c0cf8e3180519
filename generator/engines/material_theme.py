"""Everything that depends on Material for MkDocs, in one place.

Material reaches end of life in May 2027; moving to another theme or builder means
replacing this module, mkdocs.yml's theme section and site_overrides/.
"""
from __future__ import annotations

import colorsys
import functools
import re
from pathlib import Path

import material

from ..model.colours import SLATE_BACKGROUND, lighten_until_readable, readable_on

# Material's offline plugin adds this polyfill from a CDN unless one is listed; ours is local.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker-shim.js"

# Markdown extensions the generated pages are written for.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "fenced_code", "toc")


# A scheme's, a primary's or an accent's name ("default", "deep orange", a center's own scheme),
# and a media query: the theme writes them into every page's markup as they are.
_PALETTE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _-]*")
_MEDIA_QUERY = re.compile(r"[^\"'<>&]*")


def palette_problems(palette) -> list[str]:
    """What is wrong in mkdocs.yml's `theme: palette:`, said for a person who edits it."""
    schemes = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    problems = []
    for number, scheme in enumerate(schemes, 1):
        for key in ("scheme", "primary", "accent", "media"):
            value = scheme.get(key) if isinstance(scheme, dict) else None
            if value is None or (_MEDIA_QUERY if key == "media" else _PALETTE_NAME).fullmatch(str(value)):
                continue
            where = f"mkdocs.yml: theme: palette: the {key} of palette {number}"
            problems.append(f"{where} is '{value}', which is not a media query without quotes or brackets, such as "
                            "(prefers-color-scheme: dark)" if key == "media" else
                            f"{where} is '{value}', which is not a name: write one of the theme's, such as "
                            f"{'default or slate' if key == 'scheme' else 'indigo or deep orange'} (a center's own "
                            "colours go in branding.yml)")
    return problems


def prepare(config, overrides: Path, palette: dict | None, logo: str | None, favicon: str | None) -> None:
    """Make the theme ready for the guide: its templates and scripts, no web fonts, the extensions
    the pages need, and a career center's colours, logo and favicon. Raises ValueError for a
    palette in mkdocs.yml that the theme cannot write into a page safely."""
    theme = config.theme
    problems = palette_problems(theme["palette"])
    if problems:
        raise ValueError("\n".join(problems))
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


def name_palette_toggles(schemes, to_dark: str, to_light: str) -> None:
    """The words of the header's light and dark switch, in the guide's language (the labels
    palette_to_dark and palette_to_light): each scheme's switch leads to the next scheme."""
    schemes = schemes if isinstance(schemes, list) else [schemes] if isinstance(schemes, dict) else []
    for index, scheme in enumerate(schemes):
        following = schemes[(index + 1) % len(schemes)].get("scheme")
        if isinstance(scheme.get("toggle"), dict) and following in ("slate", "default"):
            scheme["toggle"]["name"] = to_dark if following == "slate" else to_light


def set_language(config, language: str) -> None:
    """The theme's own words (buttons, search) and the page's `lang` in this language, and the
    search index built for it (its stemmer and stop words), where the theme has one."""
    config.theme["language"] = language
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and "lang" in search.config:
        base = language.split("-")[0]
        search.config.lang = [base if base == "en" or (_LUNR / f"lunr.{base}.min.js").is_file() else "en"]


def language_switch(config, languages: list[dict] | None) -> None:
    """The language selector in the header and the `hreflang` links in the head: one
    {name, lang, current, href} per language, `href` relative to the page, leading to the same
    page (site_overrides/partials/alternate.html and main.html print them as they are). The
    theme includes its selector when `extra.alternate` is set; it is set to True, not a list, so
    that the theme prints no `hreflang` links of its own (its `url` filter cannot lead from /es/
    back up to the English page)."""
    config.extra["alternate"] = True if languages else None
    config.extra["followup_guide"]["languages"] = languages or []


_LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"

# The theme's own inline scripts are in these templates, one <script> each.
_SCRIPT_TEMPLATES = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
# What an expression inside a string of those scripts may print (a URL or a path): nothing that
# could end the string or the script.
_PRINTED = r"[^\"'<>\\\n]*"


def known_inline_scripts(script_templates: Path = _SCRIPT_TEMPLATES) -> list[re.Pattern]:
    """The inline scripts Material writes into pages, as patterns: each script of its
    partials/javascripts templates, with what its {{ expressions }} may print. The guide's own
    scripts are files, never inline; any other inline script fails the build (security.py)."""
    patterns = []
    for template in sorted(Path(script_templates).glob("*.html")):
        for script in _INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
            if "{%" in script:
                continue  # logic inside a script: not allowed rather than guessed
            parts = _EXPRESSION.split(script)
            patterns.append(re.compile(_PRINTED.join(re.escape(part) for part in parts), re.S))
    return patterns


def tracking_problems(config) -> list[str]:
    """The theme's own analytics (Google Analytics through `extra.analytics`) would send readers'
    visits to another company; the guide promises they are not. A center may count page views
    with its own counter instead (analytics in branding.yml)."""
    problems = []
    if config.extra.get("analytics"):
        problems.append("mkdocs.yml: 'extra: analytics' would send readers' visits to another company, which the "
                        "guide promises not to do; remove it (to count page views with a counter you run yourself, "
                        "see 'analytics' in branding.yml)")
    if config.get("google_analytics"):
        problems.append("mkdocs.yml: 'google_analytics' would send readers' visits to another company; remove it")
    return problems


def instant_navigation_note(config, serving_at: str | None = None) -> str | None:
    """One line for the person building the site when the theme's instant navigation (pages
    swapped in without a reload) will fall back to ordinary page loads: it works only when
    the guide is viewed at exactly its site_url. Without a site_url, the 404 page's addresses
    are the server's root: under a sub-folder it shows without its styles, and that is said too."""
    if not config.site_url:
        return ("Note: site_url is not set in mkdocs.yml; set it to the address the guide will be published at. "
                "Without it, the page for an address that does not exist shows without its styles when the guide "
                "is in a sub-folder (such as a GitHub Pages project site)"
                + (", and pages load one by one instead of instantly." if "navigation.instant"
                   in (config.theme.get("features") or []) else "."))
    if "navigation.instant" not in (config.theme.get("features") or []):
        return None
    if serving_at and serving_at.split(":")[0] in ("0.0.0.0", "::", "[::]"):
        return (f"Note: pages load instantly only at {config.site_url}; opened at another address "
                "(another device on your network), they load one by one, which works as well.")
    if not serving_at:
        return (f"Note: pages load instantly only at {config.site_url}; anywhere else (a staging "
                "preview, a copy opened from files) they load one by one, which works as well, but the page for "
                "an address that does not exist takes its styles and links from that address.")
    return None


def _palette_css() -> str:
    stylesheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return next(stylesheets.glob("palette.*.min.css")).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def named_colours() -> dict[str, dict[str, str]]:
    """For each palette name, the colour the light scheme gives it, as Material's palette style
    sheet sets it: {"primary": {name: link colour}, "accent": {name: accent colour}}. Named colours
    are checked for contrast with these, like hex ones."""
    found: dict[str, dict[str, str]] = {"primary": {}, "accent": {}}
    for selectors, rules in re.findall(r"([^{}]+)\{([^{}]*)\}", _palette_css()):
        colours = {name: _hex(value) for name, value in re.findall(r"(--md-[a-z-]+):(#[0-9a-fA-F]{3,8}\b|hsl\([^)]*\))", rules)}
        for selector in selectors.split(","):
            alone = re.fullmatch(r"\[data-md-color-(primary|accent)=([a-z-]+)\]", selector.strip())
            if not alone:
                continue  # scoped to the dark scheme, or to a part of the page
            kind, name = alone[1], alone[2].replace("-", " ")
            colour = colours.get("--md-typeset-a-color" if kind == "primary" else "--md-accent-fg-color")
            if kind == "primary":
                colour = colour or colours.get("--md-primary-fg-color")
            if colour:  # later rules win, as in the browser
                found[kind][name] = colour
    return found


def _hex(value: str) -> str:
    """#abc, #aabbccdd or hsl(h,s%,l%) as #aabbcc."""
    if value.startswith("hsl("):
        hue, saturation, lightness = (float(part.strip(" %")) for part in value[4:-1].split(",")[:3])
        red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness / 100, saturation / 100)
        return "#" + "".join(f"{round(channel * 255):02x}" for channel in (red, green, blue))
    digits = value[1:]
    return "#" + ("".join(c * 2 for c in digits[:3]) if len(digits) in (3, 4) else digits[:6])


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
