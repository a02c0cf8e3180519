/* Hack: Material for MkDocs' __md_get and __md_set take localStorage as a default
 * parameter, which is evaluated outside their try, so both throw when the reader blocks
 * site data. Wrapped, the theme falls back to its defaults (null) instead of breaking
 * the page. Material-specific; drop it with the theme. */
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
