"""Sources a reviewer can check in one click.

Two rules:

- `source-accueil` (error): a reference of data/bibliographie.yml (`URL`) or a help contact's
  source in data/aide.yml (`source.url`) that points at a site's home page (empty path or `/`,
  no query): the reader cannot find the fact there. A page named by its query
  (`https://commune.fr/?xml=F33954`) is a deep page and passes.
- `chiffre-sans-source` (warning): a paragraph of a fiche with a figure or a deadline (a number
  followed by %, €, jours, mois, ans, heures…, or a law or code article such as « L1142-4 » or
  « article 56 ») and no citation `[@Clé]` in the same paragraph. A list item and a heading are
  paragraphs of their own (a table is one paragraph); code and HTML comments are ignored.

Two more, on what a page cites:

- `source-non-listee` (error): a key cited in the body or by a deadline entry and missing from
  the front matter's `sources`;
- `source-juridique-secondaire` (warning): a paragraph that names a legal article and whose
  citations are all marked secondary in the bibliography (`nature`: a copy, a translation, a
  machine summary, a commentary): the official text (Légifrance) comes first.

Every pattern here is linear: each run of digits is tried from its first digit only, and no
quantifier is nested in another, so an adversarial line of 100 KB is read in one pass.
"""

import re
from urllib.parse import urlsplit

from ..model.catalog import CITATION
from .markdown_text import LineIndex, mask
from .report import WARNING, Problem

# A number (not in the middle of another number or word), an optional ordinal suffix, then a unit.
_NUMBER = r"(?<![\w.,])\d+(?:[.,]\d+)?"
FIGURE = re.compile(
    _NUMBER + r"(?:er|e|ème|ᵉ)?[ \u00a0\u202f]?"
    r"(?:%|€|euros?\b|jours?\b|semaines?\b|mois\b|ans\b|années?\b|heures?\b|PASS\b)"
    # a code article: L1142-4, R. 4127-56, D.622-1 (one letter, three or more digits)
    r"|(?<![\w.])(?-i:[LRD])\.?[ \u00a0]?\d{3,}(?:-\d+)*\b"
    # « article 56 », « art. 65 », « loi n° 2025-623 », « décret n° 2021-755 »
    r"|\bart(?:icles?|\.)[ \u00a0]?\d+"
    r"|\bn°[ \u00a0]?\d+",
    re.IGNORECASE)
# Lines that start a paragraph of their own: list items and headings (a table is one paragraph).
ITEM_START = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")


def home_page(url) -> bool:
    """True for `https://site.fr` or `https://site.fr/` (no path, no query)."""
    if not isinstance(url, str) or "://" not in url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.path in ("", "/") and not parts.query


def home_page_problems(data: dict, lines, shown: str, kind: str) -> list[Problem]:
    """`kind` is « bibliographie » or « aide »; `lines` is the file's YamlLines."""
    problems = []
    if kind == "bibliographie":
        entries = data.get("references") if isinstance(data.get("references"), list) else []
        for index, ref in enumerate(entries):
            if isinstance(ref, dict) and home_page(ref.get("URL")):
                problems.append(Problem(
                    shown, lines.line(("references", index, "URL")), "source-accueil",
                    f"référence « {ref.get('id', index + 1)} » : l'adresse « {ref['URL']} » est la page "
                    "d'accueil d'un site, où le lecteur ne retrouvera pas le fait cité ; donnez l'adresse "
                    "de la page qui l'énonce (l'article de loi, la fiche, la page du rapport)"))
    else:
        entries = data.get("structures") if isinstance(data.get("structures"), list) else []
        for index, entry in enumerate(entries):
            source = entry.get("source") if isinstance(entry, dict) else None
            if isinstance(source, dict) and home_page(source.get("url")):
                problems.append(Problem(
                    shown, lines.line(("structures", index, "source", "url")), "source-accueil",
                    f"contact « {entry.get('id', index + 1)} » : la source « {source['url']} » est la page "
                    "d'accueil d'un site ; donnez l'adresse de la page qui indique ce numéro et ces horaires"))
    return problems


def paragraphs(masked: str):
    """(first line number, text) of each paragraph of an already masked Markdown body."""
    current, start = [], 0
    for number, line in enumerate(masked.split("\n"), start=1):
        if not line.strip():
            if current:
                yield start, "\n".join(current)
            current = []
            continue
        if HEADING.match(line):
            if current:
                yield start, "\n".join(current)
            yield number, line
            current = []
            continue
        if ITEM_START.match(line) and current:
            yield start, "\n".join(current)
            current = []
        if not current:
            start = number
        current.append(line)
    if current:
        yield start, "\n".join(current)


def unsourced_figure_problems(body: str, shown: str) -> list[Problem]:
    """`body` is the page with its front matter blanked (same line numbers as the file)."""
    problems = []
    for first, text in paragraphs(mask(body)):
        if HEADING.match(text):
            continue
        figure = FIGURE.search(text)
        if figure is None or CITATION.search(text):
            continue
        line = first + text.count("\n", 0, figure.start())
        problems.append(Problem(
            shown, line, "chiffre-sans-source",
            f"« {figure.group(0).strip()} » : un chiffre, un délai ou un article de loi sans source dans "
            "son paragraphe ; ajoutez la citation [@Clé] de la page qui l'énonce, ou retirez le chiffre "
            "si aucune source ne le confirme", WARNING))
    return problems


# --- the keys a page cites, and what a legal claim rests on ----------------------------------

# A legal article named in the text: « L1142-4 », « R. 4127-56 », « article 65 ».
LEGAL_ARTICLE = re.compile(r"(?<![\w.])(?-i:[LRD])\.?[ \u00a0]?\d{3,}(?:-\d+)*\b|\bart(?:icles?|\.)[ \u00a0]?\d+",
                           re.IGNORECASE)
NATURE_FR = {"copie": "copie du texte", "traduction": "traduction", "resume-automatique": "résumé automatique",
             "commentaire": "commentaire"}


def unlisted_source_problems(meta: dict | None, body: str, lines, known: dict | None, shown: str) -> list[Problem]:
    """`source-non-listee` (error): a key cited in the body (`[@Clé]`) or by a deadline entry
    (`delais: source:`) that the front matter's `sources` does not list. Unknown keys are
    reported as `cle-inconnue` by the markers' check, not twice."""
    if not isinstance(meta, dict) or not isinstance(meta.get("sources"), list):
        return []
    listed = {k for k in meta["sources"] if isinstance(k, str)}
    line_of_sources = lines.line(("sources",)) if lines is not None else 1
    problems, reported = [], set()
    index = LineIndex(body)
    for match in CITATION.finditer(body):
        key = match.group(1)
        if key in listed or key in reported or (known is not None and key not in known):
            continue
        reported.add(key)
        problems.append(Problem(
            shown, index.line(match.start()), "source-non-listee",
            f"« [@{key}] » est cité dans le texte mais absent de « sources » (ligne {line_of_sources}) ; "
            f"ajoutez {key} à la liste « sources » de l'en-tête"))
    entries = meta.get("delais") if isinstance(meta.get("delais"), list) else []
    for position, entry in enumerate(entries):
        key = entry.get("source") if isinstance(entry, dict) else None
        if not isinstance(key, str) or key in listed or key in reported or (known is not None and key not in known):
            continue
        reported.add(key)
        problems.append(Problem(
            shown, lines.line(("delais", position, "source")) if lines is not None else 1, "source-non-listee",
            f"le délai « {entry.get('id', position + 1)} » cite la source « {key} », absente de « sources » "
            f"(ligne {line_of_sources}) ; ajoutez {key} à la liste « sources » de l'en-tête"))
    return problems


def secondary_legal_source_problems(body: str, known: dict | None, shown: str) -> list[Problem]:
    """`source-juridique-secondaire` (warning): a paragraph names a legal article and every source
    it cites is marked secondary in data/bibliographie.yml (`nature`: a copy of the text on
    another site, a translation, a machine summary, a lawyer's or a journalist's commentary)."""
    if not known:
        return []
    problems = []
    for first, text in paragraphs(mask(body)):
        if HEADING.match(text):
            continue
        article = LEGAL_ARTICLE.search(text)
        keys = [k for k in dict.fromkeys(CITATION.findall(text)) if k in known]
        if article is None or not keys or not all(known[k].get("nature") in NATURE_FR for k in keys):
            continue
        described = ", ".join(f"{k} : {NATURE_FR[known[k]['nature']]}" for k in keys)
        problems.append(Problem(
            shown, first + text.count("\n", 0, article.start()), "source-juridique-secondaire",
            f"« {article.group(0).strip()} » : cet article de loi n'est appuyé que sur des sources secondaires "
            f"({described}) ; citez d'abord le texte officiel sur Légifrance (une référence « nature: officielle » "
            "de data/bibliographie.yml)", WARNING))
    return problems
