/* Calendar files (RFC 5545): pure functions, no DOM (tested with Node).
 *
 * An event is {uid, sequence, start, end} for a timed event or {uid, sequence, day} for an
 * all-day one, with summary, description, reminder and, for a repeating step, repeat:
 * {amount, unit}. Lines end in CRLF and are folded at 75 octets.
 */
(function (core) {
  "use strict";

  var dates = typeof module === "object" && module.exports ? require("./dates.js") : core;
  var FREQUENCY = { hours: "HOURLY", days: "DAILY", weeks: "WEEKLY", months: "MONTHLY" };

  // Every 5 working days is every week; every working day is each day from Monday to Friday.
  function repeatRule(repeat) {
    if (repeat.unit !== "working days") return "FREQ=" + FREQUENCY[repeat.unit] + ";INTERVAL=" + repeat.amount;
    return repeat.amount % 5 ? "FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR" : "FREQ=WEEKLY;INTERVAL=" + repeat.amount / 5;
  }

  function utcTime(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }

  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  // Lines longer than 75 octets continue on the next line after a space.
  function fold(line) {
    var lines = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (character) {
      var code = character.codePointAt(0);
      var bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
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

  function calendar(title, events, now) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + escapeText(title) + "//Follow-up plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    var stamp = utcTime(now || new Date());
    events.forEach(function (event) {
      lines.push("BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp, "SEQUENCE:" + (event.sequence || 0));
      if (event.start) {
        lines.push("DTSTART:" + utcTime(event.start), "DTEND:" + utcTime(event.end));
      } else {
        var next = new Date(event.day.getFullYear(), event.day.getMonth(), event.day.getDate() + 1);
        lines.push("DTSTART;VALUE=DATE:" + dates.localDay(event.day), "DTEND;VALUE=DATE:" + dates.localDay(next));
      }
      if (event.repeat) lines.push("RRULE:" + repeatRule(event.repeat));
      lines.push("SUMMARY:" + escapeText(event.summary), "DESCRIPTION:" + escapeText(event.description),
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escapeText(event.reminder),
        event.start ? "TRIGGER;RELATED=END:-PT2H" : "TRIGGER:PT9H", "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  /* The events of one plan. `o`: {plan, rules, steps (entry id -> {title, summary, url}),
   * uid(key), sequence(key, date) -> number, summary(step title) -> text, reminder(summary)
   * -> text, timed(moment id) -> whether the reader gave its time, only (an entry id, or
   * none for every step), decision: {moment, title} for an event on that moment, or none}. */
  function planEvents(o) {
    var events = [];
    o.rules.steps.forEach(function (step) {
      var date = o.plan.dates[step.entry];
      var info = o.steps[step.entry] || {};
      if (!date || (o.only && step.entry !== o.only)) return;
      var timed = step.unit === "hours" && o.timed(step.of);
      var summary = o.summary(info.title || step.entry);
      events.push({
        uid: o.uid(step.entry), sequence: o.sequence(step.entry, date),
        start: timed ? o.plan.moments[step.of] : null, end: timed ? date : null, day: date,
        repeat: step.relation === "every" ? { amount: step.amount, unit: step.unit } : null,
        summary: summary, description: [info.summary, info.url].filter(Boolean).join("\n"), reminder: o.reminder(summary)
      });
    });
    var decision = o.decision;
    if (decision && !o.only && o.plan.moments[decision.moment] && !o.plan.assumed[decision.moment]) {
      var summary = o.summary(decision.title);
      events.push({
        uid: o.uid(decision.moment), sequence: o.sequence(decision.moment, o.plan.moments[decision.moment]),
        day: o.plan.moments[decision.moment], summary: summary, description: decision.url || "", reminder: o.reminder(summary)
      });
    }
    return events;
  }

  core.calendar = calendar;
  core.planEvents = planEvents;
  core.fold = fold;
})(typeof module === "object" && module.exports ? module.exports : (window.followupGuideCore = window.followupGuideCore || {}));
