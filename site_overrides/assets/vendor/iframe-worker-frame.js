/* Runs inside the frame that iframe-worker-shim.js uses as a search worker for a copy of the
 * guide opened from files: what the shim's inline script did (iframe-worker 1.0.4, MIT License,
 * Copyright (c) 2020-2022 Martin Donath), as a file the Content-Security-Policy allows. */
"use strict";
window.postMessage = function (data, origin) { parent.postMessage(data, origin || "*"); };
window.importScripts = function () {
  return Array.prototype.reduce.call(arguments, function (loaded, url) {
    return loaded.then(function () {
      return new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        document.body.appendChild(script);
      });
    });
  }, Promise.resolve());
};
addEventListener("error", function (event) {
  parent.dispatchEvent(new ErrorEvent("error", { filename: window.name, error: event.error }));
});
/* The theme's search worker finds its own address as the frame's first script with a source, to
 * load the stemmers of a language other than English: this script steps out of its way. */
document.currentScript.remove();
