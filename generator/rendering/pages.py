"""Render the knowledge base into Markdown pages and a navigation.

Pure: knowledge base in, pages out. Nothing here knows about MkDocs, so another
static-site builder could take the same pages.
"""
from __future__ import annotations

import functools
import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass

import jinja2
import yaml
from markupsafe import Markup

from ..model import timing
from ..model.fields import MARKDOWN_LINK, InLanguage, close_match, did_you_mean, in_ascii, is_local_link, slugify
from ..model.knowledge_base import KnowledgeBase
from ..model.records import Timing
from ..problems import Location, Problem
from . import messages
from .durations import by_the_moment, duration_text
from .template_cache import template_cache
from .timeline_svg import timeline_svg

HOME = "index.md"
# The generated pages after the phases, each with its entry under `pages:` in guide.yml.
LISTED_PAGES = (("overview.md", "overview"), ("applications.md", "applications"), ("checklist.md", "checklist"),
                ("planner.md", "planner"), ("templates.md", "templates"), ("log.md", "log"), ("about.md", "about"))


def phase_uri(phase_id: str) -> str:
    return f"phases/{phase_id}.md"


def guide_data(kb: KnowledgeBase) -> str:
    """What the pages' scripts need to date the steps and say what is due: the timing rules,
    each step's title, summary and page, the steps of each phase, what each recorded answer
    leads to, and the moment that is the employer's decision date."""
    steps = {e.id: e for e in timing.steps(kb)}
    for phase in kb.phases:
        steps.update({e.id: e for e in phase.entries if e.checklist})
    asked = [m for m in kb.moments.values() if m.ask][1:2]
    data = {
        "title": kb.title,
        "reminder": kb.labels["planner_reminder"],
        "rules": timing.rules(kb),
        "steps": {id_: {"title": e.checklist or e.title, "summary": e.summary, "page": f"phases/{e.phase}"}
                  for id_, e in steps.items()},
        "phases": {p.id: [e.id for e in p.entries if e.checklist] for p in kb.phases},
        "outcomes": {o.id: [o.phase, *(o.then or ())] for o in kb.outcomes},  # the phases that follow each answer
        "meanwhile": {o.id: o.meanwhile for o in kb.outcomes if o.meanwhile in steps},  # and what it asks of the others
        "answerDays": {f.id: f.answer_day_of for f in kb.fields.values() if f.answer_day_of},  # fields an answer fills
        "accepted": {o.id: {"by": o.accepted_by, "others": o.others_then} for o in kb.outcomes  # a yes, and what it
                     if o.accepted_by in steps and o.others_then in steps},  # asks of the other applications
        "decision": {"moment": asked[0].id, "title": asked[0].label} if asked else None,
    }
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


# The job-search log's spreadsheet columns, in order (core/transfer.js logTable writes them).
LOG_COLUMNS = ("log_company", "log_role", "log_contact", "log_applied", "log_interview", "log_steps", "log_step_date",
               "log_outcome", "log_outcome_date", "log_note")


def log_context(kb: KnowledgeBase) -> dict[str, str]:
    """What the job-search log's script needs from the content: the answers' labels and the
    spreadsheet's column headings."""
    return {"outcome_labels": json.dumps({o.id: o.label for o in kb.outcomes}, ensure_ascii=False),
            "csv_columns": json.dumps([kb.labels[name] for name in LOG_COLUMNS], ensure_ascii=False)}


def data_script(data: str) -> GeneratedFile:
    """The guide's data (guide_data) as a script that every page loads once from the site itself
    (then from the browser's cache), instead of a copy in each page that needs it: with many
    entries it was half of those pages, read again by every step of the build. A script, not a
    JSON file, so that a copy opened from files works too (a browser fetches no file:// data).
    Its name changes with its content, so a browser never uses an old copy with new pages."""
    digest = hashlib.sha256(data.encode()).hexdigest()[:12]
    return GeneratedFile(f"assets/followup-guide-data.{digest}.js",
                         f"window.followupGuideData = {data};\n".encode())


def download_uri(template_id: str) -> str:
    return f"downloads/{template_id}.txt"


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path of the Markdown file inside the site's sources, such as "phases/afterwards.md"
    markdown: str  # the whole page, front matter included


@dataclass(frozen=True)
class GeneratedFile:
    uri: str  # path inside the site, such as "downloads/thank-you-email.txt"
    content: bytes


@dataclass(frozen=True)
class Site:
    pages: tuple[GeneratedPage, ...]
    files: tuple[GeneratedFile, ...]
    # MkDocs-style navigation: a list of {title: uri} and {title: [...]} items, titles in plain text
    nav: list
    data_script: str  # the uri of the guide's data (one of `files`), for every page's head


# HTML's special characters as references, and those Markdown would read as formatting behind a
# backslash: in plain-text fields they are meant literally.
_PLAIN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_{}[]#!"}})


def plain_text(value: str) -> Markup:
    """Text shown exactly as typed: HTML and Markdown characters are escaped. A text shown in
    another language than the page's (a missing translation) is marked with its language."""
    text = Markup(str(value).translate(_PLAIN))
    if isinstance(value, InLanguage):
        return Markup(f'<span lang="{value.language}">{text}</span>')
    return text


@functools.lru_cache(maxsize=None)
def relative_path(target: str, folder: str) -> str:
    """A path of the site from a folder of the site (posixpath.relpath, which asks the system for
    the working folder on every call: a page links to the same few pages many times over)."""
    return posixpath.relpath(target, folder)


@jinja2.pass_context
def markdown_text(context, value: str | None) -> Markup:
    """A Markdown field of the content, passed to Markdown as written, except its links to the
    site's files: written from the guide's top folder, they are made relative to this page. Marked
    with its language when it is not the page's (a paragraph inline, several as a block)."""
    here = posixpath.dirname(context["page_uri"]) or "."

    def relative(match: re.Match) -> str:
        if not is_local_link(match[2]) or here == ".":
            return match[0]
        target = relative_path(match[2], here) + ("/" if match[2].endswith("/") else "")
        return match[0].replace(f"({match[2]}", f"({target}", 1)

    text = MARKDOWN_LINK.sub(relative, (value or "").strip())
    if isinstance(value, InLanguage):  # shown in another language than the page's: marked so
        if re.search(r"\n\s*\n|^\s*([-*+]|\d+\.)\s", text, re.M):
            return Markup(f'<div lang="{value.language}" markdown="block">\n\n{text}\n\n</div>')
        return Markup(f'<span lang="{value.language}">{text}</span>')
    return Markup(text)


def html_lines(value: str) -> Markup:
    """Text for inside an HTML element or attribute, its line breaks as character references."""
    return Markup(html.escape(str(value)).replace("\n", "&#10;"))


def file_name(title: str, fallback: str) -> str:
    """The name of a file a reader downloads, from a title in the page's language ("Correo de
    agradecimiento" -> "correo-de-agradecimiento"); `fallback` (an id) when no letter is left."""
    return slugify(in_ascii(title))[:60].rstrip("-") or fallback


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """Made once per process: compiled templates are reused by every rebuild."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.rendering", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=template_cache(),
        auto_reload=False,  # the package's templates do not change while it runs: no stat per include
    )
    env.filters["text"] = plain_text
    env.filters["markdown"] = markdown_text
    env.filters["lines"] = html_lines
    env.filters["file_name"] = file_name
    env.tests["contains"] = lambda values, value: value in values
    env.tests["first_is"] = lambda values, value: bool(values) and values[0] == value
    return env


def render_site(kb: KnowledgeBase, site_url: str | None = None) -> Site:
    env = _environment()
    labels = kb.labels
    questions = timing.questions(kb)  # the dates the planner and "My applications" ask for

    def timing_text(timing: Timing) -> str:
        label = labels["timing_by" if by_the_moment(timing) else f"timing_{timing.relation}"]
        moment = kb.moments[timing.moment_id].label if timing.moment_id else ""
        return label.format(duration=duration_text(timing.duration, labels), moment=moment)

    def render(uri: str, template: str, title: str, description: str, search_words=(), **context) -> GeneratedPage:
        def link(target: str, anchor: str = "") -> str:
            path = relative_path(target, posixpath.dirname(uri) or ".")
            return path + (f"#{anchor}" if anchor else "")

        meta = {"description": str(description)}  # plain text, whatever its language
        if search_words:
            meta["tags"] = [str(word) for word in search_words]  # the theme's search ranks these words first
        front_matter = yaml.safe_dump(meta, allow_unicode=True, width=1000)
        body = env.get_template(template).render(
            kb=kb, labels=labels, title=title, link=link, phase_uri=phase_uri, page_uri=uri,
            entries=kb.entries, timing_text=timing_text, site_url=site_url, fields=kb.fields,
            download_uri=download_uri, blank=lambda field_id: messages.blank(kb, field_id),
            fill=lambda text: messages.fill(text, kb), mailto=lambda t: messages.mailto(t, kb),
            timeline=lambda phase_id=None: timeline_svg(kb, phase_id), questions=questions,
            duration=lambda timing: duration_text(timing.duration, labels), **context,
        )
        return GeneratedPage(uri, f"---\n{front_matter}---\n\n{body}")

    pages = [render(HOME, "home.md.j2", kb.title, kb.description)]
    for phase in kb.phases:
        pages.append(render(phase_uri(phase.id), "phase.md.j2", phase.title, phase.summary,
                            search_words=phase.search_words, phase=phase))
    extra = {"planner": {"steps": timing.steps(kb)}, "log": log_context(kb)}
    for uri, name in LISTED_PAGES:
        page = kb.pages[name]
        pages.append(render(uri, f"{name}.md.j2", page.title, page.description, page=page, **extra.get(name, {})))

    nav = [
        {labels["home"]: HOME},
        {labels["nav_phases"]: [{phase.title: phase_uri(phase.id)} for phase in kb.phases]},
        *({kb.pages[name].title: uri} for uri, name in LISTED_PAGES),
    ]
    downloads = tuple(
        GeneratedFile(download_uri(t.id), messages.text_file(t, kb).encode("utf-8")) for t in kb.templates
    )
    data = data_script(guide_data(kb))
    return Site(tuple(pages), (data, *downloads), nav, data.uri)


def page_uris(kb: KnowledgeBase) -> set[str]:
    """The files the guide generates, named as links in the content name them."""
    return {HOME, *(phase_uri(p.id) for p in kb.phases), *(uri for uri, _ in LISTED_PAGES),
            *(download_uri(t.id) for t in kb.templates)}


def page_parts(kb: KnowledgeBase) -> dict[str, set[str]]:
    """The parts a link can point to (`#id`) on the phase pages and the templates page, by file:
    each entry and message template shown there (by its id, and by each former id, which the page
    keeps as a place too), the sections, and the title."""
    from markdown.extensions.toc import slugify as toc_slug  # the theme's headings are named the same way

    def templates(ids) -> set[str]:
        return {f"template-{id_}" for t in kb.templates if ids is None or set(t.phases) & ids
                for id_ in (t.id, *(t.former_ids or ()))}

    parts = {phase_uri(phase.id): {toc_slug(phase.title, "-"), "do-list", "dont-list", "templates",
                                   *(id_ for e in phase.entries for id_ in (e.id, *(e.former_ids or ()))),
                                   *templates({phase.id})} for phase in kb.phases}
    parts["templates.md"] = {toc_slug(kb.pages["templates"].title, "-"), *(p.id for p in kb.phases), *templates(None)}
    return parts


def content_link_problems(kb: KnowledgeBase, handwritten: set[str],
                          page_links: list[tuple[str, str, Location]] = ()) -> list[Problem]:
    """Links in the content's Markdown that lead to no file of the site, or to no part of a phase
    page or the templates page. They name a file from the guide's top folder (`checklist.md`,
    `phases/while-you-wait.md#be-patient`, a center's `mock-interviews.md`), whatever page shows
    them; each problem says the form that works. `page_links`: the links of the pages written by
    hand, (as typed, the file it names from the top folder, where): a page (`x.md`) they name
    and its part are checked here; MkDocs checks their other files."""
    known = page_uris(kb) | handwritten
    parts = page_parts(kb)
    problems = []
    for target, location in kb.links:
        path = target.split("#")[0]
        if not path or posixpath.normpath(path) in known:
            problems += _part_problems(kb, parts, target, target, location)
            continue
        anchor = target[len(path):]
        stem = re.sub(r"^(\.\.?/)+", "", path).removesuffix("/").removesuffix("/index.html").removesuffix(".html")
        meant = next((uri for uri in (stem, f"{stem}.md", f"{stem}/index.md") if uri in known), None)
        hint = f": write '{meant}{anchor}'" if meant else ", such as 'checklist.md' or 'phases/while-you-wait.md'"
        problems.append(Problem(location, f"the link '{target}' leads to no page of the guide; links in the content "
                                          f"name a page's file from the guide's top folder{hint}"))
    for typed, target, location in page_links:
        page = target.split("#")[0]
        if page.endswith(".md") and page not in known:  # MkDocs' build would stop at it, without a line
            problems.append(Problem(location, f"the link '{typed}' leads to no page of the guide; a page's links "
                                              f"name a page's file from the page's own folder{_page_hint(known, page)}"))
        else:
            problems += _part_problems(kb, parts, typed, target, location)
    return problems


def _page_hint(known: set[str], page: str) -> str:
    """The page of the guide a link to no page was probably meant to name, from the top folder."""
    close = close_match(page, sorted(uri for uri in known if uri.endswith(".md")))
    return f" (did you mean '{close}', from the top folder?)" if close else ""


def _part_problems(kb: KnowledgeBase, parts: dict[str, set[str]], typed: str, target: str, location) -> list[Problem]:
    """A link to a part (`#id`) that the phase page or the templates page it names does not have."""
    path, _, fragment = target.partition("#")
    page = posixpath.normpath(path) if path else None
    if fragment and page in parts and fragment not in parts[page]:
        return [Problem(location, _no_such_part(kb, typed, page, fragment, parts[page]))]
    return []


def former_id_links(kb: KnowledgeBase, page_links: list[tuple[str, str, Location]] = ()) -> list[Problem]:
    """Warnings for links that name an entry or message template by an id it had before: the page
    keeps the former id as a place, so they still lead there, but the id to write is the new one.
    `page_links`: the hand-written pages' links, as content_link_problems takes them."""
    renamed = {**kb.renamed_ids["entries"],
               **{f"template-{old}": f"template-{new}" for old, new in kb.renamed_ids["templates"].items()}}
    warnings = []
    for target, location in [*kb.links, *((typed, location) for typed, _, location in page_links)]:
        path, _, fragment = target.partition("#")
        if fragment in renamed:
            warnings.append(Problem(location, f"the link '{target}' names '{renamed[fragment]}' by its former id; "
                                              f"it still leads there, but write '{path}#{renamed[fragment]}'"))
    return warnings


def _no_such_part(kb: KnowledgeBase, target: str, page: str, fragment: str, parts: set[str]) -> str:
    entry = kb.entries.get(fragment)
    if entry is not None:  # on another phase's page
        return f"the link '{target}' leads to no part of that page: the entry '{fragment}' is on " \
               f"'{phase_uri(entry.phase)}'; write '{phase_uri(entry.phase)}#{fragment}'"
    return (f"the link '{target}' leads to no part of that page: nothing there has the id '{fragment}'"
            f"{did_you_mean(fragment, sorted(parts))} (a message template's is 'template-' and its id; "
            "an entry hidden by changes.yml is on no page)")
