"""The reading grade of the guide's advice: the Flesch-Kincaid grade level.

    grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59

It is the school year (US grade) a reader needs to follow a text: 8 is the level most
public-health and plain-language guides aim for. The text of an entry is its title, summary,
body and "instead", with Markdown marks removed; a title, a list item and a line ending
in ".", "!", "?" or ":" each count as one sentence. Syllables are counted by the usual
rule of thumb (groups of vowels, less a silent final "e"), which is close to a dictionary
count for everyday English words.

The Spanish guide is measured with a formula made for Spanish, the Szigriszt-Pazos
perspicuity index (1993), on the INFLESZ scale (Barrio-Cantalejo et al., 2008):

    perspicuity = 206.835 − 62.3 × (syllables ÷ words) − (words ÷ sentences)

from 0 (very hard) to 100 (very easy): 55 to 65 is "normal", the level of a general newspaper;
65 to 80 "fairly easy". Spanish syllables are counted by its spelling rules: each vowel group
is one syllable, except where two strong vowels (a, e, o) or an accented i or u meet, which
split it; the u of "que", "qui", "gue" and "gui" is silent, and a final y is a vowel ("hoy").

Run `python tests/reading_grade.py` for the figures reported in the README.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    word = word.lower().replace("’", "'").split("'")[0]
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # a silent final e: "time", "make"
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1  # "asked", "planned"
    return max(count, 1)


def plain(markdown: str) -> str:
    """Markdown without its marks: links keep their text, list items end as sentences."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`#>]", "", text)
    return text


def sentences(text: str) -> list[str]:
    parts = []
    for line in re.split(r"\n\s*\n|\n\s*(?:[-+]|\d+\.)\s+", "\n" + text):
        line = " ".join(line.split()).lstrip("-+ ")
        parts += [s for s in re.split(r"(?<=[.!?:;])\s+", line) if _WORD.search(s)]
    return parts


@dataclass(frozen=True)
class Grade:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    def __add__(self, other: Grade) -> Grade:
        return Grade(self.words + other.words, self.sentences + other.sentences, self.syllables + other.syllables)


def measure(text: str) -> Grade:
    found = sentences(text)
    words = [w for s in found for w in _WORD.findall(s)]
    return Grade(len(words), len(found), sum(syllables(w) for w in words))


_SPANISH_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_STRONG = set("aeoáéó") | set("íú")  # an accented i or u is a vowel of its own
_VOWELS = set("aeiouáéíóúü")


def spanish_syllables(word: str) -> int:
    word = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word.lower())
    word = re.sub(r"y$", "i", word)
    count, previous = 0, None
    for letter in word:
        if letter not in _VOWELS:
            previous = None
            continue
        if previous is None or (previous in _STRONG and letter in _STRONG):
            count += 1  # a new syllable: after a consonant, or a hiatus of two strong vowels
        previous = letter
    return max(count, 1)


@dataclass(frozen=True)
class Perspicuity:
    words: int
    sentences: int
    syllables: int

    @property
    def score(self) -> float:
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences

    def __add__(self, other: Perspicuity) -> Perspicuity:
        return Perspicuity(self.words + other.words, self.sentences + other.sentences, self.syllables + other.syllables)


def measure_spanish(text: str) -> Perspicuity:
    found = sentences(text)
    words = [w for s in found for w in _SPANISH_WORD.findall(s)]
    return Perspicuity(len(words), len(found), sum(spanish_syllables(w) for w in words))


def spanish_scores(kb) -> dict[str, Perspicuity]:
    return {entry_id: measure_spanish(entry_text(entry)) for entry_id, entry in kb.entries.items()}


def entry_text(entry) -> str:
    """What a reader reads of an entry, as sentences separated by blank lines."""
    return "\n\n".join(plain(part) for part in (entry.title, entry.summary, entry.body, entry.instead or "") if part)


def grades(kb) -> dict[str, Grade]:
    return {entry_id: measure(entry_text(entry)) for entry_id, entry in kb.entries.items()}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from support import DEFAULT_KB

    from support import SPANISH_KB

    by_entry = grades(DEFAULT_KB)
    whole = sum(by_entry.values(), Grade(0, 0, 0))
    hardest = max(by_entry, key=lambda e: by_entry[e].grade)
    print(f"Whole guide: grade {whole.grade:.1f} ({whole.words} words, {whole.sentences} sentences)")
    print(f"Hardest entry: {hardest}, grade {by_entry[hardest].grade:.1f}")
    for entry_id, grade in sorted(by_entry.items(), key=lambda item: -item[1].grade)[:8]:
        print(f"  {grade.grade:5.1f}  {entry_id}")
    spanish = spanish_scores(SPANISH_KB)
    whole_es = sum(spanish.values(), Perspicuity(0, 0, 0))
    hardest_es = min(spanish, key=lambda e: spanish[e].score)
    print(f"Spanish: perspicuity {whole_es.score:.1f} ({whole_es.words} words, {whole_es.sentences} sentences)")
    for entry_id, score in sorted(spanish.items(), key=lambda item: item[1].score)[:8]:
        print(f"  {score.score:5.1f}  {entry_id}")
