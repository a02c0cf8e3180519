"""`followup-guide translation CODE`: a folder to start a new language from.

It writes translations/<code>/ into the center's own content folder (or the guide's, without
one): every text a reader reads, in the shape loading/translations.py reads, still in English,
for a translator to replace; and a copy of each page written by hand. Files already there are
never touched.

`followup-guide translation CODE --checked`, once the texts are translated (and again after
updating those whose English changed): records in translations/<code>/translated-from.yml what
the English of each text translated there said, so that a later change to it is flagged at its
translation. In a center's folder that is the center's own translations only: the default
guide's are checked in the default guide's file, which comes with the package.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from .content_files import files_below
from .loading.sources import GuideSources, load_guide
from .loading.translations import PAGES, CheckedIn, page_fingerprints, page_translation_folder, translation_folder
from .model.fields import Deprecated, ListOf, Nested, Record, has_translation
from .problems import CommandError, display_path


def texts(record: Record) -> dict:
    """The texts of a record, by the names and ids a translation uses."""
    result = {}
    for key, spec in type(record)._specs.items():
        value = getattr(record, spec.name, None)
        if value is None or isinstance(spec, Deprecated):
            continue
        if has_translation(spec):
            result[key] = [str(v) for v in value] if isinstance(value, tuple) else str(value)
        elif isinstance(spec, Nested):
            inner = texts(value)
            if inner:
                result[key] = inner
        elif isinstance(spec, ListOf) and isinstance(spec.item, Nested):
            inner = {_key(item): texts(item) for item in value}
            if any(inner.values()):
                result[key] = inner
    return result


def _key(record: Record) -> str:
    return next(getattr(record, name) for name in type(record).translation_keys if getattr(record, name, None))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value + ("\n" if "\n" in value else ""), style="|" if "\n" in value else None))


def _yaml(modeline: str, comment: str, data: dict) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"# yaml-language-server: $schema={modeline}\n# {comment}\n{body}"


def write_skeleton(sources: GuideSources, language: str) -> tuple[Path, list[Path], list[Path]]:
    """(the folder, the files written, the files left as they were)."""
    kb, _ = load_guide(sources)
    root = sources.overlay_dir or sources.content_dir
    folder = translation_folder(root, language)
    guide = {"title": kb.title, "description": kb.description, **({"copyright": kb.copyright} if kb.copyright else {}),
             "introduction": kb.introduction,
             "phases": {p.id: texts(p) for p in kb.phases}, "moments": {m.id: texts(m) for m in kb.moments.values()},
             **({"outcomes": {o.id: texts(o) for o in kb.outcomes}} if kb.outcomes else {}),
             "timeline": texts(kb.timeline), "pages": {name: texts(page) for name, page in kb.pages.items()},
             "labels": dict(kb.labels)}
    files = {Path("guide.yml"): _yaml("../../schemas/translation-guide.schema.json",
                                      f"The guide's texts in '{language}': translate each one, keep the names and ids.", guide)}
    by_file: dict[str, dict] = {}
    for entry in kb.entries.values():
        by_file.setdefault(entry.location.path.name, {})[entry.id] = texts(entry)
    for name, entries in by_file.items():
        files[Path("advice", name)] = _yaml("../../../schemas/translation-advice.schema.json",
                                            f"The texts of advice/{name} in '{language}', by entry id.", {"entries": entries})
    files[Path("message-templates.yml")] = _yaml(
        "../../schemas/translation-message-templates.schema.json",
        f"The message templates' texts in '{language}', by id; placeholders such as {{role}} keep their ids.",
        {"fields": {f.id: texts(f) for f in kb.fields.values()}, "templates": {t.id: texts(t) for t in kb.templates}})
    written, kept = [], []
    for relative, text in files.items():
        path = folder / relative
        if os.path.lexists(path):
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    pages_target = page_translation_folder(root / PAGES, language) if sources.overlay_dir else folder / PAGES
    for pages in dict.fromkeys(sources.page_folders):
        if not pages.is_dir():
            continue
        for page in files_below(pages, (".md",))[0]:
            target = pages_target / page.relative_to(pages)
            if os.path.lexists(target):
                kept.append(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
            written.append(target)
    if not written and not kept:
        raise CommandError(f"nothing to write into {display_path(folder)}")
    return folder, written, kept


def record_checked(sources: GuideSources, language: str) -> Path:
    """Writes translated-from.yml for the language, as its texts are now: a career center's
    lists only the translations in its own files (the default guide's are checked in the
    default guide's file, which comes with it); the file written. Raises ContentError when the
    guide in that language has problems (a text not translated)."""
    kb, _ = load_guide(sources, language)
    owners = CheckedIn(language, sources.content_dir, sources.overlay_dir)
    marks = {**kb.translated_from, **page_fingerprints(sources.page_folders, language, owners=owners)}
    path = owners.own_file
    lines = ["# yaml-language-server: $schema=../../schemas/translation-fingerprints.schema.json",
             f"# What the English of each text said when its '{language}' translation was last checked, as short",
             f"# fingerprints. Written by `followup-guide translation {language} --checked`: not edited by hand.",
             *(f'{where}: "{mark}"' for where, mark in sorted(marks.items()))]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
