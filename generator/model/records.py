"""The records of the knowledge base, each declared once: its fields, its rules, its model.

To add a field: add one line to its record below (a field type from fields.py, with a docstring
under it saying what an editor writes there), use it in a template of rendering/templates/, and
run `followup-guide schema` so editors know it. A renamed field keeps old files working with
`Deprecated(moved_to="new_name")`. Labels are in labels.py.

content/guide.yml               GuideSettings (its phases, moments, timeline, pages, labels)
content/advice/*.yml            AdviceFile: a list of Entry
content/message-templates.yml   TemplatesFile: MessageField and MessageTemplate lists
changes.yml (overlay only)      Changes: edits and hides entries and templates by id
"""
from __future__ import annotations

from .fields import (
    PLACEHOLDER, Choice, DurationText, Id, ListOf, Markdown, MapOf, MessageText, Nested, Node, Reading, Record,
    Reference, Text,
)
from ..problems import location_of
from .labels import Labels

DO, DONT = "do", "don't"
# Blanks any template may use that a career center's branding.yml fills in when the guide is
# built (the blank -> its name in branding.yml). 'to: center-email' addresses a message to the center.
CENTER_DETAILS = {"center-name": "name", "center-email": "email", "center-phone": "phone",
                  "center-website": "website", "center-booking-link": "booking_link"}
EMAIL, LETTER, SCRIPT, NOTE = "email", "letter", "script", "note"
# What a template field holds: typed text, or a date the reader picks (written out in words).
FIELD_TYPES = ("text", "date")
TIMING_RELATIONS = ("within", "after", "every")
# What happens to a step's date that falls on a Saturday or Sunday: it moves to the next
# Monday (the default), or it is kept (the timing counts calendar days).
WEEKENDS_MOVE, WEEKENDS_KEEP = "move", "keep"


class Timing(Record):
    """When a step is due, counted from a moment: exactly one of 'within', 'after' or 'every'."""

    record_name = "timing"
    json_schema_rules = {"oneOf": [{"required": [relation]} for relation in TIMING_RELATIONS]}

    within = DurationText(required=False)
    """Due at the latest this long after the moment, such as '24 hours'."""
    after = DurationText(required=False)
    """Due about this long after the moment, such as '7 days'."""
    every = DurationText(required=False, at_least_one=True)
    """Repeated this often, such as '3 months'."""
    of = Reference("moment", required=False)
    """The id of the moment it counts from (a moment of guide.yml). 'every' without it counts from the first moment."""
    weekends = Choice(WEEKENDS_MOVE, WEEKENDS_KEEP, required=False)
    """'move' (the default): a date in days, weeks or months that falls on a Saturday or Sunday moves to the Monday after; 'keep': it stays."""
    settled_by = Reference("moment", required=False)
    """The id of a moment whose date, once the reader gives it, shows the step was done (agreeing on the day of your answer is done once you can give that day): it is then no longer due."""

    defaults = {"weekends": WEEKENDS_MOVE}

    @property
    def relation(self) -> str:
        return next(r for r in TIMING_RELATIONS if getattr(self, r) is not None)

    @property
    def duration(self):
        return getattr(self, self.relation)

    @property
    def moment_id(self) -> str | None:
        return self.of

    def rules(self, reading: Reading) -> None:
        relations = [r for r in TIMING_RELATIONS if r in self._nodes]
        if len(relations) != 1:
            reading.problem(self.location, "a timing needs exactly one of 'within', 'after' or 'every'")
        elif relations[0] != "every" and "of" not in self._nodes:
            reading.problem(self.location, f"a timing with '{relations[0]}' needs 'of': the moment it counts from")
        elif "weekends" in self._nodes and self.duration is not None and self.duration.unit == "hours":
            reading.problem(self.where("weekends"), "'weekends' is only for timings in days, weeks or months; "
                            "hours are counted as they pass, weekends included. Remove it")


class Entry(Record):
    """A do or a don't of the guide."""

    record_name = "entry"
    json_schema_rules = {"if": {"properties": {"kind": {"const": DONT}}},
                         "then": {"required": ["instead"]}, "else": {"not": {"required": ["instead"]}}}

    id = Id(defines="entry")
    """A stable name (lowercase letters, digits, hyphens). Readers' ticks are kept under it: to
    change it, list the old one under 'former_ids'."""
    kind = Choice(DO, DONT)
    """'do' or "don't"."""
    phase = Reference("phase")
    """The id of the phase it belongs to (a phase of guide.yml)."""
    title = Text()
    """One line: the advice itself."""
    summary = Text()
    """One line that says why."""
    body = Markdown()
    """The full advice, in Markdown."""
    instead = Markdown(required=False)
    """Only for a don't: what to do in its place, in Markdown."""
    timing = Nested(Timing, required=False)
    """When it is due, such as {within: 24 hours, of: interview}; the planner dates it."""
    checklist = Text(required=False)
    """Its line on the checklist; without it the entry is not on the checklist."""
    related = ListOf(Reference("entry"), required=False)
    """Ids of other entries to link to."""
    former_ids = ListOf(Id(), required=False)
    """Ids this entry had in earlier versions: a center's changes naming one still work (with a
    warning), and readers' ticks saved under one move to the new id."""

    def rules(self, reading: Reading) -> None:
        if self.kind == DONT and self.instead is None and "instead" not in self._nodes:
            if self.changed_at is not None and "kind" in self._changed_fields():
                reading.problem(self.changed_at, f"'{self.id}' is now a don't, so it needs 'instead'")
            else:
                reading.problem(self.location, "a don't needs 'instead': what to do in its place")
        if self.kind == DO and "instead" in self._nodes:
            reading.problem(self.where("instead"), "only a don't has 'instead'; move this text into 'body'")

    def _changed_fields(self) -> set[str]:
        return {name for name, node in self._nodes.items() if node.start_mark.name == str(self.changed_at.path)}


class MessageField(Record):
    """A blank a reader fills in, used in templates as {id}."""

    record_name = "field"

    id = Id(defines="placeholder")
    """The name templates use in braces, such as {interviewer-name}."""
    label = Text()
    """What the reader is asked for, such as "Interviewer's name"."""
    type = Choice(*FIELD_TYPES, required=False)
    """'text' (the default) or 'date': a date the reader picks, written out in words."""
    answer_day_of = Reference("outcome", required=False)
    """For a date field: the id of an answer, such as 'offer'. On the reader's other applications
    the field starts from the day promised for that answer (while one is under way, and only a
    day the reader gave), as an offer's deadline in a message to the employer they prefer."""

    defaults = {"type": "text"}

    def rules(self, reading: Reading) -> None:
        if self.answer_day_of and self.type != "date":
            reading.problem(self.where("answer_day_of"), "'answer_day_of' fills in a day, so it is for a field with "
                                                         "'type: date'; add that, or remove this line")
        if self.id and self.id in CENTER_DETAILS:
            reading.problem(self.where("id"), f"'{self.id}' is the center's own detail, filled in from branding.yml; "
                                              "choose another id for this field")


class MessageTemplate(Record):
    """A message a reader can fill in, copy, email or download."""

    # The center's email address when the template is addressed to it ('to: center-email'): set
    # once branding.yml is read (model/branding.py fills in the center's details).
    to_address: str | None = None

    record_name = "template"
    json_schema_rules = {"if": {"properties": {"format": {"const": EMAIL}}},
                         "then": {"required": ["subject"]},
                         "else": {"not": {"anyOf": [{"required": [name]} for name in ("subject", "to", "from")]}}}

    id = Id(defines="template")
    """A stable name; the download is downloads/<id>.txt. To change it, list the old one under 'former_ids'."""
    title = Text()
    """Its heading."""
    format = Choice(EMAIL, LETTER, SCRIPT, NOTE)
    """'email', 'letter', 'script' (words to say on the phone) or 'note' (a short message)."""
    when = Text()
    """One line: when to use it."""
    phases = ListOf(Reference("phase"))
    """Ids of the phases whose pages show it."""
    entries = ListOf(Reference("entry"), required=False)
    """Ids of the entries it goes with."""
    to = Reference("placeholder", required=False)
    """Only for an email: the field that holds the recipient's address."""
    sender = Reference("placeholder", required=False, key="from")
    """Only for an email: the field that holds the reader's own address."""
    subject = MessageText(multiline=False, required=False)
    """Only for an email, and needed there: the subject line, with {field} blanks."""
    body = MessageText(multiline=True)
    """The message, with {field} blanks."""
    per_person = ListOf(Reference("placeholder"), required=False)
    """Fields that change from one person to the next (a thank-you to each interviewer): the page
    offers to empty them for the next person and keep the rest."""
    former_ids = ListOf(Id(), required=False)
    """Ids this template had in earlier versions: a center's changes naming one still work (with a
    warning), and what readers typed for it moves to the new id."""

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields a reader fills in for this template, in the order they first appear."""
        used = [*PLACEHOLDER.findall(f"{self.subject or ''}\n{self.body}"), self.to, self.sender]
        return tuple(dict.fromkeys(field for field in used if field))

    def rules(self, reading: Reading) -> None:
        used = set(PLACEHOLDER.findall(f"{self.subject or ''}\n{self.body or ''}")) | {self.to, self.sender}
        for node in getattr(self._nodes.get("per_person"), "value", None) or ():
            field = getattr(node, "value", None)
            if isinstance(field, str) and field not in used:
                reading.problem(location_of(node), f"'{field}' is not used in this template; "
                                                   "list only its own fields under 'per_person'")
        if self.format == EMAIL and "subject" not in self._nodes:
            if self.changed_at is not None and self._nodes["format"].start_mark.name == str(self.changed_at.path):
                reading.problem(self.changed_at, f"'{self.id}' is now an email, so it needs a 'subject'")
            else:
                reading.problem(self.location, "an email template needs a 'subject'")
        if self.format not in (EMAIL, None):
            for name, attribute in (("subject", "subject"), ("to", "to"), ("from", "sender")):
                if attribute in self._nodes:
                    reading.problem(self.where(attribute), f"only an email template has '{name}'; remove it")


class Phase(Record):
    """A stretch of time after the interview, with its own page."""

    record_name = "phase"

    id = Id(defines="phase")
    """A stable name; the page is phases/<id>/."""
    title = Text()
    """Its name, such as "Within 24 hours"."""
    summary = Text()
    """One line: what happens in it."""
    introduction = Markdown(required=False)
    """Text at the top of its page, in Markdown."""
    search_words = ListOf(Text(), required=False)
    """Words a reader may search for that this page answers; search ranks the page first for them."""

    # The model adds `entries`: the phase's entries in the order they are written.
    @property
    def dos(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == DO)

    @property
    def donts(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == DONT)


class Moment(Record):
    """A moment a timing counts from: given by the reader, assumed, or reached by a step."""

    record_name = "moment"

    id = Id(defines="moment")
    """A stable name, used by timings' 'of'."""
    label = Text()
    """How sentences name it, such as "the interview"."""
    ask = Text(required=False)
    """The planner's question when the reader gives this moment."""
    if_not_given = Nested(Timing, required=False)
    """What to assume when the reader does not give it, such as {after: 7 days, of: interview}."""
    reached_by = Reference("entry", required=False)
    """The id of the entry whose date this moment falls on."""

    def rules(self, reading: Reading) -> None:
        if self.if_not_given is not None and "weekends" in self.if_not_given._nodes:
            reading.problem(self.if_not_given.where("weekends"), "'weekends' is for the timing of a step; "
                            "a moment's date is never moved. Remove it here")


class Outcome(Record):
    """An answer a reader can record for an application, and the phase whose steps come next."""

    record_name = "outcome"

    id = Id(defines="outcome")
    """A stable name for the answer, such as 'offer'. One named like a moment dates that moment."""
    label = Text()
    """How the choice reads, such as "They offered me the job"."""
    phase = Reference("phase")
    """The id of the phase whose steps come next; the waiting steps then stop."""
    then = ListOf(Reference("phase"), required=False)
    """Ids of phases whose steps come after that phase's, such as 'afterwards' after a no."""
    meanwhile = Reference("entry", required=False)
    """The id of a step for the reader's other open applications while this answer's steps are
    under way, such as telling the employer they prefer about an offer's deadline: shown beside
    their own next step in "What to do next", until it is ticked for them or the day promised for
    the answer has gone."""
    accepted_by = Reference("entry", required=False)
    """The id of the step whose tick means the reader said yes, such as accepting an offer in
    writing: from then on the reader's other open applications have 'others_then' as their next
    step, instead of their own."""
    others_then = Reference("entry", required=False)
    """With 'accepted_by': the id of that step for the other open applications, such as telling
    them you are withdrawing, due the day after the yes."""

    def rules(self, reading: Reading) -> None:
        if bool(self.accepted_by) != bool(self.others_then):
            given, missing = ("accepted_by", "others_then") if self.accepted_by else ("others_then", "accepted_by")
            reading.problem(self.where(given), f"'{given}' works with '{missing}': add '{missing}', or remove this line")


class TimelinePoint(Record):
    """A point of the timeline picture: exactly one of 'moment', 'entry' or 'phase'."""

    record_name = "timeline point"
    json_schema_rules = {"oneOf": [{"required": [kind]} for kind in ("moment", "entry", "phase")]}
    translation_keys = ("moment", "entry", "phase")  # a translation names a point by what it points at

    label = Text()
    """Its short label under the dot."""
    moment = Reference("moment", required=False)
    """The id of a moment."""
    entry = Reference("entry", required=False)
    """The id of a timed entry."""
    phase = Reference("phase", required=False)
    """The id of a phase."""

    @property
    def kind(self) -> str:
        return next(kind for kind in ("moment", "entry", "phase") if getattr(self, kind))

    @property
    def ref(self) -> str:
        return getattr(self, self.kind)

    def rules(self, reading: Reading) -> None:
        if sum(name in self._nodes for name in ("moment", "entry", "phase")) != 1:
            reading.problem(self.location, "a timeline point needs exactly one of 'moment', 'entry' or 'phase'")


class Timeline(Record):
    """The picture of the timeline on the home page and the phase pages."""

    record_name = "timeline"

    title = Text()
    """The picture's title, read by screen readers."""
    points = ListOf(Nested(TimelinePoint), at_least_one=True)
    """Its points, in order."""


class RetiredId(Record):
    """An id an earlier version of the guide had, and this one has not."""

    record_name = "retired id"

    id = Id()
    """The id that no longer exists."""
    removed_in = Text(translatable=False)
    """The version of the guide that removed it, such as '0.2.0' (`followup-guide changelog` lists it there)."""
    instead = Text(required=False, translatable=False)  # for staff: the same in every language
    """What a center that named it should do now, such as "Hide 'x' instead"."""


class RetiredIds(Record):
    """Ids of entries and templates that earlier versions had: a center's changes naming one are
    told which version removed it and what to do."""

    record_name = "retired group"

    entries = ListOf(Nested(RetiredId), required=False)
    """Entries removed."""
    templates = ListOf(Nested(RetiredId), required=False)
    """Templates removed."""


class Page(Record):
    """A generated page's title and texts."""

    record_name = "page"

    title = Text()
    """Its title, also in the navigation."""
    description = Text()
    """One line for search engines and link previews."""
    introduction = Markdown(required=False)
    """Text at the top of the page, in Markdown."""


class Pages(Record):
    """The generated pages after the phases."""

    record_name = "pages group"

    overview = Nested(Page)
    """Every do and don't on one page."""
    checklist = Nested(Page)
    """The printable checklist."""
    planner = Nested(Page)
    """The follow-up planner."""
    templates = Nested(Page)
    """The message templates."""
    applications = Nested(Page)
    """My applications: every process the reader has open, and what is due."""
    log = Nested(Page)
    """The job-search log: every application with its dates, steps done and answer."""
    about = Nested(Page)
    """About the guide."""


class GuideSettings(Record):
    """content/guide.yml: the guide as a whole. A center's guide.yml changes only what it gives:
    groups are merged; the phases, moments and outcomes by id (an item with the id of one changes
    the fields it gives, one with a new id is added where it is listed); other lists are replaced."""

    record_name = "guide"

    title = Text()
    """The guide's name."""
    description = Text()
    """One line about the guide, for search engines."""
    copyright = Text(required=False)
    """The line at the foot of every page."""
    introduction = Markdown()
    """The home page's text, in Markdown."""
    phases = ListOf(Nested(Phase), at_least_one=True)
    """The phases after an interview, in order."""
    moments = ListOf(Nested(Moment), at_least_one=True)
    """The moments timings count from. The first is the one 'every' counts from."""
    timeline = Nested(Timeline)
    """The timeline picture."""
    pages = Nested(Pages)
    """The generated pages' titles and texts."""
    outcomes = ListOf(Nested(Outcome), required=False)
    """The answers a reader can record for an application on "My applications"."""
    retired = Nested(RetiredIds, required=False)
    """Ids of entries and templates that earlier versions had: a center's changes.yml naming one
    is told which version removed it and what to do."""
    labels = Nested(Labels)
    """Every short text the pages show."""


class AdviceFile(Record):
    """content/advice/*.yml: do's and don'ts."""

    record_name = "advice file"

    entries = ListOf(Node())
    """The entries, each starting with '- id:'."""

    @classmethod
    def json_schema(cls, partial=False, without=()):
        schema = super().json_schema(partial, without)
        schema["properties"]["entries"] = {"type": "array", "items": Entry.json_schema(),
                                           "description": "The entries, each starting with '- id:'."}
        return schema


class TemplatesFile(Record):
    """content/message-templates.yml: the blanks a reader fills in, and the templates."""

    record_name = "message templates file"

    fields = ListOf(Node())
    """The blanks: an id and a label each."""
    templates = ListOf(Node())
    """The message templates."""

    @classmethod
    def json_schema(cls, partial=False, without=()):
        schema = super().json_schema(partial, without)
        schema["properties"]["fields"].update(type="array", items=MessageField.json_schema())
        schema["properties"]["templates"].update(type="array", items=MessageTemplate.json_schema())
        return schema


class ChangeGroup(Record):
    """Changes to entries and templates of the guide underneath, by id: each field given replaces
    the one there."""

    record_name = "change group"

    entries = MapOf("entry", Node(), required=False)
    """Entry ids, each with the fields to change."""
    templates = MapOf("template", Node(), required=False)
    """Template ids, each with the fields to change."""

    @classmethod
    def json_schema(cls, partial=False, without=()):
        schema = super().json_schema(partial, without)
        schema["properties"]["entries"]["additionalProperties"] = Entry.json_schema(partial=True, without=("id",))
        schema["properties"]["templates"]["additionalProperties"] = MessageTemplate.json_schema(
            partial=True, without=("id",))
        return schema


class HideGroup(Record):
    """Entries and templates of the guide underneath to leave out, by id."""

    record_name = "hide group"

    entries = ListOf(Reference("entry"), required=False)
    """Entry ids to hide; links to them disappear too."""
    templates = ListOf(Reference("template"), required=False)
    """Template ids to hide."""


class Changes(Record):
    """changes.yml, only in a center's overlay: changes and hides entries and templates by id."""

    record_name = "changes file"

    change = Nested(ChangeGroup, required=False)
    """Fields to change, by id."""
    hide = Nested(HideGroup, required=False)
    """Ids to hide."""


class SearchSettings(Record):
    """How the site's search treats a page."""

    record_name = "search group"

    boost = Choice("0.5", "1", "2", "3", "4", "5", "10", required=False)
    """Rank the page higher (above 1) or lower (below 1) in search results."""
    exclude = Choice("true", "false", required=False)
    """'true' leaves the page out of search."""


class FrontMatter(Record):
    """The settings a page written by hand may give in its front matter (between --- lines at its top)."""

    record_name = "page's front matter"

    title = Text(required=False)
    """The page's title, instead of its first heading."""
    description = Text(required=False)
    """One line for search engines and link previews."""
    hide = ListOf(Choice("navigation", "toc", "footer", "path"), required=False)
    """Parts of the page to hide."""
    audience = Choice("staff", required=False)
    """Who the page is for: 'staff' pages (career-center staff) get their own section after the
    reader's pages, and search ranks them after every reader's page."""
    tags = ListOf(Text(), required=False)
    """Words a reader may search for that this page answers; search ranks the page first for them."""
    search = Nested(SearchSettings, required=False)
    """How search treats the page."""
