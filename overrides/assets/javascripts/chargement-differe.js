// Loaded in <head>, before Material's bundle (overrides/main.html, block libs): hold the search
// (its rules file, its engine, Material's worker) until the reader opens the search, and keep the colour scheme out
// of localStorage until the reader chooses one. (An external file: the pages' Content-Security-
// Policy runs no inline script of ours.)
// Also, before the first paint (as the parser adds the body, then the header), what Material does
// only once its bundle has run at the end of the page, which moved or recoloured the page after it
// was shown: the colour scheme the reader's system asks for (a light frame in a dark room), the
// header as it will be (the search and the colour-scheme button, which Material hides until then:
// « no-js », `hidden`), « Quitter » in its place in the header (quitter.js did it late), and the
// tables in the scrolling box Material puts them in.
// When the search cannot start (offline, a file missing), the « ss:recherche-indisponible » event
// tells detresse.js, which says so and shows the help numbers.
(function () {
  var me = document.currentScript;
  var unavailable = function () {
    document.dispatchEvent(new CustomEvent("ss:recherche-indisponible"));
  };
  // --- First paint -----------------------------------------------------------------------------
  var schemes = { dark: me.getAttribute("data-ss-sombre"), light: me.getAttribute("data-ss-clair") };
  var stored = function () {  // the reader's own choice, as Material stores it
    try { return window.__md_get ? window.__md_get("__palette") : null; } catch (error) { return null; }
  };
  var done = { scheme: false, quitter: false, palette: false };
  var firstPaint = function () {
    var body = document.body;
    if (body && !done.scheme) {
      done.scheme = true;
      document.documentElement.classList.remove("no-js");  // as Material's bundle will
      // The header's buttons sit in a row after a title that takes the room left: shown while the
      // network still brings the row, they would move each time one more arrives (site.css).
      document.documentElement.classList.add("js", "ss-entete-en-attente");
      // A choice the reader made wins, as in Material's own script.
      var choice = stored();
      var color = choice && choice.color;
      var scheme = color && color.scheme && color.media !== "(prefers-color-scheme)" ? color.scheme
        : (window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? schemes.dark : schemes.light);
      if (scheme) body.setAttribute("data-md-color-scheme", scheme);
    }
    var zone = document.querySelector("[data-ss-quitter-zone]");
    var title = document.querySelector(".md-header__inner .md-header__title");
    if (!done.quitter && zone && title) {
      done.quitter = true;
      zone.classList.add("ss-quitter--entete");
      title.insertAdjacentElement("afterend", zone);
    }
    // The colour-scheme button Material will show: the one after the stored choice, else after
    // the first scheme whose media matches (its `us` function). Once the header is whole: the
    // parser has gone past it (something follows it), not only reached its search box, whose
    // contents, arriving in a later frame on a busy machine, widened it and moved the buttons
    // before it (a layout shift of 0.004 now and then: tests/browser/test_pages.py).
    var header = document.querySelector(".md-header");
    if (!done.palette && header && header.nextElementSibling) {
      done.palette = true;
      var inputs = document.querySelectorAll("[data-md-component=palette] input");
      var choice2 = stored();
      var index = choice2 && typeof choice2.index === "number" ? choice2.index : -1;
      for (var i = 0; index < 0 && i < inputs.length; i++) {
        if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) index = i;
      }
      var label = inputs[Math.max(0, Math.min(index, inputs.length - 1))];
      label = label && label.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = false;
      document.documentElement.classList.remove("ss-entete-en-attente");
    }
    return done.quitter && done.palette;
  };
  // Tables: Material wraps each one in a scrolling box when its bundle runs, and the page below
  // it moved then. Each is wrapped the same way as the parser adds it; when Material's own box
  // comes inside ours, it takes our box's place: the same page, wrapped before it is painted.
  var wrapTables = function () {
    // A table is shown once the parser has gone past it: its columns widen as its rows arrive.
    Array.prototype.forEach.call(document.querySelectorAll("[data-ss-en-cours]"), function (box) {
      if (box.nextSibling) box.removeAttribute("data-ss-en-cours");
    });
    var tables = document.querySelectorAll(".md-content table:not([class])");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      var inner = table.parentElement;
      var box = inner && inner.classList.contains("md-typeset__table") ? inner.parentElement : null;
      if (!box) {
        box = document.createElement("div");
        box.className = "md-typeset__scrollwrap";
        box.setAttribute("data-ss-enveloppe", "");
        if (!table.nextSibling && document.readyState === "loading") box.setAttribute("data-ss-en-cours", "");
        inner = document.createElement("div");
        inner.className = "md-typeset__table";
        table.parentNode.insertBefore(box, table);
        box.appendChild(inner);
        inner.appendChild(table);
      } else {
        var ours = box.parentElement && box.parentElement.parentElement;
        if (!box.hasAttribute("data-ss-enveloppe") && ours && ours.hasAttribute("data-ss-enveloppe")) {
          ours.parentNode.replaceChild(box, ours);
        }
      }
    }
  };
  if (window.MutationObserver) {
    var watcher = new MutationObserver(function () {
      if (firstPaint()) watcher.disconnect();
    });
    watcher.observe(document.documentElement, { childList: true, subtree: true });
    var tableWatcher = new MutationObserver(wrapTables);
    tableWatcher.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () {
      watcher.disconnect();
      document.documentElement.classList.remove("ss-entete-en-attente");
      Array.prototype.forEach.call(document.querySelectorAll("[data-ss-en-cours]"), function (box) {
        box.removeAttribute("data-ss-en-cours");
      });
    });
    // Material wraps the tables on DOMContentLoaded, after this listener: watch until the page has loaded.
    window.addEventListener("load", function () {
      wrapTables();
      tableWatcher.disconnect();
    });
  }
  // --- The search, on opening --------------------------------------------------------------------
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
  // --- Material's bundle, on demand ----------------------------------------------------------------
  // Reading a page needs none of Material's bundle (35 KB gzip, more than the rest of the page):
  // the header, the help strip, the tables and the colour scheme are in place before the first
  // paint (above), the menu and the search open by CSS, the distress card answers without it. It
  // is loaded when the reader first does something it handles: a click or a tap outside the text
  // (not a scroll), a key (not in a form of the text), the search or the menu opened. Until then,
  // the side menus of a wide screen are as Material shows them without JavaScript (site.css), and
  // the table of contents does not follow the reading. What the reader did before it was there
  // is passed on to it: the colour scheme chosen, the shortcut key pressed, what was typed in the
  // search (its field focused at once).
  var bundleUrl = me.getAttribute("data-ss-material");
  var material = { state: bundleUrl ? "waiting" : "none", after: [] };
  var whenMaterial = function (then) {
    if (material.state === "ready") then(); else material.after.push(then);
  };
  // Whether our stand-ins act for Material: only while its bundle is held back (not yet asked for,
  // on its way, or failed offline); never once it runs, nor when another generator loads it with the page.
  var standingIn = function () {
    return material.state !== "ready" && material.state !== "none";
  };
  var materialReady = function () {
    material.state = "ready";
    document.documentElement.classList.add("ss-material");  // site.css: the side menus' height is Material's
    material.after.splice(0).forEach(function (then) { then(); });
  };
  var mountMaterial = function () {
    // Material mounts its components on DOMContentLoaded, which has passed: tell it again (our
    // own scripts listen once). The tables are already in their scrolling box (wrapTables):
    // hidden from Material's `table:not([class])` while it mounts, so that it does not box them twice.
    var tables = Array.prototype.filter.call(document.querySelectorAll("[data-ss-enveloppe] table:not([class])"),
      function (table) { table.setAttribute("class", ""); return true; });
    try {
      document.dispatchEvent(new Event("DOMContentLoaded"));
    } finally {
      tables.forEach(function (table) { table.removeAttribute("class"); });
    }
    materialReady();
  };
  var startMaterial = function () {
    if (material.state !== "waiting") return;
    material.state = "loading";
    var script = document.createElement("script");
    script.src = bundleUrl;
    script.onload = function () {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { setTimeout(materialReady, 0); }, { once: true });
      } else {
        mountMaterial();
      }
    };
    script.onerror = function () { material.state = "failed"; };
    document.head.appendChild(script);
  };
  var editable = function (node) {
    return !!(node && node.closest && node.closest("input, textarea, select, [contenteditable]"));
  };
  var formControl = function (node) {
    return editable(node) || !!(node && node.closest && node.closest("button, label"));
  };
  // The colour scheme chosen before the bundle is there: switched at once, as Material does it
  // (the page's colours, the other button shown, the choice stored), so that Material starts from it.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!standingIn() || input.name !== "__palette" || !window.__md_set) return;
    var inputs = Array.prototype.slice.call(document.querySelectorAll("[data-md-component=palette] input"));
    var index = inputs.indexOf(input);
    var media = input.getAttribute("data-md-color-media");
    if (index < 0 || media === "(prefers-color-scheme)") return;  // « automatic »: Material's own
    var color = { media: media, scheme: input.getAttribute("data-md-color-scheme"),
                  primary: input.getAttribute("data-md-color-primary"), accent: input.getAttribute("data-md-color-accent") };
    Object.keys(color).forEach(function (name) { document.body.setAttribute("data-md-color-" + name, color[name]); });
    inputs.forEach(function (other, i) {
      var label = other.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    window.__md_set("__palette", { index: index, color: color });
  });
  // The search box focused before the bundle is there: the search opens (Material's « focus »),
  // and what was typed meanwhile is searched once it is.
  var searchToggle = function () { return document.getElementById("__search"); };
  document.addEventListener("focusin", function (event) {
    var toggle = searchToggle();
    if (!standingIn() || !toggle || toggle.checked || !event.target.matches
        || !event.target.matches("[data-md-component=search-query]")) return;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  });
  whenMaterial(function () {
    var input = document.querySelector("[data-md-component=search-query]");
    var toggle = searchToggle();
    if (input && input.value && toggle && toggle.checked) input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
  // A click or a tap outside the page's text (header, menus, footer): in the text, links lead
  // elsewhere and the forms (deadline calculator, questionnaires) need nothing of Material, and
  // answering them asks nothing of the network (tests/browser_help/test_self_assessment.py).
  var inContent = function (node) {
    return !!(node && node.closest && node.closest(".md-content"));
  };
  document.addEventListener("click", function (event) {
    if (!inContent(event.target)) startMaterial();
  }, true);
  // Material draws the keyboard focus of its buttons and links only on elements its bundle marks
  // `focus-visible` (a polyfill: `.md-header__button:not(.focus-visible) { outline: none }`).
  // Until the bundle is there, mark them the same way, from the browser's own :focus-visible; the
  // bundle's polyfill takes over, and unmarks on blur what was marked so.
  document.addEventListener("focusin", function (event) {
    var element = event.target;
    if (!standingIn() || !element.matches) return;
    try {
      if (!element.matches(":focus-visible")) return;
    } catch (error) { return; }  // a browser without :focus-visible
    element.classList.add("focus-visible");
    element.setAttribute("data-focus-visible-added", "");
  }, true);
  document.addEventListener("focusout", function (event) {
    var element = event.target;
    if (!standingIn() || !element.hasAttribute || !element.hasAttribute("data-focus-visible-added")) return;
    element.classList.remove("focus-visible");
    element.removeAttribute("data-focus-visible-added");
  }, true);
  // Material's shortcuts (search: f, s, /; previous and next page: p, comma, n, full stop).
  var SHORTCUTS = ["f", "s", "/", "p", ",", "n", "."];
  document.addEventListener("keydown", function (event) {
    if (material.state !== "waiting") return;
    if (SHORTCUTS.indexOf(event.key) >= 0 && !editable(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      var key = event.key, code = event.code;
      whenMaterial(function () {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: key, code: code, bubbles: true, cancelable: true }));
      });
    }
    if (!(inContent(event.target) && formControl(event.target))) startMaterial();
  }, true);
  // The menu, the search, the table of contents or the colour scheme opened or switched (not a
  // field of the page's content: the deadline calculator asks nothing of the network).
  document.addEventListener("change", function (event) {
    if (!/^__(drawer|search|toc|palette)/.test(event.target.id || "")) return;
    startMaterial();
    // The search opened (its button tapped) before the bundle is there: its field takes the
    // focus at once, as Material would, so that what the reader types is not lost.
    if (event.target.id === "__search" && event.target.checked && standingIn()) {
      var field = document.querySelector("[data-md-component=search-query]");
      if (field) field.focus();
    }
  }, true);
  // A search asked for in the address (?q=…): Material opens it, at once.
  if (/[?&]q=/.test(location.search)) startMaterial();

  var open = function () {
    startMaterial();
    if (opened) return;
    opened = true;
    var script = document.createElement("script");
    script.src = engineUrl;
    script.onload = release;
    script.onerror = function () {  // offline, or the file is missing: say so (detresse.js)
      release();
      unavailable();
    };
    document.head.appendChild(script);
  };
  XMLHttpRequest.prototype.open = function (method, url) {
    this.ssIsIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    return nativeOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.ssIsIndex) {
      request.addEventListener("error", unavailable);
      request.addEventListener("load", function () { if (request.status >= 400) unavailable(); });
    }
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
  // own engine (search-soignants.js: Pagefind, in the page) takes the worker's place. If that
  // script could not load, Material's worker would find nothing (its index holds the rules only,
  // soignants/pipeline/search_index.py): the search says it is unavailable instead.
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
        var worker = this.ssWorker = Engine ? new Engine() : {
          addEventListener: function () {}, removeEventListener: function () {}, terminate: function () {},
          postMessage: unavailable
        };
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
