"""Positions that loading works out cheaply are the same as those worked out the plain way."""
from __future__ import annotations

import random
from pathlib import Path

from generator.model.fields import Reading
from generator.problems import Location

TEXT = "title: a\nbody: |\n  one [x](a.md)\n\n  two {name}\r\nlast line without an end"


def test_location_at_is_location_at_for_every_character_in_any_order():
    reading = Reading(sources={"f.yml": TEXT})
    indexes = list(range(len(TEXT) + 1))
    for order in (indexes, list(reversed(indexes)), random.Random(15).sample(indexes, len(indexes))):
        for index in order:
            assert reading.location_at("f.yml", index) == Location.at(Path("f.yml"), TEXT, index), index


def test_location_at_counts_each_file_on_its_own():
    other = "\n\n\nx"
    reading = Reading(sources={"a.yml": TEXT, "b.yml": other})
    assert reading.location_at("a.yml", len(TEXT)) == Location.at(Path("a.yml"), TEXT, len(TEXT))
    assert reading.location_at("b.yml", 3) == Location(Path("b.yml"), 4, 1)
    assert reading.location_at("a.yml", 9) == Location(Path("a.yml"), 2, 1)
