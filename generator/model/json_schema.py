"""The JSON Schema of each content file, from the record declarations, for editors: VS Code and
other editors that use the YAML language server check and complete a file as it is typed when
its first line names its schema (`# yaml-language-server: $schema=...`).

The schemas say what one file may hold; what needs every file at once (references between
files, the planner's timing) is checked by `followup-guide validate` only.
"""
from __future__ import annotations

import json
from pathlib import Path

from .branding import Branding
from .records import AdviceFile, Changes, GuideSettings, TemplatesFile

# file name -> (the record, whether it is an overlay's file: every field optional)
SCHEMA_FILES = {
    "guide.schema.json": (GuideSettings, False),
    "advice.schema.json": (AdviceFile, False),
    "message-templates.schema.json": (TemplatesFile, False),
    "guide-overlay.schema.json": (GuideSettings, True),
    "message-templates-overlay.schema.json": (TemplatesFile, True),
    "changes.schema.json": (Changes, False),
    "branding.schema.json": (Branding, False),
}
DRAFT = "http://json-schema.org/draft-07/schema#"  # the newest draft the YAML language server reads


def schemas() -> dict[str, dict]:
    result = {}
    for name, (record, partial) in SCHEMA_FILES.items():
        schema = record.json_schema(partial=partial)
        result[name] = {"$schema": DRAFT, "title": name.removesuffix(".schema.json"), **schema}
    return result


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
