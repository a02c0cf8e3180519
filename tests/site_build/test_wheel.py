"""The wheel carries the default guide: a career center installs it as the "Host your own copy"
page says, with pipx, and builds its own copy with no checkout of this repository.

End to end, as a center does it: pipx makes a fresh environment and installs every dependency
from the package index (most of a minute), so it is marked `e2e` and left out of the quick
`pytest -m "not e2e"`; `make test` runs it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

pytestmark = pytest.mark.e2e

HOST_PAGE = ROOT / "content/pages/host-your-own-copy.md"


def test_the_wheel_installs_as_the_host_page_says_and_builds_a_center(tmp_path):
    commands = re.findall(r"^pipx install \./followup_guide-.*\.whl$", HOST_PAGE.read_text(), re.M)
    assert len(commands) == 1, "the page gives one command to install a wheel file"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # pipx comes with the test extra (next to this Python), alone on the PATH: the command the page
    # gives finds it there, and followup-guide is found only where pipx puts it.
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools/pipx").symlink_to(Path(sys.executable).with_name("pipx"))
    env.update(PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(tmp_path / "bin"),
               PATH=f"{tmp_path / 'bin'}:{tmp_path / 'tools'}:{env['PATH']}")
    run = lambda *args, **kw: subprocess.run(args, check=True, env=env, capture_output=True, text=True, **kw)  # noqa: E731
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path / "dist"), str(ROOT))

    run("bash", "-c", commands[0], cwd=tmp_path / "dist")  # exactly as the page writes it

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = run("followup-guide", "--version", cwd=elsewhere).stdout
    assert re.fullmatch(r"followup-guide \d+\.\d+\.\d+\n", version)
    run("followup-guide", "init", "center", "--name", "Wheel Test Careers", cwd=elsewhere)
    result = run("followup-guide", "build", cwd=elsewhere / "center")

    site = elsewhere / "center" / "site"
    assert result.stdout.startswith("The guide is in site/\n")
    assert "site_url is not set in mkdocs.yml, so pages will load one by one" in result.stdout
    assert "Wheel Test Careers</p>" in (site / "index.html").read_text()
    assert (site / "checklist/index.html").is_file() and (site / "privacy/index.html").is_file()
    pinned = (elsewhere / "center/requirements.txt").read_text()
    assert f"followup-guide=={version.split()[1]}" in pinned.splitlines()
