"""The JSON Schema of each content file, from the record declarations, for editors: VS Code and
other editors that use the YAML language server check and complete a file as it is typed when
its first line names its schema (`# yaml-language-server: $schema=...`).

The schemas say what one file may hold; what needs every file at once (references between
files, the planner's timing) is checked by `followup-guide validate` only.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..problems import CommandError
from .branding import Branding
from .fields import Deprecated, ListOf, Nested, Record, has_translation
from .records import AdviceFile, Changes, Entry, GuideSettings, MessageField, MessageTemplate, TemplatesFile

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


def translation_schema(record: type[Record]) -> dict:
    """A record's texts only, every one optional (translations/<code>/: loading/translations.py):
    groups as groups, lists of records as groups by id."""
    properties = {}
    for key, spec in record._specs.items():
        if isinstance(spec, Deprecated):
            continue
        if has_translation(spec):
            properties[key] = spec.json_schema()
        elif isinstance(spec, (Nested, ListOf)) and isinstance(getattr(spec, "item", spec), Nested):
            inner = translation_schema(getattr(spec, "item", spec).record)
            if inner["properties"]:
                properties[key] = inner if isinstance(spec, Nested) else _by_id(inner)
    return {"type": "object", "properties": properties, "additionalProperties": False}


def _by_id(schema: dict) -> dict:
    return {"type": "object", "additionalProperties": schema}


# file name -> the schema of a translation file
TRANSLATION_FILES = {
    "translation-guide.schema.json": lambda: translation_schema(GuideSettings),
    "translation-advice.schema.json": lambda: {
        "type": "object", "properties": {"entries": _by_id(translation_schema(Entry))}, "additionalProperties": False},
    "translation-message-templates.schema.json": lambda: {
        "type": "object", "additionalProperties": False, "properties": {
            "fields": _by_id(translation_schema(MessageField)), "templates": _by_id(translation_schema(MessageTemplate))}},
    # translated-from.yml, written by `followup-guide translation <code> --checked`
    "translation-fingerprints.schema.json": lambda: {
        "type": "object", "description": "The English each translated text stands for, as a fingerprint, by its place.",
        "additionalProperties": {"type": "string", "pattern": "^[0-9a-f]{10}$"}},
}


def schemas() -> dict[str, dict]:
    result = {}
    for name, (record, partial) in SCHEMA_FILES.items():
        schema = record.json_schema(partial=partial)
        result[name] = {"$schema": DRAFT, "title": name.removesuffix(".schema.json"), **schema}
    for name, schema in TRANSLATION_FILES.items():
        result[name] = {"$schema": DRAFT, "title": name.removesuffix(".schema.json"), **schema()}
    return result


def write_schemas(folder: Path) -> list[Path]:
    """Writes each schema into `folder` as a plain file, never through a link (as the build never
    writes through one). Raises CommandError, with nothing written, when that cannot be done."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise CommandError(f"{folder} is {'a link' if folder.is_symlink() else 'a file'}, not a folder; "
                           "name a folder for the schemas")
    files = {folder / name: schema for name, schema in schemas().items()}
    for path in files:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise CommandError(f"{path} is {'a link' if path.is_symlink() else 'not a file'}; the schemas are "
                               "written only as plain files: remove it, or name another folder")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path, schema in files.items():
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
