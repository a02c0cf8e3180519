"""The followup-guide command, run as the installed console script."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

COMMAND = str(Path(sys.executable).with_name("followup-guide"))


def run(*args, cwd):
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True)


def test_validate_accepts_the_default_guide(bilingual_guide_copy):
    result = run("validate", cwd=bilingual_guide_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The knowledge base is valid: 54 entries in 7 phases, in 2 languages (en, es).")


def test_validate_lists_every_problem_and_exits_1_without_a_traceback(bilingual_guide_copy):
    config = bilingual_guide_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("missing_translations: fallback", "missing_translations: fail"))
    (bilingual_guide_copy / "content/advice/extra.yml").write_text(
        "entries:\n  - id: extra\n    kind: do\n    phase: afterwards\n    titel: X\n    summary: Y.\n    body: Z.\n"
        "    related: [nope]\n")
    result = run("validate", cwd=bilingual_guide_copy)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/advice/extra.yml:5:5: unknown field 'titel' (did you mean 'title'?)",
        # A new entry needs its Spanish too: each text named at its line, with the file it goes in.
        "content/advice/extra.yml:6:14: 'summary' of the entry 'extra' has no 'es' translation; "
        "write it in content/translations/es/advice/extra.yml",
        "content/advice/extra.yml:7:11: 'body' of the entry 'extra' has no 'es' translation; "
        "write it in content/translations/es/advice/extra.yml",
        "content/advice/extra.yml:8:15: there is no entry with the id 'nope'",
        "4 problems in the content; nothing was built.",
    ]


def test_build_with_bad_content_writes_nothing(guide_copy):
    (guide_copy / "content/advice/extra.yml").write_bytes(b"entries:\n  - id: caf\xe9\n")
    result = run("build", cwd=guide_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("content/advice/extra.yml:2:12: the file is not UTF-8 text")
    assert not (guide_copy / "site").exists()


def test_build_writes_the_site(guide_copy):
    result = run("build", cwd=guide_copy)
    assert result.returncode == 0, result.stderr
    assert (guide_copy / "site/checklist/index.html").is_file()


def test_a_missing_configuration_is_named(tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "followup-guide: mkdocs.yml not found here; go to your guide's folder first (the one followup-guide init "
        "made: cd into it), or name the file with --config-file\n")


def test_a_mistake_in_mkdocs_yml_is_said_as_for_the_content(guide_copy):
    config = guide_copy / "mkdocs.yml"
    settings = config.read_text()
    config.write_text(settings + "\textra_setting: 1\n")
    result = run("validate", cwd=guide_copy)
    lines = settings.count("\n") + 1
    tab = f"followup-guide: mkdocs.yml:{lines}:1: a tab is used for indentation; YAML needs spaces, so replace the " \
          "tabs with spaces\n"
    assert (result.returncode, result.stderr) == (1, tab)
    if importlib.util.find_spec("zensical"):  # (an optional extra) which reads mkdocs.yml itself
        result = run("build", "--engine", "zensical", cwd=guide_copy)
        assert (result.returncode, result.stderr) == (1, tab)
    # A wrong setting: at its line, in plain words, with the name it was probably meant to be, and
    # nothing else (MkDocs' own line, which names no line of the file, is not shown).
    for setting, said in (("site_id: Our Guide", "16: 'site_id': 'Our Guide' must use only lowercase letters, digits "
                           "and hyphens, like 'our-guide'"),
                          ("staff_pagez: false", "7: 'staff_pagez' is not a setting here (did you mean 'staff_pages'?)")):
        wrong = settings.replace("      content_dir: content\n", f"      content_dir: content\n      {setting}\n")
        config.write_text(wrong)
        line = wrong.splitlines().index(f"      {setting}") + 1
        result = run("validate", cwd=guide_copy)
        assert (result.returncode, result.stderr) == (1, f"followup-guide: mkdocs.yml:{line}:{said}\n")
        if importlib.util.find_spec("zensical"):  # which ignores the plugin's settings: the adapter checks them
            result = run("build", "--engine", "zensical", cwd=guide_copy)
            assert (result.returncode, result.stderr) == (1, f"followup-guide: mkdocs.yml:{line}:{said}\n")


def test_serve_names_an_address_it_cannot_serve_at(guide_copy):
    result = run("serve", "-a", "127.0.0.1:80000", cwd=guide_copy)
    assert result.returncode == 1
    assert result.stderr == (
        "followup-guide: '127.0.0.1:80000' is not an address to serve at; write one like 127.0.0.1:8000\n")


def test_build_says_where_pages_load_instantly(guide_copy):
    config = guide_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_dir: site", "site_dir: site\nsite_url: https://careers.example.edu/guide/"))
    result = run("build", cwd=guide_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Note: pages load instantly only at https://careers.example.edu/guide/; anywhere else (a staging "
        "preview, a copy opened from files) they load one by one, which works as well, but the page for an "
        "address that does not exist takes its styles and links from that address.")


def test_build_without_site_url_says_what_it_breaks(guide_copy):
    result = run("build", cwd=guide_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Note: site_url is not set in mkdocs.yml; set it to the address the guide will be published at. Without it, "
        "the page for an address that does not exist shows without its styles when the guide is in a sub-folder "
        "(such as a GitHub Pages project site), and pages load one by one instead of instantly.")


def test_the_version_is_the_package_version():
    from importlib.metadata import version

    result = subprocess.run([COMMAND, "--version"], capture_output=True, text=True)
    assert result.stdout == f"followup-guide {version('followup-guide')}\n"


def test_a_file_of_the_installed_default_guide_is_named_as_the_default_guides(tmp_path, monkeypatch):
    from generator import package_data
    from generator.problems import Location

    packaged = tmp_path / "site-packages/generator/_defaults"
    (packaged / "content/advice").mkdir(parents=True)
    monkeypatch.setattr(package_data, "_PACKAGED", packaged)
    monkeypatch.chdir(tmp_path)
    outside = tmp_path.parent / "elsewhere.yml"
    assert Location(packaged / "content/advice/within-24-hours.yml", 3, 9).display() == (
        "<default guide>/content/advice/within-24-hours.yml:3:9")
    assert Location(outside, 1, 1).display() == f"{outside.as_posix()}:1:1"


def test_changelog_shows_what_each_version_changed(capsys):
    from generator.cli import main as run_main

    assert run_main(["changelog"]) == 0
    shown = capsys.readouterr().out
    assert shown == (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in shown
