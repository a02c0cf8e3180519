"""Rendering the knowledge base into Markdown pages."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import markdown
import pytest

from generator.loading.loader import load_knowledge_base
from generator.model import timing
from generator.rendering.pages import guide_data, plain_text, render_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "content")


@pytest.fixture(scope="module")
def site(kb):
    return render_site(kb)


def visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.mark.parametrize("typed", [
    'Say "thanks" <b>now</b> & then',
    "*not emphasis* _nor this_ `nor code`",
    "[not a link](https://example.org) \\ backslash",
    "Heading {: #injected .class }",
    "# not a heading ! | pipe",
])
def test_plain_text_reads_exactly_as_typed_after_markdown(typed):
    rendered = markdown.markdown(f"## {plain_text(typed)}", extensions=["attr_list", "md_in_html"])
    assert rendered.startswith("<h2>")
    assert visible_text(rendered) == typed


def test_one_page_per_phase_plus_the_pages_of_the_whole_guide(site, kb):
    assert [page.uri for page in site.pages] == (
        ["index.md"] + [f"phases/{p.id}.md" for p in kb.phases]
        + ["overview.md", "applications.md", "checklist.md", "planner.md", "templates.md", "log.md", "about.md"])


def test_navigation_follows_the_phase_order_with_titles_from_content(site, kb):
    home, phases, overview, applications, checklist, planner, templates, log, about = site.nav
    assert home == {kb.labels["home"]: "index.md"}
    assert phases == {kb.labels["nav_phases"]: [{p.title: f"phases/{p.id}.md"} for p in kb.phases]}
    assert overview == {kb.pages["overview"].title: "overview.md"}
    assert applications == {kb.pages["applications"].title: "applications.md"}
    assert checklist == {kb.pages["checklist"].title: "checklist.md"}
    assert planner == {kb.pages["planner"].title: "planner.md"}
    assert templates == {kb.pages["templates"].title: "templates.md"}
    assert log == {kb.pages["log"].title: "log.md"}
    assert about == {kb.pages["about"].title: "about.md"}


def test_the_checklist_page_lists_every_checklist_line_in_phase_order(site, kb):
    checklist = next(p for p in site.pages if p.uri == "checklist.md").markdown
    boxes = re.findall(r'<input type="checkbox"[^>]*data-fg-item="([^"]+)"> <label for="fg-check-\1">([^<]+)</label>',
                       checklist)
    expected = [(e.id, e.checklist) for p in kb.phases for e in p.entries if e.checklist]
    assert [(entry_id, html.unescape(text)) for entry_id, text in boxes] == expected
    assert len(expected) >= 12


def test_pages_carry_their_description_as_front_matter(site, kb):
    phase_page = next(p for p in site.pages if p.uri == "phases/within-24-hours.md").markdown
    assert phase_page.startswith(f"---\ndescription: {kb.phases[1].summary}\ntags:\n- thank you\n")


def test_links_between_pages_are_relative_to_the_page(site):
    phase_page = next(p for p in site.pages if p.uri == "phases/after-the-date.md").markdown
    assert "](../checklist.md)" not in phase_page  # no stray links
    assert "](while-you-wait.md#keep-searching)" in phase_page  # a related entry of another phase
    overview = next(p for p in site.pages if p.uri == "overview.md").markdown
    assert "](phases/within-24-hours.md#send-a-thank-you)" in overview


def test_timings_are_worded_by_the_labels_of_the_content(site, kb):
    phase_page = next(p for p in site.pages if p.uri == "phases/within-24-hours.md").markdown
    assert "**When:** within 2 working days of the interview" in phase_page
    # A step due by its moment itself ('within: 0 days'): "by" the moment, and no duration in the timeline.
    offer_page = next(p for p in site.pages if p.uri == "phases/when-an-offer-comes.md").markdown
    assert f"**When:** {kb.labels['timing_by'].format(moment=kb.moments['answer-date'].label)}" in offer_page
    assert "0 days" not in offer_page


def test_the_pages_give_their_scripts_the_rules_steps_and_answers(site, kb):
    data = json.loads(guide_data(kb))
    assert data["rules"] == timing.rules(kb)
    assert data["steps"]["send-one-follow-up"] == {
        "title": kb.entries["send-one-follow-up"].checklist, "summary": kb.entries["send-one-follow-up"].summary,
        "page": "phases/after-the-date"}
    answer = next(p for p in kb.phases if p.id == "when-the-answer-comes")
    assert data["phases"][answer.id] == [e.id for e in answer.entries if e.checklist]
    assert data["outcomes"] == {o.id: [o.phase, *(o.then or ())] for o in kb.outcomes} and "offer" in data["outcomes"]
    assert data["outcomes"]["rejection"] == ["when-the-answer-comes", "afterwards"]  # staying in touch follows a no
    assert data["meanwhile"] == {"offer": "tell-the-employer-you-prefer"}  # an offer's deadline, for the others
    assert "tell-the-employer-you-prefer" in data["steps"]  # (its title and page, for the rows that show it)
    assert data["decision"] == {"moment": "stated-date", "title": kb.moments["stated-date"].label}
    # One script for every page holds it, named by its content; the pages that use it are marked.
    script = next(f for f in site.files if f.uri == site.data_script)
    assert re.fullmatch(r"assets/followup-guide-data\.[0-9a-f]{12}\.js", script.uri)
    assigned = re.fullmatch(r"window\.followupGuideData = (.*);\n", script.content.decode(), re.S)
    assert assigned and json.loads(assigned[1]) == data
    for uri in ("index.md", "planner.md", "checklist.md", "applications.md", "log.md", "phases/afterwards.md"):
        page = next(p for p in site.pages if p.uri == uri).markdown
        assert "<div hidden data-fg-guide></div>" in page and '"rules"' not in page, uri
    assert "data-fg-guide" not in next(p for p in site.pages if p.uri == "templates.md").markdown


def test_the_data_script_is_named_by_its_content(kb, site):
    assert render_site(kb).data_script == site.data_script
    changed = render_site(load_knowledge_base(ROOT / "content", language="es"))
    assert changed.data_script != site.data_script


def test_the_tools_ask_only_for_dates_that_change_something(kb, tmp_path):
    # The default guide: every date asked for dates a step, or is the answer (the offer).
    assert [m.id for m in timing.questions(kb)] == [m.id for m in kb.moments.values() if m.ask]
    # A center that times the answer from the offer again: the day promised changes nothing.
    (tmp_path / "changes.yml").write_text(
        "change:\n  entries:\n    answer-every-offer:\n      timing: {within: 3 days, of: offer}\n")
    center = load_knowledge_base(ROOT / "content", tmp_path)
    assert "answer-date" not in [m.id for m in timing.questions(center)]
    assert "offer" in [m.id for m in timing.questions(center)]
    pages = {page.uri: page.markdown for page in render_site(center).pages}
    for uri, field in (("planner.md", 'data-fg-moment="{}"'), ("applications.md", 'data-fg-app-moment="{}"')):
        assert field.format("offer") in pages[uri] and field.format("answer-date") not in pages[uri], uri
