"""The site's search, reproduced in Python: same index, same ranking as the reader's browser.

Material for MkDocs builds a lunr.js index in a web worker from `search/search_index.json` and
ranks pages with its own tokenizer, query rewriting and post-query boosts. This module repeats
those steps with the `lunr` package (a port of lunr.js 2.3), reading everything it can from the
built index and from the installed Material package rather than copying it:
- fields and boosts, languages and separator: `config` of the built index;
- stop words and word characters: lunr-languages files shipped with Material
  (assets/javascripts/lunr/min/lunr.<lang>.min.js) and lunr.js inside the search worker;
- tokenizer, query transform, post-query boost and grouping by page: ported from Material's
  worker source (integrations/search/ in the worker's source map), version 9.8.
- our own query normalization (soignants/model/folding.py) and typo correction
  (soignants/model/search_query.py), which search-soignants.js applies in the browser before the worker
  sees the query, and the order it gives the worker's results (own edition first, the help page
  first when the query expresses distress).

tests/search/test_browser_agreement.py types queries into the real search box and checks that the
browser's top results are the harness's. `scripts/search.py` shows an editor how a query ranks.
Material's handling of Chinese text (segmentation) and the stemmer are not reproduced.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
import json
import math
import re
import re._parser as sre_parser  # the minimum width of a pattern

from ..model.folding import fold, join_hyphens
from ..model.search_query import DistressRules, Vocabulary, corrected_query, distress_phrase, ordered

# Material's tokenizer distinguishes markup from text (integrations/search/internal/extract).
TEXT, TAG_OPEN, TAG_CLOSE = 1, 0, 2
# What `\s`, `\w` and `\d` mean in a JavaScript regular expression (without the `u` flag).
JS_CLASSES = {
    "s": "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff",
    "w": "A-Za-z0-9_",
    "d": "0-9",
}
STOP_LIST = re.compile(r"generateStopWordFilter\(\s*(\[[^\]]*\]|\"[^\"]*\"\.split\(\"[^\"]*\"\))")
WORD_CHARACTERS = re.compile(r"\.wordCharacters\s*=\s*\"((?:[^\"\\]|\\.)*)\"")


# --- What Material ships ---------------------------------------------------------------------

def material_javascripts() -> Path:
    import material
    return Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def _parse_stop_words(source: str, where: str) -> frozenset[str]:
    match = STOP_LIST.search(source)
    if not match:
        raise RuntimeError(f"liste de mots vides introuvable dans {where}")
    body = match.group(1)
    if body.startswith("["):
        return frozenset(json.loads(body))
    words, separator = re.fullmatch(r"\"([^\"]*)\"\.split\(\"([^\"]*)\"\)", body).groups()
    return frozenset(words.split(separator))


@dataclass(frozen=True)
class Language:
    code: str
    word_characters: str  # the inside of a regular expression character class
    stop_words: frozenset[str]


@lru_cache(maxsize=None)
def language(code: str) -> Language:
    """Stop words and word characters of one of Material's search languages, read from the files
    the browser loads: lunr.js (English, inside the worker) or lunr-languages (the others)."""
    root = material_javascripts()
    if code == "en":
        worker = next(iter(sorted((root / "workers").glob("search.*.min.js"))))
        return Language("en", JS_CLASSES["w"], _parse_stop_words(worker.read_text(encoding="utf-8"), worker.name))
    path = root / "lunr" / "min" / f"lunr.{code}.min.js"
    source = path.read_text(encoding="utf-8")
    chars = WORD_CHARACTERS.search(source)
    if not chars:
        raise RuntimeError(f"caractères de mot introuvables dans {path.name}")
    return Language(code, json.loads(f'"{chars.group(1)}"'), _parse_stop_words(source, path.name))


def js_regex(pattern: str) -> re.Pattern:
    """Compile a JavaScript regular expression (as in `config.separator`) with its meaning:
    `\\s`, `\\w` and `\\d` are spelled out, since Python's differ slightly."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt in JS_CLASSES:
                out.append(JS_CLASSES[nxt] if in_class else f"[{JS_CLASSES[nxt]}]")
            else:
                out.append(ch + nxt)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return re.compile("".join(out))


# --- Indexing: Material's tokenizer and the lunr pipeline it keeps -----------------------------

MARKUP_CHARS = re.compile(r"[<>]")


def extract(value: str):
    """Material's `extract`: yield (type, start, end) for markup and text sections.
    Material walks every character; only `<` and `>` change its state, so jump between them."""
    start = stack = 0
    for match in MARKUP_CHARS.finditer(value):
        end = match.start()
        if value[end] == "<":
            if end > start:
                yield TEXT, start, end
                start = end
            continue
        if value[start + 1:start + 2] == "/":
            stack -= 1
            if stack == 0:
                yield TAG_CLOSE, start, end + 1
        elif value[end - 1:end] != "/":
            if stack == 0:
                yield TAG_OPEN, start, end + 1
            stack += 1
        start = end + 1
    if len(value) > start:
        yield TEXT, start, len(value)


def split(value: str, separator: re.Pattern):
    """Material's `split`: yield the (start, end) ranges between separator matches."""
    index = pos = 0
    while True:
        match = separator.search(value, pos) if pos <= len(value) else None
        until = match.start() if match else len(value)
        if index < until:
            yield index, until
        if not match:
            return
        index = match.end()
        pos = match.end() if match.end() > match.start() else match.start() + 1


class BrowserText:
    """How the browser turns a field into index terms, for one index `config`:
    Material's tokenizer (text outside markup, split on `separator`, lower-cased), then what
    remains of lunr's pipeline once Material has removed the functions not in `config.pipeline`."""

    def __init__(self, config: dict):
        self.languages = [language(code) for code in config["lang"]]
        self.separator = js_regex(config["separator"])
        # Material's `split` skips empty ranges; with a separator that cannot match the empty
        # string (minimum width > 0: no lookaround-only branch) and has no group, that is
        # Python's re.split without its empty strings (much faster).
        self.separator_never_empty = (self.separator.groups == 0
                                      and sre_parser.parse(self.separator.pattern).getwidth()[0] > 0)
        pipeline = set(config.get("pipeline", []))
        if "stemmer" in pipeline:
            raise NotImplementedError("le harnais ne reproduit pas le stemmer de lunr")
        self.stop_words = frozenset().union(*(lang.stop_words for lang in self.languages)) \
            if "stopWordFilter" in pipeline else frozenset()
        # Folded once here: folded_terms() runs for every field of every document.
        self._query_stop_words = self.stop_words | {fold(word) for word in self.stop_words}
        # lunr.multiLanguage() adds its own trimmer, which Material does not remove
        # (it removes lunr[lang].trimmer only). A single language keeps its trimmer only on demand.
        if len(self.languages) > 1 or "trimmer" in pipeline:
            chars = "".join(lang.word_characters for lang in self.languages)
            self.trim_start = re.compile(f"^[^{chars}]+")
            self.trim_end = re.compile(f"[^{chars}]+$")
        else:
            self.trim_start = self.trim_end = None

    def tokens(self, value) -> list[str]:
        if value is None:
            return []
        tokens = []
        for item in value if isinstance(value, list) else [value]:
            item = str(item)
            for kind, start, end in extract(item):
                if kind != TEXT:
                    continue
                section = item[start:end]
                if self.separator_never_empty:
                    tokens.extend(token.lower() for token in self.separator.split(section) if token)
                else:
                    tokens.extend(section[a:b].lower() for a, b in split(section, self.separator))
        return tokens

    def trim(self, token: str) -> str:
        if self.trim_start is None:
            return token
        return self.trim_end.sub("", self.trim_start.sub("", token))

    def terms(self, value, stop_words=None) -> list[str]:
        """The terms lunr indexes for this field value (empty strings included, as lunr does)."""
        stop = self.stop_words if stop_words is None else stop_words
        return [t for t in (self.trim(token) for token in self.tokens(value)) if t not in stop]

    def query_stop_words(self) -> frozenset[str]:
        """Stop words as a folded query meets them (« été » -> « ete »)."""
        return self._query_stop_words

    def folded_terms(self, value) -> list[str]:
        """The field's terms as a folded query meets them: accent-free, stop words (folded too)
        left out, and hyphenated compounds both split and joined (« burn-out » -> « burn »,
        « out », « burnout »), since the query joins them and a reader may type a space."""
        if value is None:
            return []
        folded = [fold(str(item)) for item in (value if isinstance(value, list) else [value])]
        stop = self.query_stop_words()
        terms = [t for t in self.terms(folded, stop) if t]
        if not any("-" in item for item in folded):
            return terms  # nothing to join
        split_terms = set(terms)
        joined = [t for t in self.terms([join_hyphens(item) for item in folded], stop) if t and t not in split_terms]
        return terms + joined


# --- Querying: Material's query transform and post-query processing ---------------------------

def _transform(query: str, visit) -> str:
    """Material's `transform` (integrations/search/query/transform)."""
    query = query.strip()
    parts = re.split(r'"([^"]+)"', query)
    query = "".join(re.sub(r"(?a)^\b|^(?![^\x00-\x7F]|$)|\s+", " +", part) if i & 1 else part
                    for i, part in enumerate(parts))
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query)
    terms = []
    for part in re.split(r"\s+", query):
        terms.extend(visit(part))
    terms = [f"{t}1" if re.search(r"[~^]$", t) else t for t in terms]
    terms = [t if re.search(r"(^[+-]|[~^]\d+$)", t) else f"{t}*" for t in terms]
    return " ".join(terms)


def transform_search_query(query: str, separator: re.Pattern) -> str:
    """Material's `transformSearchQuery`: lex each part, split terms on the separator, add `*`."""
    from lunr.query_lexer import QueryLexer

    def visit(part: str) -> list[str]:
        terms = []
        lexer = QueryLexer(part)
        lexer.run()
        for lexeme in lexer.lexemes:
            kind, term, start, end = lexeme["type"], lexeme["string"], lexeme["start"], lexeme["end"]
            if kind == QueryLexer.FIELD:
                if term not in ("title", "text", "tags"):
                    part = part[:end] + " " + part[end + 1:]
            elif kind == QueryLexer.TERM:
                for a, b in split(term, separator):
                    terms.append(part[:start] + term[a:b] + part[end:])
        return terms

    return _transform(query, visit)


def parse_search_query(query: str) -> list:
    """Material's `parseSearchQuery`: the query's clauses, wildcards taken off their terms."""
    from lunr.query import Query, QueryPresence
    from lunr.query_parser import QueryParser

    parsed = Query(["title", "text", "tags"])
    QueryParser(query, parsed).parse()
    for clause in parsed.clauses:
        if clause.term.startswith("*"):
            clause.term = clause.term[1:]
        if clause.term.endswith("*"):
            clause.term = clause.term[:-1]
    return [c for c in parsed.clauses if c.presence != QueryPresence.PROHIBITED]


def search_query_terms(clauses, matched_terms, english_stop_words) -> dict[str, bool]:
    """Material's `getSearchQueryTerms`: which query terms a result matched."""
    remaining = list(clauses)
    result = {}
    for term in matched_terms:
        for clause in list(remaining):
            if term.startswith(clause.term):
                result[clause.term] = True
                remaining.remove(clause)
    for clause in remaining:
        if clause.term and clause.term not in english_stop_words:
            result[clause.term] = False
    return result


# --- The harness -----------------------------------------------------------------------------

@dataclass
class Hit:
    location: str
    title: str
    score: float
    terms: dict


@dataclass
class PageResult:
    """One entry of Material's result list: a page, with its matching sections best first."""
    location: str
    title: str
    score: float  # the score of its best item, which placed the page in the list
    hits: list[Hit] = field(default_factory=list)


class SiteSearch:
    """The browser's search over one built `search_index.json`."""

    def __init__(self, index: dict):
        import lunr.builder
        from lunr.pipeline import Pipeline

        self.config = index["config"]
        self.docs = index["docs"]
        self.text = BrowserText(self.config)
        rules = self.config.get("soignants") or {}
        self.query_stop_words = frozenset(rules.get("stop_words", ()))
        self.vocabulary = Vocabulary.from_docs(self.docs, self.text.separator)
        self.distress_rules = DistressRules.from_config(rules)
        self.help_pages = rules.get("help_pages", {})
        self.editions = rules.get("editions", {})
        self.english_stop_words = language("en").stop_words

        # Material's document map: the first entry of a path is the page, later ones its sections.
        self.by_location: dict[str, dict] = {}
        self.parent: dict[str, str] = {}
        for doc in self.docs:
            path = doc["location"].split("#", 1)[0]
            if path not in self.by_location:
                self.by_location[path] = doc
            else:
                self.by_location[doc["location"]] = doc
                self.parent[doc["location"]] = self.by_location[path]["location"]

        builder = lunr.builder.Builder()
        builder.pipeline = Pipeline()
        builder.search_pipeline = Pipeline()
        text = self.text

        def pipeline_fn(token, i, tokens):
            token.update(lambda s, metadata: text.trim(s))
            return None if str(token) in text.stop_words else token

        # Registered by hand: Pipeline.register_function warns when a second index is built.
        pipeline_fn.label = "soignants-material-pipeline"
        Pipeline.registered_functions[pipeline_fn.label] = pipeline_fn
        builder.pipeline.add(pipeline_fn)
        builder.ref("location")
        builder.b(0)
        for name, spec in self.config["fields"].items():
            builder.field(name, boost=spec.get("boost") or 1,  # lunr.js: `boost || 1`
                          extractor=lambda doc, name=name: self.text.tokens(doc.get(name)))
        for doc in self.docs:
            builder.add(doc, {"boost": doc["boost"]} if doc.get("boost") else None)
        self.index = builder.build()

    @classmethod
    def from_site(cls, site_dir) -> "SiteSearch":
        path = Path(site_dir) / "search" / "search_index.json"
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def normalize(self, query: str) -> str:
        """What search-soignants.js sends to the worker for this query (typos corrected)."""
        return corrected_query(query, self.query_stop_words, self.vocabulary)

    def distress(self, query: str) -> tuple[str, ...] | None:
        """The distress phrase the query contains (search-soignants.js then shows the crisis card)."""
        return distress_phrase(query, self.distress_rules, self.vocabulary.has_prefix)

    def search(self, query: str, normalize: bool = True, lang: str = "fr") -> list[PageResult]:
        """The result list the browser shows for `query` on a page of edition `lang`, best first."""
        pages = self._worker_search(self.normalize(query) if normalize else query)
        if not normalize:
            return pages
        return self._order(pages, lang, self.help_pages.get(lang) if self.distress(query) else None)

    def _order(self, pages: list[PageResult], lang: str, help_location: str | None) -> list[PageResult]:
        """search-soignants.js's order: own edition first, help page first on distress, and
        scores raised so that they never increase down the list (Material's Enter key)."""
        if help_location is not None and help_location not in {p.location for p in pages}:
            doc = self.by_location[help_location]
            pages = pages + [PageResult(help_location, doc.get("title", ""), 0.0,
                                        [Hit(help_location, doc.get("title", ""), 0.0, {})])]
        by_location = {page.location: page for page in pages}
        result = [by_location[loc] for loc in ordered([p.location for p in pages], lang, self.editions, help_location)]
        floor = None
        for page in reversed(result):
            if floor is not None and page.score < floor:
                raise_by = floor - page.score
                page.score = floor
                for hit in page.hits:
                    hit.score += raise_by
            floor = page.score
        return result

    def _worker_search(self, query: str) -> list[PageResult]:
        """Material's worker: the pages for a query already normalized."""
        query = transform_search_query(query, self.text.separator)
        if not query:
            return []
        clauses = parse_search_query(query)
        hits = []
        for result in self.index.search(query):
            doc = self.by_location.get(result["ref"])
            if doc is None:
                continue
            terms = search_query_terms(clauses, list(result["match_data"].metadata), self.english_stop_words)
            is_page = doc["location"] not in self.parent
            matched = sum(1 for v in terms.values() if v)
            boost = (1 if is_page else 0) + (matched / len(terms) if terms else math.nan)
            hits.append(Hit(doc["location"], doc.get("title", ""), result["score"] * (1 + boost ** 2), terms))
        hits.sort(key=lambda hit: -hit.score if not math.isnan(hit.score) else 0)

        pages: dict[str, PageResult] = {}
        for hit in hits:
            ref = self.parent.get(hit.location, hit.location)
            if ref not in pages:
                page = self.by_location[ref]
                pages[ref] = PageResult(ref, page.get("title", ""), hit.score)
            pages[ref].hits.append(hit)
        return list(pages.values())

    def pages(self, query: str, top: int = 10, normalize: bool = True, lang: str = "fr") -> list[str]:
        return [page.location for page in self.search(query, normalize, lang)[:top]]
