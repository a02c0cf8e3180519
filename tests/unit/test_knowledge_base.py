"""Loading and validating the knowledge base."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.loading.loader import load_knowledge_base
from generator.model.records import DO, DONT
from generator.problems import ContentError

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def problems_of(content_dir="content") -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path(content_dir))
    return [str(p) for p in raised.value.problems]


def test_the_default_guide_has_do_and_dont_entries_in_every_phase():
    kb = load_knowledge_base(ROOT / "content")
    assert [p.id for p in kb.phases] == [
        "before-you-leave", "within-24-hours", "while-you-wait",
        "after-the-date", "when-the-answer-comes", "when-an-offer-comes", "afterwards",
    ]
    for phase in kb.phases:
        assert phase.dos and phase.donts, phase.id
        assert any(e.checklist for e in phase.entries), phase.id
    assert all(e.instead for e in kb.entries.values() if e.kind == DONT)


def test_timings_are_machine_readable():
    kb = load_knowledge_base(ROOT / "content")
    thanks = kb.entries["send-a-thank-you"].timing
    assert (thanks.relation, thanks.duration.amount, thanks.duration.unit, thanks.moment_id) == (
        "within", 2, "working days", "interview")
    follow_up = kb.entries["send-one-follow-up"].timing
    assert (follow_up.relation, follow_up.duration.amount, follow_up.duration.unit, follow_up.moment_id) == (
        "after", 7, "days", "stated-date")


def test_values_stay_the_text_that_was_typed(guide_copy):
    write(guide_copy / "content/advice/extra.yml", """\
entries:
  - id: typed-values
    kind: do
    phase: afterwards
    title: no
    summary: 9:30
    body: 2024-03-01
    checklist: 01234
""")
    entry = load_knowledge_base(Path("content")).entries["typed-values"]
    assert (entry.title, entry.summary, entry.body, entry.checklist) == ("no", "9:30", "2024-03-01", "01234")


def test_entries_keep_the_order_they_are_written_in(guide_copy):
    kb = load_knowledge_base(Path("content"))
    assert [e.id for e in kb.phases[0].entries] == [
        "ask-when-you-will-hear", "ask-how-to-follow-up", "collect-names-and-contacts", "press-for-a-decision"]
    assert all(e.kind == DO for e in kb.phases[0].dos)


def test_a_label_with_an_unknown_placeholder_is_an_error(guide_copy):
    guide = guide_copy / "content/guide.yml"
    guide.write_text(guide.read_text().replace(
        "timing_after: about {duration} after {moment}", "timing_after: about {duraton} after {moment}"))
    [problem] = problems_of()
    assert problem.endswith(
        "'timing_after' uses the unknown placeholder {duraton} (it can use: {duration}, {moment})")
    assert problem.startswith("content/guide.yml:")


def test_a_missing_guide_file_is_named(guide_copy):
    (guide_copy / "content/guide.yml").unlink()
    assert problems_of() == [
        "content/guide.yml:1:1: this file is missing; the guide's title, phases and labels live in it"]


def test_an_unsupported_tag_is_rejected(guide_copy):
    write(guide_copy / "content/advice/extra.yml", """\
entries:
  - id: tagged
    kind: do
    phase: afterwards
    title: !!python/object:os.system echo
    summary: Text.
    body: Text.
""")
    assert problems_of() == [
        "content/advice/extra.yml:5:12: the tag 'tag:yaml.org,2002:python/object:os.system' is not supported; remove it"]


def test_a_file_starting_with_a_byte_order_mark_is_read(guide_copy):
    path = guide_copy / "content/advice/afterwards.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "stay-in-touch" in load_knowledge_base(Path("content")).entries


def test_problems_of_several_files_are_all_reported_in_order(guide_copy):
    write(guide_copy / "content/advice/a.yml", "entries:\n  - id: a\n    kind: maybe\n")
    write(guide_copy / "content/advice/b.yml", "")
    problems = problems_of()
    assert problems == [
        "content/advice/a.yml:2:5: this entry has no 'phase'; add it",
        "content/advice/a.yml:2:5: this entry has no 'title'; add it",
        "content/advice/a.yml:2:5: this entry has no 'summary'; add it",
        "content/advice/a.yml:2:5: this entry has no 'body'; add it",
        "content/advice/a.yml:3:11: 'kind' must be 'do' or 'don't', not 'maybe'",
        "content/advice/b.yml:1:1: the file is empty; add its content or delete the file",
    ]


def test_search_words_of_a_phase_are_a_list_of_text(guide_copy):
    guide = guide_copy / "content/guide.yml"
    text = guide.read_text(encoding="utf-8")
    line = text.splitlines().index("    search_words: [LinkedIn, stay in touch, networking]") + 1
    guide.write_text(text.replace("[LinkedIn, stay in touch, networking]", "LinkedIn"), encoding="utf-8")
    assert problems_of() == [f"content/guide.yml:{line}:19: 'search_words' should be a list (lines starting with '- '), not text"]
    guide.write_text(text.replace("[LinkedIn, stay in touch, networking]", '["", networking]'), encoding="utf-8")
    assert problems_of() == [f"content/guide.yml:{line}:20: 'search_words' is empty; write its text"]


def test_the_default_guide_gives_search_words_to_its_phases():
    kb = load_knowledge_base(ROOT / "content")
    words = {p.id: p.search_words for p in kb.phases}
    assert "ghosted" in words["after-the-date"] and "negotiate" in words["when-an-offer-comes"]


def test_a_field_filled_with_an_answers_day_is_a_date_field_naming_an_answer(guide_copy):
    templates = guide_copy / "content/message-templates.yml"
    default = templates.read_text()
    line = default.splitlines().index("    answer_day_of: offer  # filled in from the application with the offer") + 1
    templates.write_text(default.replace("    type: date\n    answer_day_of: offer", "    answer_day_of: offer"))
    assert problems_of() == [f"content/message-templates.yml:{line - 1}:20: 'answer_day_of' fills in a day, so it is "
                             "for a field with 'type: date'; add that, or remove this line"]
    templates.write_text(default.replace("    answer_day_of: offer", "    answer_day_of: ofer"))
    assert problems_of() == [f"content/message-templates.yml:{line}:20: there is no outcome with the id 'ofer' "
                             "(did you mean 'offer'?)"]
