/* Applications: several interviews at once. The selector that chooses whose ticks, dates and
 * details the pages show; the "My applications" page (what is due now, adding, editing,
 * archiving and deleting); the compact block on the home page; calendar files per application.
 *
 * The record and what is due are computed in core/records.js; this file only reads the page
 * and writes it. Every text shown is in the page (data-fg-* attributes, <template> rows).
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var core = window.followupGuideCore;
  var all = guide.all;
  var FIELDS = ["company", "role", "contact", "note", "outcome", "applied"];

  var meta = guide.meta;

  guide.applicationName = function (app) {
    if (!app.company) return app.role || meta("application-unnamed"); // a job title alone names it too
    return app.role ? guide.fill(meta("application-name"), { company: app.company, role: app.role }) : app.company;
  };

  function open(record) {
    return Object.keys(record.applications).map(function (id) { return record.applications[id]; })
      .filter(function (app) { return !app.archived; });
  }

  // --- The selector on the checklist, planner, phase and templates pages ---------------

  function showPickers(record) {
    var apps = open(record);
    all("[data-fg-picker]").forEach(function (picker) {
      var select = picker.querySelector("select");
      if (!select || !select.options.length || select.fgShown === record) return; // already shows this record
      select.fgShown = record;
      var first = select.options[0];
      while (select.options.length > 1) select.remove(1);
      apps.forEach(function (app) { select.add(new Option(guide.applicationName(app), app.id)); });
      select.value = record.applications[record.chosen] ? record.chosen : "";
      first.selected = !select.value;
      picker.hidden = !apps.length;
    });
  }

  guide.on("change", "[data-fg-application-select]", function (select) {
    guide.store.update(function (record) { record.chosen = select.value; });
  });

  // --- Calendar files ------------------------------------------------------------------

  function calendarOf(record, apps, only) {
    var data = guide.data();
    var events = [];
    var pattern = meta("calendar-summary");
    var now = new Date();
    apps.filter(function (app) { return !core.stoppedElsewhere(record, data, app.id, now); }).forEach(function (app) {
      var name = guide.applicationName(app);
      events = events.concat(core.planEvents({
        schedule: core.schedule(app, data, new Date()), steps: stepInfo(data), only: only, decision: decisionOf(data),
        uid: function (key) { return app.id + "-" + key + "@" + guide.siteId; },
        sequence: function (key, date) {
          var last = app.calendar[key];
          var at = date.toISOString();
          app.calendar[key] = { at: at, sequence: last ? last.sequence + (last.at === at ? 0 : 1) : 0 };
          return app.calendar[key].sequence;
        },
        summary: function (step) { return guide.fill(pattern, { application: name, step: step }); },
        reminder: function (summary) { return guide.fill(data.reminder, { step: summary }); }
      }));
    });
    return core.calendar(data.title, events);
  }

  function stepInfo(data) {
    var steps = {};
    Object.keys(data.steps).forEach(function (id) {
      var step = data.steps[id];
      steps[id] = { title: step.title, summary: step.summary, url: guide.pageUrl(step.page, id) };
    });
    return steps;
  }

  function decisionOf(data) {
    return data.decision && { moment: data.decision.moment, title: data.decision.title, url: guide.pageUrl("planner", "") };
  }

  // Downloads a calendar of the given applications (ids; none: every open one).
  guide.downloadCalendar = function (ids, filename, only) {
    var text = guide.store.update(function (record) {
      var apps = ids ? ids.map(function (id) { return record.applications[id]; }) : open(record);
      return calendarOf(record, apps, only);
    });
    guide.download(filename, text, "text/calendar;charset=utf-8");
  };

  // --- What is due: the "My applications" page and the home page's block ---------------

  function rowText(list, row) {
    return list.getAttribute("data-fg-status-" + row.status);
  }

  var shownRows = 0;
  function showRow(list, template, row, data) {
    var item = template.firstElementChild.cloneNode(true);
    var app = row.application;
    item.setAttribute("data-fg-application", app.id);
    item.classList.add("fg-app--" + row.status);
    var slots = {};
    all("[data-fg-slot]", item).forEach(function (slot) { slots[slot.getAttribute("data-fg-slot")] = slot; });
    slots.name.textContent = guide.applicationName(app);
    slots.name.tabIndex = -1; // focused after saving, so the keyboard stays where the reader is
    slots.name.id = "fg-app-name-" + (++shownRows); // each button says which application it is for
    all("button", item).forEach(function (button) { button.setAttribute("aria-describedby", slots.name.id); });
    if (slots.status) slots.status.textContent = rowText(list, row);
    if (slots.step) {
      var step = data.steps[row.entry];
      slots.step.textContent = step ? step.title : "";
      if (step) slots.step.href = guide.pageUrl(step.page, row.entry);
      slots.step.hidden = !step;
    }
    if (slots.date) slots.date.textContent = row.date ? guide.formatDate(row.date, false) + (row.assumed
      ? " " + guide.fill(list.getAttribute("data-fg-assumed"), { date: guide.formatDate(row.assumed, false) }) : "") : "";
    if (slots.meanwhile) { // an answer elsewhere asks something of this one too (an offer's deadline)
      var asked = row.meanwhile && data.steps[row.meanwhile.entry];
      slots.meanwhile.hidden = !asked;
      if (asked) {
        var link = slots.meanwhile.querySelector("a");
        // (a day the reader did not give is not shown as a deadline: the pattern without it)
        slots.meanwhile.querySelector("strong").textContent = guide.fill(slots.meanwhile.getAttribute(
          row.meanwhile.assumed ? "data-fg-pattern-open" : "data-fg-pattern"), {
          application: guide.applicationName(row.meanwhile.application),
          date: row.meanwhile.until ? guide.formatDate(row.meanwhile.until, false) : "" });
        link.textContent = asked.title;
        link.href = guide.pageUrl(asked.page, row.meanwhile.entry);
      }
    }
    if (slots.done) { // the step shown, ticked here rather than on the checklist
      slots.done.hidden = !data.steps[row.entry];
      slots.done.setAttribute("data-fg-entry", row.entry);
    }
    if (slots.archive) slots.archive.hidden = app.archived;
    if (slots.calendar) slots.calendar.hidden = !row.ahead; // a file with nothing ahead would be empty
    if (slots.reopen) slots.reopen.hidden = !app.archived;
    return item;
  }

  function showDue(record) {
    var data = guide.data();
    var lists = all("[data-fg-due]").filter(function (list) {
      var target = list.querySelector("[data-fg-due-items]");
      return target && target.fgShown !== record;
    });
    if (!data || !lists.length) return;
    var rows = core.due(record, data, new Date());
    var archived = Object.keys(record.applications).map(function (id) { return record.applications[id]; })
      .filter(function (app) { return app.archived; })
      .map(function (app) { return { application: app, entry: "", date: null, status: "archived" }; });
    lists.forEach(function (list) {
      var template = list.querySelector("[data-fg-row-template]");
      var shown = list.hasAttribute("data-fg-archived") ? archived : rows;
      var target = list.querySelector("[data-fg-due-items]");
      if (!target || target.fgShown === record) return; // still being parsed, or already shows this record
      target.fgShown = record;
      target.textContent = "";
      shown.forEach(function (row) { target.appendChild(showRow(list, template, row, data)); });
      list.hidden = !shown.length && !list.hasAttribute("data-fg-always");
    });
    all("[data-fg-applications-empty]").forEach(function (note) { note.hidden = rows.length > 0; });
    all("[data-fg-archived-box]").forEach(function (box) { box.hidden = !archived.length; });
    all("[data-fg-calendar-all]").forEach(function (button) { button.hidden = !rows.some(function (row) { return row.ahead; }); });
  }

  // --- Adding and editing --------------------------------------------------------------

  function form() {
    return document.querySelector("[data-fg-app-form]");
  }

  function interviewerRows(target) {
    return all("[data-fg-interviewer]", target);
  }

  function addInterviewerRow(target) {
    var rows = interviewerRows(target);
    var copy = rows[0].cloneNode(true);
    var number = rows.length + 1;
    // Its fields under a title ("Interviewer 2"), which their names begin with.
    var title = document.createElement("p");
    title.className = "fg-app-form__person-title";
    title.id = "fg-app-interviewer-" + number;
    title.textContent = guide.fill(target.querySelector("[data-fg-numbered]").getAttribute("data-fg-numbered"), { number: number });
    copy.prepend(title);
    all("label", copy).forEach(function (label) {
      label.htmlFor = label.htmlFor.replace(/-\d+$/, "-" + number);
      label.id = label.htmlFor + "-label";
    });
    all("input", copy).forEach(function (input) {
      input.value = "";
      input.id = input.id.replace(/-\d+$/, "-" + number);
      input.setAttribute("aria-labelledby", title.id + " " + input.id + "-label");
    });
    rows[rows.length - 1].after(copy);
    return copy;
  }

  function openForm(app) {
    var target = form();
    target.reset();
    markNameNeeded(target, false);
    say("");
    interviewerRows(target).slice(1).forEach(function (row) { row.remove(); });
    target.setAttribute("data-fg-editing", app ? app.id : "");
    all("[data-fg-app-heading]", target).forEach(function (heading) {
      heading.hidden = heading.getAttribute("data-fg-app-heading") !== (app ? "edit" : "add");
      if (app && !heading.hidden) { // which one, among several that look alike
        heading.textContent = guide.fill(heading.getAttribute("data-fg-pattern"), { application: guide.applicationName(app) });
      }
    });
    if (app) {
      FIELDS.forEach(function (name) { target.elements["fg-app-" + name].value = app[name]; });
      all("[data-fg-app-moment]", target).forEach(function (input) {
        input.value = app.moments[input.getAttribute("data-fg-app-moment")] || "";
      });
      app.interviewers.forEach(function (person, index) {
        var row = interviewerRows(target)[index] || addInterviewerRow(target);
        row.querySelector("[data-fg-interviewer-name]").value = person.name || "";
        row.querySelector("[data-fg-interviewer-email]").value = person.email || "";
      });
    }
    target.hidden = false;
    target.elements["fg-app-company"].focus();
  }

  // The page's status line (archived, deleted, a name needed): read out by screen readers.
  function say(text) {
    var status = document.querySelector("[data-fg-app-status]");
    if (status) status.textContent = text;
  }

  // The form's message for neither a company nor a job title, shown (`missing`) or taken away.
  function markNameNeeded(target, missing) {
    var message = target.querySelector("[data-fg-app-name-needed]");
    message.hidden = !missing;
    ["company", "role"].forEach(function (name) {
      var input = target.elements["fg-app-" + name];
      if (missing) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
      } else {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    });
  }

  function saveForm(target) {
    var id = target.getAttribute("data-fg-editing");
    // A new application needs a name to tell it from the others (one saved before, or made from
    // the older keys, may have none: its other changes are still saved).
    var missing = !id && !["company", "role"].some(function (name) { return target.elements["fg-app-" + name].value.trim(); });
    markNameNeeded(target, missing);
    if (missing) { // said in the page's status too: the focus is already on the field, so nothing else announces it
      say(target.querySelector("[data-fg-app-name-needed]").textContent);
      return target.elements["fg-app-company"].focus();
    }
    say("");
    var now = new Date();
    guide.store.update(function (record) {
      var app = id && record.applications[id];
      var added = !app;
      if (added) { // the first one keeps the ticks and dates made before it (core.addApplication)
        id = core.newId(now, Math.random());
        app = core.addApplication(record, id, now.toISOString());
      }
      var outcome = app.outcome;
      FIELDS.forEach(function (name) { app[name] = target.elements["fg-app-" + name].value.trim(); });
      if (app.outcome !== outcome) app.outcomeDay = app.outcome ? core.isoDay(now) : "";
      all("[data-fg-app-moment]", target).forEach(function (input) {
        var name = input.getAttribute("data-fg-app-moment");
        if (input.value) app.moments[name] = input.value;
        else if (!added) delete app.moments[name];
      });
      app.interviewers = interviewerRows(target).map(function (row) {
        return { name: row.querySelector("[data-fg-interviewer-name]").value.trim(),
          email: row.querySelector("[data-fg-interviewer-email]").value.trim() };
      }).filter(function (person) { return person.name || person.email; });
    });
    target.hidden = true;
    focusRow(id);
  }

  function focusRow(id, control) {
    var row = document.querySelector('[data-fg-due] [data-fg-application="' + id + '"] '
      + (control ? '[data-fg-app-action="' + control + '"]' : '[data-fg-slot="name"]'));
    var fallback = document.querySelector("[data-fg-app-add]");
    (row || fallback).focus();
  }

  /* An application taken out of the open list (archived, deleted): `change` made, the page's status
   * says so in `said`'s words, and the focus goes to the next application's name (the one before
   * it for the last; "Add an application" when none is left). */
  function takeOut(id, button, change, said) {
    var ids = all("[data-fg-application]", button.closest("[data-fg-due]"))
      .map(function (row) { return row.getAttribute("data-fg-application"); });
    var at = ids.indexOf(id);
    var name = guide.applicationName(guide.store.read().applications[id]);
    guide.store.update(function (record) {
      change(record);
      if (record.chosen === id) record.chosen = "";
    });
    var status = document.querySelector("[data-fg-app-status]");
    if (status) say(guide.fill(status.getAttribute("data-fg-" + said), { application: name }));
    ids.splice(at, 1);
    focusRow(ids[Math.min(at, ids.length - 1)] || "");
  }

  var actions = {
    done: function (id, button) { // the card then shows the next step; the page says which was ticked
      var entry = button.getAttribute("data-fg-entry");
      guide.store.update(function (record) { record.applications[id].done[entry] = new Date().toISOString(); });
      var status = document.querySelector("[data-fg-app-status]");
      if (status) say(guide.fill(status.getAttribute("data-fg-done"), { step: guide.data().steps[entry].title }));
      focusRow(id);
    },
    choose: function (id) {
      guide.store.update(function (record) { record.chosen = id; });
      location.href = guide.pageUrl("checklist", "");
    },
    edit: function (id) { openForm(guide.store.read().applications[id]); },
    calendar: function (id, button) { // named for its company; the focus stays on the button, drawn again
      var app = guide.store.read().applications[id];
      var name = (app.company || app.role).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
      guide.downloadCalendar([id], guide.fill(button.getAttribute("data-fg-filename"), { application: name || id }));
      focusRow(id, "calendar");
    },
    archive: function (id, button) {
      takeOut(id, button, function (record) { record.applications[id].archived = true; }, "archived");
    },
    reopen: function (id) {
      guide.store.update(function (record) { record.applications[id].archived = false; });
      focusRow(id);
    },
    delete: function (id, button) {
      if (!window.confirm(guide.fill(button.getAttribute("data-fg-confirm"),
        { application: guide.applicationName(guide.store.read().applications[id]) }))) return;
      takeOut(id, button, function (record) { delete record.applications[id]; }, "deleted");
    }
  };

  guide.on("click", "[data-fg-app-action]", function (button) {
    var row = button.closest("[data-fg-application]");
    var action = actions[button.getAttribute("data-fg-app-action")];
    if (row && action) action(row.getAttribute("data-fg-application"), button);
  });
  guide.on("click", "[data-fg-app-add]", function () { openForm(null); });
  function cancel() {
    var target = form();
    target.hidden = true;
    focusRow(target.getAttribute("data-fg-editing"), "edit"); // back where the reader came from
  }
  guide.on("click", "[data-fg-app-cancel]", cancel);
  guide.on("keydown", "[data-fg-app-form]", function (target, event) { // Escape: as Cancel (not while a date picker is open)
    if (event.key === "Escape" && !event.defaultPrevented) cancel();
  });
  guide.on("click", "[data-fg-add-interviewer]", function () {
    addInterviewerRow(form()).querySelector("input").focus();
  });
  guide.on("click", "[data-fg-calendar-all]", function (button) {
    guide.downloadCalendar(null, button.getAttribute("data-fg-filename"));
  });
  guide.on("input", "#fg-app-company, #fg-app-role", function (input) {
    if (input.value.trim() && input.getAttribute("aria-invalid")) markNameNeeded(form(), false); // a name now: no longer wrong
  });
  guide.on("submit", "[data-fg-app-form]", function (target, event) {
    event.preventDefault();
    saveForm(target);
  });

  // Whether the parser has finished an element: it has moved on past it, or the page is parsed.
  function parsed(element) {
    for (var node = element; node; node = node.parentNode) if (node.nextSibling) return true;
    return document.readyState !== "loading";
  }

  // The chosen application's dates on the timeline picture, in its text alternative too.
  function showTimeline(record) {
    var data = guide.data();
    var chosen = record.applications[record.chosen];
    var plan = chosen && data ? guide.planOf(chosen, data) : null;
    all(".fg-timeline__picture").forEach(function (svg) {
      var desc = svg.querySelector("desc");
      if (!desc || svg.fgShown === record || !parsed(svg)) return; // its texts may still be arriving
      svg.fgShown = record;
      if (desc.fgStatic === undefined) desc.fgStatic = desc.textContent;
      var dated = [];
      all("[data-fg-when]", svg).forEach(function (text) {
        if (text.fgStatic === undefined) text.fgStatic = text.textContent;
        var point = text.getAttribute("data-fg-when").split(":");
        var date = plan && (point[0] === "entry" ? plan.dates[point[1]] : plan.moments[point[1]]);
        text.textContent = date ? guide.formatDate(date, "short") : text.fgStatic;
        if (date) dated.push(text.previousElementSibling.textContent + ", " + guide.formatDate(date, false));
      });
      desc.textContent = desc.fgStatic + (dated.length ? " " + dated.join("; ") + "." : "");
    });
  }

  function show() {
    var record = guide.store.read();
    showTimeline(record);
    showPickers(record);
    showDue(record);
    all("[data-fg-applications-tools]").forEach(function (tools) { tools.hidden = false; });
    all("[data-fg-home-due]").forEach(function (block) { block.hidden = !Object.keys(record.applications).length; });
  }

  guide.store.onChange(show);
  guide.whenInserted("[data-fg-application-select], [data-fg-due-items], [data-fg-applications-tools], [data-fg-home-due], .fg-timeline", show);
})();
