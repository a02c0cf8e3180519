/* What the guide knows of how Material for MkDocs uses storage. Material-specific; drop it with
 * the theme.
 *
 * Hack: Material's __md_get and __md_set take localStorage as a default parameter, which is
 * evaluated outside their try, so both throw when the reader blocks site data. Wrapped, the
 * theme falls back to its defaults (null) instead of breaking the page.
 *
 * Hack: Material writes the colour scheme (<site path>.__palette) on every page load, before
 * the reader has chosen anything. It is written here only once the reader has used the
 * scheme's toggle in the header, or when it was already saved by an earlier choice, so
 * that nothing is saved before the reader acts (the privacy page says so).
 */
["__md_get", "__md_set"].forEach(function (name) {
  var original = window[name];
  if (typeof original !== "function") return;
  window[name] = function () {
    try {
      return original.apply(this, arguments);
    } catch (error) {
      return null;
    }
  };
});

(function () {
  var chose = false;
  ["click", "keydown"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      if (event.isTrusted && target && target.closest && target.closest("[data-md-component=palette]")) chose = true;
    }, true);
  });
  var set = window.__md_set;
  if (typeof set !== "function") return;
  window.__md_set = function (key) {
    if (key === "__palette" && !chose && window.__md_get("__palette") === null) return null;
    return set.apply(this, arguments);
  };
})();

// Whether a storage key is the theme's own for this site: its path, a dot and two underscores.
window.followupGuideThemeKey = function (key) {
  var scope = window.__md_scope;
  return Boolean(scope && scope.pathname) && key.indexOf(scope.pathname + ".__") === 0;
};
