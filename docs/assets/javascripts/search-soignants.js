/*
 * Soigner les soignants — the site's search, the reader's way. Loads nothing from another host.
 *
 * 1. The query. Material's search worker looks words up as they are typed. Before a query
 *    reaches the worker, it is folded (« médecin » = « medecin »), cut into words
 *    (« l'Ordre » -> « ordre », « burn-out » -> « burnout »), stripped of stop words, and cut
 *    down to the prefix the forms of a word share (« épuisée » -> « epuis », which the worker's
 *    trailing `*` extends to « épuisement »). The reference is normalize_query in
 *    soignants/folding.py; its data (stop words, word-form rules) comes with the search index
 *    (config.soignants), so this file holds only code. tests/search checks that both agree.
 * 2. Highlighting. The index ranks on folded forms only (soignants/search_index.py), so Material
 *    marks only the matching words it finds as typed. Each result it shows carries the query
 *    words it matched (the `h` parameter of its link, Material's search.highlight feature): the
 *    words of the result whose folded form starts with one of them are marked here
 *    (« médecin » for « medecin »), and `h` gets their spelling, for the page the reader opens.
 * 3. Nothing found: a kind word and the way to « Trouver de l'aide », whose text and link are in
 *    overrides/partials/search.html (in the page's language, under any subpath).
 */
(function () {
  "use strict";

  // Material's SearchMessageType (integrations/search/worker/message).
  var SETUP = 0;
  var QUERY = 2;
  var rules = null;

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

  function normalize(query) {
    var words = [];
    fold(query).replace(/([a-z0-9])-(?=[a-z0-9])/g, "$1").split(/[^a-z0-9]+/).forEach(function (word) {
      if (word.length < 2 || rules.stop.has(word)) return;
      var stem = lightStem(word);
      if (words.indexOf(stem) < 0) words.push(stem);
    });
    return words.join(" ");
  }

  // Material's worker gets the index, then each query, through postMessage.
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === SETUP && message.data && message.data.config) {
      var data = message.data.config.soignants;
      if (data) {
        rules = { stop: new Set(data.stop_words), plural: data.plural_rules, suffix: data.suffix_rules };
      }
    } else if (message && message.type === QUERY && typeof message.data === "string" && rules) {
      args[0] = { type: QUERY, data: normalize(message.data) };
    }
    return post.apply(this, args);
  };

  // For the tests: the query the worker gets for what the reader typed (null before the index).
  window.soignantsSearch = {
    normalize: function (query) { return rules ? normalize(query) : null; }
  };

  // Mark the words of a result whose folded form starts with one of `words`; return, for each
  // of those words, the spellings found (« médecin » for « medecin »). Material's marks stay.
  function markWords(article, words) {
    var found = {};
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
        var word = words.find(function (w) { return folded.startsWith(w); });
        if (!word) continue;
        var spelling = token;
        while (spelling.length > 1 && fold(spelling.slice(0, -1)).length >= word.length) {
          spelling = spelling.slice(0, -1);
        }
        (found[word] = found[word] || new Set()).add(spelling.toLowerCase());
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
    return found;
  }

  function highlightItem(item) {
    item.querySelectorAll("a.md-search-result__link:not([data-ss-surligne])").forEach(function (link) {
      link.setAttribute("data-ss-surligne", "");
      var url = new URL(link.href);
      var words = (url.searchParams.get("h") || "").split(" ").filter(Boolean);
      var article = link.querySelector("article");
      if (!words.length || !article) return;
      var found = markWords(article, words);
      var spellings = [];
      words.forEach(function (word) {
        (found[word] ? Array.from(found[word]) : [word]).forEach(function (s) {
          if (spellings.indexOf(s) < 0) spellings.push(s);
        });
      });
      url.searchParams.set("h", spellings.join(" "));
      link.href = url.toString();
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
