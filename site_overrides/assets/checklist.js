/* The checklist: which steps a reader has ticked, kept in this browser only (store.js), for
 * the chosen application or, when the reader has none, for the guide as a whole.
 *
 * Saved boxes are ticked as they are inserted, before the first paint, on a full load
 * and after instant navigation alike (guide-base.js). Listeners are delegated from the
 * document and registered once, so no page adds its own. Entry ids are the keys, so
 * rewording or reordering the guide keeps the ticks, and ids no longer in the guide are
 * kept. Every text the reader sees is in the page (data-fg-* attributes), not here.
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var core = window.followupGuideCore;
  var all = guide.all;

  // The guide's timing rules and steps (its data script, loaded before this one), on the pages
  // that use them (marked data-fg-guide).
  guide.data = function () {
    return (document.querySelector("[data-fg-guide]") && window.followupGuideData) || null;
  };

  // An application's moments and the dates of its steps still in play (core.schedule: after
  // an answer, not the waiting ones; none after a yes elsewhere), beside the checklist and on the timeline.
  guide.planOf = function (app, data) {
    var now = new Date();
    var schedule = core.schedule(app, data, now);
    var dates = {};
    if (!core.stoppedElsewhere(guide.store.read(), data, app.id, now)) {
      schedule.steps.forEach(function (step) { if (step.rule) dates[step.entry] = step.date; });
    }
    return { moments: schedule.plan.moments, dates: dates };
  };

  function tick(id, checked) {
    guide.store.update(function (record) {
      var done = core.current(record).done;
      if (checked) done[id] = new Date().toISOString();
      else delete done[id];
    });
  }

  // The reader's own dates beside the timed steps, for the chosen application.
  function showDates(record) {
    var data = guide.data();
    var chosen = record.applications[record.chosen];
    var plan = chosen && data ? guide.planOf(chosen, data) : { dates: {} };
    all("[data-fg-item-date]").forEach(function (output) {
      var date = plan.dates[output.getAttribute("data-fg-item-date")];
      output.textContent = date ? guide.fill(output.getAttribute("data-fg-pattern"), { date: guide.formatDate(date, false) }) : "";
      output.hidden = !date;
    });
    document.documentElement.classList.toggle("fg-one-application", Boolean(chosen));
    all("[data-fg-print-application]").forEach(function (output) {
      output.textContent = chosen ? guide.applicationName(chosen) : "";
      output.hidden = !chosen;
    });
  }

  // Bring the page in line with the stored ticks.
  function show() {
    var boxes = all("[data-fg-item]");
    if (!boxes.length) return;
    var record = guide.store.read();
    var done = core.current(record).done;
    boxes.forEach(function (box) { box.checked = Boolean(done[box.getAttribute("data-fg-item")]); });
    all("[data-fg-progress]").forEach(function (output) {
      var scope = output.closest("[data-fg-scope]") || document;
      var ids = {};
      all("[data-fg-item]", scope).forEach(function (box) { ids[box.getAttribute("data-fg-item")] = true; });
      var total = Object.keys(ids).length;
      var count = Object.keys(ids).filter(function (id) { return done[id]; }).length;
      var text = guide.fill(output.getAttribute("data-fg-pattern"), { done: count, total: total });
      if (output.textContent !== text) output.textContent = text; // unchanged text is not announced again
      output.hidden = false;
    });
    all("[data-fg-controls]").forEach(function (controls) { controls.hidden = false; });
    showDates(record);
  }

  // The file of everything; locked when a passphrase is typed beside the device link (travel.js).
  function exportAll(button) {
    var value = core.exported(guide.store.read(), guide.siteId);
    var passphrase = guide.passphrase();
    var locked = passphrase && guide.travel().then(function () { return core.transfer.lockedFile(value, passphrase); });
    (locked || Promise.resolve(value)).then(function (file) {
      var name = guide.fill(button.getAttribute("data-fg-filename"), { date: core.isoDay(new Date()) });
      guide.download(name, JSON.stringify(file, null, 2) + "\n", "application/json");
      guide.backedUp();
    });
  }

  // A file, as a link: nothing changes before the reader has seen what it would change and said
  // yes (travel.js). A locked file asks for its passphrase first.
  function importAll(input) {
    var file = input.files && input.files[0];
    var message = document.querySelector("[data-fg-import-message]");
    var value;
    if (!file) return;
    guide.travel().then(function () {
      if (file.size > core.transfer.MAX_JSON) throw core.transfer.tooBig(); // not even read
      return file.text();
    }).then(function (text) {
      value = guide.parseJSON(text);
      var locked = core.transfer.lockedBytes(value);
      if (locked) {
        message.textContent = "";
        return guide.receiveLocked(locked);
      }
      var tried = core.merge(guide.store.fresh(), value); // on a copy: nothing changes yet
      if (tried === core.TOO_MANY) throw core.transfer.tooBig();
      if (tried < 0) throw new Error("not a progress file");
      message.textContent = "";
      guide.receiveFile(value); // the question a link asks: when it was made, what it changes here (travel.js)
    }).catch(function (error) {
      message.textContent = message.getAttribute(error.name === "too-big" ? "data-fg-too-big" : "data-fg-failed");
    }).then(function () {
      input.value = ""; // the same file may be chosen again
    });
  }

  var actions = {
    print: function () { window.print(); },
    export: exportAll,
    import: function () { document.querySelector("[data-fg-import-file]").click(); },
    reset: function (button) {
      if (!window.confirm(button.getAttribute("data-fg-confirm"))) return;
      guide.store.update(function (record) { core.current(record).done = {}; });
    }
  };

  guide.on("change", "[data-fg-item]", function (box) { tick(box.getAttribute("data-fg-item"), box.checked); });
  guide.on("change", "[data-fg-import-file]", importAll);
  guide.on("click", "[data-fg-action]", function (button) {
    var action = actions[button.getAttribute("data-fg-action")];
    if (action) action(button);
  });

  guide.store.onChange(show);
  guide.whenInserted("[data-fg-item], [data-fg-progress], [data-fg-controls]", show);
})();
