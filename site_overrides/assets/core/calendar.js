/* Calendar files (RFC 5545): pure functions, no DOM (tested with Node).
 *
 * An event is {uid, sequence, start, end} for a timed event or {uid, sequence, day} for an
 * all-day one, with summary, description, reminder and, for a repeating step, repeat:
 * {amount, unit, count (how many times, or no end)}. Lines end in CRLF and are folded at 75 octets.
 */
(function (core) {
  "use strict";

  var node = typeof module === "object" && module.exports;
  var dates = node ? require("./dates.js") : core;
  var records = node ? require("./records.js") : core; // read when events are made, once every script has run
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
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n?|\n/g, "\\n");
  }

  // A UID is a value of its own kind, never escaped: only characters that cannot end its line or
  // start another (an imported application's id is not trusted to be what newId makes).
  function uidText(uid) {
    return String(uid).replace(/[^A-Za-z0-9@._-]/g, "-");
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
      lines.push("BEGIN:VEVENT", "UID:" + uidText(event.uid), "DTSTAMP:" + stamp, "SEQUENCE:" + (event.sequence || 0));
      if (event.start) {
        lines.push("DTSTART:" + utcTime(event.start), "DTEND:" + utcTime(event.end));
      } else {
        var next = new Date(event.day.getFullYear(), event.day.getMonth(), event.day.getDate() + 1);
        lines.push("DTSTART;VALUE=DATE:" + dates.localDay(event.day), "DTEND;VALUE=DATE:" + dates.localDay(next));
      }
      if (event.repeat) lines.push("RRULE:" + repeatRule(event.repeat) + (event.repeat.count ? ";COUNT=" + event.repeat.count : ""));
      lines.push("SUMMARY:" + escapeText(event.summary), "DESCRIPTION:" + escapeText(event.description),
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escapeText(event.reminder),
        event.start ? "TRIGGER;RELATED=END:-PT2H" : "TRIGGER:PT9H", "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // How many times a repeating step comes in the year from its first date (every 3 months: 4).
  function yearOf(first, repeat) {
    var end = dates.add(first, { amount: 12, unit: "months" });
    // (The generator allows no repeat of 0; the bound keeps a page from ever looping forever.)
    for (var count = 1; count < 400 && dates.add(first, { amount: repeat.amount * count, unit: repeat.unit }) < end; count++);
    return count;
  }

  /* The events of one schedule (records.js). `o`: {schedule, steps (entry id -> {title, summary,
   * url}), uid(key), sequence(key, date) -> number, summary(step title) -> text, reminder(summary)
   * -> text, only (an entry id, or none for every step), decision: {moment, title} for an event
   * on that moment (one the reader gave, still ahead, and no answer recorded), or none}. */
  function planEvents(o) {
    var events = [];
    var plan = o.schedule.plan;
    o.schedule.steps.forEach(function (step) {
      var rule = step.rule;
      var info = o.steps[step.entry] || {};
      if (!records.inCalendar(step) || (o.only && step.entry !== o.only)) return;
      var summary = o.summary(info.title || step.entry);
      var repeat = rule.relation === "every" ? { amount: rule.amount, unit: rule.unit } : null;
      if (repeat) repeat.count = yearOf(step.date, repeat);
      events.push({
        uid: o.uid(step.entry), sequence: o.sequence(step.entry, step.date),
        start: step.timed ? plan.moments[rule.of] : null, end: step.timed ? step.date : null, day: step.date, repeat: repeat,
        summary: summary, description: [info.summary, info.url].filter(Boolean).join("\n"), reminder: o.reminder(summary)
      });
    });
    var decision = o.decision;
    var day = decision && plan.moments[decision.moment];
    if (day && !o.only && !plan.assumed[decision.moment] && !o.schedule.answered
      && dates.localDay(day) >= dates.localDay(o.schedule.now)) {
      var summary = o.summary(decision.title);
      events.push({
        uid: o.uid(decision.moment), sequence: o.sequence(decision.moment, day),
        day: day, summary: summary, description: decision.url || "", reminder: o.reminder(summary)
      });
    }
    return events;
  }

  core.calendar = calendar;
  core.planEvents = planEvents;
  core.fold = fold;
  core.yearOf = yearOf;
})(typeof module === "object" && module.exports ? module.exports : (window.followupGuideCore = window.followupGuideCore || {}));
