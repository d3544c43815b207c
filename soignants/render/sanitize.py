"""The HTML a page's content may hold: an allowlist, applied by nh3 (Rust's Ammonia).

Everything a page's Markdown becomes (the contributor's text, raw HTML included, and what our
markers generate) goes through `clean()` before the theme wraps it: an element, an attribute or
an address that is not listed here never reaches a reader, however it is spelled (entities,
SVG, comments, CSS escapes). The content check (soignants/lint/html_checks.py) reads the same
lists, so that an editor is told, with the line, what the build would remove.

The lists are what the fiches and Material's Markdown extensions produce (admonitions, details,
tables, abbreviations, footnotes, heading permalinks, code), our markers (the directory's filter,
the self-assessment form) and audio with a local file.
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    # text
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "cite", "code", "del", "dfn", "em", "i",
    "ins", "kbd", "mark", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
    "time", "u", "var", "wbr", "hr",
    # structure
    "article", "aside", "div", "footer", "header", "h1", "h2", "h3", "h4", "h5", "h6", "nav",
    "section", "details", "summary", "figure", "figcaption",
    # lists and tables
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody",
    "tfoot", "tr", "th", "td",
    # media from the site itself
    "img", "audio", "source", "track",
    # the self-assessment form and the directory's filter (answered in the page, sent nowhere)
    "form", "fieldset", "legend", "label", "input", "button", "output",
})

# On every element. `data-` and `aria-` attributes are allowed by prefix (GENERIC_PREFIXES).
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "hidden", "tabindex", "role"})
GENERIC_PREFIXES = frozenset({"data-", "aria-"})

ATTRIBUTES = {
    "*": GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang", "type"},
    "abbr": set(),
    "img": {"src", "alt", "width", "height", "loading"},
    "audio": {"src", "controls", "preload"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "th": {"scope", "colspan", "rowspan", "headers"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "form": {"autocomplete", "novalidate"},  # and method="dialog", always (FORCED_ATTRIBUTES)
    "fieldset": set(),
    "label": {"for"},
    "input": {"name", "value", "checked", "required", "autocomplete", "spellcheck", "placeholder",
              "inputmode", "min", "max", "step", "size", "maxlength"},
    "button": set(),
    "output": {"for", "name"},
}

# Attributes whose value must be one of a few: a form is never sent anywhere (no action, the
# browser keeps it in the page), an input is never a file picker or a submit image.
ATTRIBUTE_VALUES = {
    "input": {"type": {"radio", "checkbox", "text", "search", "number"}},
    "button": {"type": {"button", "reset", "submit"}},
}

# Set on every such element whatever the page wrote: a form of a page is never submitted anywhere
# (`dialog` closes it in place; the pages' CSP also has form-action 'none').
FORCED_ATTRIBUTES = {"form": {"method": "dialog"}}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Attributes that make the browser fetch a file: only files of the site itself (a relative
# address), or the host of that file would learn who reads the page.
LOADING_ATTRIBUTES = frozenset({"src"})
_ABSOLUTE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[\\/]{2})")


def _keep_local_files(element: str, attribute: str, value: str) -> str | None:
    if attribute in LOADING_ATTRIBUTES and _ABSOLUTE.match(value):
        return None
    return value


def is_loading_url_allowed(value: str) -> bool:
    return not _ABSOLUTE.match(value)


def allowed_attributes(tag: str) -> set[str]:
    return (set(GLOBAL_ATTRIBUTES) | set(ATTRIBUTES.get(tag, ())) | set(ATTRIBUTE_VALUES.get(tag, {}))
            | set(FORCED_ATTRIBUTES.get(tag, {})))


def attribute_allowed(tag: str, name: str) -> bool:
    return name in allowed_attributes(tag) or any(name.startswith(p) for p in GENERIC_PREFIXES)


def value_allowed(tag: str, name: str, value: str) -> bool:
    choices = ATTRIBUTE_VALUES.get(tag, {}).get(name)
    return choices is None or value.strip().lower() in choices


def url_scheme_allowed(value: str) -> bool:
    """A link's address: relative, an anchor, or one of URL_SCHEMES (as the browser reads it)."""
    compact = re.sub(r"[\x00-\x20]", "", value)
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", compact)
    return match is None or match.group(1).lower() in URL_SCHEMES


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    # <script>, <style> and the like disappear with what they hold, not only their tags.
    clean_content_tags={"script", "style", "template", "textarea", "noscript", "title", "xmp",
                        "iframe", "noembed", "noframes", "plaintext", "object", "embed", "svg", "math"},
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    tag_attribute_values={tag: {n: set(v) for n, v in values.items()} for tag, values in ATTRIBUTE_VALUES.items()},
    generic_attribute_prefixes=set(GENERIC_PREFIXES),
    set_tag_attribute_values={tag: dict(values) for tag, values in FORCED_ATTRIBUTES.items()},
    attribute_filter=_keep_local_files,
    url_schemes=set(URL_SCHEMES),
    strip_comments=True,
    link_rel="noreferrer",  # and the pages send no referrer at all (<meta name="referrer">)
)


def clean(html: str) -> str:
    """A page's content HTML with everything not on the lists removed."""
    return _CLEANER.clean(html)
