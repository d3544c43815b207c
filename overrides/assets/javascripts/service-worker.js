/*
 * Soigner les soignants — the site's service worker: the help pages, offline.
 *
 * This file is a template: after each build, soignants/pipeline/service_worker.py writes it at the
 * site's root (`service-worker.js`, whose scope is the whole site, under a sub-path too) with its
 * settings below, and removes this copy from the built site. The settings are the build's version
 * (a hash of the files kept), the files to keep (the help pages, the printable card, the page
 * « Sans connexion » and what they need: style sheets, scripts, icon) and the page to show
 * offline. Registered by hors-ligne.js (an external file: the pages' Content-Security-Policy).
 *
 * What it does, and all it does:
 * - on install, it keeps those files (the same for every reader) in the browser's Cache Storage,
 *   under a name of its own scope and version; on activation, it deletes the older versions;
 * - a page asked for goes to the network first, always, checked with the host even if the browser
 *   holds a copy: online, the reader gets the page as it is now, never a kept copy (a changed
 *   number is never served stale); only when the network
 *   fails, the kept copy of a help page, or, for any other page, « Sans connexion » (in the
 *   reader's edition), which lists the help numbers;
 * - the same for the kept files (network first, the kept copy offline);
 * - nothing else: what the reader reads or searches is never kept by it (the browser's own HTTP
 *   cache does what it always does), no request is made but to the site itself, nothing is sent.
 * - Kill switch: a build with `extra.hors_ligne: false` (mkdocs.yml, or HORS_LIGNE=false) writes
 *   this file with `off`: it deletes what it kept, unregisters itself and lets the pages load
 *   from the network; the pages stop registering it (docs/a-propos/confidentialite.md).
 */
"use strict";

var SETTINGS = /*ss:reglages*/{"off": true}/*ss:fin*/;
var PREFIX = "soignants-hors-ligne:" + self.registration.scope + ":";
var CACHE = PREFIX + (SETTINGS.version || "");

function inScope(url) {
  return url.href.indexOf(self.registration.scope) === 0;
}

function under(url) {  // a URL as a path under the site's root ("aide/carte/")
  return url.href.slice(self.registration.scope.length).split(/[?#]/)[0];
}

function dropOwnCaches(keep) {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== keep;
    }).map(function (name) { return caches.delete(name); }));
  });
}

if (SETTINGS.off) {
  // The kill switch: nothing kept, nothing answered, and gone.
  self.addEventListener("install", function () { self.skipWaiting(); });
  self.addEventListener("activate", function (event) {
    event.waitUntil(dropOwnCaches(null).then(function () {
      return self.registration.unregister();
    }));
  });
} else {
  var KEPT = new Set(SETTINGS.precache);

  self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      // From the site itself, not from an older copy in the HTTP cache.
      return cache.addAll(SETTINGS.precache.map(function (path) {
        return new Request(new URL(path, self.registration.scope).href, { cache: "reload" });
      }));
    }).then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(dropOwnCaches(CACHE).then(function () { return self.clients.claim(); }));
  });

  var kept = function (request) {
    return caches.open(CACHE).then(function (cache) { return cache.match(request, { ignoreSearch: true }); });
  };

  var offlinePage = function (url) {
    var path = under(url);
    var edition = Object.keys(SETTINGS.offline).filter(function (lang) {
      return lang !== "default" && path.indexOf(SETTINGS.editions[lang]) === 0;
    })[0] || "default";
    return Response.redirect(new URL(SETTINGS.offline[edition], self.registration.scope).href, 302);
  };

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") return;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin || !inScope(url)) return;
    if (request.mode === "navigate") {
      // Asked of the site each time (`no-cache`: a copy in the HTTP cache is checked with the host
      // first, cheaply): a page a host serves without cache headers would otherwise be reused, old.
      var fresh = new Request(request.url, { cache: "no-cache", credentials: "same-origin", redirect: "manual" });
      event.respondWith(fetch(fresh).catch(function () {
        return kept(request).then(function (hit) { return hit || offlinePage(url); });
      }));
    } else if (KEPT.has(under(url))) {
      event.respondWith(fetch(request).catch(function () {
        return kept(request).then(function (hit) { return hit || Response.error(); });
      }));
    }
    // Anything else (the search's files, the other pages' files): the browser's own handling.
  });
}
