/* « Quitter rapidement »: leave for a neutral site without leaving this page in the history.
 *
 * The link (overrides/partials/quitter.html) works without this script, as a plain link. With it:
 * - clicking replaces the current history entry (location.replace), so « Back » does not return
 *   here, and the page is hidden at once while the other site loads;
 * - pressing Escape twice within a second does the same (not while the search or the menu is
 *   open, and not when Escape is clearing a text field);
 * - the control moves into the sticky header, so it stays in reach without covering the text
 *   (chargement-differe.js does it before the first paint; here again in case it could not);
 * - the help button's panel beside it closes with Escape or a tap elsewhere;
 * - its copies work the same: the one in the open search (overrides/partials/search.html) and the
 *   one this script puts at the top of the open menu on a narrow screen, where the header is
 *   covered; neither the search nor the menu has to be closed first.
 * No network request, no storage.
 */
(function () {
  "use strict";

  var link = document.querySelector("[data-ss-quitter]");
  if (!link) {
    return;
  }
  var zone = link.closest("[data-ss-quitter-zone]");
  var destination = link.href;
  var DOUBLE_PRESS_MS = 1000;
  var lastEscape = 0;

  function leave() {
    document.documentElement.classList.add("ss-quitte");
    // The neutral site is not told where the reader comes from (like the link's rel="noreferrer").
    var policy = document.createElement("meta");
    policy.name = "referrer";
    policy.content = "no-referrer";
    document.head.appendChild(policy);
    window.location.replace(destination);
  }

  function bind(copy) {
    copy.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
  }

  bind(link);
  Array.prototype.forEach.call(document.querySelectorAll("[data-ss-quitter-aussi]"), bind);

  // A copy at the top of the menu of a narrow screen (the menu covers the header).
  var menu = document.querySelector(".md-sidebar--primary");
  if (menu && !menu.querySelector("[data-ss-quitter-aussi]")) {
    var copy = link.cloneNode(true);
    copy.removeAttribute("data-ss-quitter");
    copy.setAttribute("data-ss-quitter-aussi", "");
    var holder = document.createElement("div");
    holder.className = "ss-quitter ss-quitter--menu";
    holder.appendChild(copy);
    menu.insertBefore(holder, menu.firstChild);
    menu.classList.add("ss-menu-quitter");  // the menu's own list starts below it (aide.css)
    bind(copy);
  }

  function clearingAField(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA") && target.value !== "";
  }

  // The help button's panel (partials/quitter.html): Escape, or a tap elsewhere, closes it.
  var help = document.querySelector("[data-ss-appel]");
  if (help) {
    document.addEventListener("click", function (event) {
      if (help.open && !help.contains(event.target)) help.open = false;
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat) {
      return;
    }
    if (help && help.open) {  // this press closes the panel: it does not count
      help.open = false;
      help.querySelector("summary").focus();
      lastEscape = 0;
      return;
    }
    // Escape also closes the search and the menu (overrides/main.html): that press does not count.
    var search = document.getElementById("__search");
    var drawer = document.getElementById("__drawer");
    if ((search && search.checked) || (drawer && drawer.checked) || clearingAField(event.target)) {
      lastEscape = 0;
      return;
    }
    var now = Date.now();
    if (now - lastEscape <= DOUBLE_PRESS_MS) {
      leave();
    } else {
      lastEscape = now;
    }
  });

  // Coming back to a page kept in the browser's cache: show it again.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("ss-quitte");
  });

  // Into the sticky header, after the page title (unless chargement-differe.js did it).
  var title = document.querySelector(".md-header__inner .md-header__title");
  if (zone && title && !zone.classList.contains("ss-quitter--entete")) {
    zone.classList.add("ss-quitter--entete");
    title.insertAdjacentElement("afterend", zone);
  }
})();
