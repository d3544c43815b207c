"""Deadlines as checked data: a fiche's `delais` entries cite the official text, and every
sentence of a fiche that mentions a recourse is covered by one of them.

Rules:

- `delai-sans-texte-officiel` (error): a deadline entry without a Légifrance link (`texte:
  legifrance:`), unless it says what is left to check (`texte: a_verifier:`);
- `texte-officiel-a-verifier` (warning): an entry whose official page could not be read
  (`a_verifier`): the warning stays until someone reads the article on Légifrance, links it and
  removes the field;
- `recours-sans-delai` (error): a sentence of the fiche that mentions a recourse or a step with a
  legal deadline (contester, faire appel, recours, opposition, saisir la commission, le tribunal
  ou la chambre, déclarer l'arrêt ou la cessation des paiements…) and contains none of the words
  (`mots`) of the fiche's deadline entries;
- the entry's `source` key must exist (`cle-inconnue`) and be listed in `sources`
  (`source-non-listee`, checked with the body's citations in sources.py), and entry ids are
  unique (`id-duplique`).

The patterns were tuned on the real fiches (the note of issue 22 gives what they catch and let
through): « avoir recours à », « faire appel à » (call on someone) and « recourir » are not
recourses; « saisir » counts only with the body it is brought before.
"""

from __future__ import annotations

import re

from ..model.folding import fold
from .front_matter import unknown_key_message
from .markdown_text import mask
from .project import Context
from .report import WARNING, Problem
from .sources import HEADING, paragraphs

# On accent-folded lower-case text (soignants/model/folding.py).
RECOURSE = re.compile(
    r"\bcontest(?:er|ez|e|ent|ant|ation|ations)\b"
    r"|\b(?:faire|faites|fait|font|ferez|interjeter|interjetez)\s+appel\b(?!\s+(?:a|au|aux)\b)"
    r"|\bappel\s+(?:devant|contre|de\s+la\s+decision)\b|\bdelai\s+d'appel\b"
    r"|\brecours\b(?<!\bavoir\srecours)(?!\s+(?:a|au|aux)\b)"
    r"|(?<!\ben\s)\bopposition\b"
    r"|\bsaisi(?:r|ssez|ssent|t|ne|ra|rez)\b(?:\s+\S+){0,2}?\s+(?:la\s+|le\s+|l')?"
    r"(?:commission|tribunal|chambre|juge|cour|conseil\s+d'etat|conseil\s+national|pole\s+social)"
    r"|\bdeclar(?:er|ez|ation\s+de)\s+(?:l'|votre\s+|son\s+|la\s+)?(?:arret|cessation)"
)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Ý«\"*\[(])")
LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")


def entry_problems(meta: dict, lines, ctx: Context, shown: str) -> list[Problem]:
    """The official link, the source key and the ids of each deadline entry."""
    entries = meta.get("delais") if isinstance(meta, dict) else None
    if not isinstance(entries, list):
        return []
    problems, seen = [], {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue  # the schema says what is wrong
        where = ("delais", index)
        name = entry.get("id", index + 1)
        if isinstance(entry.get("id"), str):
            if entry["id"] in seen:
                problems.append(Problem(shown, lines.line((*where, "id")), "id-duplique",
                                        f"le délai « {entry['id']} » est déclaré deux fois (aussi à l'entrée "
                                        f"{seen[entry['id']] + 1} de « delais ») ; donnez-lui un autre « id »"))
            seen.setdefault(entry["id"], index)
        text = entry.get("texte")
        if isinstance(text, dict):
            if not text.get("legifrance") and not text.get("a_verifier"):
                problems.append(Problem(
                    shown, lines.line((*where, "texte")), "delai-sans-texte-officiel",
                    f"le délai « {name} » ne renvoie pas au texte officiel ; ajoutez sous « texte : » la ligne "
                    "« legifrance: » avec le lien de l'article sur Légifrance (https://www.legifrance.gouv.fr/"
                    "codes/article_lc/LEGIARTI…), ou, si vous n'avez pas pu lire la page Légifrance, la ligne "
                    "« a_verifier: » qui dit où le texte a été lu"))
            elif text.get("a_verifier"):
                problems.append(Problem(
                    shown, lines.line((*where, "texte", "a_verifier")), "texte-officiel-a-verifier",
                    f"le délai « {name} » n'a pas été vérifié sur Légifrance ({text['a_verifier']}) ; lisez "
                    "l'article sur Légifrance, mettez son lien dans « legifrance: », datez « verifie_le » et "
                    "retirez « a_verifier »", WARNING))
        key = entry.get("source")
        known = ctx.references
        if isinstance(key, str) and known is not None and key not in known:
            problems.append(Problem(shown, lines.line((*where, "source")), "cle-inconnue",
                                    unknown_key_message(key, known, f"dans le délai « {name} »")))
    return problems


def covering_words(meta: dict) -> list[re.Pattern]:
    """The `mots` of the fiche's deadline entries, as folded whole-word patterns."""
    words = []
    entries = meta.get("delais") if isinstance(meta, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("mots"), list):
            words += [w for w in entry["mots"] if isinstance(w, str) and w.strip()]
    return [re.compile(r"(?<!\w)" + re.escape(fold(w.strip())) + r"(?!\w)") for w in words]


def sentences(body: str):
    """(line, text) of each sentence of a masked body, headings left out. A list item is a
    paragraph of its own (soignants/lint/sources.paragraphs)."""
    for first, text in paragraphs(body):
        if HEADING.match(text):
            continue
        offset = 0
        for part in SENTENCE_END.split(text):
            start = text.index(part, offset)
            offset = start + len(part)
            yield first + text.count("\n", 0, start), part


def recourse_problems(meta: dict | None, body: str, shown: str) -> list[Problem]:
    """Sentences that mention a recourse with no deadline entry covering them."""
    meta = meta if isinstance(meta, dict) else {}
    covered = covering_words(meta)
    problems = []
    for line, sentence in sentences(mask(body)):
        folded = fold(LIST_MARK.sub("", sentence))
        match = RECOURSE.search(folded)
        if match is None or any(p.search(folded) for p in covered):
            continue
        where = line + folded.count("\n", 0, match.start())
        quoted = " ".join(sentence.split())
        quoted = quoted if len(quoted) <= 90 else quoted[:89] + "…"
        hint = ("ajoutez à l'en-tête un délai (« delais ») dont « mots » contient un mot de cette phrase, "
                "avec son texte officiel" if not covered else
                "ajoutez le délai de cette démarche à « delais », ou un mot de cette phrase aux « mots » du délai "
                "qui la couvre")
        problems.append(Problem(
            shown, where, "recours-sans-delai",
            f"« {match.group(0)} » : cette phrase évoque un recours ou une démarche à faire dans un délai, "
            f"sans délai déclaré qui la couvre (« {quoted} ») ; {hint} ; si ce n'est pas une démarche du "
            "lecteur, reformulez"))
    return problems
