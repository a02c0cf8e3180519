"""A center's guide.yml changes the guide's phases, moments and outcomes by id: an item with the
id of one changes only the fields it gives, an item with a new id is added where it is listed,
and nothing of the guide's list is dropped (loading/merge.py). Mistakes: tests/fixtures/bad-overlays."""
from __future__ import annotations

from pathlib import Path

from support import DEFAULT_KB, make_center

from generator.loading.loader import load_knowledge_base

PHASES = [p.id for p in DEFAULT_KB.phases]


def load(guide_copy: Path, **files: str):
    for name, text in files.items():
        path = guide_copy / "overlay" / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_knowledge_base(Path("content"), Path("overlay"))


def test_one_phase_listed_changes_its_title_and_keeps_all_seven_phases(guide_copy):
    kb = load(guide_copy, **{"guide.yml": "phases:\n  - id: while-you-wait\n    title: While you are waiting\n"})

    assert [p.id for p in kb.phases] == PHASES and len(PHASES) == 7
    waiting = next(p for p in kb.phases if p.id == "while-you-wait")
    default = next(p for p in DEFAULT_KB.phases if p.id == "while-you-wait")
    assert waiting.title == "While you are waiting"
    assert waiting.summary == default.summary and waiting.introduction == default.introduction
    assert [e.id for e in waiting.entries] == [e.id for e in default.entries]
    assert [p.title for p in kb.phases if p.id != "while-you-wait"] == [
        p.title for p in DEFAULT_KB.phases if p.id != "while-you-wait"]


def test_a_moment_given_if_not_given_alone_keeps_the_others_so_its_step_can_be_hidden(guide_copy):
    # What the message about hiding 'send-one-follow-up' advises (tests/fixtures/bad-overlays/hiding-a-dependency).
    kb = load(guide_copy, **{
        "guide.yml": "moments:\n  - id: follow-up\n    if_not_given: {after: 10 days, of: stated-date}\n",
        "changes.yml": "hide:\n  entries: [send-one-follow-up]\n"})

    assert list(kb.moments) == list(DEFAULT_KB.moments) == ["interview", "stated-date", "follow-up", "offer", "answer-date"]
    follow_up = kb.moments["follow-up"]
    assert (follow_up.if_not_given.relation, follow_up.if_not_given.duration.amount) == ("after", 10)
    assert follow_up.label == DEFAULT_KB.moments["follow-up"].label and follow_up.reached_by is None
    assert kb.moments["stated-date"] == DEFAULT_KB.moments["stated-date"]
    assert "close-the-loop" in kb.entries and "send-one-follow-up" not in kb.entries


def test_a_timing_given_replaces_the_moments_timing_whole(guide_copy):
    kb = load(guide_copy, **{
        "guide.yml": "moments:\n  - id: stated-date\n    if_not_given: {within: 3 days, of: interview}\n"})

    assumed = kb.moments["stated-date"].if_not_given
    assert (assumed.relation, assumed.duration.amount, assumed.of) == ("within", 3, "interview")
    assert assumed.after is None  # the default guide's 'after: 7 days' is not kept beside it


def test_a_new_id_is_added_where_it_is_listed(guide_copy):
    kb = load(guide_copy, **{"guide.yml": """\
phases:
  - id: our-workshop
    title: Before your first interview
    summary: Practise with us.
  - id: before-you-leave
  - id: within-24-hours
    title: Within a day
  - id: debrief
    title: Talk it through
    summary: Book a debrief with an adviser.
outcomes:
  - id: on-hold
    label: They put the hiring on hold
    phase: while-you-wait
""", "advice__ours.yml": """\
entries:
  - id: book-a-debrief
    kind: do
    phase: debrief
    title: Book a debrief
    summary: An adviser helps you read the interview.
    body: Call us.
"""})

    assert [p.id for p in kb.phases] == ["our-workshop", "before-you-leave", "within-24-hours", "debrief",
                                         *PHASES[2:]]
    assert [p.title for p in kb.phases][2:4] == ["Within a day", "Talk it through"]
    assert [e.id for e in kb.phases[3].entries] == ["book-a-debrief"]
    assert [o.id for o in kb.outcomes] == [*(o.id for o in DEFAULT_KB.outcomes), "on-hold"]


def test_an_empty_list_still_replaces_the_guides(guide_copy):
    # The one way to have no outcomes at all; 'moments: []' is reported (bad-overlays/empty-moments).
    assert load(guide_copy, **{"guide.yml": "outcomes: []\n"}).outcomes == ()


def test_a_centers_changed_title_is_reported_only_in_its_own_file(tmp_path, monkeypatch, capsys):
    """The staffer's steps of finding H5, in a center that publishes Spanish too: the changed title
    needs its translation, said at the center's line, and nothing about the package's files."""
    from generator.cli import main

    center = make_center(tmp_path / "center", "Our Center", **{
        "content__guide.yml": "phases:\n  - id: while-you-wait\n    title: While you are waiting\n"})
    monkeypatch.chdir(center)
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "content/guide.yml:3:12: 'title' of the phase 'while-you-wait' is changed here, and its 'es' translation "
        "is still the default guide's; translate the change in content/translations/es/guide.yml",
        "1 problem in the content; nothing was built."]
