/* The reader's saved record in this browser: one localStorage key per guide,
 * followup-guide:data:v3:<site id>, holding every application with its ticks, dates and
 * details (core/records.js describes it).
 *
 * Nothing is written until the reader ticks, saves or imports something, and a record left with
 * nothing of the reader's (every tick cleared, every application deleted) is removed, not
 * stored empty. The first save asks the browser to keep the storage (navigator.storage.persist):
 * when it asked is written with that save, and a yes once it comes (a no changes nothing stored:
 * fewer writes, and none that another tab could cross). The first change not yet saved to a
 * file or a link is recorded too (for the backup notice, travel.js). The older keys
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
  var asking = false; // a persist() request is under way
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

  // Tell the page; a change of `device` only is told only to those who show it (onDeviceChange),
  // so that no list is redrawn under the reader's keyboard focus.
  function changed(deviceOnly) {
    guide.all("[data-fg-storage-notice]").forEach(function (notice) { notice.hidden = works; });
    listeners.forEach(function (listener) { if (!deviceOnly || listener.device) listener(); });
  }

  // Whether the record was written; `whole`: if storage works but the record does not fit, nothing
  // changes (rather than the page keeping it until the reader leaves).
  function write(record, whole) {
    var text = core.isEmpty(record) ? null : JSON.stringify(record);
    if (text === null && !memory) {
      guide.storage.remove(KEY);
      cache = { raw: null, record: core.normalise(null) };
    } else if (memory || !guide.storage.write(KEY, text)) {
      if (whole && !memory) return false;
      works = false;
      memory = record;
    } else {
      cache = { raw: text, record: record };
    }
    return true;
  }

  // Change the record as it is stored now; returns what change gave back. A change of the
  // reader's (not only of `device`) is stamped (core.stamp: what changed, and when, so that the
  // newer change wins when two devices meet), and remembered as not yet saved elsewhere unless
  // it changed nothing. `whole` (an import, or undoing one): merge has set the stamps; the change
  // is made only if it can be stored, and null is returned if not.
  function update(change, deviceOnly, whole) {
    var record = fresh();
    var before = deviceOnly ? null : fresh();
    var result = change(record);
    var now = new Date();
    if (!deviceOnly && !whole) core.stamp(before, record, now);
    if (!deviceOnly && !record.device.unsaved && !core.changes(before, record).none) record.device.unsaved = now.toISOString();
    var ask = !deviceOnly && works && !asking && !core.isEmpty(record) && core.askPersist(record.device, now);
    if (ask) record.device.asked = now.toISOString();
    if (!write(record, whole)) return null;
    changed(deviceOnly);
    if (ask && works) askToPersist();
    return result;
  }

  // Ask the browser (once, and again a week after a refusal: core.askPersist) to keep this
  // site's storage; a yes is recorded.
  function askToPersist() {
    asking = true;
    var storage = navigator.storage;
    var asked = storage && typeof storage.persist === "function" ? storage.persist() : Promise.resolve(false);
    Promise.resolve(asked).catch(function () { return false; }).then(function (granted) {
      asking = false;
      if (granted === true) update(function (stored) { stored.device.persisted = true; }, true);
    });
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
    add: function (change) { return update(change, false, true); }, // an import: all of it, or nothing
    // Back to a record kept before an import (its device part stays as it is now).
    restore: function (kept) {
      return update(function (record) {
        Object.keys(kept).forEach(function (name) { if (name !== "device") record[name] = kept[name]; });
        return true;
      }, false, true);
    },
    refresh: function () { // read storage again and redraw every part of the page that shows it
      cache.record = null;
      changed();
    },
    works: function () { return works; },
    onChange: function (listener) { listeners.push(listener); },
    onDeviceChange: function (listener) {
      listener.device = true;
      listeners.push(listener);
    }
  };
})();
