/* Date arithmetic and the follow-up plan: pure functions, no DOM (tested with Node).
 *
 * The same rules as generator/timing.py: hours are elapsed time; days, working days (Monday
 * to Friday), weeks and months are calendar steps in the reader's time zone that keep the time
 * of day across daylight-saving changes; a step counted in days, weeks or months that falls on a Saturday or Sunday moves
 * to the next Monday, unless its timing says `weekends: keep`.
 *
 * Works in the browser bundle (window.followupGuideCore) and under Node (module.exports).
 */
(function (core) {
  "use strict";

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
    if (duration.unit !== "months") {
      result.setDate(result.getDate() + duration.amount * (duration.unit === "weeks" ? 7 : 1));
      return result;
    }
    var day = result.getDate();
    result.setDate(1);
    result.setMonth(result.getMonth() + duration.amount);
    result.setDate(Math.min(day, new Date(result.getFullYear(), result.getMonth() + 1, 0).getDate()));
    return result;
  }

  function nextWorkingDay(date) {
    var result = new Date(date.getTime());
    while (result.getDay() === 0 || result.getDay() === 6) result.setDate(result.getDate() + 1);
    return result;
  }

  // The date of a step counted from its moment.
  function stepDate(start, step) {
    var date = add(start, step);
    return step.unit === "hours" || step.weekends === "keep" ? date : nextWorkingDay(date);
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
          dates[step.entry] = stepDate(moments[step.of], step);
          progress = true;
        }
      });
    }
    return { moments: moments, assumed: assumed, dates: dates };
  }

  // A day typed as "2026-03-06", as a local date at `hour`; null for anything else, and for a
  // day that does not exist ("2026-02-31" is not read as 3 March).
  function dayOf(text, hour, minute) {
    var day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof text === "string" ? text : "");
    if (!day) return null;
    var date = new Date(+day[1], +day[2] - 1, +day[3], hour || 0, minute || 0);
    return date.getFullYear() === +day[1] && date.getMonth() === day[2] - 1 && date.getDate() === +day[3] ? date : null;
  }

  // A time of day typed as "15:00" (or "15:00:30", as some browsers give it): [hour, minute], or null.
  function timeOf(text) {
    var time = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?$/.exec(typeof text === "string" ? text : "");
    return time ? [+time[1], +time[2]] : null;
  }

  // The moments typed as text ({"interview": "2026-03-06", "interview-time": "15:00"}) as local dates.
  function givenMoments(rules, typed) {
    var moments = {};
    typed = typed || {};
    rules.moments.forEach(function (moment) {
      var time = timeOf(typed[moment.id + "-time"]);
      var date = dayOf(typed[moment.id], time ? time[0] : DEFAULT_HOUR, time ? time[1] : 0);
      if (date) moments[moment.id] = date;
    });
    return moments;
  }

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  // "20260306": the local calendar day, as .ics all-day dates and comparisons use it.
  function localDay(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate());
  }

  // "2026-03-06": the local calendar day, as the reader types dates and a date field holds them.
  function isoDay(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /* A date in words, with the guide's names and patterns (labels in guide.yml) rather than the
   * browser's date formatting, whose first use in a page costs tens of milliseconds.
   * style: false (the date in full), true (in full, with the time) or "short".
   * words: {long, short, withTime, time, months, monthsShort, weekdays, periods}; the names are
   * comma-separated lists, months from January, weekdays from Sunday. */
  function inWords(date, style, words) {
    function names(list) { return list.split(",").map(function (name) { return name.trim(); }); }
    function fill(pattern, values) {
      return pattern.replace(/\{(\w+)\}/g, function (match, name) { return name in values ? values[name] : match; });
    }
    var day = date.getDate();
    if (style === "short") return fill(words.short, { day: day, month: names(words.monthsShort)[date.getMonth()] });
    var full = fill(words.long, { weekday: names(words.weekdays)[date.getDay()], day: day,
      month: names(words.months)[date.getMonth()], year: date.getFullYear() });
    if (style !== true) return full;
    var hour = date.getHours();
    var time = fill(words.time, { hour: hour, hour12: hour % 12 || 12, minute: pad(date.getMinutes()),
      period: names(words.periods)[hour < 12 ? 0 : 1] });
    return fill(words.withTime, { date: full, time: time });
  }

  // Whether dates in the region of `locale` (a browser's language, such as "en-GB") put the day
  // before the month: Intl knows each region's order; its words are not used.
  function writesDayFirst(locale) {
    try {
      var types = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long" }).formatToParts(new Date(2026, 0, 15))
        .map(function (part) { return part.type; });
      return types.indexOf("day") < types.indexOf("month");
    } catch (error) { // no Intl, or a language tag it cannot read
      return false;
    }
  }

  core.inWords = inWords;
  core.writesDayFirst = writesDayFirst;
  core.add = add;
  core.nextWorkingDay = nextWorkingDay;
  core.stepDate = stepDate;
  core.planDates = planDates;
  core.givenMoments = givenMoments;
  core.dayOf = dayOf;
  core.timeOf = timeOf;
  core.localDay = localDay;
  core.isoDay = isoDay;
})(typeof module === "object" && module.exports ? module.exports : (window.followupGuideCore = window.followupGuideCore || {}));
