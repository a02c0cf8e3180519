"""The timing rules of the knowledge base: which steps have a date, and how to compute it.

A step is a "do" entry with a timing. Its date counts from a moment: one the reader gives
(a moment with `ask`), one assumed when they do not (`if_not_given`), or one that falls on
another step's date (`reached_by`). The rules are exported as data for the planner page,
whose script applies them with the same arithmetic as `plan` here:

- hours are elapsed time (24 hours after 15:00 on the eve of a clock change is 16:00 or 14:00);
- days, weeks and months are calendar arithmetic in the reader's time zone, keeping the time
  of day; a month later than 31 January is the last day of February;
- a step counted in days, weeks or months whose date falls on a Saturday or Sunday moves to the
  next Monday, unless its timing says `weekends: keep` (calendar days). Moments do not move.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ..problems import Problem
from .fields import Duration
from .knowledge_base import KnowledgeBase
from .records import Entry, Timing


def steps(kb: KnowledgeBase) -> list[Entry]:
    """The entries the planner dates: every "do" with a timing, in the guide's order."""
    return [e for p in kb.phases for e in p.entries if e.kind == "do" and e.timing]


def anchor(kb: KnowledgeBase, timing: Timing) -> str:
    """The moment a timing counts from; `every` without `of` counts from the first moment."""
    return timing.moment_id or next(iter(kb.moments))


def add(start: datetime, duration: Duration) -> datetime:
    """The date `duration` after `start`; OverflowError past the year 9999."""
    try:
        return _add(start, duration)
    except (OverflowError, ValueError):  # datetime's range ends with the year 9999
        raise OverflowError(f"{duration.text} after {start:%Y-%m-%d} is after the year 9999") from None


def _add(start: datetime, duration: Duration) -> datetime:
    if duration.unit == "working days":  # calendar days from Monday to Friday, keeping the time of day
        result, left = start, duration.amount
        while left:
            result += timedelta(days=1)
            left -= result.weekday() < 5
        return result
    if duration.unit == "hours":
        utc = start.astimezone(timezone.utc) + timedelta(hours=duration.amount)
        return utc.astimezone(start.tzinfo)
    if duration.unit in ("days", "weeks"):
        return start + timedelta(days=duration.amount * (7 if duration.unit == "weeks" else 1))
    months = start.month - 1 + duration.amount
    year, month = start.year + months // 12, months % 12 + 1
    return start.replace(year=year, month=month, day=min(start.day, calendar.monthrange(year, month)[1]))


def next_working_day(moment: datetime) -> datetime:
    """The same time on the next day from Monday to Friday (the day itself when it is one)."""
    while moment.weekday() >= 5:
        moment += timedelta(days=1)
    return moment


def step_date(start: datetime, timing: Timing) -> datetime:
    date = add(start, timing.duration)
    return date if timing.duration.unit == "hours" or timing.weekends == "keep" else next_working_day(date)


@dataclass(frozen=True)
class Plan:
    moments: dict[str, datetime]
    assumed: frozenset[str]  # moments the reader did not give
    dates: dict[str, datetime]  # entry id -> its date
    too_far: frozenset[str] = frozenset()  # moments and entries whose date would be after the year 9999


def plan(kb: KnowledgeBase, given: dict[str, datetime]) -> Plan:
    """Every date that follows from the moments the reader gave (aware datetimes)."""
    moments: dict[str, datetime] = {}
    assumed: set[str] = set()
    dates: dict[str, datetime] = {}
    too_far: set[str] = set()
    timed = steps(kb)
    progress = True
    while progress:
        progress = False
        for moment in kb.moments.values():
            if moment.id in moments or moment.id in too_far:
                continue
            try:
                if moment.ask and given.get(moment.id):
                    moments[moment.id] = given[moment.id]
                elif moment.if_not_given and anchor(kb, moment.if_not_given) in moments:
                    moments[moment.id] = add(moments[anchor(kb, moment.if_not_given)], moment.if_not_given.duration)
                    assumed.add(moment.id)
                elif moment.reached_by in dates:
                    moments[moment.id] = dates[moment.reached_by]
                elif {moment.reached_by, moment.if_not_given and anchor(kb, moment.if_not_given)} & too_far:
                    too_far.add(moment.id)
                else:
                    continue
            except OverflowError:
                too_far.add(moment.id)
            progress = True
        for entry in timed:
            if entry.id in dates or entry.id in too_far:
                continue
            if anchor(kb, entry.timing) in too_far:
                too_far.add(entry.id)
            elif anchor(kb, entry.timing) in moments:
                try:
                    dates[entry.id] = step_date(moments[anchor(kb, entry.timing)], entry.timing)
                except OverflowError:
                    too_far.add(entry.id)
            else:
                continue
            progress = True
    return Plan(moments, frozenset(assumed), dates, frozenset(too_far))


def rules(kb: KnowledgeBase) -> dict:
    """The rules as data for the planner page's script."""
    def duration(timing: Timing) -> dict:
        return {"amount": timing.duration.amount, "unit": timing.duration.unit, "of": anchor(kb, timing)}

    return {
        "moments": [
            {"id": m.id, "asked": bool(m.ask), "reachedBy": m.reached_by,
             "ifNotGiven": duration(m.if_not_given) if m.if_not_given else None}
            for m in kb.moments.values()
        ],
        "steps": [{"entry": e.id, "relation": e.timing.relation, "weekends": e.timing.weekends, **duration(e.timing),
                   **({"settledBy": e.timing.settled_by} if e.timing.settled_by else {})}
                  for e in steps(kb)],
    }


def questions(kb: KnowledgeBase) -> list:
    """The moments the planner and "My applications" ask for that change something: a step's date
    (directly or through other moments), or the answer (a moment named like an outcome, such as
    the offer). A center whose changes.yml times a step from another moment is not asked for a
    date that would change nothing."""
    asked = [m for m in kb.moments.values() if m.ask]
    start = datetime(2000, 1, 3, tzinfo=timezone.utc)
    given = {m.id: start + timedelta(days=37 * i) for i, m in enumerate(asked)}  # each its own day
    dates = plan(kb, given).dates
    outcomes = {o.id for o in kb.outcomes}
    return [m for m in asked if m.id in outcomes
            or plan(kb, {id_: day for id_, day in given.items() if id_ != m.id}).dates != dates]


def undated(kb: KnowledgeBase) -> tuple[list, Plan | None]:
    """The steps the planner could never date, whatever the reader enters, and the plan with
    every asked moment given."""
    if not kb.moments:
        return [], None
    everything = plan(kb, {m.id: datetime(2000, 1, 1, tzinfo=timezone.utc) for m in kb.moments.values() if m.ask})
    return [entry for entry in steps(kb) if entry.id not in everything.dates], everything


def timing_problems(kb: KnowledgeBase, explained: frozenset[str] = frozenset()) -> list[Problem]:
    """Steps the planner could never date (but those `explained` elsewhere). When a center's change
    (changes.yml) took away what dated their moment, that change is where it is said."""
    entries, everything = undated(kb)
    problems, by_change = [], {}
    for entry in entries:
        if entry.id in explained:
            continue
        moment = anchor(kb, entry.timing)
        reacher = kb.entries.get(kb.moments[moment].reached_by or "") if moment in kb.moments else None
        if entry.id in everything.too_far:
            problems.append(Problem(entry.location, f"the planner cannot date '{entry.id}': its durations, added up "
                                                    "from the interview, go past the year 9999; shorten them"))
        elif reacher is not None and reacher.changed_at is not None:
            by_change.setdefault((reacher.changed_at, reacher.id, moment), []).append(entry.id)
        else:
            problems.append(Problem(entry.location, f"the planner cannot date '{entry.id}': nothing gives the date "
                                                    f"of the moment '{moment}'; give that moment an 'ask', an "
                                                    "'if_not_given' or a 'reached_by'"))
    for (where, reacher, moment), counted in by_change.items():
        names = " and ".join(f"'{id_}'" for id_ in counted)
        problems.append(Problem(where, f"with this change '{reacher}' no longer gives the date of the moment "
                                       f"'{moment}', which {names} {'count' if len(counted) > 1 else 'counts'} from, "
                                       f"so the planner could not date {'them' if len(counted) > 1 else 'it'}; undo the "
                                       f"change, or change or hide {names} too"))
    return problems
