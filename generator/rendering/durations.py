"""Durations in words, in the guide's language: '24 hours', '1 week', '3 días hábiles'."""
from __future__ import annotations

from ..model.fields import Duration


def by_the_moment(timing) -> bool:
    """A step due by its moment itself ('within: 0 days'), such as an answer by the day agreed:
    said as "by {moment}", with no duration."""
    return timing.relation == "within" and not timing.duration.amount


def duration_text(duration: Duration, labels: dict[str, str]) -> str:
    """The duration_<unit> label for one, duration_<unit>s for more than one (labels.py)."""
    unit = duration.unit.removesuffix("s").replace(" ", "_")
    return labels[f"duration_{unit}" + ("" if duration.amount == 1 else "s")].format(count=duration.amount)
