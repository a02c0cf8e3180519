"""A career center's details in message templates: {center-name}, {center-email},
{center-phone}, {center-website} and {center-booking-link} are written in from branding.yml
when the guide is built, and 'to: center-email' addresses a message to the center, so the
reader types no address for it."""
from __future__ import annotations

from pathlib import Path

import pytest

from support import DEBRIEF_TEMPLATE

from generator.loading.sources import GuideSources, load_guide
from generator.problems import ContentError
from generator.rendering.messages import mailto, text_file

ROOT = Path(__file__).resolve().parents[2]

BRANDING = """\
name: State University Career Center
contact:
  email: careers@example.edu
  booking_link: https://careers.example.edu/appointments
"""

DEBRIEF = DEBRIEF_TEMPLATE  # tests/support.py


def sources(tmp_path: Path, templates: str = DEBRIEF, branding: str | None = BRANDING) -> GuideSources:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "message-templates.yml").write_text(templates)
    path = None
    if branding is not None:
        path = tmp_path / "branding.yml"
        path.write_text(branding)
    return GuideSources(ROOT / "content", overlay, path)


def test_the_center_details_are_written_in_and_the_message_goes_to_the_center(tmp_path):
    kb, _ = load_guide(sources(tmp_path))
    debrief = next(t for t in kb.templates if t.id == "ask-for-a-debrief")
    assert debrief.fields == ("company", "your-name", "your-email")  # no address to type for the center
    assert debrief.to_address == "careers@example.edu"
    text = text_file(debrief, kb, {"company": "Acme"})
    assert "Hello State University Career Center," in text
    assert "book a time at https://careers.example.edu/appointments." in text
    assert mailto(debrief, kb).startswith("mailto:careers@example.edu?subject=")


def test_a_detail_the_branding_does_not_give_is_reported_where_the_template_uses_it(tmp_path):
    with pytest.raises(ContentError) as raised:
        load_guide(sources(tmp_path, DEBRIEF.replace("{center-booking-link}", "{center-phone}")))
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path / 'overlay' / 'message-templates.yml'}:14:33: '{{center-phone}}' is filled in from the career "
        "center's branding.yml, and it gives no 'phone' under 'contact:'; add it there, or take this blank out of "
        "the template"]


def test_a_guide_without_branding_is_told_to_add_one(tmp_path):
    with pytest.raises(ContentError) as raised:
        load_guide(sources(tmp_path, branding=None))
    messages = [p.message for p in raised.value.problems]
    assert len(messages) == 3  # to, {center-name}, {center-booking-link}
    assert messages[0] == ("'{center-email}' is filled in from the career center's branding.yml, and this guide "
                           "has none; add one with 'email' under 'contact:', or take this blank out of the template")


def test_a_field_may_not_take_a_center_detail_as_its_id(tmp_path):
    with pytest.raises(ContentError) as raised:
        load_guide(sources(tmp_path, "fields:\n  - id: center-name\n    label: Center\n"))
    assert [(p.location.line, p.location.column) for p in raised.value.problems] == [(2, 9)]
    assert "branding.yml; choose another id" in raised.value.problems[0].message
