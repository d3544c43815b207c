// Keyboard access that Material leaves out (checked in tests/browser/test_keyboard.py):
// - Space switches the colour scheme, as Enter does, and the focus shows in dark mode too;
// - on a narrow screen, the menu button is a real button a keyboard reaches (Enter, Space,
// Escape closes), and the closed menu's links are out of the Tab order (site.css);
// - each sub-menu has a name of its own (axe's best practices, Lighthouse).
(function () {
  var palette = document.querySelector("[data-md-component=palette]");
  if (palette) {
    var inputs = Array.prototype.slice.call(palette.querySelectorAll("input.md-option"));
    palette.addEventListener("keydown", function (event) {
      if (event.key !== " " || inputs.indexOf(event.target) < 0) return;
      event.preventDefault();
      var next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length];
      next.click();
      next.focus();
    });
    // Material checks no radio on load, so Tab lands on the first one, whose label (where the
    // focus ring is drawn) is hidden in dark mode: move the focus to the one on show.
    palette.addEventListener("focusin", function (event) {
      var label = event.target.nextElementSibling;
      if (inputs.indexOf(event.target) < 0 || !label || !label.hidden) return;
      var shown = inputs.filter(function (input) {
        return input.nextElementSibling && !input.nextElementSibling.hidden;
      })[0];
      if (shown) { shown.checked = true; shown.focus(); }
    });
  }
  // With navigation.indexes, Material names each sub-menu after a label that holds only an
  // icon: every sub-menu gets the same empty name. Name it after its visible title.
  Array.prototype.forEach.call(document.querySelectorAll("nav.md-nav[aria-labelledby]"), function (nav) {
    var named = document.getElementById(nav.getAttribute("aria-labelledby"));
    var title = nav.querySelector(":scope > .md-nav__title");
    if (named && !named.textContent.trim() && title && title.textContent.trim()) {
      nav.removeAttribute("aria-labelledby");
      nav.setAttribute("aria-label", title.textContent.trim());
    }
  });
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector(".md-header label[for='__drawer']");
  if (!drawer || !label) return;
  // Material's menu button is a <label>, which a keyboard cannot reach and which may not
  // take the role of a button: put a real button in its place, with the same look.
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " ss-menu-button";
  button.innerHTML = label.innerHTML;
  button.setAttribute("aria-label", "Menu");
  label.parentNode.insertBefore(button, label);
  label.hidden = true;
  var sync = function () { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
  sync();
  drawer.addEventListener("change", sync);
  button.addEventListener("click", function () { drawer.click(); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) { drawer.click(); button.focus(); }
  });
})();

// A table wider than its column scrolls inside Material's wrapper, which a keyboard cannot reach
// (axe: scrollable-region-focusable). Make each such wrapper a named, focusable region, once
// Material has wrapped the tables (its `document$` observable, after its own subscribers).
(function () {
  var english = document.documentElement.lang === "en";
  var nameOf = function (wrapper) {
    var caption = wrapper.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var node = wrapper;
    while (node && node !== document.body) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-6]$/.test(previous.tagName)) return previous.textContent.replace(/¶$/, "").trim();
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "";
  };
  var label = function () {
    var used = {};  // two tables under one heading: « Tableau : X », then « Tableau : X (2) »
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrapper) {
      if (wrapper.hasAttribute("tabindex")) return;
      var title = nameOf(wrapper);
      var name = (english ? "Table" : "Tableau") + (title ? " : " + title : "");
      used[name] = (used[name] || 0) + 1;
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", used[name] > 1 ? name + " (" + used[name] + ")" : name);
    });
    // A code block wider than the screen scrolls too: let the keyboard reach it.
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset pre > code"), function (code) {
      if (!code.hasAttribute("tabindex") && code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
    });
  };
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { setTimeout(label, 0); });
  } else {
    document.addEventListener("DOMContentLoaded", label);
  }
})();
