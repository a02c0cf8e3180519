"""Nothing is ever lost: the output folder cannot be anything the build reads, a killed build
leaves the previous or the new site complete, and its leftovers go with the next build."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from generator import site_output
from generator.cli import main

COMMAND = str(Path(sys.executable).with_name("followup-guide"))


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file() and ".git" not in p.parts}


@pytest.mark.parametrize("output", [".", "..", "content", "content/advice", "content/pages/site",
                                    "site_overrides", "mkdocs.yml", "not-a-site"])
def test_an_output_folder_that_holds_what_the_build_reads_is_refused_and_nothing_is_deleted(
        guide_copy, capsys, output):
    (guide_copy / "not-a-site").mkdir()
    (guide_copy / "not-a-site/notes.txt").write_text("mine")
    before = digest(guide_copy.parent)

    assert main(["build", "-d", output]) == 1

    err = capsys.readouterr().err
    assert err.startswith("followup-guide: ") and err.rstrip().endswith("; nothing was built")
    assert "Traceback" not in err
    assert digest(guide_copy.parent) == before
    assert not (guide_copy / "site").exists()


def test_a_folder_of_an_earlier_build_is_replaced(guide_copy, capsys):
    assert main(["build", "-d", "public"]) == 0
    (guide_copy / "public/stale.html").write_text("<p>stale</p>")
    assert main(["build", "-d", "public"]) == 0
    assert not (guide_copy / "public/stale.html").exists()
    assert (guide_copy / "public/index.html").is_file()


def test_an_output_folder_given_as_a_link_is_refused_and_the_folder_it_points_to_is_left_alone(guide_copy, capsys):
    web = guide_copy.parent / "web-root"
    assert main(["build", "-d", str(web)]) == 0  # a guide built there before, and a page of the center's own
    (web / "other.html").write_text("<p>ours</p>")
    (guide_copy / "weblink").symlink_to(web)
    before = digest(guide_copy.parent)
    capsys.readouterr()

    assert main(["build", "-d", "weblink"]) == 1

    err = capsys.readouterr().err
    assert "weblink is a link to another folder; give that folder itself" in err and "Traceback" not in err
    assert (guide_copy / "weblink").is_symlink() and digest(guide_copy.parent) == before
    assert sorted(p.name for p in guide_copy.iterdir() if p.name.startswith(".weblink")) == []


def _build(guide: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([COMMAND, "build", "--zip"], cwd=guide, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_build_killed_at_any_point_leaves_a_complete_site_and_the_next_build_cleans_up(guide_copy):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    started = time.monotonic()  # timed to place the kills in a build of the same size
    assert subprocess.run([COMMAND, "build", "--zip"], cwd=guide_copy, env=env).returncode == 0
    duration = time.monotonic() - started
    old_site, old_zip = digest(guide_copy / "site"), (guide_copy / "site.zip").read_bytes()
    guide = guide_copy / "content/guide.yml"
    guide.write_text(guide.read_text().replace("title: After the Interview", "title: After the Interview, again", 1))

    # Kills from a third of the way on: before that the build is still starting and reading.
    # What each one left is compared at the end with the old site and the new one.
    left, killed, steps = [], 0, range(3, 9)
    for step in steps:
        process = _build(guide_copy, env)
        time.sleep(duration * step / 10)
        process.send_signal(signal.SIGKILL)
        process.wait()
        left.append((step, digest(guide_copy / "site"), (guide_copy / "site.zip").read_bytes()))
        killed += process.returncode == -signal.SIGKILL
    # On a busy machine a build may finish before its kill; most must have been killed.
    assert killed >= 4, f"only {killed} of {len(steps)} builds were killed before they finished"

    assert subprocess.run([COMMAND, "build", "--zip"], cwd=guide_copy, env=env).returncode == 0
    new_site, new_zip = digest(guide_copy / "site"), (guide_copy / "site.zip").read_bytes()
    assert new_site != old_site
    for step, site, zip_file in left:
        assert site in (old_site, new_site), f"killed after {step}/10 of a build: the site is incomplete"
        assert zip_file in (old_zip, new_zip), f"killed after {step}/10 of a build: the zip is incomplete"
    assert [p.name for p in guide_copy.iterdir() if p.name.startswith(".")] == []


def test_a_site_moved_aside_by_a_killed_two_step_swap_is_put_back(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    previous = tmp_path / f".site-previous-{dead.stdout.strip()}-89abcdef"
    previous.mkdir()
    (previous / "index.html").write_text("the previous site")
    site_output.clean_up_after_killed_builds(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "the previous site"
    assert not previous.exists()


def test_the_swap_is_one_step_on_this_system(tmp_path):
    old, new = tmp_path / "site", tmp_path / "staging"
    old.mkdir()
    (old / "a").write_text("old")
    new.mkdir()
    (new / "a").write_text("new")
    assert site_output._exchange(new, old), "renameat2(RENAME_EXCHANGE) is not available here"
    assert (old / "a").read_text() == "new" and (new / "a").read_text() == "old"


def test_the_previous_zip_stays_whole_when_writing_the_new_one_fails(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("new")
    (tmp_path / "site.zip").write_bytes(b"the previous zip")

    def broken(self):
        raise OSError("disk full")

    monkeypatch.setattr(Path, "read_bytes", broken)
    with pytest.raises(OSError):
        site_output.write_zip(site)
    monkeypatch.undo()
    assert (tmp_path / "site.zip").read_bytes() == b"the previous zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.zip"]
    site_output.write_zip(site)
    assert zipfile.ZipFile(tmp_path / "site.zip").read("index.html") == b"new"


def test_leftovers_of_a_running_build_are_not_touched(tmp_path):
    target = tmp_path / "site"
    mine = tmp_path / f".site-staging-{os.getpid()}-0123abcd"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    theirs = tmp_path / f".site-staging-{dead.stdout.strip()}-4567cdef"
    unrelated = tmp_path / ".site-staging-notes"
    for folder in (mine, theirs, unrelated):
        folder.mkdir()
    site_output.clean_up_after_killed_builds(target)
    assert mine.exists() and unrelated.exists() and not theirs.exists()


def test_init_refuses_a_name_on_several_lines(tmp_path, capsys):
    assert main(["init", str(tmp_path / "center"), "--name", "Careers\nplugins: []"]) == 1
    assert "--name must be one line of text" in capsys.readouterr().err
    assert not (tmp_path / "center").exists()


def test_an_unreadable_folder_is_named_as_such(guide_copy, monkeypatch, capsys):
    # For root (as CI runs) no folder is unreadable, so the system's refusal is given here.
    advice = str(guide_copy / "content/advice")
    scandir = os.scandir

    def refusing(path="."):
        if os.path.abspath(path) == advice:
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[0] == "content/advice:1:1: this folder cannot be read (permission denied); check its permissions"


@pytest.mark.parametrize("umask, folders, files", [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_the_site_has_the_usual_permissions_for_the_umask(guide_copy, umask, folders, files):
    result = subprocess.run(f"umask {umask:03o} && {COMMAND} build --zip", shell=True, cwd=guide_copy,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    site = guide_copy / "site"
    modes = {(p.is_dir(), p.stat().st_mode & 0o777) for p in [site, *site.rglob("*")]}
    assert modes == {(True, folders), (False, files)}
    assert (guide_copy / "site.zip").stat().st_mode & 0o777 == files
