"""Several interviews at once, in Chromium: applications, what is due, per-application ticks,
dates, details and calendars, migration, export and import, print, keyboard and phone."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import expect
from support import DEFAULT_KB as KB
from support import SPANISH_KB as ES

from browsing import TOUCH_TARGETS, assert_accessible, printed_sheets, too_small_to_touch, watch

ZONE = "America/New_York"
KEY = "followup-guide:data:v3:after-the-interview"
OLD_KEYS = ["followup-guide:checklist:v2:after-the-interview", "followup-guide:plan:v1:after-the-interview",
            "followup-guide:details:v1:after-the-interview"]
L = KB.labels
ACME = {"company": "Acme", "role": "Data Analyst", "interviewers": [{"name": "José Müller", "email": "jose@acme.example"}],
        "moments": {"interview": "2026-03-06", "interview-time": "15:00"}, "done": {}, "created": "2026-03-06T20:00:00Z"}
GLOBEX = {"company": "Globex", "role": "Engineer", "interviewers": [{"name": "Hank", "email": "hank@globex.example"}],
          "moments": {"interview": "2026-03-02", "stated-date": "2026-03-13"}, "done": {}, "created": "2026-03-02T20:00:00Z"}


def now(*parts):
    return datetime(*parts, tzinfo=ZoneInfo(ZONE))


@pytest.fixture
def context(browser):
    context = browser.new_context(timezone_id=ZONE, locale="en-US")
    yield watch(context)
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.clock.set_fixed_time(now(2026, 3, 9, 9, 0))  # a Monday
    return page


def stored(page) -> dict | None:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if raw is None else json.loads(raw)


def seed(page, site_url, applications: dict, chosen: str = "", **more) -> None:
    page.goto(site_url + "about/")
    record = {"version": 3, "applications": applications, "general": {"done": {}, "moments": {}}, "details": {},
              "chosen": chosen, **more}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(record)])


def choose(page, name: str) -> None:
    page.locator("[data-fg-application-select]").first.select_option(label=name)


def rows(page, selector="[data-fg-due]:not([data-fg-archived]) [data-fg-due-items] > li"):
    return page.locator(selector)


def add_with_the_form(page, company, role="", interview=""):
    page.get_by_role("button", name=L["applications_add"]).click()
    page.get_by_label(L["application_company"]).fill(company)
    page.get_by_label(L["application_role"]).fill(role)
    if interview:
        page.get_by_label(KB.moments["interview"].ask).fill(interview)
    page.get_by_role("button", name=L["application_save"], exact=True).click()


# --- Nothing changes for a reader without applications -------------------------------------

def test_without_applications_nothing_new_shows_and_nothing_is_written(page, site_url):
    for path in ("checklist/", "planner/", "templates/", "phases/within-24-hours/"):
        page.goto(site_url + path)
        expect(page.locator("[data-fg-picker]")).to_have_count(1)
        expect(page.locator("[data-fg-picker]")).to_be_hidden()
    page.goto(site_url)
    expect(page.locator("[data-fg-home-due]")).to_be_hidden()
    page.goto(site_url + "applications/")
    expect(page.locator("[data-fg-applications-empty]")).to_have_text(L["applications_empty"])
    expect(rows(page)).to_have_count(0)
    # Nothing to archive or to put in a calendar yet: no empty box, no button for an empty file.
    expect(page.locator("[data-fg-archived-box]")).to_be_hidden()
    expect(page.locator("[data-fg-calendar-all]")).to_be_hidden()
    assert stored(page) is None


# --- Adding, and what is due ----------------------------------------------------------------

def test_added_applications_are_listed_soonest_first_with_their_next_step(page, site_url):
    page.goto(site_url + "applications/")
    # The form's headings are headings, but not in the table of contents: the form is hidden.
    contents = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert L["applications_due_heading"] in contents
    assert L["applications_add_heading"] not in contents and L["applications_edit_heading"] not in contents
    page.get_by_role("button", name=L["applications_add"]).click()
    expect(page.get_by_role("heading", level=2, name=L["applications_add_heading"])).to_be_visible()
    page.get_by_role("button", name=L["application_cancel"]).click()
    add_with_the_form(page, "Acme", "Data Analyst", "2026-03-04")
    add_with_the_form(page, "Globex", "", "2026-03-05")
    add_with_the_form(page, "Initech")  # no dates yet
    items = rows(page)
    expect(items).to_have_count(3)
    acme, globex, initech = (items.nth(i) for i in range(3))
    expect(acme.locator("[data-fg-slot=name]")).to_have_text(L["application_name"].format(company="Acme", role="Data Analyst"))
    expect(acme.locator("[data-fg-slot=status]")).to_have_text(L["due_overdue"])
    expect(acme.locator("[data-fg-slot=step]")).to_have_text(KB.entries["send-a-thank-you"].checklist)
    expect(acme.locator("[data-fg-slot=date]")).to_have_text("Friday, March 6, 2026")  # two working days
    expect(globex.locator("[data-fg-slot=name]")).to_have_text("Globex")
    expect(globex.locator("[data-fg-slot=status]")).to_have_text(L["due_today"])  # Thursday + 2 working days
    expect(globex.locator("[data-fg-slot=date]")).to_have_text("Monday, March 9, 2026")
    expect(initech.locator("[data-fg-slot=status]")).to_have_text(L["due_none"])
    step_link = acme.locator("[data-fg-slot=step]").get_attribute("href")
    assert step_link == site_url + "phases/within-24-hours/#send-a-thank-you"
    # On paper: the list, without buttons or links that stand alone as controls; each date under its step.
    page.emulate_media(media="print")
    expect(page.locator(".md-content :is(button, .fg-control-link):visible")).to_have_count(0)
    step, date = (acme.locator(f"[data-fg-slot={slot}]").bounding_box() for slot in ("step", "date"))
    assert date["y"] >= step["y"] + step["height"] - 1, (step, date)


def test_the_due_view_follows_the_clock_and_a_ticked_step_is_never_overdue(page, site_url):
    seed(page, site_url, {"acme": ACME, "globex": GLOBEX})
    page.clock.set_fixed_time(now(2026, 3, 10, 9, 0))
    page.goto(site_url + "applications/")
    items = rows(page)
    # Acme's thank-you is due today (by 3 pm, two working days after Friday); Globex's was due on 4 March.
    expect(items.locator("[data-fg-slot=name]")).to_have_text(["Globex, Engineer", "Acme, Data Analyst"])
    expect(items.locator("[data-fg-slot=status]")).to_have_text([L["due_overdue"], L["due_today"]])

    page.clock.set_fixed_time(now(2026, 3, 11, 9, 0))
    page.reload()
    expect(items.locator("[data-fg-slot=status]")).to_have_text([L["due_overdue"], L["due_overdue"]])

    # Ticking Globex's thank-you on its checklist: its next step is the follow-up, upcoming.
    page.goto(site_url + "checklist/")
    choose(page, "Globex, Engineer")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.goto(site_url + "applications/")
    expect(items.locator("[data-fg-slot=name]")).to_have_text(["Acme, Data Analyst", "Globex, Engineer"])
    globex = items.nth(1)
    expect(globex.locator("[data-fg-slot=status]")).to_have_text(L["due_upcoming"])
    expect(globex.locator("[data-fg-slot=step]")).to_have_text(KB.entries["send-one-follow-up"].checklist)
    expect(globex.locator("[data-fg-slot=date]")).to_have_text("Friday, March 20, 2026")
    expect(page.locator(".fg-app--overdue")).to_have_count(1)

    # An offer recorded weeks ago whose steps were never ticked: nothing overdue, and no day agreed
    # for the answer, so giving it is still the step to do, without a date.
    seed(page, site_url, {"acme": {**ACME, "outcome": "offer", "outcomeDay": "2026-03-11"}})
    page.clock.set_fixed_time(now(2026, 5, 1, 9, 0))
    page.goto(site_url + "applications/")
    expect(items.locator("[data-fg-slot=status]")).to_have_text([L["due_upcoming"]])
    expect(items.locator("[data-fg-slot=step]")).to_have_text([KB.entries["answer-every-offer"].checklist])
    expect(items.locator("[data-fg-slot=date]")).to_have_text([""])
    # Once it is answered (ticked), the rest has had its moment: archive it.
    seed(page, site_url, {"acme": {**ACME, "outcome": "offer", "outcomeDay": "2026-03-11",
                                   "done": {"answer-every-offer": "2026-03-20T10:00:00Z"}}})
    page.goto(site_url + "applications/")
    expect(items.locator("[data-fg-slot=status]")).to_have_text([L["due_answered"]])


def test_a_step_is_ticked_from_its_card_and_the_card_moves_on_to_the_next(page, site_url):
    seed(page, site_url, {"acme": ACME, "globex": GLOBEX})
    page.clock.set_fixed_time(now(2026, 3, 11, 9, 0))
    page.goto(site_url + "applications/")
    globex = page.locator('[data-fg-due-items] > li[data-fg-application="globex"]')
    done = globex.get_by_role("button", name=L["application_step_done"])
    expect(done).to_have_accessible_description("Globex, Engineer")  # which application it is for
    done.focus()
    page.keyboard.press("Enter")
    thanks = KB.entries["send-a-thank-you"].checklist
    expect(page.locator("[data-fg-app-status]")).to_have_text(L["application_step_done_status"].format(step=thanks))
    expect(globex.locator("[data-fg-slot=step]")).to_have_text(KB.entries["send-one-follow-up"].checklist)
    expect(globex.locator("[data-fg-slot=name]")).to_be_focused()  # on the card, wherever the list put it
    assert set(stored(page)["applications"]["globex"]["done"]) == {"send-a-thank-you"}
    assert stored(page)["applications"]["acme"]["done"] == {}
    page.goto(site_url + "checklist/")  # the same tick as its checklist line
    choose(page, "Globex, Engineer")
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    seed(page, site_url, {"acme": {**ACME, "moments": {}}})  # nothing dated yet: no step, no button
    page.goto(site_url + "applications/")
    expect(page.get_by_role("button", name=L["application_step_done"])).to_be_hidden()


def test_the_home_page_shows_what_is_due_once_there_is_an_application(page, site_url):
    seed(page, site_url, {"acme": ACME, "globex": GLOBEX})
    page.goto(site_url)
    block = page.locator("[data-fg-home-due]")
    expect(block).to_be_visible()
    expect(block.locator("[data-fg-due-items] > li [data-fg-slot=name]")).to_have_text(["Globex, Engineer", "Acme, Data Analyst"])
    expect(block.get_by_role("button")).to_have_count(0)  # compact: no actions
    page.set_viewport_size({"width": 390, "height": 844})
    assert block.get_by_role("link", name=L["applications_see_all"]).bounding_box()["height"] >= 44  # a target to tap
    # A returning reader's next steps come first, before "Start here" and the introduction.
    assert block.evaluate("b => !!(b.compareDocumentPosition(document.querySelector('.fg-start')) & 4)")
    block.get_by_role("link", name=L["applications_see_all"]).click()
    expect(page.locator("h1")).to_have_text(KB.pages["applications"].title)


def test_recording_the_answer_stops_the_waiting_steps(page, site_url):
    seed(page, site_url, {"acme": ACME})
    page.goto(site_url + "applications/")
    row = rows(page).first
    expect(row.locator("[data-fg-slot=step]")).to_have_text(KB.entries["send-a-thank-you"].checklist)
    row.get_by_role("button", name=L["application_edit"]).click()
    offer = next(o for o in KB.outcomes if o.id == "offer")
    page.get_by_label(L["application_outcome"]).select_option(label=offer.label)
    page.get_by_role("button", name=L["application_save"], exact=True).click()
    # The offer's phase comes next: its first timed step counts from the day the offer was recorded.
    first = next(e for e in next(p for p in KB.phases if p.id == offer.phase).entries if e.checklist and e.timing)
    expect(row.locator("[data-fg-slot=step]")).to_have_text(first.checklist)
    expect(row.locator("[data-fg-slot=date]")).to_have_text("Tuesday, March 10, 2026")
    expect(row.locator("[data-fg-slot=status]")).to_have_text(L["due_upcoming"])
    assert stored(page)["applications"]["acme"]["outcomeDay"] == "2026-03-09"
    # Ticking it brings the next step of the offer's phase; no waiting step comes back.
    page.goto(site_url + "checklist/")
    choose(page, "Acme, Data Analyst")
    page.locator(f'[data-fg-item="{first.id}"]').check()
    page.goto(site_url + "applications/")
    assert rows(page).first.locator("[data-fg-slot=step]").text_content() not in (
        KB.entries["send-a-thank-you"].checklist, KB.entries["send-one-follow-up"].checklist, first.checklist)


INITECH = {"company": "Initech", "role": "QA Tester", "moments": {"interview": "2026-11-13", "offer": "2026-11-25"},
           "outcome": "offer", "outcomeDay": "2026-11-27", "done": {}, "created": "2026-11-13T20:00:00Z"}
WAITING = ("send-a-thank-you", "send-one-follow-up", "close-the-loop", "stay-in-touch", "stated-date")


def test_after_an_offer_the_planner_and_calendars_stop_chasing_and_the_log_dates_it_as_given(page, site_url, tmp_path):
    """The offer given as 25 November, saved on the 27th: the planner, every calendar file (in
    English and in Spanish) and the log follow the answer as "What to do next" does."""
    page.clock.set_fixed_time(now(2026, 11, 27, 9, 0))
    promised = {**INITECH, "moments": {**INITECH["moments"], "answer-date": "2026-12-02"}}  # the answer's day agreed
    seed(page, site_url, {"initech": promised})
    accept = "initech-answer-every-offer@after-the-interview"
    for prefix, labels in (("", L), ("es/", ES.labels)):
        page.goto(site_url + prefix + "planner/")
        choose(page, labels["application_name"].format(company="Initech", role="QA Tester"))
        for entry in WAITING[:4]:
            step = page.locator(f'[data-fg-step="{entry}"]')
            expect(step.locator("[data-fg-step-past]")).to_have_text(labels["planner_answered"])
            expect(step.locator("[data-fg-plan-action=calendar-one]")).to_be_hidden()
        accepting = page.locator('[data-fg-step="answer-every-offer"]')
        expect(accepting.locator("[data-fg-plan-action=calendar-one]")).to_be_visible()
        if not prefix:
            expect(accepting.locator("[data-fg-step-when]")).to_have_text("Send by Wednesday, December 2, 2026")
        _, events = calendar_events(page, tmp_path, page.get_by_role("button", name=labels["planner_calendar_all"]),
                                    prefix.strip("/") + "plan.ics")
        # The offer's first two steps were due on the 26th: gone, so left out; no waiting step, no decision date.
        assert [str(e["UID"]) for e in events] == [accept]
    assert str(events[0]["SUMMARY"]).endswith(ES.entries["answer-every-offer"].checklist)
    page.goto(site_url + "checklist/")  # its dates beside the lines: the offer's, no follow-up
    expect(page.locator('[data-fg-item-date="answer-every-offer"]')).to_be_visible()
    expect(page.locator('[data-fg-item-date="send-one-follow-up"]')).to_be_hidden()
    page.goto(site_url + "applications/")
    row = rows(page).first
    expect(row.locator("[data-fg-slot=step]")).to_have_text(KB.entries["get-the-offer-in-writing"].checklist)  # late, still first
    for button, name in ((row.get_by_role("button", name=L["application_calendar"]), "one.ics"),
                         (page.get_by_role("button", name=L["applications_calendar_all"]), "all.ics")):
        suggested, events = calendar_events(page, tmp_path, button, name)
        assert [str(e["UID"]) for e in events] == [accept]
        if name == "one.ics":  # named for its company; the focus stays on its button, drawn again
            assert suggested == L["application_calendar_filename"].format(application="initech")
            expect(rows(page).first.get_by_role("button", name=L["application_calendar"])).to_be_focused()
    page.clock.set_fixed_time(now(2026, 12, 3, 9, 0))  # the last dated step gone: a file would be empty, so no button
    page.reload()
    expect(rows(page).first.get_by_role("button", name=L["application_calendar"])).to_be_hidden()
    expect(page.get_by_role("button", name=L["applications_calendar_all"])).to_be_hidden()
    page.goto(site_url + "log/")
    offer = next(o for o in KB.outcomes if o.id == "offer")
    expect(page.locator("[data-fg-log] tbody tr td").nth(6)).to_have_text(f"{offer.label} (Wednesday, November 25, 2026)")


def test_an_offer_asks_the_applications_still_waiting_to_hear_of_it_beside_their_own_next_step(page, site_url):
    page.clock.set_fixed_time(now(2026, 11, 27, 9, 0))
    northwind = {"company": "Northwind", "role": "Analyst", "moments": {"interview": "2026-11-26"}, "done": {},
                 "created": "2026-11-26T20:00:00Z"}
    seed(page, site_url, {"initech": INITECH, "northwind": northwind})
    page.goto(site_url + "applications/")
    waiting = page.locator('[data-fg-due-items] > li[data-fg-application="northwind"]')
    expect(waiting.locator(".fg-app__next").first.locator("[data-fg-slot=step]")).to_have_text(
        KB.entries["send-a-thank-you"].checklist)  # its own step stays in view
    meanwhile = waiting.locator("[data-fg-slot=meanwhile]")
    step = KB.entries["tell-the-employer-you-prefer"].checklist
    # No day promised yet: the week the plan assumes is not shown as a deadline.
    expect(meanwhile).to_have_text(L["due_meanwhile_open"].format(application="Initech, QA Tester") + " " + step)
    expect(meanwhile.get_by_role("link")).to_have_attribute("href", re.compile(r"#tell-the-employer-you-prefer$"))
    expect(page.locator('li[data-fg-application="initech"] [data-fg-slot=meanwhile]')).to_be_hidden()
    promised = {**INITECH, "moments": {**INITECH["moments"], "answer-date": "2026-12-01"}}
    seed(page, site_url, {"initech": promised, "northwind": northwind})
    page.goto(site_url + "applications/")
    expect(meanwhile).to_have_text(L["due_meanwhile"].format(application="Initech, QA Tester",
                                                             date="Tuesday, December 1, 2026") + " " + step)
    page.clock.set_fixed_time(now(2026, 12, 2, 9, 0))  # the day the answer was due has gone, and the request with it
    page.reload()
    expect(meanwhile).to_be_hidden()


def test_once_the_reader_accepts_an_offer_the_others_are_told_to_withdraw_not_to_chase(page, site_url, tmp_path):
    page.clock.set_fixed_time(now(2026, 11, 30, 9, 0))
    northwind = {"company": "Northwind", "role": "Analyst", "moments": {"interview": "2026-11-10", "stated-date": "2026-11-17"},
                 "done": {"send-a-thank-you": "2026-11-10T20:00:00Z"}, "created": "2026-11-10T20:00:00Z"}
    contoso = {"company": "Contoso", "moments": {"interview": "2026-11-02"}, "outcome": "rejection",  # staying in touch:
               "outcomeDay": "2026-11-20", "done": {}, "created": "2026-11-02T20:00:00Z"}  # a calendar to make
    seed(page, site_url, {"initech": INITECH, "northwind": northwind, "contoso": contoso})
    page.goto(site_url + "applications/")
    waiting = page.locator('[data-fg-due-items] > li[data-fg-application="northwind"]')
    expect(waiting.locator("[data-fg-slot=step]")).to_have_text(KB.entries["send-one-follow-up"].checklist)  # chasing
    page.goto(site_url + "checklist/")
    choose(page, "Initech, QA Tester")
    page.locator('[data-fg-item="accept-in-writing"]').check()  # the yes
    page.goto(site_url + "applications/")
    withdraw = KB.entries["withdraw-from-other-processes"].checklist
    expect(waiting.locator("[data-fg-slot=status]")).to_have_text(L["due_upcoming"])
    expect(waiting.locator("[data-fg-slot=step]")).to_have_text(withdraw)
    expect(waiting.locator("[data-fg-slot=date]")).to_have_text("Tuesday, December 1, 2026")  # the day after the yes
    expect(waiting.locator("[data-fg-slot=meanwhile]")).to_be_hidden()  # no more "tell the one you prefer"
    # Nor do the calendar files, the planner or the checklist's dates chase it any more.
    _, events = calendar_events(page, tmp_path, page.get_by_role("button", name=L["applications_calendar_all"]), "all.ics")
    assert [str(e["UID"]) for e in events] == ["contoso-stay-in-touch@after-the-interview"]
    page.goto(site_url + "planner/")
    choose(page, "Northwind, Analyst")
    follow_up = page.locator('[data-fg-step="send-one-follow-up"]')
    expect(follow_up.locator("[data-fg-step-past]")).to_have_text(L["planner_withdrawn"])
    expect(follow_up.locator("[data-fg-plan-action=calendar-one]")).to_be_hidden()
    page.goto(site_url + "checklist/")
    choose(page, "Northwind, Analyst")
    expect(page.locator('[data-fg-item-date="send-one-follow-up"]')).to_be_hidden()
    # Told once, on the accepted offer's own checklist (it lists that step too): every other one is closed.
    choose(page, "Initech, QA Tester")
    page.locator('[data-fg-item="withdraw-from-other-processes"]').check()
    page.goto(site_url + "applications/")
    expect(waiting.locator("[data-fg-slot=status]")).to_have_text(L["due_closed"])
    expect(waiting.locator("[data-fg-slot=step]")).to_be_hidden()


def test_the_message_to_the_employer_one_prefers_starts_from_the_day_promised_for_the_offer(page, site_url):
    page.clock.set_fixed_time(now(2026, 11, 27, 9, 0))
    northwind = {"company": "Northwind", "role": "Analyst", "moments": {"interview": "2026-11-26"}, "done": {},
                 "created": "2026-11-26T20:00:00Z"}
    seed(page, site_url, {"initech": INITECH, "northwind": northwind}, chosen="northwind")
    page.goto(site_url + "templates/")
    template = page.locator('[data-fg-template="competing-deadline"]')
    expect(template.locator('[data-fg-field="company"]')).to_have_value("Northwind")
    expect(template.locator('[data-fg-field="deadline"]')).to_have_value("")  # a week after the offer is a guess: not written
    promised = {**INITECH, "moments": {**INITECH["moments"], "answer-date": "2026-12-01"}}
    seed(page, site_url, {"initech": promised, "northwind": northwind}, chosen="northwind")
    page.goto(site_url + "templates/")
    expect(template.locator('[data-fg-field="deadline"]')).to_have_value("2026-12-01")
    expect(template.locator("[data-fg-body]")).to_contain_text("Tuesday, December 1, 2026")
    choose(page, "Initech, QA Tester")  # the offer's own application has nothing to tell itself
    expect(template.locator('[data-fg-field="deadline"]')).to_have_value("")


def test_after_a_no_the_reply_comes_first_and_staying_in_touch_stays(page, site_url, tmp_path):
    """'They said no' gives its own phase's steps, then those of the phase it names under 'then'
    (afterwards): staying in touch is worth it after a no, as its advice says."""
    page.clock.set_fixed_time(now(2026, 11, 27, 9, 0))
    globex = {"company": "Globex", "role": "Engineer", "moments": {"interview": "2026-11-13", "stated-date": "2026-11-20"},
              "outcome": "rejection", "outcomeDay": "2026-11-27", "done": {}, "created": "2026-11-13T20:00:00Z"}
    seed(page, site_url, {"globex": globex})
    page.goto(site_url + "applications/")
    expect(rows(page).first.locator("[data-fg-slot=step]")).to_have_text(KB.entries["accept-a-no-gracefully"].checklist)
    page.goto(site_url + "planner/")
    choose(page, "Globex, Engineer")
    expect(page.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-past]')).to_have_text(L["planner_answered"])
    expect(page.locator('[data-fg-step="stay-in-touch"] [data-fg-plan-action=calendar-one]')).to_be_visible()
    _, events = calendar_events(page, tmp_path, page.get_by_role("button", name=L["planner_calendar_all"]), "no.ics")
    assert [str(e["UID"]) for e in events] == ["globex-stay-in-touch@after-the-interview"]


def test_a_late_step_gives_way_once_a_later_moment_comes_and_an_assumed_date_is_said(page, site_url):
    """Globex's thank-you never ticked: overdue until the follow-up is due, then passed over (still
    unticked); Northwind gave no decision date: its follow-up says the date the plan assumed."""
    globex = {"company": "Globex", "moments": {"interview": "2026-11-20", "stated-date": "2026-11-25"}, "done": {},
              "created": "2026-11-20T20:00:00Z"}
    northwind = {"company": "Northwind", "moments": {"interview": "2026-11-26"}, "created": "2026-11-26T20:00:00Z",
                 "done": {"send-a-thank-you": "2026-11-26T22:00:00Z"}}
    seed(page, site_url, {"globex": globex, "northwind": northwind})
    items = rows(page)
    expected = {(11, 27): ("send-a-thank-you", "Tuesday, November 24, 2026"),
                (12, 3): ("send-one-follow-up", "Wednesday, December 2, 2026"),
                (12, 11): ("close-the-loop", "Wednesday, December 9, 2026")}
    for (month, day), (entry, when) in expected.items():
        page.clock.set_fixed_time(now(2026, month, day, 9, 0))
        page.goto(site_url + "applications/")
        globex_row = items.filter(has_text="Globex")
        expect(globex_row.locator("[data-fg-slot=status]")).to_have_text(L["due_overdue"])
        expect(globex_row.locator("[data-fg-slot=step]")).to_have_text(KB.entries[entry].checklist)
        expect(globex_row.locator("[data-fg-slot=date]")).to_have_text(when)
        if (month, day) == (11, 27):
            assumed = L["due_assumed"].format(date="Thursday, December 3, 2026")
            expect(items.filter(has_text="Northwind").locator("[data-fg-slot=date]")).to_have_text(
                "Thursday, December 10, 2026 " + assumed)
        if (month, day) == (12, 3):
            page.goto(site_url + "planner/")
            choose(page, "Globex")
            expect(page.locator('[data-fg-step="send-a-thank-you"] [data-fg-step-past]')).to_have_text(L["planner_passed"])
            expect(page.locator('[data-fg-step="send-one-follow-up"] [data-fg-step-past]')).to_have_text(L["planner_past"])
    assert stored(page)["applications"]["globex"]["done"] == {}  # passed over, never ticked for the reader


# --- Each application its own ticks, dates and details ---------------------------------------

def test_two_applications_keep_their_own_ticks_dates_and_template_details(page, site_url):
    seed(page, site_url, {"acme": ACME, "globex": GLOBEX}, details={"your-name": "Ana"})
    page.goto(site_url + "checklist/")
    choose(page, "Acme, Data Analyst")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    expect(page.locator('[data-fg-item-date="send-one-follow-up"]')).to_have_text(
        L["checklist_your_date"].format(date="Friday, March 20, 2026"))
    choose(page, "Globex, Engineer")
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).not_to_be_checked()
    expect(page.locator('[data-fg-item-date="send-one-follow-up"]')).to_have_text(
        L["checklist_your_date"].format(date="Friday, March 20, 2026"))  # 13 March + 7 days
    expect(page.locator('[data-fg-item-date="send-a-thank-you"]')).to_have_text(
        L["checklist_your_date"].format(date="Wednesday, March 4, 2026"))

    # The planner shows the chosen application's dates; the choice is remembered across pages.
    page.goto(site_url + "planner/")
    expect(page.locator('[data-fg-moment="interview"]')).to_have_value("2026-03-02")
    expect(page.locator('[data-fg-moment="stated-date"]')).to_have_value("2026-03-13")
    page.locator('[data-fg-moment="interview"]').fill("2026-03-03")
    choose(page, "Acme, Data Analyst")
    expect(page.locator('[data-fg-moment="interview"]')).to_have_value("2026-03-06")
    expect(page.locator('[data-fg-moment-time="interview"]')).to_have_value("15:00")
    expect(page.get_by_label(L["planner_remember"])).to_be_hidden()  # an application's dates are saved

    # Templates start from the chosen application and the reader's own details.
    page.goto(site_url + "templates/")
    thanks = page.locator('[data-fg-template="thank-you-email"]')
    expect(thanks.locator('[data-fg-field="company"]')).to_have_value("Acme")
    expect(thanks.locator('[data-fg-field="interviewer-name"]')).to_have_value("José Müller")
    expect(thanks.locator('[data-fg-field="interviewer-email"]')).to_have_value("jose@acme.example")
    expect(thanks.locator('[data-fg-field="interview-date"]')).to_have_value("2026-03-06")  # a date picker
    expect(thanks.locator('[data-fg-field="your-name"]')).to_have_value("Ana")
    subject = next(t for t in KB.templates if t.id == "thank-you-email").subject
    expect(thanks.locator("[data-fg-subject]")).to_have_text(
        subject.replace("{role}", "Data Analyst").replace("{your-name}", "Ana").replace("{interviewer-name}", "José Müller"))
    thanks.locator('[data-fg-field="detail"]').fill("the dashboard")  # typed for this template only
    choose(page, "Globex, Engineer")
    expect(thanks.locator('[data-fg-field="company"]')).to_have_value("Globex")
    expect(thanks.locator('[data-fg-field="interviewer-name"]')).to_have_value("Hank")
    choose(page, "Acme, Data Analyst")
    expect(thanks.locator('[data-fg-field="detail"]')).to_have_value("the dashboard")

    record = stored(page)
    assert record["applications"]["acme"]["done"].keys() == {"send-a-thank-you"}
    assert record["applications"]["globex"]["done"] == {}
    assert record["applications"]["globex"]["moments"]["interview"] == "2026-03-03"
    assert record["applications"]["acme"]["overrides"]["thank-you-email"]["detail"] == "the dashboard"
    assert record["general"] == {"done": {}, "moments": {}}


# --- Calendars --------------------------------------------------------------------------------

def calendar_events(page, tmp_path, button, name="plan.ics"):
    with page.expect_download() as download:
        button.click()
    download.value.save_as(tmp_path / name)
    raw = (tmp_path / name).read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    return download.value.suggested_filename, icalendar.Calendar.from_ical(raw).walk("VEVENT")


def test_the_calendar_of_all_open_applications(page, site_url, tmp_path):
    seed(page, site_url, {"acme": ACME, "globex": GLOBEX,
                          "closed": {**GLOBEX, "company": "Closed Inc", "archived": True}})
    page.goto(site_url + "applications/")
    filename, events = calendar_events(page, tmp_path, page.get_by_role("button", name=L["applications_calendar_all"]))
    assert filename == L["applications_calendar_filename"]
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) == 4 + 4  # Acme's four steps; Globex's three ahead and its decision date
    assert all(uid.startswith(("acme-", "globex-")) for uid in uids)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Acme, Data Analyst: " + KB.entries["send-one-follow-up"].checklist in summaries
    assert "Globex, Engineer: " + KB.moments["stated-date"].label in summaries
    assert not any("Closed" in s for s in summaries)
    by_uid = {str(e["UID"]): e for e in events}
    # Across the change to summer time (8 March): two working days after Friday the 6th is Tuesday.
    thanks = by_uid["acme-send-a-thank-you@after-the-interview"]
    assert thanks.decoded("DTSTART") == date(2026, 3, 10)
    assert thanks.decoded("DTEND") == date(2026, 3, 11)
    # Acme's follow-up: no stated date, so 13 March is assumed and the follow-up is the 20th.
    assert by_uid["acme-send-one-follow-up@after-the-interview"].decoded("DTSTART") == date(2026, 3, 20)
    # Stay in touch: 6 June is a Saturday, moved to Monday, then every three months.
    stay = by_uid["acme-stay-in-touch@after-the-interview"]
    assert stay.decoded("DTSTART") == date(2026, 6, 8)
    assert dict(stay["RRULE"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [3], "COUNT": [4]}  # for a year
    assert "globex-send-a-thank-you@after-the-interview" not in uids  # due on 4 March: gone, so left out
    assert by_uid["globex-stated-date@after-the-interview"].decoded("DTSTART") == date(2026, 3, 13)
    follow_up = by_uid["globex-send-one-follow-up@after-the-interview"]
    assert str(follow_up["DESCRIPTION"]).endswith(site_url + "phases/after-the-date/#send-one-follow-up")
    assert all(int(e["SEQUENCE"]) == 0 for e in events)


def test_one_applications_calendar_keeps_its_uids_and_counts_changes(page, site_url, tmp_path):
    seed(page, site_url, {"acme": ACME, "globex": GLOBEX})
    page.goto(site_url + "applications/")
    acme = rows(page).filter(has_text="Acme")
    filename, first = calendar_events(page, tmp_path, acme.get_by_role("button", name=L["application_calendar"]))
    assert filename == L["application_calendar_filename"].format(application="acme")
    assert all(str(e["SUMMARY"]).startswith("Acme, Data Analyst: ") for e in first)

    # The interview moves a day: same UIDs, the changed events' SEQUENCE grows.
    acme.get_by_role("button", name=L["application_edit"]).click()
    page.get_by_label(KB.moments["interview"].ask).fill("2026-03-05")
    page.get_by_role("button", name=L["application_save"], exact=True).click()
    _, second = calendar_events(page, tmp_path, acme.get_by_role("button", name=L["application_calendar"]), "2.ics")
    assert [str(e["UID"]) for e in second] == [str(e["UID"]) for e in first]
    assert [int(e["SEQUENCE"]) for e in second] == [1, 1, 1, 1]
    _, third = calendar_events(page, tmp_path, acme.get_by_role("button", name=L["application_calendar"]), "3.ics")
    assert [int(e["SEQUENCE"]) for e in third] == [1, 1, 1, 1]  # nothing changed since

    # The planner's buttons give the chosen application's events.
    page.goto(site_url + "planner/")
    choose(page, "Globex, Engineer")
    _, planned = calendar_events(page, tmp_path, page.locator('[data-fg-step="close-the-loop"]').get_by_role(
        "button", name=L["planner_calendar_one"]), "4.ics")
    assert [str(e["UID"]) for e in planned] == ["globex-close-the-loop@after-the-interview"]


# --- Migration, export and import -----------------------------------------------------------

def test_the_older_records_become_a_first_application(page, site_url):
    page.goto(site_url + "about/")
    page.evaluate("""(keys) => {
        localStorage.setItem(keys[0], JSON.stringify({version: 2, done: {"send-a-thank-you": "2026-03-06T21:00:00Z"}}));
        localStorage.setItem(keys[1], JSON.stringify({"interview": "2026-03-06", "interview-time": "15:00"}));
        localStorage.setItem(keys[2], JSON.stringify({"your-name": "Ana", "company": "Acme", "detail": "the dashboard"}));
    }""", OLD_KEYS)
    page.goto(site_url + "checklist/")
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    expect(page.locator("[data-fg-application-select]")).to_have_value(re.compile(".+"))
    record = stored(page)
    [app] = record["applications"].values()
    assert record["chosen"] == app["id"]
    assert list(app["done"]) == ["send-a-thank-you"]
    assert app["moments"] == {"interview": "2026-03-06", "interview-time": "15:00"}
    assert app["company"] == "Acme"
    assert record["details"] == {"your-name": "Ana"}
    assert [page.evaluate("k => localStorage.getItem(k)", key) for key in OLD_KEYS] == [None, None, None]
    page.goto(site_url + "templates/")
    thanks = page.locator('[data-fg-template="thank-you-email"]')
    expect(thanks.locator('[data-fg-field="detail"]')).to_have_value("the dashboard")
    expect(thanks.locator('[data-fg-field="your-name"]')).to_have_value("Ana")


def test_old_keys_stay_when_the_new_record_cannot_be_written(page, site_url):
    page.goto(site_url + "about/")
    page.evaluate("k => localStorage.setItem(k, JSON.stringify({version: 2, done: {'keep-searching': 't'}}))", OLD_KEYS[0])
    page.add_init_script("""
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
    """)
    page.goto(site_url + "checklist/")
    assert page.evaluate("k => localStorage.getItem(k)", OLD_KEYS[0]) is not None
    assert stored(page) is None


def test_export_and_import_move_every_application_into_a_fresh_browser(page, browser, site_url, tmp_path):
    seed(page, site_url, {"acme": {**ACME, "done": {"send-a-thank-you": "t"}}, "globex": GLOBEX},
         chosen="acme", details={"your-name": "Ana"})
    page.goto(site_url + "applications/")
    with page.expect_download() as download:
        page.get_by_role("button", name=L["checklist_export"]).click()
    download.value.save_as(tmp_path / "everything.json")

    fresh = watch(browser.new_context(timezone_id=ZONE, locale="en-US"))
    try:
        other = fresh.new_page()
        other.clock.set_fixed_time(now(2026, 3, 9, 9, 0))
        # Already here: Acme with another tick, which the import must keep.
        seed(other, site_url, {"acme": {**ACME, "done": {"keep-searching": "t"}}}, chosen="acme")
        other.goto(site_url + "applications/")
        with other.expect_file_chooser() as chooser:
            other.get_by_role("button", name=L["checklist_import"]).click()
        chooser.value.set_files(tmp_path / "everything.json")
        # A file asks first, as a link does: what it adds, and nothing changes before the answer.
        expect(other.locator("[data-fg-receive-ask] [data-fg-receive-list] li")).to_have_text(
            [L["receive_added"].format(names="Globex, Engineer"), L["receive_ticked"].format(count=1), L["receive_other"]])
        assert stored(other)["applications"].keys() == {"acme"}
        other.get_by_role("button", name=L["receive_merge"]).click()
        expect(other.locator("[data-fg-receive-message]")).to_have_text(L["receive_done"])
        expect(rows(other)).to_have_count(2)
        record = stored(other)
        assert record["applications"]["acme"]["done"].keys() == {"keep-searching", "send-a-thank-you"}
        assert record["applications"]["globex"]["moments"] == GLOBEX["moments"]
        assert record["details"] == {"your-name": "Ana"}
        assert fresh.page_errors == []
    finally:
        fresh.context.close()


def test_a_checklist_file_of_the_previous_version_becomes_an_application_of_its_own(page, site_url, tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": "followup-guide-progress", "version": 2, "site": "after-the-interview",
                               "done": {"keep-searching": "2026-01-01T00:00:00Z"}}))
    seed(page, site_url, {"acme": ACME}, chosen="acme")  # chosen here: its ticks are not the old file's
    page.goto(site_url + "checklist/")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=L["checklist_import"]).click()
    chooser.value.set_files(old)
    expect(page.locator("[data-fg-receive-ask] [data-fg-receive-list] li")).to_have_text(
        [L["receive_added"].format(names=L["application_unnamed"])])
    page.get_by_role("button", name=L["receive_merge"]).click()
    expect(page.locator('[data-fg-item="keep-searching"]')).not_to_be_checked()
    record = stored(page)
    assert record["applications"]["acme"]["done"] == ACME["done"] and record["chosen"] == "acme"
    [new] = [app for id_, app in record["applications"].items() if id_ != "acme"]
    assert new["done"] == {"keep-searching": "2026-01-01T00:00:00Z"}


def test_a_foreign_file_or_one_with_too_many_applications_changes_nothing(page, site_url, tmp_path):
    seed(page, site_url, {"acme": ACME})
    before = stored(page)
    page.goto(site_url + "applications/")
    for content in ("nothing", '{"format": "something-else", "version": 3}', '{"format": "followup-guide-progress"}'):
        (tmp_path / "bad.json").write_text(content)
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name=L["checklist_import"]).click()
        chooser.value.set_files(tmp_path / "bad.json")
        expect(page.locator("[data-fg-import-message]")).to_have_text(L["checklist_import_failed"])
        page.locator("[data-fg-import-message]").evaluate("element => element.textContent = ''")
    assert stored(page) == before
    # One of ours, small, but with more applications than anyone follows (500 and acme): every
    # page would slow down, so it is refused as too much, and nothing changes.
    many = {"format": "followup-guide-progress", "version": 3, "site": "after-the-interview",
            "applications": {f"a{n}": {"company": f"Company {n}"} for n in range(500)}}
    (tmp_path / "many.json").write_text(json.dumps(many))
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=L["checklist_import"]).click()
    chooser.value.set_files(tmp_path / "many.json")
    expect(page.locator("[data-fg-import-message]")).to_have_text(L["progress_too_big"])
    assert stored(page) == before


# Storage that takes nothing longer than 100,000 characters, as a full one would refuse a big record.
FULL_STORAGE = """const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
        if (String(value).length > 100000) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return setItem.call(this, key, value);
    };"""


def test_a_file_too_big_for_the_guide_or_this_browser_adds_nothing_and_says_so(page, site_url, tmp_path):
    page.add_init_script(FULL_STORAGE)
    seed(page, site_url, {"acme": ACME}, chosen="acme")
    before = stored(page)
    big = {"format": "followup-guide-progress", "version": 3, "site": "after-the-interview",
           "applications": {"globex": {**GLOBEX, "note": "n" * 200_000}}}
    (tmp_path / "big.json").write_text(json.dumps(big))
    page.goto(site_url + "checklist/")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=L["checklist_import"]).click()
    chooser.value.set_files(tmp_path / "big.json")
    page.get_by_role("button", name=L["receive_merge"]).click()  # room for it is known only when it is written
    expect(page.locator("[data-fg-receive-message]")).to_have_text(L["progress_too_big"])
    assert stored(page) == before
    (tmp_path / "huge.json").write_text(json.dumps({**big, "padding": "p" * 2_100_000}))  # over the 2 MB any file may be
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=L["checklist_import"]).click()
    chooser.value.set_files(tmp_path / "huge.json")
    expect(page.locator("[data-fg-import-message]")).to_have_text(L["progress_too_big"])
    assert stored(page) == before
    page.locator('[data-fg-item="keep-searching"]').check()  # what the reader does next is still saved
    expect(page.locator("[data-fg-storage-notice]").first).to_be_hidden()
    assert "keep-searching" in stored(page)["applications"]["acme"]["done"]


def test_the_first_application_keeps_the_ticks_and_dates_made_before_it(page, site_url):
    seed(page, site_url, {}, general={"done": {"keep-searching": "2026-03-01T10:00:00Z"},
                                      "moments": {"interview": "2026-03-06", "interview-time": "15:00"}})
    page.goto(site_url + "applications/")
    add_with_the_form(page, "Acme", "Clerk")
    first = next(iter(stored(page)["applications"].values()))
    assert first["done"] == {"keep-searching": "2026-03-01T10:00:00Z"}
    assert first["moments"] == {"interview": "2026-03-06", "interview-time": "15:00"}
    assert stored(page)["general"] == {"done": {}, "moments": {}}
    page.goto(site_url + "checklist/")
    expect(page.locator('[data-fg-item="keep-searching"]')).to_be_checked()
    page.goto(site_url + "applications/")
    add_with_the_form(page, "Globex", "Engineer")  # a second one starts empty
    second = next(a for a in stored(page)["applications"].values() if a["company"] == "Globex")
    assert second["done"] == {} and second["moments"] == {}


# --- Storage refused or corrupt -----------------------------------------------------------

BLOCKED = """Object.defineProperty(window, "localStorage", {
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""


def test_with_storage_blocked_applications_work_for_the_visit(context, site_url):
    page = context.new_page()
    page.add_init_script(BLOCKED)
    page.goto(site_url + "applications/")
    add_with_the_form(page, "Acme", "", "2026-03-06")
    expect(rows(page)).to_have_count(1)
    expect(page.locator("[data-fg-storage-notice]")).to_be_visible()
    expect(page.locator("[data-fg-storage-notice]")).to_have_text(L["checklist_storage_unavailable"])
    assert context.page_errors == [] and context.console_errors == []


@pytest.mark.parametrize("garbage", ["{oops", '{"version": 3, "applications": [1, 2]}',
                                     '{"version": 3, "applications": {"a": {"done": "x", "moments": 4, "interviewers": 5}}}'])
def test_a_corrupt_record_is_survived(context, site_url, garbage):
    page = context.new_page()
    page.goto(site_url + "about/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, garbage])
    for path in ("", "applications/", "checklist/", "planner/", "templates/"):
        page.goto(site_url + path)
    page.goto(site_url + "applications/")
    add_with_the_form(page, "Acme")
    expect(rows(page).filter(has_text="Acme")).to_have_count(1)
    assert context.page_errors == [] and context.console_errors == []


# --- Print ------------------------------------------------------------------------------------

@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_one_applications_checklist_prints_on_one_page_with_its_dates(page, site_url, paper):
    seed(page, site_url, {"acme": ACME}, chosen="acme")
    page.goto(site_url + "checklist/")
    page.emulate_media(media="print")
    expect(page.locator("[data-fg-print-application]")).to_have_text("Acme, Data Analyst")
    sheets = printed_sheets(page, paper)
    text = " ".join(sheet.text for sheet in sheets)
    assert len(sheets) == 1
    assert "Acme, Data Analyst" in text
    for day in ("Tuesday, March 10, 2026", "Friday, March 20, 2026", "Friday, March 27, 2026", "Monday, June 8, 2026"):
        assert day in text, day
    assert L["application_choose"] not in text
    # At the general checklist's size: the same line, printed with no application chosen.
    size = "() => getComputedStyle(document.querySelector('[data-fg-item=send-a-thank-you]').labels[0]).fontSize"
    chosen_size = page.evaluate(size)
    page.emulate_media(media="screen")
    page.locator("[data-fg-application-select]").first.select_option(label=L["application_none"])
    page.emulate_media(media="print")
    expect(page.locator("[data-fg-print-application]")).to_be_hidden()
    assert chosen_size == page.evaluate(size)


# --- Keyboard, phone, touch -------------------------------------------------------------------

def tab_to(page, predicate: str, limit: int = 80) -> None:
    for _ in range(limit):
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {predicate}; }})()"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"never reached {predicate}")


def test_keyboard_alone_adds_chooses_edits_archives_and_deletes(page, site_url):
    page.goto(site_url + "applications/")
    tab_to(page, "e.hasAttribute('data-fg-app-add')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "fg-app-company"  # the form opens on its first field
    page.keyboard.press("Enter")  # with nothing typed: nothing saved, and the field says why
    expect(page.locator("[data-fg-app-name-needed]")).to_have_text(L["application_name_needed"])
    company = page.locator("#fg-app-company")
    expect(company).to_be_focused()
    expect(company).to_have_attribute("aria-invalid", "true")
    expect(company).to_have_attribute("aria-describedby", "fg-app-name-needed")
    expect(page.locator("[data-fg-app-status]")).to_have_text(L["application_name_needed"])  # read out
    expect(rows(page)).to_have_count(0)
    page.keyboard.type("Acme")
    expect(company).not_to_have_attribute("aria-invalid", "true")  # a name now: no longer marked
    page.keyboard.press("Tab")
    page.keyboard.type("Analyst")
    page.keyboard.press("Enter")  # submits the form
    expect(rows(page)).to_have_count(1)
    assert page.evaluate("document.activeElement.textContent") == "Acme, Analyst"
    tab_to(page, "e.hasAttribute('data-fg-app-add')")
    page.keyboard.press("Enter")
    expect(page.locator("[data-fg-app-name-needed]")).to_be_hidden()  # a new form starts without the message
    page.keyboard.type("Globex")
    page.keyboard.press("Enter")
    expect(rows(page)).to_have_count(2)

    acme = "e.closest('[data-fg-application]') && e.closest('[data-fg-application]').textContent.includes('Acme')"
    tab_to(page, f"e.dataset.fgAppAction === 'edit' && {acme}")
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=2, name=L["applications_edit_heading"].format(application="Acme, Analyst"))
    expect(heading).to_be_visible()  # which of the applications is being changed
    tab_to(page, "e.hasAttribute('data-fg-app-cancel')")
    page.keyboard.press("Enter")  # back to the button the reader came from
    assert page.evaluate(f"(() => {{ const e = document.activeElement; return e.dataset.fgAppAction === 'edit' && {acme}; }})()")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # as Cancel
    expect(page.locator("[data-fg-app-form]")).to_be_hidden()
    assert page.evaluate(f"(() => {{ const e = document.activeElement; return e.dataset.fgAppAction === 'edit' && {acme}; }})()")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+A")
    page.keyboard.type("Acme Corp")
    page.keyboard.press("Enter")
    expect(rows(page).filter(has_text="Acme").locator("[data-fg-slot=name]")).to_have_text("Acme Corp, Analyst")

    tab_to(page, "e.dataset.fgAppAction === 'choose'")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(KB.pages["checklist"].title)
    expect(page.locator("[data-fg-application-select]")).to_have_value(stored(page)["chosen"])
    page.goto(site_url + "applications/")

    tab_to(page, f"e.dataset.fgAppAction === 'archive' && {acme}")
    page.keyboard.press("Enter")
    expect(rows(page)).to_have_count(1)
    status = page.locator("[data-fg-app-status]")  # said, and the focus on the next application
    expect(status).to_have_text(L["application_archived_status"].format(application="Acme Corp, Analyst"))
    assert page.evaluate("document.activeElement.textContent") == "Globex"
    archived = page.locator("[data-fg-archived] [data-fg-due-items] > li")
    tab_to(page, "e.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    expect(archived).to_have_count(1)
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    tab_to(page, "e.dataset.fgAppAction === 'delete'")
    page.keyboard.press("Enter")
    expect(archived).to_have_count(0)
    expect(page.locator("[data-fg-archived-box]")).to_be_hidden()  # the last archived one is gone
    expect(status).to_have_text(L["application_deleted_status"].format(application="Acme Corp, Analyst"))
    expect(page.locator("[data-fg-app-add]")).to_be_focused()  # none left in that list
    assert messages == [L["application_delete_confirm"].format(application="Acme Corp, Analyst")]
    record = stored(page)  # the deletion is kept, so that the other device learns of it too
    assert [app["company"] for app in record["applications"].values()] == ["Globex"] and len(record["removed"]) == 1


@pytest.mark.parametrize("path", ["applications/", "checklist/", "planner/", "templates/", "log/"])
def test_on_a_phone_the_controls_fit_and_are_big_enough_to_touch(page, site_url, path):
    # With the backup notice showing (a change not saved elsewhere for a week, storage not kept), and
    # an archived application.
    seed(page, site_url, {"acme": ACME, "globex": {**GLOBEX, "archived": True}}, chosen="acme",
         device={"unsaved": "2026-03-01T00:00:00Z", "persisted": False, "asked": "2026-03-08T00:00:00Z"})
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + path)
    if path == "applications/":
        page.get_by_role("button", name=L["applications_add"]).click()
        page.get_by_role("button", name=L["link_make"]).click()  # the device link, and its QR code
        expect(page.locator("[data-fg-link-qr] svg")).to_be_visible()
        qr = page.locator("[data-fg-link-qr] svg").bounding_box()
        assert qr["width"] >= 250, qr  # big enough for a camera
    expect(page.locator("[data-fg-backup-notice]")).to_be_visible()
    if path == "applications/":
        page.locator(".fg-archived > summary").click()
    # Tick boxes by their labels, summaries, links standing alone, buttons, menus, fields.
    assert page.evaluate(TOUCH_TARGETS)
    assert not too_small_to_touch(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if path == "checklist/":  # a line's date goes under its words, which keep the row's width
        date = page.locator('[data-fg-item-date="send-a-thank-you"]')
        expect(date).to_be_visible()
        words = date.locator("xpath=..").locator("label").bounding_box()
        under = date.bounding_box()
        assert under["y"] >= words["y"] + words["height"] - 1 and abs(under["x"] - words["x"]) <= 1, (words, under)
        assert words["width"] >= 300, words
    if path == "applications/":  # a label longer than the form's label column takes its line, not a narrow column
        passphrase = page.locator('label[for="fg-link-passphrase"]').bounding_box()
        assert passphrase["width"] >= 300, passphrase
    if path == "log/":  # each application a block, each value under its column's name, all on the screen
        cells = page.locator("[data-fg-log-rows] td")
        expect(cells).to_have_count(14)
        boxes = cells.evaluate_all("tds => tds.map(td => td.getBoundingClientRect().toJSON())")
        assert all(0 <= box["left"] and box["right"] <= 390 for box in boxes), boxes
        for cell in cells.all():  # (no heading over an empty field)
            assert cell.evaluate("td => getComputedStyle(td, '::before').content") == \
                (f'"{cell.get_attribute("data-label")}" / ""' if cell.text_content() else "none")
        expect(cells.nth(0)).to_have_attribute("data-label", L["log_company"])
        # Still a table to a screen reader (Chromium's own tree), the column's name not read twice.
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        roles = [node["role"]["value"] for node in tree if not node.get("ignored")]
        assert roles.count("table") == 1 and roles.count("columnheader") == 7 and roles.count("cell") == 14, roles
        assert next(n for n in tree if n["role"]["value"] == "cell")["name"]["value"] == "Globex"
        assert_accessible(page)  # nothing scrolls sideways, out of a keyboard's reach


def test_the_timeline_picture_shows_the_chosen_applications_dates(page, site_url):
    seed(page, site_url, {"acme": ACME}, chosen="acme")
    for path in ("", "phases/within-24-hours/", "planner/"):
        page.goto(site_url + path)
        picture = page.locator(".fg-timeline__picture--wide")
        expect(picture.locator('[data-fg-when="entry:send-a-thank-you"]')).to_have_text("Mar 10")
        expect(picture.locator('[data-fg-when="moment:interview"]')).to_have_text("Mar 6")
        expect(picture.locator('[data-fg-when="entry:stay-in-touch"]')).to_have_text("Jun 8")
        description = picture.evaluate("svg => svg.querySelector('desc').textContent")
        thanks_label = next(p.label for p in KB.timeline.points if p.ref == "send-a-thank-you")
        assert f"{thanks_label}, Tuesday, March 10, 2026" in description
    # Without a chosen application, the picture is the guide's own again.
    page.locator("[data-fg-application-select]").select_option("")
    expect(page.locator('.fg-timeline__picture--wide [data-fg-when="entry:send-a-thank-you"]')).to_have_text(
        KB.labels["timeline_within"].format(duration=KB.entries["send-a-thank-you"].timing.duration.text))


def test_two_tabs_stay_in_sync(context, site_url):
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):  # the follow-up is next only until its moment has gone (in the spring)
        tab.clock.set_fixed_time(now(2026, 3, 9, 9, 0))
    first.goto(site_url + "applications/")
    second.goto(site_url + "checklist/")
    add_with_the_form(first, "Acme", "", "2026-03-06")
    picker = second.locator("[data-fg-application-select]")
    expect(picker.locator("option")).to_have_text([L["application_none"], "Acme"])
    picker.select_option(label="Acme")
    second.locator('[data-fg-item="send-a-thank-you"]').check()
    expect(rows(first).locator("[data-fg-slot=step]")).to_have_text(KB.entries["send-one-follow-up"].checklist)
    assert context.page_errors == []


def test_the_readers_own_name_stays_when_another_application_is_chosen(page, site_url):
    """Typed without 'Remember': the reader's name is theirs, not the application's."""
    seed(page, site_url, {"acme": ACME, "globex": GLOBEX}, chosen="acme")
    page.goto(site_url + "templates/")
    thanks = page.locator('[data-fg-template="thank-you-email"]')
    thanks.locator('[data-fg-field="your-name"]').fill("Ana García")
    choose(page, "Globex, Engineer")
    expect(thanks.locator('[data-fg-field="company"]')).to_have_value("Globex")
    expect(thanks.locator('[data-fg-field="your-name"]')).to_have_value("Ana García")


def test_the_thank_you_is_written_once_per_interviewer_of_the_application(page, site_url):
    panel = {**ACME, "interviewers": [{"name": "José Müller", "email": "jose@acme.example"},
                                      {"name": "Kim Lee", "email": "kim@acme.example"}]}
    seed(page, site_url, {"acme": panel}, chosen="acme")
    page.goto(site_url + "templates/")
    thanks = page.locator('[data-fg-template="thank-you-email"]')
    expect(thanks.locator('[data-fg-field="interviewer-name"]')).to_have_value("José Müller")
    thanks.locator('[data-fg-field="detail"]').fill("the dashboard")

    thanks.get_by_role("button", name=L["template_next_person"]).click()
    expect(thanks.locator('[data-fg-field="interviewer-name"]')).to_have_value("Kim Lee")
    expect(thanks.locator('[data-fg-field="interviewer-email"]')).to_have_value("kim@acme.example")
    expect(thanks.locator('[data-fg-field="detail"]')).to_have_value("")
    expect(thanks.locator('[data-fg-field="company"]')).to_have_value("Acme")
    expect(thanks.locator("[data-fg-mailto]")).to_have_attribute("href", re.compile(r"^mailto:kim@acme\.example\?"))
    # The status says who was filled in, not that the name and address were emptied.
    expect(thanks.locator("[data-fg-template-status]")).to_have_text(
        L["template_next_person_filled"].replace("{name}", "Kim Lee"))

    thanks.get_by_role("button", name=L["template_next_person"]).click()  # past the last one: left to the reader
    expect(thanks.locator('[data-fg-field="interviewer-name"]')).to_have_value("")
    expect(thanks.locator("[data-fg-template-status]")).to_have_text(L["template_next_person_ready"])
