"""A wrong setting in mkdocs.yml is told at its line, in plain words (engines/settings_messages.py),
from what MkDocs itself says about it (read in this process, as `followup-guide build` does)."""
from __future__ import annotations

import pytest

from generator.engines.mkdocs_build import _load
from generator.problems import CommandError

SETTINGS = """\
site_name: Our Guide
theme:
  name: material
plugins:
  - search
  - followup-guide:
      missing_translations: fail
"""


@pytest.mark.parametrize("old, new, said", [
    ("site_name: Our", "site_nmae: Our",
     ["mkdocs.yml:1:1: 'site_nmae' is not a setting here (did you mean 'site_name'?)"]),  # not also "missing"
    ("site_name: Our Guide\n", "",
     ["mkdocs.yml:1:1: 'site_name' is missing; add it"]),
    ("name: material", "name: materiall",
     ["mkdocs.yml:3:9: the theme 'materiall' is not installed; the guide's is 'material' (installed: mkdocs, "
      "readthedocs, material)"]),
    ("- search", "- serch", ["mkdocs.yml:5:5: the plugin 'serch' is not installed; did you mean 'search'?"]),
    ("- search", "- qwertyuiop", ["mkdocs.yml:5:5: the plugin 'qwertyuiop' is not installed; check its name, or "
                                  "remove the line"]),
    ("missing_translations: fail", "missing_translations: english",
     ["mkdocs.yml:7:29: 'missing_translations' must be one of 'fail', 'fallback', not 'english'"]),
    ("missing_translations: fail", "staff_pages: maybe", ["mkdocs.yml:7:20: 'staff_pages' must be true or false"]),
    ("  - search\n  - followup-guide:\n      missing_translations: fail\n",  # the plugins as one group
     "  search: {}\n  followup-guide:\n    missing_translations: english\n",
     ["mkdocs.yml:7:27: 'missing_translations' must be one of 'fail', 'fallback', not 'english'"]),
    ("site_name: Our Guide\n", "site_name: Our Guide\nsite_url: example.edu\n",
     ["mkdocs.yml:2:11: 'site_url': The URL isn't valid, it should include the http:// (scheme)"]),
])
def test_a_wrong_setting_is_told_at_its_line(tmp_path, monkeypatch, caplog, old, new, said):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(SETTINGS.replace(old, new, 1))
    with pytest.raises(CommandError) as raised:
        _load("mkdocs.yml")
    assert str(raised.value).splitlines() == said
    assert not [r for r in caplog.records if r.name == "mkdocs.config" and r.levelname != "DEBUG"]  # said once


def test_outside_strict_mode_a_warning_is_told_at_its_line_and_the_build_goes_on(tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(SETTINGS + "extra_csss: []\n")
    _load("mkdocs.yml")
    assert [r.getMessage() for r in caplog.records if r.name == "mkdocs.config" and r.levelname == "WARNING"] == [
        "mkdocs.yml:8:1: 'extra_csss' is not a setting here (did you mean 'extra_css'?)"]
