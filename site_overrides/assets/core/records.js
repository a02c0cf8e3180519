/* The reader's saved data: one record per guide holding every application (a process with
 * one employer) with its ticks, dates and details. Pure functions, no DOM (tested with Node):
 * reading and repairing a stored value, migrating the older keys, merging an imported
 * file, filling in templates, and what is due now.
 *
 * A record: {version: 3, applications: {id: application}, general: {done, moments},
 * details: {field: text}, chosen: application id or "", device}. "general" holds the ticks and
 * dates of a reader who has not created an application: the guide then works as it always did.
 * "device" is about this browser only, and never travels in a file or link: {persisted: whether
 * the browser promised to keep the storage, asked: when that was asked, backup: when a file or
 * link was last made, unsaved: the first change since then, dismissed: when the backup notice
 * was dismissed} (ISO times).
 *
 * Two devices meet by "last change wins", field by field: each application carries `stamps`,
 * {path: ISO time of its last change here}, where a path is a field ("company", "archived",
 * "interviewers" as a whole...), "done.<step>" (the removal of a tick: a tick holds its own time),
 * "moments.<name>" or "overrides.<template>". store.js sets them on every change (stamp). A deleted application
 * leaves `removed: {id: ISO time}` in the record, kept for KEEP_REMOVED_DAYS, so that it is
 * deleted on the other device too rather than coming back. Both are optional: a record saved
 * before them has none, and merges as it always did.
 */
(function (core) {
  "use strict";

  var dates = typeof module === "object" && module.exports ? require("./dates.js") : core;
  var VERSION = 3;
  var FORMAT = "followup-guide-progress";
  var OWN_FIELDS = ["your-name", "your-email"]; // the reader's own details, the same for every application
  var DAY = 86400000;
  var BACKUP_AFTER_DAYS = 3; // changes this old, and not saved elsewhere, are worth a backup
  var ASK_AGAIN_DAYS = 7; // a dismissed notice, or a refused persist(), is asked about again after this
  // Far more interviews than anyone follows at once, and few enough for every page to stay quick:
  // an import that would go past it changes nothing (merge returns TOO_MANY).
  var MAX_APPLICATIONS = 500;
  var TOO_MANY = -2;
  var ANSWER_STEPS_DAYS = 14; // the steps after an answer are for the days after it: then "What to do next" lets them go
  var KEEP_REMOVED_DAYS = 400; // a deleted application's tombstone: longer than anyone waits for an answer
  // The fields of an application that are stamped and merged one by one (interviewers: the whole list).
  var FIELDS = ["company", "role", "contact", "note", "outcome", "outcomeDay", "applied", "archived", "interviewers"];
  var PARTS = ["done", "moments", "overrides"]; // stamped key by key: "done.<step id>"

  /* Whether a name read from storage or a file can be a key of the record: not one that every
   * object has already ("constructor", "toString", "__proto__"...), which would read as an
   * application, a tick or an answer that is there but is not the reader's. The guide's own
   * ids never are (the generator reserves "constructor" and "prototype"; the others are not
   * lowercase ids). */
  function usable(name) {
    return !(name in Object.prototype);
  }

  // Whether the record's `map` (applications, ticks...) has `name` of its own.
  function has(map, name) {
    return Object.prototype.hasOwnProperty.call(map, name);
  }

  function isObject(value) {
    return Boolean(value) && typeof value === "object" && !Array.isArray(value);
  }

  function parseJSON(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }

  function fill(template, values) {
    return template.replace(/\{([^{}\s]*)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  // Only the string values of an object: anything else counts as not there.
  function texts(value) {
    var result = {};
    if (isObject(value)) {
      Object.keys(value).forEach(function (name) { if (usable(name) && typeof value[name] === "string") result[name] = value[name]; });
    }
    return result;
  }

  // The ticks: {step id: when it was ticked (an ISO time), or true where that is not known; any
  // other value (an object, a long text: a file not written by the guide) is a tick, no more}.
  function ticks(value) {
    var done = {};
    if (Array.isArray(value)) value.forEach(function (id) { if (typeof id === "string" && usable(id)) done[id] = true; });
    else if (isObject(value)) Object.keys(value).forEach(function (id) {
      var tick = value[id];
      if (usable(id) && tick) done[id] = typeof tick === "string" && tick.length <= 40 ? tick : true;
    });
    return done;
  }

  // The typed dates and times ("interview": "2026-03-06", "interview-time": "15:00"), without
  // any that is not a real day or time of day.
  function moments(value) {
    var typed = texts(value);
    Object.keys(typed).forEach(function (name) {
      if (!(/-time$/.test(name) ? dates.timeOf(typed[name]) : dates.dayOf(typed[name]))) delete typed[name];
    });
    return typed;
  }

  // An ISO time as milliseconds; 0 (older than any) for anything else.
  function when(text) {
    return typeof text === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text) ? Date.parse(text) || 0 : 0;
  }

  // Whether a stamp's path can be one: a field, or "done.", "moments.", "overrides." and a usable name.
  function stampPath(path) {
    var dot = path.indexOf(".");
    if (dot < 0) return FIELDS.indexOf(path) >= 0;
    return PARTS.indexOf(path.slice(0, dot)) >= 0 && dot < path.length - 1 && usable(path.slice(dot + 1));
  }

  // {name: ISO time} of a value, keeping only usable names (as `allowed` says) with real times.
  function times(value, allowed) {
    var result = {};
    var typed = texts(value);
    Object.keys(typed).forEach(function (name) { if (name && allowed(name) && when(typed[name])) result[name] = typed[name]; });
    return result;
  }

  function slot(value) {
    value = isObject(value) ? value : {};
    return { done: ticks(value.done), moments: moments(value.moments) };
  }

  function application(value, id) {
    var result = slot(value);
    var interviewers = Array.isArray(value.interviewers) ? value.interviewers.filter(isObject).map(texts) : [];
    result.id = id;
    ["company", "role", "contact", "note", "outcome", "outcomeDay", "created", "applied"].forEach(function (name) {
      result[name] = typeof value[name] === "string" ? value[name] : "";
    });
    result.interviewers = interviewers;
    if (!usable(result.outcome)) result.outcome = "";
    ["outcomeDay", "applied"].forEach(function (name) { if (!dates.dayOf(result[name])) result[name] = ""; });
    result.archived = value.archived === true;
    result.overrides = {};
    if (isObject(value.overrides)) {
      Object.keys(value.overrides).forEach(function (template) {
        if (usable(template)) result.overrides[template] = texts(value.overrides[template]);
      });
    }
    result.stamps = times(value.stamps, stampPath);
    result.calendar = {};
    if (isObject(value.calendar)) {
      Object.keys(value.calendar).forEach(function (key) {
        var entry = value.calendar[key];
        var sequence = isObject(entry) && typeof entry.sequence === "number" ? Math.floor(entry.sequence) : 0; // a calendar's SEQUENCE: a whole number
        if (usable(key) && isObject(entry) && typeof entry.at === "string") {
          result.calendar[key] = { at: entry.at, sequence: sequence >= 0 && sequence < 1e9 ? sequence : 0 };
        }
      });
    }
    return result;
  }

  function emptyRecord() {
    return { version: VERSION, applications: {}, general: slot(null), details: {}, chosen: "", removed: {}, device: {} };
  }

  function device(value) {
    var result = texts(value);
    delete result.persisted;
    if (isObject(value) && typeof value.persisted === "boolean") result.persisted = value.persisted;
    return result;
  }

  function isEmptySlot(slot) {
    return !Object.keys(slot.done).length && !Object.keys(slot.moments).length;
  }

  // Whether a record holds nothing of the reader's: it is then removed rather than stored.
  function isEmpty(record) {
    return !Object.keys(record.applications).length && isEmptySlot(record.general) && !Object.keys(record.details).length
      && !Object.keys(record.removed || {}).length; // a deletion is the reader's too: it must reach the other device
  }

  /* A new application, added to the record and chosen. The first one takes the ticks and dates
   * made before there was any application (the general ones), as the older keys become a first
   * application (migrate): what the reader did so far stays in view. */
  function addApplication(record, id, created) {
    var app = application({ created: created }, id);
    if (!Object.keys(record.applications).length) {
      app.done = record.general.done;
      app.moments = record.general.moments;
      record.general = slot(null);
    }
    record.applications[id] = app;
    record.chosen = id;
    return app;
  }

  // A stored or imported value as a record; anything unreadable counts as nothing saved.
  function normalise(value) {
    var record = emptyRecord();
    if (!isObject(value) || value.version !== VERSION) return record;
    if (isObject(value.applications)) {
      Object.keys(value.applications).forEach(function (id) {
        if (APPLICATION_ID.test(id) && usable(id) && isObject(value.applications[id])) record.applications[id] = application(value.applications[id], id);
      });
    }
    record.general = slot(value.general);
    record.details = texts(value.details);
    record.chosen = typeof value.chosen === "string" && has(record.applications, value.chosen) ? value.chosen : "";
    record.removed = times(value.removed, function (id) { return APPLICATION_ID.test(id) && usable(id); });
    record.device = device(value.device);
    return record;
  }

  // An application's id as newId makes it: anything else in a file or link is not one of ours (an
  // id ends up in calendar files and page selectors).
  var APPLICATION_ID = /^[a-z0-9]{1,40}$/;

  function newId(now, random) {
    return "a" + now.getTime().toString(36) + Math.floor(random * 1e8).toString(36);
  }

  /* The older keys (checklist v1 or v2, plan v1, details v1), parsed, as a record with one
   * application, or null when none of them holds anything. */
  function migrate(old, now, random) {
    var done = old.checklist && isObject(old.checklist) ? ticks(old.checklist.done) : ticks(old.checklistList);
    var moments = texts(old.plan);
    var details = texts(old.details);
    var record = emptyRecord();
    OWN_FIELDS.forEach(function (name) {
      if (details[name]) record.details[name] = details[name];
      delete details[name];
    });
    var id = newId(now, random);
    var first = application({ done: done, moments: moments, created: now.toISOString() }, id);
    first.company = details.company || "";
    first.role = details.role || "";
    if (details["interviewer-name"] || details["interviewer-email"]) {
      first.interviewers = [{ name: details["interviewer-name"] || "", email: details["interviewer-email"] || "" }];
    }
    ["company", "role", "interviewer-name", "interviewer-email"].forEach(function (name) { delete details[name]; });
    Object.keys(details).forEach(function (name) { if (!details[name]) delete details[name]; });
    if (Object.keys(details).length) first.overrides["*"] = details;
    var kept = Object.keys(done).length || Object.keys(moments).length || first.company || first.role
      || first.interviewers.length || first.overrides["*"];
    if (!kept && !Object.keys(record.details).length) return null;
    if (kept) {
      record.applications[id] = first;
      record.chosen = id;
    }
    return record;
  }

  function addTicks(into, from) {
    var count = 0;
    Object.keys(from).forEach(function (id) {
      if (!into[id]) {
        into[id] = from[id];
        count++;
      }
    });
    return count;
  }

  function addMissing(into, from) {
    Object.keys(from).forEach(function (name) { if (!into[name]) into[name] = from[name]; });
  }

  // An application's value at a stamp's path; undefined where it has none.
  function valueAt(app, path) {
    var dot = path.indexOf(".");
    if (dot < 0) return app[path];
    var part = app[path.slice(0, dot)];
    var name = path.slice(dot + 1);
    return has(part, name) ? part[name] : undefined;
  }

  function setAt(app, path, value) {
    var dot = path.indexOf(".");
    if (dot < 0) app[path] = value;
    else if (value === undefined) delete app[path.slice(0, dot)][path.slice(dot + 1)];
    else app[path.slice(0, dot)][path.slice(dot + 1)] = value;
  }

  // Every path an application has a value at, with the value as text (a tick counts as there
  // or not, whatever its time).
  function values(app) {
    var result = {};
    FIELDS.forEach(function (name) { result[name] = JSON.stringify(app[name]); });
    PARTS.forEach(function (part) {
      Object.keys(app[part]).forEach(function (name) { result[part + "." + name] = part === "done" ? "1" : JSON.stringify(app[part][name]); });
    });
    return result;
  }

  // The paths of two applications whose values differ.
  function differences(before, after) {
    var a = values(before);
    var b = values(after);
    return unique(Object.keys(a).concat(Object.keys(b))).filter(function (path) { return a[path] !== b[path]; });
  }

  // A list of names without repeats, in order (linear: an application can hold many ticks).
  function unique(names) {
    var seen = Object.create(null);
    return names.filter(function (name) { return !seen[name] && (seen[name] = true); });
  }

  /* The reader's change from `before` to `after` (records), stamped at `now` in `after`: each
   * application's paths that differ, a tombstone for each application that went; tombstones
   * older than KEEP_REMOVED_DAYS are dropped. Left unstamped, to keep links short: a new
   * application (the other device has none of it to disagree with), a tick (it carries its own
   * time: stampOf), and a path whose stamp the change set itself (a merge). */
  function stamp(before, after, now) {
    // A change is later than what it replaced, whatever this device's clock says: a change that
    // came from a device whose clock is ahead is followed by one stamped just after it.
    function later(last) {
      return new Date(Math.max(now.getTime(), last + 1)).toISOString();
    }
    Object.keys(after.applications).forEach(function (id) {
      var app = after.applications[id];
      var old = before.applications[id];
      if (!has(before.applications, id)) return;
      differences(old, app).forEach(function (path) {
        if (app.stamps[path] !== old.stamps[path]) return; // set by the change itself (a merge)
        var last = stampOf(old, path);
        if (!/^done\./.test(path) || stampOf(app, path) <= last) app.stamps[path] = later(last); // (a tick later than it needs none)
      });
    });
    Object.keys(before.applications).forEach(function (id) {
      if (!has(after.applications, id)) after.removed[id] = later(lastChange(before.applications[id]));
    });
    Object.keys(after.removed).forEach(function (id) {
      if (ageInDays(after.removed[id], now) > KEEP_REMOVED_DAYS) delete after.removed[id];
    });
    return after;
  }

  // When a path last changed (ms; 0: not known): its stamp, or for a tick its own time.
  function stampOf(app, path) {
    return Math.max(when(app.stamps[path]), /^done\./.test(path) ? when(valueAt(app, path)) : 0);
  }

  // The latest change of an application (ms; 0 without any).
  function lastChange(app) {
    return Object.keys(app.stamps).concat(Object.keys(app.done).map(function (id) { return "done." + id; }))
      .reduce(function (latest, path) { return Math.max(latest, stampOf(app, path)); }, 0);
  }

  /* `theirs` merged into `ours` (the same application on two devices), path by path: the later
   * stamp wins, a stamped path beats an unstamped one, and where neither is stamped what is here
   * stays (a missing value filled in, ticks added). Calendar events keep the higher sequence. */
  function mergeApplication(ours, theirs) {
    var paths = unique(Object.keys(values(ours)).concat(Object.keys(values(theirs)), Object.keys(ours.stamps), Object.keys(theirs.stamps)));
    paths.forEach(function (path) {
      if (path === "archived" && !ours.stamps[path] && !theirs.stamps[path]) return;
      var mine = valueAt(ours, path);
      var other = valueAt(theirs, path);
      var tick = /^done\./.test(path);
      if (tick && mine !== undefined && other !== undefined) return; // ticked on both: this one's time stays
      var theirTime = stampOf(theirs, path);
      var ourTime = stampOf(ours, path);
      // (At the same moment, the larger value wins, so that both devices end up alike.)
      if (theirTime > ourTime || (theirTime && theirTime === ourTime && JSON.stringify(other) > JSON.stringify(mine))) {
        setAt(ours, path, other);
        if (theirs.stamps[path]) ours.stamps[path] = theirs.stamps[path];
        else delete ours.stamps[path];
      } else if (!ourTime && !theirTime) {
        if (/^overrides\./.test(path)) {
          mine = mine || {};
          addMissing(mine, other || {});
          setAt(ours, path, mine);
        } else if (path === "interviewers" ? !mine.length : !mine) setAt(ours, path, other);
      }
    });
    Object.keys(theirs.calendar).forEach(function (key) {
      var mine = ours.calendar[key];
      if (!mine || theirs.calendar[key].sequence > mine.sequence) ours.calendar[key] = theirs.calendar[key];
    });
  }

  // A version 2 file (the checklist alone, before applications): its ticks as a new application,
  // as the older keys become one (migrate), chosen only where that hides nothing.
  function mergeChecklist(record, value, now) {
    var done = ticks(value.done);
    if (!Object.keys(done).length) return 0;
    // Its id comes from its ticks: the same file loaded again is the same application, not another.
    var id = "c" + Object.keys(done).sort().join(" ").split("").reduce(function (hash, character) {
      return (hash * 31 + character.charCodeAt(0)) % 2147483647;
    }, 7).toString(36);
    if (has(record.applications, id)) return addTicks(record.applications[id].done, done);
    if (Object.keys(record.applications).length >= MAX_APPLICATIONS) return TOO_MANY;
    record.applications[id] = application({ done: done, created: now.toISOString() }, id);
    if (!record.chosen && isEmptySlot(record.general)) record.chosen = id;
    return Object.keys(done).length;
  }

  /* An exported file (this version's, or the checklist file of version 2) merged into a
   * record: applications by id, field by field (mergeApplication), deletions on either side
   * applied unless the application was changed after it (the tombstones of both are kept).
   * Returns the number of ticks added, -1 for a file that is not one of ours, or TOO_MANY (and
   * nothing changed) when the record would hold more than MAX_APPLICATIONS. */
  function merge(record, value, now, revive) {
    if (!isObject(value) || value.format !== FORMAT) return -1;
    // The applications deleted here that the reader asked to bring back from this copy.
    (revive || []).forEach(function (id) { delete record.removed[id]; });
    if (value.version !== VERSION) return isObject(value.done) ? mergeChecklist(record, value, now || new Date()) : -1;
    var incoming = normalise(value);
    var adding = Object.keys(incoming.applications).filter(function (id) { return !has(record.applications, id); });
    if (adding.length && Object.keys(record.applications).length + adding.length > MAX_APPLICATIONS) return TOO_MANY;
    var count = addTicks(record.general.done, incoming.general.done);
    addMissing(record.general.moments, incoming.general.moments);
    addMissing(record.details, incoming.details);
    Object.keys(incoming.applications).forEach(function (id) {
      var theirs = incoming.applications[id];
      var ours = record.applications[id];
      if (!ours) {
        record.applications[id] = theirs;
        count += Object.keys(theirs.done).length;
        return;
      }
      var before = Object.keys(ours.done).length;
      mergeApplication(ours, theirs);
      count += Math.max(0, Object.keys(ours.done).length - before);
    });
    // A deletion dated far ahead would never be let go (stamp): a day ahead is the most a device's clock can be.
    var until = new Date((now || new Date()).getTime() + DAY).toISOString();
    Object.keys(incoming.removed).forEach(function (id) {
      var time = when(incoming.removed[id]) < when(until) ? incoming.removed[id] : until;
      if (when(time) > when(record.removed[id])) record.removed[id] = time;
    });
    Object.keys(record.removed).sort(function (a, b) { return when(record.removed[b]) - when(record.removed[a]); })
      .slice(MAX_APPLICATIONS).forEach(function (id) { delete record.removed[id]; }); // the latest deletions are enough
    Object.keys(record.removed).forEach(function (id) {
      var app = record.applications[id];
      if (!app) return;
      if (lastChange(app) > when(record.removed[id])) delete record.removed[id]; // changed after it was deleted: it stays
      else {
        delete record.applications[id];
        if (record.chosen === id) record.chosen = "";
      }
    });
    // The incoming choice is taken only where it hides nothing: this browser's own ticks and
    // dates outside any application stay in view.
    if (!record.chosen && incoming.chosen && has(record.applications, incoming.chosen) && isEmptySlot(record.general)) {
      record.chosen = incoming.chosen;
    }
    return count;
  }

  /* merge, counted for the reader: {count: ticks added, applications: applications added}, or
   * null for a file that is not one of ours or holds too many applications. */
  function mergeCounted(record, value, revive) {
    var before = Object.keys(record.applications).length;
    var count = merge(record, value, undefined, revive);
    return count < 0 ? null : { count: count, applications: Object.keys(record.applications).length - before };
  }

  /* What changed from one record to another, as the reader sees it: {added, restored (added back
   * after a deletion here), changed, removed, archived: applications (as in `after`, or `before`
   * for removed), ticked, unticked: counts,
   * other: whether anything else changed (a detail, a date outside applications)}; `none`: nothing did. */
  function changes(before, after) {
    var result = { added: [], restored: [], changed: [], removed: [], archived: [], ticked: 0, unticked: 0, other: false };
    function ticksOf(from, to) {
      Object.keys(from.done).forEach(function (id) { if (!has(to.done, id)) result.unticked++; });
      Object.keys(to.done).forEach(function (id) { if (!has(from.done, id)) result.ticked++; });
    }
    unique(Object.keys(before.applications).concat(Object.keys(after.applications))).forEach(function (id) {
      var old = before.applications[id];
      var app = after.applications[id];
      if (!app) return result.removed.push(old);
      if (!old) return (has(before.removed || {}, id) ? result.restored : result.added).push(app);
      ticksOf(old, app);
      var changed = differences(old, app).filter(function (path) { return !/^done\./.test(path); });
      if (!old.archived && app.archived) result.archived.push(app);
      else if (changed.length) result.changed.push(app);
    });
    ticksOf(before.general, after.general);
    result.other = JSON.stringify([before.general.moments, before.details]) !== JSON.stringify([after.general.moments, after.details]);
    result.none = !result.other && !result.ticked && !result.unticked
      && !result.added.length && !result.restored.length && !result.changed.length && !result.removed.length
      && !result.archived.length;
    return result;
  }

  /* What loading `value` would change in `record` (changes), with `made`: when the copy was
   * made ("" if the file is older than that) and `deletedHere`: its applications deleted here, which
   * stay deleted unless merge is asked to revive them; or null for a value merge refuses (TOO_MANY). */
  function preview(record, value, now) {
    var copy = normalise(JSON.parse(JSON.stringify(record)));
    var count = merge(copy, value, now);
    if (count < 0) return count === TOO_MANY ? TOO_MANY : null;
    var result = changes(record, copy);
    result.made = isObject(value) && when(value.made) ? value.made : "";
    // What it holds that was deleted here, and stays deleted unless the reader brings it back.
    var incoming = normalise(value);
    result.deletedHere = Object.keys(incoming.applications).filter(function (id) {
      return has(record.removed, id) && !has(copy.applications, id);
    }).map(function (id) { return incoming.applications[id]; });
    return result;
  }

  /* The record as a file or a link holds it, with when it was made; an application without its
   * id (its key) and its empty fields, which reading it back (application) fills in: a shorter
   * link keeps its QR code for more applications. */
  function exported(record, siteId) {
    var applications = {};
    Object.keys(record.applications).forEach(function (id) {
      var app = record.applications[id];
      applications[id] = {};
      Object.keys(app).forEach(function (name) {
        var value = app[name];
        if (name !== "id" && value !== "" && value !== false && !(typeof value === "object" && !Object.keys(value).length)) applications[id][name] = value;
      });
    });
    return { format: FORMAT, version: VERSION, site: siteId, made: new Date().toISOString(), applications: applications,
      general: record.general, details: record.details, chosen: record.chosen, removed: record.removed };
  }

  // The ticks and dates in use: the chosen application's, or the general ones.
  function current(record) {
    return record.applications[record.chosen] || record.general;
  }

  /* The values a template starts from, for the fields named like an application's details:
   * the application's, the reader's own, then what was typed for every template ("*") and for
   * this template. `day` formats a date typed as "2026-03-06". With `guide` (and `now`), a field
   * that an answer fills (guide.answerDays: an offer's deadline, for the employer one prefers)
   * holds the day promised for that answer on another application, the soonest if several. */
  function prefill(record, templateId, day, guide, now) {
    var chosen = record.applications[record.chosen];
    var values = {};
    addMissing(values, record.details);
    if (!chosen) return values;
    var person = chosen.interviewers[0] || {};
    var known = { company: chosen.company, role: chosen.role, "interviewer-name": person.name,
      "interviewer-email": person.email };
    Object.keys(known).forEach(function (name) { if (known[name]) values[name] = known[name]; });
    Object.keys(chosen.moments).forEach(function (moment) { // a day given, for the field named like it ("answer-date")
      var name = moment === "interview" ? "interview-date" : moment; // (never one of the fields above, nor the reader's own)
      if (!has(known, name) && OWN_FIELDS.indexOf(name) < 0 && dates.dayOf(chosen.moments[moment])) values[name] = day(chosen.moments[moment]);
    });
    if (guide && !schedule(chosen, guide, now).answered) {
      Object.keys(guide.answerDays || {}).forEach(function (name) {
        var promised = promisedDay(record, chosen, guide.answerDays[name], guide, now);
        if (promised && !has(known, name) && OWN_FIELDS.indexOf(name) < 0) values[name] = day(dates.isoDay(promised));
      });
    }
    [chosen.overrides["*"], chosen.overrides[templateId]].forEach(function (typed) {
      Object.keys(typed || {}).forEach(function (name) { values[name] = typed[name]; });
    });
    return values;
  }

  // The soonest day promised for an answer `outcome` under way on an application other than
  // `chosen`, or null: only a day the reader gave.
  function promisedDay(record, chosen, outcome, guide, now) {
    return Object.keys(record.applications).reduce(function (soonest, id) {
      var app = record.applications[id];
      if (app === chosen || app.archived || answerOf(app, guide) !== outcome) return soonest; // (before its schedule)
      var plan = schedule(app, guide, now);
      var answer = plan.outcome === outcome && underWay(plan, guide, app, now);
      return answer && !answer.assumed && (!soonest || answer.until < soonest) ? answer.until : soonest;
    }, null);
  }

  /* For one message per interviewer: the interviewer after the one named `currentName` in the
   * application's list, or null (no application, the last one, or a name typed by hand). */
  function nextInterviewer(app, currentName) {
    var list = app ? app.interviewers : [];
    for (var i = 0; i < list.length - 1; i++) {
      if (list[i].name && list[i].name === currentName) return list[i + 1];
    }
    return null;
  }

  function startOfDay(date) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate());
  }

  /* `timed`: the date has a time the reader gave (a step counted in hours from a moment with
   * its time), so a "within" step is overdue from that time; otherwise only from the next day,
   * as the planner gives such a step a day, not a time. */
  function status(date, relation, now, timed) {
    var today = startOfDay(now).getTime();
    if (date.getTime() < today || (relation === "within" && timed && date < now)) return "overdue";
    return date.getTime() < today + DAY ? "today" : "upcoming";
  }

  // The day of a recorded answer ("2026-03-06"): the day the reader gave for the moment named
  // like it ("offer"), or else the day it was recorded; "" without an answer.
  function answerDay(app) {
    return app.outcome ? app.moments[app.outcome] || app.outcomeDay : "";
  }

  // An application's answer: the one recorded, or else the first answer named like a moment whose
  // date was given (an offer's, in the planner); undefined without one.
  function answerOf(app, guide) {
    return app.outcome || Object.keys(guide.outcomes).filter(function (id) { return dates.dayOf(app.moments[id]); })[0];
  }

  /* One application's steps (or a slot's, {moments, done}) as "What to do next", the planner
   * and the calendar files show them: {plan, answered, outcome (the answer's id, or ""), now, steps: [{entry, date, rule (its
   * timing rule, or null), timed, assumed (the assumed day it counts from, or null), status}]},
   * dated steps soonest first. `guide`: {rules, phases: {phase id: [entry ids]}, outcomes:
   * {id: [phase ids]}}. Once the answer is known (recorded, or else the date of a moment named
   * like an answer given, as an offer's in the planner), the waiting steps stop and the answer's
   * phases (its own, then those its 'then' names) give the next steps (answered: true), phase by
   * phase; a step a phase does not date is dated from the answer's day (answerDay), after the
   * phase's dated ones, "upcoming" (never "overdue": no timing gives it a deadline) until
   * ANSWER_STEPS_DAYS have gone, or, if it has a timing whose day the reader has not given (an
   * offer's answer), until it is ticked. status: "done" (ticked), "passed" (late, and a step
   * counted from another, later moment is due: its moment has gone, as a thank-you's once it is
   * time to follow up; or, after an answer, more than ANSWER_STEPS_DAYS late and not repeating;
   * it stays unticked), "overdue", "today" or "upcoming". */
  function schedule(app, guide, now) {
    var typed = app.moments;
    var outcome = answerOf(app, guide);
    var day = outcome ? typed[outcome] || app.outcomeDay : ""; // (answerDay)
    if (day && !typed[outcome]) { // an answer named like a moment dates it
      typed = JSON.parse(JSON.stringify(typed));
      typed[outcome] = day;
    }
    var plan = dates.planDates(guide.rules, dates.givenMoments(guide.rules, typed));
    var rules = {};
    guide.rules.steps.forEach(function (step) { rules[step.entry] = step; });
    var phases = outcome && guide.outcomes[outcome] || []; // the answer's phase, and any that follow it
    var answered = phases.length > 0 && (dates.dayOf(day, 12) || now);
    var steps = [];
    // Each phase's steps in turn (the answer's before those that follow it): its dated ones
    // soonest first, then the ones it does not date.
    (answered ? phases.map(function (id) { return guide.phases[id] || []; }) : [Object.keys(rules)]).forEach(function (entries) {
      var dated = [];
      var undated = [];
      entries.forEach(function (entry) {
        var rule = plan.dates[entry] ? rules[entry] : null;
        if (rule || answered) (rule ? dated : undated).push({ entry: entry, date: rule ? plan.dates[entry] : answered, rule: rule,
          timed: Boolean(rule && rule.unit === "hours" && typed[rule.of + "-time"]),
          assumed: rule && plan.assumed[rule.of] ? plan.moments[rule.of] : null });
      });
      dated.sort(function (a, b) { return a.date - b.date; });
      steps = steps.concat(dated, undated);
    });
    var dueBy = startOfDay(now).getTime() + DAY;
    steps.forEach(function (step) { // (a step settled by a date the reader gave is done: rule.settledBy)
      var settled = (rules[step.entry] || {}).settledBy;
      step.status = app.done[step.entry] || settled && typed[settled] ? "done"
        : step.rule ? status(step.date, step.rule.relation, now, step.timed)
        // No timing, no deadline: never late. A step waiting for a day the reader has not given
        // (an offer's answer) stays to do; any other goes once the answer is weeks old.
        : rules[step.entry] || now - step.date <= ANSWER_STEPS_DAYS * DAY ? "upcoming" : "passed";
    });
    var order = guide.rules.moments.map(function (moment) { return moment.id; });
    var accepted = answered && (guide.accepted || {})[outcome];
    var yes = accepted && app.done[accepted.by];
    var own = answered ? guide.phases[phases[0]] || [] : [];
    var turned = yes ? own.indexOf(accepted.by) : -1; // where the yes is in the answer's phase
    steps.forEach(function (step) {
      // (On the same day, the step counted from the moment that comes later in the guide is the later one.)
      if (step.status === "overdue" && step.rule && steps.some(function (later) {
        return later.rule && later.rule.of !== step.rule.of && later.date < dueBy && (later.date > step.date
          || later.date - step.date === 0 && order.indexOf(later.rule.of) > order.indexOf(step.rule.of));
      })) step.status = "passed";
      // After an answer, a step still undone weeks later has had its moment (a repeating one stays).
      if (answered && step.status === "overdue" && (step.rule || {}).relation !== "every"
        && now - step.date > ANSWER_STEPS_DAYS * DAY) step.status = "passed";
      // Once the reader said yes (guide.accepted), a step of the offer not done has had its moment if
      // it is dated, or if the phase lists it before the yes (negotiating "before you accept").
      if (step.status !== "done" && own.indexOf(step.entry) >= 0
        && (yes && step.rule || own.indexOf(step.entry) < turned)) step.status = "passed";
    });
    return { plan: plan, answered: Boolean(answered), outcome: answered ? outcome : "", now: now, steps: steps };
  }

  /* Whether a step of a schedule goes into a calendar file (calendar.js): one still to do and
   * ahead (today or later), or a repeating one not ticked. A ticked step, a passed one and a
   * date already gone are left out: an event in the past reminds no one. */
  function inCalendar(step) {
    var rule = step.rule || {};
    return Boolean(step.rule) && (step.status === "today" || step.status === "upcoming"
      || (step.status === "overdue" && rule.relation === "every"));
  }

  /* While an answer's own phase is under way: {until: the day its last timed step is dated
   * (the day promised for the answer), or null while that step waits for a day the reader has
   * not given; assumed: whether that day rests on a moment the reader did not give}. Null once
   * that step is ticked, or its day has gone, or ANSWER_STEPS_DAYS after an answer whose day
   * was never given. */
  function underWay(plan, guide, app, now) {
    if (!plan.answered) return null;
    var own = guide.phases[guide.outcomes[plan.outcome][0]] || [];
    var timed = {};
    guide.rules.steps.forEach(function (rule) { if (own.indexOf(rule.entry) >= 0) timed[rule.entry] = true; });
    var waiting = plan.steps.filter(function (step) { return timed[step.entry] && !step.rule && step.status !== "done"; });
    if (waiting.length) return waiting[0].status === "passed" ? null : { until: null, assumed: true };
    var last = plan.steps.filter(function (step) { return step.rule && own.indexOf(step.entry) >= 0; })
      .reduce(function (last, step) { return !last || step.date > last.date ? step : last; }, null);
    return last && !app.done[last.entry] && startOfDay(last.date) >= startOfDay(now)
      ? { until: last.date, assumed: Boolean(last.assumed) } : null;
  }

  /* What is due now: one row per open application, soonest first, {application, entry, date,
   * assumed, status, ahead (whether a calendar file of it holds a step), meanwhile}: its first
   * step neither done nor passed (schedule), or none with status "done" (every dated step ticked
   * or passed) or "none" (nothing dated yet). While an answer whose outcome names a step for the
   * others (guide.meanwhile: an offer's deadline told to the employer one prefers) is under way,
   * each application still waiting has that step as `meanwhile` ({entry, application: the one
   * with the answer, until, assumed}), beside its own next step, until the last day the answer's
   * own phase dates (the day the reader promised an answer), unless ticked for that application.
   * Once the reader said yes (yesFor), each other application not answered has the step that
   * yes asks of it (withdrawing), due the working day after, then status "closed" once it is ticked. A
   * step after an answer that no timing dates has no date: it is "upcoming", never "overdue". */
  function due(record, guide, now) {
    var asking = [];
    var given = yeses(record, guide, now);
    var rows = Object.keys(record.applications).map(function (id) {
      var app = record.applications[id];
      if (app.archived) return null;
      var yes = yesFor(app, given);
      var plan = schedule(app, guide, now);
      var steps = plan.steps;
      var next = steps.filter(function (step) { return step.status !== "done" && step.status !== "passed"; })[0];
      var row = next
        ? { application: app, entry: next.entry, date: next.rule ? next.date : null, assumed: next.assumed, status: next.status }
        : { application: app, entry: "", date: null, status: !steps.length ? "none" : plan.answered ? "answered" : "done" };
      row.ahead = steps.some(inCalendar);
      row.answered = plan.answered;
      var told = withdrawn(app, guide, plan, given);
      if (told || stopped(app, guide, plan, given)) { // a yes elsewhere: no more chasing this one
        row = told ? { application: app, entry: "", date: null, status: "closed" }
          : { application: app, entry: yes.entry, date: yes.date, assumed: null, status: status(yes.date, "within", now, false) };
        row.ahead = false;
        row.answered = true; // (nothing more asked of it either)
      }
      var ownYes = given.some(function (each) { return each.application === app; });
      var entry = !ownYes && plan.answered && (guide.meanwhile || {})[plan.outcome];
      var answer = entry && underWay(plan, guide, app, now);
      if (answer) asking.push({ entry: entry, application: app, until: answer.until, assumed: answer.assumed });
      return row;
    }).filter(Boolean);
    asking.sort(function (a, b) { return (a.until || Infinity) - (b.until || Infinity); }); // the soonest day first
    rows.forEach(function (row) {
      row.meanwhile = row.answered ? null : asking.filter(function (asked) { return !row.application.done[asked.entry]; })[0] || null;
    });
    return rows.sort(function (a, b) {
      if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0;
      return a.date - b.date;
    });
  }

  /* Whether the reader told this application they withdraw: the step a yes asks of the others
   * (guide.accepted's `others`) ticked for it, or once for all on an offer's own checklist (it
   * lists that step too) after this application was added (`given`: yeses). It stays so if the
   * yes is unticked. Only for an application with no answer of its own. */
  function withdrawn(app, guide, plan, given) {
    return !plan.answered && (Object.keys(guide.accepted || {}).some(function (outcome) { return app.done[guide.accepted[outcome].others]; })
      || Boolean(yesFor(app, given.told)));
  }

  // Whether a yes elsewhere (yesFor), or a withdrawal, stops this application's own steps.
  function stopped(app, guide, plan, given) {
    return withdrawn(app, guide, plan, given) || Boolean(yesFor(app, given) && !plan.answered);
  }

  /* Whether the planner, the checklist's dates and the calendar files leave the application's own
   * steps out, as "What to do next" does: the reader said yes elsewhere, or withdrew. `id`: its key. */
  function stoppedElsewhere(record, guide, id, now) {
    var app = record.applications[id];
    return Boolean(app) && stopped(app, guide, schedule(app, guide, now), yeses(record, guide, now));
  }

  /* The reader's yeses (guide.accepted: the step whose tick is a yes, as an offer accepted in
   * writing), archived or not, earliest first: {application, entry: the step it asks of the other
   * applications, at: when, date: the working day after}; and as `told`, {application, at} for
   * each offer on whose own checklist that step was ticked (the reader told every other). */
  function yeses(record, guide, now) {
    function when(tick) { // (a tick without its time: today)
      return typeof tick === "string" && !isNaN(new Date(tick)) ? new Date(tick) : now;
    }
    var offers = Object.keys(record.applications).map(function (id) {
      var app = record.applications[id];
      var accepted = (guide.accepted || {})[answerOf(app, guide)];
      return accepted && { application: app, accepted: accepted };
    }).filter(Boolean);
    var given = offers.filter(function (offer) { return offer.application.done[offer.accepted.by]; }).map(function (offer) {
      var at = when(offer.application.done[offer.accepted.by]);
      var date = dates.nextWorkingDay(new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1));
      return { application: offer.application, entry: offer.accepted.others, at: at, date: date };
    }).sort(function (a, b) { return a.at - b.at; });
    given.told = offers.filter(function (offer) { return offer.application.done[offer.accepted.others]; }).map(function (offer) {
      return { application: offer.application, at: when(offer.application.done[offer.accepted.others]) };
    });
    return given;
  }

  // The yes that stops `app`: the first given on another application after `app` was added
  // (an application added after a yes belongs to a later search), or null.
  function yesFor(app, given) {
    var added = app.created && new Date(app.created);
    return given.filter(function (yes) { return yes.application !== app && !(added && added > yes.at); })[0] || null;
  }

  function moveKeys(object, renamed) {
    Object.keys(renamed).forEach(function (former) {
      if (!Object.prototype.hasOwnProperty.call(object, former)) return;
      if (!object[renamed[former]]) object[renamed[former]] = object[former];
      delete object[former];
    });
  }

  /* Entries and templates the guide has renamed since the record was saved: ticks, calendar
   * events and typed details move to the new ids (what is saved under a new id wins).
   * renamed = {entries: {former: id}, templates: {former: id}}. Changes the record. */
  function rename(record, renamed) {
    var entries = renamed.entries || {};
    var templates = renamed.templates || {};
    [record.general].concat(Object.keys(record.applications).map(function (id) { return record.applications[id]; }))
      .forEach(function (slot) {
        moveKeys(slot.done, entries);
        if (slot.calendar) moveKeys(slot.calendar, entries);
        if (slot.overrides) moveKeys(slot.overrides, templates);
      });
    return record;
  }

  // Days from an ISO time to now; NaN when there is none.
  function ageInDays(iso, now) {
    return (now.getTime() - Date.parse(iso || "")) / DAY;
  }

  /* Whether to show the backup notice: storage is not known to last (persist() refused or
   * missing), some change has not been saved elsewhere for BACKUP_AFTER_DAYS, and the notice
   * was not dismissed in the last ASK_AGAIN_DAYS. `device`: the record's device part. */
  function backupDue(device, now) {
    if (!device || device.persisted === true) return false;
    if (!(ageInDays(device.unsaved, now) >= BACKUP_AFTER_DAYS)) return false;
    var dismissed = ageInDays(device.dismissed, now);
    return isNaN(dismissed) || dismissed >= ASK_AGAIN_DAYS;
  }

  // Whether to ask the browser for lasting storage now: never asked, or refused a while ago.
  function askPersist(device, now) {
    if (!device || device.persisted === true) return false;
    var asked = ageInDays(device.asked, now);
    return isNaN(asked) || asked >= ASK_AGAIN_DAYS;
  }

  core.VERSION = VERSION;
  core.rename = rename;
  core.fill = fill;
  core.parseJSON = parseJSON;
  core.emptyRecord = emptyRecord;
  core.isEmpty = isEmpty;
  core.normalise = normalise;
  core.application = application;
  core.addApplication = addApplication;
  core.newId = newId;
  core.migrate = migrate;
  core.merge = merge;
  core.TOO_MANY = TOO_MANY;
  core.mergeCounted = mergeCounted;
  core.stamp = stamp;
  core.changes = changes;
  core.preview = preview;
  core.exported = exported;
  core.current = current;
  core.prefill = prefill;
  core.stoppedElsewhere = stoppedElsewhere;
  core.OWN_FIELDS = OWN_FIELDS;
  core.nextInterviewer = nextInterviewer;
  core.due = due;
  core.schedule = schedule;
  core.inCalendar = inCalendar;
  core.answerDay = answerDay;
  core.backupDue = backupDue;
  core.askPersist = askPersist;
})(typeof module === "object" && module.exports ? module.exports : (window.followupGuideCore = window.followupGuideCore || {}));
