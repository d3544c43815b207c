"""Material's two style sheets as one, without the rules no page of this build can use (issue 25:
a fiche's first visit ≤ 60 KB gzip).

Material ships one style sheet for every feature of the theme (main + palette: 149 KB, 24.7 KB
gzip); this site uses a part of it. At the end of each build, `write` reads both with tinycss2
(Kozea's CSS parser, maintained, the one WeasyPrint uses; never a regex on CSS) and writes
`assets/stylesheets/material.min.css` with only the rules that could match an element, the way
PurgeCSS reads a site (its Python equivalent does not exist; PurgeCSS itself needs Node, which
this stack does not have):

- a selector is kept when each class, id and attribute it names (outside `:not(…)`) is a word that
  can reach a page: `Words` gathers them from every page this build wrote (the words inside their
  tags, collected as each page is written, by a regex on our own output, each distinct tag
  read once), from our scripts (the classes they add as the reader uses the page), and the classes
  Material's bundle adds at run time to the components our pages have (not those of components
  no page has: tooltips, code annotations, Mermaid…); attribute names also from the bundle;
- `:is(…)`, `:where(…)`, `:has(…)`: one of their selectors that could match is enough;
- at-rules other than @media/@supports/@layer/@container (fonts, keyframes) are kept, then custom
  properties no kept rule, script or sheet of ours reads and @keyframes nothing animates go.

The file's name carries no fingerprint (the pages that link it are written before it): hosts
serve it `no-cache` like our own sheets (http_headers.py), so a reader gets the new one after a
new build. Another generator (the pre-rendered copy: no hook) links Material's own sheets
(overrides/main.html, block styles). Material's original sheets are removed from the built site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
import re

import rcssmin
import tinycss2

from .. import OWN_ASSETS_DIR
from .asset_manifest import material_dir

SHEET = Path("assets") / "stylesheets" / "material.min.css"
# Material's two sheets, in the order its base.html links them (the cascade is kept).
MATERIAL_SHEETS = ("main", "palette")
WORD = re.compile(r"[A-Za-z0-9_-]+")
TAG = re.compile(r"<[A-Za-z][^>]*>")
CUSTOM_PROPERTY = re.compile(r"--[A-Za-z0-9_-]+")
# Functional pseudo-classes that hold selectors: one of them that could match is enough.
SELECTOR_LISTS = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}
GROUPS = {"media", "supports", "layer", "container"}
BUNDLE_CLASS = re.compile(r"""classList\.(?:add|toggle|replace)\(\s*["'`]([^"'`$]+)|\bclass(?:Name)?\s*[:=]\s*["'`]([^"'`$]+)""")


class MaterialCssError(Exception):
    """Material's sheets are not where the pinned version keeps them (French message)."""


def material_sheet(name: str) -> Path:
    found = sorted((material_dir() / "assets" / "stylesheets").glob(f"{name}.*.min.css"))
    if len(found) != 1:
        raise MaterialCssError(f"la feuille de style « {name} » de Material est introuvable ({len(found)} trouvées) : "
                               "la version de mkdocs-material a-t-elle changé ? (soignants/pipeline/material_css.py)")
    return found[0]


def material_bundle() -> Path:
    found = sorted((material_dir() / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(found) != 1:
        raise MaterialCssError("le script de Material (bundle.*.min.js) est introuvable (soignants/pipeline/material_css.py)")
    return found[0]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


@dataclass
class Words:
    """What can be in a page: words of tags (classes, ids, attribute names and values)."""
    words: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)  # the tags already read: most recur on every page (menu, header)

    def add_page(self, html: str) -> None:
        """The words inside the tags of a page this build wrote (each distinct tag read once)."""
        new = set(TAG.findall(html)) - self.tags
        self.tags |= new
        self.words.update(WORD.findall(" ".join(new)))


def _bem_block(word: str) -> str:
    return word.split("__")[0].split("--")[0]


def bundle_classes(text: str) -> set[str]:
    """The classes a script writes on elements (`classList.add/toggle`, `class:`, `className=`)."""
    return {name for match in BUNDLE_CLASS.finditer(text) for part in match.groups() if part
            for name in part.split()}


def own_scripts() -> list[Path]:
    """Our scripts: what they may add to a page as the reader uses it."""
    return sorted((OWN_ASSETS_DIR / "javascripts").glob("*.js"))


def own_files() -> list[Path]:
    """Our templates, scripts and style sheets: what may read one of Material's custom properties."""
    overrides = OWN_ASSETS_DIR.parent
    return [*overrides.glob("*.html"), *(overrides / "partials").rglob("*.html"), *own_scripts(),
            *(OWN_ASSETS_DIR / "stylesheets").glob("*.css")]


def known_words(pages: Words, bundle: str) -> tuple[set[str], set[str]]:
    """(words, attribute names): the words of the pages, plus what scripts (ours and Material's
    bundle, its text) may add to a page; attribute names also from any word of the bundle."""
    words = set(pages.words)
    for path in own_scripts():
        words |= set(WORD.findall(_read(path)))
    # Material's bundle: the classes it adds to the components the pages have (`md-nav__link--active`
    # for `md-nav`), not to those no page has (`md-tooltip2`, `tabbed-labels--linked`…); its
    # other words as attribute names only (`data-md-color-switching`, `hidden`…).
    words |= {name for name in bundle_classes(bundle)
              if _bem_block(name) in words or (_bem_block(name) == name and not name.startswith("md-"))}
    attributes = set(WORD.findall(bundle))
    return words, attributes


# --- selectors ------------------------------------------------------------------------------------

def _split_commas(tokens) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def could_match(tokens, words: set[str], attributes: set[str]) -> bool:
    """Whether a selector (tinycss2 tokens) could match an element of a page of this site."""
    tokens = [t for t in tokens if t.type != "comment"]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.type == "literal" and token.value == "." and following is not None and following.type == "ident":
            if following.value not in words:
                return False
            index += 2
            continue
        if token.type == "hash" and token.value not in words:
            return False
        if token.type == "[] block" and not _attribute_could_match(token, words, attributes):
            return False
        if token.type == "literal" and token.value == ":" and following is not None and following.type == "function":
            if following.lower_name in SELECTOR_LISTS and not any(
                    could_match(part, words, attributes) for part in _split_commas(following.arguments)):
                return False
            index += 2  # :not(…) and the others: no requirement
            continue
        index += 1
    return True


def _attribute_could_match(block, words: set[str], attributes: set[str]) -> bool:
    parts = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not parts or parts[0].type != "ident":
        return True
    if parts[0].value not in words and parts[0].value not in attributes:
        return False
    values = [t.value for t in parts[1:] if t.type in ("ident", "string")]
    return all(word in words for value in values for word in WORD.findall(value))


# --- the sheet ------------------------------------------------------------------------------------

def _serialize(tokens) -> str:
    return tinycss2.serialize(tokens).strip()


def _declarations(content) -> list:
    return [d for d in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
            if d.type == "declaration"]


def _parsed(css: str) -> list:
    """Rules as ("rule", [selector tokens…], [(name, value text, important)…]), ("group", head,
    [rules…]), ("keyframes", name, text) or ("at", None, text)."""
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            out.append(("rule", _split_commas(rule.prelude),
                        [(d.name, _serialize(d.value), d.important) for d in _declarations(rule.content)]))
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            if keyword in GROUPS and rule.content is not None:
                out.append(("group", f"@{rule.at_keyword} {_serialize(rule.prelude)}",
                            _parsed(tinycss2.serialize(rule.content))))
            elif keyword == "keyframes" or keyword.endswith("-keyframes"):
                out.append(("keyframes", _serialize(rule.prelude), tinycss2.serialize([rule])))
            else:
                out.append(("at", None, tinycss2.serialize([rule])))
    return out


_PARSED: dict[Path, list] = {}  # Material's sheets, parsed once per process (mkdocs serve rebuilds)


def _material_rules(name: str) -> list:
    path = material_sheet(name)
    if path not in _PARSED:
        _PARSED[path] = _parsed(_read(path))
    return _PARSED[path]


def _kept(rules, words, attributes) -> list:
    """The rules that could match, each with only its selectors that could."""
    kept = []
    for kind, head, body in rules:
        if kind == "rule":
            selectors = [s for s in head if could_match(s, words, attributes)]
            if selectors:
                kept.append(("rule", ",".join(_serialize(s) for s in selectors), body))
        elif kind == "group":
            inner = _kept(body, words, attributes)
            if inner:
                kept.append(("group", head, inner))
        else:
            kept.append((kind, head, body))
    return kept


def _walk(kept):
    for kind, head, body in kept:
        if kind == "group":
            yield from _walk(body)
        else:
            yield kind, head, body


def _unused(kept, outside: str) -> tuple[set[str], set[str]]:
    """Custom properties nothing reads (after those read only by unread ones) and @keyframes nothing
    animates, in the kept rules; `outside`: our own sheets and scripts, and Material's bundle."""
    defined: dict[str, set[str]] = {}
    read = set(CUSTOM_PROPERTY.findall(outside))
    animated = set(WORD.findall(outside))
    keyframes = set()
    for kind, head, body in _walk(kept):
        if kind == "keyframes":
            keyframes.add(head)
        if kind != "rule":
            continue
        for name, value, _important in body:
            if name.startswith("--"):
                defined.setdefault(name, set()).update(CUSTOM_PROPERTY.findall(value))
            else:
                read.update(CUSTOM_PROPERTY.findall(value))
                if name in ("animation", "animation-name"):
                    animated.update(WORD.findall(value))
    # What a read property reads is read too.
    pending = list(read)
    while pending:
        for other in defined.get(pending.pop(), ()):
            if other not in read:
                read.add(other)
                pending.append(other)
    return set(defined) - read, keyframes - animated


def _render(kept, drop_properties: set[str], drop_keyframes: set[str]) -> str:
    out = []
    for kind, head, body in kept:
        if kind == "rule":
            text = ";".join(f"{name}:{value}{'!important' if important else ''}"
                            for name, value, important in body if name not in drop_properties)
            if text:
                out.append(f"{head}{{{text}}}")
        elif kind == "group":
            inner = _render(body, drop_properties, drop_keyframes)
            if inner:
                out.append(f"{head}{{{inner}}}")
        elif kind != "keyframes" or head not in drop_keyframes:
            out.append(body)
    return "".join(out)


def trimmed(pages: Words) -> str:
    """Material's two sheets as one, with only what could apply to a page of this build, minified."""
    bundle = _read(material_bundle())
    words, attributes = known_words(pages, bundle)
    kept = [rule for name in MATERIAL_SHEETS for rule in _kept(_material_rules(name), words, attributes)]
    outside = "\n".join(_read(path) for path in own_files()) + bundle
    drop_properties, drop_keyframes = _unused(kept, outside)
    return rcssmin.cssmin(_render(kept, drop_properties, drop_keyframes)) + "\n"


def write(site_dir, pages: Words) -> Path:
    """Write the trimmed sheet into the built site and remove Material's own two (and their maps)."""
    site_dir = Path(site_dir)
    target = site_dir / SHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(trimmed(pages), encoding="utf-8")
    for name in MATERIAL_SHEETS:
        for path in (site_dir / SHEET.parent).glob(f"{name}.*.min.css*"):
            path.unlink()
    return target
