"""A career center's branding (branding.yml): name, logo, favicon, colours, contact details."""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from ..content_files import ProblemError, is_inside, read_bytes
from ..problems import location_of
from .colours import ACCENT_COLOURS, PRIMARY_COLOURS, contrast_with_white
from .fields import Markdown, Nested, Record, Text, did_you_mean

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".ico")


class Colour(Text):
    """A colour name the theme knows, or a hex colour dark enough to read on white."""

    def __init__(self, kind: str, names: tuple[str, ...], min_contrast: float, **options):
        super().__init__(**options)
        self.kind = kind  # primary or accent
        self.names = names
        self.min_contrast = min_contrast

    def check(self, value, where, reading, name):
        if _HEX.match(value):
            contrast = contrast_with_white(value)
            if contrast < self.min_contrast:
                reading.problem(where, f"'{name}' {value} is too light to read on a white page (contrast "
                                       f"{contrast:.1f}:1, needs {self.min_contrast:g}:1); choose a darker colour")
                return None
            return value.lower()
        if value.lower() in self.names:
            # The colour the theme's palette gives a name, read from the theme's own style sheet by
            # its adapter (imported here, when a name is used, so that the model needs no engine).
            from ..engines.material_theme import named_colours

            colour = named_colours()[self.kind].get(value.lower())
            contrast = colour and contrast_with_white(colour)
            if colour is None or contrast < self.min_contrast:
                readable = [n for n in self.names if n != "white" and named_colours()[self.kind].get(n)
                            and contrast_with_white(named_colours()[self.kind][n]) >= self.min_contrast]
                reading.problem(where, f"'{name}' {value} is too light to read on a white page"
                                + (f" (contrast {contrast:.1f}:1, needs {self.min_contrast:g}:1)" if contrast else "")
                                + f"; choose a darker colour, such as {', '.join(readable)}")
                return None
            return value.lower()
        unclosed = isinstance(where, yaml.Node) and where.style in ("'", '"') and where.end_mark.line > where.start_mark.line
        reading.problem(where, f"'{name}' must be a colour the theme knows ({', '.join(self.names)}) or a hex "
                               f"colour in quotes such as \"#0b5394\", not '{value}'{did_you_mean(value, self.names)}"
                               + (f" (the quote opened on line {where.start_mark.line + 1} is not closed on that line; "
                                  "close it)" if unclosed else ""))
        return None

    def json_schema(self, partial=False):
        return {"anyOf": [{"enum": [*self.names, *(n.title() for n in self.names)]},
                          {"type": "string", "pattern": _HEX.pattern}]}


MAX_IMAGE_BYTES = 512 * 1024
# How each kind of image file begins (an SVG is text: somewhere near its start, "<svg").
_IMAGE_STARTS = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                 ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".ico": (b"\x00\x00\x01\x00",)}


def _is_image(suffix: str, data: bytes) -> bool:
    if suffix == ".svg":
        return b"<svg" in data[:4096].lower()
    return data.startswith(_IMAGE_STARTS[suffix]) and (suffix != ".webp" or data[8:12] == b"WEBP")


# What would make an SVG run code when opened at its own address on the guide's site.
_ACTIVE_SVG = re.compile(rb"<script|<foreignobject|\bon[a-z]+\s*=|javascript:", re.I)


class ImageFile(Text):
    """An image in the center's folder (the branding file's folder or below it): a regular
    file, not a link, of at most 512 KB."""

    def convert(self, node, reading, name):
        value = super().convert(node, reading, name)
        if value is None:
            return None
        where = location_of(node)
        path = where.path
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
        if not _is_image(image.suffix.lower(), data):
            reading.problem(where, f"'{name}': '{value}' is not a {image.suffix.lower()[1:].upper()} image (the file "
                                   "holds something else, or is damaged); save the image again in that format")
            return None
        if image.suffix.lower() == ".svg" and _ACTIVE_SVG.search(data):
            reading.problem(where, f"'{name}': this SVG contains a script or an event handler; save it again "
                                   "without them, or use a PNG")
            return None
        return image.resolve()

    def json_schema(self, partial=False):
        return {"type": "string", "pattern": "(?i)(" + "|".join(re.escape(s) for s in IMAGE_SUFFIXES) + ")$"}


class Pattern(Text):
    def __init__(self, pattern: re.Pattern, example: str, **options):
        super().__init__(**options)
        self.pattern = pattern
        self.example = example

    def check(self, value, where, reading, name):
        if not self.pattern.match(value):
            reading.problem(where, f"'{name}' should look like {self.example}, not '{value}'")
            return None
        return value


        return value

    def json_schema(self, partial=False):
        return {"type": "string", "pattern": self.pattern.pattern}


_WEB_ADDRESS = re.compile(r"^https?://\S+$")


class CounterAddress(Text):
    """The address of a self-hosted page-view counter, with {path} where the page's path goes,
    such as "https://stats.example.edu/count?p={path}" (GoatCounter) or a Matomo image address."""

    def check(self, value, where, reading, name):
        if not re.fullmatch(r"https://[^\s/?#{}]+/[^\s{}]*\{path\}[^\s{}]*", value):
            reading.problem(where, f"'{name}' should be the https:// address of your own counter with {{path}} "
                                   "where the page's path goes, like \"https://stats.example.edu/count?p={path}\", "
                                   f"not '{value}'")
            return None
        return value

    def json_schema(self, partial=False):
        return {"type": "string", "pattern": r"^https://[^\s/?#{}]+/[^\s{}]*\{path\}[^\s{}]*$"}


class Colors(Record):
    """The theme's colours."""

    record_name = "colors group"

    primary = Colour("primary", PRIMARY_COLOURS, min_contrast=4.5, required=False)
    """The header and links: a colour name such as 'indigo', or a hex colour in quotes such as "#0b5394"."""
    accent = Colour("accent", ACCENT_COLOURS, min_contrast=3, required=False)
    """Buttons and highlights: a colour name or a hex colour in quotes."""


class Contact(Record):
    """The center's contact details, shown after every page and on the printed checklist."""

    record_name = "contact group"

    address = Markdown(required=False)
    """The postal address, on as many lines as it needs."""
    phone = Text(required=False)
    """A phone number, as people should read it."""
    email = Pattern(_EMAIL, "careers@example.edu", required=False)
    """An email address."""
    website = Pattern(_WEB_ADDRESS, "https://careers.example.edu/", required=False)
    """The center's website (https://...)."""
    booking_link = Pattern(_WEB_ADDRESS, "https://careers.example.edu/book", required=False)
    """Where to book an appointment (https://...)."""


class Analytics(Record):
    """Counting page views: off unless given."""

    record_name = "analytics group"

    counter = CounterAddress()
    """A page-view counter the center runs itself, without cookies or scripts: its https address with {path}."""


class Branding(Record):
    """branding.yml: a career center's name, logo, favicon, colours and contact details."""

    record_name = "branding file"

    name = Text()
    """The center's name."""
    logo = ImageFile(required=False)
    """An image next to branding.yml, shown in the header."""
    favicon = ImageFile(required=False)
    """An image next to branding.yml, shown in the browser's tab."""
    colors = Nested(Colors, required=False)
    """The theme's colours."""
    contact = Nested(Contact, required=False)
    """Contact details."""
    analytics = Nested(Analytics, required=False)
    """Off unless given: a page-view counter the center runs itself, without cookies or scripts."""

    @property
    def counter(self) -> str | None:
        """A page-view counter's address, with {path}."""
        return self.analytics.counter if self.analytics else None

    @property
    def counter_origin(self) -> str | None:
        return self.counter and "/".join(self.counter.split("/")[:3])

    @property
    def primary(self) -> str | None:
        return self.colors.primary if self.colors else None

    @property
    def accent(self) -> str | None:
        return self.colors.accent if self.colors else None

    def _contact(self, name: str) -> str | None:
        return getattr(self.contact, name) if self.contact else None

    address = property(lambda self: self._contact("address"))
    phone = property(lambda self: self._contact("phone"))
    email = property(lambda self: self._contact("email"))
    website = property(lambda self: self._contact("website"))
    booking_link = property(lambda self: self._contact("booking_link"))
