"""The timing rules of the knowledge base, evaluated in Python."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from support import DEFAULT_KB as KB

from generator.model import timing
from generator.loading.loader import load_knowledge_base
from generator.problems import ContentError
from generator.model.fields import Duration

NEW_YORK = ZoneInfo("America/New_York")  # clocks go forward on 8 March 2026, back on 1 November 2026


def test_the_planner_dates_every_timed_do_in_the_guides_order():
    assert [e.id for e in timing.steps(KB)] == [
        "send-a-thank-you", "send-one-follow-up", "close-the-loop",
        "get-the-offer-in-writing", "ask-for-time-to-decide", "answer-every-offer", "stay-in-touch"]
    rules = timing.rules(KB)
    assert rules["steps"][1] == {"entry": "send-one-follow-up", "relation": "after", "amount": 7, "unit": "days",
                                 "of": "stated-date", "weekends": "move"}
    assert rules["moments"][1]["ifNotGiven"] == {"amount": 7, "unit": "days", "of": "interview"}


def test_a_plan_counts_from_the_dates_the_reader_gave():
    interview = datetime(2026, 5, 4, 10, 30, tzinfo=NEW_YORK)
    stated = datetime(2026, 5, 15, 12, 0, tzinfo=NEW_YORK)
    plan = timing.plan(KB, {"interview": interview, "stated-date": stated})
    assert plan.dates == {  # no offer yet: its steps have no date
        "send-a-thank-you": datetime(2026, 5, 6, 10, 30, tzinfo=NEW_YORK),
        "send-one-follow-up": datetime(2026, 5, 22, 12, 0, tzinfo=NEW_YORK),
        "close-the-loop": datetime(2026, 5, 29, 12, 0, tzinfo=NEW_YORK),
        "stay-in-touch": datetime(2026, 8, 4, 10, 30, tzinfo=NEW_YORK),
    }
    assert plan.assumed == frozenset()
    offer = datetime(2026, 6, 1, 9, 0, tzinfo=NEW_YORK)
    with_offer = timing.plan(KB, {"interview": interview, "stated-date": stated, "offer": offer})
    assert with_offer.dates["ask-for-time-to-decide"] == datetime(2026, 6, 2, 9, 0, tzinfo=NEW_YORK)
    assert "answer-every-offer" not in with_offer.dates  # no day agreed for the answer: none is assumed
    promised = datetime(2026, 6, 6, 12, 0, tzinfo=NEW_YORK)  # a Saturday, kept: it is the day promised
    with_day = timing.plan(KB, {"interview": interview, "stated-date": stated, "offer": offer, "answer-date": promised})
    assert with_day.dates["answer-every-offer"] == promised


def test_a_step_that_falls_on_a_weekend_moves_to_the_next_monday():
    interview = datetime(2026, 3, 6, 15, 0, tzinfo=NEW_YORK)  # a Friday
    stated = datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK)  # a Saturday: a moment, so it stays
    plan = timing.plan(KB, {"interview": interview, "stated-date": stated})
    assert plan.moments["stated-date"] == stated
    assert plan.dates["send-a-thank-you"] == datetime(2026, 3, 10, 15, 0, tzinfo=NEW_YORK)  # 2 working days
    hours = KB.entries["send-a-thank-you"].timing.replace(within=Duration(24, "hours", "24 hours"))
    assert timing.step_date(interview, hours) == datetime(2026, 3, 7, 15, 0, tzinfo=NEW_YORK)  # hours never move
    assert plan.dates["send-one-follow-up"] == datetime(2026, 3, 16, 12, 0, tzinfo=NEW_YORK)  # Sat 14 -> Mon 16
    assert plan.dates["stay-in-touch"] == datetime(2026, 6, 8, 15, 0, tzinfo=NEW_YORK)  # Sat 6 June -> Mon 8


def test_a_timing_that_keeps_weekends_counts_calendar_days(guide_copy):
    advice = guide_copy / "content/advice/after-the-date.yml"
    advice.write_text(advice.read_text().replace("      after: 7 days\n      of: stated-date\n",
                                                 "      after: 7 days\n      of: stated-date\n      weekends: keep\n"))
    kb = load_knowledge_base(Path("content"))
    assert kb.entries["send-one-follow-up"].timing.weekends == "keep"
    plan = timing.plan(kb, {"interview": datetime(2026, 3, 6, 15, 0, tzinfo=NEW_YORK),
                            "stated-date": datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK)})
    assert plan.dates["send-one-follow-up"] == datetime(2026, 3, 14, 12, 0, tzinfo=NEW_YORK)  # a Saturday, kept
    assert timing.rules(kb)["steps"][1]["weekends"] == "keep"


@pytest.mark.parametrize("day, expected", [(6, 6), (7, 9), (8, 9), (9, 9)])
def test_next_working_day(day, expected):
    assert timing.next_working_day(datetime(2026, 3, day, 9, 0, tzinfo=NEW_YORK)).day == expected


def test_without_a_stated_date_the_fallback_of_the_content_is_assumed():
    interview = datetime(2026, 5, 4, 10, 30, tzinfo=NEW_YORK)
    plan = timing.plan(KB, {"interview": interview})
    assert plan.assumed == {"stated-date"}
    assert plan.moments["stated-date"] == datetime(2026, 5, 11, 10, 30, tzinfo=NEW_YORK)
    assert plan.dates["send-one-follow-up"] == datetime(2026, 5, 18, 10, 30, tzinfo=NEW_YORK)


def test_days_keep_the_time_of_day_across_a_daylight_saving_change():
    start = datetime(2026, 3, 6, 15, 0, tzinfo=NEW_YORK)  # EST, UTC-5
    later = timing.add(start, Duration(7, "days", "7 days"))
    assert (later.hour, later.utcoffset().total_seconds() / 3600) == (15, -4)  # EDT


def test_hours_are_elapsed_time_across_a_daylight_saving_change():
    start = datetime(2026, 3, 7, 15, 0, tzinfo=NEW_YORK)
    later = timing.add(start, Duration(24, "hours", "24 hours"))
    assert later == datetime(2026, 3, 8, 16, 0, tzinfo=NEW_YORK)
    assert (later.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds() == 24 * 3600


@pytest.mark.parametrize("start, months, expected", [
    (datetime(2026, 11, 30, 9, 0), 3, datetime(2027, 2, 28, 9, 0)),
    (datetime(2026, 1, 31, 9, 0), 1, datetime(2026, 2, 28, 9, 0)),
    (datetime(2026, 10, 15, 9, 0), 14, datetime(2027, 12, 15, 9, 0)),
])
def test_months_are_calendar_months_ending_on_the_last_day_when_shorter(start, months, expected):
    assert timing.add(start.replace(tzinfo=NEW_YORK), Duration(months, "months", "")) == expected.replace(
        tzinfo=NEW_YORK)


def test_a_step_the_planner_could_never_date_is_an_error(guide_copy):
    guide = guide_copy / "content/guide.yml"
    guide.write_text(guide.read_text().replace("    reached_by: send-one-follow-up\n", ""))
    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path("content"))
    [problem] = [str(p) for p in raised.value.problems]
    assert problem.startswith("content/advice/after-the-date.yml:")
    assert problem.endswith(
        "the planner cannot date 'close-the-loop': nothing gives the date of the moment 'follow-up'; "
        "give that moment an 'ask', an 'if_not_given' or a 'reached_by'")


def test_weekends_in_a_moments_assumption_is_an_error(guide_copy):
    guide = guide_copy / "content/guide.yml"
    guide.write_text(guide.read_text().replace("      after: 7 days\n      of: interview\n",
                                               "      after: 7 days\n      of: interview\n      weekends: keep\n", 1))
    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path("content"))
    [problem] = [str(p) for p in raised.value.problems]
    assert problem.startswith("content/guide.yml:")
    assert problem.endswith("'weekends' is for the timing of a step; a moment's date is never moved. Remove it here")


@pytest.mark.parametrize("start, amount, expected", [
    (datetime(2026, 3, 6, 15, 0, tzinfo=NEW_YORK), 1, datetime(2026, 3, 9, 15, 0, tzinfo=NEW_YORK)),  # Friday: Monday
    (datetime(2026, 3, 6, 15, 0, tzinfo=NEW_YORK), 2, datetime(2026, 3, 10, 15, 0, tzinfo=NEW_YORK)),
    (datetime(2026, 3, 7, 9, 0, tzinfo=NEW_YORK), 1, datetime(2026, 3, 9, 9, 0, tzinfo=NEW_YORK)),  # Saturday: Monday
    (datetime(2026, 3, 2, 9, 0, tzinfo=NEW_YORK), 5, datetime(2026, 3, 9, 9, 0, tzinfo=NEW_YORK)),  # a week
])
def test_working_days_skip_saturdays_and_sundays(start, amount, expected):
    assert timing.add(start, Duration(amount, "working days", f"{amount} working days")) == expected


def test_a_working_day_duration_is_read_from_the_content():
    thanks = KB.entries["send-a-thank-you"].timing.duration
    assert (thanks.amount, thanks.unit, thanks.text) == (2, "working days", "2 working days")
