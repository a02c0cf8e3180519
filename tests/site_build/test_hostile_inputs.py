"""The corpus of hostile inputs (tests/fixtures/hostile): each folder lays files over a copy of the
default guide (or, with `center: true` in its setup.yml, over a career center's folder), and
`validate` and `build` must both exit 1 with the file:line:column messages of its expected.txt,
no traceback, and the previous site left byte for byte as it was.

setup.yml does what files cannot: `links` (path: target), `pipes`, `folders`, `remove`,
`sized` (path: bytes) and `edit` (path: [[text, replacement], ...]). In expected.txt,
«text» stands for the number of the line where that text is in the file named before it.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
from pathlib import Path

import pytest
import yaml
from support import copy_guide, lay_case, make_center, one_language

from generator.cli import main

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def expected_lines(case: Path, guide: Path) -> list[str]:
    def line_of(match):
        text = (guide / match[1]).read_text(encoding="utf-8")
        return f"{match[1]}:{text[:text.index(match[2])].count(chr(10)) + 1}:"

    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [re.sub(r"^([^:«]+):«(.+?)»:", line_of, line) for line in lines if line]


@pytest.fixture(scope="session")
def previous_site(tmp_path_factory) -> Path:
    """A site built from the default guide: what every case's folder holds before the build."""
    guide = one_language(copy_guide(tmp_path_factory.mktemp("previous") / "guide"))
    cwd = os.getcwd()
    os.chdir(guide)
    try:
        assert main(["build"]) == 0
    finally:
        os.chdir(cwd)
    return guide / "site"


@pytest.fixture
def time_limit():
    """A read that hangs (a pipe) fails the test instead of the whole run."""
    def expired(signum, frame):
        raise TimeoutError("the command did not finish within 60 seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_hostile_input_is_refused_with_its_place_and_the_previous_site_kept(
        name, tmp_path, monkeypatch, capsys, previous_site, time_limit):
    case = CASES / name
    setup = yaml.safe_load((case / "setup.yml").read_text()) if (case / "setup.yml").is_file() else {}
    guide = tmp_path / "guide"
    one_language(make_center(guide, "Hostile Center") if setup.get("center") else copy_guide(guide))
    shutil.copytree(previous_site, guide / "site")
    before = tree_digest(guide / "site")
    lay_case(case, guide)
    monkeypatch.chdir(guide)
    expected = expected_lines(case, guide)
    assert expected, f"{name}: expected.txt names no message"

    for command in (["validate"], ["build"]):
        status = main(command)
        err = capsys.readouterr().err
        assert status == 1, f"{command[0]} accepted {name}:\n{err}"
        assert "Traceback" not in err
        problems = [line for line in err.splitlines() if re.match(r"^[^ ]+:\d+:\d+: ", line)]
        assert problems == expected, f"{command[0]} {name}"
    assert tree_digest(guide / "site") == before
    assert not [p.name for p in guide.iterdir() if p.name.startswith(".site-")]
