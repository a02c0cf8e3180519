/* The follow-up planner: the reader's own dates for each timed step, and a calendar file.
 *
 * The rules come from the guide's data script (guide.data(), written at build time from the
 * knowledge base's timings); the arithmetic is core/dates.js, the same as generator/timing.py. The
 * dates are the chosen application's (saved as they are typed), or, for a reader without
 * applications, kept only when they tick "Remember my dates". A button is shown only when
 * what it does can be done: a step's calendar button once that step has a date still ahead
 * and is neither ticked nor stopped by the answer (core.schedule, as "What to do next").
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var core = window.followupGuideCore;
  var all = guide.all;

  function readInputs(form) {
    var values = {};
    all("[data-fg-moment], [data-fg-moment-time]", form).forEach(function (input) {
      if (input.value) values[input.getAttribute("data-fg-moment") || input.getAttribute("data-fg-moment-time") + "-time"] = input.value;
    });
    return values;
  }

  // The typed dates, planned with the chosen application's answer and ticks (core.schedule).
  function currentPlan(form) {
    var data = guide.data();
    var typed = readInputs(form);
    var record = guide.store.read();
    var chosen = record.applications[record.chosen] || {};
    var now = new Date();
    var schedule = core.schedule({ moments: typed, done: core.current(record).done, outcome: chosen.outcome,
      outcomeDay: chosen.outcomeDay }, data, now);
    if (core.stoppedElsewhere(record, data, record.chosen, now)) { // a yes elsewhere: none of its own steps is dated
      schedule.steps = [];
      schedule.withdrawn = true;
    }
    return { rules: data.rules, typed: typed, moments: core.givenMoments(data.rules, typed), result: schedule.plan, schedule: schedule };
  }

  function showPlan(form) {
    var plan = currentPlan(form);
    var message = document.querySelector("[data-fg-plan-message]");
    var firstMoment = plan.rules.moments[0].id;
    var steps = {};
    var anyEvent = false;
    plan.schedule.steps.forEach(function (step) { steps[step.entry] = step; });
    plan.rules.steps.forEach(function (rule) {
      var section = document.querySelector('[data-fg-step="' + rule.entry + '"]');
      if (!section) return;
      var step = steps[rule.entry];
      var date = step && step.rule && step.date;
      var when = section.querySelector("[data-fg-step-when]");
      var note = section.querySelector("[data-fg-step-past]");
      // Late, passed (its moment has gone), or stopped by the answer; a ticked step is none of them.
      var kind = step ? (date && /overdue|passed/.test(step.status) ? step.status : "")
        : plan.schedule.withdrawn ? "withdrawn" : plan.schedule.answered ? "answered" : "";
      var inCalendar = Boolean(step && core.inCalendar(step));
      anyEvent = anyEvent || inCalendar;
      section.querySelector("[data-fg-plan-action=calendar-one]").hidden = !inCalendar;
      note.hidden = !kind;
      if (kind) note.textContent = note.getAttribute("data-fg-" + kind);
      if (!when.hasAttribute("data-fg-static")) when.setAttribute("data-fg-static", when.textContent);
      when.textContent = date ? guide.fill(section.getAttribute("data-fg-pattern"), {
        date: guide.formatDate(date, step.timed), duration: section.getAttribute("data-fg-duration")
      }) : when.getAttribute("data-fg-static");
    });
    all("[data-fg-plan-action=calendar-all]").forEach(function (button) { button.hidden = !anyEvent; });
    var assumedId = Object.keys(plan.result.assumed)[0];
    if (!plan.moments[firstMoment] && Object.keys(plan.moments).length) message.textContent = form.getAttribute("data-fg-missing");
    else if (assumedId && !plan.schedule.answered) message.textContent = guide.fill(form.getAttribute("data-fg-assumed"), { date: guide.formatDate(plan.result.moments[assumedId], false) });
    else message.textContent = "";
  }

  // The calendar of a reader without applications: the step titles as they are, and
  // UIDs that name the day the plan counts from.
  function generalCalendar(form, onlyEntry) {
    var plan = currentPlan(form);
    var data = guide.data();
    var first = plan.moments[plan.rules.moments[0].id];
    var steps = {};
    Object.keys(data.steps).forEach(function (id) { steps[id] = { title: data.steps[id].title, summary: data.steps[id].summary }; });
    var events = core.planEvents({
      schedule: plan.schedule, steps: steps, only: onlyEntry,
      uid: function (key) {
        var step = plan.rules.steps.filter(function (each) { return each.entry === key; })[0];
        return key + "-" + core.localDay(first || plan.result.moments[step.of]) + "@" + guide.siteId;
      },
      sequence: function () { return 0; },
      summary: function (title) { return title; },
      reminder: function (summary) { return guide.fill(data.reminder, { step: summary }); }
    });
    return core.calendar(data.title, events);
  }

  function download(form, onlyEntry) {
    var record = guide.store.read();
    var filename = onlyEntry ? onlyEntry + ".ics" : form.getAttribute("data-fg-filename");
    if (record.applications[record.chosen]) guide.downloadCalendar([record.chosen], filename, onlyEntry);
    else guide.download(filename, generalCalendar(form, onlyEntry), "text/calendar;charset=utf-8");
  }

  function remember(form) {
    var typed = readInputs(form);
    var keep = form.querySelector("[data-fg-plan-remember]").checked;
    var record = guide.store.read();
    if (!keep && !record.applications[record.chosen]) return;
    guide.store.update(function (stored) { core.current(stored).moments = typed; });
  }

  // The stored dates into the form: on load, and when the chosen application changes.
  function fill() {
    var form = document.querySelector("[data-fg-planner][data-fg-ready]");
    if (!form) return;
    var record = guide.store.read();
    var moments = core.current(record).moments;
    var switched = form.fgChosen !== record.chosen; // another application: every field changes
    form.fgChosen = record.chosen;
    all("[data-fg-moment], [data-fg-moment-time]", form).forEach(function (input) {
      var key = input.getAttribute("data-fg-moment") || input.getAttribute("data-fg-moment-time") + "-time";
      if ((switched || input !== document.activeElement) && input.value !== (moments[key] || "")) input.value = moments[key] || "";
    });
    var chosen = Boolean(record.applications[record.chosen]);
    var box = form.querySelector("[data-fg-plan-remember]");
    box.checked = chosen || Object.keys(moments).length > 0;
    box.closest(".fg-planner__remember").hidden = chosen;
    showPlan(form);
  }

  function setUp() {
    var form = document.querySelector("[data-fg-planner]");
    if (!form || form.hasAttribute("data-fg-ready") || !document.querySelector("[data-fg-plan-action=calendar-all]")) return;
    form.setAttribute("data-fg-ready", "");
    form.hidden = false;
    fill();
  }

  guide.on("input", "[data-fg-moment], [data-fg-moment-time]", function (input) {
    var form = input.closest("[data-fg-planner]");
    showPlan(form);
    remember(form);
  });

  guide.on("change", "[data-fg-plan-remember]", function (box) {
    var form = box.closest("[data-fg-planner]");
    if (box.checked) remember(form);
    else guide.store.update(function (record) { record.general.moments = {}; });
  });

  guide.on("click", "[data-fg-plan-action]", function (button) {
    var section = button.closest("[data-fg-step]");
    download(document.querySelector("[data-fg-planner]"), button.getAttribute("data-fg-plan-action") === "calendar-one" ? section.getAttribute("data-fg-step") : null);
  });

  guide.store.onChange(fill);
  guide.whenInserted("[data-fg-plan-action=calendar-all]", setUp); // the last element of the planner
  guide.planDates = core.planDates;
})();
