"""Message templates: validation, filling in, and the files built ahead of time."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from support import DEFAULT_KB as KB

from generator.rendering import messages
from generator.loading.loader import load_knowledge_base
from generator.rendering.pages import render_site
from generator.problems import ContentError

FIELDS = """\
fields:
  - id: interviewer-name
    label: Interviewer's name
  - id: your-name
    label: Your name
templates:
"""


def problems_with(guide_copy, templates: str) -> list[str]:
    (guide_copy / "content/message-templates.yml").write_text(FIELDS + templates)
    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path("content"))
    return [str(p) for p in raised.value.problems]


def test_the_default_templates_cover_every_message_the_guide_recommends():
    assert [t.id for t in KB.templates] == [
        "questions-before-you-leave", "thank-you-email", "thank-you-after-a-call", "thanks-through-the-coordinator",
        "correction-after-the-interview", "thank-you-letter", "ask-for-adjustments", "withdraw-from-consideration",
        "follow-up-after-the-date", "last-check-in", "reply-to-a-rejection", "thanks-for-feedback",
        "ask-for-the-offer-in-writing", "competing-deadline", "counter-offer", "accept-an-offer", "decline-an-offer",
        "reference-heads-up", "reference-thank-you", "linkedin-connection-note", "stay-in-touch-note",
    ]
    assert len(KB.templates) >= 20
    formats = {t.id: t.format for t in KB.templates}
    assert formats["questions-before-you-leave"] == "script"
    assert formats["thank-you-letter"] == "letter"
    assert formats["linkedin-connection-note"] == "note"
    assert all(t.subject for t in KB.templates if t.format == "email")


def test_subjects_say_what_the_message_is_and_who_sends_it():
    for template in KB.templates:
        if template.format == "email" and not template.subject.startswith("Re: "):
            assert "{your-name}" in template.subject, template.id
            assert "{interviewer-name}" not in template.subject and "{contact-name}" not in template.subject, template.id


def test_replies_and_answers_go_to_whoever_wrote_or_made_the_offer():
    by_id = {t.id: t for t in KB.templates}
    assert by_id["reply-to-a-rejection"].subject == "Re: {their-subject}"
    assert by_id["reply-to-a-rejection"].to == by_id["decline-an-offer"].to == "contact-email"
    assert "{link}" in by_id["stay-in-touch-note"].body
    assert "accepted another" not in by_id["withdraw-from-consideration"].body  # a reason is optional


def test_date_fields_are_dates():
    assert {f.id for f in KB.fields.values() if f.type == "date"} == {
        "interview-date", "stated-date", "answer-date", "deadline", "start-date"}
    assert KB.fields["company"].type == "text"
    for template in KB.templates:
        assert set(template.fields) <= set(KB.fields), template.id
        assert template.phases, template.id


def test_an_unknown_placeholder_is_reported_where_it_was_typed(guide_copy):
    assert problems_with(guide_copy, """\
  - id: broken
    title: Broken
    format: letter
    when: Never.
    phases: [afterwards]
    body: |
      Dear {interviewer-name},

      Thanks from {yuor-name} and {nobody}.
""") == [
        "content/message-templates.yml:15:19: there is no placeholder with the id 'yuor-name' (did you mean 'your-name'?)",
        "content/message-templates.yml:15:35: there is no placeholder with the id 'nobody'",
    ]


def test_braces_that_are_no_blank_are_reported_where_they_were_typed(guide_copy):
    assert problems_with(guide_copy, """\
  - id: broken
    title: Broken
    format: email
    when: Never.
    phases: [afterwards]
    subject: "Thanks, {Interviewer-Name}"
    body: |
      Hello {center name}, {company

      From {}, your-name}.
""") == [
        "content/message-templates.yml:12:23: '{Interviewer-Name}' is not a blank the message can fill; "
        "write it as {interviewer-name}",
        "content/message-templates.yml:14:13: '{center name}' is not a blank the message can fill; "
        "write it as {center-name}",
        "content/message-templates.yml:14:28: this '{' starts a blank that never ends; close it with '}', as in "
        "{company}, or remove the '{'",
        "content/message-templates.yml:16:12: '{}' is not a blank the message can fill; write the id of a blank "
        "between the braces, as in {company}, or remove them",
        "content/message-templates.yml:16:25: this '}' ends a blank that never starts; add the '{' before its id, "
        "as in {company}, or remove the '}'",
    ]


def test_references_and_rules_of_a_template_are_checked(guide_copy):
    assert problems_with(guide_copy, """\
  - id: broken
    title: Broken
    format: email
    when: Never.
    phases: [afterward]
    entries: [no-such-entry]
    to: interviewer-name
    body: Hello.
  - id: letter
    title: Letter
    format: letter
    when: Never.
    phases: [afterwards]
    subject: Not for letters
    body: Hello.
""") == [
        "content/message-templates.yml:7:5: an email template needs a 'subject'",
        "content/message-templates.yml:11:14: there is no phase with the id 'afterward' (did you mean 'afterwards'?)",
        "content/message-templates.yml:12:15: there is no entry with the id 'no-such-entry'",
        "content/message-templates.yml:20:14: only an email template has 'subject'; remove it",
    ]


def test_the_guide_builds_without_a_templates_file(guide_copy):
    (guide_copy / "content/message-templates.yml").unlink()
    kb = load_knowledge_base(Path("content"))
    assert kb.templates == () and not [f for f in render_site(kb).files if f.uri.startswith("downloads/")]


def test_every_template_has_a_blank_text_download():
    site = render_site(KB)
    downloads = {f.uri: f.content for f in site.files if f.uri.startswith("downloads/")}
    assert sorted(downloads) == sorted(f"downloads/{t.id}.txt" for t in KB.templates)
    assert downloads["downloads/thank-you-email.txt"].decode() == (
        "Subject: Thank you for the [Job title] interview, from [Your name]\n\n"
        "Dear [Interviewer's name, as you would greet them],\n\n"
        "Thank you for taking the time to talk with me about the [Job title] role at [Company] on "
        "[Date of the interview].\n\n"
        "I especially enjoyed our conversation about [Something you talked about]. It made me even more "
        "interested in the role. I think [What you would bring, in a few words] would be useful to the team, "
        "and I would enjoy putting it to work there.\n\n"
        "Please let me know if you need anything else from me. I look forward to hearing about the next steps.\n\n"
        "Best regards,\n[Your name]\n"
    )
    script = downloads["downloads/questions-before-you-leave.txt"].decode()
    assert not script.startswith("Subject:") and "[Job title]" in script


def test_filled_values_are_inserted_and_the_rest_stay_blank():
    template = next(t for t in KB.templates if t.id == "follow-up-after-the-date")
    text = messages.text_file(template, KB, {"role": "Data analyst", "your-name": "José Müller"})
    assert text.startswith("Subject: José Müller: following up on my Data analyst interview\n\n"
                           "Dear [Interviewer's name, as you would greet them],")
    assert text.endswith("Best regards,\nJosé Müller\n")


def test_the_mailto_link_decodes_to_the_message():
    template = next(t for t in KB.templates if t.id == "thank-you-email")
    values = {"interviewer-email": "ana@example.org", "interviewer-name": "José Müller", "company": "Acme & Co",
              "role": "Analyst", "your-name": "Ana"}
    link = urlsplit(messages.mailto(template, KB, values))
    query = parse_qs(link.query)
    assert link.scheme == "mailto" and unquote(link.path) == "ana@example.org"
    assert query["subject"] == ["Thank you for the Analyst interview, from Ana"]
    assert query["body"][0] == messages.fill(template.body, KB, values).replace("\n", "\r\n")
    assert "Acme & Co" in query["body"][0]
