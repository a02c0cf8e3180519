"""Keep scripts out of the content: every page's HTML, as rendered from the content, is cleaned
by nh3 (the ammonia sanitizer) against an allowlist of what the guide's pages use.

Scripts, iframes, objects, event handler attributes (onclick, onerror...) and javascript: or
other unexpected URL schemes in any content field never reach the built pages.
"""
from __future__ import annotations

import nh3

# What the generated pages are made of, beyond nh3's defaults (text, lists, tables, links...).
TAGS = nh3.ALLOWED_TAGS | {
    "section", "aside", "figure", "figcaption", "form", "fieldset", "legend", "label", "input", "button",
    "select", "option", "textarea",
    "svg", "line", "circle", "text", "tspan", "title", "desc",
}
ATTRIBUTES = {
    "*": {"class", "id", "role", "hidden", "title", "lang", "dir"},
    "a": {"href", "download", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "accept", "value", "checked", "name", "autocomplete"},
    "label": {"for"},
    "textarea": {"rows", "readonly"},
    "option": {"value", "selected"},
    "button": {"type"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "svg": {"viewbox", "viewBox", "xmlns"},
    "line": {"x1", "y1", "x2", "y2"},
    "circle": {"cx", "cy", "r"},
    "text": {"x", "y", "text-anchor"},
    "tspan": {"x", "dy"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _without_guide_attributes(element: str, attribute: str, value: str) -> str | None:
    return None if attribute.lower().startswith("data-fg-") else value


def sanitize(html: str, guide_widgets: bool = True) -> str:
    """The page cleaned. `guide_widgets=False` (a page written by hand) also removes the
    data-fg- attributes that drive the guide's buttons and boxes: only the generated pages,
    whose markup comes from the guide's templates, may carry them."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True,
        attribute_filter=None if guide_widgets else _without_guide_attributes,
    )
