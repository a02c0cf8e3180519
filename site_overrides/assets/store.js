/* The reader's saved record in this browser: one localStorage key per guide,
 * followup-guide:data:v3:<site id>, holding every application with its ticks, dates and
 * details (core/records.js describes it).
 *
 * Nothing is written until the reader ticks, saves or imports something. The older keys
 * (checklist v1 and v2, plan v1, details v1) are moved into the record the first time a page
 * loads, and removed only once the record is written. Each change is made against what is
 * stored at that moment, so two open tabs never overwrite each other; the `storage` event
 * keeps them in sync. When the browser refuses storage, changes last for the visit and every
 * storage notice on the page is shown.
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var core = window.followupGuideCore;
  var KEY = guide.key("data", core.VERSION);
  var OLD = { checklist: guide.key("checklist", 2), checklistList: guide.key("checklist", 1),
    plan: guide.key("plan", 1), details: guide.key("details", 1) };
  var works = true;
  var memory = null; // the record, once storage has refused it
  var listeners = [];
  var renamed = core.parseJSON(guide.meta("renamed")); // ids the guide renamed: saved ticks follow them

  var cache = { raw: undefined, record: null };

  // The record as stored now. What read() returns is shared, to be read only: it is parsed
  // again only when the stored text changes. update() changes a copy of its own.
  function read() {
    if (memory) return memory;
    var stored = guide.storage.read(KEY);
    if (!stored.ok) works = false;
    if (stored.value !== cache.raw || !cache.record) {
      cache.raw = stored.value;
      cache.record = core.normalise(core.parseJSON(stored.value));
      if (renamed) core.rename(cache.record, renamed);
    }
    return cache.record;
  }

  function fresh() {
    return core.normalise(JSON.parse(JSON.stringify(read())));
  }

  function changed() {
    guide.all("[data-fg-storage-notice]").forEach(function (notice) { notice.hidden = works; });
    listeners.forEach(function (listener) { listener(); });
  }

  function write(record) {
    var text = JSON.stringify(record);
    if (memory || !guide.storage.write(KEY, text)) {
      works = false;
      memory = record;
    } else {
      cache = { raw: text, record: record };
    }
  }

  // Change the record as it is stored now; returns what change gave back.
  function update(change) {
    var record = fresh();
    var result = change(record);
    write(record);
    changed();
    return result;
  }

  function migrateOldKeys() {
    if (guide.storage.read(KEY).value !== null) return;
    var old = {};
    Object.keys(OLD).forEach(function (name) { old[name] = core.parseJSON(guide.storage.read(OLD[name]).value); });
    var record = core.migrate(old, new Date(), Math.random());
    if (record && guide.storage.write(KEY, JSON.stringify(record))) {
      Object.keys(OLD).forEach(function (name) { guide.storage.remove(OLD[name]); });
    }
  }

  migrateOldKeys();

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) changed();
  });

  guide.store = {
    key: KEY,
    read: read,
    fresh: fresh,
    update: update,
    refresh: function () { // read storage again and redraw every part of the page that shows it
      cache.record = null;
      changed();
    },
    works: function () { return works; },
    onChange: function (listener) { listeners.push(listener); }
  };
})();
