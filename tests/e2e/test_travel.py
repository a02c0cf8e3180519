"""Progress that travels and lasts, in Chromium: the device link between two browser contexts
(damaged, foreign and locked links too), its QR code read back by a decoder, the locked file,
persistent storage, the backup notice with the clock moved on, the job-search log and its CSV,
and a privacy page that names every key written and removes them all."""
from __future__ import annotations

import base64
import csv
import io
import json
import secrets
import zlib
from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from support import DEFAULT_KB as KB

from browsing import assert_accessible, watch

ZONE = "America/New_York"
SITE = "after-the-interview"
KEY = f"followup-guide:data:v3:{SITE}"
L = KB.labels
START = datetime(2026, 3, 9, 9, 0, tzinfo=ZoneInfo(ZONE))  # a Monday
ACME = {"company": "Acme", "role": "Data Analyst", "contact": "Rita at Hays",
        "interviewers": [{"name": "José Müller", "email": "jose@acme.example"}, {"name": "Kim Lee", "email": ""}],
        "moments": {"interview": "2026-03-06", "interview-time": "15:00", "stated-date": "2026-03-13"},
        "done": {"send-a-thank-you": "2026-03-07T14:00:00.000Z"}, "created": "2026-03-06T20:00:00Z",
        "applied": "2026-02-20", "note": "=HYPERLINK(\"http://x.example\")", "overrides": {"*": {"your-phone": "555"}}}
GLOBEX = {"company": "Globex", "role": "Engineer", "moments": {"interview": "2026-03-02"}, "done": {},
          "created": "2026-03-02T20:00:00Z", "outcome": "rejection", "outcomeDay": "2026-03-08"}
# Sets navigator.storage.persist to count its calls and give the answer in window.__persistAnswer.
PERSIST_STUB = """
    window.__persistCalls = 0;
    window.__persistAnswer = false;
    Object.defineProperty(navigator.storage, "persist", { configurable: true, value: function () {
        window.__persistCalls++;
        return Promise.resolve(window.__persistAnswer);
    } });
"""


def new_page(browser, clock=START):
    context = watch(browser.new_context(timezone_id=ZONE, locale="en-US", accept_downloads=True,
                                        permissions=["clipboard-read", "clipboard-write"]))
    page = context.new_page()
    page.add_init_script(PERSIST_STUB)
    page.clock.set_fixed_time(clock)
    return context, page


@pytest.fixture
def browsers(browser):
    """Browser contexts made by the test (two devices), closed afterwards; none logs an error."""
    made = []

    def make(clock=START):
        context, page = new_page(browser, clock)
        made.append(context)
        return page

    yield make
    for context in made:
        assert context.page_errors == [] and context.console_errors == []
        context.context.close()


def stored(page) -> dict | None:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if raw is None else json.loads(raw)


def seed(page, site_url, applications: dict, **more) -> None:
    page.goto(site_url + "about/")
    record = {"version": 3, "applications": applications, "general": {"done": {}, "moments": {}}, "details": {},
              "chosen": "", **more}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(record)])


def make_link(page, site_url, passphrase="") -> str:
    page.goto(site_url + "applications/")
    if passphrase:
        page.get_by_label(L["link_passphrase"]).fill(passphrase)
    page.get_by_role("button", name=L["link_make"]).click()
    text = page.get_by_label(L["link_text"], exact=True)
    expect(text).not_to_have_value("")
    return text.input_value()


def without_device(record: dict) -> dict:
    return {name: value for name, value in record.items() if name != "device"}


def receive(page):
    return page.locator("[data-fg-receive]")


def listed(page, part="ask") -> list[str]:
    """The lines of what a load would change (part "ask") or changed ("result")."""
    expect(page.locator(f"[data-fg-receive-{part}]")).to_be_visible()
    return page.locator(f"[data-fg-receive-{part}] [data-fg-receive-list] li").all_inner_texts()


def link_with(site_url, value) -> str:
    """A link made here, as the guide makes them: JSON, zlib-deflated, base64url."""
    data = base64.urlsafe_b64encode(zlib.compress(json.dumps(value).encode())).decode().rstrip("=")
    return f"{site_url}applications/#fg1.{data}"


# --- The device link -------------------------------------------------------------------------

def test_a_link_made_in_one_browser_brings_everything_into_another(browsers, site_url):
    phone = browsers()
    seed(phone, site_url, {"acme": ACME, "globex": GLOBEX}, chosen="acme", details={"your-name": "Ana"},
         general={"done": {"keep-searching": "2026-03-01T10:00:00.000Z"}, "moments": {}})
    phone.goto(site_url + "applications/")
    assert phone.evaluate("typeof window.qrcode") == "undefined"  # the QR library comes only with a link
    link = make_link(phone, site_url)
    assert urlsplit(link)._replace(fragment="").geturl() == site_url + "applications/"
    assert urlsplit(link).fragment.startswith("fg1.")
    phone.get_by_role("button", name=L["link_copy"]).click()
    expect(phone.locator("[data-fg-link-message]")).to_have_text(L["link_copied"])
    assert phone.evaluate("navigator.clipboard.readText()") == link
    assert "backup" in stored(phone)["device"]  # copying the link counts as a backup

    laptop = browsers()
    laptop.emulate_media(color_scheme="dark")
    seed(laptop, site_url, {"acme": {**ACME, "done": {"keep-searching": "2026-03-08T10:00:00.000Z"}}})
    laptop.goto(link)
    expect(receive(laptop)).to_be_visible()
    assert laptop.evaluate("document.activeElement.id") == "fg-receive-heading"  # the reader is taken to the question
    assert_accessible(laptop)
    # When the copy was made, and what it changes here: Globex is new, two ticks, the reader's name.
    expect(laptop.locator("[data-fg-receive-summary]")).to_have_text(
        L["receive_made"].format(date="Monday, March 9, 2026 at 9:00 AM") + " " + L["receive_changes"])
    what = [L["receive_added"].format(names="Globex, Engineer"), L["receive_ticked"].format(count=2), L["receive_other"]]
    assert listed(laptop) == what
    assert laptop.evaluate("location.hash") == "" and "#" not in laptop.url  # out of the address bar at once
    laptop.get_by_role("button", name=L["receive_merge"]).click()
    expect(laptop.locator("[data-fg-receive-message]")).to_have_text(L["receive_done"])
    assert listed(laptop, "result") == what
    assert laptop.evaluate("document.activeElement.hasAttribute('data-fg-receive-message')")  # not lost with the button
    theirs, ours = stored(phone), stored(laptop)
    assert ours["applications"]["globex"] == theirs["applications"]["globex"]
    assert ours["applications"]["acme"]["done"].keys() == {"send-a-thank-you", "keep-searching"}  # nothing unticked
    assert {k: v for k, v in ours["applications"]["acme"].items() if k != "done"} == \
        {k: v for k, v in theirs["applications"]["acme"].items() if k != "done"}
    assert ours["details"] == {"your-name": "Ana"} and ours["general"] == theirs["general"]
    laptop.reload()
    expect(receive(laptop)).to_be_hidden()  # the link is not in the address any more


OPEN = "[data-fg-due]:not([data-fg-archived]) [data-fg-due-items] > li"


def test_changes_made_on_the_other_device_travel_and_the_newer_one_wins_with_undo(browsers, site_url):
    """Both devices hold the same three applications (saved before changes were stamped); the
    laptop moves a decision date, unticks a step, archives one and deletes one; the phone loads
    its link: it is told what will change, gets all of it, and Undo puts its own back."""
    base = {"contoso": {"company": "Contoso", "role": "Designer", "created": "2026-03-05T20:00:00Z",
                        "moments": {"interview": "2026-03-05", "stated-date": "2026-03-13"},
                        "done": {"send-a-thank-you": "2026-03-05T22:00:00.000Z"}},
            "fabrikam": {"company": "Fabrikam", "role": "Writer", "moments": {"interview": "2026-03-04"},
                         "created": "2026-03-04T20:00:00Z"},
            "northwind": {"company": "Northwind", "role": "Clerk", "moments": {"interview": "2026-03-03"},
                          "created": "2026-03-03T20:00:00Z"}}
    laptop = browsers(START + timedelta(days=1))
    seed(laptop, site_url, base, chosen="contoso")
    laptop.goto(site_url + "planner/")
    laptop.locator('[data-fg-moment="stated-date"]').fill("2026-03-20")  # HR moved the decision
    laptop.goto(site_url + "checklist/")
    laptop.locator('[data-fg-item="send-a-thank-you"]').uncheck()  # ticked by mistake
    laptop.goto(site_url + "applications/")
    laptop.locator(OPEN).filter(has_text="Fabrikam").locator("[data-fg-app-action=archive]").click()
    laptop.once("dialog", lambda dialog: dialog.accept())
    laptop.locator(OPEN).filter(has_text="Northwind").locator("[data-fg-app-action=delete]").click()
    expect(laptop.locator(OPEN)).to_have_count(1)
    record = stored(laptop)
    assert record["applications"]["contoso"]["stamps"].keys() == {"moments.stated-date", "done.send-a-thank-you"}
    assert record["applications"]["fabrikam"]["stamps"].keys() == {"archived"}
    assert list(record["removed"]) == ["northwind"]
    link = make_link(laptop, site_url)

    phone = browsers(START + timedelta(days=1, hours=3))
    seed(phone, site_url, base, chosen="contoso")
    before = stored(phone)
    phone.goto(link)
    expect(phone.locator("[data-fg-receive-summary]")).to_have_text(
        L["receive_made"].format(date="Tuesday, March 10, 2026 at 9:00 AM") + " " + L["receive_changes"])
    what = [L["receive_changed"].format(names="Contoso, Designer"), L["receive_archived"].format(names="Fabrikam, Writer"),
            L["receive_removed"].format(names="Northwind, Clerk"), L["receive_unticked"].format(count=1)]
    assert listed(phone) == what
    assert stored(phone) == before  # nothing changes before the answer
    phone.get_by_role("button", name=L["receive_merge"]).click()
    expect(phone.locator("[data-fg-receive-message]")).to_have_text(L["receive_done"])
    assert listed(phone, "result") == what
    assert_accessible(phone)  # the result, its list and Undo
    expect(phone.locator(OPEN).locator("[data-fg-slot=name]")).to_have_text(["Contoso, Designer"])
    expect(phone.locator("[data-fg-archived] [data-fg-due-items] > li [data-fg-slot=name]")).to_have_text(["Fabrikam, Writer"])
    phone.get_by_role("button", name=L["receive_undo"]).click()
    expect(phone.locator("[data-fg-receive-message]")).to_have_text(L["receive_undone"])
    expect(phone.locator(OPEN)).to_have_count(3)
    undone = stored(phone)["applications"]
    assert {id_: (app["moments"], app["done"], app["archived"]) for id_, app in undone.items()} == \
        {id_: (app["moments"], app.get("done", {}), False) for id_, app in base.items()}

    phone.goto(link)  # and again, for good
    phone.get_by_role("button", name=L["receive_merge"]).click()
    expect(phone.locator("[data-fg-receive-message]")).to_have_text(L["receive_done"])
    phone.goto(site_url + "planner/")
    expect(phone.locator('[data-fg-moment="stated-date"]')).to_have_value("2026-03-20")
    phone.goto(site_url + "checklist/")
    expect(phone.locator('[data-fg-item="send-a-thank-you"]')).not_to_be_checked()
    expect(phone.locator('[data-fg-item-date="send-one-follow-up"]')).to_have_text(
        L["checklist_your_date"].format(date="Friday, March 27, 2026"))  # a week after the laptop's date
    ours, theirs = stored(phone), stored(laptop)
    assert ours["applications"] == theirs["applications"] and ours["removed"] == theirs["removed"]
    laptop.goto(make_link(phone, site_url))  # back to the laptop: nothing new there
    expect(laptop.locator("[data-fg-receive-message]")).to_have_text(L["receive_nothing"])

    # The next link opened in that same tab is read too; Undo stays only until something else changes.
    phone.goto(site_url + "checklist/")
    phone.locator('[data-fg-item="keep-searching"]').check()
    fragment = urlsplit(make_link(phone, site_url)).fragment
    laptop.evaluate(f"location.hash = {json.dumps('#' + fragment)}")
    assert listed(laptop) == [L["receive_ticked"].format(count=1)]
    laptop.get_by_role("button", name=L["receive_merge"]).click()
    undo = laptop.get_by_role("button", name=L["receive_undo"])
    expect(undo).to_be_visible()
    laptop.locator(OPEN).filter(has_text="Contoso").locator("[data-fg-app-action=archive]").click()
    expect(undo).to_be_hidden()  # it would take the archive back too


def test_a_copy_can_bring_back_an_application_deleted_here_when_the_reader_asks(browsers, site_url):
    """A deletion wins over an older copy, so a backup cannot bring a deleted application back by
    itself; the question says it holds one, and a tick beside its name brings it back."""
    page = browsers()
    seed(page, site_url, {"globex": GLOBEX, "acme": {"company": "Acme", "role": "Analyst"}})
    link = make_link(page, site_url)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(OPEN).filter(has_text="Globex").locator("[data-fg-app-action=delete]").click()
    expect(page.locator(OPEN)).to_have_count(1)
    page.goto(link)
    revive = page.get_by_label(L["receive_revive"].format(names="Globex, Engineer"))
    expect(revive).not_to_be_checked()
    assert listed(page) == []  # nothing else would change
    page.get_by_role("button", name=L["receive_merge"]).click()  # without the tick: still deleted
    expect(page.locator("[data-fg-receive-message]")).to_have_text(L["receive_nothing"])
    page.goto(link)
    revive.check()
    page.get_by_role("button", name=L["receive_merge"]).click()
    expect(page.locator(OPEN).locator("[data-fg-slot=name]")).to_have_count(2)
    assert listed(page, "result") == [L["receive_restored"].format(names="Globex, Engineer")]


def test_a_damaged_or_foreign_link_is_refused_and_not_now_changes_nothing(browsers, site_url):
    page = browsers()
    page.goto(site_url + "applications/#move-to-another-device")  # a heading's anchor is no link
    expect(receive(page)).to_be_hidden()
    assert page.evaluate("location.hash") == "#move-to-another-device"
    seed(page, site_url, {"globex": GLOBEX})
    before = stored(page)
    link = make_link(page, site_url)
    damaged = {
        "cut short": link[:-12],
        "not ours": link_with(site_url, {"format": "something-else", "version": 3, "applications": {}}),
        "another guide": link_with(site_url, {"format": "followup-guide-progress", "version": 3, "site": "another-guide",
                                              "applications": {"acme": ACME}}),
        "not base64": site_url + "applications/#fg1.%%%not-a-link",
    }
    for damage, address in damaged.items():
        page.goto(site_url + "about/")
        page.goto(address)
        expect(page.locator("[data-fg-receive-message]"), damage).to_have_text(L["receive_failed"])
        expect(page.locator("[data-fg-receive-ask]")).to_be_hidden()
        assert page.evaluate("location.hash") == "", damage
        assert stored(page) == before, damage
    page.goto(site_url + "about/")
    page.goto(link)  # its own link: nothing new, nothing asked, nothing marked as not saved elsewhere
    expect(page.locator("[data-fg-receive-message]")).to_have_text(L["receive_nothing"])
    expect(page.locator("[data-fg-receive-ask]")).to_be_hidden()
    assert stored(page) == before
    page.goto(site_url + "about/")
    page.goto(link_with(site_url, {"format": "followup-guide-progress", "version": 3, "site": SITE,
                                   "applications": {"acme": ACME}}))
    page.get_by_role("button", name=L["receive_cancel"]).click()
    expect(page.locator("[data-fg-receive-message]")).to_have_text(L["receive_cancelled"])
    assert stored(page) == before


def test_a_crafted_link_hides_no_progress_and_an_oversized_one_is_refused_as_it_opens(browsers, site_url):
    page = browsers()  # (the fixture also checks that no script error happened on the way)
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="keep-searching"]').check()
    # Names every JavaScript object has, as an application and as the choice: not the reader's.
    crafted = {"format": "followup-guide-progress", "version": 3, "site": SITE, "chosen": "constructor",
               "applications": {"constructor": {"company": "Evil"}, "toString": {"company": "Evil"}},
               "general": {"done": {"ask-when-you-will-hear": "2026-03-01T10:00:00Z"}, "moments": {}}, "details": {}}
    page.goto(link_with(site_url, crafted))
    assert listed(page) == [L["receive_ticked"].format(count=1)]
    page.get_by_role("button", name=L["receive_merge"]).click()
    expect(page.locator("[data-fg-receive-message]")).to_have_text(L["receive_done"])
    assert stored(page)["chosen"] == "" and stored(page)["applications"] == {}
    page.goto(site_url + "checklist/")
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(2)
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.reload()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(3)

    # 3 MB of JSON in a 3 KB link: refused while it inflates, and nothing changes.
    before = stored(page)
    bomb = base64.urlsafe_b64encode(zlib.compress(b'{"a": "' + b"0" * 3_000_000 + b'"}', 9)).decode().rstrip("=")
    page.goto(site_url + "about/")
    page.goto(f"{site_url}applications/#fg1.{bomb}")
    expect(page.locator("[data-fg-receive-message]")).to_have_text(L["progress_too_big"])
    expect(page.locator("[data-fg-receive-ask]")).to_be_hidden()
    assert stored(page) == before

    # A small link with more applications than anyone follows (every page would slow down): the
    # same refusal, before "Add to my progress" is even offered.
    many = {"format": "followup-guide-progress", "version": 3, "site": SITE,
            "applications": {f"a{n}": {"company": f"Company {n}"} for n in range(501)}}
    page.goto(site_url + "about/")
    page.goto(link_with(site_url, many))
    expect(page.locator("[data-fg-receive-message]")).to_have_text(L["progress_too_big"])
    expect(page.locator("[data-fg-receive-ask]")).to_be_hidden()
    assert stored(page) == before


def test_a_passphrase_protects_the_link_and_the_file(browsers, site_url, tmp_path):
    phone = browsers()
    seed(phone, site_url, {"acme": ACME})
    link = make_link(phone, site_url, passphrase="blue lantern 7")
    assert urlsplit(link).fragment.startswith("fg1k.")
    with phone.expect_download() as download:
        phone.get_by_role("button", name=L["checklist_export"]).click()
    download.value.save_as(tmp_path / "locked.json")
    locked = json.loads((tmp_path / "locked.json").read_text())
    assert locked["format"] == "followup-guide-locked" and "Acme" not in json.dumps(locked)

    laptop = browsers()
    laptop.goto(link)
    expect(laptop.locator("[data-fg-receive-locked]")).to_be_visible()
    expect(laptop.locator("[data-fg-receive-ask]")).to_be_hidden()
    assert_accessible(laptop)
    laptop.get_by_label(L["receive_passphrase"], exact=True).fill("blue lantern 8")
    laptop.get_by_role("button", name=L["receive_open"], exact=True).click()
    expect(laptop.locator("[data-fg-receive-message]")).to_have_text(L["receive_wrong"])
    assert stored(laptop) is None
    laptop.get_by_label(L["receive_passphrase"], exact=True).fill("blue lantern 7")
    laptop.get_by_role("button", name=L["receive_open"], exact=True).click()
    assert listed(laptop) == [L["receive_added"].format(names="Acme, Data Analyst")]
    laptop.get_by_role("button", name=L["receive_merge"]).click()
    assert without_device(stored(laptop))["applications"]["acme"]["company"] == "Acme"

    desk = browsers()  # the locked file, loaded on the checklist page of a third browser
    desk.goto(site_url + "checklist/")
    with desk.expect_file_chooser() as chooser:
        desk.get_by_role("button", name=L["checklist_import"]).click()
    chooser.value.set_files(tmp_path / "locked.json")
    desk.get_by_label(L["receive_passphrase"], exact=True).fill("blue lantern 7")
    desk.get_by_role("button", name=L["receive_open"], exact=True).click()
    desk.get_by_role("button", name=L["receive_merge"]).click()
    expect(desk.locator("[data-fg-receive-message]")).to_have_text(L["receive_done"])
    assert stored(desk)["applications"]["acme"]["applied"] == ACME["applied"]


def test_the_qr_code_reads_back_as_the_link_and_a_long_link_says_to_use_the_file(browsers, site_url):
    page = browsers()
    seed(page, site_url, {"acme": ACME})
    link = make_link(page, site_url)
    code = page.locator("[data-fg-link-qr] svg")
    expect(code).to_be_visible()
    assert code.get_attribute("aria-label") == L["link_qr_name"]
    expect(page.locator("[data-fg-link-too-long]")).to_be_hidden()
    picture = Image.open(io.BytesIO(code.screenshot()))
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)  # (a 1D reader may see a bar code in it)
    assert [result.text for result in found] == [link]
    assert page.evaluate("typeof window.qrcode") == "function"  # loaded now

    # Five applications, each with its people, dates, ticks and the times of a few changes: a
    # longer code (a version 20 code holds 850 characters), which still reads back.
    five = {f"app{i}": {**ACME, "company": f"Company number {i}", "note": "", "created": f"2026-03-0{i + 1}T1{i}:2{i}:0{i}.{i}21Z",
                        "interviewers": [{"name": f"Person {i} Surname", "email": f"person.{i}@company{i}.example"}],
                        "done": {"send-a-thank-you": f"2026-03-0{i + 2}T0{i}:1{i}:4{i}.5{i}7Z",
                                 "keep-searching": f"2026-03-0{i + 3}T1{i}:0{i}:3{i}.{i}44Z"},
                        "stamps": {"moments.stated-date": f"2026-03-0{i + 4}T0{i}:3{i}:1{i}.{i}9{i}Z",
                                   "interviewers.0.email": f"2026-03-0{i + 4}T1{i}:5{i}:2{i}.8{i}3Z"}} for i in range(5)}
    seed(page, site_url, five)
    page.set_viewport_size({"width": 390, "height": 844})  # shown on a phone, the smallest it is drawn
    link = make_link(page, site_url)
    assert len(link) > 850, len(link)
    expect(code).to_be_visible()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [result.text for result in found] == [link]

    page.set_viewport_size({"width": 1280, "height": 720})
    notes = {f"app{i}": {**GLOBEX, "company": f"Company {i}", "note": secrets.token_hex(40)} for i in range(12)}
    seed(page, site_url, notes)
    long_link = make_link(page, site_url)
    assert len(long_link) > 1270  # travel.js QR_MAX
    expect(page.locator("[data-fg-link-too-long]")).to_have_text(L["link_too_long"])
    expect(page.locator("[data-fg-link-qr]")).to_be_hidden()


# --- Storage that lasts ------------------------------------------------------------------------

def test_persistent_storage_is_asked_on_the_first_save_and_the_answer_recorded(browsers, site_url):
    page = browsers()
    page.goto(site_url + "checklist/")
    assert page.evaluate("window.__persistCalls") == 0  # not before the reader acts
    page.evaluate("window.__persistAnswer = true")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.wait_for_function("() => JSON.parse(localStorage.getItem(%r) || '{}').device?.persisted" % KEY)
    assert page.evaluate("window.__persistCalls") == 1
    assert stored(page)["device"]["asked"]
    page.locator('[data-fg-item="keep-searching"]').check()
    page.clock.set_fixed_time(START + timedelta(days=30))
    page.reload()
    page.locator('[data-fg-item="ask-when-you-will-hear"]').check()
    assert page.evaluate("window.__persistCalls") == 0  # asked once: granted
    expect(page.locator("[data-fg-backup-notice]")).to_be_hidden()  # storage lasts: no notice


def test_a_refusal_is_not_written_and_persistent_storage_is_asked_again_a_week_later(browsers, site_url):
    page = browsers()
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()  # persist() refused (the stub's answer)
    written = stored(page)
    assert written["device"]["asked"] and "persisted" not in written["device"]
    page.locator('[data-fg-item="keep-searching"]').check()
    assert page.evaluate("window.__persistCalls") == 1  # once, not on every save
    page.clock.set_fixed_time(START + timedelta(days=6, hours=23))
    page.reload()
    page.locator('[data-fg-item="keep-searching"]').uncheck()
    assert page.evaluate("window.__persistCalls") == 0
    page.clock.set_fixed_time(START + timedelta(days=7, hours=1))
    page.reload()
    page.locator('[data-fg-item="keep-searching"]').check()
    assert page.evaluate("window.__persistCalls") == 1
    assert stored(page)["device"]["asked"] > written["device"]["asked"]


def test_the_backup_notice_waits_three_days_and_goes_once_a_copy_is_saved(browsers, site_url, tmp_path):
    page = browsers()
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()  # persist() refused (the stub's answer)
    notice = page.locator("[data-fg-backup-notice]")
    expect(notice).to_be_hidden()
    page.clock.set_fixed_time(START + timedelta(days=2, hours=23))
    page.reload()
    expect(notice).to_be_hidden()
    page.clock.set_fixed_time(START + timedelta(days=3, hours=1))
    page.goto(site_url + "applications/")
    expect(notice).to_be_visible()
    expect(notice.locator("[data-fg-backup-text]")).to_have_text(L["backup_notice_never"])
    notice.get_by_role("button", name=L["backup_dismiss"]).click()
    expect(notice).to_be_hidden()
    page.clock.set_fixed_time(START + timedelta(days=10, hours=2))  # a week after dismissing: again
    page.goto(site_url + "planner/")
    expect(notice).to_be_visible()
    with page.expect_download() as download:
        notice.get_by_role("button", name=L["backup_save"]).click()
    download.value.save_as(tmp_path / "backup.json")
    expect(notice).to_be_hidden()
    page.locator("body").evaluate("() => 0")
    page.clock.set_fixed_time(START + timedelta(days=11))
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="keep-searching"]').check()
    page.clock.set_fixed_time(START + timedelta(days=14, hours=1))
    page.reload()
    expect(notice.locator("[data-fg-backup-text]")).to_have_text(
        L["backup_notice"].format(date="Thursday, March 19, 2026"))
    expect(notice).to_be_visible()


# --- The job-search log ------------------------------------------------------------------------

def test_the_log_prints_every_application_and_its_csv_opens_in_a_spreadsheet(browsers, site_url, tmp_path):
    page = browsers()
    seed(page, site_url, {"acme": {**ACME, "done": {**ACME["done"], "send-one-follow-up": "2026-03-20T15:00:00.000Z"}},
                          "globex": {**GLOBEX, "archived": True}})
    page.goto(site_url + "log/")
    headers = page.locator("[data-fg-log] th")
    expect(headers).to_have_text([L[name] for name in ("log_company", "log_role", "log_contact", "log_applied",
                                                       "log_interview", "log_steps", "log_outcome")])
    rows = page.locator("[data-fg-log-rows] tr")
    expect(rows).to_have_count(2)  # in the order they were added: Globex first
    acme = rows.nth(1).locator("td")
    expect(acme.nth(2)).to_have_text("Rita at Hays; José Müller <jose@acme.example>; Kim Lee")
    expect(acme.nth(3)).to_have_text("Friday, February 20, 2026")
    expect(acme.nth(4)).to_have_text("Friday, March 6, 2026")
    expect(acme.nth(5).locator("li")).to_have_text([
        L["log_step_on"].format(step=KB.entries["send-a-thank-you"].checklist, date="Saturday, March 7, 2026"),
        L["log_step_on"].format(step=KB.entries["send-one-follow-up"].checklist, date="Friday, March 20, 2026")])
    expect(rows.nth(0).locator("td").nth(6)).to_have_text(f"{KB.outcomes[1].label} (Sunday, March 8, 2026)")
    page.set_viewport_size({"width": 390, "height": 844})  # a card per application: no heading over an empty field
    assert rows.nth(0).locator("td").nth(2).evaluate("td => td.offsetHeight") == 0
    assert acme.nth(2).evaluate("td => td.offsetHeight") > 0
    page.set_viewport_size({"width": 1280, "height": 800})

    with page.expect_download() as download:
        page.get_by_role("button", name=L["log_csv"]).click()
    assert download.value.suggested_filename == L["log_csv_filename"]
    download.value.save_as(tmp_path / "log.csv")
    raw = (tmp_path / "log.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert table[0] == [L[name] for name in ("log_company", "log_role", "log_contact", "log_applied", "log_interview",
                                             "log_steps", "log_step_date", "log_outcome", "log_outcome_date", "log_note")]
    assert table[2] == ["Acme", "Data Analyst", "Rita at Hays; José Müller <jose@acme.example>; Kim Lee", "2026-02-20",
                        "2026-03-06", "", "", "", "", "'" + ACME["note"]]  # the formula is text
    assert table[3][5:7] == [KB.entries["send-a-thank-you"].checklist, "2026-03-07"]
    assert table[4][5:7] == [KB.entries["send-one-follow-up"].checklist, "2026-03-20"]
    assert table[1][:2] == ["Globex", "Engineer"] and table[1][7:9] == [KB.outcomes[1].label, "2026-03-08"]
    assert len(table) == 5


# --- Privacy, exactly true -----------------------------------------------------------------------

# Every kind of page: each runs the guide's scripts and the theme's.
PAGES = ["", "overview/", "applications/", "checklist/", "planner/", "templates/", "log/", "privacy/",
         f"phases/{KB.phases[0].id}/"]


def everything_stored(page) -> dict:
    return {"local": page.evaluate("Object.keys(localStorage)"), "session": page.evaluate("Object.keys(sessionStorage)"),
            "cookies": [cookie["name"] for cookie in page.context.cookies()]}


def test_nothing_is_written_before_the_reader_acts(browsers, site_url):
    page = browsers()
    page.emulate_media(color_scheme="dark")  # the theme picks the dark scheme, and saves nothing
    for path in PAGES:
        page.goto(site_url + path)
        # The second bundle (link, log, privacy button) comes only to the pages that show them.
        travels = path in ("applications/", "checklist/", "log/", "privacy/")
        page.wait_for_function("travels => !travels || Boolean(window.followupGuideCore.transfer)", arg=travels)
        assert page.evaluate("Boolean(window.followupGuideCore.transfer)") == travels, path
    expect(page.locator("body[data-md-color-scheme=slate]")).to_have_count(1)
    page.goto(site_url + "log/")  # the log without applications says where to add them
    expect(page.locator("[data-fg-log-empty]")).to_have_text(L["log_empty"])
    expect(page.locator("[data-fg-log-table]")).to_be_hidden()
    assert everything_stored(page) == {"local": [], "session": [], "cookies": []}


def test_start_over_removes_the_record_instead_of_saving_an_empty_one(browsers, site_url):
    page = browsers()
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    assert stored(page) is not None
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=L["checklist_reset"]).click()
    expect(page.locator("[data-fg-item]:checked")).to_have_count(0)
    assert everything_stored(page)["local"] == []


def test_every_key_written_is_named_on_the_privacy_page_and_its_button_removes_them_all(browsers, site_url, tmp_path):
    page = browsers()
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.goto(site_url + "planner/")
    page.get_by_label(KB.moments["interview"].ask).first.fill("2026-03-06")
    page.get_by_label(L["planner_remember"]).check()
    page.goto(site_url + "templates/")
    page.locator("[data-fg-remember]").first.check()
    page.goto(site_url + "applications/")
    page.get_by_role("button", name=L["applications_add"]).click()
    page.get_by_label(L["application_company"]).fill("Acme")
    page.get_by_role("button", name=L["application_save"], exact=True).click()
    with page.expect_download():
        page.get_by_role("button", name=L["applications_calendar_all"]).click()
    with page.expect_download():
        page.get_by_role("button", name=L["checklist_export"]).click()
    make_link(page, site_url, passphrase="x")
    page.get_by_role("button", name=L["link_copy"]).click()
    page.clock.set_fixed_time(START + timedelta(days=5))
    page.goto(site_url + "checklist/")
    page.locator('[data-fg-item="keep-searching"]').check()
    page.clock.set_fixed_time(START + timedelta(days=9))
    page.reload()
    page.get_by_role("button", name=L["backup_dismiss"]).click()
    page.goto(site_url + "log/")
    with page.expect_download():
        page.get_by_role("button", name=L["log_csv"]).click()
    page.locator("[data-md-component=palette] button:visible").first.click()  # the theme's colour scheme
    page.goto(site_url + "privacy/")
    expect(page.locator("[data-md-color-scheme]").first).to_be_attached()

    written = everything_stored(page)
    assert KEY in written["local"] and len(written["local"]) == 2, written
    named = set(page.locator("article code").all_text_contents())
    scope = urlsplit(site_url).path  # the theme's keys: the site's path, a dot and the name
    for key in written["local"] + written["session"]:
        theirs = key[len(scope) + 1:] if key.startswith(scope + ".") else None
        assert key in named or theirs in named, f"{key} is written but the privacy page does not name it"
    assert written["cookies"] == [] and written["session"] == []

    button = page.get_by_role("button", name=L["forget_all"])
    page.once("dialog", lambda dialog: dialog.dismiss())
    button.click()
    assert everything_stored(page)["local"] == written["local"]  # asked first
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    button.click()
    expect(page.locator("[data-fg-forget-message]")).to_have_text(L["forget_all_done"])
    assert questions == [L["forget_all_confirm"]]
    assert everything_stored(page) == {"local": [], "session": [], "cookies": []}
    for path in ("applications/", "checklist/"):  # and nothing comes back by itself
        page.goto(site_url + path)
    assert everything_stored(page) == {"local": [], "session": [], "cookies": []}


def test_the_button_leaves_other_guides_on_the_same_address_alone(browsers, site_url):
    page = browsers()
    page.goto(site_url + "privacy/")
    others = {"followup-guide:data:v3:another-guide": "{}", "/another-site/.__palette": "{}"}
    for key, value in others.items():
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, value])
    page.evaluate("([key]) => localStorage.setItem(key, '{}')", [KEY])
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=L["forget_all"]).click()
    assert sorted(everything_stored(page)["local"]) == sorted(others)
