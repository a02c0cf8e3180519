"""The labels: every short text the generated pages and their scripts show, from guide.yml.

To add a label: add one line below (with the placeholders it may use, and a docstring saying
where it appears), give it a value under `labels:` in content/guide.yml, and use it in a
template of rendering/templates/ (`labels.<name>`). A renamed label keeps old overlays
working with `Deprecated(moved_to="new_name")`.
"""
from __future__ import annotations

import re

from .fields import Deprecated, Record, Text


class Label(Text):
    """A label; `{name}` placeholders are filled in by the pages."""

    def __init__(self, *placeholders: str, **options):
        super().__init__(**options)
        self.placeholders = frozenset(placeholders)

    def check(self, value, where, reading, name):
        if re.search(r"[{}]", re.sub(r"\{[^{}]*\}", "", value)):
            reading.problem(where, f"'{name}' has a '{{' or '}}' that does not belong to a placeholder such as "
                                   "{date}; remove it, or complete the placeholder")
            return None
        for placeholder in re.findall(r"\{([^{}]*)\}", value):
            if placeholder not in self.placeholders:
                known = ", ".join(f"{{{p}}}" for p in sorted(self.placeholders)) or "none"
                reading.problem(where, f"'{name}' uses the unknown placeholder {{{placeholder}}} (it can use: {known})")
                return None
        return value


class NameList(Label):
    """A list of names in order, separated by commas, such as the months."""

    def __init__(self, count: int, **options):
        super().__init__(**options)
        self.count = count

    def check(self, value, where, reading, name):
        names = [part.strip() for part in value.split(",")]
        if len(names) != self.count or not all(names):
            reading.problem(where, f"'{name}' should list {self.count} names separated by commas, "
                                   f"not {len([n for n in names if n])}")
            return None
        return super().check(value, where, reading, name)


class Labels(Record):
    """Every short text the pages show. A center's guide.yml may change any of them."""

    record_name = "labels group"


    # Navigation and entries
    home = Label()
    """The home page's name in the navigation."""
    nav_staff = Label()
    """The navigation section of the pages for career-center staff (`audience: staff`)."""
    start_here = Label()
    """The home page's heading above the first steps."""
    start_first_steps = Label()
    """The home page's link to the first steps."""
    start_thank_you = Label()
    """The home page's link to the thank-you templates."""
    start_planner = Label()
    """The home page's link to the planner."""
    phases_heading = Label()
    """The heading above the phases on the home page."""
    nav_phases = Label()
    """The navigation group of the phase pages."""
    dos_heading = Label()
    """The heading above a phase's do's."""
    donts_heading = Label()
    """The heading above a phase's don'ts."""
    instead = Label()
    """Before a don't's 'instead' text."""
    when = Label()
    """Before an entry's timing."""
    on_your_checklist = Label()
    """Before an entry's checklist line."""
    see_also = Label()
    """Before an entry's related links."""
    phase_at_a_glance = Label()
    """The heading of a phase page's summary of its entries."""
    phase_jump_to_templates = Label()
    """A phase page's link down to its templates."""
    entry_read_more = Label()
    """The link that opens an entry's full text."""
    timing_within = Label("duration", "moment")
    """A 'within' timing in a sentence."""
    timing_by = Label("moment")
    """A 'within: 0 days' timing in a sentence: due by the moment itself."""
    timing_after = Label("duration", "moment")
    """An 'after' timing in a sentence."""
    timing_every = Label("duration")
    """An 'every' timing in a sentence."""

    # Durations in timings ("within {duration} of ..."): one and more than one of each unit
    duration_hour = Label("count")
    """One hour: {count} is 1."""
    duration_hours = Label("count")
    """More than one hours: {count} is the number."""
    duration_day = Label("count")
    """One day: {count} is 1."""
    duration_days = Label("count")
    """More than one days: {count} is the number."""
    duration_working_day = Label("count")
    """One working day (Monday to Friday): {count} is 1."""
    duration_working_days = Label("count")
    """More than one working days: {count} is the number."""
    duration_week = Label("count")
    """One week: {count} is 1."""
    duration_weeks = Label("count")
    """More than one weeks: {count} is the number."""
    duration_month = Label("count")
    """One month: {count} is 1."""
    duration_months = Label("count")
    """More than one months: {count} is the number."""

    # The checklist
    progress_total = Label("done", "total")
    """The checklist's overall progress."""
    progress_phase = Label("done", "total")
    """A phase's progress on the checklist."""
    checklist_print = Label()
    """The checklist's print button."""
    printed_on = Label("date")
    """On paper, after the guide's name and address at the top of the checklist, the log, the
    planner and "My applications": the day it was printed."""
    checklist_export = Label()
    """The button that saves progress to a file."""
    checklist_export_filename = Label("date")
    """The name of that file; {date}: the day it is saved, as 2026-12-16 (so that copies made on
    several days or devices can be told apart, newest last when sorted by name)."""
    checklist_import = Label()
    """The button that loads progress from a file."""
    checklist_import_done = Deprecated(message="a file or a link now says what it changed with the receive_ labels "
                                       "(receive_done and the list: receive_added...); remove it")
    checklist_import_failed = Label()
    """Shown when a file could not be read."""
    checklist_reset = Label()
    """The button that clears every tick."""
    checklist_reset_confirm = Label()
    """The question before clearing every tick."""
    checklist_storage_unavailable = Label()
    """Shown when the browser will not keep the ticks."""

    # The message templates
    templates_heading = Label()
    """The heading above a phase's templates."""
    template_when = Label()
    """Before a template's 'when'."""
    template_goes_with = Label()
    """Before the entries a template goes with."""
    template_subject = Label()
    """Before an email's subject."""
    template_fill_in = Label()
    """The heading of a template's blanks."""
    template_preview = Label()
    """The heading of the filled-in message."""
    template_blank = Label("field")
    """What stands for a blank nobody filled in."""
    template_copy = Label()
    """The copy button."""
    template_copied = Label()
    """Shown when the message was copied."""
    template_copy_failed = Label()
    """Shown when copying was refused."""
    template_email = Label()
    """The button that opens the email program."""
    template_download_text = Label()
    """The .txt download."""
    template_download_email = Label()
    """The .eml draft download."""
    template_download_blank = Label()
    """The blank template's download."""
    template_remember = Label()
    """The box that keeps the reader's details."""
    template_forget = Label()
    """The button that forgets them."""
    template_forgotten = Label()
    """Shown when they were forgotten."""
    template_address_invalid = Label("field")
    """Shown when a typed email address is not one address; {field} is the label of its field."""

    # Sending: copy the body or the subject, blank fields, long mailto links, .eml drafts
    template_copy_email_body = Label()
    """The button that copies an email's body."""
    template_copy_subject = Label()
    """The button that copies an email's subject."""
    template_subject_copied = Label()
    """Shown when the subject was copied."""
    template_downloaded = Label()
    """Shown when a file was downloaded."""
    template_opening = Label()
    """Shown while the email program opens."""
    template_still_blank = Label("fields")
    """Shown when some blanks are still empty."""
    template_mailto_too_long = Label()
    """Shown when a message is too long for an email link."""
    template_eml_help = Label()
    """The heading of the help on opening an .eml draft."""
    template_eml_outlook = Label()
    """How to open a draft in Outlook."""
    template_eml_apple = Label()
    """How to open a draft in Apple Mail."""
    template_eml_thunderbird = Label()
    """How to open a draft in Thunderbird."""
    template_eml_webmail = Label()
    """What to do with a web mail service."""
    template_next_person = Label()
    """The button that empties the per-person blanks for the next person."""
    template_next_person_ready = Label()
    """Shown when the form is ready for the next person."""
    template_next_person_filled = Label("name")
    """Shown when the chosen application's next interviewer ({name}) was filled in for the next message."""

    # The timeline picture and the planner
    timeline_within = Label("duration")
    """A 'within' timing on the timeline picture."""
    timeline_after = Label("duration")
    """An 'after' timing on the timeline picture."""
    timeline_every = Label("duration")
    """An 'every' timing on the timeline picture."""
    timeline_description = Label()
    """Before the timeline's text for screen readers."""
    timeline_open_larger = Label()
    """The control that opens the timeline larger on a phone."""
    planner_interview_time = Label()
    """The planner's time-of-interview field."""
    planner_make_plan = Label()
    """The planner's button."""
    planner_steps_heading = Label()
    """The heading above the dates."""
    planner_within = Label("date")
    """A 'within' step's date."""
    planner_after = Label("date")
    """An 'after' step's date."""
    planner_every = Label("date", "duration")
    """An 'every' step's date."""
    planner_past = Label()
    """Shown for a date that has passed."""
    planner_passed = Label()
    """Shown for a late step whose moment has gone: a later step is due (it leaves "What to do next")."""
    planner_answered = Label()
    """Shown for a step that the answer recorded on "My applications" stops."""
    planner_withdrawn = Label()
    """Beside a step of an application the reader stopped: they said yes to another offer (an
    outcome's `accepted_by`), or told this employer they withdraw."""
    planner_assumed = Label("date")
    """Shown for an assumed date."""
    planner_template = Label()
    """Before a step's template link."""
    planner_done = Label()
    """A step's done box."""
    planner_calendar_all = Label()
    """The button for a calendar file of every step."""
    planner_calendar_one = Label()
    """The button for one step's calendar file."""
    planner_calendar_filename = Label()
    """The name of the calendar file."""
    planner_reminder = Label("step")
    """A calendar reminder's text."""
    planner_remember = Label()
    """The box that keeps the reader's dates."""
    planner_interview_missing = Label()
    """Shown when the interview date is missing."""

    # Applications: several interviews at once ("My applications" and the choice on other pages)
    application_choose = Label()
    """The label of the choice of application on the checklist, planner, phase and templates pages."""
    application_none = Label()
    """The choice for no application: the guide as a whole."""
    application_manage = Label()
    """The link from the choice to "My applications"."""
    application_name = Label("company", "role")
    """How an application is named, when it has a role."""
    application_unnamed = Label()
    """The name of an application without a company."""
    application_company = Label()
    """The form's company field."""
    application_role = Label()
    """The form's job title field."""
    application_interviewer_name = Label()
    """The form's interviewer name field."""
    application_interviewer_email = Label()
    """The form's interviewer address field."""
    application_add_interviewer = Label()
    """The button that adds another interviewer."""
    application_interviewer_number = Label("number")
    """The title over the fields of each interviewer the reader adds (2, 3...)."""
    application_contact = Label()
    """The form's recruiter or agency field."""
    application_note = Label()
    """The form's note field."""
    application_outcome = Label()
    """The form's choice of answer."""
    application_outcome_none = Label()
    """The answer not yet given."""
    application_job_legend = Label()
    """The form's group about the job."""
    application_people_legend = Label()
    """The form's group about the people."""
    application_dates_legend = Label()
    """The form's group of dates."""
    application_more_legend = Label()
    """The form's group of the answer and notes."""
    application_save = Label()
    """The form's save button."""
    application_cancel = Label()
    """The form's cancel button."""
    application_open = Label()
    """The button that opens an application's checklist."""
    application_edit = Label()
    """The button that edits an application."""
    application_calendar = Label()
    """The button that downloads an application's calendar."""
    application_calendar_filename = Label("application")
    """The name of an application's calendar file; {application}: the company, in letters, digits
    and hyphens (so that files of several applications can be told apart)."""
    application_step_done = Label()
    """The button beside an application's next step that ticks it there (as its checklist line would)."""
    application_step_done_status = Label("step")
    """What the page says once it is ticked; {step}: the step's checklist line."""
    application_archive = Label()
    """The button that archives an application."""
    application_reopen = Label()
    """The button that reopens an archived application."""
    application_delete = Label()
    """The button that deletes an application."""
    application_delete_confirm = Label("application")
    """The question before deleting."""
    application_archived_status = Label("application")
    """Said once an application is archived (to a screen reader too)."""
    application_deleted_status = Label("application")
    """Said once an application is deleted."""
    application_name_needed = Label()
    """Shown at the form's first field when it is saved with neither a company nor a job title."""
    applications_add = Label()
    """The button that adds an application."""
    applications_add_heading = Label()
    """The form's heading when adding."""
    applications_edit_heading = Label("application")
    """The form's heading when editing; {application}: the application being changed."""
    applications_empty = Label()
    """Shown when no application is open."""
    applications_archived = Label()
    """The folded list of archived applications."""
    applications_calendar_all = Label()
    """The button that downloads the calendar of every open application."""
    applications_calendar_filename = Label()
    """The name of that calendar file."""
    applications_due_heading = Label()
    """The heading above what is due, on "My applications" and the home page."""
    applications_see_all = Label()
    """The home page's link to "My applications"."""
    due_overdue = Label()
    """Before a step whose date has passed."""
    due_today = Label()
    """Before a step due today."""
    due_upcoming = Label()
    """Before the next step."""
    due_done = Label()
    """For an application whose dated steps are all done."""
    due_answered = Label()
    """For an application with its answer recorded and no step still to do (done, or weeks past)."""
    due_none = Label()
    """For an application with nothing dated yet."""
    due_closed = Label()
    """For an application still open once the reader has said yes to another (an outcome's
    `accepted_by`) and ticked the step that asks of it (`others_then`: telling them they withdraw)."""
    due_assumed = Label("date")
    """After the date of a step that counts from a date the plan assumed (they gave none)."""
    due_meanwhile = Label("application", "date")
    """Before the step an answer in another application asks of this one (an outcome's
    `meanwhile`: after an offer, telling the employer one prefers), with the last day of that
    answer's own steps (the day the reader promised to answer)."""
    due_meanwhile_open = Label("application")
    """The same, while the reader has not given that day (the plan's assumed day is not shown as
    a deadline)."""
    due_archived = Label()
    """For an archived application."""
    application_applied = Label()
    """The form's date-of-application field."""

    # Moving progress to another device (the device link), and a passphrase for the link and the file
    link_heading = Label()
    """The heading of the device link on "My applications"."""
    link_intro = Label()
    """What the device link is, before its button."""
    link_passphrase = Label()
    """The optional passphrase field, for the link and the file."""
    link_make = Label()
    """The button that makes the link."""
    link_text = Label()
    """The label of the field that shows the link."""
    link_copy = Label()
    """The button that copies the link."""
    link_copied = Label()
    """Shown when the link was copied."""
    link_copy_failed = Label()
    """Shown when copying the link was refused."""
    link_share = Label()
    """The button that shares the link (where the browser can share)."""
    link_qr = Label()
    """The caption of the link's QR code."""
    link_qr_name = Label()
    """The QR code's name for screen readers."""
    link_too_long = Label()
    """Shown instead of a QR code when the link is too long to scan reliably."""
    link_unsupported = Label()
    """Shown instead of the button where the browser cannot make a link."""
    receive_heading = Label()
    """The heading of what a link (or a locked file) brings."""
    receive_summary = Deprecated(message="the question now lists what would change: receive_made, receive_changes, "
                                 "receive_added... and receive_ask; remove it")
    receive_made = Label("date")
    """Before loading a link or file: when the copy was made (for files and links made since it is said)."""
    receive_changes = Label()
    """Before the list of what loading a link or file would change here."""
    receive_added = Label("names")
    """In that list (and in the list after loading): the applications it adds, by name."""
    receive_changed = Label("names")
    """In that list: the applications where it changes something (a date, an answer, a detail)."""
    receive_restored = Label("names")
    """In that list: applications deleted here that come back (changed on the other device since, or asked for)."""
    receive_revive = Label("names")
    """Beside a box under that list: bring back the applications the copy holds that were deleted here."""
    receive_archived = Label("names")
    """In that list: the applications it archives."""
    receive_removed = Label("names")
    """In that list: the applications deleted on the other device, which it deletes here."""
    receive_ticked = Label("count")
    """In that list: how many steps it ticks."""
    receive_unticked = Label("count")
    """In that list: how many steps it unticks."""
    receive_other = Label()
    """In that list: it fills in other details (the reader's name, dates outside any application)."""
    receive_ask = Label()
    """The question after that list."""
    receive_done = Label()
    """Shown after loading a link or file, before the list of what it changed."""
    receive_nothing = Label()
    """Shown instead of the question when a link or file holds nothing this device does not have."""
    receive_undo = Label()
    """The button that puts everything back as it was before loading a link or file."""
    receive_undone = Label()
    """Shown after that button was used."""
    receive_locked = Label()
    """Asks for the passphrase of a locked link or file."""
    receive_passphrase = Label()
    """The passphrase field of a locked link or file."""
    receive_open = Label()
    """The button that opens a locked link or file with the passphrase."""
    receive_wrong = Label()
    """Shown when the passphrase does not open it: it may be wrong, or the link or file damaged (the two look alike)."""
    receive_merge = Label()
    """The button that adds what a link holds."""
    receive_cancel = Label()
    """The button that leaves everything as it is."""
    receive_cancelled = Label()
    """Shown when the reader chose not to add it."""
    receive_failed = Label()
    """Shown for a damaged, incomplete or foreign link."""
    progress_too_big = Label()
    """Shown when a file or a link holds more than the guide keeps, or more than this browser has room for: nothing was added."""

    # Storage that lasts: the backup notice
    backup_notice = Label("date")
    """The notice that suggests a backup, with the date of the last one."""
    backup_notice_never = Label()
    """The same notice when no backup was ever made."""
    backup_save = Label()
    """The notice's button, which saves a file."""
    backup_dismiss = Label()
    """The button that dismisses the notice."""

    # The job-search log (its page; the columns are also the spreadsheet's)
    log_company = Label()
    """The log's company column."""
    log_role = Label()
    """The log's job title column."""
    log_contact = Label()
    """The log's contact column."""
    log_applied = Label()
    """The log's date of application column."""
    log_interview = Label()
    """The log's date of interview column."""
    log_steps = Label()
    """The log's column of steps done (follow-ups sent), with their dates."""
    log_step_date = Label()
    """The spreadsheet's column of the date a step was done."""
    log_outcome = Label()
    """The log's answer column."""
    log_outcome_date = Label()
    """The spreadsheet's column of the date of the answer."""
    log_note = Label()
    """The spreadsheet's note column."""
    log_step_on = Label("step", "date")
    """A step done and its date, in the printed log."""
    log_csv = Label()
    """The button that downloads the log as a spreadsheet."""
    log_csv_filename = Label()
    """The name of that file."""
    log_print = Label()
    """The button that prints the log."""
    log_empty = Label()
    """Shown on the log page when there is no application."""
    applications_log = Label()
    """The link from "My applications" to the job-search log."""

    # The privacy page's button that removes everything
    forget_all = Label()
    """The button on the privacy page that removes everything the guide saved in this browser."""
    forget_all_confirm = Label()
    """The question before removing everything."""
    forget_all_done = Label()
    """Shown once everything was removed."""
    calendar_summary = Label("application", "step")
    """A calendar event's title."""
    checklist_your_date = Label("date")
    """The reader's date beside a timed checklist line."""

    # Dates, as the scripts write them (the names and order of the guide's language)
    date_long = Label("weekday", "day", "month", "year")
    """A date in full, such as "{weekday}, {month} {day}, {year}"."""
    date_short = Label("day", "month")
    """A short date, with a month's short name, such as "{month} {day}"."""
    date_long_day_first = Label("weekday", "day", "month", "year", required=False)
    """Optional: date_long for a reader whose own region writes the day before the month (their
    browser's language says so: en-GB, en-IN, de-DE...), such as "{weekday} {day} {month} {year}"."""
    date_short_day_first = Label("day", "month", required=False)
    """Optional: date_short for the same readers, such as "{day} {month}"."""
    date_with_time = Label("date", "time")
    """A date with a time of day, such as "{date} at {time}"."""
    time_of_day = Label("hour", "hour12", "minute", "period")
    """A time: {hour} counts 0-23, {hour12} 1-12 with {period} (from time_periods)."""
    month_names = NameList(12)
    """The months, January first, separated by commas."""
    month_short_names = NameList(12)
    """The months' short names, separated by commas."""
    weekday_names = NameList(7)
    """The days of the week, Sunday first, separated by commas."""
    time_periods = NameList(2)
    """The words after a time before and after noon, such as "AM, PM"."""

    # A career center's contact block
    contact_phone = Label()
    """Before the center's phone number."""
    contact_email = Label()
    """Before the center's email address."""
    contact_website = Label()
    """The link to the center's website."""
    contact_booking = Label()
    """The center's booking button."""
    privacy_no_counter = Label()
    """The privacy page's line when nothing counts visits (where privacy.md has the counter marker)."""
    privacy_counter = Label("name", "address")
    """The privacy page's line when the center counts page views (analytics in branding.yml)."""

    # The language switch in the header (when the guide is published in more than one language)
    language_name = Label()
    """The name of the guide's language, in that language ("English", "Español"): the switch lists it."""

    # The theme's switch between light and dark colours, in the header
    palette_to_dark = Label()
    """The switch's name (read by screen readers, and shown on hover) while the colours are light."""
    palette_to_light = Label()
    """The switch's name while the colours are dark."""

    # The page shown for an address that does not exist
    not_found_title = Label()
    """The missing page's title."""
    not_found_text = Label()
    """The missing page's text."""

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self._by_attribute
                if not isinstance(self._by_attribute[name], Deprecated)}
