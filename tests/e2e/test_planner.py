"""The follow-up planner and the timeline picture in Chromium."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import expect
from support import DEFAULT_KB as KB, both_engines

from browsing import planner_in

from generator.model import timing

# The same checks on the site built by each engine.
pytestmark = both_engines

ZONE = "America/New_York"


@pytest.fixture
def planner(browser, site_url):
    """The planner page in a browser set to New York time, on 1 February 2026 unless a test moves the clock."""
    context = browser.new_context(timezone_id=ZONE, locale="en-US")
    page = context.new_page()
    page.on("filechooser", lambda chooser: None)
    page.clock.set_fixed_time(datetime(2026, 2, 1, 12, 0, tzinfo=ZoneInfo(ZONE)))
    page.goto(site_url + "planner/")
    yield page
    context.close()


def planned_on(planner, today: datetime, **moments: str) -> None:
    """The planner on `today`, with these dates typed (moment id with _ for -: stated_date)."""
    planner.clock.set_fixed_time(today.replace(tzinfo=ZoneInfo(ZONE)))
    planner.reload()
    for moment, day in moments.items():
        planner.fill(f'[data-fg-moment="{moment.replace("_", "-")}"]', day)


def js_plan(page, given: dict[str, list[int]]) -> dict[str, str]:
    """Run the page's own date arithmetic; dates come back as UTC ISO strings."""
    return page.evaluate("""([rules, given]) => {
        const moments = {};
        for (const [id, parts] of Object.entries(given)) moments[id] = new Date(...parts);
        const result = followupGuide.planDates(rules, moments);
        return Object.fromEntries(Object.entries(result.dates).map(([id, d]) => [id, d.toISOString()]));
    }""", [timing.rules(KB), given])


def python_plan(given: dict[str, list[int]]) -> dict[str, str]:
    moments = {id: datetime(p[0], p[1] + 1, *p[2:], tzinfo=ZoneInfo(ZONE)) for id, p in given.items()}
    return {id: d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            for id, d in timing.plan(KB, moments).dates.items()}


@pytest.mark.parametrize("given", [
    {"interview": [2026, 2, 7, 15, 0]},  # the thank-you deadline crosses the change to summer time
    {"interview": [2026, 2, 2, 9, 0], "stated-date": [2026, 2, 6, 12, 0]},  # follow-up after the change
    {"interview": [2026, 9, 30, 16, 45]},  # and the change back, in the autumn
    {"interview": [2026, 10, 30, 9, 0]},  # three months from 30 November: 28 February
])
def test_the_browser_computes_the_same_dates_as_the_rules(planner, given):
    assert js_plan(planner, given) == python_plan(given)


def test_entered_dates_give_each_step_its_date(planner):
    planner.fill('[data-fg-moment="interview"]', "2026-03-06")
    planner.fill('[data-fg-moment-time="interview"]', "15:00")
    planner.fill('[data-fg-moment="stated-date"]', "2026-03-13")

    def when(entry_id):
        return planner.locator(f'[data-fg-step="{entry_id}"] [data-fg-step-when]')

    # A Friday interview: two working days later is the Tuesday; five working days, a week.
    expect(when("send-a-thank-you")).to_have_text("Send by Tuesday, March 10, 2026")
    expect(when("send-one-follow-up")).to_have_text("On Friday, March 20, 2026")
    expect(when("close-the-loop")).to_have_text("On Friday, March 27, 2026")
    # Saturday 6 June moves to the next working day.
    expect(when("stay-in-touch")).to_have_text("From Monday, June 8, 2026, at most once every 3 months")
    expect(planner.locator("[data-fg-plan-message]")).to_have_text("")
    expect(planner.locator("[data-fg-step-past]:visible")).to_have_count(0)


def test_without_a_stated_date_the_plan_says_what_it_assumes(planner):
    planner.fill('[data-fg-moment="interview"]', "2026-03-06")
    expect(planner.locator("[data-fg-plan-message]")).to_have_text(
        KB.labels["planner_assumed"].format(date="Friday, March 13, 2026"))
    expect(planner.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-when]')).to_have_text(
        "On Friday, March 20, 2026")


def test_a_stated_date_that_has_passed_marks_the_steps_already_due(planner):
    planned_on(planner, datetime(2026, 3, 20, 12, 0), interview="2026-03-02", stated_date="2026-03-09")
    past = planner.locator("[data-fg-step-past]")
    expect(planner.locator('[data-fg-step="send-a-thank-you"] [data-fg-step-past]')).to_be_visible()
    expect(planner.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-past]')).to_be_visible()
    expect(planner.locator('[data-fg-step="close-the-loop"] [data-fg-step-past]')).to_be_hidden()
    # The thank-you's moment has gone: the follow-up, counted from a later moment, is due too.
    expect(past.first).to_have_text(KB.labels["planner_passed"])
    expect(past.nth(1)).to_have_text(KB.labels["planner_past"])
    expect(planner.locator('[data-fg-step="send-one-follow-up"] [data-fg-plan-action=calendar-one]')).to_be_hidden()
    expect(planner.locator('[data-fg-step="close-the-loop"] [data-fg-plan-action=calendar-one]')).to_be_visible()


def test_steps_link_to_their_template_and_tick_their_checklist_line(planner, site_url):
    step = planner.locator('[data-fg-step="send-one-follow-up"]')
    template = step.get_by_role("link", name="Follow-up when the date has passed")
    assert template.evaluate("a => a.href") == site_url + "templates/#template-follow-up-after-the-date"
    step.get_by_role("checkbox").check()
    planner.goto(site_url + "checklist/")
    expect(planner.locator('[data-fg-item="send-one-follow-up"]')).to_be_checked()


def test_the_calendar_file_holds_every_step_with_a_reminder(planner, tmp_path):
    planner.fill('[data-fg-moment="interview"]', "2026-03-06")
    planner.fill('[data-fg-moment-time="interview"]', "15:00")
    with planner.expect_download() as download:
        planner.get_by_role("button", name=KB.labels["planner_calendar_all"]).click()
    assert download.value.suggested_filename == KB.labels["planner_calendar_filename"]
    download.value.save_as(tmp_path / "plan.ics")
    raw = (tmp_path / "plan.ics").read_bytes()

    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    # No offer given: no step counted from the offer, or from the answer day that follows from it.
    steps = {e.id: e for e in timing.steps(KB) if e.timing.moment_id not in ("offer", "answer-date")}
    assert [str(e["SUMMARY"]) for e in events] == [e.checklist for e in steps.values()]
    assert len({str(e["UID"]) for e in events}) == 4
    assert all(e.get("DTSTAMP") for e in events)
    thanks, follow_up, close, stay = events
    assert thanks.decoded("DTSTART") == date(2026, 3, 10)  # a day on the calendar, like every step counted in days
    assert follow_up.decoded("DTSTART") == date(2026, 3, 20)
    assert close.decoded("DTSTART") == date(2026, 3, 27)
    assert stay.decoded("DTSTART") == date(2026, 6, 8)  # Saturday 6 June moves to Monday
    assert dict(stay["RRULE"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [3], "COUNT": [4]}  # a year of notes, not for ever
    for event in events:
        [alarm] = event.walk("VALARM")
        assert str(alarm["DESCRIPTION"]) == KB.labels["planner_reminder"].format(step=str(event["SUMMARY"]))
        assert str(event["DESCRIPTION"]) == steps_summary(str(event["SUMMARY"]))

    with planner.expect_download() as single:
        planner.locator('[data-fg-step="close-the-loop"]').get_by_role(
            "button", name=KB.labels["planner_calendar_one"]).click()
    single.value.save_as(tmp_path / "one.ics")
    [only] = icalendar.Calendar.from_ical((tmp_path / "one.ics").read_bytes()).walk("VEVENT")
    assert only.decoded("DTSTART") == date(2026, 3, 27)


def steps_summary(checklist_line: str) -> str:
    return next(e.summary for e in timing.steps(KB) if e.checklist == checklist_line)


def test_dates_are_remembered_only_when_the_reader_opts_in(planner):
    planner.fill('[data-fg-moment="interview"]', "2026-03-06")
    planner.reload()
    expect(planner.locator('[data-fg-moment="interview"]')).to_have_value("")

    planner.fill('[data-fg-moment="interview"]', "2026-03-06")
    planner.get_by_label(KB.labels["planner_remember"]).check()
    planner.reload()
    expect(planner.locator('[data-fg-moment="interview"]')).to_have_value("2026-03-06")
    expect(planner.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-when]')).to_have_text(
        "On Friday, March 20, 2026")
    stored = planner.evaluate("localStorage.getItem('followup-guide:data:v3:after-the-interview')")
    assert json.loads(stored)["general"]["moments"]["interview"] == "2026-03-06"

    planner.get_by_label(KB.labels["planner_remember"]).uncheck()
    stored = planner.evaluate("localStorage.getItem('followup-guide:data:v3:after-the-interview')")
    assert stored is None  # nothing else was saved, so the record is removed rather than kept empty


def test_with_only_the_decision_date_only_the_actions_that_work_are_shown(planner, tmp_path):
    errors = []
    planner.on("pageerror", lambda error: errors.append(str(error)))
    planner.fill('[data-fg-moment="stated-date"]', "2026-03-13")
    one = '[data-fg-step="{}"] [data-fg-plan-action=calendar-one]'
    expect(planner.locator(one.format("send-a-thank-you"))).to_be_hidden()  # needs the interview date
    expect(planner.locator(one.format("stay-in-touch"))).to_be_hidden()
    expect(planner.locator(one.format("send-one-follow-up"))).to_be_visible()
    expect(planner.locator("[data-fg-plan-message]")).to_have_text(KB.labels["planner_interview_missing"])
    for button, name in ((planner.locator(one.format("send-one-follow-up")), "one.ics"),
                         (planner.get_by_role("button", name=KB.labels["planner_calendar_all"]), "all.ics")):
        with planner.expect_download() as download:
            button.click()
        download.value.save_as(tmp_path / name)
        events = icalendar.Calendar.from_ical((tmp_path / name).read_bytes()).walk("VEVENT")
        assert events and events[0].decoded("DTSTART") == date(2026, 3, 20)
    assert errors == []


def test_a_ticked_step_is_never_called_past(planner):
    planned_on(planner, datetime(2026, 3, 25, 12, 0), interview="2026-03-02")
    past = planner.locator('[data-fg-step="send-a-thank-you"] [data-fg-step-past]')
    expect(past).to_be_visible()
    planner.locator('[data-fg-step="send-a-thank-you"]').get_by_role("checkbox").check()
    expect(past).to_be_hidden()


def test_a_reader_whose_region_writes_the_day_first_reads_dates_so(browser, site_url):
    # The guide's day-first patterns for a browser set to British English (the US order otherwise, above).
    page = planner_in(browser, site_url + "planner/", "Europe/London", "en-GB")
    expect(page.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-when]')).to_have_text("On Friday 20 March 2026")
    page.context.close()


def test_the_offer_date_given_is_the_answer_the_waiting_steps_stop(planner):
    # Interview 10 November, decision promised by the 20th, an offer on the 25th; today the 27th,
    # when the follow-up would be due. The offer's steps are dated from it, and none is "skipped"
    # for a waiting step that no longer applies.
    planned_on(planner, datetime(2026, 11, 27, 10, 0), interview="2026-11-10", stated_date="2026-11-20")
    follow_up = planner.locator('[data-fg-step="send-one-follow-up"]')
    expect(follow_up.locator("[data-fg-plan-action=calendar-one]")).to_be_visible()  # due today, before the offer
    planner.fill('[data-fg-moment="offer"]', "2026-11-25")
    for waiting in ("send-one-follow-up", "close-the-loop"):
        step = planner.locator(f'[data-fg-step="{waiting}"]')
        expect(step.locator("[data-fg-step-past]")).to_have_text(KB.labels["planner_answered"])
        expect(step.locator("[data-fg-plan-action=calendar-one]")).to_be_hidden()
    in_writing = planner.locator('[data-fg-step="get-the-offer-in-writing"]')
    expect(in_writing.locator("[data-fg-step-when]")).to_have_text("Send by Thursday, November 26, 2026")
    expect(in_writing.locator("[data-fg-step-past]")).to_have_text(KB.labels["planner_past"])  # late, not passed over
    # The answer is due by the day the reader promised it, and by no day until they have agreed one.
    accept = planner.locator('[data-fg-step="answer-every-offer"]')
    moment = KB.moments["answer-date"].label
    expect(accept.locator("[data-fg-step-when]")).to_have_text(KB.labels["timing_by"].format(moment=moment))
    expect(accept.locator("[data-fg-plan-action=calendar-one]")).to_be_hidden()
    planner.fill('[data-fg-moment="answer-date"]', "2026-11-28")  # a Saturday: kept, not moved past the day promised
    expect(accept.locator("[data-fg-step-when]")).to_have_text("Send by Saturday, November 28, 2026")
    expect(accept.locator("[data-fg-plan-action=calendar-one]")).to_be_visible()
    planner.fill('[data-fg-moment="answer-date"]', "")
    planner.fill('[data-fg-moment="offer"]', "")
    expect(accept.locator("[data-fg-step-when]")).to_have_text(KB.labels["timing_by"].format(moment=moment))


@pytest.mark.parametrize("width, visible, hidden", [(1200, "wide", "compact"), (390, "compact", "wide")])
def test_the_timeline_picture_fits_the_screen_and_has_a_text_alternative(page, site_url, width, visible, hidden):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url)
    expect(page.locator(f".fg-timeline__picture--{visible}")).to_be_visible()
    expect(page.locator(f".fg-timeline__picture--{hidden}")).to_be_hidden()
    picture = page.get_by_role("img", name=KB.timeline.title)
    expect(picture).to_have_count(1)
    description = picture.evaluate("svg => svg.querySelector('desc').textContent")
    for point in KB.timeline.points:
        assert point.label in description
    assert "within 2 working days" in description and "7 days later" in description
    box = picture.bounding_box()
    assert box["width"] <= width
    if visible == "wide":  # every text inside the picture, none over another, in both languages
        for language in ("", "es/"):  # (a site built with Zensical has English only)
            if page.goto(site_url + language).status == 404:
                continue
            assert page.locator(".fg-timeline__picture--wide").evaluate(TEXTS_CLASH) == []


# The texts of a picture that overlap another or leave the picture.
TEXTS_CLASH = """svg => {
    const frame = svg.getBoundingClientRect(), clashes = [];
    const texts = [...svg.querySelectorAll("text")].map(text => [text.textContent, text.getBoundingClientRect()]);
    texts.forEach(([name, a], i) => {
        if (a.left < frame.left || a.right > frame.right || a.top < frame.top || a.bottom > frame.bottom) clashes.push(name);
        texts.slice(i + 1).forEach(([other, b]) => {
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) clashes.push(name + " | " + other);
        });
    });
    return clashes;
}"""


def test_keyboard_alone_enters_dates_and_downloads_the_calendar(planner):
    planner.locator('[data-fg-moment="interview"]').focus()
    planner.keyboard.type("03062026")  # month, day, year: the order of this browser's en-US date field
    expect(planner.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-when]')).to_have_text(
        "On Friday, March 20, 2026")
    for _ in range(40):
        if planner.evaluate("document.activeElement.dataset.fgPlanAction") == "calendar-one":
            break
        planner.keyboard.press("Tab")
    with planner.expect_download() as download:
        planner.keyboard.press("Enter")
    assert download.value.suggested_filename == "send-a-thank-you.ics"
