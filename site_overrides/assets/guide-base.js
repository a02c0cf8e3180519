/* What the guide's scripts share: the site id, storage that never throws, filling
 * {placeholders}, and running code as soon as elements are inserted.
 *
 * Loaded from <head> before the other scripts. Code given to whenInserted runs when
 * matching elements are inserted, before the browser paints them: on a full page load
 * and when the theme swaps pages in without a reload (instant navigation) alike.
 */
window.followupGuide = (function () {
  "use strict";

  var siteMeta = document.querySelector('meta[name="followup-guide:site-id"]');

  function localStore() {
    try {
      return window.localStorage; // throws when the reader blocks site data
    } catch (error) {
      return null;
    }
  }

  // Each call reports whether the browser let it happen; none throws.
  var storage = {
    read: function (key) {
      try {
        return { ok: true, value: localStore().getItem(key) };
      } catch (error) {
        return { ok: false, value: null };
      }
    },
    write: function (key, value) {
      try {
        localStore().setItem(key, value);
        return true;
      } catch (error) {
        return false; // blocked, or the quota is full
      }
    },
    remove: function (key) {
      try {
        localStore().removeItem(key);
        return true;
      } catch (error) {
        return false;
      }
    }
  };

  function fill(template, values) {
    return template.replace(/\{([^{}\s]*)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  function parseJSON(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }

  // Offer text as a file to save: the export, the .txt, .eml and .ics downloads.
  function download(name, content, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  var watchers = [];
  new MutationObserver(function (records) {
    watchers.forEach(function (watcher) {
      var inserted = records.some(function (record) {
        return Array.prototype.some.call(record.addedNodes, function (node) {
          return node.nodeType === 1 && (node.matches(watcher.selector) || node.querySelector(watcher.selector));
        });
      });
      if (inserted) watcher.callback();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  function whenInserted(selector, callback) {
    watchers.push({ selector: selector, callback: callback });
    document.addEventListener("DOMContentLoaded", callback);
  }

  return {
    siteId: siteMeta ? siteMeta.content : "followup-guide",
    storage: storage,
    fill: fill,
    parseJSON: parseJSON,
    download: download,
    whenInserted: whenInserted
  };
})();
