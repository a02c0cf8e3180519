"""The picture of the timeline: an inline SVG drawn from the knowledge base's timing data.

Three layouts of the same picture: wide (a row), and for phones a compact column of the
labels alone that the reader can open larger (a column with every timing); the page's CSS
shows the ones that fit. Colours come from CSS classes, so the picture follows the light and dark
palettes and prints in black. Each has a text alternative listing every point in order.
"""
from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..model.knowledge_base import KnowledgeBase
from ..model.records import TimelinePoint
from .durations import by_the_moment, duration_text


def _when(kb: KnowledgeBase, point: TimelinePoint) -> str:
    if point.kind != "entry" or not kb.entries[point.ref].timing or by_the_moment(kb.entries[point.ref].timing):
        return ""  # (a step due by its moment: the reader's date alone)
    timing = kb.entries[point.ref].timing
    return kb.labels[f"timeline_{timing.relation}"].format(duration=duration_text(timing.duration, kb.labels))


def _phase_of(kb: KnowledgeBase, point: TimelinePoint) -> str | None:
    if point.kind == "entry":
        return kb.entries[point.ref].phase
    if point.kind == "phase":
        return point.ref
    return None


def _dated(point: TimelinePoint) -> str:
    """What gives the point a date of the reader's ("entry:send-a-thank-you"), for the page's script."""
    return f"{point.kind}:{point.ref}" if point.kind in ("entry", "moment") else ""


def timeline_svg(kb: KnowledgeBase, current_phase: str | None = None) -> Markup:
    points = [(p.label, _when(kb, p), _phase_of(kb, p) == current_phase and current_phase is not None, _dated(p))
              for p in kb.timeline.points]
    description = kb.labels["timeline_description"] + " " + "; ".join(
        f"{label}, {when}" if when else label for label, when, _, _ in points) + "."
    return Markup("".join((
        '<div class="fg-timeline">',
        _svg("wide", kb.timeline.title, description, points),
        _svg("compact", kb.timeline.title, description, points),
        f'<details class="fg-timeline__larger"><summary>{escape(kb.labels["timeline_open_larger"])}</summary>',
        _svg("narrow", kb.timeline.title, description, points),
        "</details></div>",
    )))


def _svg(layout: str, title: str, description: str, points: list) -> str:
    count = len(points)
    shapes = []
    if layout == "wide":
        width, height, left, step = 800, 150, 85, 630 / max(count - 1, 1)
        shapes.append(f'<line class="fg-timeline__line" x1="{left}" y1="75" x2="{left + step * (count - 1):.0f}" y2="75"/>')
        for index, (label, when, current, dated) in enumerate(points):
            x = left + step * index
            above = index % 2 == 1  # alternate rows, so that a label's neighbours in its row are two steps away
            lines = _lines(label, 2 * step - 12)
            more = LINE * (len(lines) - 1)  # a label of two lines grows away from the line
            label_y, when_y = (30 - more, 48) if above else (112, 130 + more)
            height = max(height, when_y + 9)
            shapes.append(_point(x, 75, current))
            shapes.append(_text("label", _inside(x, max(map(len, lines)) * LABEL_CHARACTER, width), label_y, lines, "middle"))
            if when or dated:
                shapes.append(_text("when", _inside(x, len(when) * WHEN_CHARACTER, width), when_y, when, "middle", dated))
    elif layout == "compact":  # a phone's first look: the labels only, in at most a third of the screen
        width, height = 280, 28 + 26 * (count - 1)
        shapes.append(f'<line class="fg-timeline__line" x1="16" y1="14" x2="16" y2="{14 + 26 * (count - 1)}"/>')
        for index, (label, when, current, _) in enumerate(points):
            y = 14 + 26 * index
            shapes.append(_point(16, y, current, radius=7))
            shapes.append(_text("label", 34, y + 5, label, "start"))
    else:
        width, height = 320, 30 + 62 * count
        shapes.append(f'<line class="fg-timeline__line" x1="24" y1="30" x2="24" y2="{30 + 62 * (count - 1)}"/>')
        for index, (label, when, current, dated) in enumerate(points):
            y = 30 + 62 * index
            shapes.append(_point(24, y, current))
            shapes.append(_text("label", 46, y + 5, label, "start"))
            if when or dated:
                shapes.append(_text("when", 46, y + 24, when, "start", dated))
    ident = f"fg-timeline-{layout}"
    return (
        f'<svg class="fg-timeline__picture fg-timeline__picture--{layout}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
        + "".join(shapes) + "</svg>"
    )


def _point(x: float, y: float, current: bool, radius: int = 9) -> str:
    extra = " fg-timeline__dot--current" if current else ""
    return f'<circle class="fg-timeline__dot{extra}" cx="{x:.0f}" cy="{y}" r="{radius}"/>'


LINE = 17  # between the lines of a label
LABEL_CHARACTER = 8  # the width of a character of a label (15px bold), a little more than most
WHEN_CHARACTER = 7.5  # of a timing (14px)


def _inside(x: float, text_width: float, width: float) -> float:
    """Where a text centred under its point starts and ends inside the picture: a long text at
    either end moves in a little."""
    half = text_width / 2 + 4
    return min(max(x, half), width - half)


def _lines(label: str, room: float) -> list[str]:
    """The label on one line, or on two where it is longer than `room` (broken between words,
    the two lines as even as they can be)."""
    words = label.split()
    if len(label) * LABEL_CHARACTER <= room or len(words) < 2:
        return [label]
    split = min(range(1, len(words)), key=lambda at: max(len(" ".join(words[:at])), len(" ".join(words[at:]))))
    return [" ".join(words[:split]), " ".join(words[split:])]


def _text(kind: str, x: float, y: float, text: str | list[str], anchor: str, dated: str = "") -> str:
    # A dated point's text is where the script writes the reader's own date, when they have one.
    extra = f' data-fg-when="{dated}"' if dated else ""
    if isinstance(text, list) and len(text) > 1:
        written = "".join(f'<tspan x="{x:.0f}" dy="{LINE if index else 0}">{escape(line)}</tspan>'
                          for index, line in enumerate(text))
    else:
        written = escape(text[0] if isinstance(text, list) else text)
    return f'<text class="fg-timeline__{kind}" x="{x:.0f}" y="{y}" text-anchor="{anchor}"{extra}>{written}</text>'
