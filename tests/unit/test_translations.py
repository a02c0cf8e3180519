"""The guide in another language (loading/translations.py): each folder of
tests/fixtures/translations is a career center's overlay over the default guide, loaded in
Spanish; loading must fail with exactly the messages of its expected.txt, each at the line of
the English text that needs a translation or of the translation that is wrong. When the English
is what is wrong (a file that cannot be read, a misspelled field or id, an id the default guide
uses) or a translation file cannot be read or is in the wrong shape, that is the only message: no second one calls good
work unneeded ("remove it here") or missing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from support import make_center

from generator.cli import main
from generator.loading.loader import load_knowledge_base
from generator.loading.sources import GuideSources, load_guides
from generator.loading.translations import fingerprint
from generator.model.fields import InLanguage
from generator.problems import ContentError
from generator.rendering.pages import render_site
from generator.translation_skeleton import record_checked

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "translations"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_a_missing_or_wrong_translation_is_reported_at_its_line(case, bilingual_guide_copy):
    shutil.copytree(CASES / case / "overlay", bilingual_guide_copy / "overlay")
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()

    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path("content"), Path("overlay"), language="es")

    assert [str(problem) for problem in raised.value.problems] == expected


def test_the_default_guide_is_whole_in_spanish_and_keeps_its_ids():
    english = load_knowledge_base(_content())
    spanish = load_knowledge_base(_content(), language="es")
    assert spanish.title == "Después de la entrevista" and spanish.labels["language_name"] == "Español"
    assert list(spanish.entries) == list(english.entries)  # the ids a reader's ticks are saved under
    assert [t.id for t in spanish.templates] == [t.id for t in english.templates]
    assert spanish.fields.keys() == english.fields.keys()
    for entry_id, entry in spanish.entries.items():
        source = english.entries[entry_id]
        assert (entry.kind, entry.phase, entry.timing, entry.related) == (source.kind, source.phase, source.timing,
                                                                           source.related)
        assert entry.title != source.title, entry_id  # translated, not copied
    for name, label in english.labels.items():
        if name not in ("template_blank", "application_name", "calendar_summary", "time_of_day",
                        "log_step_on", "date_short_day_first"):  # only placeholders
            assert spanish.labels[name] != label, name


def test_with_a_fallback_an_untranslated_text_is_shown_in_english_and_marked(bilingual_guide_copy):
    shutil.copytree(CASES / "untranslated-entry" / "overlay", bilingual_guide_copy / "overlay")
    sources = GuideSources(Path("content"), Path("overlay"), None, None, ("en", "es"), fallback=True)
    guides = load_guides(sources)
    kb = guides["es"][0]
    entry = kb.entries["book-a-debrief"]
    assert entry.title == "Pide una reunión con una persona del centro de carreras"
    assert not isinstance(entry.title, InLanguage)
    assert isinstance(entry.summary, InLanguage) and entry.summary.language == "en"
    assert [str(w) for w in kb.warnings] == [
        "overlay/advice/ours.yml:6:14: 'summary' of the entry 'book-a-debrief' has no 'es' translation; write it in "
        "overlay/translations/es/advice/ours.yml; until then the page shows it in the guide's own language",
        "overlay/advice/ours.yml:7:11: 'body' of the entry 'book-a-debrief' has no 'es' translation; write it in "
        "overlay/translations/es/advice/ours.yml; until then the page shows it in the guide's own language",
        "overlay/advice/ours.yml:9:16: 'checklist' of the entry 'book-a-debrief' has no 'es' translation; write it in "
        "overlay/translations/es/advice/ours.yml; until then the page shows it in the guide's own language",
    ]
    page = next(p for p in render_site(kb).pages if p.uri == "phases/afterwards.md")
    assert '<span lang="en">Talk the interview through with someone from the career center.</span>' in page.markdown
    assert "Pide una reunión con una persona del centro de carreras {: #book-a-debrief" in page.markdown


def test_the_default_spanish_was_checked_against_todays_english():
    spanish = load_knowledge_base(_content(), language="es")
    assert spanish.warnings == ()  # content/translations/es/translated-from.yml is up to date
    assert len(spanish.translated_from) > 500 and "entry/send-one-follow-up/body" in spanish.translated_from


def test_a_change_to_the_english_is_flagged_at_its_translation_until_checked(bilingual_guide_copy, capsys):
    advice = Path("content/advice/after-the-date.yml")
    advice.write_text(advice.read_text(encoding="utf-8").replace(
        "title: Send one polite follow-up", "title: Send one kind follow-up"), encoding="utf-8")
    english_line = next(n for n, line in enumerate(advice.read_text().splitlines(), 1) if "one kind follow-up" in line)
    spanish = Path("content/translations/es/advice/after-the-date.yml")
    spanish_line = next(n for n, line in enumerate(spanish.read_text().splitlines(), 1)
                        if "title: Envía un solo mensaje" in line)

    kb = load_knowledge_base(Path("content"), language="es")  # still builds: a warning, not a problem
    assert [str(w) for w in kb.warnings] == [
        f"content/translations/es/advice/after-the-date.yml:{spanish_line}:12: the English of 'title' of the "
        f"entry 'send-one-follow-up' has changed since this translation was checked (content/advice/after-the-date.yml:"
        f"{english_line}:12); update the translation if it needs it, then run `followup-guide translation es --checked`"]

    assert main(["translation", "es", "--checked"]) == 0
    assert "translated-from.yml" in capsys.readouterr().out
    assert load_knowledge_base(Path("content"), language="es").warnings == ()


def test_a_change_to_an_english_page_is_flagged_at_its_translated_page_until_checked(bilingual_guide_copy, capsys):
    sources = GuideSources(Path("content"), None, None, None, ("en", "es"))
    page = Path("content/pages/privacy.md")
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence about storage.\n", encoding="utf-8")
    assert [str(w) for w in load_guides(sources)["es"][0].warnings] == [
        "content/translations/es/pages/privacy.md:1:1: the English of this page has changed since this translation was "
        "checked (content/pages/privacy.md); update the translation if it needs it, then run "
        "`followup-guide translation es --checked`"]
    assert main(["translation", "es", "--checked"]) == 0
    assert load_guides(sources)["es"][0].warnings == ()


def test_checking_a_translation_with_a_text_missing_writes_nothing(bilingual_guide_copy, capsys):
    fingerprints = Path("content/translations/es/translated-from.yml")
    before = fingerprints.read_text(encoding="utf-8")
    spanish = Path("content/translations/es/advice/after-the-date.yml")
    spanish.write_text(spanish.read_text(encoding="utf-8").replace("    title: Envía un solo mensaje", "    titel: Envía un solo mensaje"),
                       encoding="utf-8")
    assert main(["translation", "es", "--checked"]) == 1
    assert "unknown field 'titel'" in capsys.readouterr().err
    assert fingerprints.read_text(encoding="utf-8") == before


def test_a_change_that_leaves_out_a_default_text_asks_nothing_of_the_default_guides_files(bilingual_guide_copy):
    # A don't made a do has no 'instead': the default guide's Spanish of it is simply not used
    # (it was "remove it here", at a file of the installed package, and the build stopped).
    (bilingual_guide_copy / "overlay").mkdir()
    Path("overlay/changes.yml").write_text("change:\n  entries:\n    chase-again:\n      kind: do\n", encoding="utf-8")
    kb = load_knowledge_base(Path("content"), Path("overlay"), language="es")
    assert kb.entries["chase-again"].instead is None and kb.warnings == ()


# -- translated-from.yml: a career center checks its own translations, the default guide its own ----

OUR_ADVICE = """\
entries:
  - id: book-a-debrief
    kind: do
    phase: afterwards
    title: Book a debrief with an adviser
    summary: Talk the interview through with someone from the career center.
    body: |
      An adviser can help you see what went well and what to practise.
"""
OUR_SPANISH = """\
entries:
  book-a-debrief:
    title: Pide una reunión con una persona del centro de carreras
    summary: Repasa la entrevista con alguien del centro de carreras.
    body: |
      Una persona del centro te ayuda a ver qué salió bien y qué practicar.
"""


def _center(guide: Path) -> GuideSources:
    """A center's overlay over the copy of the default guide in `guide`: an entry of its own, a
    change to a default entry, its own Spanish of a default text, a page of its own; each with
    its Spanish, none checked yet."""
    files = {
        "advice/ours.yml": OUR_ADVICE,
        "translations/es/advice/ours.yml": OUR_SPANISH,
        "changes.yml": "change:\n  entries:\n    send-one-follow-up:\n      body: Wait a full week, then write once.\n",
        "translations/es/advice/changes.yml": "entries:\n  send-one-follow-up:\n"
                                              "    body: Espera una semana completa y luego escribe una vez.\n",
        # The center prefers its own words for a default title (the English stays the guide's).
        "translations/es/advice/after-the-date.yml": "entries:\n  then-wait:\n    title: Luego, a esperar\n",
        "pages/our-office.md": "# Our office\n\nCome and see us.\n",
        "translations/es/pages/our-office.md": "# Nuestra oficina\n\nVen a vernos.\n",
    }
    for name, text in files.items():
        (guide / "overlay" / name).parent.mkdir(parents=True, exist_ok=True)
        (guide / "overlay" / name).write_text(text, encoding="utf-8")
    return GuideSources(Path("content"), Path("overlay"), None, Path("overlay/pages"), ("en", "es"))


def _warnings(sources: GuideSources) -> list[str]:
    return [str(w) for w in load_guides(sources)["es"][0].warnings]


def _line(path: str, text: str) -> int:
    return next(n for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _edit(path: str, old: str, new: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    assert old in text, (path, old)
    Path(path).write_text(text.replace(old, new), encoding="utf-8")


def test_a_centers_check_records_only_the_texts_its_own_files_translate(bilingual_guide_copy):
    sources = _center(bilingual_guide_copy)
    # Written for the first time, nothing checked yet: not "changed since it was checked".
    assert _warnings(sources) == []

    written = record_checked(sources, "es")

    assert written == Path("overlay/translations/es/translated-from.yml")
    marks = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert sorted(marks) == ["entry/book-a-debrief/body", "entry/book-a-debrief/summary", "entry/book-a-debrief/title",
                             "entry/send-one-follow-up/body", "entry/then-wait/title", "page/our-office.md"]
    assert marks["entry/then-wait/title"] == fingerprint("After that, wait")  # the default guide's English
    assert _warnings(sources) == []


def test_translation_checked_in_a_folder_made_by_init_lists_its_own_texts(tmp_path, monkeypatch, capsys):
    center = make_center(tmp_path / "center", "State University Career Center", **{
        "content__advice__ours.yml": OUR_ADVICE, "content__translations__es__advice__ours.yml": OUR_SPANISH})
    monkeypatch.chdir(center)

    assert main(["translation", "es", "--checked"]) == 0

    assert "Wrote content/translations/es/translated-from.yml" in capsys.readouterr().out
    marks = yaml.safe_load(Path("content/translations/es/translated-from.yml").read_text(encoding="utf-8"))
    assert sorted(marks) == ["entry/book-a-debrief/body", "entry/book-a-debrief/summary", "entry/book-a-debrief/title"]
    # A text translated since is a note, not a warning: nothing is wrong with it.
    Path("content/advice/ours.yml").write_text(OUR_ADVICE + "    checklist: Book a debrief\n", encoding="utf-8")
    Path("content/translations/es/advice/ours.yml").write_text(OUR_SPANISH + "    checklist: Pide una reunión\n",
                                                               encoding="utf-8")
    assert main(["validate"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "content/translations/es/advice/ours.yml:7:16: note: the translation of 'checklist' of the entry "
        "'book-a-debrief' is not marked as checked yet; once it is right, run `followup-guide translation es "
        "--checked`, so that a later change to its English is pointed out"]


def test_translation_refuses_what_would_replace_a_translation_the_guide_ships(tmp_path, monkeypatch, capsys):
    """In a center's folder, English copies of every text under translations/es/ would hide the
    guide's own Spanish (the build passed, and the Spanish pages read in English); the guide's own
    language has nothing to translate. Nothing is written either way."""
    center = make_center(tmp_path / "center", "State University Career Center")
    monkeypatch.chdir(center)
    assert main(["translation", "es"]) == 1
    assert main(["translation", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "followup-guide: 'es' comes with the guide, already translated; a file of every text in English would "
        "replace that translation. Translate only your own texts: `followup-guide validate` names each one still "
        "missing in 'es' and the file to write it in",
        "followup-guide: 'en' is the guide's own language: its texts are the content itself; name the language to "
        "translate into, like 'fr'"]
    assert not Path("content/translations").exists()


def test_after_an_upgrade_only_the_centers_own_translations_are_flagged(bilingual_guide_copy):
    sources = _center(bilingual_guide_copy)
    record_checked(sources, "es")
    # A new version of the guide rewords a title in English and Spanish, and a page, and
    # checks its own translations (as the project does before a release).
    _edit("content/advice/after-the-date.yml", "title: Send one polite follow-up", "title: Send one kind follow-up")
    _edit("content/translations/es/advice/after-the-date.yml", "title: Envía un solo mensaje amable de seguimiento",
          "title: Envía un solo seguimiento amable")
    _edit("content/pages/privacy.md", "\n## ", "\nOne more sentence about storage.\n\n## ")
    _edit("content/translations/es/pages/privacy.md", "\n## ", "\nUna frase más sobre el almacenamiento.\n\n## ")
    record_checked(GuideSources(Path("content"), None, None, None, ("en", "es")), "es")

    assert _warnings(sources) == []  # nothing of the default guide's own Spanish is the center's to check

    # The same version rewords the title the center translated itself, and the center edits
    # its own entry: each is flagged at the center's translation, naming the English.
    _edit("content/advice/after-the-date.yml", "title: After that, wait", "title: Then wait")
    _edit("overlay/advice/ours.yml", "title: Book a debrief with an adviser", "title: Book a debrief")
    own, english_line = "overlay/translations/es/advice", _line("content/advice/after-the-date.yml", "Then wait")
    assert _warnings(sources) == [
        f"{own}/after-the-date.yml:3:12: the English of 'title' of the entry 'then-wait' has changed since this "
        f"translation was checked (content/advice/after-the-date.yml:{english_line}:12); update the translation if "
        "it needs it, then run `followup-guide translation es --checked`",
        f"{own}/ours.yml:3:12: the English of 'title' of the entry 'book-a-debrief' has changed since this translation "
        "was checked (overlay/advice/ours.yml:5:12); update the translation if it needs it, then run "
        "`followup-guide translation es --checked`",
    ]
    record_checked(sources, "es")
    assert _warnings(sources) == []


def test_a_translation_added_since_the_last_check_is_noted_once_per_file(bilingual_guide_copy):
    sources = _center(bilingual_guide_copy)
    record_checked(sources, "es")
    Path("overlay/advice/ours.yml").write_text(OUR_ADVICE + (
        "\n  - id: practise-out-loud\n    kind: do\n    phase: afterwards\n    title: Practise out loud\n"
        "    summary: Say your answers aloud once before the next round.\n    body: Once is enough.\n"),
        encoding="utf-8")
    Path("overlay/translations/es/advice/ours.yml").write_text(OUR_SPANISH + (
        "  practise-out-loud:\n    title: Practica en voz alta\n"
        "    summary: Di tus respuestas en voz alta una vez antes de la siguiente ronda.\n"
        "    body: Con una vez basta.\n"), encoding="utf-8")
    Path("overlay/pages/hours.md").write_text("# Opening hours\n\nMonday to Friday.\n", encoding="utf-8")
    Path("overlay/translations/es/pages/hours.md").write_text("# Horario\n\nDe lunes a viernes.\n", encoding="utf-8")

    assert _warnings(sources) == [
        "overlay/translations/es/advice/ours.yml:8:12: the translation of 'title' of the entry 'practise-out-loud' and "
        "2 more in this file are not marked as checked yet; once they are right, run `followup-guide translation es "
        "--checked`, so that a later change to their English is pointed out",
        "overlay/translations/es/pages/hours.md:1:1: this translation is not marked as checked yet; once it is right, "
        "run `followup-guide translation es --checked`, so that a later change to the English page is pointed out",
    ]
    assert {w.label for w in load_guides(sources)["es"][0].warnings} == {"note"}
    record_checked(sources, "es")
    assert _warnings(sources) == []


def _content() -> Path:
    from generator.package_data import default_path

    return default_path("content")


def _rename_entry(old: str, new: str) -> None:
    """The project renames an entry in its English and Spanish files, keeping the former id."""
    for path in Path("content").rglob("*.yml"):
        if path.name != "translated-from.yml" and old in path.read_text(encoding="utf-8"):
            _edit(str(path), old, new)
    _edit(next(str(p) for p in Path("content/advice").glob("*.yml") if f"- id: {new}\n" in p.read_text()),
          f"  - id: {new}\n", f"  - id: {new}\n    former_ids: [{old}]\n")


def test_a_translation_checked_under_a_former_id_stays_checked_after_the_rename(bilingual_guide_copy):
    checked = Path("content/translations/es/translated-from.yml")
    assert {"entry/keep-searching/title", "guide/timeline/points/close-the-loop/label"} <= set(
        yaml.safe_load(checked.read_text(encoding="utf-8")))  # checked under the ids they have today
    _rename_entry("keep-searching", "keep-applying")
    _rename_entry("close-the-loop", "write-once-more")  # a point of the timeline names it too
    sources = GuideSources(Path("content"), None, None, None, ("en", "es"))

    assert _warnings(sources) == []  # their English is the same: still checked (was "not marked as checked yet")

    # A change to the English since it was checked is flagged, as it was under the former id.
    _edit("content/advice/while-you-wait.yml", "title: Keep applying and interviewing", "title: Keep applying")
    _edit("content/guide.yml", "label: One other contact, then move on", "label: One more contact")
    english_line = _line("content/advice/while-you-wait.yml", "title: Keep applying")
    point_line = _line("content/guide.yml", "label: One more contact")
    spanish_line = _line("content/translations/es/advice/while-you-wait.yml", "  keep-applying:") + 1
    spanish_point_line = _line("content/translations/es/guide.yml", "    write-once-more:") + 1
    assert _warnings(sources) == [
        f"content/translations/es/guide.yml:{spanish_point_line}:14: the English of 'label' of the timeline point "
        f"'write-once-more' has changed since this translation was checked (content/guide.yml:{point_line}:14); "
        "update the translation if it needs it, then run `followup-guide translation es --checked`",
        f"content/translations/es/advice/while-you-wait.yml:{spanish_line}:12: the English of 'title' of the entry "
        f"'keep-applying' has changed since this translation was checked (content/advice/while-you-wait.yml:"
        f"{english_line}:12); update the translation if it needs it, then run `followup-guide translation es --checked`"]

    record_checked(sources, "es")  # checked again: recorded under the ids they have now
    marks = set(yaml.safe_load(checked.read_text(encoding="utf-8")))
    assert {"entry/keep-applying/title", "guide/timeline/points/write-once-more/label"} <= marks
    assert not any("keep-searching" in where or "close-the-loop" in where for where in marks)
    assert _warnings(sources) == []


def test_texts_left_in_english_are_one_warning_per_file(tmp_path):
    """A file from `translation <code>` holds the English until someone translates it: published as
    it is, the other language's pages would read in English; three such texts or more are said."""
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "translations" / "entries-translated-as-a-list"
    overlay = tmp_path / "overlay"
    shutil.copytree(fixture / "overlay" / "advice", overlay / "advice")
    spanish = overlay / "translations" / "es" / "advice" / "ours.yml"
    spanish.parent.mkdir(parents=True)
    spanish.write_text(
        "entries:\n  book-a-debrief:\n    title: Book a debrief with an adviser\n"
        "    summary: Talk the interview through with someone from the career center.\n"
        "    body: |\n      An adviser can help you see what went well and what to practise.\n"
        "    checklist: Pide una reunión con alguien del centro\n")
    kb = load_knowledge_base(Path(__file__).resolve().parents[2] / "content", overlay, language="es")
    assert [str(w) for w in kb.warnings if "still the English" in w.message] == [
        f"{spanish}:3:12: this text and 2 more in this file are still the English; translate them before you "
        "publish the guide in 'es'"]
