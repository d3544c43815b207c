/*
 * Soigner les soignants — the site's search, the reader's way. Loads nothing from another host,
 * stores nothing and sends nothing: what the reader types stays in this page.
 *
 * 1. The query. Material's search worker looks words up as they are typed. Before a query
 *    reaches the worker, it is folded (« médecin » = « medecin »), cut into words
 *    (« l'Ordre » -> « ordre », « burn-out » -> « burnout »), stripped of stop words, and cut
 *    down to the prefix the forms of a word share (« épuisée » -> « epuis », which the worker's
 *    trailing `*` extends to « épuisement »). The reference is normalize_query in
 *    soignants/model/folding.py.
 * 2. Typos. A word of 5 letters or more that starts no word of the site is replaced by the site's
 *    words one edit away (soignants/model/search_query.py, corrected_query): « epuisemnt » -> « epuis ».
 *    The vocabulary is built here from the index's documents, as the Python harness builds it.
 * 3. Distress. A query that contains a phrase of data/recherche-detresse.yml shows the crisis card
 *    (overrides/partials/search.html) above the results, and the help page comes first.
 * 4. Order. The worker's results are reordered before Material shows them: the pages of the
 *    reader's edition first (on /en/, the English pages), the help page first on distress.
 * The data (stop words, word-form rules, typo settings, distress phrases, help pages) comes with
 * the search index (config.soignants), so this file holds only code; tests/search checks that it
 * agrees with Python, query by query.
 * 5. Highlighting: the words of each result whose folded form starts with a word of the query.
 * 6. Nothing found: a kind word and the way to « Trouver de l'aide » (search.html).
 *
 * Coupling: the worker's results must be reordered before Material's own "message" listener
 * reads them (a listener of ours, even capturing, runs after it). The worker is
 * overrides/main.html's LazyWorker, which keeps the listeners it is given (`ssListeners`) until
 * the first message starts the real worker (`ssWorker`): Material's listener is wrapped there,
 * just before the index is sent. Without that (no LazyWorker), the card still works, the order
 * stays Material's.
 */
(function () {
  "use strict";

  // Material's SearchMessageType (integrations/search/worker/message).
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var VOCABULARY_FIELDS = ["folded_title", "folded", "folded_tags", "keywords"];
  var rules = null;
  var vocabulary = null;
  var pending = [];  // what was decided for each query sent, oldest first (one result each)
  var shown = { words: [] };  // the query whose results are on screen
  var setupMs = null;
  var lang = (document.documentElement.getAttribute("lang") || "fr").split("-")[0];

  function fold(text) {
    return text.toLowerCase()
      .replace(/[’‘]/g, "'").replace(/œ/g, "oe").replace(/æ/g, "ae")
      .normalize("NFKD").replace(/\p{M}/gu, "");
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

  // Folded words of two letters or more (folding.normalize_query, search_query.phrase_words).
  function words(text) {
    return fold(text).replace(/([a-z0-9])-(?=[a-z0-9])/g, "$1").split(/[^a-z0-9]+/)
      .filter(function (word) { return word.length >= 2; });
  }

  // --- Typos (search_query.py) -----------------------------------------------------------------

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
    return word.length >= rules.typo.min_length && /^[a-z]+$/.test(word);
  }

  function buildVocabulary(docs, separator) {
    var frequency = new Map();
    docs.forEach(function (doc) {
      var seen = new Set();
      VOCABULARY_FIELDS.forEach(function (name) {
        if (typeof doc[name] !== "string") return;
        doc[name].split(separator).forEach(function (token) {
          var term = token.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
          if (term.length >= 2 && /^[a-z0-9]+$/.test(term)) seen.add(term);
        });
      });
      seen.forEach(function (term) { frequency.set(term, (frequency.get(term) || 0) + 1); });
    });
    var terms = Array.from(frequency.keys()).sort();
    return { terms: terms, frequency: frequency, stems: terms.map(lightStem) };
  }

  function hasPrefix(prefix) {
    var terms = vocabulary.terms;
    var low = 0;
    var high = terms.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (terms[middle] < prefix) low = middle + 1; else high = middle;
    }
    return low < terms.length && terms[low].startsWith(prefix);
  }

  // null: the word stays as typed; else the stems of the site's words one edit away (maybe none).
  function corrections(word) {
    var stem = lightStem(word);
    if (!mayBeMistyped(word) || hasPrefix(stem)) return null;
    var best = new Map();
    vocabulary.terms.forEach(function (term, i) {
      var termStem = vocabulary.stems[i];
      if (Math.abs(term.length - word.length) > 1 && Math.abs(termStem.length - stem.length) > 1) return;
      if (!/^[a-z]+$/.test(term)) return;
      if (oneEditApart(word, term) || oneEditApart(stem, termStem)) {
        best.set(termStem, Math.max(best.get(termStem) || 0, vocabulary.frequency.get(term)));
      }
    });
    return Array.from(best.keys()).sort(function (a, b) {
      return (best.get(b) - best.get(a)) || (a < b ? -1 : a > b ? 1 : 0);
    }).slice(0, rules.typo.max_corrections);
  }

  function normalize(query) {
    var found = [];
    var seen = new Set();
    words(query).forEach(function (word) {
      if (rules.stop.has(word)) return;
      var stem = lightStem(word);
      if (seen.has(stem)) return;
      seen.add(stem);
      found.push([stem, vocabulary ? corrections(word) : null]);
    });
    if (!found.some(function (w) { return w[1] && w[1].length; })) {
      return found.map(function (w) { return w[0]; }).join(" ");
    }
    var parts = [];
    found.forEach(function (w) {
      if (w[1] && w[1].length) {
        w[1].forEach(function (c) { if (parts.indexOf(c) < 0 && !seen.has(c)) parts.push(c); });
      } else {
        parts.push(w[0] + "*^" + rules.typo.exact_boost);
      }
    });
    return parts.join(" ");
  }

  // --- Distress (search_query.distress_phrase) -------------------------------------------------

  function wordMatches(typed, wanted) {
    if (typed === wanted || lightStem(typed) === lightStem(wanted)) return true;
    if (!(mayBeMistyped(typed) && mayBeMistyped(wanted)) || (vocabulary && hasPrefix(lightStem(typed)))) return false;
    return oneEditApart(typed, wanted) || oneEditApart(lightStem(typed), lightStem(wanted));
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

  function distressPhrase(query) {
    var list = words(query);
    if (!list.length) return null;
    var excepted = [];
    rules.distress.exceptions.forEach(function (exception) {
      excepted = excepted.concat(occurrences(list, exception));
    });
    for (var p = 0; p < rules.distress.phrases.length; p++) {
      var phrase = rules.distress.phrases[p];
      var spans = occurrences(list, phrase);
      for (var s = 0; s < spans.length; s++) {
        var inside = excepted.some(function (e) { return e[0] <= spans[s][0] && spans[s][1] <= e[1]; });
        if (!inside) return phrase;
      }
    }
    return null;
  }

  // --- Order of the results (search_query.ordered, SiteSearch._order) --------------------------

  function ownEdition(location) {
    var editions = rules.editions;
    if (editions[lang] !== undefined) return location.startsWith(editions[lang]);
    return !Object.keys(editions).some(function (code) { return location.startsWith(editions[code]); });
  }

  function pageOf(item) {
    return item[0].location.split("#")[0];
  }

  function reorder(items, help) {
    var mine = items.filter(function (item) { return ownEdition(pageOf(item)); });
    var result = mine.concat(items.filter(function (item) { return !ownEdition(pageOf(item)); }));
    if (help !== null) {
      var found = result.filter(function (item) { return pageOf(item) === help; });
      var helpItem = found.length ? found[0] : (rules.helpDocs[help] ? [Object.assign({}, rules.helpDocs[help], { score: 0, terms: {} })] : null);
      if (helpItem) {
        result = [helpItem].concat(result.filter(function (item) { return item !== helpItem; }));
      }
    }
    // Scores never increase down the list: Material's Enter key opens the best-scored result.
    var floor = null;
    for (var i = result.length - 1; i >= 0; i--) {
      var top = result[i][0].score;
      if (floor !== null && top < floor) {
        var raise = floor - top;
        result[i].forEach(function (doc) { doc.score += raise; });
      }
      floor = result[i][0].score;
    }
    return result;
  }

  // --- The worker's messages -------------------------------------------------------------------

  function setCard(on) {
    var box = document.querySelector("[data-ss-recherche-detresse]");
    var model = document.getElementById("ss-recherche-detresse-modele");
    if (!box || !model) return;
    if (on && !box.firstElementChild) {
      box.appendChild(model.content.cloneNode(true));
    } else if (!on && box.firstElementChild) {
      box.textContent = "";
    }
  }

  var handled = new WeakSet();

  function onResult(event) {
    var message = event.data;
    if (!message || message.type !== RESULT || handled.has(event)) return;
    handled.add(event);
    var state = pending.shift() || { words: [], help: null };
    try {
      if (message.data && Array.isArray(message.data.items)) {
        message.data.items = reorder(message.data.items, state.help);
      }
    } catch (error) {
      console.warn("search-soignants : ordre des résultats inchangé", error);
    }
    shown = state;
    setCard(state.help !== null);
  }

  function setup(config, docs) {
    var data = config.soignants;
    if (!data) return;
    rules = {
      stop: new Set(data.stop_words), plural: data.plural_rules, suffix: data.suffix_rules,
      typo: data.typo, distress: data.distress, editions: data.editions || {},
      help: (data.help_pages || {})[lang] || null, helpDocs: {}
    };
    (docs || []).forEach(function (doc) {
      if (doc.location === rules.help) {
        rules.helpDocs[doc.location] = { location: doc.location, title: doc.title, text: doc.text, tags: doc.tags };
      }
    });
    vocabulary = buildVocabulary(docs || [], new RegExp(config.separator));
  }

  // Material's worker gets the index, then each query, through postMessage.
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === SETUP && message.data && message.data.config) {
      try {
        var started = performance.now();
        setup(message.data.config, message.data.docs);
        setupMs = performance.now() - started;
      } catch (error) {
        rules = null;
        console.warn("search-soignants : recherche sans nos règles", error);
      }
      if (Array.isArray(this.ssListeners) && !this.ssWorker) {
        // Material's listener, not attached yet: let it read the results once we have ordered them.
        this.ssListeners = this.ssListeners.map(function (listenerArgs) {
          var listener = listenerArgs[1];
          if (listenerArgs[0] !== "message" || typeof listener !== "function") return listenerArgs;
          var first = function (event) {
            onResult(event);
            return listener.apply(this, arguments);
          };
          return [listenerArgs[0], first].concat(listenerArgs.slice(2));
        });
      }
      var sent = post.apply(this, args);
      var worker = this.ssWorker || this;
      if (!worker.ssListening) {
        worker.ssListening = true;
        worker.addEventListener("message", onResult);  // the card, when the wrapping above could not be done
      }
      return sent;
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      if (rules) {
        var normalized = normalize(message.data);
        pending.push({
          words: normalized.split(" ").map(function (w) { return w.replace(/\*\^\d+$/, ""); }).filter(Boolean),
          help: distressPhrase(message.data) ? rules.help : null
        });
        args[0] = { type: QUERY, data: normalized };
      } else {
        pending.push({ words: [], help: null });
      }
    }
    return post.apply(this, args);
  };

  // For the tests: what the worker gets for what the reader typed (null before the index), and
  // whether the query expresses distress.
  // For the bench (scripts/bench/engines.py): the time our setup took on the main thread.
  window.soignantsSearch = {
    normalize: function (query) { return rules ? normalize(query) : null; },
    distress: function (query) { return rules ? distressPhrase(query) : null; },
    get setupMs() { return setupMs; }
  };

  // Mark the words of a result whose folded form starts with one of `stems`. Material's marks stay.
  function markWords(article, stems) {
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("mark, .md-tags, .md-search-result__terms")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var pattern = /[\p{L}\p{N}]+/gu;
      var parts = null;
      var last = 0;
      var match;
      while ((match = pattern.exec(text))) {
        var token = match[0];
        var folded = fold(token);
        if (!stems.some(function (w) { return folded.startsWith(w); })) continue;
        parts = parts || document.createDocumentFragment();
        parts.append(text.slice(last, match.index));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = token;
        parts.append(mark);
        last = match.index + token.length;
      }
      if (parts) {
        parts.append(text.slice(last));
        node.replaceWith(parts);
      }
    });
  }

  // Each result's tags are a <nav> of Material's: give each its own name (axe: landmark-unique).
  function nameTags(item) {
    var area = item.closest("[data-ss-etiquettes]");
    var word = area ? area.getAttribute("data-ss-etiquettes") : "";
    item.querySelectorAll("nav.md-tags:not([aria-label])").forEach(function (nav) {
      var title = nav.parentElement.querySelector("h1, h2");
      nav.setAttribute("aria-label", (title ? title.textContent.trim() + " : " : "") + word);
    });
  }

  function highlightItem(item) {
    nameTags(item);
    if (!shown.words.length) return;
    item.querySelectorAll("a.md-search-result__link > article").forEach(function (article) {
      markWords(article, shown.words);
    });
  }

  function watchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1 && node.matches(".md-search-result__item")) {
            try {
              highlightItem(node);
            } catch (error) {
              console.warn("search-soignants : surlignage impossible", error);
            }
          }
        });
      });
    }).observe(list, { childList: true });
  }

  // Nothing found: show the hint under Material's « Aucun document trouvé ».
  function watchNoResult() {
    var meta = document.querySelector(".md-search-result__meta");
    var hint = document.querySelector("[data-ss-recherche-vide]");
    var model = document.getElementById("ss-recherche-vide-modele");
    var config = document.getElementById("__config");
    if (!meta || !hint || !model || !config) return;
    var none = JSON.parse(config.textContent).translations["search.result.none"];
    function update() {
      var nothing = meta.textContent.trim() === none;
      if (nothing && !hint.firstElementChild) {
        hint.appendChild(model.content.cloneNode(true));
      } else if (!nothing && hint.firstElementChild) {
        hint.textContent = "";
      }
    }
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
    update();
  }

  function start() {
    watchResults();
    watchNoResult();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
