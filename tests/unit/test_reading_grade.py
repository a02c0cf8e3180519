"""Every entry of the guide reads at grade 8 or below (Flesch-Kincaid; tests/reading_grade.py)."""
from __future__ import annotations

import pytest
from reading_grade import Grade, grades, measure, sentences, syllables
from support import DEFAULT_KB, ROOT

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
