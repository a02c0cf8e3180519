"""Helpers shared by the tests: where the project is, copies of the guide, a static server."""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.loading.loader import load_knowledge_base

ROOT = Path(__file__).resolve().parents[1]
# Zensical is an optional extra, which `make test` installs; on a Python it has no release for
# (3.10) its cases are skipped and the rest runs.
ENGINES = ("mkdocs", pytest.param("zensical", marks=pytest.mark.skipif(
    not importlib.util.find_spec("zensical"), reason="Zensical (an optional extra) is not installed")))
# A test module whose checks must hold on the site of every engine says `pytestmark = both_engines`:
# the session's `engine` fixture (tests/conftest.py) then builds the default guide once per engine.
both_engines = pytest.mark.parametrize("engine", ENGINES, indirect=True, scope="session")
GUIDE_FILES = ("mkdocs.yml", "content", "site_overrides")
DEFAULT_KB = load_knowledge_base(ROOT / "content")
SPANISH_KB = load_knowledge_base(ROOT / "content", language="es")  # published under es/
CHECKLIST_LINES = [e.checklist for p in DEFAULT_KB.phases for e in p.entries if e.checklist]


def copy_guide(destination: Path) -> Path:
    """Copy what a build reads (configuration, content, theme overrides) into destination."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in GUIDE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    # Tests add English content to their copy: its Spanish pages show it in English (marked so)
    # rather than stopping the build, so that every test's content reaches both languages.
    config = destination / "mkdocs.yml"
    config.write_text(config.read_text().replace("missing_translations: fail", "missing_translations: fallback"))
    return destination


def content_with_be_patient_renamed(tmp_path: Path, former_ids_key: str = "former_ids") -> Path:
    """A copy of the default content in which 'be-patient' is renamed 'wait-patiently', its old
    id listed under `former_ids_key` (as the YAML writes that key), every reference following."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    advice = content / "advice" / "while-you-wait.yml"
    advice.write_text(advice.read_text().replace(
        "  - id: be-patient\n", f"  - id: wait-patiently\n    {former_ids_key}: [be-patient]\n"))
    # As a release ships it: its own Spanish follows the new id (what it was checked against stays
    # under the old one, as translated-from.yml keeps it).
    for path in [*(content / "advice").glob("*.yml"), *(content / "translations" / "es" / "advice").glob("*.yml")]:
        path.write_text(re.sub(r"\bbe-patient\b(?!\])", "wait-patiently", path.read_text()))
    return content


def one_language(folder: Path) -> Path:
    """The guide in `folder` publishing English only: for a test about something other than
    languages, one site to build instead of one per language (tests/e2e/test_languages.py and
    tests/site_build/test_languages.py cover the languages)."""
    config = folder / "mkdocs.yml"
    text = config.read_text()
    assert "languages: [en, es]" in text, "the guide's languages setting moved; update one_language"
    config.write_text(text.replace("languages: [en, es]", "languages: [en]"))
    return folder


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve_directory(directory: Path):
    """Serve a folder over HTTP on 127.0.0.1 on a free port; returns (base URL, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


# A center's message to itself: its details from branding.yml, addressed to its email (no address to type).
DEBRIEF_TEMPLATE = """\
templates:
  - id: ask-for-a-debrief
    title: Ask us for a debrief
    format: email
    when: A day or two after the interview, while you still remember the questions.
    phases: [while-you-wait]
    to: center-email
    from: your-email
    subject: A debrief after my interview with {company}
    body: |
      Hello {center-name},

      I would like to talk my interview with {company} through with an adviser.
      I can also book a time at {center-booking-link}.

      {your-name}
"""

# The smallest valid PNG (one transparent pixel): a logo or favicon for test centers.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)


def make_center(folder: Path, name: str, **files: str) -> Path:
    """A career center's folder made by `followup-guide init`, with files written over it
    (keyword: path with "/" written as "__", value: its text)."""
    from generator.cli import init_folder

    init_folder(folder, name)
    (folder / "logo.png").write_bytes(TINY_PNG)
    for key, text in files.items():
        path = folder / key.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def lay_case(case: Path, guide: Path) -> None:
    """Lay a folder of tests/fixtures/hostile* over a guide: its guide/ files, then what its
    setup.yml says (links, pipes, folders, remove, sized, edit; see test_hostile_inputs)."""
    import yaml

    setup = yaml.safe_load((case / "setup.yml").read_text()) if (case / "setup.yml").is_file() else {}
    for path in setup.get("remove", []):
        (guide / path).unlink()
    if (case / "guide").is_dir():
        shutil.copytree(case / "guide", guide, dirs_exist_ok=True)
    for path, target in setup.get("links", {}).items():
        (guide / path).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, guide / path)
    for path in setup.get("pipes", []):
        os.mkfifo(guide / path)
    for path in setup.get("folders", []):
        (guide / path).mkdir(parents=True)
    for path, size in setup.get("sized", {}).items():
        (guide / path).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(size - 8))
    for path, replacements in setup.get("edit", {}).items():
        text = (guide / path).read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{case.name}: '{old}' is not in {path}"
            text = text.replace(old, new, 1)
        (guide / path).write_text(text, encoding="utf-8")
