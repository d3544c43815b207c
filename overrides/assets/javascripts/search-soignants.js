/*
 * Soigner les soignants — the site's search, the reader's way. Loads nothing from another host,
 * stores nothing and sends nothing: what the reader types stays in this page.
 *
 * Material's search box and result list are kept; the engine behind them is Pagefind's index in
 * fragments (soignants/pipeline/search_pagefind.py), queried from this page: `SoignantsSearchEngine`
 * below answers Material's messages (SETUP, QUERY) as its search worker would, and
 * chargement-differe.js creates it instead of Material's worker (which is then never fetched).
 * Nothing is fetched before the reader opens the search; then only the index fragments the words
 * need, and the text of the results shown.
 *
 * 1. The query is folded (« médecin » = « medecin »), cut into words (« l'Ordre » -> « ordre »,
 *    « burn-out » -> « burnout ») and stripped of stop words (soignants/model/folding.py). Pagefind
 *    folds accents, finds word forms and word beginnings itself.
 * 2. Typos. A word of 5 letters or more that no result shows, and that the site does not have, is
 *    replaced by the site's word one edit away (« epuisemnt » -> « epuisement »;
 *    soignants/model/search_query.py), and the search runs again. The site's words
 *    (search/vocabulaire.json) are fetched only then.
 * 3. Distress. detresse.js (loaded with every page) shows the crisis card as the phrase is typed;
 *    a phrase of crisis also puts the help page first among the results (asked of detresse.js).
 * 4. Order: the pages of the reader's edition first (on /en/, the English pages), then the others;
 *    within each, the pages whose title or keywords hold the query's words, then Pagefind's order.
 * 5. Highlighting: the words of each result whose folded form starts with a word of the query.
 *    Result titles and text are Pagefind's, made plain text and escaped here: Material writes
 *    them as HTML.
 * 6. Nothing found: a kind word and the way to « Trouver de l'aide » (search.html).
 * The rules (stop words, typo settings, distress phrases, help pages) come with Material's
 * search_index.json (config.soignants), so this file holds only code.
 */
(function () {
  "use strict";

  // Material's SearchMessageType (integrations/search/worker/message).
  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  var MAX_RESULTS = 8;    // pages shown; each one's text is a fragment to fetch (budget: 200 KB
                          // for a first query at 1 000 fiches, docs/a-propos/performances.md)
  var MAX_SECTIONS = 3;   // sections of a page shown under it
  var QUERY_PAUSE_MS = 120;  // typing pause after which a query runs
  var rules = null;
  var vocabulary = null;
  var vocabularyLoad = null;
  var pagefindLoad = null;
  var shown = { words: [] };  // the query whose results are on screen
  var counts = { queries: 0, results: 0 };
  var lang = (document.documentElement.getAttribute("lang") || "fr").split("-")[0];

  function siteRoot() {
    // Material's settings, in a <script>: a page's content cannot write one (render/sanitize.py).
    var config = document.querySelector("script#__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

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

  // The site's words one edit away from `word` (or from its stem): those one edit away from the
  // word itself first (« agresssion » -> « agression », not « agressions »), most frequent first.
  function corrections(word) {
    var stem = lightStem(word);
    if (!mayBeMistyped(word)) return null;
    var best = new Map();
    vocabulary.terms.forEach(function (term, i) {
      var termStem = vocabulary.stems[i];
      if (Math.abs(term.length - word.length) > 1 && Math.abs(termStem.length - stem.length) > 1) return;
      if (!/^[a-z]+$/.test(term)) return;
      if (oneEditApart(word, term)) {
        best.set(term, [1, vocabulary.frequency.get(term)]);
      } else if (oneEditApart(stem, termStem)) {
        best.set(term, [0, vocabulary.frequency.get(term)]);
      }
    });
    return Array.from(best.keys()).sort(function (a, b) {
      var x = best.get(a), y = best.get(b);
      return (y[0] - x[0]) || (y[1] - x[1]) || (a < b ? -1 : a > b ? 1 : 0);
    }).slice(0, rules.typo.max_corrections);
  }

  // The site's words, fetched once, when a word finds nothing.
  function loadVocabulary() {
    if (!vocabularyLoad) {
      vocabularyLoad = fetch(new URL("search/" + rules.vocabulary, siteRoot()).href, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          var frequency = new Map();
          data.terms.forEach(function (term, i) { frequency.set(term, data.counts[i]); });
          vocabulary = { terms: data.terms, frequency: frequency, stems: data.terms.map(lightStem) };
          return vocabulary;
        })
        .catch(function (error) {
          console.warn("search-soignants : fautes de frappe non corrigées", error);
          vocabulary = { terms: [], frequency: new Map(), stems: [] };
          return vocabulary;
        });
    }
    return vocabularyLoad;
  }

  // Pagefind's entry file is fetched again only when the build changes (`metaCacheTag`: the build's
  // version, written in the page by overrides/partials/search.html; soignants/pipeline/build_version.py).
  // A page older than the index (kept in the HTTP cache) could ask for fragments that no longer
  // exist: the search is then tried once more with the entry fetched anew (`freshTag`).
  var freshTag = null;

  function cacheTag() {
    var search = document.querySelector(".md-header [data-md-component=search]");
    return freshTag || (search && search.getAttribute("data-ss-construction")) || String(Date.now());
  }

  function pagefind() {
    if (!pagefindLoad) {
      pagefindLoad = import(new URL("pagefind/pagefind.js", siteRoot()).href).then(function (engine) {
        return Promise.resolve(engine.options({ baseUrl: "/", excerptLength: 24, metaCacheTag: cacheTag(),
                                                ranking: { pageLength: 0.3, termFrequency: 0.3, termSaturation: 2 } }))
          .then(function () { return engine; });
      });
    }
    return pagefindLoad;
  }

  // The engine started once (its code, its WebAssembly, the list of its index: Pagefind's init).
  var engineStarted = null;
  function startEngine() {
    if (!engineStarted) engineStarted = pagefind().then(function (engine) { return engine.init(); });
    return engineStarted;
  }

  // fn(item) for each item, one after the other (Pagefind's searches, run together, can answer
  // each other's questions), then the list of the answers.
  function inTurn(items, fn) {
    var answers = [];
    return items.reduce(function (chain, item) {
      return chain.then(function () { return fn(item); }).then(function (answer) { answers.push(answer); });
    }, Promise.resolve()).then(function () { return answers; });
  }

  // The folded words of a query that the search keeps, each once.
  function queryWords(query) {
    var seen = new Set();
    return words(query).filter(function (word) {
      if (rules.stop.has(word) || seen.has(word)) return false;
      seen.add(word);
      return true;
    });
  }

  // Is `word` a word of the site (or the beginning of one)? Pagefind, when it finds no word
  // starting with what was typed, also finds words sharing only its first letters (« prevoyence »
  // finds « près »): look at the words it marked as found in the excerpts.
  var MARKED = /<mark>([^<]*)<\/mark>/g;

  // The folded words Pagefind marked as found in the excerpts of `pages` (data of results).
  function markedWords(pages) {
    var marked = [];
    pages.forEach(function (data) {
      [data.excerpt].concat((data.sub_results || []).map(function (section) { return section.excerpt; }))
        .forEach(function (excerpt) {
          var match;
          MARKED.lastIndex = 0;
          while ((match = MARKED.exec(String(excerpt || "")))) marked = marked.concat(words(plain(match[1])));
        });
    });
    return marked;
  }

  function isMarked(word, marked) {
    var stem = lightStem(word);
    return marked.some(function (found) { return found.startsWith(stem) || lightStem(found) === stem; });
  }

  function isKnown(engine, word) {
    return engine.search(word).then(function (found) {
      if (!found.results.length) return false;
      return found.results[0].data().then(function (data) { return isMarked(word, markedWords([data])); });
    });
  }

  // A word typed that the pages found do not show (a typo, or a word found only elsewhere):
  // kept if the site has it, else the site's nearest word.
  function corrected(engine, word) {
    return isKnown(engine, word).then(function (known) {
      if (known) return word;
      return loadVocabulary().then(function () {
        var better = corrections(word);
        return better && better.length ? better[0] : word;
      });
    });
  }

  // The search for what the reader typed: {words sent, pages (Pagefind's data), help page or null}.
  // The words are searched as typed; only a word of 5 letters or more that none of the pages
  // found shows is checked, corrected if need be, and the search run again.
  function resolve(query, engine) {
    var typed = queryWords(query);
    return findPages(engine, typed).then(function (pages) {
      var marked = markedWords(pages);
      var doubtful = typed.filter(function (word) { return mayBeMistyped(word) && !isMarked(word, marked); });
      if (!doubtful.length) return { words: typed, pages: pages };
      return inTurn(doubtful, function (word) { return corrected(engine, word); }).then(function (better) {
        var sent = typed.map(function (word) {
          var i = doubtful.indexOf(word);
          return i >= 0 ? better[i] : word;
        }).filter(function (word, i, all) { return all.indexOf(word) === i; });
        if (sent.join(" ") === typed.join(" ")) return { words: typed, pages: pages };
        return findPages(engine, sent).then(function (again) { return { words: sent, pages: again }; });
      });
    }).then(function (found) {
      var distress = window.soignantsDetresse;
      var crisis = distress ? distress.isCrisis(distress.match(query)) : false;
      return { words: found.words, pages: found.pages, help: crisis ? rules.help : null };
    });
  }

  // The search cannot run (its engine or a fragment of its index did not load): detresse.js says
  // so and shows the help numbers.
  function unavailable() {
    document.dispatchEvent(new CustomEvent("ss:recherche-indisponible"));
  }

  // --- The results ----------------------------------------------------------------------------

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  // Pagefind's excerpt (HTML with <mark>) as plain text; DOMParser runs and loads nothing.
  function plain(html) {
    return new DOMParser().parseFromString(String(html || ""), "text/html").body.textContent.replace(/\s+/g, " ").trim();
  }

  // "/fiches/x/#a" -> "fiches/x/#a": a location under the site's root, as in Material's index.
  function locationOf(url) {
    return String(url).replace(/^\/+/, "");
  }

  function pageOf(location) {
    return location.split("#")[0];
  }

  // Pagefind finds the pages holding every word. When they are fewer than a list, the pages
  // holding some of the words follow: most words first, then the best placed in each word's list
  // (« je ne peux plus payer mes cotisations » is not written so on any page).
  function searchEdition(engine, sent, options) {
    return engine.search(sent.join(" "), options).then(function (all) {
      var results = all.results.slice(0, MAX_RESULTS);
      if (sent.length < 2 || results.length >= MAX_RESULTS) return results;
      return inTurn(sent, function (word) { return engine.search(word, options); }).then(function (each) {
        var taken = new Set(results.map(function (result) { return result.id; }));
        var partial = new Map();
        each.forEach(function (search) {
          search.results.forEach(function (result, rank) {
            if (taken.has(result.id)) return;
            var seen = partial.get(result.id) || { result: result, words: 0, ranks: 0 };
            seen.words += 1;
            seen.ranks += rank / Math.max(search.results.length, 1);
            partial.set(result.id, seen);
          });
        });
        var more = Array.from(partial.values()).sort(function (a, b) {
          return (b.words - a.words) || (a.ranks / a.words - b.ranks / b.words);
        });
        return results.concat(more.map(function (seen) { return seen.result; })).slice(0, MAX_RESULTS);
      });
    });
  }

  // The pages for the words, MAX_RESULTS in all, the reader's edition first. On the French
  // edition (nearly every page), one search over both, its English pages put last; on the
  // English edition, its own pages first, then the French ones (an edition filter each).
  function findPages(engine, sent) {
    if (!sent.length) return Promise.resolve([]);
    var ordered;
    if (lang === "en") {
      var found = [];
      ordered = ["en", "fr"].reduce(function (chain, edition) {
        return chain.then(function () {
          if (found.length >= MAX_RESULTS) return;
          return searchEdition(engine, sent, { filters: { edition: edition } }).then(function (results) {
            found = found.concat(results.slice(0, MAX_RESULTS - found.length));
          });
        });
      }, Promise.resolve()).then(function () { return found; });
    } else {
      ordered = searchEdition(engine, sent, {});
    }
    return ordered.then(function (results) {
      return Promise.all(results.map(function (result) { return result.data(); }));
    }).then(function (pages) {
      var other = function (data) { return !ownEdition(locationOf(data.url)); };
      return byTitleAndKeywords(pages.filter(function (data) { return !other(data); }), sent)
        .concat(byTitleAndKeywords(pages.filter(other), sent));
    });
  }

  // The pages whose title or keywords (meta.mots_cles, search_pagefind.py) hold more of the
  // query's words first, Pagefind's order otherwise: the reader's words lead to the fiche itself.
  function byTitleAndKeywords(pages, sent) {
    var stems = sent.map(lightStem);
    var scored = pages.map(function (data, i) {
      var meta = data.meta || {};
      var own = words((meta.title || "") + " " + (meta.mots_cles || ""));
      var hits = stems.filter(function (stem) {
        return own.some(function (word) { return word.startsWith(stem) || lightStem(word) === stem; });
      }).length;
      return { data: data, hits: hits, rank: i };
    });
    scored.sort(function (a, b) { return (b.hits - a.hits) || (a.rank - b.rank); });
    return scored.map(function (entry) { return entry.data; });
  }

  function ownEdition(location) {
    var prefixes = rules.editions || {};
    if (prefixes[lang] !== undefined) return location.startsWith(prefixes[lang]);
    return !Object.keys(prefixes).some(function (code) { return location.startsWith(prefixes[code]); });
  }

  function documentOf(location, title, text, score) {
    return { location: location, title: escapeHtml(title), text: escapeHtml(text), score: score, terms: {} };
  }

  // --- Excerpts: never the hidden keywords -----------------------------------------------------
  // A page's keywords (meta.mots_cles) are indexed as the last words of its text (search_pagefind.py),
  // so that they rank; they are no text of the page, and an excerpt must never show them (« envie
  // d'un accident » read as a sentence). Where Pagefind matched them, the excerpt is made again from
  // the page's own words (its content before them, Pagefind's word positions), around its best match.
  var EXCERPT_WORDS = 24;
  var SPACES = /[\r\n\s]+/g;

  function pageWords(data) {
    var words = String(data.content || "").split(SPACES);
    var keywords = String((data.meta && data.meta.mots_cles) || "").split(SPACES).filter(Boolean).length;
    return { words: words, end: Math.max(0, words.length - keywords) };
  }

  // The text of a page or section: Pagefind's excerpt, or, if it matched the keywords, the page's
  // words around its best match between `from` and the keywords (null: nothing but keywords).
  function ownExcerpt(found, text, page, from) {
    var located = found.weighted_locations || [];
    if (!located.some(function (hit) { return hit.location >= page.end; })) return plain(text);
    var own = located.filter(function (hit) { return hit.location >= from && hit.location < page.end; });
    if (!own.length) return null;
    var best = own.reduce(function (a, b) { return b.balanced_score > a.balanced_score ? b : a; });
    var start = Math.max(from, best.location - Math.floor(EXCERPT_WORDS / 3));
    return page.words.slice(start, Math.min(page.end, start + EXCERPT_WORDS)).join(" ");
  }

  // Material's result: one list per page, the page then its sections, best score first.
  function itemsOf(pages, help) {
    var items = pages.map(function (data) {
      var location = locationOf(data.url);
      var page = pageWords(data);
      var sections = (data.sub_results || []).filter(function (section) {
        return locationOf(section.url).indexOf("#") > 0;
      }).map(function (section) {
        var from = section.anchor && typeof section.anchor.location === "number" ? section.anchor.location : 0;
        return { location: locationOf(section.url), title: section.title || "", text: ownExcerpt(section, section.excerpt, page, from) };
      }).filter(function (section) { return section.text !== null; }).slice(0, MAX_SECTIONS);
      var text = ownExcerpt(data, data.excerpt, page, 0);
      return { location: location, title: (data.meta && data.meta.title) || location,
               text: text !== null ? text : page.words.slice(0, Math.min(page.end, EXCERPT_WORDS)).join(" "),
               sections: sections };
    });
    if (help !== null) {
      var index = -1;
      items.forEach(function (item, i) { if (index < 0 && pageOf(item.location) === help) index = i; });
      var helpItem = index >= 0 ? items.splice(index, 1)[0] : null;
      var known = rules.helpDocuments[help];
      if (!helpItem && known) helpItem = { location: help, title: known.title, text: known.text, sections: [] };
      if (helpItem) items.unshift(helpItem);
    }
    // Scores fall down the list: Material's Enter key opens the best-scored result, and shows
    // a page's first section with it, the others under « n autres ».
    return items.map(function (item, i) {
      var score = items.length - i;
      return [documentOf(item.location, item.title, item.text, score)].concat(item.sections.map(function (section, j) {
        return documentOf(section.location, section.title, section.text, j === 0 ? score : score - 0.5);
      }));
    });
  }

  // The whole search for one query: {words (highlighted), help (or null), items}.
  function attempt(query) {
    return pagefind().then(function (engine) {
      return resolve(query, engine).then(function (found) {
        return { sent: found.words, words: found.words.map(lightStem), help: found.help,
                 items: itemsOf(found.pages, found.help) };
      });
    });
  }

  function run(query) {
    return attempt(query).catch(function (error) {
      if (freshTag) throw error;
      freshTag = String(Date.now());
      return pagefind().then(function (engine) { return engine.destroy(); }, function () {}).then(function () {
        pagefindLoad = null;
        engineStarted = null;
        return attempt(query);
      });
    });
  }

  function setup(config) {
    var data = config.soignants;
    rules = {
      stop: new Set(data.stop_words), plural: data.plural_rules, suffix: data.suffix_rules,
      typo: data.typo, distress: data.distress, vocabulary: data.vocabulary, editions: data.editions || {},
      help: (data.help_pages || {})[lang] || null, helpDocuments: data.help_documents || {}
    };
    // detresse.js holds its own rules when the site's build wrote them; else it takes the index's.
    if (window.soignantsDetresse) {
      window.soignantsDetresse.useIndexRules(Object.assign({ plural_rules: data.plural_rules, suffix_rules: data.suffix_rules },
                                                           data.distress));
    }
  }

  // --- Material's search worker, in the page ---------------------------------------------------

  function SoignantsSearchEngine() {
    this.listeners = [];
    this.started = false;
    this.latest = 0;
    this.chain = Promise.resolve();
  }

  SoignantsSearchEngine.prototype.addEventListener = function (type, listener) {
    if (type === "message" && typeof listener === "function") this.listeners.push(listener);
  };

  SoignantsSearchEngine.prototype.removeEventListener = function (type, listener) {
    this.listeners = this.listeners.filter(function (known) { return known !== listener; });
  };

  SoignantsSearchEngine.prototype.emit = function (message) {
    var event = new MessageEvent("message", { data: message });
    this.listeners.slice().forEach(function (listener) { listener.call(this, event); }, this);
  };

  SoignantsSearchEngine.prototype.postMessage = function (message) {
    var self = this;
    if (message && message.type === SETUP) {
      try {
        setup(message.data.config);
      } catch (error) {
        console.warn("search-soignants : réglages de recherche illisibles", error);
        return;
      }
      // The engine has been starting since this file came (start(), below): say it if it cannot.
      startEngine().catch(function (error) {
        console.warn("search-soignants : moteur de recherche indisponible", error);
        unavailable();
      });
      setTimeout(function () { self.emit({ type: READY }); });
    } else if (message && message.type === QUERY && rules) {
      var ticket = ++self.latest;
      var query = String(message.data || "");
      counts.queries++;
      // While the reader types: the index fragments of the words so far (Pagefind's preload).
      pagefind().then(function (engine) {
        var typed = queryWords(query);
        if (typed.length) return engine.preload(typed.join(" "));
      }).catch(function () {});
      // Material sends a query at each key: run it once the reader pauses (each query fetches
      // the text of its results), one at a time, in order; a query followed by another is dropped.
      // The first one (what was typed while the search was loading) runs at once.
      var pause = self.started ? QUERY_PAUSE_MS : 0;
      self.started = true;
      setTimeout(function () {
        if (ticket !== self.latest) {
          counts.results++;
          return;
        }
        self.chain = self.chain.then(function () {
          if (ticket !== self.latest) return;
          return run(query).then(function (found) {
            if (ticket !== self.latest) return;
            shown = found;
            self.emit({ type: RESULT, data: { items: found.items } });
          });
        }).catch(function (error) {
          console.warn("search-soignants : recherche impossible", error);
          unavailable();
          if (ticket === self.latest) self.emit({ type: RESULT, data: { items: [] } });
        }).then(function () {
          counts.results++;
        });
      }, pause);
    }
  };

  SoignantsSearchEngine.prototype.terminate = function () {
    this.listeners = [];
  };

  window.SoignantsSearchEngine = SoignantsSearchEngine;

  // For the tests, the relevance suite and `make recherche`: the whole search for a query (the
  // pages in order, the words sent, whether the card shows), and the queries answered so far.
  window.soignantsSearch = {
    search: function (query) {
      return run(query).then(function (found) {
        return { pages: found.items.map(function (item) { return pageOf(item[0].location); }),
                 words: found.sent, help: found.help,
                 texts: found.items.map(function (item) { return item.map(function (doc) { return plain(doc.text); }); }) };
      });
    },
    prepare: function (query) {
      return pagefind().then(function (engine) { return resolve(query, engine); }).then(function (found) {
        return { words: found.words, help: found.help };
      });
    },
    distress: function (query) {
      var found = window.soignantsDetresse ? window.soignantsDetresse.match(query) : null;
      return Promise.resolve(found ? found.phrase : null);
    },
    get ready() { return rules !== null; },
    counts: counts
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
    var config = document.querySelector("script#__config");
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
    // This file is fetched when the reader opens the search (chargement-differe.js): start the
    // engine now, while Material's bundle and the rules file arrive, not once they have (the first
    // query waited for the three, one after the other). Once the page is whole: its settings give
    // the site's root. A failure is said when the rules are read (SETUP, above).
    startEngine().catch(function () {});
  }

  if (document.readyState === "loading") {
    // once: Material's bundle, loaded on demand, is told « DOMContentLoaded » again (chargement-differe.js)
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
