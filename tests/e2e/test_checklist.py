"""The interactive checklist in Chromium: saving, restoring, syncing, recovering."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from playwright.sync_api import expect
from support import CHECKLIST_LINES, both_engines
from support import DEFAULT_KB as KB

from browsing import watch

# The same checks on the site built by each engine.
pytestmark = both_engines

KEY = "followup-guide:data:v3:after-the-interview"


def stored(page) -> dict | None:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if raw is None else json.loads(raw)


def stored_done(page) -> dict:
    """The stored ticks in use: the chosen application's, or those of a reader without one."""
    record = stored(page)
    return record["applications"][record["chosen"]]["done"] if record["chosen"] else record["general"]["done"]


def box(page, entry_id: str):
    return page.locator(f'[data-fg-item="{entry_id}"]')


def test_every_checklist_line_is_a_labelled_checkbox_grouped_by_phase(page, site_url):
    page.goto(site_url + "checklist/")
    boxes = page.get_by_role("checkbox")
    assert boxes.count() == len(CHECKLIST_LINES)
    for line in CHECKLIST_LINES:
        expect(page.get_by_role("checkbox", name=line, exact=True)).to_have_count(1)
    phases_with_lines = [p.title for p in KB.phases if any(e.checklist for e in p.entries)]
    assert page.locator("section.fg-checklist-phase h2").all_inner_texts() == phases_with_lines


def test_a_tick_survives_a_reload(page, site_url):
    page.goto(site_url + "checklist/")
    assert stored(page) is None  # nothing is written before the reader ticks

    page.get_by_role("checkbox", name=KB.entries["send-a-thank-you"].checklist).check()
    page.reload()

    expect(box(page, "send-a-thank-you")).to_be_checked()
    assert list(stored_done(page)) == ["send-a-thank-you"]
    assert stored(page)["version"] == 3
    assert stored(page)["applications"] == {}  # no application: one checklist, as before


def test_a_tick_on_a_topic_page_shows_on_the_checklist_page(page, site_url):
    page.goto(site_url + "phases/within-24-hours/")
    box(page, "send-a-thank-you").check()
    page.goto(site_url + "checklist/")
    expect(box(page, "send-a-thank-you")).to_be_checked()
    box(page, "send-a-thank-you").uncheck()
    page.goto(site_url + "phases/within-24-hours/")
    expect(box(page, "send-a-thank-you")).not_to_be_checked()


def test_the_progress_summary_counts_all_and_per_phase(page, site_url):
    page.goto(site_url + "checklist/")
    total = len(CHECKLIST_LINES)
    summary = page.locator(".fg-checklist-tools [data-fg-progress]")
    expect(summary).to_have_text(f"0 of {total} steps done")
    assert summary.get_attribute("role") == "status"  # a polite live region

    box(page, "ask-when-you-will-hear").check()
    box(page, "send-a-thank-you").check()

    expect(summary).to_have_text(f"2 of {total} steps done")
    first_phase = page.locator("section.fg-checklist-phase").first
    expect(first_phase.locator("[data-fg-progress]")).to_have_text("1 of 3 done")


def test_instant_navigation_initialises_each_page_once(page, site_url):
    # Count every write to storage; one tick must be one write however many pages were shown.
    page.add_init_script("""
        window.__writes = 0;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key) {
          if (key === "%s") window.__writes++;
          return setItem.apply(this, arguments);
        };
    """ % KEY)
    checklist_title = KB.pages["checklist"].title
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    for _ in range(3):
        page.locator(".md-nav__link", has_text=checklist_title).first.click()
        expect(page.locator("h1")).to_have_text(checklist_title)
        page.locator("article h2 a", has_text="Within a day or two").click()
        expect(page.locator("h1")).to_have_text("Within a day or two")
    assert page.evaluate("window.__sameDocument") is True  # the theme swapped pages, no reload

    box(page, "send-a-thank-you").check()
    # One write: the tick, with when persist() was asked. Chromium refuses a site the reader
    # has not used, and a refusal is not written (a yes would be, in a second write).
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).device.asked", arg=KEY)
    assert page.evaluate("navigator.storage.persist()") is False  # answered after the page's own request
    assert page.evaluate("window.__writes") == 1
    page.locator(".md-nav__link", has_text=checklist_title).first.click()
    expect(box(page, "send-a-thank-you")).to_be_checked()


def test_saved_ticks_are_never_painted_unticked(page, site_url):
    page.goto(site_url + "checklist/")
    box(page, "send-a-thank-you").check()
    # Watch every frame from the very start of the next load, and the layout shifts.
    page.add_init_script("""
        window.__unticked_frames = 0;
        (function frame() {
          const b = document.querySelector('[data-fg-item="send-a-thank-you"]');
          if (b && !b.checked) window.__unticked_frames++;
          requestAnimationFrame(frame);
        })();
        window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(e => window.__shift += e.value))
          .observe({type: "layout-shift", buffered: true});
    """)
    page.reload(wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__unticked_frames") == 0
    assert page.evaluate("window.__shift") == 0


def test_reset_asks_first_and_clears_every_tick(page, site_url):
    page.goto(site_url + "checklist/")
    box(page, "ask-when-you-will-hear").check()
    box(page, "send-a-thank-you").check()
    reset = page.get_by_role("button", name="Start over")

    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    expect(box(page, "send-a-thank-you")).to_be_checked()

    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    reset.click()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    assert messages == [KB.labels["checklist_reset_confirm"]]
    page.reload()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)


def test_export_then_import_into_a_fresh_browser(browser, page, site_url, tmp_path):
    page.clock.set_fixed_time(datetime(2026, 12, 16, 10, 0))  # the file is named for the day it is saved
    page.goto(site_url + "checklist/")
    box(page, "ask-when-you-will-hear").check()
    box(page, "keep-searching").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Save progress to a file").click()
    assert download.value.suggested_filename == KB.labels["checklist_export_filename"].format(date="2026-12-16")
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["format"] == "followup-guide-progress"
    assert sorted(data["general"]["done"]) == ["ask-when-you-will-hear", "keep-searching"]

    fresh = browser.new_context()
    try:
        other = watch(fresh).new_page()
        other.goto(site_url + "checklist/")
        box(other, "send-a-thank-you").check()  # already here: kept
        with other.expect_file_chooser() as chooser:
            other.get_by_role("button", name="Load progress from a file").click()
        chooser.value.set_files(exported)
        expect(other.locator("[data-fg-receive-ask] [data-fg-receive-list] li")).to_have_text(
            [KB.labels["receive_ticked"].format(count=2)])
        other.get_by_role("button", name=KB.labels["receive_merge"]).click()
        expect(other.locator("[data-fg-receive-message]")).to_have_text(KB.labels["receive_done"])
        expect(other.get_by_role("checkbox", checked=True)).to_have_count(3)
        other.reload()
        expect(other.get_by_role("checkbox", checked=True)).to_have_count(3)
    finally:
        fresh.close()


def test_a_bad_import_file_gets_a_clear_message(watched, page, site_url, tmp_path):
    page.goto(site_url + "checklist/")
    box(page, "keep-searching").check()
    for content in ("not json at all", '{"something": "else"}'):
        bad = tmp_path / "bad.json"
        bad.write_text(content)
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Load progress from a file").click()
        chooser.value.set_files(bad)
        expect(page.locator("[data-fg-import-message]")).to_have_text(KB.labels["checklist_import_failed"])
        page.locator("[data-fg-import-message]").evaluate("element => element.textContent = ''")
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(1)
    assert watched.page_errors == [] and watched.console_errors == []


def test_two_tabs_stay_in_sync_without_overwriting_each_other(watched, site_url):
    first, second = watched.new_page(), watched.new_page()
    first.goto(site_url + "checklist/")
    second.goto(site_url + "phases/within-24-hours/")

    box(first, "send-a-thank-you").check()
    expect(box(second, "send-a-thank-you")).to_be_checked()

    box(second, "mention-a-detail").check()
    expect(box(first, "mention-a-detail")).to_be_checked()
    expect(box(first, "send-a-thank-you")).to_be_checked()
    assert sorted(stored_done(first)) == ["mention-a-detail", "send-a-thank-you"]


BLOCKED_STORAGE = """
    Object.defineProperty(window, "localStorage", {
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
    });
"""

FULL_STORAGE = """
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
"""


@pytest.mark.parametrize("init_script", [BLOCKED_STORAGE, FULL_STORAGE], ids=["blocked", "quota-full"])
def test_without_storage_ticks_work_for_the_visit_and_a_notice_says_so(watched, page, site_url, init_script):
    page.add_init_script(init_script)
    page.goto(site_url + "checklist/")
    notice = page.locator("[data-fg-storage-notice]")

    box(page, "send-a-thank-you").check()

    expect(notice).to_be_visible()
    expect(notice).to_have_text(KB.labels["checklist_storage_unavailable"])
    expect(box(page, "send-a-thank-you")).to_be_checked()
    expect(page.locator(".fg-checklist-tools [data-fg-progress]")).to_contain_text("1 of")
    assert watched.page_errors == []
    assert watched.console_errors == []


@pytest.mark.parametrize("garbage", ["{not json", "42", '["a", "b"]', '{"version": 3, "general": "yes"}',
                                     '{"version": 3, "applications": {"x": 5}, "chosen": "x"}'])
def test_corrupt_or_foreign_data_is_recovered_from(watched, page, site_url, garbage):
    page.goto(site_url + "checklist/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, garbage])
    page.reload()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)

    box(page, "keep-searching").check()

    assert list(stored_done(page)) == ["keep-searching"]
    assert watched.page_errors == [] and watched.console_errors == []


def test_ticks_of_ids_no_longer_in_the_guide_are_kept(page, site_url):
    page.goto(site_url + "checklist/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"version": 3, "general": {"done": {"an-entry-since-removed": "2026-01-01T00:00:00Z"}}})])
    page.reload()
    box(page, "keep-searching").check()
    assert sorted(stored_done(page)) == ["an-entry-since-removed", "keep-searching"]


def test_the_older_list_format_is_migrated(page, site_url):
    page.goto(site_url + "checklist/")
    page.evaluate("localStorage.setItem('followup-guide:checklist:v1:after-the-interview', "
                  "JSON.stringify(['send-a-thank-you']))")
    page.reload()
    expect(box(page, "send-a-thank-you")).to_be_checked()
    # Moved into a first application, and the old key removed once the new record was written.
    assert page.evaluate("localStorage.getItem('followup-guide:checklist:v1:after-the-interview')") is None
    assert list(stored_done(page)) == ["send-a-thank-you"]

    box(page, "keep-searching").check()
    assert sorted(stored_done(page)) == ["keep-searching", "send-a-thank-you"]


def test_without_javascript_the_checklist_is_a_list_of_empty_boxes(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "checklist/")
        expect(page.get_by_role("checkbox")).to_have_count(len(CHECKLIST_LINES))
        expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
        expect(page.locator("[data-fg-controls]")).to_be_hidden()
    finally:
        context.close()


def test_keyboard_alone_ticks_resets_exports_and_imports(page, site_url, tmp_path):
    page.goto(site_url + "checklist/")
    first_box = box(page, "ask-when-you-will-hear")
    first_box.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Space")
    expect(first_box).to_be_checked()

    page.get_by_role("button", name="Save progress to a file").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    download.value.save_as(tmp_path / "progress.json")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start over").focus()
    page.keyboard.press("Enter")
    expect(first_box).not_to_be_checked()

    page.get_by_role("button", name="Load progress from a file").focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(tmp_path / "progress.json")
    expect(page.locator("[data-fg-receive-ask]")).to_be_visible()  # the question, with the focus on its heading
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=KB.labels["receive_merge"])).to_be_focused()
    page.keyboard.press("Enter")
    expect(first_box).to_be_checked()
    page.keyboard.press("Tab")  # from the result to its Undo
    expect(page.get_by_role("button", name=KB.labels["receive_undo"])).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-fg-receive-message]")).to_have_text(KB.labels["receive_undone"])
    expect(first_box).not_to_be_checked()
