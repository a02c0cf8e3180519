"""Languages a career center chooses: French added to its copy with a few texts and a fallback
for the rest, built by one command and zipped with both languages; a new language started
with `followup-guide translation`; plain `mkdocs build` builds the first language."""
from __future__ import annotations

import zipfile

from support import make_center

from generator.cli import OFFLINE_SWITCH, main

FRENCH = {
    "content__translations__fr__guide.yml": "title: Après l'entretien\nlabels:\n  home: Accueil\n  language_name: Français\n",
    "content__translations__fr__advice__before-you-leave.yml": (
        "entries:\n  ask-when-you-will-hear:\n    title: Demandez quand vous aurez une réponse\n"),
    "content__translations__fr__pages__privacy.md": "# Votre vie privée\n\nCe guide ne vous suit pas.\n",
    "content__pages__workshops.md": "# Our workshops\n\nEvery Tuesday.\n",  # not translated
}


def test_a_center_adds_french_and_publishes_it_with_a_fallback(tmp_path, capsys, monkeypatch):
    center = make_center(tmp_path / "centre", "Centre de carrieres", **FRENCH)
    config = center / "mkdocs.yml"
    config.write_text(config.read_text().replace("languages: [en, es]", "languages: [en, fr]")
                      .replace("missing_translations: fail", "missing_translations: fallback"))
    monkeypatch.chdir(center)
    monkeypatch.setenv(OFFLINE_SWITCH, "false")  # restored afterwards: --offline sets it for the process
    assert main(["build", "--offline", "--zip"]) == 0, capsys.readouterr().err
    warnings = capsys.readouterr().err
    # Every text still in English is named at its line, with the center's file it belongs in.
    assert "content/translations/fr/pages/privacy.md" not in warnings  # translated
    assert "host-your-own-copy.md" not in warnings  # a page for staff, which the center does not publish
    assert ("'summary' of the entry 'ask-when-you-will-hear' has no 'fr' translation; write it in "
            "content/translations/fr/advice/before-you-leave.yml; until then the page shows it") in warnings
    assert "content/pages/workshops.md:1:1: warning: this page has no 'fr' translation; write it in " \
           "content/translations/fr/pages/workshops.md" in warnings

    site = center / "site"
    assert not (site / "es").exists()  # the center chose English and French only
    home = (site / "fr/index.html").read_text()
    assert '<html lang="fr"' in home and "Accueil" in home and "Après l&#39;entretien" in home
    phase = (site / "fr/phases/before-you-leave.html").read_text()
    assert "Demandez quand vous aurez une réponse" in phase
    summary = '<span lang="en">Before the interview ends, ask how long their decision usually takes'
    assert summary in phase  # screen readers read the English in an English voice
    assert "Votre vie privée" in (site / "fr/privacy.html").read_text()
    workshops = (site / "fr/workshops.html").read_text()
    assert '<div lang="en">' in workshops and "Every Tuesday." in workshops
    assert 'href="../../phases/before-you-leave.html" hreflang="en"' in phase  # the switch, page to page

    with zipfile.ZipFile(center / "site.zip") as zipped:
        names = set(zipped.namelist())
    assert {"index.html", "checklist.html", "fr/index.html", "fr/checklist.html"} <= names
    assert any(name.startswith("fr/search/") for name in names)


def test_a_new_language_starts_from_every_text_in_english(bilingual_guide_copy, capsys):
    assert main(["translation", "fr"]) == 0
    assert "Wrote 12 files into content/translations/fr/" in capsys.readouterr().out
    advice = (bilingual_guide_copy / "content/translations/fr/advice/before-you-leave.yml").read_text()
    assert advice.splitlines()[:4] == [
        "# yaml-language-server: $schema=../../../schemas/translation-advice.schema.json",
        "# The texts of advice/before-you-leave.yml in 'fr', by entry id.",
        "entries:", "  ask-when-you-will-hear:"]
    config = bilingual_guide_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("languages: [en, es]", "languages: [en, es, fr]")
                      .replace("missing_translations: fallback", "missing_translations: fail"))
    assert main(["validate"]) == 0, capsys.readouterr().err  # every text is there, to be translated
    (bilingual_guide_copy / "content/translations/fr/guide.yml").write_text("title: Après l'entretien\n")
    assert main(["translation", "fr"]) == 0
    assert "Wrote 0 files" in capsys.readouterr().out  # what is there is never overwritten
    assert (bilingual_guide_copy / "content/translations/fr/guide.yml").read_text() == "title: Après l'entretien\n"
    assert main(["validate"]) == 1
    line = next(n for n, text in enumerate((bilingual_guide_copy / "content/guide.yml").read_text().splitlines(), 1)
                if text.startswith("description:"))
    assert (f"content/guide.yml:{line}:14: 'description' of the guide has no 'fr' translation; "
            "write it in content/translations/fr/guide.yml") in capsys.readouterr().err
