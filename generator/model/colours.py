"""Colours a career center may choose, and the contrast arithmetic that keeps text readable (WCAG 2.2)."""
from __future__ import annotations

# The colour names the theme's palette knows (primary: all of them; accent: the first 16).
# Material for MkDocs and Zensical share them.
ACCENT_COLOURS = (
    "red", "pink", "purple", "deep purple", "indigo", "blue", "light blue", "cyan", "teal", "green",
    "light green", "lime", "yellow", "amber", "orange", "deep orange",
)
PRIMARY_COLOURS = ACCENT_COLOURS + ("brown", "grey", "blue grey", "black", "white")

# The background of the theme's dark ("slate") scheme, against which link colours must read.
SLATE_BACKGROUND = "#1e2129"


def relative_luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_with_white(colour: str) -> float:
    return contrast(colour, "#ffffff")


def lighten_until_readable(colour: str, background: str, minimum: float = 4.5) -> str:
    """The colour mixed with white, just enough to read as text on the background."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(21):
        mixed = "#" + "".join(f"{round(c + (255 - c) * step / 20):02x}" for c in channels)
        if contrast(mixed, background) >= minimum:
            return mixed
    return "#ffffff"


def readable_on(colour: str) -> str:
    """White or near-black, whichever reads better on the colour."""
    return "#ffffff" if contrast_with_white(colour) >= 4.5 else "rgba(0, 0, 0, 0.87)"
