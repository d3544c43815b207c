// Loaded in <head>, before Material's bundle (overrides/main.html, block libs): hold the search
// (its rules file, its engine, Material's worker) until the reader opens the search, and keep the colour scheme out
// of localStorage until the reader chooses one. (An external file: the pages' Content-Security-
// Policy runs no inline script of ours.)
(function () {
  // Material asks for the index with XMLHttpRequest (for its progress bar): hold the send.
  var nativeOpen = XMLHttpRequest.prototype.open, nativeSend = XMLHttpRequest.prototype.send;
  var opened = false, released = false, waiting = [];
  // The site's search (search-soignants.js, next to this file) is fetched on opening too; the
  // index request goes out once it is there, so that it answers Material's first message.
  var engineUrl = new URL("search-soignants.js", document.currentScript.src).href;
  var release = function () {
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  };
  var open = function () {
    if (opened) return;
    opened = true;
    var script = document.createElement("script");
    script.src = engineUrl;
    script.onload = release;
    script.onerror = release;  // Material's own worker then answers (chargement différé kept)
    document.head.appendChild(script);
  };
  XMLHttpRequest.prototype.open = function (method, url) {
    this.ssIsIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    return nativeOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (released || !request.ssIsIndex) return nativeSend.apply(request, args);
    waiting.push(function () { nativeSend.apply(request, args); });
  };
  // Material writes the colour scheme to localStorage on every page view, chosen or not: a
  // trace of this site on the reader's device. Let it write only once the reader chooses.
  var chosen = false, setItem = Storage.prototype.setItem;
  document.addEventListener("change", function (event) {
    if (event.target.name === "__palette") chosen = true;
  }, true);
  Storage.prototype.setItem = function (key) {
    if (!chosen && /__palette$/.test(String(key))) return;
    return setItem.apply(this, arguments);
  };
  // Material also starts its search worker (a script of its own) on every page. Start it
  // on the first message it is sent instead: Material sends the index, once loaded. The site's
  // own engine (search-soignants.js: Pagefind, in the page) takes the worker's place; Material's
  // worker runs only if that script is missing.
  var NativeWorker = window.Worker;
  if (NativeWorker) {
    var LazyWorker = function (url, options) {
      if (!/\/workers\/search\.[^/]*\.js(\?|$)/.test(String(url))) {
        return new NativeWorker(url, options);
      }
      this.ssArgs = [url, options];
      this.ssListeners = [];
      this.ssWorker = null;
    };
    LazyWorker.prototype.ssStart = function () {
      if (!this.ssWorker) {
        var Engine = window.SoignantsSearchEngine;
        var worker = this.ssWorker = Engine ? new Engine() : new NativeWorker(this.ssArgs[0], this.ssArgs[1]);
        this.ssListeners.forEach(function (args) { worker.addEventListener.apply(worker, args); });
      }
      return this.ssWorker;
    };
    LazyWorker.prototype.addEventListener = function () {
      if (this.ssWorker) return this.ssWorker.addEventListener.apply(this.ssWorker, arguments);
      this.ssListeners.push(Array.prototype.slice.call(arguments));
    };
    LazyWorker.prototype.removeEventListener = function (type, listener) {
      if (this.ssWorker) return this.ssWorker.removeEventListener.apply(this.ssWorker, arguments);
      this.ssListeners = this.ssListeners.filter(function (args) {
        return args[0] !== type || args[1] !== listener;
      });
    };
    LazyWorker.prototype.postMessage = function () {
      var worker = this.ssStart();
      return worker.postMessage.apply(worker, arguments);
    };
    LazyWorker.prototype.terminate = function () {
      if (this.ssWorker) this.ssWorker.terminate();
    };
    window.Worker = LazyWorker;
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) open();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) open();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("label[for=__search]")) open();
  });
  document.addEventListener("keydown", function (event) {
    if (["f", "s", "/"].indexOf(event.key) >= 0) open();
  });
})();
