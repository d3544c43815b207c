"""One place that turns an untrusted value (front matter, data files) into safe text.

Every value a contributor or a data file supplies is text, never markup: where it lands in HTML
it is escaped by MarkupSafe (Jinja's own escaper); where it lands in the Markdown our markers
generate, every ASCII punctuation sign is also written as a numeric character reference, so that
no Markdown syntax (links, emphasis, lists, raw HTML, abbreviations) can come out of it either.
Character references are never Markdown syntax, and the rendered page shows the same text.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

# Whitespace runs (newlines included) become one space: a value never opens a new Markdown block.
# Front-matter fields that Material writes into its templates without escaping them.
THEME_TEXT_FIELDS = ("title", "description", "author", "subtitle")
_SPACES = re.compile(r"\s+")
# Every ASCII sign that Markdown, its extensions or HTML give a meaning to (not , ; / ? @ %).
_MARKDOWN_SIGNIFICANT = re.compile(r"[!-+\-.:<=>\[-`{-~]")
# Spreadsheets run a cell that starts with one of these as a formula (OWASP « CSV injection »).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def html_text(value) -> Markup:
    """A value as HTML text or attribute value (quotes escaped too)."""
    return escape("" if value is None else str(value))


def markdown_text(value) -> str:
    """A value as literal text inside generated Markdown, on one line."""
    text = _SPACES.sub(" ", "" if value is None else str(value)).strip()
    return _MARKDOWN_SIGNIFICANT.sub(lambda m: f"&#{ord(m.group())};", text)


def json_for_html(value) -> str:
    """JSON that can sit inside an HTML attribute or a <script type="application/json"> block."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("'", "\\u0027")


def html_link(text, url) -> str:
    """A link whose address and text both come from data: raw HTML, both escaped (the page's
    sanitiser then drops an address whose scheme is not allowed)."""
    return f'<a href="{html_text(url)}">{markdown_text(text)}</a>'


def csv_cell(value) -> str:
    """A value for the open-data CSV: a leading formula sign is neutralised with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
