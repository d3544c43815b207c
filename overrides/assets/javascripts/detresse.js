/*
 * Soigner les soignants — distress answered at once, while the search is open.
 *
 * Loaded with every page (mkdocs.yml, extra_javascript), so that it works before the search
 * engine has loaded, and offline: matching a phrase of distress needs nothing but this file.
 * - As the reader types in the search box, each keystroke is matched against the phrases of
 *   data/recherche-detresse.yml (written below when the site is built); a match shows the card
 *   with the urgent numbers (overrides/partials/search.html) at once. The search's results follow
 *   when the engine (search-soignants.js, Pagefind) is ready; it asks this file whether a query
 *   is a crisis, to put the help page first.
 * - While the search is open, a compact row keeps the numbers of the help strip and « Quitter »
 *   on screen on every query; when the card shows, its numbers replace the row's.
 * - When the search engine cannot load (offline, or a failed file: chargement-differe.js and
 *   search-soignants.js say so with the « ss:recherche-indisponible » event), one line says so and
 *   the card shows, whatever was typed: never an endless « Initialisation ».
 * Nothing is sent or stored: what the reader types stays in this page.
 *
 * Matching is soignants/model/search_query.py's, to the letter (tests/search/test_distress.py
 * compares both): folded words, SMS spellings written out, each word as typed, in its usual forms
 * (light stem), glued to an elided letter typed without its apostrophe (« jen »), or with one
 * typo when the typed word is no word of the site (the few stems of the site a typo could be
 * read into are in the rules: `known`).
 */
(function () {
  "use strict";

  // Written when the site is built (soignants/pipeline/distress_script.py, from
  // data/recherche-detresse.yml): folded words only. Another generator leaves null: the search
  // engine then hands over the rules of its index (without typo forgiveness).
  var RULES = /*ss:regles*/null/*ss:fin*/;
  var CRISIS = "crise";
  var ELIDED = ["j", "d", "l", "m", "n", "s", "t", "c", "qu"];
  var ELIDED_BEFORE = "aeiouyh";
  var rules = null;
  var unavailable = false;

  function fold(text) {
    return String(text).toLowerCase()
      .replace(/[’‘]/g, "'").replace(/œ/g, "oe").replace(/æ/g, "ae")
      .normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function phraseWords(text) {
    return fold(text).replace(/([a-z0-9])-(?=[a-z0-9])/g, "$1").split(/[^a-z0-9]+/)
      .filter(function (word) { return word.length >= 2; });
  }

  function use(data) {
    var known = data.known ? new Set(data.known) : null;
    rules = {
      phrases: data.phrases || [], exhaustion: data.exhaustion || [], exceptions: data.exceptions || [],
      spellings: data.spellings || {}, plural: data.plural_rules || [], suffix: data.suffix_rules || [],
      minTypo: data.min_typo_length || 5,
      // Without the list of the site's stems, no typo is forgiven.
      known: known ? function (stem) { return known.has(stem); } : function () { return true; }
    };
  }

  function apply(word, list) {
    for (var i = 0; i < list.length; i++) {
      var suffix = list[i][0];
      if (word.endsWith(suffix)) {
        var stem = word.slice(0, word.length - suffix.length);
        return stem.length >= list[i][2] ? stem + list[i][1] : word;
      }
    }
    return word;
  }

  function lightStem(word) {
    if (word.length <= 4 || !/^[a-z]+$/.test(word)) return word;
    return apply(apply(word, rules.plural), rules.suffix);
  }

  function oneEditApart(a, b) {
    if (a === b) return false;
    if (a.length === b.length) {
      var diffs = [];
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
      return diffs.length === 1 || (diffs.length === 2 && diffs[1] === diffs[0] + 1 &&
        a[diffs[0]] === b[diffs[1]] && a[diffs[1]] === b[diffs[0]]);
    }
    if (Math.abs(a.length - b.length) !== 1) return false;
    var short = a.length < b.length ? a : b;
    var long = a.length < b.length ? b : a;
    var j = 0;
    while (j < short.length && short[j] === long[j]) j++;
    return short.slice(j) === long.slice(j + 1);
  }

  function mayBeMistyped(word) {
    return word.length >= rules.minTypo && /^[a-z]+$/.test(word);
  }

  function elided(typed, wanted) {
    return ELIDED_BEFORE.indexOf(wanted.charAt(0)) >= 0 &&
      ELIDED.some(function (letter) { return typed === letter + wanted; });
  }

  function wordMatches(typed, wanted) {
    if (typed === wanted || lightStem(typed) === lightStem(wanted) || elided(typed, wanted)) return true;
    if (!(mayBeMistyped(typed) && mayBeMistyped(wanted)) || rules.known(lightStem(typed))) return false;
    return oneEditApart(typed, wanted) || oneEditApart(lightStem(typed), lightStem(wanted));
  }

  function distressWords(text) {
    var out = [];
    phraseWords(text).forEach(function (word) {
      if (Object.prototype.hasOwnProperty.call(rules.spellings, word)) {
        out.push.apply(out, rules.spellings[word]);
      } else {
        out.push(word);
      }
    });
    return out;
  }

  function occurrences(list, phrase) {
    var spans = [];
    for (var i = 0; i + phrase.length <= list.length; i++) {
      var all = true;
      for (var j = 0; j < phrase.length && all; j++) all = wordMatches(list[i + j], phrase[j]);
      if (all) spans.push([i, i + phrase.length]);
    }
    return spans;
  }

  // {phrase, level} for the first phrase of crisis outside every exception, else the first of
  // exhaustion; null when there is none (search_query.distress_match).
  function match(query) {
    if (!rules) return null;
    var list = distressWords(query);
    if (!list.length) return null;
    var excepted = [];
    rules.exceptions.forEach(function (exception) { excepted = excepted.concat(occurrences(list, exception)); });
    var levels = [[CRISIS, rules.phrases], ["epuisement", rules.exhaustion]];
    for (var l = 0; l < levels.length; l++) {
      var phrases = levels[l][1];
      for (var p = 0; p < phrases.length; p++) {
        var spans = occurrences(list, phrases[p]);
        for (var s = 0; s < spans.length; s++) {
          var span = spans[s];
          var inside = excepted.some(function (e) { return e[0] <= span[0] && span[1] <= e[1]; });
          if (!inside) return { phrase: phrases[p], level: levels[l][0] };
        }
      }
    }
    return null;
  }

  if (RULES) use(RULES);

  window.soignantsDetresse = {
    match: match,
    // The search engine's rules (its index), when this file was not written by the build.
    useIndexRules: function (data) { if (!RULES && data) use(data); },
    isCrisis: function (found) { return !!found && found.level === CRISIS; },
    get ready() { return rules !== null; }
  };

  // --- In the search overlay ------------------------------------------------------------------

  var shelf = document.createDocumentFragment();  // the row's numbers while the card shows

  function setCard(on) {
    var box = document.querySelector("[data-ss-recherche-detresse]");
    var model = document.getElementById("ss-recherche-detresse-modele");
    var numbers = document.querySelector("[data-ss-recherche-aide-liste]");
    var row = document.querySelector("[data-ss-recherche-aide]");
    if (!box || !model) return;
    if (on && !box.firstElementChild) {
      box.appendChild(model.content.cloneNode(true));
      // The card has the same numbers, with their names: the row keeps « Quitter » only. Taken out
      // of the page, not hidden: Material's arrow keys move through every link of the results.
      if (numbers) shelf.appendChild(numbers);
      if (row) row.classList.add("ss-recherche-aide--quitter-seul");
    } else if (!on && box.firstElementChild) {
      box.textContent = "";
      if (row && shelf.firstChild) row.appendChild(shelf.firstChild);
      if (row) row.classList.remove("ss-recherche-aide--quitter-seul");
    }
  }

  function update() {
    var input = document.querySelector("[data-md-component=search-query]");
    setCard(unavailable || (input !== null && match(input.value) !== null));
  }

  function markUnavailable() {
    if (unavailable) return;
    unavailable = true;
    var result = document.querySelector("[data-md-component=search-result]");
    var line = document.querySelector("[data-ss-recherche-indisponible]");
    if (result) result.classList.add("ss-recherche--indisponible");
    if (line) line.hidden = false;
    update();
  }

  function start() {
    var input = document.querySelector("[data-md-component=search-query]");
    if (!input) return;
    input.addEventListener("input", update);
    if (input.form) {
      input.form.addEventListener("reset", function () { setTimeout(update, 0); });
    }
    document.addEventListener("ss:recherche-indisponible", markUnavailable);
  }

  if (document.readyState === "loading") {
    // once: Material's bundle, loaded on demand, is told « DOMContentLoaded » again (chargement-differe.js)
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
