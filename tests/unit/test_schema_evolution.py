"""Schema evolution: a field or label marked Deprecated keeps old files building, with a warning
at its line that says what to write now."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.loading.loader import load_knowledge_base
from generator.loading.yaml_source import read_yaml
from generator.model import records
from generator.model.fields import Deprecated, Nested, Reading, Record, Text
from generator.model.labels import Labels


class Contact(Record):
    record_name = "contact"
    email = Text(required=False)
    """Where to write."""


class Center(Record):
    record_name = "center"
    name = Text()
    """The center's name."""
    title = Deprecated(moved_to="name")
    mail = Deprecated(moved_to="contact.email")
    logo_alt = Deprecated()
    contact = Nested(Contact, required=False)
    """Contact details."""


def read(tmp_path: Path, text: str) -> tuple[Center, Reading]:
    path = tmp_path / "center.yml"
    path.write_text(text)
    reading = Reading()
    root, _ = read_yaml(path, reading.sources)
    return Center.from_node(root, reading), reading


def test_a_moved_field_is_read_at_its_new_place_with_a_warning(tmp_path):
    center, reading = read(tmp_path, "title: Careers\nmail: a@example.edu\nlogo_alt: Logo\n")
    assert reading.problems == []
    assert (center.name, center.contact.email) == ("Careers", "a@example.edu")
    assert [(w.location.line, w.location.column, w.message) for w in reading.warnings] == [
        (1, 1, "'title' is deprecated: write 'name' instead; 'title' still works for now"),
        (2, 1, "'mail' is deprecated: write 'contact.email' instead; 'mail' still works for now"),
        (3, 1, "'logo_alt' is deprecated: it has no effect any more; remove it"),
    ]


def test_the_new_name_wins_when_both_are_given(tmp_path):
    center, reading = read(tmp_path, "name: New\ntitle: Old\ncontact:\n  email: new@example.edu\nmail: old@example.edu\n")
    assert (center.name, center.contact.email) == ("New", "new@example.edu")
    assert reading.problems == [] and len(reading.warnings) == 2


def test_a_deprecated_field_is_not_offered_as_a_did_you_mean(tmp_path):
    _, reading = read(tmp_path, "name: X\ntitel: Y\n")
    assert [p.message for p in reading.problems] == ["unknown field 'titel' (allowed here: name, contact)"]


def test_the_json_schema_marks_a_deprecated_field(tmp_path):
    schema = Center.json_schema()
    assert schema["properties"]["title"]["deprecated"] is True
    assert "write 'name' instead" in schema["properties"]["title"]["description"]
    assert schema["required"] == ["name"]


@pytest.fixture
def renamed_label(monkeypatch):
    """The guide as it would be after renaming the label `home` (old overlays say `start`)."""

    class RenamedLabels(Labels):
        start = Deprecated(moved_to="home")

    labels = Nested(RenamedLabels)
    labels.__set_name__(records.GuideSettings, "labels")
    specs = {**records.GuideSettings._specs, "labels": labels}
    monkeypatch.setattr(records.GuideSettings, "_specs", specs)
    monkeypatch.setattr(records.GuideSettings, "_reading_table", records.GuideSettings.reading_table(specs))


def test_an_old_overlay_keeps_building_with_a_warning(renamed_label, guide_copy, capsys):
    (guide_copy / "overlay").mkdir()
    (guide_copy / "overlay/guide.yml").write_text("labels:\n  start: Start here\n")
    kb = load_knowledge_base(Path("content"), Path("overlay"))
    assert kb.labels["home"] == "Start here" and "start" not in kb.labels
    assert [str(w) for w in kb.warnings] == [
        "overlay/guide.yml:2:3: 'start' is deprecated: write 'home' instead; 'start' still works for now"]

    config = guide_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("content_dir: content", "content_dir: content\n      overlay_dir: overlay"))
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == (
        "overlay/guide.yml:2:3: warning: 'start' is deprecated: write 'home' instead; 'start' still works for now\n")
