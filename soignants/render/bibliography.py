"""The bibliography (data/bibliographie.yml, a CSL-YAML subset) and its French rendering."""

from functools import lru_cache
import html
import re

from .. import DATA_DIR
from . import generated
from .escaping import markdown_text as escape  # HTML- and Markdown-safe text
from ..model.yamlfile import load_yaml_file

BIBLIOGRAPHY_FILE = DATA_DIR / "bibliographie.yml"


@lru_cache(maxsize=None)
def load_bibliography(path=BIBLIOGRAPHY_FILE) -> dict:
    return load_yaml_file(path)


def references(path=BIBLIOGRAPHY_FILE) -> dict[str, dict]:
    return {ref["id"]: ref for ref in load_bibliography(path)["references"]}


def themes(path=BIBLIOGRAPHY_FILE) -> list[dict]:
    return load_bibliography(path)["themes"]


def year(ref: dict) -> str:
    return str(ref.get("issued", "s. d."))[:4]


def _author_name(author: dict) -> str:
    if "literal" in author:
        return author["literal"]
    return " ".join(part for part in (author.get("family"), author.get("given")) if part)


def authors(ref: dict) -> str:
    names = [_author_name(a) for a in ref.get("author", [])]
    if len(names) > 3:
        return f"{names[0]} et al."
    return ", ".join(names)


def short_citation(ref: dict) -> str:
    """« Wu, 2000 » — what an inline citation shows."""
    first = ref.get("author", [{}])[0] if ref.get("author") else {}
    name = first.get("family") or first.get("literal") or ref["title"][:30]
    more = " et al." if len(ref.get("author", [])) > 1 and "family" in first else ""
    return f"{name}{more}, {year(ref)}"


CLOSING_TAGS = re.compile(r"(</[a-z]+>)+$")


def _period(text: str) -> str:
    """End a part with a period, once: « Galam E. », not « Galam E.. »."""
    words = html.unescape(CLOSING_TAGS.sub("", text))
    return text if words.endswith((".", "?", "!", "…")) else text + "."


def full_citation_html(ref: dict) -> str:
    """One reference as HTML, in a French style close to Vancouver."""
    parts = []
    if ref.get("author"):
        parts.append(_period(escape(authors(ref))))
    title = escape(ref["title"])
    if ref.get("type") in ("book", "thesis", "report"):
        parts.append(_period(f"<cite>{title}</cite>"))
    else:
        parts.append(_period(title))
    venue = ref.get("container-title") or ref.get("publisher")
    if venue:
        parts.append(_period(f"<em>{escape(venue)}</em>"))
    where = escape(year(ref))
    if ref.get("volume"):
        where += f" ; {escape(str(ref['volume']))}"
        if ref.get("issue"):
            where += f"({escape(str(ref['issue']))})"
    if ref.get("page"):
        where += f" : {escape(str(ref['page']))}"
    parts.append(_period(where))
    if ref.get("DOI"):
        doi = escape(ref["DOI"])
        parts.append(f'doi : <a href="https://doi.org/{doi}">{doi}</a>.')
    if ref.get("URL"):
        url = escape(ref["URL"])
        parts.append(f'<a href="{url}">{url}</a>')
        if ref.get("accessed"):
            parts[-1] += f" (consulté en {escape(_month_fr(ref['accessed']))})"
        parts[-1] += "."
    if ref.get("note"):
        parts.append(f'<span class="{generated.classes("ss-ref-note")}">{escape(ref["note"])}</span>')
    return " ".join(parts)


MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]


def _month_fr(iso: str) -> str:
    """`2026-11` or `2026-11-23` -> `novembre 2026` / `23 novembre 2026`."""
    pieces = str(iso).split("-")
    if len(pieces) < 2:
        return str(iso)
    text = f"{MONTHS_FR[int(pieces[1]) - 1]} {pieces[0]}"
    return f"{int(pieces[2])} {text}" if len(pieces) == 3 else text


def date_fr(iso: str) -> str:
    return _month_fr(iso)
