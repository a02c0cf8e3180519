/* What the guide's scripts share: the site id and storage keys, storage that never throws,
 * DOM queries, delegated event handlers, downloads, and running code as soon as elements are
 * inserted. The pure parts (dates, calendar files, the saved record) are in core/.
 *
 * Loaded from <head> before the other scripts. Code given to whenInserted runs when
 * matching elements are inserted, before the browser paints them: on a full page load
 * and when the theme swaps pages in without a reload (instant navigation) alike.
 */
window.followupGuide = (function () {
  "use strict";

  var core = window.followupGuideCore;
  function meta(name) {
    var element = document.querySelector('meta[name="followup-guide:' + name + '"]');
    return element ? element.content : "";
  }
  var siteId = meta("site-id") || "followup-guide";

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

  // The storage key of a kind of saved data, for this guide: followup-guide:<name>:v<n>:<site id>.
  function key(name, version) {
    return "followup-guide:" + name + ":v" + version + ":" + siteId;
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // One listener per event type for the whole document; handlers are found by selector.
  var handlers = {};
  function on(type, selector, handler) {
    if (!handlers[type]) {
      handlers[type] = [];
      document.addEventListener(type, function (event) {
        var target = event.target;
        if (!target || !target.closest) return;
        handlers[type].forEach(function (each) {
          var element = target.closest(each.selector);
          if (element) each.handler(element, event);
        });
      });
    }
    handlers[type].push({ selector: selector, handler: handler });
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

  // The address of a page of the guide ("phases/afterwards", "#id") from any page.
  // Made absolute once, on the page the script started on: instant navigation keeps <head>.
  var root = new URL((meta("root") || ".") + "/", location.href).href;
  var pageEnd = meta("urls") === "files" ? ".html" : "/";
  function pageUrl(path, anchor) {
    return root + path + pageEnd + (anchor ? "#" + anchor : "");
  }

  // The address of one of the guide's files in assets/, such as "vendor/qrcode.js".
  function assetUrl(path) {
    return root + "assets/" + path;
  }

  // Runs one of the guide's scripts in assets/ once; resolves when it has run.
  var loaded = {};
  function loadScript(path) {
    if (!loaded[path]) {
      loaded[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = assetUrl(path);
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loaded[path];
  }

  // Dates in the guide's language, as "Friday, March 6, 2026" (the date labels of guide.yml), and
  // with the day first ("Friday 6 March 2026") for a reader whose region writes it so: worked out
  // when the first date is written, not as every page starts (most write none).
  var dateWords = null;
  function formatDate(date, style) {
    if (!dateWords) {
      dateWords = core.parseJSON(meta("dates"));
      if (dateWords && dateWords.longDayFirst && core.writesDayFirst(navigator.language)) {
        dateWords.long = dateWords.longDayFirst;
        dateWords.short = dateWords.shortDayFirst || dateWords.short;
      }
    }
    return core.inWords(date, style, dateWords);
  }

  // The parser inserts the page an element at a time: each is tested once against every
  // watcher's selector together, and only one that matches is tested against each.
  var watchers = [], anyWatched = "";
  function added(records, selector) {
    return records.filter(function (node) {
      return node.matches(selector) || node.querySelector(selector);
    });
  }
  new MutationObserver(function (records) {
    var elements = [];
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.nodeType === 1) elements.push(node);
      });
    });
    var watched = anyWatched ? added(elements, anyWatched) : [];
    if (watched.length) watchers.forEach(function (watcher) {
      if (added(watched, watcher.selector).length) watcher.callback();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  function whenInserted(selector, callback) {
    watchers.push({ selector: selector, callback: callback });
    anyWatched = watchers.map(function (watcher) { return watcher.selector; }).join(", ");
    document.addEventListener("DOMContentLoaded", callback);
  }

  // Hack: Material's menu and search buttons are labels of its hidden checkboxes (#__drawer,
  // #__search), which the keyboard cannot reach: each becomes a button as it is inserted (without
  // scripts the label still opens the menu); partials/palette.html makes the colours' buttons. A
  // button presses its input; then the open menu or search field, or the colour button shown next,
  // takes the focus. Escape gives the menu's focus back to its button, and the search's to its
  // button when the theme leaves it nowhere.
  whenInserted('label.md-header__button[for^="__"] > svg', function () {
    all('label.md-header__button[for^="__"]').forEach(function (label) {
      var button = document.createElement("button");
      button.type = "button";
      Array.prototype.forEach.call(label.attributes, function (each) { button.setAttribute(each.name, each.value); });
      button.setAttribute("data-fg-input", label.htmlFor);
      button.append.apply(button, label.childNodes);
      label.replaceWith(button);
    });
    syncDrawer();
  });
  // Hack: in the menu on a phone, an open section's title (its back arrow) is a label of the
  // section's checkbox, which the keyboard cannot reach; it becomes a Tab stop as the theme's own
  // section items are (focusable labels, which the theme presses on Enter). Closing it gives the
  // focus back to the section's item, where the reader opened it.
  whenInserted('label.md-nav__title[for^="__nav_"]', function () {
    all('label.md-nav__title[for^="__nav_"]:not([tabindex])').forEach(function (label) { label.tabIndex = 0; });
  });
  document.addEventListener("keydown", function (event) {
    var title = event.target.closest && event.target.closest('label.md-nav__title[for^="__nav_"]');
    if (!title || (event.key !== "Enter" && event.key !== " ")) return;
    if (event.key === " ") {
      event.preventDefault(); // not a scroll of the menu
      title.click();
    }
    setTimeout(function () {
      var item = document.getElementById(title.htmlFor + "_label");
      if (item) item.focus();
    });
  });
  function drawerButton() {
    return document.querySelector('button[data-fg-input="__drawer"]');
  }
  function syncDrawer() {
    var drawer = document.getElementById("__drawer"), button = drawerButton();
    if (drawer && button) button.setAttribute("aria-expanded", String(drawer.checked));
  }
  on("click", "button[data-fg-input]", function (button) {
    document.getElementById(button.getAttribute("data-fg-input")).click();
    var form = button.closest("form");
    var next = form ? form.querySelector("button:not([hidden])") : document.querySelector(
      "#__drawer:checked ~ .md-container .md-sidebar--primary a[href], #__search:checked ~ .md-header .md-search__input");
    if (next) next.focus();
  });
  // The language switch (partials/alternate.html): its button shows and hides the list; Escape,
  // or the focus or a tap elsewhere, closes it.
  function languages(open) {
    all(".fg-language-switch button").forEach(function (button) { button.setAttribute("aria-expanded", String(open)); });
  }
  whenInserted(".fg-language-switch button", function () { languages(false); });
  on("click", ".fg-language-switch button", function (button) {
    languages(button.getAttribute("aria-expanded") !== "true");
  });
  ["focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (!event.target.closest || !event.target.closest(".fg-language-switch")) languages(false);
    });
  });
  // The open menu closes once the focus leaves it (Tab past its end): it would cover where the focus went.
  document.addEventListener("focusin", function (event) {
    var drawer = document.getElementById("__drawer");
    if (drawer && drawer.checked && event.target.closest && !event.target.closest(".md-sidebar--primary")
      && event.target !== drawerButton()) drawer.click();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.closest && event.target.closest("[data-md-component=palette]")) {
      event.stopPropagation(); // the theme's own Enter would switch a second time
    } else if (event.key === "Escape") {
      var open = document.querySelector('.fg-language-switch [aria-expanded="true"]');
      if (open) {
        languages(false);
        open.focus();
      }
      if (drawerButton() && document.getElementById("__drawer").checked) {
        drawerButton().click();
        drawerButton().focus();
      }
      var searching = document.getElementById("__search");
      if (searching && searching.checked) { // only when Escape closes the search: back to its button
        setTimeout(function () {
          var search = document.querySelector('button[data-fg-input="__search"]');
          if (document.activeElement === document.body && search && search.offsetWidth) search.focus();
        });
      }
    }
  }, true);
  document.addEventListener("change", syncDrawer);

  // On paper: the guide's address where the build did not know it, and the day it is printed
  // (a tab can stay open for weeks, so not the day the page was opened).
  window.addEventListener("beforeprint", function () {
    all("[data-fg-address]").forEach(function (address) {
      if (!address.textContent) address.textContent = location.href.split("#")[0];
    });
    all("[data-fg-printed-on]").forEach(function (line) {
      line.lastChild.textContent = core.fill(line.getAttribute("data-fg-pattern"), { date: formatDate(new Date(), false) });
      line.hidden = false;
    });
  });

  return {
    siteId: siteId,
    meta: meta,
    storage: storage,
    key: key,
    all: all,
    on: on,
    fill: core.fill,
    parseJSON: core.parseJSON,
    download: download,
    pageUrl: pageUrl,
    loadScript: loadScript,
    themeKey: window.followupGuideThemeKey || function () { return false; },
    formatDate: formatDate,
    whenInserted: whenInserted
  };
})();
