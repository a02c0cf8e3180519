"""The Zensical engine (`followup-guide build --engine zensical`): the same guide from the same
mkdocs.yml, no request to another site, the same checks on the built pages. The end-to-end
checks of the checklist, templates and planner run on its site too (tests/e2e, both_engines)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import CommandError, build_site

# Zensical is an optional extra, which `make test` installs; on a Python it has no release for
# (3.10), the rest of the suite runs without it.
pytest.importorskip("zensical", reason="Zensical (an optional extra) is not installed")

COMMAND = str(Path(sys.executable).with_name("followup-guide"))


def test_the_command_builds_with_zensical_in_the_classic_look_and_a_script_in_the_content_fails_it(guide_copy):
    result = subprocess.run([COMMAND, "build", "--engine", "zensical"], cwd=guide_copy, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    home = (guide_copy / "site/index.html").read_text()
    assert "assets/stylesheets/classic/" in home and "assets/stylesheets/modern/" not in home
    assert (guide_copy / "site/checklist/index.html").is_file() and (guide_copy / "site/_headers").is_file()
    assert not list(guide_copy.glob(".zensical-project-*")) and not list(guide_copy.glob(".site-staging-*"))

    # Zensical has no hook into a page's HTML before the theme wraps it: the checks on the built
    # pages refuse what the MkDocs build would have cleaned, and the old site stays.
    (guide_copy / "content/pages/notes.md").write_text("# Notes\n\n<script>alert(1)</script>\n")
    with pytest.raises(CommandError, match="an inline script that neither the guide nor its theme ships"):
        build_site("mkdocs.yml", engine_name="zensical")
    assert (guide_copy / "site/index.html").read_text() == home


def test_an_offline_build_names_the_vendored_iframe_worker_shim_and_loads_nothing_from_another_site(
        guide_copy, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_GUIDE_OFFLINE", "true")
    site = build_site("mkdocs.yml", engine_name="zensical")
    every_page = "\n".join(p.read_text() for p in site.rglob("*.html"))
    assert "unpkg.com" not in every_page and "iframe-worker-shim.js" in every_page
    assert not re.search(r'<(?:script|link|img)\b[^>]*(?:src|href)="(?:https?:)?//', every_page)
    assert 'href="checklist.html"' in (site / "index.html").read_text()  # pages open from files


def test_a_center_builds_with_zensical_with_its_branding(tmp_path, monkeypatch):
    from support import make_center

    center = make_center(tmp_path / "center", "Zensical Careers", **{
        "branding.yml": 'name: Zensical Careers\nlogo: logo.png\ncolors:\n  primary: "#0b5394"\n'})
    monkeypatch.chdir(center)
    site = build_site("mkdocs.yml", engine_name="zensical")
    home = (site / "index.html").read_text()
    assert "Zensical Careers</p>" in home
    assert "assets/branding/colours.css" in home
    assert (site / "assets/branding/logo.png").is_file()
