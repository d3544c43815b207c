/* Directory by département (docs/aide/annuaire.md): a filter on the table of départements.
 *
 * The page works without this script: every département links to its region's section. The
 * script shows the filter (hidden in the HTML), narrows the table to the départements matching
 * what is typed (number or name, accents and case ignored), and shows only their regions'
 * sections. Enter with a single match goes to its region. The texts are in the HTML (data-*),
 * written by soignants/render/help_directory.py. No network request, no storage.
 * On the printable card (docs/aide/carte.md), it also writes the directory's full address.
 */
(function () {
  "use strict";

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function codeMatches(code, query) {
    var c = code.toLowerCase();
    var q = query.replace(/\s+/g, "");
    if (!/^[0-9][0-9ab]*$/.test(q)) {
      return false;
    }
    return c.indexOf(q) === 0 || (q.length === 1 && c === "0" + q);
  }

  function setUpFilter(box) {
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var rows = Array.prototype.slice.call(document.querySelectorAll("#ss-departements tbody tr"));
    var sections = Array.prototype.slice.call(document.querySelectorAll("section.ss-region"));
    var entries = rows.map(function (row) {
      return {
        row: row,
        code: row.getAttribute("data-code"),
        name: " " + normalise(row.getAttribute("data-nom")) + " ",
        region: row.getAttribute("data-region"),
        regionName: " " + normalise(row.getAttribute("data-region")) + " "
      };
    });

    function matching(query) {
      var q = normalise(query);
      if (!q) {
        return entries;
      }
      // Best first: number or start of a word of the name; then anywhere in the name; then region.
      var tiers = [
        function (e) { return codeMatches(e.code, q) || e.name.indexOf(" " + q) !== -1; },
        function (e) { return e.name.indexOf(q) !== -1; },
        function (e) { return e.regionName.indexOf(" " + q) !== -1; }
      ];
      for (var i = 0; i < tiers.length; i += 1) {
        var found = entries.filter(tiers[i]);
        if (found.length) {
          return found;
        }
      }
      return [];
    }

    function update() {
      var query = input.value;
      var shown = matching(query);
      var regions = {};
      entries.forEach(function (e) { e.row.hidden = shown.indexOf(e) === -1; });
      shown.forEach(function (e) { regions[e.region] = true; });
      sections.forEach(function (s) { s.hidden = !regions[s.getAttribute("data-region")]; });
      if (!normalise(query)) {
        status.textContent = "";
      } else if (shown.length === 0) {
        status.textContent = status.getAttribute("data-aucun");
      } else if (shown.length === 1) {
        status.textContent = status.getAttribute("data-un");
      } else {
        status.textContent = status.getAttribute("data-plusieurs").replace("{n}", String(shown.length));
      }
      return shown;
    }

    input.addEventListener("input", update);
    input.addEventListener("search", update);
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") {
        return;
      }
      var shown = update();
      if (shown.length === 1) {
        event.preventDefault();
        var link = shown[0].row.querySelector("a[href^='#']");
        if (link) {
          link.click();
        }
      }
    });
    box.hidden = false;
    if (input.value) {
      update();
    }
  }

  var box = document.querySelector("[data-ss-filtre]");
  if (box) {
    setUpFilter(box);
  }

  // The printable card: print the directory's full address next to its name.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-ss-url]"), function (a) {
    a.setAttribute("data-ss-url", a.href);
  });
})();
