"""Links in the content's Markdown name a file from the guide's top folder, whatever page shows
them: the pages write them relative to themselves, and a link that would lead nowhere is found
by `validate` (not only by the build) at its file, line and column, with the form that works."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.loading.sources import GuideSources, load_guide
from generator.problems import ContentError
from generator.rendering.pages import render_site

ROOT = Path(__file__).resolve().parents[2]

ADVICE = """\
entries:
  - id: book-a-mock-interview
    kind: do
    phase: while-you-wait
    title: Practise with a mock interview
    summary: It makes the next round easier.
    body: |
      Our [mock interviews](mock-interviews.md) run every week; see also
      the [checklist](checklist.md#checklist-print) and [our guide](https://example.edu/).
"""


def center(tmp_path: Path, advice: str = ADVICE) -> GuideSources:
    (tmp_path / "overlay" / "advice").mkdir(parents=True)
    (tmp_path / "overlay" / "advice" / "ours.yml").write_text(advice)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "mock-interviews.md").write_text("# Mock interviews\n")
    return GuideSources(ROOT / "content", tmp_path / "overlay", None, tmp_path / "pages")


def test_links_name_files_from_the_top_folder_and_each_page_makes_them_relative(tmp_path):
    kb, _ = load_guide(center(tmp_path))
    pages = {page.uri: page.markdown for page in render_site(kb).pages}
    assert "Our [mock interviews](../mock-interviews.md)" in pages["phases/while-you-wait.md"]
    assert "the [checklist](../checklist.md#checklist-print)" in pages["phases/while-you-wait.md"]
    assert "[our guide](https://example.edu/)" in pages["phases/while-you-wait.md"]
    assert "[checklist](checklist.md)" in pages["index.md"]  # the home page is in the top folder


@pytest.mark.parametrize("written, advice", [
    ("../mock-interviews/", "write 'mock-interviews.md'"),
    ("mock-interviews.html#tuesdays", "write 'mock-interviews.md#tuesdays'"),
    ("mock-interview.md", "such as 'checklist.md' or 'phases/while-you-wait.md'"),
])
def test_a_link_that_leads_nowhere_is_reported_where_it_is_typed(tmp_path, written, advice):
    with pytest.raises(ContentError) as raised:
        load_guide(center(tmp_path, ADVICE.replace("(mock-interviews.md)", f"({written})")))
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path / 'overlay' / 'advice' / 'ours.yml'}:8:29: the link '{written}' leads to no page of the guide; "
        f"links in the content name a page's file from the guide's top folder{', ' if 'such' in advice else ': '}"
        f"{advice}"]


def test_validate_reports_it_in_a_center_folder(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "center"
    assert main(["init", str(folder), "--name", "North College Careers"]) == 0
    (folder / "content" / "advice" / "our-advice.yml").write_text(ADVICE.replace("(mock-interviews.md)", "(mock/)"))
    monkeypatch.chdir(folder)
    capsys.readouterr()
    assert main(["validate"]) == 1
    assert "content/advice/our-advice.yml:8:29: the link 'mock/' leads to no page of the guide" in capsys.readouterr().err


@pytest.mark.parametrize("written, message", [
    ("phases/while-you-wait.md#be-patien", "nothing there has the id 'be-patien' (did you mean 'be-patient'?) "
     "(a message template's is 'template-' and its id; an entry hidden by changes.yml is on no page)"),
    ("phases/while-you-wait.md#send-a-thank-you", "the entry 'send-a-thank-you' is on "
     "'phases/within-24-hours.md'; write 'phases/within-24-hours.md#send-a-thank-you'"),
    ("templates.md#template-thank-you-emial", "nothing there has the id 'template-thank-you-emial' (did you mean "
     "'template-thank-you-email'?) (a message template's is 'template-' and its id; an entry hidden by "
     "changes.yml is on no page)"),
])
def test_a_link_to_no_part_of_a_page_is_reported_where_it_is_typed(tmp_path, written, message):
    with pytest.raises(ContentError) as raised:
        load_guide(center(tmp_path, ADVICE.replace("(mock-interviews.md)", f"({written})")))
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path / 'overlay' / 'advice' / 'ours.yml'}:8:29: the link '{written}' leads to no part of that page: "
        f"{message}"]


def test_a_former_id_stays_a_place_on_its_page_for_links_and_bookmarks(tmp_path):
    renamed = ADVICE.replace("  - id: book-a-mock-interview\n", "  - id: book-a-mock-interview\n    former_ids: [mock-it]\n")
    kb, _ = load_guide(center(tmp_path, renamed.replace("(mock-interviews.md)", "(phases/while-you-wait.md#mock-it)")
                              .replace("[our guide](https://example.edu/)", "[a template](templates.md#template-thank-you-email)")))
    pages = {page.uri: page.markdown for page in render_site(kb).pages}
    assert '<div id="mock-it"></div>' in pages["phases/while-you-wait.md"]
    assert "[mock interviews](while-you-wait.md#mock-it)" in pages["phases/while-you-wait.md"]


def test_a_link_by_a_former_id_still_builds_and_says_the_id_to_write(tmp_path):
    renamed = ADVICE.replace("  - id: book-a-mock-interview\n", "  - id: book-a-mock-interview\n    former_ids: [mock-it]\n")
    sources = center(tmp_path, renamed.replace("(mock-interviews.md)", "(phases/while-you-wait.md#mock-it)")
                     .replace("(checklist.md#checklist-print)", "(templates.md#template-ask-politely)"))
    (tmp_path / "overlay" / "message-templates.yml").write_text(
        "templates:\n  - id: ask-for-advice\n    former_ids: [ask-politely]\n    title: Ask us for advice\n"
        "    format: script\n    when: Before you answer.\n    phases: [while-you-wait]\n"
        "    body: Could we talk about the offer?\n")
    page = tmp_path / "pages" / "mock-interviews.md"  # a hand-written page's link, from its own folder
    page.write_text("# Mock interviews\n\nSee [it](phases/while-you-wait.md#mock-it).\n")
    kb, _ = load_guide(sources)
    file = tmp_path / "overlay" / "advice" / "ours.yml"
    assert [str(w) for w in kb.warnings if "former id" in w.message] == [
        f"{file}:9:29: the link 'phases/while-you-wait.md#mock-it' names 'book-a-mock-interview' by its former id; "
        "it still leads there, but write 'phases/while-you-wait.md#book-a-mock-interview'",
        f"{file}:10:23: the link 'templates.md#template-ask-politely' names 'template-ask-for-advice' by its former "
        "id; it still leads there, but write 'templates.md#template-ask-for-advice'",
        f"{page}:3:10: the link 'phases/while-you-wait.md#mock-it' names 'book-a-mock-interview' by its former id; "
        "it still leads there, but write 'phases/while-you-wait.md#book-a-mock-interview'"]


def test_markdown_in_a_text_shown_as_typed_is_a_warning(tmp_path):
    """A summary is shown as typed: a link would be published with its brackets, emphasis with its
    stars. A lone star is no emphasis."""
    summary = "    summary: It makes the next round easier.\n"
    kb, _ = load_guide(center(tmp_path, ADVICE.replace(summary, (
        "    summary: \"[Book one](https://example.edu/book) while it is *fresh*.\"\n"
        "    checklist: Rate it 5 * 3 then `ping`\n"))))
    file = tmp_path / "overlay" / "advice" / "ours.yml"
    assert [str(w) for w in kb.warnings if "shown as typed" in w.message] == [
        f"{file}:6:14: 'summary' is shown as typed, so the link '[Book one](https://example.edu/book)' will show with "
        "its brackets; write its words alone here (a link can go in 'body'), or the address itself",
        f"{file}:6:14: 'summary' is shown as typed, so '*fresh*' will show with its stars; write the words alone "
        "here (emphasis can go in 'body')",
        f"{file}:7:16: 'checklist' is shown as typed, so '`ping`' will show with its backticks; write the words "
        "alone here (emphasis can go in 'body')"]


def test_a_hand_written_pages_link_to_no_part_of_a_page_is_reported_where_it_is_typed(tmp_path):
    """validate finds it, at its line; before, only the build did, without a line, and showing the
    link as it had rewritten it. A page's links name files from its own folder, as MkDocs' do."""
    sources = center(tmp_path)
    (tmp_path / "pages" / "mock-interviews.md").write_text(
        "# Mock interviews\n\nSee [be patient](phases/while-you-wait.md#be-patien).\n\n"
        "An example, not a link: `[x](nowhere.md)`, and\n\n```\n[y](nowhere.md)\n```\n")
    (tmp_path / "pages" / "more").mkdir()
    (tmp_path / "pages" / "more" / "deeper.md").write_text("[ok](../phases/while-you-wait.md#be-patient) and "
                                                            "[a page](../checklist.md), [gone](checklist.md)\n")
    with pytest.raises(ContentError) as raised:
        load_guide(sources)
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path / 'pages' / 'mock-interviews.md'}:3:18: the link 'phases/while-you-wait.md#be-patien' leads to no "
        "part of that page: nothing there has the id 'be-patien' (did you mean 'be-patient'?) (a message template's "
        "is 'template-' and its id; an entry hidden by changes.yml is on no page)",
        f"{tmp_path / 'pages' / 'more' / 'deeper.md'}:1:84: the link 'checklist.md' leads to no page of the guide; a "
        "page's links name a page's file from the page's own folder (did you mean 'checklist.md', from the top "
        "folder?)"]


def test_a_page_that_cannot_be_read_is_one_message_not_a_traceback(tmp_path, monkeypatch):
    """A page the system will not let us read (its permissions): the page check says so, and the
    links' check leaves it alone instead of stopping with a traceback."""
    sources = center(tmp_path)
    secret = tmp_path / "pages" / "mock-interviews.md"
    real_read_bytes, real_read_text = Path.read_bytes, Path.read_text

    def refused(real):
        def read(self, *args, **kwargs):
            if self == secret:
                raise PermissionError(13, "Permission denied")
            return real(self, *args, **kwargs)
        return read

    monkeypatch.setattr(Path, "read_bytes", refused(real_read_bytes))
    monkeypatch.setattr(Path, "read_text", refused(real_read_text))
    with pytest.raises(ContentError) as raised:
        load_guide(sources)
    assert [str(p) for p in raised.value.problems] == [
        f"{secret}:1:1: this file cannot be read (permission denied); check its permissions"]


def test_code_fences_are_read_as_markdown_reads_them():
    """A longer fence closes a block, a fence left open runs to the end of the page, and a line of
    backticks with more backticks after it is code in a line, not a fence: links in code are examples."""
    from generator.loading.handwritten_pages import _blank_code

    text = "[a](a.md)\n````\n[b](b.md)\n```\n`````\n[c](c.md) `[d](d.md)`\n``` x ` y\n[e](e.md)\n~~~\n[f](f.md)\n"
    blanked = _blank_code(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert [name for name in "abcdef" if f"[{name}]" in blanked] == ["a", "c", "e"]
