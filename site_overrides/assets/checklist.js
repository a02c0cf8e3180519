/* The checklist: which steps a reader has ticked, kept in this browser only.
 *
 * Saved boxes are ticked as they are inserted, before the first paint, on a full load
 * and after instant navigation alike (guide-base.js). Listeners are delegated from the
 * document and registered once, so no page adds its own.
 *
 * Storage: one localStorage key per guide, named by the site id from the page's
 * <meta name="followup-guide:site-id">, holding {"version": 2, "done": {id: time}}.
 * Entry ids are the keys, so rewording or reordering the guide keeps the ticks, and
 * ids no longer in the guide are kept. Nothing is written until the reader acts.
 * Every text the reader sees is in the page (data-fg-* attributes), not here.
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var VERSION = 2;
  var EXPORT_FORMAT = "followup-guide-progress";
  var siteId = guide.siteId;
  var KEY = "followup-guide:checklist:v" + VERSION + ":" + siteId;

  // Older formats, each read into the current shape. Version 1 was a plain list of ids.
  var LEGACY = [
    {
      key: "followup-guide:checklist:v1:" + siteId,
      read: function (value) {
        if (!Array.isArray(value)) return null;
        var done = {};
        value.forEach(function (id) { if (typeof id === "string") done[id] = true; });
        return done;
      }
    }
  ];

  var storageWorks = true; // false once the browser refuses to read or write
  var memory = {};         // the ticks, when storage cannot keep them

  // The ticked ids of a stored value; anything unreadable counts as nothing ticked.
  function doneOf(value) {
    var done = {};
    if (value && typeof value === "object" && value.done && typeof value.done === "object"
        && !Array.isArray(value.done)) {
      Object.keys(value.done).forEach(function (id) {
        if (value.done[id]) done[id] = value.done[id];
      });
    }
    return done;
  }

  function read() {
    if (!storageWorks) return memory;
    var stored = guide.storage.read(KEY);
    if (stored.ok && stored.value !== null) return doneOf(guide.parseJSON(stored.value));
    for (var i = 0; stored.ok && i < LEGACY.length; i++) {
      var old = guide.storage.read(LEGACY[i].key).value;
      var done = old === null ? null : LEGACY[i].read(guide.parseJSON(old));
      if (done) return done;
    }
    storageWorks = stored.ok;
    return stored.ok ? {} : memory;
  }

  function write(done) {
    memory = done;
    // Once the browser refuses (blocked, or the quota is full), keep the ticks for this visit.
    storageWorks = storageWorks && guide.storage.write(KEY, JSON.stringify({ version: VERSION, done: done }));
  }

  // Change one id against what is stored now, so another tab's ticks are not overwritten.
  function tick(id, checked) {
    var done = read();
    if (checked) done[id] = new Date().toISOString();
    else delete done[id];
    write(done);
    show();
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // Bring the page in line with the stored ticks.
  function show() {
    var boxes = all("[data-fg-item]");
    if (!boxes.length) return;
    var done = read();
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
    all("[data-fg-address]").forEach(function (address) {
      if (!address.textContent) address.textContent = location.href.split("#")[0];
    });
    all("[data-fg-storage-notice]").forEach(function (notice) { notice.hidden = storageWorks; });
  }

  function exportProgress(button) {
    var body = JSON.stringify({ format: EXPORT_FORMAT, version: VERSION, site: siteId, done: read() }, null, 2);
    guide.download(button.getAttribute("data-fg-filename"), body + "\n", "application/json");
  }

  // Ticks from the file are added to those already here: importing never unticks.
  function importProgress(input) {
    var file = input.files && input.files[0];
    var message = document.querySelector("[data-fg-import-message]");
    if (!file) return;
    file.text().then(function (text) {
      var value = guide.parseJSON(text);
      if (!value || value.format !== EXPORT_FORMAT || typeof value.done !== "object" || value.done === null) {
        throw new Error("not a progress file");
      }
      var done = read();
      var imported = doneOf(value);
      Object.keys(imported).forEach(function (id) { if (!done[id]) done[id] = imported[id]; });
      write(done);
      show();
      message.textContent = guide.fill(message.getAttribute("data-fg-done"), { count: Object.keys(imported).length });
    }).catch(function () {
      message.textContent = message.getAttribute("data-fg-failed");
    }).then(function () {
      input.value = ""; // the same file may be chosen again
    });
  }

  var actions = {
    print: function () { window.print(); },
    export: exportProgress,
    import: function () { document.querySelector("[data-fg-import-file]").click(); },
    reset: function (button) {
      if (!window.confirm(button.getAttribute("data-fg-confirm"))) return;
      write({});
      show();
    }
  };

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("[data-fg-item]")) tick(target.getAttribute("data-fg-item"), target.checked);
    else if (target.matches("[data-fg-import-file]")) importProgress(target);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fg-action]");
    if (button && actions[button.getAttribute("data-fg-action")]) {
      actions[button.getAttribute("data-fg-action")](button);
    }
  });

  // Another tab changed the ticks.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) show();
  });

  guide.whenInserted("[data-fg-item], [data-fg-progress], [data-fg-controls]", show);
})();
