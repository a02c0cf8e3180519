"""A career center's branded copy, built from a folder made by `followup-guide init`, served
under a sub-path of 127.0.0.1, and checked in Chromium."""
from __future__ import annotations

import json
import os
import re
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browsing import (COLOUR_RULES, EVERY_RULE, RECORD_VIOLATIONS, assert_accessible, assert_center_prints_compactly,
                      printed_sheets)
from playwright.sync_api import expect
from support import DEFAULT_KB as KB
from support import CHECKLIST_LINES, DEBRIEF_TEMPLATE, make_center, one_language

from generator.cli import OFFLINE_SWITCH, build_site

SUB_PATH = "careers/after-the-interview/"
HIDDEN_ENTRY = KB.entries["raise-salary-expectations"]
CHANGED_TITLE = "Send one short, friendly follow-up"

BRANDING = """\
name: State University Career Center
logo: logo.png
favicon: logo.png
colors:
  primary: "#0b5394"
  accent: deep purple
contact:
  address: |
    Student Services Building, Room 101
    1 University Way
  phone: +1 555 010 0100
  email: careers@example.edu
  website: https://careers.example.edu/
  booking_link: https://careers.example.edu/appointments
"""

OVERLAY = {
    "branding.yml": BRANDING,
    "content__advice__our-advice.yml": """\
entries:
  - id: book-a-debrief
    kind: do
    phase: while-you-wait
    title: Book a debrief with a career adviser
    summary: Talk the interview through with us while it is fresh.
    body: Our advisers help you see what went well and prepare for the next round.
    checklist: Book a debrief with a career adviser
    former_ids: [debrief-with-us]
""",
    "content__message-templates.yml": DEBRIEF_TEMPLATE,
    "content__changes.yml": f"""\
change:
  entries:
    send-one-follow-up:
      title: {CHANGED_TITLE}
hide:
  entries: [raise-salary-expectations]
  templates: [thank-you-letter]
""",
    "content__guide.yml": """\
labels:
  checklist_print: Print my checklist
""",
    "content__pages__mock-interviews.md": "# Mock interviews\n\nPractise with us every Tuesday.\n",
    # The same additions and changes in Spanish, by the same ids (the copy publishes both).
    "content__translations__es__advice__our-advice.yml": """\
entries:
  book-a-debrief:
    title: Pide una reunión de repaso con una persona de orientación
    summary: Repasa la entrevista con nosotros mientras la tienes fresca.
    body: Te ayudamos a ver qué salió bien y a preparar la siguiente etapa.
    checklist: Pide una reunión de repaso con una persona de orientación
  send-one-follow-up:
    title: Envía un solo seguimiento breve y luego dales tiempo
""",
    "content__translations__es__message-templates.yml": """\
templates:
  ask-for-a-debrief:
    title: Pídenos una reunión de repaso
    when: Uno o dos días después de la entrevista, mientras recuerdas las preguntas.
    subject: Una reunión de repaso después de mi entrevista con {company}
    body: |
      Hola, {center-name}:

      Me gustaría repasar con una persona de orientación mi entrevista con {company}.
      También puedo pedir una hora en {center-booking-link}.

      {your-name}
""",
    "content__translations__es__guide.yml": "labels:\n  checklist_print: Imprimir mi lista\n",
    "content__translations__es__pages__mock-interviews.md": "# Entrevistas de práctica\n\nPractica con nosotros cada martes.\n",
}


@pytest.fixture(scope="session")
def center(served_root, tmp_path_factory):
    """The center's folder and the URL it is served at."""
    url, root = served_root
    folder = one_language(make_center(tmp_path_factory.mktemp("center") / "state-u", "State University Career Center", **OVERLAY))
    build_site(str(folder / "mkdocs.yml"), str(root / SUB_PATH), site_url=url + SUB_PATH)
    return folder, url + SUB_PATH, root / SUB_PATH


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and not value.startswith(("mailto:", "tel:", "data:", "#", "javascript:")):
                self.urls.append(value)


def test_branding_is_on_every_page(page, center):
    _, url, site = center
    page.goto(url)
    contact = page.locator(".fg-contact")
    expect(contact).to_contain_text("State University Career Center")
    expect(contact).to_contain_text("1 University Way")
    expect(contact.get_by_role("link", name="careers@example.edu")).to_have_attribute("href", "mailto:careers@example.edu")
    expect(contact.get_by_role("link", name=KB.labels["contact_booking"])).to_have_attribute(
        "href", "https://careers.example.edu/appointments")
    header = page.locator(".md-header")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(11, 83, 148)"
    logo = page.locator(".md-header img").first
    assert logo.evaluate("img => img.complete && img.naturalWidth") == 1
    for html_page in site.rglob("*.html"):
        assert "State University Career Center</p>" in html_page.read_text(), html_page


def test_the_overlay_adds_changes_and_overrides(page, center):
    _, url, _ = center
    page.goto(url + "phases/while-you-wait/")
    expect(page.locator("#book-a-debrief")).to_have_text("Book a debrief with a career adviser")
    page.goto(url + "phases/after-the-date/")
    expect(page.locator("#send-one-follow-up")).to_have_text(CHANGED_TITLE)
    page.goto(url + "checklist/")
    expect(page.get_by_role("checkbox", name="Book a debrief with a career adviser")).to_have_count(1)
    expect(page.get_by_role("button", name="Print my checklist")).to_be_visible()
    page.goto(url + "mock-interviews/")
    expect(page.locator("h1")).to_have_text("Mock interviews")


def test_a_hidden_entry_and_template_are_gone_from_pages_checklist_and_search(center):
    _, _, site = center
    for html_page in site.rglob("*.html"):
        text = html_page.read_text()
        assert HIDDEN_ENTRY.id not in text and HIDDEN_ENTRY.title not in text, html_page
        assert "template-thank-you-letter" not in text, html_page
    index = json.loads((site / "search/search_index.json").read_text())
    assert all(HIDDEN_ENTRY.title not in doc["title"] + doc["text"] for doc in index["docs"])
    assert not (site / "downloads/thank-you-letter.txt").exists()
    assert (site / "downloads/thank-you-email.txt").exists()


def test_every_link_asset_and_download_resolves_under_the_sub_path(center):
    _, url, site = center
    checked = set()
    for html_page in sorted(site.rglob("*.html")):
        page_url = url + html_page.relative_to(site).as_posix().removesuffix("index.html")
        links = _Links()
        links.feed(html_page.read_text())
        for link in links.urls:
            target = urljoin(page_url, link).split("#")[0]
            if urlsplit(target).hostname != "127.0.0.1" or target in checked:
                continue
            checked.add(target)
            assert target.startswith(url), (html_page, link)
            with urllib.request.urlopen(target) as response:
                assert response.status == 200, target
    assert any(t.endswith(".txt") for t in checked) and any("assets/branding" in t for t in checked)


def test_the_checklist_persists_under_the_sub_path_and_sets_no_cookie(watched, page, center):
    _, url, _ = center
    page.goto(url + "checklist/")
    page.locator('[data-fg-item="book-a-debrief"]').check()
    page.reload()
    expect(page.locator('[data-fg-item="book-a-debrief"]')).to_be_checked()
    key = "followup-guide:data:v3:state-university-career-center"
    assert "book-a-debrief" in json.loads(page.evaluate("k => localStorage.getItem(k)", key))["general"]["done"]
    assert watched.context.cookies() == []
    assert watched.offsite_requests == [] and watched.page_errors == []


def test_the_staff_pages_are_left_out_and_links_to_them_become_text(page, center):
    _, url, site = center
    assert not (site / "editing-the-guide").exists() and not (site / "host-your-own-copy").exists()
    for html_page in site.rglob("*.html"):
        assert "editing-the-guide" not in html_page.read_text(), html_page
    page.goto(url + "about/")
    expect(page.locator("article")).to_contain_text("Editing this guide explains how")
    expect(page.get_by_role("link", name="Editing this guide")).to_have_count(0)


def test_saved_ticks_follow_a_renamed_entry(page, center):
    _, url, _ = center
    page.goto(url)
    key = "followup-guide:data:v3:state-university-career-center"
    saved = {"version": 3, "applications": {}, "general": {"done": {"debrief-with-us": True}}, "chosen": ""}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
    page.goto(url + "checklist/")
    expect(page.locator('[data-fg-item="book-a-debrief"]')).to_be_checked()


def test_a_message_to_the_center_needs_no_address_and_carries_its_details(page, center):
    _, url, _ = center
    page.goto(url + "templates/")
    debrief = page.locator('[data-fg-template="ask-for-a-debrief"]')
    expect(debrief.locator("[data-fg-body]")).to_contain_text("Hello State University Career Center,")
    expect(debrief.locator("[data-fg-body]")).to_contain_text("https://careers.example.edu/appointments")
    expect(debrief.locator("input[type=email]")).to_have_count(1)  # the reader's own address only
    debrief.locator('[data-fg-field="company"]').fill("Acme")
    expect(debrief.locator("[data-fg-mailto]")).to_have_attribute("href", re.compile(
        r"^mailto:careers@example\.edu\?subject=A%20debrief%20after%20my%20interview%20with%20Acme&"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "checklist/", "templates/"])
def test_the_branded_pages_have_no_accessibility_violations(page, center, path, scheme):
    _, url, _ = center
    page.emulate_media(color_scheme=scheme)
    page.goto(url + path)
    assert_accessible(page, EVERY_RULE if scheme == "light" else COLOUR_RULES)


def test_two_centers_on_one_server_keep_separate_progress(page, served_root, tmp_path_factory):
    url, root = served_root
    for name, path in (("North College Careers", "north/"), ("South College Careers", "south/")):
        folder = one_language(make_center(tmp_path_factory.mktemp("two") / path.strip("/"), name))
        build_site(str(folder / "mkdocs.yml"), str(root / path), site_url=url + path)
    page.goto(url + "north/checklist/")
    page.locator('[data-fg-item="keep-searching"]').check()
    page.goto(url + "south/checklist/")
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.goto(url + "north/checklist/")
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(1)
    expect(page.locator('[data-fg-item="keep-searching"]')).to_be_checked()


def test_the_offline_build_works_from_files(watched, page, tmp_path, monkeypatch):
    folder = one_language(make_center(tmp_path / "offline-center", "Offline Careers", **{"branding.yml": BRANDING}))
    monkeypatch.setenv(OFFLINE_SWITCH, "true")
    site = build_site(str(folder / "mkdocs.yml"))
    assert (site / "checklist.html").is_file()  # file addresses, no folder/index.html

    page.goto((site / "index.html").as_uri())
    page.get_by_role("link", name=KB.pages["checklist"].title).first.click()
    expect(page.locator("h1")).to_have_text(KB.pages["checklist"].title)
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.reload()
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    page.goto((site / "phases/within-24-hours.html").as_uri())
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()

    # Search, whose worker runs in a frame from files, under the same strict policy.
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto((site / "phases/within-24-hours.html").as_uri())
    assert "'unsafe-inline'" not in page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    page.locator(".md-search__input").press_sequentially("thank")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    assert page.evaluate("window.__violations") == []
    assert watched.page_errors == [] and watched.offsite_requests == [] and watched.console_errors == []
    assert os.environ[OFFLINE_SWITCH] == "true"  # restored by monkeypatch afterwards


def test_the_printed_checklist_shows_the_logo_name_website_and_booking_link(page, center):
    _, url, _ = center
    page.goto(url + "checklist/")
    expect(page.locator(".fg-contact__logo")).to_be_hidden()  # on a wide screen, the logo is in the header
    page.set_viewport_size({"width": 390, "height": 844})  # where the theme's header has no room for it
    expect(page.locator(".fg-contact__logo")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.emulate_media(media="print")
    expect(page.locator(".fg-contact__logo")).to_be_visible()
    booking = f"{KB.labels['contact_booking']}: https://careers.example.edu/appointments"
    for paper in ("A4", "Letter"):
        sheets = printed_sheets(page, paper)
        # The name and logo at the top; the address, phone, email, website and booking line on
        # the sheet of the last lines.
        assert_center_prints_compactly(sheets, "State University Career Center", CHECKLIST_LINES, booking)
        for detail in ("1 University Way", "+1 555 010 0100", "careers@example.edu", "https://careers.example.edu/"):
            assert detail in sheets[-1].text, (paper, detail)


def test_a_centers_own_counter_changes_the_policy_and_the_privacy_page_and_nothing_else(center, tmp_path, page):
    """Opting in (analytics in branding.yml) adds one invisible image per page from the counter's
    address, allows exactly that address for images, and the privacy page says what is counted."""
    import shutil

    from generator.checks.html_scan import scan_site

    folder, url, plain_site = center
    counted = tmp_path / "counted"
    shutil.copytree(folder, counted, ignore=shutil.ignore_patterns("site"))
    # A name with Markdown and HTML characters reads as typed there, as on every other page.
    (counted / "branding.yml").write_text(
        BRANDING.replace("name: State University Career Center", "name: \"State *University* <Career> Center\"")
        + "analytics:\n  counter: \"https://stats.example.edu/count?p={path}\"\n")
    site = build_site(str(counted / "mkdocs.yml"), str(tmp_path / "site"), site_url=url)

    policy = (site / "_headers").read_text()
    plain_policy = (plain_site / "_headers").read_text()
    assert "img-src 'self' data: https://stats.example.edu;" in policy
    assert policy.replace(" https://stats.example.edu", "") == plain_policy
    checklist = (site / "checklist/index.html").read_text()
    assert ('<img class="fg-counter" src="https://stats.example.edu/count?p=%2Fcareers%2Fafter-the-interview%2Fchecklist%2F" alt="" '
            'width="1" height="1" referrerpolicy="no-referrer">') in checklist
    privacy = (site / "privacy/index.html").read_text()
    assert ("State *University* &lt;Career&gt; Center counts how often each page is read, with its own counter at "
            "https://stats.example.edu.") in privacy
    assert "Nothing counts your visits" not in privacy
    assert "Nothing counts your visits" in (plain_site / "privacy/index.html").read_text()
    assert "fg-counter" not in (plain_site / "checklist/index.html").read_text()
    # Besides the counter, the two sites are the same page for page.
    for path, (text, _) in scan_site(site).items():
        if path.name == "index.html" and "privacy" not in path.parts:
            assert "https://stats.example.edu/count" in text, path


def test_the_themes_own_analytics_are_refused(center, tmp_path, capsys):
    import shutil

    from generator.cli import main

    folder, _, _ = center
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("site"))
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra:\n", "extra:\n  analytics:\n    provider: google\n    property: G-XXXX\n", 1))
    os.chdir(copy)
    for command in (["validate"], ["build"]):
        assert main(command) == 1
        assert "'extra: analytics' would send readers' visits to another company" in capsys.readouterr().err
    assert not (copy / "site").exists()
