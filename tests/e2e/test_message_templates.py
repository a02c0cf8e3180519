"""Message templates in Chromium: fill in, preview, copy, mailto, .txt and .eml downloads."""
from __future__ import annotations

import email
import email.policy
import email.utils
import json
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import expect
from support import DEFAULT_KB as KB, both_engines

from generator.rendering import messages
from generator.rendering.pages import file_name

# The same checks on the site built by each engine.
pytestmark = both_engines

TEMPLATE = next(t for t in KB.templates if t.id == "thank-you-email")
VALUES = {
    "interviewer-name": "José Müller",
    "interviewer-email": "jose.muller@example.org",
    "your-email": "ana@example.org",
    "company": "Acme & Söhne",
    "role": "Data analyst",
    "interview-date": "2026-03-03",  # a date field: picked from a calendar
    "detail": 'the "quarterly" <dashboard> project',
    "strength": "my work on the student budget project",
    "your-name": "Ana Łukasiewicz",
}
# What the message says: the date written out in the guide's language (English).
WRITTEN = {**VALUES, "interview-date": "Tuesday, March 3, 2026"}
SUBJECT = "Thank you for the Data analyst interview, from Ana Łukasiewicz"
XSS = "<img src=x onerror=alert(1)>"
RECORD_KEY = "followup-guide:data:v3:after-the-interview"


def remembered_details(page) -> dict | None:
    """The reader's remembered details in the saved record, or None when nothing is saved at all."""
    raw = page.evaluate("key => localStorage.getItem(key)", RECORD_KEY)
    return None if raw is None else json.loads(raw)["details"]


def widget(page, template_id: str = TEMPLATE.id):
    return page.locator(f'[data-fg-template="{template_id}"]')


def fill_in(page, values: dict[str, str], template_id: str = TEMPLATE.id) -> None:
    for field, value in values.items():
        widget(page, template_id).locator(f'[data-fg-field="{field}"]').fill(value)


def test_the_preview_follows_what_is_typed(page, site_url):
    page.goto(site_url + "templates/")
    fill_in(page, {"interviewer-name": "José Müller", "company": "Acme & Söhne", "role": "Nurse"})
    box = widget(page)
    expected = messages.fill(TEMPLATE.body, KB, {"interviewer-name": "José Müller", "company": "Acme & Söhne", "role": "Nurse"})
    expect(box.locator("[data-fg-body]")).to_have_text(expected)
    expect(box.locator("[data-fg-subject]")).to_have_text("Thank you for the Nurse interview, from [Your name]")
    assert "[Your name]" in expected  # what is not filled in stays a visible blank


def test_a_date_field_is_a_date_picker_written_out_in_words(page, site_url):
    page.goto(site_url + "templates/")
    date = widget(page).locator('[data-fg-field="interview-date"]')
    assert date.get_attribute("type") == "date"
    date.fill("2026-03-03")
    expect(widget(page).locator("[data-fg-body]")).to_contain_text("] on Tuesday, March 3, 2026.")


def test_each_field_has_a_visible_label(page, site_url):
    page.goto(site_url + "phases/within-24-hours/")
    for field in TEMPLATE.fields:
        expect(widget(page).get_by_label(KB.fields[field].label, exact=True)).to_be_visible()


def test_the_text_download_is_the_message_byte_for_byte(page, site_url, tmp_path):
    page.goto(site_url + "templates/")
    fill_in(page, VALUES)
    with page.expect_download() as download:
        widget(page).get_by_role("button", name=KB.labels["template_download_text"]).click()
    assert download.value.suggested_filename == f"{file_name(TEMPLATE.title, TEMPLATE.id)}.txt"
    download.value.save_as(tmp_path / "message.txt")
    assert (tmp_path / "message.txt").read_bytes() == messages.text_file(TEMPLATE, KB, WRITTEN).encode("utf-8")


def test_the_email_download_is_a_draft_a_mail_program_can_read(page, site_url, tmp_path):
    page.goto(site_url + "templates/")
    fill_in(page, VALUES)
    with page.expect_download() as download:
        widget(page).get_by_role("button", name=KB.labels["template_download_email"]).click()
    assert download.value.suggested_filename == f"{file_name(TEMPLATE.title, TEMPLATE.id)}.eml"
    download.value.save_as(tmp_path / "message.eml")
    raw = (tmp_path / "message.eml").read_bytes()

    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends in CRLF
    assert all(len(line) <= 78 for line in raw.split(b"\r\n"))
    assert raw.isascii()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert not parsed.defects
    assert parsed["Subject"] == SUBJECT
    assert parsed["To"].addresses[0].addr_spec == VALUES["interviewer-email"]
    assert parsed["From"].addresses[0].addr_spec == VALUES["your-email"]
    assert email.utils.parsedate_to_datetime(parsed["Date"]) is not None
    assert parsed["X-Unsent"] == "1"
    body = parsed.get_content().replace("\r\n", "\n")
    assert body == messages.fill(TEMPLATE.body, KB, WRITTEN) + "\n"


def test_the_email_link_carries_the_same_message(page, site_url):
    page.goto(site_url + "templates/")
    fill_in(page, VALUES)
    link = urlsplit(widget(page).get_by_role("link", name=KB.labels["template_email"]).get_attribute("href"))
    query = parse_qs(link.query)
    assert link.scheme == "mailto"
    assert unquote(link.path) == VALUES["interviewer-email"]
    assert query["subject"] == [SUBJECT]
    assert query["body"] == [messages.fill(TEMPLATE.body, KB, WRITTEN).replace("\n", "\r\n")]


def test_copy_puts_only_the_body_of_an_email_on_the_clipboard_and_the_subject_has_its_own_button(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(site_url + "templates/")
        fill_in(page, VALUES)
        widget(page).get_by_role("button", name=KB.labels["template_copy_email_body"]).click()
        expect(widget(page).locator("[data-fg-template-status]")).to_have_text(KB.labels["template_copied"])
        assert page.evaluate("navigator.clipboard.readText()") == messages.fill(TEMPLATE.body, KB, WRITTEN)

        widget(page).get_by_role("button", name=KB.labels["template_copy_subject"]).click()
        expect(widget(page).locator("[data-fg-template-status]")).to_have_text(KB.labels["template_subject_copied"])
        assert page.evaluate("navigator.clipboard.readText()") == SUBJECT

        letter = widget(page, "thank-you-letter")  # a letter has no subject: its copy is the whole text
        expect(letter.get_by_role("button", name=KB.labels["template_copy_subject"])).to_have_count(0)
        letter.get_by_role("button", name=KB.labels["template_copy"], exact=True).click()
        expect(letter.locator("[data-fg-template-status]")).to_contain_text(KB.labels["template_copied"])
        letter_template = next(t for t in KB.templates if t.id == "thank-you-letter")
        assert page.evaluate("navigator.clipboard.readText()") == messages.text_file(letter_template, KB)
    finally:
        context.close()


def test_blank_fields_are_named_before_copying_emailing_or_downloading_and_it_still_works(browser, site_url, tmp_path):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(site_url + "templates/")
        box = widget(page)
        warning = box.locator("[data-fg-still-blank]")
        fill_in(page, {field: value for field, value in VALUES.items() if field not in ("company", "interview-date")})
        still_blank = KB.labels["template_still_blank"].format(
            fields=f"{KB.fields['company'].label}, {KB.fields['interview-date'].label}")  # in the message's order
        expect(warning).to_have_text(still_blank)  # shown before any button is pressed
        assert box.bounding_box()["y"] < warning.bounding_box()["y"] < box.get_by_role("button", name=KB.labels["template_copy_email_body"]).bounding_box()["y"]

        box.get_by_role("button", name=KB.labels["template_copy_email_body"]).click()
        status = box.locator("[data-fg-template-status]")
        expect(status).to_have_text(f"{KB.labels['template_copied']} {still_blank}")
        assert "[Company]" in page.evaluate("navigator.clipboard.readText()")

        with page.expect_download() as download:
            box.get_by_role("button", name=KB.labels["template_download_text"]).click()
        expect(status).to_have_text(f"{KB.labels['template_downloaded']} {still_blank}")
        download.value.save_as(tmp_path / "message.txt")
        assert "[Company]" in (tmp_path / "message.txt").read_text()

        page.route("mailto:*", lambda route: route.abort())
        box.get_by_role("link", name=KB.labels["template_email"]).evaluate("a => a.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))")
        expect(status).to_have_text(f"{KB.labels['template_opening']} {still_blank}")

        fill_in(page, {"company": "Acme", "interview-date": "2026-03-03"})
        expect(warning).to_be_hidden()
    finally:
        context.close()


def test_a_long_message_offers_copy_or_the_draft_instead_of_a_mailto_link(page, site_url):
    page.goto(site_url + "templates/")
    box = widget(page)
    link = box.get_by_role("link", name=KB.labels["template_email"])
    note = box.locator("[data-fg-mailto-too-long]")
    fill_in(page, {"detail": "the quarterly dashboard " * 40})  # a link of about 2,200 characters
    expect(link).to_be_hidden()
    expect(note).to_be_visible()
    expect(note).to_have_text(KB.labels["template_mailto_too_long"])
    fill_in(page, {"detail": "the quarterly dashboard " * 20})  # about 1,700 characters
    expect(link).to_be_visible()
    expect(note).to_be_hidden()
    assert len(link.get_attribute("href")) <= 1900


def test_the_email_draft_says_how_to_open_it_in_each_mail_program(page, site_url):
    page.goto(site_url + "templates/")
    help_ = widget(page).locator("details.fg-template__eml-help")
    help_.locator("summary").click()
    for label in ("template_eml_outlook", "template_eml_apple", "template_eml_thunderbird", "template_eml_webmail"):
        expect(help_.get_by_text(KB.labels[label])).to_be_visible()
    expect(widget(page, "thank-you-letter").locator("details.fg-template__eml-help")).to_have_count(0)


def test_markup_typed_into_any_field_is_shown_as_text_and_never_runs(watched, page, site_url, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "templates/")
    fill_in(page, {field: XSS for field in TEMPLATE.fields if KB.fields[field].type == "text"})
    box = widget(page)

    expect(box.locator("[data-fg-body]")).to_contain_text(XSS)
    expect(box.locator("[data-fg-subject]")).to_have_text(f"Thank you for the {XSS} interview, from {XSS}")
    with page.expect_download() as download:
        box.get_by_role("button", name=KB.labels["template_download_text"]).click()
    download.value.save_as(tmp_path / "message.txt")
    page.wait_for_timeout(300)

    assert page.locator("img[src=x]").count() == 0
    assert dialogs == [] and watched.page_errors == []
    assert XSS in (tmp_path / "message.txt").read_text()


def test_details_are_remembered_only_when_the_reader_opts_in(page, site_url):
    page.goto(site_url + "templates/")
    fill_in(page, {"your-name": "Ana", "company": "Acme"})
    page.reload()
    expect(widget(page).locator('[data-fg-field="your-name"]')).to_have_value("")
    assert remembered_details(page) is None  # nothing written without the reader's say-so

    fill_in(page, {"your-name": "Ana", "company": "Acme"})
    widget(page).get_by_label(KB.labels["template_remember"]).check()
    page.goto(site_url + "phases/after-the-date/")  # the next template, on another page
    follow_up = widget(page, "follow-up-after-the-date")
    expect(follow_up.locator('[data-fg-field="your-name"]')).to_have_value("Ana")
    expect(follow_up.locator('[data-fg-field="company"]')).to_have_value("Acme")
    expect(follow_up.get_by_label(KB.labels["template_remember"])).to_be_checked()

    follow_up.get_by_role("button", name=KB.labels["template_forget"]).click()
    expect(follow_up.locator("[data-fg-template-status]")).to_have_text(KB.labels["template_forgotten"])
    expect(follow_up.locator('[data-fg-field="your-name"]')).to_have_value("")
    assert remembered_details(page) is None  # nothing else was saved, so the record is removed
    page.reload()
    expect(widget(page, "follow-up-after-the-date").locator('[data-fg-field="company"]')).to_have_value("")


def test_keyboard_alone_fills_and_copies(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(site_url + "templates/")
        first_field = widget(page, "questions-before-you-leave").locator("[data-fg-field]").first
        first_field.focus()
        page.keyboard.type("Nurse")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        while page.evaluate("document.activeElement.dataset.fgTemplateAction") != "copy":
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert "the Nurse role" in page.evaluate("navigator.clipboard.readText()")
    finally:
        context.close()


# For each widget, in page order: was it set up (its form shown) by the time the parser's
# insertion of its last element had been handled, before the browser could paint it?
READY_WHEN_INSERTED = """
window.readyWhenInserted = [];
window.shifted = 0;
new PerformanceObserver(list => list.getEntries().forEach(shift => { window.shifted += shift.value; }))
  .observe({ type: "layout-shift", buffered: true });
new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(node => {
  if (node.nodeType !== 1 || !node.matches("[data-fg-template-status]")) return;
  const widget = node.closest("[data-fg-template]");
  Promise.resolve().then(() => window.readyWhenInserted.push(widget.hasAttribute("data-fg-ready")));
}))).observe(document, { childList: true, subtree: true });
"""


def test_on_a_phone_the_first_screen_is_ready_at_once_and_every_template_before_the_reader_gets_there(browser, site_url):
    # A long page: the templates below the first screen are set up later (near the view, or when
    # the browser is idle), without moving what the reader sees, and work by keyboard like the others.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.add_init_script(READY_WHEN_INSERTED)
        page.goto(site_url + "templates/")
        ready = page.evaluate("window.readyWhenInserted")
        assert len(ready) == len(KB.templates)
        assert ready[0] and not ready[-1]
        expect(page.locator("[data-fg-template]:not([data-fg-ready])")).to_have_count(0)
        assert page.evaluate("window.shifted") == 0

        last = page.locator("[data-fg-template]").last.get_attribute("data-fg-template")
        fields = next(t.fields for t in KB.templates if t.id == last)
        before = widget(page, last).locator("[data-fg-body]").inner_text()
        widget(page, last).evaluate("box => box.previousElementSibling.querySelector('a:last-of-type').focus()")  # "Goes with"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.fgField") == fields[0]
        page.keyboard.type("Zed")
        assert widget(page, last).locator("[data-fg-body]").inner_text() != before
        expect(widget(page, last).locator("[data-fg-body]")).to_contain_text("Zed")

        page.goto("about:blank")
        page.goto(site_url + f"templates/#template-{last}")  # a link to one template: it is ready at once
        assert page.evaluate("window.readyWhenInserted")[-1]
    finally:
        context.close()


@pytest.mark.parametrize("path", ["templates/", "phases/within-24-hours/"])
def test_without_javascript_the_templates_read_with_blanks_and_download(browser, site_url, path):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        expect(widget(page).locator("[data-fg-body]")).to_have_text(messages.fill(TEMPLATE.body, KB))
        expect(widget(page).locator("[data-fg-template-form]")).to_be_hidden()
        blank = page.get_by_role("link", name=KB.labels["template_download_blank"]).first
        response = page.request.get(urljoin(page.url, blank.get_attribute("href")))
        assert response.status == 200
        assert response.text() == messages.text_file(KB.templates[0] if path == "templates/" else TEMPLATE, KB)
    finally:
        context.close()


@pytest.mark.parametrize("typed", ["jose@example.org>, <everyone@example.org", "jose@example.org, everyone@example.org",
                                   "jose@example.org\r\nBcc: everyone@example.org"])
def test_a_typed_address_can_never_add_a_recipient(page, site_url, tmp_path, typed):
    page.goto(site_url + "templates/")
    fill_in(page, {**VALUES, "interviewer-email": "placeholder"})
    # Typed into the field's value as it is, past what an email input would strip.
    widget(page).locator('[data-fg-field="interviewer-email"]').evaluate(
        "(input, value) => { input.type = 'text'; input.value = value; "
        "input.dispatchEvent(new Event('input', {bubbles: true})); }", typed)
    link = widget(page).get_by_role("link", name=KB.labels["template_email"]).get_attribute("href")
    assert "everyone" not in unquote(link) and urlsplit(link).path == ""
    with page.expect_download() as download:
        widget(page).get_by_role("button", name=KB.labels["template_download_email"]).click()
    download.value.save_as(tmp_path / "message.eml")
    parsed = email.message_from_bytes((tmp_path / "message.eml").read_bytes(), policy=email.policy.default)
    assert parsed["To"] is None and parsed["Bcc"] is None and parsed["Cc"] is None
    assert "everyone" not in (tmp_path / "message.eml").read_text()
    # The status names the field, which says it is wrong and is described by the status (WCAG 3.3.1).
    status = widget(page).locator("[data-fg-template-status]")
    expect(status).to_have_text(KB.labels["template_address_invalid"].format(field=KB.fields["interviewer-email"].label))
    field = widget(page).locator('[data-fg-field="interviewer-email"]')
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(status.inner_text())
    expect(widget(page).locator('[data-fg-field="your-email"]')).not_to_have_attribute("aria-invalid", "true")
    field.fill("jose@example.org")
    page.keyboard.press("Tab")  # checked again when the field is left
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(field).not_to_have_attribute("aria-describedby", status.get_attribute("id"))
    expect(status).to_have_text("")  # and the message goes with the mistake


def test_a_display_name_is_encoded_in_the_headers(page, site_url, tmp_path):
    page.goto(site_url + "templates/")
    fill_in(page, {**VALUES, "your-email": "Ana Łukasiewicz <ana@example.org>",
                   "interviewer-email": 'Müller, "José" <jose.muller@example.org>'})
    with page.expect_download() as download:
        widget(page).get_by_role("button", name=KB.labels["template_download_email"]).click()
    download.value.save_as(tmp_path / "message.eml")
    raw = (tmp_path / "message.eml").read_bytes()
    assert raw.isascii()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert not parsed.defects
    sender, = parsed["From"].addresses
    recipient, = parsed["To"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Ana Łukasiewicz", "ana@example.org")
    assert (recipient.display_name, recipient.addr_spec) == ('Müller, "José"', "jose.muller@example.org")


def test_the_thank_you_is_written_once_per_interviewer_keeping_what_they_share(page, site_url):
    page.goto(site_url + "templates/")
    fill_in(page, VALUES)
    box = widget(page)
    box.get_by_role("button", name=KB.labels["template_next_person"]).click()
    expect(box.locator("[data-fg-template-status]")).to_have_text(KB.labels["template_next_person_ready"])
    for field in TEMPLATE.per_person:
        expect(box.locator(f'[data-fg-field="{field}"]')).to_have_value("")
    expect(box.locator('[data-fg-field="interviewer-name"]')).to_be_focused()
    expect(box.locator('[data-fg-field="company"]')).to_have_value(VALUES["company"])
    fill_in(page, {"interviewer-name": "Kim Lee", "detail": "the onboarding plan"})
    expect(box.locator("[data-fg-body]")).to_have_text(messages.fill(
        TEMPLATE.body, KB, {**WRITTEN, "interviewer-name": "Kim Lee", "detail": "the onboarding plan"}))
    expect(widget(page, "thank-you-letter").get_by_role("button", name=KB.labels["template_next_person"])).to_have_count(0)
