"""Durations in words, in the guide's language: '24 hours', '1 week', '3 días hábiles'."""
from __future__ import annotations

from ..model.fields import Duration


def duration_text(duration: Duration, labels: dict[str, str]) -> str:
    """The duration_<unit> label for one, duration_<unit>s for more than one (labels.py)."""
    unit = duration.unit.removesuffix("s").replace(" ", "_")
    return labels[f"duration_{unit}" + ("" if duration.amount == 1 else "s")].format(count=duration.amount)
