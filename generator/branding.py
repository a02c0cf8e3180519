"""A career center's branding (branding.yml): name, logo, favicon, colours, contact details."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markupsafe import Markup

from .material_theme import ACCENT_COLOURS, PRIMARY_COLOURS, contrast_with_white, named_colours
from .content_files import ProblemError, is_inside, read_bytes
from .problems import ContentError, Location, Problem, display_path
from .schema import Field, Markdown, Reading, Record, Text, did_you_mean
from .yaml_source import YamlFileError, location_of, read_yaml

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".ico")


class Colour(Text):
    """A colour name the theme knows, or a hex colour dark enough to read on white."""

    def __init__(self, kind: str, names: tuple[str, ...], min_contrast: float):
        self.kind = kind  # primary or accent
        self.names = names
        self.min_contrast = min_contrast

    def check(self, value, location, reading, name):
        if _HEX.match(value):
            contrast = contrast_with_white(value)
            if contrast < self.min_contrast:
                reading.problem(location, f"'{name}' {value} is too light to read on a white page (contrast "
                                          f"{contrast:.1f}:1, needs {self.min_contrast:g}:1); choose a darker colour")
                return None
            return value.lower()
        if value.lower() in self.names:
            colour = named_colours()[self.kind].get(value.lower())
            contrast = colour and contrast_with_white(colour)
            if colour is None or contrast < self.min_contrast:
                readable = [n for n in self.names if named_colours()[self.kind].get(n)
                            and contrast_with_white(named_colours()[self.kind][n]) >= self.min_contrast]
                reading.problem(location, f"'{name}' {value} is too light to read on a white page"
                                + (f" (contrast {contrast:.1f}:1, needs {self.min_contrast:g}:1)" if contrast else "")
                                + f"; choose a darker colour, such as {', '.join(readable)}")
                return None
            return value.lower()
        reading.problem(location, f"'{name}' must be a colour the theme knows ({', '.join(self.names)}) or a hex "
                                  f"colour in quotes such as \"#0b5394\", not '{value}'{did_you_mean(value, self.names)}")
        return None


MAX_IMAGE_BYTES = 512 * 1024
# What would make an SVG run code when opened at its own address on the guide's site.
_ACTIVE_SVG = re.compile(rb"<script|<foreignobject|\bon[a-z]+\s*=|javascript:", re.I)


class ImageFile(Text):
    """An image in the center's folder (the branding file's folder or below it): a regular
    file, not a link, of at most 512 KB."""

    def convert(self, node, path, reading, name):
        value = super().convert(node, path, reading, name)
        if value is None:
            return None
        where = location_of(path, node)
        image = path.parent / value
        if Path(value).is_absolute() or os.path.normpath(value).startswith(".."):
            reading.problem(where, f"'{name}' must be a file in this folder or below it, not '{value}'; "
                                   f"copy the image next to {path.name} and give its name")
            return None
        if image.suffix.lower() not in IMAGE_SUFFIXES:
            reading.problem(where, f"'{name}' must be an image ({', '.join(IMAGE_SUFFIXES)}), not '{value}'")
            return None
        if not os.path.lexists(image):
            reading.problem(where, f"'{name}': there is no file '{value}' next to {path.name}; "
                                   "check the name, or copy the image there")
            return None
        try:
            data = read_bytes(image)
        except ProblemError as error:
            reading.problem(where, f"'{name}': {error.problem.message}")
            return None
        if not is_inside(image, path.parent):  # a linked folder on the way leads out of the folder
            reading.problem(where, f"'{name}': '{value}' is reached through a link to another folder; "
                                   f"copy the image next to {path.name} instead")
            return None
        if len(data) > MAX_IMAGE_BYTES:
            reading.problem(where, f"'{name}': the image is {len(data) / 1024:,.0f} KB; make it {MAX_IMAGE_BYTES // 1024} KB "
                                   "or smaller (a logo needs no more than a few hundred pixels across)")
            return None
        if image.suffix.lower() == ".svg" and _ACTIVE_SVG.search(data):
            reading.problem(where, f"'{name}': this SVG contains a script or an event handler; save it again "
                                   "without them, or use a PNG")
            return None
        return image.resolve()


class Pattern(Text):
    def __init__(self, pattern: re.Pattern, example: str):
        self.pattern = pattern
        self.example = example

    def check(self, value, location, reading, name):
        if not self.pattern.match(value):
            reading.problem(location, f"'{name}' should look like {self.example}, not '{value}'")
            return None
        return value


class CounterAddress(Text):
    """The address of a self-hosted page-view counter, with {path} where the page's path goes,
    such as "https://stats.example.edu/count?p={path}" (GoatCounter) or a Matomo image address."""

    def check(self, value, location, reading, name):
        if not re.fullmatch(r"https://[^\s/?#{}]+/[^\s{}]*\{path\}[^\s{}]*", value):
            reading.problem(location, f"'{name}' should be the https:// address of your own counter with {{path}} "
                                      "where the page's path goes, like \"https://stats.example.edu/count?p={path}\", "
                                      f"not '{value}'")
            return None
        return value


BRANDING_FILE = Record("branding file", {
    "name": Field(Text()),
    "logo": Field(ImageFile(), required=False),
    "favicon": Field(ImageFile(), required=False),
    "colors": Field(Record("colors group", {
        "primary": Field(Colour("primary", PRIMARY_COLOURS, min_contrast=4.5), required=False),
        "accent": Field(Colour("accent", ACCENT_COLOURS, min_contrast=3), required=False),
    }), required=False),
    "contact": Field(Record("contact group", {
        "address": Field(Markdown(), required=False),
        "phone": Field(Text(), required=False),
        "email": Field(Pattern(_EMAIL, "careers@example.edu"), required=False),
        "website": Field(Pattern(re.compile(r"^https?://\S+$"), "https://careers.example.edu/"), required=False),
        "booking_link": Field(Pattern(re.compile(r"^https?://\S+$"), "https://careers.example.edu/book"),
                              required=False),
    }), required=False),
    # Off unless given: a page-view counter the center runs itself, without cookies or scripts.
    "analytics": Field(Record("analytics group", {"counter": Field(CounterAddress())}), required=False),
})


@dataclass(frozen=True)
class Branding:
    name: str
    logo: Path | None
    favicon: Path | None
    primary: str | None
    accent: str | None
    address: str | None
    phone: str | None
    email: str | None
    website: str | None
    booking_link: str | None
    counter: str | None = None  # a page-view counter's address, with {path}

    @property
    def counter_origin(self) -> str | None:
        return self.counter and "/".join(self.counter.split("/")[:3])


def load_branding(path: Path) -> Branding:
    path = Path(path)
    reading = Reading()
    try:
        root, problems = read_yaml(path)
    except YamlFileError as error:
        raise ContentError(error.problems) from None
    reading.problems += problems
    values = BRANDING_FILE.read(root, path, reading, path.name)
    if reading.problems or values is None:
        raise ContentError(reading.problems or [_not_a_group(path)])
    colours, contact = values["colors"] or {}, values["contact"] or {}
    return Branding(
        name=values["name"], logo=values["logo"], favicon=values["favicon"],
        primary=colours.get("primary"), accent=colours.get("accent"),
        **{key: contact.get(key) for key in ("address", "phone", "email", "website", "booking_link")},
        counter=(values["analytics"] or {}).get("counter"),
    )


def _not_a_group(path: Path) -> Problem:
    return Problem(Location(path, 1, 1), "the branding file should be a group of 'name: value' lines")


def contact_html(branding: Branding, labels: dict[str, str]) -> Markup:
    """The contact block shown on every page and on the printed checklist."""
    lines = [f'<p class="fg-contact__name">{escape(branding.name)}</p>']
    if branding.address:
        lines.append('<p class="fg-contact__address">' + "<br>".join(escape(line) for line in branding.address.splitlines()) + "</p>")
    details = []
    if branding.phone:
        number = re.sub(r"[^0-9+]", "", branding.phone)
        details.append(f'{escape(labels["contact_phone"])} <a href="tel:{escape(number)}">{escape(branding.phone)}</a>')
    if branding.email:
        details.append(f'{escape(labels["contact_email"])} <a href="mailto:{escape(branding.email)}">{escape(branding.email)}</a>')
    if branding.website:  # on paper the address is written out (fg-print-only)
        details.append(f'<a href="{escape(branding.website)}">{escape(labels["contact_website"])}</a>'
                       f'<span class="fg-print-only"> {escape(branding.website)}</span>')
    if details:
        lines.append('<p class="fg-contact__details">' + "<br>".join(details) + "</p>")
    if branding.booking_link:
        lines.append(f'<p class="fg-contact__booking"><a class="fg-button" href="{escape(branding.booking_link)}">'
                     f'{escape(labels["contact_booking"])}</a>'
                     f'<span class="fg-print-only">{escape(labels["contact_booking"])}: {escape(branding.booking_link)}</span></p>')
    return Markup(f'<aside class="fg-contact" aria-label="{escape(branding.name)}">' + "".join(lines) + "</aside>")
