"""The guide in another language (loading/translations.py): each folder of
tests/fixtures/translations is a career center's overlay over the default guide, loaded in
Spanish; loading must fail with exactly the messages of its expected.txt, each at the line of
the English text that needs a translation or of the translation that is wrong."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.loading.loader import load_knowledge_base
from generator.loading.sources import GuideSources, load_guides
from generator.model.fields import InLanguage
from generator.problems import ContentError
from generator.rendering.pages import render_site

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
                        "log_step_on"):  # only placeholders
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


def _content() -> Path:
    from generator.package_data import default_path

    return default_path("content")
