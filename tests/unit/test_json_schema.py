"""The JSON Schema editors use: exported from the record declarations, named by each content
file's modeline, accepting the default guide and a new center's files, and failing a broken file
on the same field as `followup-guide validate`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from support import make_center

from generator.cli import main
from generator.loading.loader import load_knowledge_base
from generator.model.json_schema import schemas
from generator.problems import ContentError

ROOT = Path(__file__).resolve().parents[2]
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


def as_editors_read_it(path: Path):
    """The YAML as the language server sees it; every scalar stays text, as our loader keeps it."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def schema_named_by(path: Path) -> dict:
    match = MODELINE.match(path.read_text(encoding="utf-8"))
    assert match, f"{path} has no modeline on its first line"
    return json.loads((path.parent / match[1]).read_text(encoding="utf-8"))


def content_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yml") if "pages" not in p.parts)


def test_the_committed_schemas_are_those_the_records_export(tmp_path):
    assert main(["schema", str(tmp_path)]) == 0
    for name, schema in schemas().items():
        assert json.loads((ROOT / "content/schemas" / name).read_text()) == schema, (
            f"content/schemas/{name} is out of date: run `followup-guide schema content/schemas`")
        assert json.loads((tmp_path / name).read_text()) == schema


@pytest.mark.parametrize("path", content_files(ROOT / "content"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_default_content_names_its_schema_and_meets_it(path):
    jsonschema.Draft7Validator.check_schema(schema_named_by(path))
    jsonschema.validate(as_editors_read_it(path), schema_named_by(path), cls=jsonschema.Draft7Validator)


def test_a_new_centers_files_name_their_schemas_and_meet_them(tmp_path):
    center = make_center(tmp_path / "center", "State University Career Center")
    files = [*content_files(center / "content"), center / "branding.yml"]
    assert len(files) == 5
    for path in files:
        document = as_editors_read_it(path)
        jsonschema.validate(document, schema_named_by(path), cls=jsonschema.Draft7Validator)


BROKEN = [
    # (what is written in a new advice file, the field both validators name)
    ("kind: maybe", "kind"),
    ("kind: do\n    titel: A typo", "titel"),
    ("kind: do\n    timing:\n      within: 2 days\n      every: 3 months", "timing"),
    ("kind: don't", "instead"),
    ("kind: do\n    related: one-entry", "related"),
]


@pytest.mark.parametrize("broken, field", BROKEN, ids=[field for _, field in BROKEN])
def test_a_broken_file_fails_both_ways_naming_the_same_field(guide_copy, broken, field):
    path = guide_copy / "content/advice/broken.yml"
    path.write_text(
        "# yaml-language-server: $schema=../schemas/advice.schema.json\n"
        f"entries:\n  - id: broken\n    {broken}\n    phase: afterwards\n    title: T\n    summary: S.\n    body: B.\n"
        + ("    instead: I.\n" if field not in ("instead",) and "don't" in broken else ""))

    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path("content"))
    ours = [p.message for p in raised.value.problems]
    assert len(ours) == 1 and re.search(rf"\b{field}\b", ours[0]), ours

    errors = list(jsonschema.Draft7Validator(schema_named_by(path)).iter_errors(as_editors_read_it(path)))
    assert errors, "the JSON Schema accepted the broken file"
    named = {str(part) for error in errors for part in error.absolute_path} | {
        word for error in errors for word in re.findall(r"'([a-z_]+)'", error.message)}
    assert field in named, [e.message for e in errors]


def test_schema_writes_no_file_through_a_link_and_says_what_a_wrong_folder_is(tmp_path, capsys):
    """As the build, it never writes through a link; a file named as the folder is one message."""
    outside = tmp_path / "outside.json"
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "changes.schema.json").symlink_to(outside)
    assert main(["schema", str(tmp_path / "out")]) == 1
    assert not outside.exists() and list((tmp_path / "out").iterdir()) == [tmp_path / "out" / "changes.schema.json"]
    assert capsys.readouterr().err == (f"followup-guide: {tmp_path / 'out' / 'changes.schema.json'} is a link; the "
                                       "schemas are written only as plain files: remove it, or name another folder\n")
    (tmp_path / "a-file").write_text("x")
    assert main(["schema", str(tmp_path / "a-file")]) == 1
    assert capsys.readouterr().err == f"followup-guide: {tmp_path / 'a-file'} is a file, not a folder; name a folder for the schemas\n"
