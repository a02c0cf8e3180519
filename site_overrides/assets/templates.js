/* Message templates: fill in the blanks, see the message, copy, email or download it.
 *
 * What the reader types is only ever inserted as text (textContent, never HTML), and
 * stays in the browser. It is remembered for the next template only when the reader
 * ticks "Remember my details"; "Forget my details" removes it. Every text shown comes
 * from the page (data-fg-* attributes), not from here.
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var core = window.followupGuideCore;
  var all = guide.all;

  function inputs(widget) {
    return all("[data-fg-field]", widget);
  }

  // --- Date fields: the picked date written out in the guide's language ----------

  function dateInWords(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!parts) return value;
    return guide.formatDate(new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), 12), false);
  }

  function typedText(input) {
    var value = input.value.trim();
    return input.type === "date" ? dateInWords(value) : value;
  }

  function values(widget) {
    var typed = {};
    inputs(widget).forEach(function (input) {
      typed[input.getAttribute("data-fg-field")] = typedText(input) || input.getAttribute("data-fg-blank");
    });
    return typed;
  }

  // --- Blank fields: named before the reader copies, emails or downloads ----------

  function blankLabels(widget) {
    var used = widget.getAttribute("data-fg-uses").split(" ");
    return inputs(widget).filter(function (input) {
      return used.indexOf(input.getAttribute("data-fg-field")) >= 0 && !input.value.trim();
    }).map(function (input) {
      return widget.querySelector('label[for="' + input.id + '"]').textContent;
    });
  }

  function blankWarning(widget) {
    var warning = widget.querySelector("[data-fg-still-blank]");
    var blanks = blankLabels(widget);
    warning.textContent = blanks.length ? guide.fill(warning.getAttribute("data-fg-pattern"), { fields: blanks.join(", ") }) : "";
    warning.hidden = !blanks.length;
    return warning.textContent;
  }

  function typedValue(widget, attribute) {
    var field = widget.getAttribute(attribute);
    var input = field && widget.querySelector('[data-fg-field="' + field + '"]');
    return input ? input.value.trim() : "";
  }

  function message(widget) {
    var filled = values(widget);
    var subject = widget.querySelector("[data-fg-subject]");
    return {
      to: widget.getAttribute("data-fg-to-address") || typedValue(widget, "data-fg-to"), // the center's, or typed
      from: typedValue(widget, "data-fg-from"),
      subject: subject ? guide.fill(subject.getAttribute("data-fg-source"), filled) : null,
      body: guide.fill(widget.querySelector("[data-fg-body]").getAttribute("data-fg-source"), filled)
    };
  }

  // --- Addresses: one mailbox per field, never a second recipient --------------------

  var ADDRESS = /^[A-Za-z0-9.!#$%&'*+\/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

  // "name@example.org" or "Name <name@example.org>" as typed, or null for anything else
  // (two addresses, a comma, a line break...), so that a typed value can never add a recipient.
  function mailbox(text) {
    var parts = /^\s*(?:([^<>\u0000-\u001f\u007f]*?)\s*<([^<>]*)>|([^<>]*?))\s*$/.exec(text || "");
    var address = parts && (parts[2] !== undefined ? parts[2] : parts[3]).trim();
    if (!address || !ADDRESS.test(address)) return null;
    return { name: parts[1] ? parts[1].trim() : "", address: address };
  }

  // An RFC 5322 header value for a mailbox: the display name quoted, or encoded (RFC 2047)
  // when it is not plain ASCII.
  function mailboxHeader(box) {
    if (!box.name) return box.address;
    var name = /^[\x20-\x7e]*$/.test(box.name)
      ? '"' + box.name.replace(/(["\\])/g, "\\$1") + '"'
      : encodedWords(box.name);
    return name + " <" + box.address + ">";
  }

  function mailto(msg) {
    var to = mailbox(msg.to);
    return "mailto:" + (to ? encodeURIComponent(to.address).replace(/%40/g, "@") : "")
      + "?subject=" + encodeURIComponent(msg.subject)
      + "&body=" + encodeURIComponent(msg.body.replace(/\n/g, "\r\n"));
  }

  // Mail handlers on Windows, and Gmail as a handler, fail on links of about 2,000
  // characters: a longer link is replaced by a note to copy or download the draft.
  var MAILTO_LIMIT = 1900;

  function showMailto(widget, msg) {
    var link = widget.querySelector("[data-fg-mailto]");
    if (!link) return;
    var href = mailto(msg);
    var tooLong = href.length > MAILTO_LIMIT;
    link.href = tooLong ? "#" : href;
    link.hidden = tooLong;
    widget.querySelector("[data-fg-mailto-too-long]").hidden = !tooLong;
  }

  function render(widget) {
    var msg = message(widget);
    var subject = widget.querySelector("[data-fg-subject]");
    if (subject) subject.textContent = msg.subject;
    widget.querySelector("[data-fg-body]").textContent = msg.body;
    showMailto(widget, msg);
    blankWarning(widget);
  }

  function textFile(widget) {
    var msg = message(widget);
    var head = msg.subject === null ? "" : widget.getAttribute("data-fg-subject-label") + " " + msg.subject + "\n\n";
    return head + msg.body + "\n";
  }

  // --- .eml: an RFC 5322 message that mail programs open as a draft -----------------

  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  // RFC 2047 encoded words of at most 64 characters, split between characters, so that even
  // the first one, after "Subject: " or "From: ", keeps its line within 78 characters.
  function encodedWords(text) {
    if (/^[\x20-\x7e]*$/.test(text) && text.length <= 64) return text; // else encoded, to fold it
    var words = [];
    var chunk = "";
    Array.from(text).forEach(function (character) {
      if (new TextEncoder().encode(chunk + character).length > 39) {
        words.push(chunk);
        chunk = "";
      }
      chunk += character;
    });
    words.push(chunk);
    return words.map(function (word) { return "=?UTF-8?B?" + base64(word) + "?="; }).join("\r\n ");
  }

  function emlFile(widget) {
    var msg = message(widget);
    var headers = [];
    var from = mailbox(msg.from);
    var to = mailbox(msg.to);
    if (from) headers.push("From: " + mailboxHeader(from));
    if (to) headers.push("To: " + mailboxHeader(to));
    headers.push(
      "Subject: " + encodedWords(msg.subject),
      "Date: " + new Date().toUTCString().replace("GMT", "+0000"),
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "X-Unsent: 1"
    );
    var body = base64(msg.body.replace(/\n/g, "\r\n") + "\r\n").replace(/.{76}/g, "$&\r\n");
    return headers.join("\r\n") + "\r\n\r\n" + body + "\r\n";
  }

  // The status says what happened and, when fields are still blank, which ones.
  function say(widget, attribute, withBlanks, values) {
    var status = widget.querySelector("[data-fg-template-status]");
    var blanks = withBlanks ? blankWarning(widget) : "";
    status.removeAttribute("data-fg-showing");
    status.textContent = guide.fill(status.getAttribute(attribute), values || {}) + (blanks ? " " + blanks : "");
  }

  // The typed address fields that hold something other than one address are marked invalid and
  // described by the status, which names them; true when there is one.
  function checkAddresses(widget) {
    var status = widget.querySelector("[data-fg-template-status]");
    var wrong = [widget.getAttribute("data-fg-to"), widget.getAttribute("data-fg-from")].map(function (field) {
      var input = field && widget.querySelector('[data-fg-field="' + field + '"]');
      if (!input) return null;
      var typed = input.value.trim(), invalid = typed !== "" && !mailbox(typed);
      if (invalid) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", status.id);
        return input.labels[0].textContent.trim();
      }
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      return null;
    }).filter(Boolean);
    if (wrong.length) {
      say(widget, "data-fg-address-invalid", false, { field: wrong.join(", ") });
      status.setAttribute("data-fg-showing", "address-invalid");
    } else if (status.getAttribute("data-fg-showing")) { // corrected: the message is gone with the mistake
      status.removeAttribute("data-fg-showing");
      status.textContent = "";
    }
    return wrong.length > 0;
  }

  // What "Copy" puts on the clipboard: an email's body only (its subject has its own
  // button), the whole text of a letter, a note or a script.
  function copiedText(widget) {
    var msg = message(widget);
    return msg.subject === null ? textFile(widget) : msg.body;
  }

  // Where the Clipboard API is missing (an insecure page), copy from a selected text area.
  function copy(widget, text, attribute) {
    var copied = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text)
      : new Promise(function (resolve, reject) {
          var area = document.createElement("textarea");
          area.value = text;
          area.setAttribute("readonly", "");
          area.style.position = "fixed";
          area.style.opacity = "0";
          document.body.appendChild(area);
          area.select();
          var ok = document.execCommand("copy");
          area.remove();
          (ok ? resolve : reject)();
        });
    copied.then(function () { say(widget, attribute, true); }, function () { say(widget, "data-fg-copy-failed"); });
  }

  // --- Remembered details ----------------------------------------------------------
  // The reader's details are saved (store.js) only when they tick "Remember my details".

  function remembered() {
    var details = guide.store.read().details;
    return Object.keys(details).length ? details : null;
  }

  function remember(widget) {
    guide.store.update(function (record) {
      inputs(widget).forEach(function (input) { record.details[input.getAttribute("data-fg-field")] = input.value; });
    });
  }

  function forget(widget) {
    guide.store.update(function (record) { record.details = {}; });
    all("[data-fg-template][data-fg-ready]").forEach(function (each) {
      all("[data-fg-remember]", each).forEach(function (box) { box.checked = false; });
      inputs(each).forEach(function (input) { input.value = ""; });
      prefill(each);
      render(each);
    });
    say(widget, "data-fg-forgotten");
  }

  // --- Prefilled from the chosen application ----------------------------------------
  // Fields named like an application's details (company, role, interviewer-name, ...) start
  // from the chosen application, an offer's deadline from the application that has it; what the
  // reader types is kept for that template only.

  function formatDay(text) {
    if (typeof text !== "string") return text;
    var date = core.givenMoments({ moments: [{ id: "day" }] }, { day: text }).day;
    return date ? guide.formatDate(date, false) : text;
  }

  function prefill(widget) {
    var record = guide.store.read();
    // (the guide's data script, which every page loads: what is due on each application)
    var values = core.prefill(record, widget.getAttribute("data-fg-template"), String, window.followupGuideData || null, new Date());
    var switched = widget.fgChosen !== undefined && widget.fgChosen !== record.chosen;
    widget.fgChosen = record.chosen;
    inputs(widget).forEach(function (input) {
      var field = input.getAttribute("data-fg-field");
      var value = values[field];
      // Another application: nothing of the last one stays; the reader's own name and address do.
      if (switched && typeof value !== "string" && core.OWN_FIELDS.indexOf(field) < 0) value = "";
      if (input.type !== "date") value = formatDay(value); // a date picker takes the date as it is stored
      if (typeof value === "string" && (switched || input !== document.activeElement) && input.value !== value) input.value = value;
    });
  }

  function keepOverride(widget, input) {
    var record = guide.store.read();
    if (!record.applications[record.chosen]) return;
    guide.store.update(function (stored) {
      var app = stored.applications[stored.chosen];
      var typed = app.overrides[widget.getAttribute("data-fg-template")] = app.overrides[widget.getAttribute("data-fg-template")] || {};
      typed[input.getAttribute("data-fg-field")] = input.value;
    });
  }

  function refill() {
    all("[data-fg-template][data-fg-ready]").forEach(function (widget) {
      prefill(widget);
      render(widget);
    });
  }

  // --- One message per person: empty the fields that differ, keep the rest ------------

  // With an application chosen, the next of its interviewers is filled in; otherwise the fields
  // are left empty for the reader to fill.
  function nextPerson(widget, button) {
    var fields = button.getAttribute("data-fg-per-person").split(" ");
    var record = guide.store.read();
    var name = widget.querySelector('[data-fg-field="interviewer-name"]');
    var person = core.nextInterviewer(record.applications[record.chosen], name ? name.value.trim() : "") || {};
    var known = { "interviewer-name": person.name, "interviewer-email": person.email };
    inputs(widget).forEach(function (input) {
      if (fields.indexOf(input.getAttribute("data-fg-field")) < 0) return;
      input.value = known[input.getAttribute("data-fg-field")] || "";
      keepOverride(widget, input); // the chosen application's first interviewer does not come back
    });
    render(widget);
    if (widget.querySelector("[data-fg-remember]:checked")) remember(widget);
    say(widget, person.name ? "data-fg-next-person-filled" : "data-fg-next-person", false, { name: person.name });
    var first = widget.querySelector('[data-fg-field="' + fields[0] + '"]');
    if (first) first.focus();
  }

  var actions = {
    copy: function (widget) { copy(widget, copiedText(widget), "data-fg-copied"); },
    "copy-subject": function (widget) { copy(widget, message(widget).subject, "data-fg-subject-copied"); },
    text: function (widget, button) {
      guide.download(button.getAttribute("data-fg-filename"), textFile(widget), "text/plain;charset=utf-8");
      say(widget, "data-fg-downloaded", true);
    },
    email: function (widget, button) {
      guide.download(button.getAttribute("data-fg-filename"), emlFile(widget), "message/rfc822");
      if (!checkAddresses(widget)) say(widget, "data-fg-downloaded", true);
    },
    "next-person": nextPerson,
    forget: forget
  };

  // A widget is set up once, when complete (the parser may insert it before its children):
  // its form and buttons shown, filled in from the chosen application or remembered details.
  function setUp(widget) {
    if (widget.hasAttribute("data-fg-ready") || !widget.isConnected) return;
    widget.setAttribute("data-fg-ready", "");
    if (nearby) nearby.unobserve(widget);
    all("[data-fg-template-form], [data-fg-template-actions]", widget).forEach(function (part) { part.hidden = false; });
    if (remembered()) all("[data-fg-remember]", widget).forEach(function (box) { box.checked = true; });
    prefill(widget);
    render(widget);
  }

  // A page of twenty templates is a long one, and a hidden form costs the browser nothing to
  // style or lay out. So only the widgets on the first screen (or on the screen the address
  // points to, and all above it) are set up as the parser inserts them, before the first
  // paint; each other one when it comes within a screen of the view, or once the page has
  // loaded, one at a time in page order while the browser has nothing else to do, so that the
  // keyboard and the browser's "Find" reach every form.
  var nearby = window.IntersectionObserver && new IntersectionObserver(function (seen) {
    seen.forEach(function (each) { if (each.isIntersecting) setUp(each.target); });
  }, { rootMargin: "100% 0px" });
  var spare = window.requestIdleCallback || function (next) { setTimeout(next, 50); };
  var waiting = [], queued = false, below = null;

  function setUpNext() {
    while (waiting.length && waiting[0].hasAttribute("data-fg-ready")) waiting.shift();
    queued = waiting.length > 0;
    if (queued) {
      setUp(waiting.shift());
      spare(setUpNext);
    }
  }

  function later(widget) {
    waiting.push(widget);
    nearby.observe(widget);
    if (queued) return;
    queued = true;
    if (document.readyState === "complete") spare(setUpNext);
    else window.addEventListener("load", function () { spare(setUpNext); }, { once: true });
  }

  // More than a screen below the top of the page, or below the element the address points
  // to once the parser has inserted it. Every widget after the first one there is too.
  function belowFirstScreen(widget) {
    if (below && below.isConnected) return true;
    var target = null;
    if (location.hash.length > 1) {
      try {
        target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      } catch (error) { /* not an id: as if it were not on the page */ }
      if (!target) return false; // not inserted yet (this widget is above it), or not on this page
    }
    var top = widget.getBoundingClientRect().top - (target ? target.getBoundingClientRect().top : 0);
    if (top > window.innerHeight) below = widget;
    return below === widget;
  }

  function show() {
    all("[data-fg-template]").forEach(function (widget) {
      if (widget.fgSeen || !widget.querySelector("[data-fg-template-status]")) return;
      widget.fgSeen = true;
      if (nearby && belowFirstScreen(widget)) later(widget);
      else setUp(widget);
    });
  }

  guide.on("input", "[data-fg-field]", function (input) {
    var widget = input.closest("[data-fg-template]");
    if (!widget) return;
    render(widget);
    keepOverride(widget, input);
    if (widget.querySelector("[data-fg-remember]:checked")) remember(widget);
  });

  // One choice for the whole page: every "Remember my details" box follows the last one used.
  guide.on("change", "[data-fg-remember]", function (box) {
    all("[data-fg-remember]").forEach(function (each) { each.checked = box.checked; });
    if (box.checked) remember(box.closest("[data-fg-template]"));
    else guide.store.update(function (record) { record.details = {}; });
  });

  // Opening the mail program goes ahead; the status names any blank fields first.
  guide.on("click", "[data-fg-mailto]", function (link) {
    var widget = link.closest("[data-fg-template]");
    if (!checkAddresses(widget)) say(widget, "data-fg-opening", true);
  });

  // An address field left with something that is not one address.
  guide.on("change", "[data-fg-field]", function (input) {
    var widget = input.closest("[data-fg-template]"), field = input.getAttribute("data-fg-field");
    if (field === widget.getAttribute("data-fg-to") || field === widget.getAttribute("data-fg-from")) checkAddresses(widget);
  });

  guide.on("click", "[data-fg-template-action]", function (button) {
    var action = actions[button.getAttribute("data-fg-template-action")];
    if (action) action(button.closest("[data-fg-template]"), button);
  });

  guide.store.onChange(refill);
  guide.whenInserted("[data-fg-template-status]", show); // the last element of a widget
})();
