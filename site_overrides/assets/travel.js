/* Progress that travels: the device link (with its QR code and an optional passphrase),
 * opening such a link or a locked file, the job-search log and its spreadsheet, and the
 * privacy page's button that removes everything.
 *
 * A bundle of its own with core/transfer.js (followup-guide-travel.min.js), which backup.js
 * loads on the pages that show these (guide.travel()). The QR code library
 * (assets/vendor/qrcode.js) is loaded only when a link short enough to scan is made. Every
 * text is in the page.
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var core = window.followupGuideCore;
  var transfer = core.transfer;
  var all = guide.all;
  // Characters: at most a version 25 code (117 modules) at level L, which holds 1,273 bytes. Five
  // applications with a few changes and a passphrase take about 1,000; at the figure's width each
  // module is still about 3 px, which a phone camera reads off a screen.
  var QR_MAX = 1270;

  function find(root, name) {
    return root.querySelector("[data-fg-" + name + "]");
  }

  function say(output, name, values) {
    output.textContent = guide.fill(output.getAttribute("data-fg-" + name) || "", values || {});
  }

  // --- The device link -------------------------------------------------------------------

  var made = ""; // the link last made

  function showLinkTools() {
    all("[data-fg-link]").forEach(function (section) {
      var unsupported = find(section, "link-unsupported");
      if (!unsupported) return;
      unsupported.hidden = transfer.supported();
      find(section, "link-make").hidden = !transfer.supported();
    });
  }

  function qrLibrary() {
    return guide.loadScript("vendor/qrcode.js").then(function () { return window.qrcode; });
  }

  // The code as an SVG path of its dark modules, with the quiet zone of four modules around it.
  function drawCode(figure, text) {
    return qrLibrary().then(function (qrcode) {
      var code = qrcode(0, "L");
      code.addData(text, "Byte");
      code.make();
      var size = code.getModuleCount();
      var d = "";
      for (var row = 0; row < size; row++) {
        for (var column = 0; column < size; column++) if (code.isDark(row, column)) d += "M" + (column + 4) + " " + (row + 4) + "h1v1h-1z";
      }
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      var box = find(figure, "qr-code");
      svg.setAttribute("viewBox", "0 0 " + (size + 8) + " " + (size + 8));
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", box.getAttribute("data-fg-name"));
      svg.setAttribute("shape-rendering", "crispEdges");
      var path = document.createElementNS(ns, "path");
      path.setAttribute("d", d);
      svg.appendChild(path);
      box.textContent = "";
      box.appendChild(svg);
      figure.hidden = false;
    });
  }

  function makeLink(button) {
    var section = button.closest("[data-fg-link]");
    var value = core.exported(guide.store.read(), guide.siteId);
    button.disabled = true;
    transfer.linkFragment(value, guide.passphrase()).then(function (fragment) {
      made = guide.pageUrl("applications", fragment);
      var text = find(section, "link-text");
      text.value = made;
      find(section, "link-result").hidden = false;
      find(section, "link-share").hidden = typeof navigator.share !== "function";
      find(section, "link-message").textContent = "";
      var figure = find(section, "link-qr");
      var short = made.length <= QR_MAX;
      figure.hidden = true;
      find(section, "link-too-long").hidden = short;
      text.focus();
      if (short) return drawCode(figure, made);
    }).catch(function () {
      find(section, "link-too-long").hidden = false; // no code could be drawn: the text says to use the file
    }).then(function () {
      button.disabled = false;
    });
  }

  guide.on("click", "[data-fg-link-make]", makeLink);
  guide.on("click", "[data-fg-link-copy]", function (button) {
    var section = button.closest("[data-fg-link]");
    var message = find(section, "link-message");
    var copied = navigator.clipboard ? navigator.clipboard.writeText(made) : Promise.reject(new Error("no clipboard"));
    copied.then(function () {
      say(message, "copied");
      guide.backedUp();
    }, function () {
      say(message, "failed");
      find(section, "link-text").select();
    });
  });
  guide.on("click", "[data-fg-link-share]", function () {
    navigator.share({ url: made }).then(guide.backedUp, function () {}); // closing the share sheet is no error
  });

  // --- Opening a link or a locked file ---------------------------------------------------

  var pending = null; // what waits for the reader's answer: {value} or, locked, {bytes, link}
  var kept = null; // the record as it was before the last load, for Undo (this page only)
  var loaded = ""; // the reader's data right after that load: Undo is offered only while it is so

  function readersData(record) {
    return JSON.stringify([record.applications, record.general, record.details, record.removed, record.chosen]);
  }

  function receiver() {
    var panel = document.querySelector("[data-fg-receive]");
    return panel && find(panel, "receive-message") ? panel : null; // its last part parsed: the whole panel is there
  }

  // The outcome, in place of the question: focus moves to it, as the button that had it is hidden.
  function answer(panel, name, values) {
    var message = find(panel, "receive-message");
    var focused = panel.contains(document.activeElement);
    find(panel, "receive-ask").hidden = true;
    find(panel, "receive-locked").hidden = true;
    find(panel, "receive-result").hidden = true;
    say(message, name, values);
    pending = null;
    if (focused) {
      message.tabIndex = -1;
      message.focus();
    }
  }

  function present(panel) {
    panel.hidden = false;
    var heading = panel.querySelector("h2");
    heading.tabIndex = -1;
    heading.focus();
  }

  /* What a load changes (core.changes), as the panel's list: the applications it adds, changes,
   * archives or deletes, by name, and the ticks it adds or removes; the same list asks and reports. */
  function showChanges(panel, list, changes) {
    list.textContent = "";
    function item(name, values) {
      var line = document.createElement("li");
      line.textContent = guide.fill(panel.getAttribute("data-fg-" + name), values);
      list.appendChild(line);
    }
    ["added", "restored", "changed", "archived", "removed"].forEach(function (name) {
      if (changes[name].length) item(name, { names: changes[name].map(guide.applicationName).join("; ") });
    });
    ["ticked", "unticked"].forEach(function (name) { if (changes[name]) item(name, { count: changes[name] }); });
    if (changes.other) item("other", {});
  }

  // What a link or a file holds: when it was made, what it would change here, and the question;
  // a foreign one changes nothing, and one that would change nothing says so.
  function offer(panel, value, link) {
    var foreign = link && (!value || value.site !== guide.siteId);
    var changes = foreign ? null : core.preview(guide.store.read(), value, new Date()); // on a copy: nothing changes yet
    present(panel);
    if (changes === core.TOO_MANY) return answer(panel, "too-big");
    if (!changes) return answer(panel, link ? "failed" : "file-failed");
    var deleted = changes.deletedHere;
    if (changes.none && !deleted.length) return answer(panel, "nothing");
    pending = { value: value, revive: deleted.map(function (app) { return app.id; }) };
    var summary = find(panel, "receive-summary");
    summary.textContent = (changes.made ? guide.fill(summary.getAttribute("data-fg-made"), { date: guide.formatDate(new Date(changes.made), true) }) + " " : "")
      + (changes.none ? "" : summary.getAttribute("data-fg-pattern"));
    showChanges(panel, find(find(panel, "receive-ask"), "receive-list"), changes);
    // Applications it holds that were deleted here: they stay deleted, unless the reader ticks this.
    var revive = find(panel, "receive-revive-line");
    revive.hidden = !deleted.length;
    revive.querySelector("input").checked = false;
    var label = revive.querySelector("label");
    label.textContent = guide.fill(label.getAttribute("data-fg-pattern"), { names: deleted.map(guide.applicationName).join("; ") });
    find(panel, "receive-locked").hidden = true;
    find(panel, "receive-result").hidden = true;
    find(panel, "receive-ask").hidden = false;
    find(panel, "receive-message").textContent = "";
  }

  // An unlocked file chosen with "Load progress from a file" (checklist.js): the same question as a link.
  guide.receiveFile = function (value) {
    var panel = receiver();
    if (panel) offer(panel, value, false);
  };

  function askPassphrase(panel, bytes, link) {
    pending = { bytes: bytes, link: link };
    find(panel, "receive-ask").hidden = true;
    find(panel, "receive-locked").hidden = false;
    find(panel, "receive-message").textContent = "";
    present(panel);
  }

  // A locked file chosen with "Load progress from a file" (checklist.js).
  guide.receiveLocked = function (bytes) {
    var panel = receiver();
    if (panel) askPassphrase(panel, bytes, false);
  };

  // The device link in the address: read once, then taken out of the address bar and history.
  function readLink() {
    var panel = receiver();
    if (!panel) return;
    var found = transfer.readFragment(location.hash);
    if (found.kind === "none") return;
    history.replaceState(history.state, "", location.href.split("#")[0]);
    present(panel);
    if (found.kind !== "link" || !transfer.supported()) return answer(panel, "failed");
    if (found.locked) return askPassphrase(panel, found.bytes, true);
    transfer.unpack(found.bytes).then(function (value) {
      offer(panel, value, true);
    }).catch(function (error) { // (offer's own failure too: a link no version of the guide wrote)
      answer(panel, error.name === "too-big" ? "too-big" : "failed");
    });
  }

  guide.on("submit", "[data-fg-receive-locked]", function (form, event) {
    event.preventDefault();
    var panel = form.closest("[data-fg-receive]");
    var waiting = pending;
    var input = find(form, "receive-passphrase");
    if (!waiting || !waiting.bytes) return;
    transfer.unpack(waiting.bytes, input.value).then(function (value) {
      input.value = "";
      offer(panel, value, waiting.link);
    }).catch(function (error) {
      if (error.name === "wrong-passphrase") { // or a damaged link or file: AES-GCM cannot tell them apart, nor can the text
        say(find(panel, "receive-message"), "wrong");
        input.select();
      } else {
        answer(panel, error.name === "too-big" ? "too-big" : waiting.link ? "failed" : "file-failed");
      }
    });
  });
  guide.on("click", "[data-fg-receive-merge]", function (button) {
    var panel = button.closest("[data-fg-receive]");
    if (!pending || !pending.value) return;
    var value = pending.value;
    var revive = find(panel, "receive-revive").checked ? pending.revive : [];
    var before = guide.store.fresh();
    if (!guide.store.add(function (record) { return core.mergeCounted(record, value, revive); })) return answer(panel, "too-big");
    var made = core.changes(before, guide.store.read());
    if (made.none) return answer(panel, "nothing"); // (only deleted applications, left deleted)
    kept = before;
    loaded = readersData(guide.store.read());
    answer(panel, "done");
    showChanges(panel, find(find(panel, "receive-result"), "receive-list"), made);
    find(panel, "receive-result").hidden = false;
    panel.querySelector("[data-fg-receive-undo]").hidden = false;
  });
  guide.on("click", "[data-fg-receive-undo]", function (button) {
    var panel = button.closest("[data-fg-receive]");
    if (kept && guide.store.restore(kept)) {
      kept = null;
      answer(panel, "undone");
    }
  });
  guide.on("click", "[data-fg-receive-cancel]", function (button) {
    answer(button.closest("[data-fg-receive]"), "cancelled");
  });

  // --- The job-search log ----------------------------------------------------------------

  function localDay(iso) {
    var date = new Date(iso);
    return isNaN(date) ? "" : core.isoDay(date);
  }

  function readable(day) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || "");
    return parts ? guide.formatDate(new Date(+parts[1], parts[2] - 1, +parts[3]), false) : "";
  }

  function logItems(log) {
    var data = guide.data() || { steps: {} };
    var names = { steps: {}, outcomes: guide.parseJSON(log.getAttribute("data-fg-outcomes")) || {} };
    Object.keys(data.steps).forEach(function (id) { names.steps[id] = data.steps[id].title; });
    return transfer.logRows(guide.store.read(), names, localDay);
  }

  // Each cell carries its column's name, which a phone shows before the value (guide.css).
  function cellOf(row, content, column) {
    var cell = document.createElement("td");
    cell.setAttribute("data-label", column.textContent);
    if (typeof content === "string") cell.textContent = content;
    else if (content.childNodes.length) cell.appendChild(content); // (no empty list: an empty cell shows no heading)
    row.appendChild(cell);
  }

  function showLog() {
    var log = document.querySelector("[data-fg-log]");
    var rows = log && find(log, "log-rows");
    if (!rows) return;
    var items = logItems(log);
    var stepOn = log.getAttribute("data-fg-step-on");
    var columns = log.querySelectorAll("th");
    rows.textContent = "";
    items.forEach(function (item) {
      var row = document.createElement("tr");
      var steps = document.createElement("ul");
      item.steps.forEach(function (step) {
        var line = document.createElement("li");
        line.textContent = step.date ? guide.fill(stepOn, { step: step.step, date: readable(step.date) }) : step.step;
        steps.appendChild(line);
      });
      [item.company, item.role, item.contact, readable(item.applied), readable(item.interview), steps,
        item.outcome + (item.outcomeDay ? " (" + readable(item.outcomeDay) + ")" : "")].forEach(function (content, i) { cellOf(row, content, columns[i]); });
      rows.appendChild(row);
    });
    find(log, "log-table").hidden = !items.length;
    find(log, "log-empty").hidden = items.length > 0;
    find(log, "log-csv").hidden = !items.length;
    log.hidden = false;
  }

  guide.on("click", "[data-fg-log-csv]", function (button) {
    var log = button.closest("[data-fg-log]");
    var table = transfer.logTable(logItems(log), guide.parseJSON(button.getAttribute("data-fg-columns")));
    guide.download(button.getAttribute("data-fg-filename"), transfer.csv(table), "text/csv;charset=utf-8");
  });

  // --- Removing everything (the privacy page) --------------------------------------------

  // Every key of this guide (followup-guide:...:<site id>) and of its theme, in both storages.
  function forgetEverything() {
    var suffix = ":" + guide.siteId;
    [window.localStorage, window.sessionStorage].forEach(function (storage) {
      var keys = [];
      for (var i = 0; i < storage.length; i++) keys.push(storage.key(i));
      keys.forEach(function (key) {
        var ours = key.indexOf("followup-guide:") === 0 && key.slice(-suffix.length) === suffix;
        if (ours || guide.themeKey(key)) storage.removeItem(key);
      });
    });
  }

  guide.on("click", "[data-fg-forget-all]", function (button) {
    if (!window.confirm(button.getAttribute("data-fg-confirm"))) return;
    var message = find(button.closest("[data-fg-forget]"), "forget-message");
    try {
      forgetEverything();
    } catch (error) {
      // storage is blocked: there is nothing this browser kept
    }
    guide.store.refresh();
    say(message, "done");
  });

  function show() {
    // Once anything else has changed, Undo would take that back too: it is no longer offered.
    if (kept && readersData(guide.store.read()) !== loaded) {
      kept = null;
      all("[data-fg-receive-undo]").forEach(function (button) { button.hidden = true; });
    }
    showLinkTools();
    showLog();
    all("[data-fg-forget]").forEach(function (block) { block.hidden = false; });
    readLink();
  }

  guide.store.onChange(show);
  window.addEventListener("hashchange", readLink); // a link opened in a tab already showing the page
  guide.whenInserted("[data-fg-link], [data-fg-receive-message], [data-fg-log-rows], [data-fg-forget]", show);
  show(); // this script arrives after the page it was loaded for
})();
