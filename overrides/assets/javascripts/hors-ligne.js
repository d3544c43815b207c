/* Soigner les soignants — the help pages offline: registers the site's own service worker
 * (service-worker.js at the site's root, written by soignants/pipeline/service_worker.py), once
 * the page has loaded, so that it takes nothing from the page's own loading. The worker keeps the
 * help pages, the printable card and the page « Sans connexion » (the same files for everyone) and
 * never anything the reader reads or searches. An external file: the pages' Content-Security-
 * Policy runs no inline script of ours, and allows workers of the site only (worker-src 'self').
 * `updateViaCache: "none"`: the browser asks the site for the worker at each visit, so that a new
 * build (a new version of the worker) replaces the old one at once.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !("serviceWorker" in navigator)) return;
  var worker = new URL(me.getAttribute("data-ss-worker"), location.href).href;
  // After the page's own loading, never before.
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker, { updateViaCache: "none" }).catch(function (error) {
      console.warn("hors-ligne : lecture hors connexion indisponible", error);
    });
  });
})();
