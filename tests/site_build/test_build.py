"""Building the site: strict, complete, reproducible, and never half-written."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ENGINES, both_engines

from generator.cli import CommandError, build_site
from generator.loading.loader import load_knowledge_base
from generator.problems import ContentError

ROOT = Path(__file__).resolve().parents[2]


def tree(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@both_engines
def test_every_promised_page_is_built(built_site):
    kb = load_knowledge_base(ROOT / "content")
    promised = ["index.html", "overview/index.html", "checklist/index.html", "templates/index.html", "about/index.html",
                "editing-the-guide/index.html"] + [f"phases/{p.id}/index.html" for p in kb.phases]
    for page in promised:
        assert (built_site / page).is_file(), page
    home = (built_site / "index.html").read_text()
    assert f"<h1 id=\"after-the-interview\">{kb.title}</h1>" in home
    for phase in kb.phases:
        assert f'href="phases/{phase.id}/"' in home


def test_each_page_has_its_description_from_the_content(built_site):
    kb = load_knowledge_base(ROOT / "content")
    page = (built_site / "phases/within-24-hours/index.html").read_text()
    assert f'<meta name="description" content="{html.escape(kb.phases[1].summary)}">' in page


def test_no_page_loads_anything_from_another_site(built_site, site_url):
    # What a page fetches by itself: scripts, images, style sheets, icons, preloads.
    fetched = re.compile(r'<(?:script|img|source|iframe)\b[^>]*\bsrc="([^"]+)"'
                         r'|<link\b(?=[^>]*\brel="(?:stylesheet|icon|preload|modulepreload|manifest|preconnect)")'
                         r'[^>]*\bhref="([^"]+)"')
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text()
        for match in fetched.finditer(text):
            url = match[1] or match[2]
            assert not re.match(r"^(https?:)?//", url) or url.startswith(site_url), (page, url)


def test_two_builds_of_the_same_content_are_identical(guide_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build_site("mkdocs.yml", "first")
    second = build_site("mkdocs.yml", "second")
    assert tree(first) == tree(second)


def test_plain_mkdocs_build_makes_the_same_site(guide_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    ours = build_site("mkdocs.yml", "ours")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", "plain"], check=True,
                   env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    # Plain MkDocs builds the first language only (followup-guide build adds the others, es/).
    assert {path: text for path, text in tree(ours).items() if not path.startswith("es/")} == tree(guide_copy / "plain")


def test_bad_content_leaves_the_previous_site_untouched(guide_copy):
    site = build_site("mkdocs.yml")
    before = tree(site)
    (guide_copy / "content/advice/afterwards.yml").write_text("entries:\n  - id: Bad Id\n")

    with pytest.raises(ContentError):
        build_site("mkdocs.yml")

    assert tree(site) == before
    assert not list(guide_copy.glob(".site-*"))


def test_a_failing_mkdocs_build_leaves_the_previous_site_untouched(guide_copy):
    site = build_site("mkdocs.yml")
    before = tree(site)
    # A hand-written page with a link to a file that is not there (validate checks pages, not other
    # files): MkDocs warns, so the strict build aborts.
    (guide_copy / "content/pages/broken.md").write_text("# Broken\n\n[nowhere](no-such-file.pdf)\n")

    with pytest.raises(CommandError, match="the build failed"):
        build_site("mkdocs.yml")

    assert tree(site) == before
    assert not list(guide_copy.glob(".site-*"))


def test_a_handwritten_page_cannot_replace_a_generated_one(guide_copy, caplog):
    (guide_copy / "content/pages/checklist.md").write_text("# Mine\n")
    with pytest.raises(CommandError):
        build_site("mkdocs.yml")
    assert ("content/pages/checklist.md: this file has the same path as a page the guide generates; "
            "rename or move it") in caplog.text


@pytest.mark.parametrize("engine_name", ENGINES)
def test_quotes_and_angle_brackets_in_titles_appear_as_typed(guide_copy, engine_name):
    title = 'Quotes " and <b>tags</b> & > signs'
    phase_title = "Before <i>you</i> 'leave' {: #x}"
    summary = 'A "quoted" <summary>'
    guide = guide_copy / "content/guide.yml"
    text = guide.read_text()
    text = text.replace("title: After the Interview", f"title: '{title}'")
    text = text.replace("    title: Before you leave", f"    title: \"{phase_title}\"")
    text = text.replace("    summary: Three questions to ask while you are still in the room or on the call.",
                        f"    summary: '{summary}'")
    guide.write_text(text)

    site = build_site("mkdocs.yml", engine_name=engine_name)

    page = (site / "phases/before-you-leave/index.html").read_text()
    assert html.unescape(re.search(r"<title>(.*?)</title>", page, re.S)[1]) == f"{phase_title} - {title}"
    assert html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]) == phase_title
    assert html.unescape(re.search(r'<meta name="description" content="([^"]*)">', page)[1]) == summary
    assert "<b>tags</b>" not in page and "<i>you</i>" not in page and '"quoted" <summary>' not in page
    home = (site / "index.html").read_text()
    assert html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", home, re.S)[1]) == title


def test_changing_a_timing_changes_the_picture_and_the_planner(guide_copy):
    def follow_up_rule(site):
        planner = (site / "planner/index.html").read_text()
        script = re.search(r'<script src="\.\./(assets/followup-guide-data\.[0-9a-f]+\.js)">', planner)[1]
        data = re.fullmatch(r"window\.followupGuideData = (.*);\n", (site / script).read_text(), re.S)[1]
        rules = json.loads(data)["rules"]
        return next(step for step in rules["steps"] if step["entry"] == "send-one-follow-up")

    before = build_site("mkdocs.yml", "before")
    advice = guide_copy / "content/advice/after-the-date.yml"
    advice.write_text(advice.read_text().replace("after: 7 days", "after: 10 days"))
    after = build_site("mkdocs.yml", "after")

    assert "One follow-up</text><text" in (before / "index.html").read_text()
    assert ">7 days later</text>" in (before / "index.html").read_text()
    assert ">10 days later</text>" in (after / "index.html").read_text()
    assert ">10 days later</text>" in (after / "phases/after-the-date/index.html").read_text()
    assert ">7 days later</text>" not in (after / "index.html").read_text()
    assert follow_up_rule(before)["amount"] == 7
    assert follow_up_rule(after) == {"entry": "send-one-follow-up", "relation": "after", "amount": 10,
                                     "unit": "days", "of": "stated-date", "weekends": "move"}


def test_a_center_that_leaves_out_staff_pages_does_not_leave_them_out_of_the_next_build(tmp_path, monkeypatch):
    # MkDocs keeps one instance of the plugin for the whole process (a server's rebuilds, a test session).
    from support import copy_guide, make_center, one_language

    monkeypatch.chdir(one_language(make_center(tmp_path / "center", "Staff Pages Off Careers")))
    assert not (build_site("mkdocs.yml") / "editing-the-guide/index.html").exists()
    monkeypatch.chdir(one_language(copy_guide(tmp_path / "guide")))
    assert (build_site("mkdocs.yml") / "editing-the-guide/index.html").is_file()
