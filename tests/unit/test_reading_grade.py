"""Every entry of the guide reads at grade 8 or below (Flesch-Kincaid; tests/reading_grade.py)."""
from __future__ import annotations

import pytest
from reading_grade import (Grade, Perspicuity, grades, measure, measure_spanish, sentences, spanish_scores,
                           spanish_syllables, syllables)
from support import DEFAULT_KB, ROOT, SPANISH_KB

HIGHEST_GRADE = 8.0


@pytest.mark.parametrize("word, count", [
    ("the", 1), ("time", 1), ("asked", 1), ("people", 2), ("little", 2), ("follow", 2),
    ("interview", 3), ("recommend", 3), ("application", 4), ("opportunity", 5),
])
def test_syllables_are_counted_like_a_dictionary_for_everyday_words(word, count):
    assert syllables(word) == count


def test_titles_list_items_and_full_stops_end_sentences():
    assert sentences("A title\n\nOne. Two!\n\n- three,\n- four.") == ["A title", "One.", "Two!", "three,", "four."]


def test_the_formula_matches_a_worked_example():
    # 13 words, 2 sentences, 14 syllables: 0.39 × 6.5 + 11.8 × 14 ÷ 13 − 15.59 = −0.35
    grade = measure("The cat sat on the mat. Then it ran to a tiny house.")
    assert (grade.words, grade.sentences, grade.syllables) == (13, 2, 14)
    assert grade.grade == pytest.approx(-0.347, abs=0.001)
    assert measure("Negotiating remuneration necessitates considerable deliberation.").grade > 20


@pytest.mark.parametrize("entry_id", list(DEFAULT_KB.entries))
def test_every_entry_reads_at_grade_8_or_below(entry_id):
    grade = grades(DEFAULT_KB)[entry_id]
    assert grade.grade <= HIGHEST_GRADE, f"{entry_id} reads at grade {grade.grade:.1f}; use shorter sentences and words"


def test_the_whole_guide_reads_at_grade_6_or_below():
    whole = sum(grades(DEFAULT_KB).values(), Grade(0, 0, 0))
    assert whole.grade <= 6.0


def test_the_readme_reports_the_current_figures():
    by_entry = grades(DEFAULT_KB)
    whole = sum(by_entry.values(), Grade(0, 0, 0))
    hardest = max(by_entry, key=lambda entry_id: by_entry[entry_id].grade)
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"the whole guide reads at **grade {whole.grade:.1f}** ({whole.words:,} words in {whole.sentences:,} sentences)" in readme
    assert f"the hardest entry, `{hardest}`, at **grade {by_entry[hardest].grade:.1f}**" in readme


# The Spanish guide: Szigriszt-Pazos perspicuity on the INFLESZ scale (tests/reading_grade.py).
LOWEST_PERSPICUITY = 55.0  # "normal": a general newspaper


@pytest.mark.parametrize("word, count", [
    ("que", 1), ("guerra", 2), ("hoy", 1), ("entrevista", 4), ("correo", 3), ("día", 2), ("país", 2),
    ("aéreo", 4), ("agradecimiento", 6), ("seguimiento", 4), ("cuidado", 3), ("reunión", 2),  # reu-nión, as spelt
])
def test_spanish_syllables_follow_its_spelling_rules(word, count):
    assert spanish_syllables(word) == count


def test_the_spanish_formula_matches_a_worked_example():
    # 10 words, 2 sentences, 18 syllables: 206.835 − 62.3 × 1.8 − 5 = 89.695
    score = measure_spanish("El gato se sentó. Luego corrió a una casa pequeña.")
    assert (score.words, score.sentences, score.syllables) == (10, 2, 18)
    assert score.score == pytest.approx(89.695, abs=0.001)
    assert measure_spanish("La negociación remunerativa necesita deliberaciones considerablemente prolongadas.").score < 30


@pytest.mark.parametrize("entry_id", list(SPANISH_KB.entries))
def test_every_spanish_entry_reads_at_a_normal_level_or_easier(entry_id):
    score = spanish_scores(SPANISH_KB)[entry_id]
    assert score.score >= LOWEST_PERSPICUITY, f"{entry_id}: perspicuity {score.score:.1f}; use shorter sentences and words"


def test_the_readme_reports_the_spanish_figures_beside_the_english_ones():
    by_entry = spanish_scores(SPANISH_KB)
    whole = sum(by_entry.values(), Perspicuity(0, 0, 0))
    hardest = min(by_entry, key=lambda entry_id: by_entry[entry_id].score)
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (f"the Spanish guide has a perspicuity of **{whole.score:.1f}** ({whole.words:,} words in "
            f"{whole.sentences:,} sentences) and its hardest entry, `{hardest}`, **{by_entry[hardest].score:.1f}**") in readme
