"""A career center's branding.yml and content overlay: what they change, and their mistakes."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from support import make_center

from generator.loading.sources import load_branding
from generator.cli import main
from generator.loading.sources import GuideSources, load_guide, load_guides
from generator.model.json_schema import SCHEMA_FILES, TRANSLATION_FILES
from generator.package_data import default_path
from generator.problems import ContentError

NAME = "State University Career Center"


@pytest.fixture
def center(tmp_path, monkeypatch):
    folder = make_center(tmp_path / "center", NAME)
    monkeypatch.chdir(folder)
    return folder


def problems(center: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_guide(GuideSources(default_path("content"), center / "content", center / "branding.yml"))
    return [str(p) for p in raised.value.problems]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_new_center_builds_on_the_default_guide(center, capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == f"The knowledge base is valid: 54 entries in 7 phases, branded for {NAME}, in 2 languages (en, es).\n"
    assert sorted(p.relative_to(center).as_posix() for p in center.rglob("*") if p.is_file()) == [
        ".github/workflows/publish.yml", ".gitignore", "README.md", "branding.yml",
        "content/advice/our-advice.yml", "content/changes.yml", "content/guide.yml",
        "content/message-templates.yml", "logo.png", "mkdocs.yml", "requirements.txt",
        *(f"schemas/{name}" for name in sorted([*SCHEMA_FILES, *TRANSLATION_FILES])),
    ]


def test_a_new_center_pins_the_version_it_was_made_with(center):
    from importlib.metadata import version

    pinned = [line for line in (center / "requirements.txt").read_text().splitlines() if not line.startswith("#")]
    assert pinned == [f"followup-guide=={version('followup-guide')}"]
    assert "pip install -r requirements.txt" in (center / ".github/workflows/publish.yml").read_text()


def test_init_refuses_a_folder_that_is_not_empty(center, capsys):
    assert main(["init", str(center)]) == 1
    assert capsys.readouterr().err == (
        f"followup-guide: {center} already exists and is not an empty folder; choose a new folder name\n")
    assert main(["init", str(center / "branding.yml")]) == 1
    assert capsys.readouterr().err == (f"followup-guide: {center / 'branding.yml'} already exists and is not an "
                                       "empty folder; choose a new folder name\n")


def test_the_overlay_changes_hides_adds_and_overrides(center):
    write(center / "content/changes.yml", """\
change:
  entries:
    send-one-follow-up:
      timing:
        after: 10 days
        of: stated-date
  templates:
    thank-you-email:
      subject: Thanks, {interviewer-name}
hide:
  entries: [raise-salary-expectations, keep-searching]
  templates: [thank-you-letter]
""")
    write(center / "content/guide.yml", "title: Our guide\nlabels:\n  dos_heading: Do this\n")
    kb, branding = load_guide(GuideSources(default_path("content"), center / "content", center / "branding.yml"))
    assert kb.title == "Our guide" and kb.labels["dos_heading"] == "Do this" and kb.labels["donts_heading"] == "Don't"
    assert kb.entries["send-one-follow-up"].timing.duration.amount == 10
    assert "raise-salary-expectations" not in kb.entries and "keep-searching" not in kb.entries
    assert "keep-searching" not in kb.entries["chase-again"].related  # links to a hidden entry are dropped
    assert [t.subject for t in kb.templates if t.id == "thank-you-email"] == ["Thanks, {interviewer-name}"]
    assert "thank-you-letter" not in {t.id for t in kb.templates}
    assert branding.name == NAME


def test_mistakes_in_the_overlay_are_named_with_file_and_line(center):
    write(center / "content/changes.yml", """\
change:
  entries:
    send-one-folow-up:
      title: New title
    ghost-the-employer:
      titel: Typo
      kind: do
hide:
  templates: [thank-you-letterr]
""")
    write(center / "content/guide.yml", "labels:\n  progress_total: '{done} of {all}'\n")
    write(center / "content/advice/our-advice.yml", """\
entries:
  - id: send-a-thank-you
    kind: do
    phase: within-24-hours
    title: Ours
    summary: Ours.
    body: Ours.
""")
    found = problems(center)
    default_advice = default_path("content") / "advice/within-24-hours.yml"
    assert found == [
        f"content/advice/our-advice.yml:2:9: duplicate entry id 'send-a-thank-you' (first used at "
        f"{default_advice.as_posix()}:3:9); give each one its own id",
        "content/changes.yml:3:5: there is no entry with the id 'send-one-folow-up' (did you mean 'send-one-follow-up'?)",
        "content/changes.yml:6:7: unknown field 'titel' (did you mean 'title'?)",
        "content/changes.yml:9:15: there is no template with the id 'thank-you-letterr' (did you mean 'thank-you-letter'?)",
        "content/guide.yml:2:19: 'progress_total' uses the unknown placeholder {all} (it can use: {done}, {total})",
    ]


def test_validate_refuses_a_setting_build_would_refuse(center, capsys):
    """A misspelt setting: build stops at it, so validate does too, at its line (not a warning and 'valid')."""
    settings = (center / "mkdocs.yml").read_text()
    assert "strict:" not in settings  # a center's file leaves it out: validate must not depend on it
    (center / "mkdocs.yml").write_text(settings.replace("      staff_pages: false\n", "      staff_pagez: false\n"))
    line = (center / "mkdocs.yml").read_text().splitlines().index("      staff_pagez: false") + 1
    capsys.readouterr()
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"followup-guide: mkdocs.yml:{line}:7: 'staff_pagez' is not a setting here (did you mean 'staff_pages'?)")


def test_turning_a_do_into_a_dont_needs_an_instead(center):
    write(center / "content/changes.yml", "change:\n  entries:\n    keep-searching:\n      kind: don't\n")
    assert problems(center) == ["content/changes.yml:4:7: 'keep-searching' is now a don't, so it needs 'instead'"]


def test_an_id_far_from_every_known_one_gets_no_guess(center):
    """'ask-for-a-raise' is no misspelling of 'ask-for-adjustments': following a guess there would
    hide an unrelated entry."""
    write(center / "content/changes.yml", "hide:\n  entries: [ask-for-a-raise, send-one-folow-up]\n")
    found = problems(center)
    assert len(found) == 2 and "did you mean" not in found[0] and "ask-for-a-raise" in found[0]
    assert found[1].endswith("(did you mean 'send-one-follow-up'?)")


def test_a_change_that_leaves_a_step_undated_is_told_at_the_change(center):
    """Turning the follow-up into a don't takes away the date 'close-the-loop' counts from: said
    at the center's change, not at the default guide's entry, which the center cannot edit."""
    write(center / "content/changes.yml", "change:\n  entries:\n    send-one-follow-up:\n      kind: don't\n"
                                          "      instead: Wait, and keep applying elsewhere.\n")
    assert problems(center) == [
        "content/changes.yml:4:7: with this change 'send-one-follow-up' no longer gives the date of the moment "
        "'follow-up', which 'close-the-loop' counts from, so the planner could not date it; undo the change, or "
        "change or hide 'close-the-loop' too"]


def test_a_change_is_told_at_its_own_line_in_the_translated_guide_too(center):
    """The Spanish guide is read from the same changed entry: its rules point at changes.yml, not
    at the default guide's entry (which reported a second, wrong place)."""
    write(center / "content/changes.yml", "change:\n  entries:\n    keep-searching:\n      kind: don't\n")
    with pytest.raises(ContentError) as raised:
        load_guides(GuideSources(default_path("content"), center / "content", center / "branding.yml"), ("en", "es"))
    assert [str(p) for p in raised.value.problems] == [
        "content/changes.yml:4:7: 'keep-searching' is now a don't, so it needs 'instead'"]


@pytest.mark.parametrize("branding, expected", [
    ("name: X\ncolors:\n  primary: navy\n",
     "branding.yml:3:12: 'primary' must be a colour the theme knows (red, pink, purple, deep purple, indigo, blue, "
     "light blue, cyan, teal, green, light green, lime, yellow, amber, orange, deep orange, brown, grey, blue grey, "
     "black, white) or a hex colour in quotes such as \"#0b5394\", not 'navy'"),
    ("name: X\ncolors:\n  primary: #0b5394\n",
     "branding.yml:3:11: 'primary' has no value: what follows '#' is read as a comment; put the value in quotes, "
     "like \"#0b5394\""),
    ("name: X\ncolors:\n  accent: \"#ffee88\"\n",
     "branding.yml:3:11: 'accent' #ffee88 is too light to read on a white page (contrast 1.2:1, needs 3:1); "
     "choose a darker colour"),
    ("name: X\ncolours:\n  primary: teal\n", "branding.yml:2:1: unknown field 'colours' (did you mean 'colors'?)"),
    # Named colours are checked like hex ones, with the colour Material gives them.
    ("name: X\ncolors:\n  primary: amber\n",
     "branding.yml:3:12: 'primary' amber is too light to read on a white page (contrast 1.6:1, needs 4.5:1); "
     "choose a darker colour, such as purple, deep purple, indigo, brown, grey, blue grey, black"),
    # A quote left open runs on into the next line.
    ("name: X\ncolors:\n  primary: \"#7a0019\n  accent: \"#b8860b\"\n",
     "branding.yml:3:12: 'primary' must be a colour the theme knows (red, pink, purple, deep purple, indigo, blue, "
     "light blue, cyan, teal, green, light green, lime, yellow, amber, orange, deep orange, brown, grey, blue grey, "
     "black, white) or a hex colour in quotes such as \"#0b5394\", not '#7a0019 accent:' (the quote opened on line 3 "
     "is not closed on that line; close it)"),
    ("name: X\nlogo: notes.png\n",
     "branding.yml:2:7: 'logo': 'notes.png' is not a PNG image (the file holds something else, or is damaged); save "
     "the image again in that format"),
    ("name: X\ncolors:\n  accent: lime\n",
     "branding.yml:3:11: 'accent' lime is too light to read on a white page (contrast 1.4:1, needs 3:1); "
     "choose a darker colour, such as red, pink, purple, deep purple, indigo, blue, light blue"),
    ("name: X\nlogo: our-logo.png\n",
     "branding.yml:2:7: 'logo': there is no file 'our-logo.png' next to branding.yml; check the name, or copy the "
     "image there"),
    ("name: X\nfavicon: branding.yml\n",
     "branding.yml:2:10: 'favicon' must be an image (.png, .jpg, .jpeg, .svg, .webp, .gif, .ico), not 'branding.yml'"),
    ("name: X\ncontact:\n  email: careers at example.edu\n",
     "branding.yml:3:10: 'email' should look like careers@example.edu, not 'careers at example.edu'"),
    ("name: X\ncontact:\n  booking_link: careers.example.edu/book\n",
     "branding.yml:3:17: 'booking_link' should look like https://careers.example.edu/book, not "
     "'careers.example.edu/book'"),
    ("colors: {}\n", "branding.yml:1:1: this branding file has no 'name'; add it"),
    ("name: X\nanalytics:\n  counter: http://stats.example.edu/count\n",
     "branding.yml:3:12: 'counter' should be the https:// address of your own counter with {path} where the page's "
     "path goes, like \"https://stats.example.edu/count?p={path}\", not 'http://stats.example.edu/count'"),
])
def test_a_mistake_in_the_branding_is_one_clear_line(center, branding, expected):
    write(center / "branding.yml", branding)
    write(center / "notes.png", "a text file named as a picture")
    with pytest.raises(ContentError) as raised:
        load_branding(Path("branding.yml"))
    assert [str(p) for p in raised.value.problems] == [expected]


def test_colour_names_and_hex_colours_are_accepted(center):
    write(center / "branding.yml", 'name: X\ncolors:\n  primary: Deep Purple\n  accent: "#B35900"\nlogo: logo.png\n')
    branding = load_branding(Path("branding.yml"))
    assert (branding.primary, branding.accent, branding.logo.name) == ("deep purple", "#b35900", "logo.png")


def test_the_changes_example_of_editing_the_guide_validates_with_its_translation(center, capsys):
    page = (default_path("content") / "pages/editing-the-guide.md").read_text()
    section = page[page.index("## Changing or hiding"):page.index("## Pages written by hand")]
    changes, translation = re.findall(r"```yaml\n(.*?)```", section, re.S)
    write(center / "content/changes.yml", changes)
    write(center / "content/translations/es/advice/changes.yml", translation)
    assert main(["validate"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("command, written", [
    (["validate"], "languages: [en, es, fr]"),
    (["validate"], "languages:\n        - en\n        - es\n        - fr"),
    (["build", "--engine", "zensical"], "languages: [en, es, fr]"),  # the engine that reads mkdocs.yml itself
])
def test_a_language_added_before_its_translation_is_one_message_at_its_place_in_mkdocs_yml(center, capsys, command,
                                                                                           written):
    if "zensical" in command and not importlib.util.find_spec("zensical"):
        pytest.skip("Zensical (an optional extra) is not installed")
    settings = center / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("languages: [en, es]", written))
    line, text = next((n, text) for n, text in enumerate(settings.read_text().splitlines(), 1)
                      if text.strip() in ("languages: [en, es, fr]", "- fr"))
    assert main(command) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert lines == [
        f"mkdocs.yml:{line}:{text.index('fr') + 1}: the guide is published in 'fr', but there is no folder "
        "content/translations/fr/ with its translations; run `followup-guide translation fr` to write it, or take "
        "'fr' out of 'languages' in mkdocs.yml",
        "1 problem in the content; nothing was built.",
    ]


def test_a_name_with_accents_gives_a_readable_site_id(tmp_path):
    assert main(["init", str(tmp_path / "c"), "--name", "Ünïversité Carrières"]) == 0
    assert "site_id: universite-carrieres" in (tmp_path / "c/mkdocs.yml").read_text()


@pytest.mark.parametrize("asked", ["followup-guide==9.9.9", "./followup_guide-9.9.9-py3-none-any.whl"])
def test_validate_warns_when_publishing_would_install_another_version(center, capsys, asked):
    from generator.package_data import package_version

    requirements = center / "requirements.txt"
    requirements.write_text("# a comment\n" + asked + "\n")
    if asked.endswith(".whl"):
        (center / asked).write_bytes(b"")
    assert main(["validate"]) == 0
    write = (f"put the wheel file of {package_version()} in this folder and write its name here" if asked.endswith(".whl")
             else f"write {package_version()} here")
    assert capsys.readouterr().err == (
        f"requirements.txt:2:1: warning: publishing installs followup-guide 9.9.9, but {package_version()} is installed "
        "here, so what you check is not what is published; install 9.9.9 (\"Keeping up to date\" in \"Host your own "
        f"copy\"), or {write}\n")
    requirements.write_text(f"followup-guide=={package_version()}\n")
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == ""


def test_validate_warns_when_the_wheel_file_named_for_publishing_is_not_in_the_folder(center, capsys):
    """Forgetting to copy the new wheel in breaks publishing, not the preview: said before it does."""
    from generator.package_data import package_version

    name = f"followup_guide-{package_version()}-py3-none-any.whl"
    (center / "requirements.txt").write_text(f"./{name}\n")
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == (
        f"requirements.txt:1:1: warning: the wheel file './{name}' is not in this folder, so publishing cannot install "
        "the guide; put the file next to requirements.txt, with the name written here\n")
    # The old name left in requirements.txt, the new file in the folder: one message, naming the file.
    (center / "requirements.txt").write_text("./followup_guide-0.1.0-py3-none-any.whl\n")
    (center / name).write_bytes(b"")
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == (
        "requirements.txt:1:1: warning: the wheel file './followup_guide-0.1.0-py3-none-any.whl' is not in this "
        f"folder, so publishing cannot install the guide; this folder holds '{name}': write './{name}' here\n")
    (center / "requirements.txt").write_text(f"./{name}\n")
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == ""
