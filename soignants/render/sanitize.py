"""The HTML a page's content may hold: an allowlist, applied by nh3 (Rust's Ammonia).

Everything a page's Markdown becomes (the contributor's text, raw HTML included, and what our
markers generate) goes through `clean()` before the theme wraps it: an element, an attribute or
an address that is not listed here never reaches a reader, however it is spelled (entities,
SVG, comments, CSS escapes). The content check (soignants/lint/html_checks.py) reads the same
lists, so that an editor is told, with the line, what the build would remove.

The lists are what the fiches and Material's Markdown extensions produce (admonitions, details,
tables, abbreviations, footnotes, heading permalinks, code), our markers (the directory's filter,
the self-assessment form) and audio with a local file.

Content cannot reach the page's machinery (issue 20). What a page's own HTML and Markdown may
write is narrower than what our markers write (soignants/render/generated.py marks their values
with a secret of the run): a class only from what Markdown's extensions produce (CONTENT_CLASSES:
never the help strip's, the distress card's, the theme's `md-*` or our `ss-*`), an `id` that no
script of the theme or ours looks up (RESERVED_ID_PREFIXES: `__config`, `__search`…), no `data-*`
(our scripts' and the search's: `data-pagefind-*`), a few `role` and `aria-*`, no `tabindex`, no
form, input or audio player (GENERATED_ONLY_TAGS), and no call link (`tel:`, `sms:`): only the
marker `[[aide:…]]` writes one.
"""

from __future__ import annotations

import functools
from html import escape as html_escape
import re

import lxml.html
import nh3
from pygments.token import STANDARD_TYPES

from . import generated

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
    "input": {"type": {"radio", "checkbox", "text", "search", "number", "date"}},
    "button": {"type": {"button", "reset", "submit"}},
}

# Set on every such element whatever the page wrote: a form of a page is never submitted anywhere
# (`dialog` closes it in place; the pages' CSP also has form-action 'none').
FORCED_ATTRIBUTES = {"form": {"method": "dialog"}}

URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Attributes that make the browser fetch a file: only files of the site itself (a relative
# address), or the host of that file would learn who reads the page.
LOADING_ATTRIBUTES = frozenset({"src"})
_ABSOLUTE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[\\/]{2})")

# --- what only our code writes, and what a page's content may write -------------------------------

# Elements only our markers write (a questionnaire's form, the directory's filter, a testimony's
# audio, marked with generated.GENERATED): the same element written by a page is dropped, its
# text kept.
GENERATED_ONLY_TAGS = frozenset({"form", "fieldset", "legend", "label", "input", "button", "output",
                                 "audio", "source", "track"})
# Addresses that make the reader's phone call or write to a number: only `[[aide:…]]` writes
# one (a number of data/aide.yml, shown as it is dialled). `tel` is not in URL_SCHEMES.
CALL_SCHEMES = frozenset({"tel", "sms", "mms", "callto", "facetime", "facetime-audio", "skype", "whatsapp",
                          "viber", "tg", "sip", "sips", "wtai"})
# Classes a page may use: what Markdown's extensions of mkdocs.yml produce. Admonitions and
# details take Material's kinds; code blocks, Pygments' token classes.
ADMONITION_KINDS = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite", "inline", "end"})
CONTENT_CLASSES = frozenset({"admonition", "admonition-title", "headerlink", "toc", "highlight", "highlighttable",
                             "linenos", "linenodiv", "filename", "hll", "footnote", "footnote-ref",
                             "footnote-backref"} | ADMONITION_KINDS | {c for c in STANDARD_TYPES.values() if c})
_CODE_LANGUAGE_CLASS = re.compile(r"^language-[a-z0-9_+#-]{1,40}$")
# Ids and names the theme and our scripts look up (`__config`, `__search`, `__drawer`, `ss-…`),
# and the globals they read (`SoignantsSearchEngine`): an element of the page's content with
# such an id would answer their lookups before the real one. Compared without case.
RESERVED_ID_PREFIXES = ("__", "md-", "md_", "ss-", "ss_", "pagefind", "soignants")
CONTENT_ROLES = frozenset({"note", "img", "presentation", "none", "figure", "group", "list", "listitem", "term",
                           "definition", "table", "row", "rowgroup", "cell", "rowheader", "columnheader"})
CONTENT_ARIA = frozenset({"aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"})


def content_class_names(value: str) -> tuple[list[str], list[str]]:
    """(the class names a page may write, the others) of a `class` value."""
    kept, refused = [], []
    for name in value.split():
        (kept if name in CONTENT_CLASSES or _CODE_LANGUAGE_CLASS.match(name) else refused).append(name)
    return kept, refused


def content_id_allowed(value: str) -> bool:
    text = value.strip()
    return bool(text) and not any(c.isspace() for c in text) and not text.lower().startswith(RESERVED_ID_PREFIXES)


def call_scheme(value: str) -> str | None:
    """`tel`, `sms`… when an address calls or writes to a number (as the browser reads it)."""
    compact = re.sub(r"[\x00-\x20]", "", value)
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", compact)
    return match.group(1).lower() if match and match.group(1).lower() in CALL_SCHEMES else None


# Attributes holding an address, read as the browser reads it (tabs and line breaks removed).
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "data", "xlink:href"})


def content_value(tag: str, name: str, value: str) -> str | None:
    """What the build keeps of an attribute that a page's content wrote (None: removed)."""
    if name in URL_ATTRIBUTES and (call_scheme(value) or not url_scheme_allowed(value)):
        return None  # `te<TAB>l:…` passes nh3's own scheme check as a relative address
    if name == "class":
        kept, _ = content_class_names(value)
        return " ".join(kept) or None
    if name == "id":
        return value if content_id_allowed(value) else None
    if name == "role":
        return value if value.strip().lower() in CONTENT_ROLES else None
    if name == "tabindex" or name.startswith("data-"):
        return None
    if name.startswith("aria-"):
        return value if name in CONTENT_ARIA else None
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


def _attribute_filter(token: str):
    """nh3's attribute filter for a run: a value our code marked is kept without its mark; any
    other follows the content's rules (content_value); nothing is loaded from another host."""
    marked = generated.mark(token)
    called = generated.call_scheme(token) + ":"

    def keep(element: str, attribute: str, value: str) -> str | None:
        if attribute in LOADING_ATTRIBUTES and _ABSOLUTE.match(value):
            return None
        if attribute == "href" and value.startswith(called):
            return "tel:" + value[len(called):]
        if attribute == "class":  # each name on its own (an admonition's names are written one by one)
            names = [n[len(marked):] if n.startswith(marked) else content_value(element, attribute, n)
                     for n in value.split()]
            return " ".join(n for n in names if n) or None
        if value.startswith(marked):
            return value[len(marked):]
        return content_value(element, attribute, value)

    return keep


def _keep_local_files(element: str, attribute: str, value: str) -> str | None:
    return None if attribute in LOADING_ATTRIBUTES and _ABSOLUTE.match(value) else value


@functools.lru_cache(maxsize=4)
def _cleaner(token: str | None) -> nh3.Cleaner:
    """The cleaner of a run (`token`), or with None the same lists without the content's rules,
    for HTML that was cleaned already (a `tel:` there was written by our code)."""
    return nh3.Cleaner(
        tags=set(TAGS),
        # <script>, <style> and the like disappear with what they hold, not only their tags.
        clean_content_tags={"script", "style", "template", "textarea", "noscript", "title", "xmp",
                            "iframe", "noembed", "noframes", "plaintext", "object", "embed", "svg", "math"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        tag_attribute_values={tag: {n: set(v) for n, v in values.items()} for tag, values in ATTRIBUTE_VALUES.items()},
        generic_attribute_prefixes=set(GENERIC_PREFIXES),
        set_tag_attribute_values={tag: dict(values) for tag, values in FORCED_ATTRIBUTES.items()},
        attribute_filter=_attribute_filter(token) if token else _keep_local_files,
        url_schemes=set(URL_SCHEMES) | ({generated.call_scheme(token)} if token else {"tel"}),
        strip_comments=True,
        link_rel="noreferrer",  # and the pages send no referrer at all (<meta name="referrer">)
    )


# nh3 writes every start tag the same way (attributes double-quoted, `<`, `>`, `"` escaped).
_GENERATED_ONLY_START = re.compile(r"<(" + "|".join(sorted(GENERATED_ONLY_TAGS)) + r")\b([^>]*)>")
_OURS = f' {generated.GENERATED}=""'


def _drop_contributed_elements(html: str) -> str:
    """Forms, inputs and audio players that our code did not write: dropped, their text kept.
    Only a page with such an element is parsed again (lxml), so every other page is written as
    nh3 wrote it."""
    if not any(_OURS not in match.group(2) for match in _GENERATED_ONLY_START.finditer(html)):
        return html.replace(_OURS, "")
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in list(wrapper.iter(*GENERATED_ONLY_TAGS)):
        if element.get(generated.GENERATED) is None:
            element.drop_tag()
        else:
            del element.attrib[generated.GENERATED]
    inner = html_escape(wrapper.text or "", quote=False)
    inner += "".join(lxml.html.tostring(child, encoding="unicode") for child in wrapper)
    return _cleaner(None).clean(inner)


def clean(html: str, token: str = generated.TOKEN) -> str:
    """A page's content HTML with everything not on the lists removed. `token`: the run that
    marked what our code wrote (soignants/render/generated.py)."""
    return _drop_contributed_elements(_cleaner(token).clean(html))
