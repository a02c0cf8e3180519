"""Message templates filled in: the same rules as the page's script, for what is built ahead
of time (the preview shown without JavaScript, the blank .txt downloads, the plain mailto link).
"""
from __future__ import annotations

from urllib.parse import quote

from ..model.fields import PLACEHOLDER
from ..model.knowledge_base import KnowledgeBase
from ..model.records import EMAIL, MessageTemplate


def blank(kb: KnowledgeBase, field_id: str) -> str:
    """What stands for an empty field, such as "[Interviewer's name]"."""
    return kb.labels["template_blank"].format(field=kb.fields[field_id].label)


def fill(text: str, kb: KnowledgeBase, values: dict[str, str] | None = None) -> str:
    values = values or {}
    return PLACEHOLDER.sub(lambda m: values.get(m[1]) or blank(kb, m[1]), text)


def text_file(template: MessageTemplate, kb: KnowledgeBase, values: dict[str, str] | None = None) -> str:
    """The message as a .txt file: the subject line first for an email."""
    body = fill(template.body, kb, values)
    if template.format == EMAIL:
        return f"{kb.labels['template_subject']} {fill(template.subject, kb, values)}\n\n{body}\n"
    return f"{body}\n"


def mailto(template: MessageTemplate, kb: KnowledgeBase, values: dict[str, str] | None = None) -> str:
    """A mailto: link (RFC 6068) that opens the message as a new email."""
    values = values or {}
    to = quote(template.to_address or (values.get(template.to, "") if template.to else ""), safe="@")
    subject = quote(fill(template.subject, kb, values), safe="")
    body = quote(fill(template.body, kb, values).replace("\n", "\r\n"), safe="")
    return f"mailto:{to}?subject={subject}&body={body}"
