/* The follow-up planner: the reader's own dates for each timed step, and a calendar file.
 *
 * The rules come from the page (data-fg-rules, written at build time from the knowledge
 * base's timings); this file only knows what "within", "after" and "every" a number of
 * hours, days, working days, weeks or months mean, with the same arithmetic as
 * generator/timing.py: hours are elapsed time; days, working days (Monday to Friday), weeks
 * and months are calendar steps in the reader's time zone that keep the time of day across
 * daylight-saving changes.
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var PLAN_KEY = "followup-guide:plan:v1:" + guide.siteId;
  var DEFAULT_HOUR = 12; // when the reader gives a date without a time

  function add(date, duration) {
    if (duration.unit === "hours") return new Date(date.getTime() + duration.amount * 3600000);
    var result = new Date(date.getTime());
    if (duration.unit === "working days") { // Monday to Friday, keeping the time of day
      for (var left = duration.amount; left > 0;) {
        result.setDate(result.getDate() + 1);
        if (result.getDay() !== 0 && result.getDay() !== 6) left--;
      }
      return result;
    }
    if (duration.unit === "days" || duration.unit === "weeks") {
      result.setDate(result.getDate() + duration.amount * (duration.unit === "weeks" ? 7 : 1));
      return result;
    }
    var day = result.getDate();
    result.setDate(1);
    result.setMonth(result.getMonth() + duration.amount);
    var lastDay = new Date(result.getFullYear(), result.getMonth() + 1, 0).getDate();
    result.setDate(Math.min(day, lastDay));
    return result;
  }

  // Every date that follows from the moments the reader gave: {moments, assumed, dates}.
  function planDates(rules, given) {
    var moments = {};
    var assumed = {};
    var dates = {};
    var progress = true;
    while (progress) {
      progress = false;
      rules.moments.forEach(function (moment) {
        if (moments[moment.id]) return;
        var fallback = moment.ifNotGiven;
        if (moment.asked && given[moment.id]) moments[moment.id] = given[moment.id];
        else if (fallback && moments[fallback.of]) {
          moments[moment.id] = add(moments[fallback.of], fallback);
          assumed[moment.id] = true;
        } else if (moment.reachedBy && dates[moment.reachedBy]) moments[moment.id] = dates[moment.reachedBy];
        else return;
        progress = true;
      });
      rules.steps.forEach(function (step) {
        if (!dates[step.entry] && moments[step.of]) {
          dates[step.entry] = add(moments[step.of], step);
          progress = true;
        }
      });
    }
    return { moments: moments, assumed: assumed, dates: dates };
  }

  // --- .ics (RFC 5545) -------------------------------------------------------------

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  function localDay(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate());
  }

  function utcTime(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }

  function escapeText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  // Lines longer than 75 octets continue on the next line after a space.
  function fold(line) {
    var lines = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (character) {
      var bytes = new TextEncoder().encode(character).length;
      if (size + bytes > 75) {
        lines.push(current);
        current = " ";
        size = 1;
      }
      current += character;
      size += bytes;
    });
    lines.push(current);
    return lines.join("\r\n");
  }

  function calendar(form, events) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + escapeText(form.getAttribute("data-fg-site-title")) + "//Follow-up plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    var stamp = utcTime(new Date());
    events.forEach(function (event) {
      lines.push("BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp);
      if (event.start) {
        lines.push("DTSTART:" + utcTime(event.start), "DTEND:" + utcTime(event.end));
      } else {
        lines.push("DTSTART;VALUE=DATE:" + localDay(event.day), "DTEND;VALUE=DATE:" + localDay(add(event.day, { amount: 1, unit: "days" })));
      }
      lines.push("SUMMARY:" + escapeText(event.summary), "DESCRIPTION:" + escapeText(event.description),
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escapeText(event.reminder),
        event.start ? "TRIGGER;RELATED=END:-PT2H" : "TRIGGER:PT9H", "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // --- The page ----------------------------------------------------------------------

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function readInputs(form) {
    var values = {};
    all("[data-fg-moment], [data-fg-moment-time]", form).forEach(function (input) {
      values[input.getAttribute("data-fg-moment") || input.getAttribute("data-fg-moment-time") + "-time"] = input.value;
    });
    return values;
  }

  function given(form) {
    var values = readInputs(form);
    var moments = {};
    all("[data-fg-moment]", form).forEach(function (input) {
      var id = input.getAttribute("data-fg-moment");
      var day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values[id] || "");
      if (!day) return;
      var time = /^(\d{2}):(\d{2})/.exec(values[id + "-time"] || "");
      moments[id] = new Date(+day[1], +day[2] - 1, +day[3], time ? +time[1] : DEFAULT_HOUR, time ? +time[2] : 0);
    });
    return moments;
  }

  function timeGiven(form, momentId) {
    var input = form.querySelector('[data-fg-moment-time="' + momentId + '"]');
    return Boolean(input && input.value);
  }

  function formatDate(date, withTime) {
    var options = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
    if (withTime) {
      options.hour = "numeric";
      options.minute = "2-digit";
    }
    return date.toLocaleString(document.documentElement.lang || undefined, options);
  }

  function currentPlan(form) {
    var rules = guide.parseJSON(form.getAttribute("data-fg-rules"));
    var moments = given(form);
    return { rules: rules, moments: moments, result: planDates(rules, moments) };
  }

  function showPlan(form) {
    var plan = currentPlan(form);
    var message = document.querySelector("[data-fg-plan-message]");
    var firstMoment = plan.rules.moments[0].id;
    var startOfToday = new Date();
    startOfToday.setHours(0, 0, 0, 0);
    var anyDate = false;
    plan.rules.steps.forEach(function (step) {
      var section = document.querySelector('[data-fg-step="' + step.entry + '"]');
      if (!section) return;
      var date = plan.result.dates[step.entry];
      var when = section.querySelector("[data-fg-step-when]");
      if (!when.hasAttribute("data-fg-static")) when.setAttribute("data-fg-static", when.textContent);
      if (!date) {
        when.textContent = when.getAttribute("data-fg-static");
        section.querySelector("[data-fg-step-past]").hidden = true;
        return;
      }
      anyDate = true;
      var withTime = step.unit === "hours" && timeGiven(form, step.of);
      when.textContent = guide.fill(section.getAttribute("data-fg-pattern"), {
        date: formatDate(date, withTime), duration: section.getAttribute("data-fg-duration")
      });
      section.querySelector("[data-fg-step-past]").hidden = step.relation === "within" ? date >= new Date() : date >= startOfToday;
    });
    all("[data-fg-plan-action]").forEach(function (button) { button.hidden = !anyDate; });
    var assumedId = Object.keys(plan.result.assumed)[0];
    if (!plan.moments[firstMoment] && Object.keys(plan.moments).length) message.textContent = form.getAttribute("data-fg-missing");
    else if (assumedId) message.textContent = guide.fill(form.getAttribute("data-fg-assumed"), { date: formatDate(plan.result.moments[assumedId], false) });
    else message.textContent = "";
  }

  function events(form, onlyEntry) {
    var plan = currentPlan(form);
    var firstMoment = plan.rules.moments[0].id;
    return plan.rules.steps.filter(function (step) {
      return plan.result.dates[step.entry] && (!onlyEntry || step.entry === onlyEntry);
    }).map(function (step) {
      var section = document.querySelector('[data-fg-step="' + step.entry + '"]');
      var date = plan.result.dates[step.entry];
      var summary = section.getAttribute("data-fg-title");
      var timed = step.unit === "hours" && timeGiven(form, step.of);
      return {
        uid: step.entry + "-" + localDay(plan.moments[firstMoment]) + "@" + guide.siteId,
        start: timed ? plan.result.moments[step.of] : null,
        end: timed ? date : null,
        day: date,
        summary: summary,
        description: section.getAttribute("data-fg-summary"),
        reminder: guide.fill(form.getAttribute("data-fg-reminder"), { step: summary })
      };
    });
  }

  function download(form, onlyEntry) {
    guide.download(onlyEntry ? onlyEntry + ".ics" : form.getAttribute("data-fg-filename"),
      calendar(form, events(form, onlyEntry)), "text/calendar;charset=utf-8");
  }

  function remember(form) {
    if (!form.querySelector("[data-fg-plan-remember]").checked) return;
    if (!guide.storage.write(PLAN_KEY, JSON.stringify(readInputs(form)))) {
      all("[data-fg-storage-notice]").forEach(function (notice) { notice.hidden = false; });
    }
  }

  function setUp() {
    var form = document.querySelector("[data-fg-planner]");
    if (!form || form.hasAttribute("data-fg-ready") || !document.querySelector("[data-fg-plan-action=calendar-all]")) return;
    form.setAttribute("data-fg-ready", "");
    form.hidden = false;
    var stored = guide.parseJSON(guide.storage.read(PLAN_KEY).value);
    if (stored && typeof stored === "object") {
      all("[data-fg-moment], [data-fg-moment-time]", form).forEach(function (input) {
        var key = input.getAttribute("data-fg-moment") || input.getAttribute("data-fg-moment-time") + "-time";
        if (typeof stored[key] === "string") input.value = stored[key];
      });
      form.querySelector("[data-fg-plan-remember]").checked = true;
    }
    showPlan(form);
  }

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("[data-fg-planner]");
    if (!form || !event.target.matches("[data-fg-moment], [data-fg-moment-time]")) return;
    showPlan(form);
    remember(form);
  });

  document.addEventListener("change", function (event) {
    if (!event.target.matches("[data-fg-plan-remember]")) return;
    var form = event.target.closest("[data-fg-planner]");
    if (event.target.checked) remember(form);
    else guide.storage.remove(PLAN_KEY);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fg-plan-action]");
    if (!button) return;
    var form = document.querySelector("[data-fg-planner]");
    var section = button.closest("[data-fg-step]");
    download(form, button.getAttribute("data-fg-plan-action") === "calendar-one" ? section.getAttribute("data-fg-step") : null);
  });

  guide.whenInserted("[data-fg-plan-action=calendar-all]", setUp); // the last element of the planner
  guide.planDates = planDates;
})();
