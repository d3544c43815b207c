/* Self-assessment (docs/aide/auto-evaluation.md): scores a questionnaire in the reader's browser.
 *
 * Loaded only by the pages that hold a questionnaire (the `<!-- questionnaire: ID -->` marker,
 * soignants/render/questionnaire_form.py, writes its <script> tag). Everything it needs is in the page:
 * the JSON of <script type="application/json" id="ID-donnees"> (items, bands, alerts, texts) and
 * the result, already written in the HTML and hidden. So it holds no text of its own.
 *
 * Private by construction: no network request, no storage (no cookie, localStorage,
 * sessionStorage, IndexedDB), nothing in the address or the history. Leaving the page clears
 * the answers, so that the back button does not bring them back either.
 *
 * The result opens with the score and what it means (its band), then the alert if an answer calls
 * for one (e.g. the PHQ-9's item 9 not 0), then the band's two or three lines to call (a line the
 * alert already gives is not repeated); « Quel numéro pour quoi ? » stays at the end.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function joinList(words, and) {
    if (words.length <= 1) {
      return words.join("");
    }
    return words.slice(0, -1).join(", ") + and + words[words.length - 1];
  }

  // Found only by what a page's content cannot write (soignants/render/sanitize.py): a JSON
  // script block, `data-ss-*` attributes. An element of the content with the same id as ours
  // comes first in the page: an id alone would find it instead.
  function ours(id, attribute) {
    return document.querySelector("[id='" + id + "'][" + attribute + "]");
  }

  function setUp(form) {
    var source = ours(form.getAttribute("data-ss-donnees"), "type='application/json'");
    if (!source || source.tagName !== "SCRIPT") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var texts = data.textes;
    var result = ours(data.id + "-resultat", "data-ss-resultat");
    var heading = result.querySelector("[id='" + data.id + "-resultat-titre']");
    var announce = ours(data.id + "-annonce", "data-ss-annonce");
    var error = form.querySelector("[data-ss-erreur]");
    var errorText = form.querySelector("[data-ss-erreur-texte]");
    var errorLinks = form.querySelector("[data-ss-erreur-liens]");
    var table = ours(data.id + "-table", "data-ss-table");

    function answers() {
      return data.items.map(function (item) {
        var checked = form.querySelector("input[name='" + item.nom + "']:checked");
        return checked ? parseInt(checked.value, 10) : null;
      });
    }

    function firstRadio(item) {
      var group = form.querySelectorAll("input[name='" + item.nom + "']");
      var checked = form.querySelector("input[name='" + item.nom + "']:checked");
      return checked || group[0];
    }

    function hideResult() {
      result.hidden = true;
      Array.prototype.forEach.call(result.querySelectorAll("[data-ss-alerte], [data-ss-palier], [data-ss-lignes], [data-ss-tel]"), function (el) {
        el.hidden = el.hasAttribute("data-ss-tel") ? false : true;
      });
      if (table) {
        Array.prototype.forEach.call(table.querySelectorAll("tr[aria-current]"), function (row) {
          row.removeAttribute("aria-current");
        });
      }
    }

    function hideError() {
      error.hidden = true;
      errorText.textContent = "";
      while (errorLinks.firstChild) {
        errorLinks.removeChild(errorLinks.firstChild);
      }
    }

    function showMissing(missing) {
      var numbers = missing.map(function (item) { return String(item.numero); });
      var template = missing.length === 1 ? texts.manque_une : texts.manque_plusieurs;
      var message = fill(template, {n: missing.length, liste: joinList(numbers, texts.et)});
      hideError();
      errorText.textContent = message;
      missing.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + item.nom;  // the item's <fieldset>; the click is handled below
        link.textContent = fill(texts.question, {n: item.numero});
        link.addEventListener("click", function (event) {
          event.preventDefault();  // no change of address: focus the item's first answer
          firstRadio(item).focus();
        });
        li.appendChild(link);
        errorLinks.appendChild(li);
      });
      error.hidden = false;
      announce.textContent = "";
      error.focus();
    }

    function showResult(values) {
      var total = values.reduce(function (sum, value) { return sum + value; }, 0);
      var band = data.paliers.filter(function (b) { return b.min <= total && total <= b.max; })[0];
      var alerts = [];
      data.alertes.forEach(function (alert, index) {
        var position = data.items.map(function (item) { return item.id; }).indexOf(alert.item);
        if (position >= 0 && alert.valeurs.indexOf(values[position]) >= 0) {
          alerts.push(index);
        }
      });
      var high = total >= data.seuil_haut || alerts.length > 0;

      hideResult();
      var called = [];  // the numbers the alerts give: not repeated in the band's lines
      alerts.forEach(function (index) {
        var alert = result.querySelector("[data-ss-alerte='" + index + "']");
        alert.hidden = false;
        Array.prototype.forEach.call(alert.querySelectorAll("a[href^='tel:']"), function (link) {
          called.push(link.getAttribute("href"));
        });
      });
      result.querySelector("[data-ss-total]").textContent = String(total);
      if (band) {
        result.querySelector("[data-ss-palier='" + band.id + "']").hidden = false;
        var lines = result.querySelector("[data-ss-lignes='" + band.id + "']");
        if (lines) {
          lines.hidden = false;
          Array.prototype.forEach.call(lines.querySelectorAll("[data-ss-tel]"), function (line) {
            line.hidden = called.indexOf(line.getAttribute("data-ss-tel")) >= 0;
          });
        }
        var row = table && table.querySelector("tr[data-ss-palier-ligne='" + band.id + "']");
        if (row) {
          row.setAttribute("aria-current", "true");
        }
      }
      result.hidden = false;
      var summary = fill(texts.annonce, {total: total, max: data.max, palier: band ? band.libelle : ""});
      announce.textContent = high ? summary + " " + texts.annonce_haut : summary;
      // The result starts at the top of the screen (under the sticky header): the score first.
      heading.focus({preventScroll: true});
      result.scrollIntoView({block: "start"});
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = answers();
      var missing = data.items.filter(function (item, index) { return values[index] === null; });
      if (missing.length) {
        hideResult();
        showMissing(missing);
        return;
      }
      hideError();
      showResult(values);
    });

    // A changed answer makes the result shown out of date: hide it until asked again.
    form.addEventListener("change", function () {
      if (!result.hidden) {
        hideResult();
        announce.textContent = "";
      }
    });

    form.addEventListener("reset", function () {
      hideResult();
      hideError();
      announce.textContent = texts.efface;
    });

    // Leaving the page (closing it, going elsewhere) clears the answers, even from the
    // back-forward cache.
    window.addEventListener("pagehide", function () {
      form.reset();
      announce.textContent = "";
    });

    form.querySelector("[data-ss-actions]").hidden = false;
    Array.prototype.forEach.call(form.querySelectorAll("[data-ss-sans-js]"), function (el) {
      el.hidden = true;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-ss-questionnaire]"), setUp);
})();
