/* Deadlines: the date calculator of a fiche's « Délais à ne pas manquer » box, and sorting the
 * « Tous les délais » table. Loaded only on those pages (soignants/render/deadlines.py).
 *
 * Both pages read fully without this script. On a fiche, each deadline has a date field (written
 * by the build, shown only when scripts run): the reader picks the day they received the letter
 * (or of the event), and the deadline shows its last day. Nothing typed is stored, sent or put in the address: no storage, no request, no form
 * submission, no change of URL. The texts are in the page (data-*): the script has none.
 *
 * The date is conservative: never later than the legal date.
 * - days: the day of the event does not count (code de procédure civile, art. 641): 15 days
 *   from 3 March end on 18 March;
 * - months and years: the same day number N months (years) later, or the last day of that month
 *   when it has no such day (art. 641, al. 2): 31 January + 1 month = 28 (29) February;
 * - hours: the last whole day inside the window, as if the event happened at midnight:
 *   48 hours from 3 March give 4 March;
 * - no extension to the next working day for a Saturday, Sunday or public holiday (art. 642),
 *   which the page says in one line.
 * Dates are plain (year, month, day) numbers: no time zone, no daylight-saving hour.
 */
(function () {
  "use strict";

  function isLeap(year) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  }

  function daysInMonth(year, month) {
    return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  }

  // Day numbers from a fixed origin (proleptic Gregorian), so that adding days is an addition.
  function toDayNumber(date) {
    return Date.UTC(date.year, date.month - 1, date.day) / 86400000;
  }

  function fromDayNumber(number) {
    var d = new Date(number * 86400000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }

  function addMonths(date, months) {
    var index = date.year * 12 + (date.month - 1) + months;
    var year = Math.floor(index / 12);
    var month = index - year * 12 + 1;
    return { year: year, month: month, day: Math.min(date.day, daysInMonth(year, month)) };
  }

  /* The last day of a deadline of `number` `unit` counted from `start` ({year, month, day}). */
  function lastDay(start, number, unit) {
    if (number === 0) {
      return start;
    }
    if (unit === "jours") {
      return fromDayNumber(toDayNumber(start) + number);
    }
    if (unit === "heures") {
      return fromDayNumber(toDayNumber(start) + Math.ceil(number / 24) - 1);
    }
    if (unit === "mois") {
      return addMonths(start, number);
    }
    if (unit === "ans") {
      return addMonths(start, number * 12);
    }
    return null;
  }

  /* "2027-01-31" (what a date field gives) -> {year, month, day}, or null. */
  function parseIso(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!match) {
      return null;
    }
    var date = { year: +match[1], month: +match[2], day: +match[3] };
    if (date.year < 1900 || date.year > 2200 || date.month < 1 || date.month > 12 ||
        date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
      return null;
    }
    return date;
  }

  function isoOf(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.year + "-" + two(date.month) + "-" + two(date.day);
  }

  function longDate(date, locale) {
    try {
      return new Intl.DateTimeFormat(locale, {
        weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC"
      }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
    } catch (error) {
      return isoOf(date);
    }
  }

  /* Each deadline of a box has its date field and result line, written by the build and shown
   * only once the page runs scripts (site.css): here they come to life. */
  function setUpCalculator(box) {
    var locale = box.getAttribute("data-langue") || document.documentElement.lang || "fr-FR";
    var items = box.querySelectorAll("li.ss-delai[data-nombre][data-unite]");
    Array.prototype.forEach.call(items, function (item) {
      var number = parseInt(item.getAttribute("data-nombre"), 10);
      var unit = item.getAttribute("data-unite");
      var input = item.querySelector(".ss-delai__calcul input[type=date]");
      var result = item.querySelector(".ss-delai__calcul output");
      if (!input || !result) {
        return;
      }

      function update() {
        result.textContent = "";
        result.removeAttribute("data-date");
        if (!input.value) {
          return;
        }
        var start = parseIso(input.value);
        var end = start && lastDay(start, number, unit);
        if (!end) {
          result.textContent = box.getAttribute("data-invalide");
          return;
        }
        var template = box.getAttribute(number === 0 ? "data-immediat" : "data-resultat");
        result.textContent = template.replace("{date}", longDate(end, locale));
        result.setAttribute("data-date", isoOf(end));
      }

      input.addEventListener("input", update);
      input.addEventListener("change", update);
      update();  // a date typed before the script arrived
    });
  }

  /* The sortable columns' buttons and the status line are in the page (shown with scripts). */
  function setUpSorting(table) {
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var after = (table.closest(".ss-delais-tous__defilement") || table).nextElementSibling;
    var status = after && after.classList.contains("ss-delais-statut") ? after : null;
    headers.forEach(function (header, column) {
      var kind = header.getAttribute("data-tri-type");
      var button = header.querySelector("button.ss-delais-tri");
      if (!kind || !button) {
        return;
      }
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-tri");
          var y = b.cells[column].getAttribute("data-tri");
          var order = kind === "nombre" ? parseFloat(x) - parseFloat(y) : (x < y ? -1 : x > y ? 1 : 0);
          if (!order) {
            order = parseInt(a.getAttribute("data-ordre"), 10) - parseInt(b.getAttribute("data-ordre"), 10);
            return order;
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        if (status) {
          status.textContent = header.getAttribute("data-tri-annonce");
        }
      });
    });
  }

  // For the tests in Chromium (fixed dates, month ends, leap years): the same functions.
  window.ssDelais = { lastDay: lastDay, parseIso: parseIso, isoOf: isoOf };

  Array.prototype.forEach.call(document.querySelectorAll("[data-ss-delais]"), setUpCalculator);
  Array.prototype.forEach.call(document.querySelectorAll("table[data-ss-delais-tous]"), setUpSorting);
}());
