"""How Material's search reads text, read from the installed Material package, not copied:
its tokenizer (text outside markup, split on the index's `separator`, lower-cased), the stop
words and word characters of each language (lunr-languages files shipped with Material,
assets/javascripts/lunr/min/lunr.<lang>.min.js, and lunr.js inside its search worker).

The site's search runs on Pagefind (search_pagefind.py); these rules still give the query its
stop words (search-soignants.js) and the site's words their folded form (the vocabulary of the
typo rule, search_index.py), as Material's own search would read them.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
import json
import re
import re._parser as sre_parser  # the minimum width of a pattern

from ..model.folding import fold, join_hyphens

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
