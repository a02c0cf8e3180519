/* Progress that travels: the device link and the passphrase-locked file,
 * and the job-search log as rows and as CSV. No DOM
 * (tested with Node, which has the same CompressionStream and Web Crypto as the browsers).
 *
 * A device link is the address of "My applications" with a fragment (the part after #,
 * which browsers never send to a server): "fg1." then the exported record (records.js),
 * as JSON compressed with "deflate" (its checksum finds a damaged link) and written in
 * base64url. "fg1k." instead: the compressed bytes are locked with a passphrase, as
 * salt (16 bytes) + nonce (12) + AES-GCM ciphertext, the key from PBKDF2-SHA-256.
 * A locked file is JSON: {format: LOCKED_FORMAT, version: 1, data: base64url of the same}.
 */
(function (core) {
  "use strict";

  var LINK = "fg1.";
  var LOCKED_LINK = "fg1k.";
  var LOCKED_FORMAT = "followup-guide-locked";
  var ITERATIONS = 600000; // PBKDF2-SHA-256, as OWASP's 2023 advice
  // The most JSON a link or a file may hold: a reader's record with a hundred applications and
  // their notes is a few hundred kilobytes, and a browser keeps about 5 MB for a site. A link
  // that inflates to more (a "zip bomb" can hold 600 MB in 800 KB) is refused as it inflates.
  var MAX_JSON = 2000000;

  var records = typeof module === "object" && module.exports ? require("./records.js") : core;
  var web = typeof globalThis !== "undefined" ? globalThis : window;

  function toBase64Url(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return web.btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // Throws on anything that is not base64url.
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("not base64url");
    var binary = web.atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function through(stream, bytes) {
    var blob = new web.Blob([bytes]);
    return new web.Response(blob.stream().pipeThrough(stream)).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  // Whether this browser can make and open links (and locked ones).
  function supported() {
    return typeof web.CompressionStream === "function" && typeof web.DecompressionStream === "function"
      && Boolean(web.crypto && web.crypto.subtle);
  }

  function keyFrom(passphrase, salt) {
    var subtle = web.crypto.subtle;
    return subtle.importKey("raw", new web.TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"])
      .then(function (material) {
        return subtle.deriveKey({ name: "PBKDF2", salt: salt, iterations: ITERATIONS, hash: "SHA-256" },
          material, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
      });
  }

  function lock(bytes, passphrase) {
    var salt = web.crypto.getRandomValues(new Uint8Array(16));
    var nonce = web.crypto.getRandomValues(new Uint8Array(12));
    return keyFrom(passphrase, salt).then(function (key) {
      return web.crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce }, key, bytes);
    }).then(function (sealed) {
      var result = new Uint8Array(28 + sealed.byteLength);
      result.set(salt, 0);
      result.set(nonce, 16);
      result.set(new Uint8Array(sealed), 28);
      return result;
    });
  }

  // Rejects with an error named "wrong-passphrase" when the passphrase does not open it.
  function unlock(bytes, passphrase) {
    if (bytes.length < 29) return Promise.reject(new Error("damaged"));
    return keyFrom(passphrase, bytes.subarray(0, 16)).then(function (key) {
      return web.crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.subarray(16, 28) }, key, bytes.subarray(28));
    }).then(function (plain) {
      return new Uint8Array(plain);
    }, function () {
      var error = new Error("wrong passphrase");
      error.name = "wrong-passphrase";
      throw error;
    });
  }

  // A value (the exported record) as bytes: JSON, compressed, locked when a passphrase is given.
  function pack(value, passphrase) {
    var json = new web.TextEncoder().encode(JSON.stringify(value));
    return through(new web.CompressionStream("deflate"), json).then(function (bytes) {
      return passphrase ? lock(bytes, passphrase) : bytes;
    });
  }

  // The error of what holds more than the guide keeps: named "too-big".
  function tooBig() {
    var error = new Error("too big");
    error.name = "too-big";
    return error;
  }

  // The bytes inflated, or a rejection (named "too-big") as soon as they pass MAX_JSON.
  function inflate(bytes) {
    var reader = new web.Blob([bytes]).stream().pipeThrough(new web.DecompressionStream("deflate")).getReader();
    var parts = [];
    var size = 0;
    function next() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          var whole = new Uint8Array(size);
          parts.reduce(function (at, part) { whole.set(part, at); return at + part.length; }, 0);
          return whole;
        }
        size += chunk.value.length;
        if (size > MAX_JSON) {
          reader.cancel().catch(function () {});
          throw tooBig();
        }
        parts.push(chunk.value);
        return next();
      });
    }
    return next();
  }

  /* The value back; rejects when the bytes are damaged, (named "wrong-passphrase") locked
   * otherwise, or (named "too-big") more than MAX_JSON. */
  function unpack(bytes, passphrase) {
    var opened = passphrase === undefined ? Promise.resolve(bytes) : unlock(bytes, passphrase);
    return opened.then(inflate).then(function (json) {
      return JSON.parse(new web.TextDecoder("utf-8", { fatal: true }).decode(json));
    });
  }

  // The fragment of a device link for a value: "fg1." or, locked, "fg1k." and the bytes.
  function linkFragment(value, passphrase) {
    return pack(value, passphrase).then(function (bytes) {
      return (passphrase ? LOCKED_LINK : LINK) + toBase64Url(bytes);
    });
  }

  /* What an address's fragment (location.hash) is: {kind: "none"} for anything else (such as a
   * heading's id), {kind: "link", locked, bytes}, or {kind: "damaged"} for one of ours that
   * cannot be a link. */
  function readFragment(hash) {
    var text = String(hash || "").replace(/^#/, "");
    var locked = text.indexOf(LOCKED_LINK) === 0;
    if (!locked && text.indexOf(LINK) !== 0) return { kind: "none" };
    try {
      var bytes = fromBase64Url(text.slice((locked ? LOCKED_LINK : LINK).length));
      return bytes.length ? { kind: "link", locked: locked, bytes: bytes } : { kind: "damaged" };
    } catch (error) {
      return { kind: "damaged" };
    }
  }

  function lockedFile(value, passphrase) {
    return pack(value, passphrase).then(function (bytes) {
      return { format: LOCKED_FORMAT, version: 1, data: toBase64Url(bytes) };
    });
  }

  // The bytes of a locked file, or null for any other value.
  function lockedBytes(value) {
    if (!value || value.format !== LOCKED_FORMAT || value.version !== 1 || typeof value.data !== "string") return null;
    try {
      return fromBase64Url(value.data);
    } catch (error) {
      return null;
    }
  }

  /* The job-search log: one item per application (archived ones too), in the order they were
   * added, with its steps done in the order they were done. `names`: {steps: {id: title},
   * outcomes: {id: label}}; the answer is dated as records.answerDay says (the offer's date
   * the reader gave, not the day it was saved); dates are "2026-03-06" (the day, in the reader's time zone). */
  function logRows(record, names, day) {
    var apps = Object.keys(record.applications).map(function (id) { return record.applications[id]; });
    apps.sort(function (a, b) { return a.created < b.created ? -1 : a.created > b.created ? 1 : 0; });
    return apps.map(function (app) {
      var people = app.interviewers.map(function (person) {
        return person.email ? (person.name ? person.name + " <" + person.email + ">" : person.email) : person.name;
      });
      if (app.contact) people.unshift(app.contact);
      var steps = Object.keys(app.done).map(function (id) {
        var when = typeof app.done[id] === "string" ? day(app.done[id]) : "";
        return { step: names.steps[id] || id, date: when };
      });
      steps.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
      return {
        company: app.company, role: app.role, contact: people.join("; "),
        applied: app.applied || "", interview: app.moments.interview || "", steps: steps,
        outcome: app.outcome ? names.outcomes[app.outcome] || app.outcome : "", outcomeDay: records.answerDay(app),
        note: app.note
      };
    });
  }

  /* A spreadsheet cell made harmless: a value a spreadsheet would run as a formula (starting
   * with = + - @, a tab or a carriage return) starts with an apostrophe instead. */
  function cell(value) {
    var text = value === undefined || value === null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // Rows (arrays of values) as CSV that LibreOffice and Excel open as UTF-8: a byte order
  // mark, RFC 4180 quoting, CRLF line ends.
  function csv(rows) {
    return "\uFEFF" + rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  /* The log as CSV rows: `headers` first, then for each application one row, and one row per
   * step done, with its date. Columns: company, role, contact, applied, interview, step, done
   * on, answer, answer on, note. */
  function logTable(items, headers) {
    var rows = [headers];
    items.forEach(function (item) {
      rows.push([item.company, item.role, item.contact, item.applied, item.interview, "", "", item.outcome, item.outcomeDay, item.note]);
      item.steps.forEach(function (step) {
        rows.push([item.company, item.role, "", "", "", step.step, step.date, "", "", ""]);
      });
    });
    return rows;
  }

  core.transfer = {
    ITERATIONS: ITERATIONS,
    MAX_JSON: MAX_JSON,
    tooBig: tooBig,
    supported: supported,
    toBase64Url: toBase64Url,
    fromBase64Url: fromBase64Url,
    pack: pack,
    unpack: unpack,
    linkFragment: linkFragment,
    readFragment: readFragment,
    lockedFile: lockedFile,
    lockedBytes: lockedBytes,
    logRows: logRows,
    logTable: logTable,
    csv: csv
  };
})(typeof module === "object" && module.exports ? module.exports : (window.followupGuideCore = window.followupGuideCore || {}));
