"""A testimony identifies and contacts no one: no e-mail address, phone number, social-security
number, postal address or named person.

The text is first read as a reader would see it: Unicode compatibility forms folded (NFKC: a
full-width « ＠ » or « ０６ » is an « @ » or « 06 »), and invisible characters removed (a zero-width
space inside a number hides it from a pattern, not from a reader). Each line is checked on its
own, so that a line number is still a line number.

Help numbers are not written in a testimony either: they come from data/aide.yml through
`[[aide:ID]]`, so that they are checked and kept up to date in one place.
"""

import re
import unicodedata

from ..model.limits import INVISIBLE
from .report import Problem

# « @ » and the ways people write it to get past a filter: (at), [at], « arobase ».
AT = r"(?:@|\s*[\[(]\s*(?:at|arobase)\s*[\])]\s*|\s+arobase\s+)"
EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]+{AT}[A-Za-z0-9-]+(?:(?:\.|\s*[\[(]\s*(?:dot|point)\s*[\])]\s*)[A-Za-z0-9-]+)*"
                   rf"(?:\.|\s*[\[(]\s*(?:dot|point)\s*[\])]\s*)[A-Za-z]{{2,}}\b", re.IGNORECASE)
SEP = r"[\s.\-/_·•]{0,3}"  # any separators, or none
PHONE = re.compile(
    r"(?<![\d+])(?:"
    rf"(?:\+|00){SEP}\d{{2,3}}{SEP}(?:\(0\){SEP})?\d(?:{SEP}\d){{7,11}}"  # +33 6 12 34 56 78, +32…, 0033…
    rf"|0{SEP}[1-9](?:{SEP}\d){{8}}"  # 06 12 34 56 78, 0612345678, 0 805 23 23 36, 06.12.34.56.78
    r")(?!\d)")
# French social-security number (NIR): sex, year, month, département (2A/2B for Corsica), commune,
# order, and the two-digit key, with or without separators.
NIR = re.compile(rf"(?<!\d)[12]{SEP}\d{{2}}{SEP}(?:0[1-9]|1[0-2]|[2-9]\d){SEP}(?:\d{{2}}|2[ABab])"
                 rf"{SEP}\d{{3}}{SEP}\d{{3}}(?:{SEP}\d{{2}})?(?!\d)")
STREET_WORDS = (r"rue|avenue|av\.|boulevard|bd|place|chemin|allée|allee|impasse|quai|route|cours|square|"
                r"lotissement|résidence|residence|hameau|lieu-dit|rond-point|faubourg")
STREET = re.compile(rf"(?<!\w)\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+(?:{STREET_WORDS})\s+\S+", re.IGNORECASE)
POSTCODE_TOWN = re.compile(r"(?<!\d)(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{3}\s+[A-ZÉÈ][\w'’-]+(?:[\s-][A-ZÉÈ][\w'’-]+)*")
# A title followed by a surname: « le Dr Martin », « Madame Durand ». An initial (« Dr M. ») is the
# usual way to anonymise and is allowed.
NAMED_PERSON = re.compile(r"\b(?:Dr|Docteur|Pr|Professeur|M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle|Maître|Me)"
                          r"\s+(?!(?:[A-ZÉ]\.|[A-ZÉ]\b|X\b|Y\b|Z\b))([A-ZÉÈÀ][a-zéèêëàâîïôöûüç'’-]{2,})")

KINDS = [
    (EMAIL, "adresse électronique", "pour une structure d'aide, utilisez [[aide:identifiant]]"),
    (NIR, "numéro de sécurité sociale", "retirez-le"),
    (PHONE, "numéro de téléphone", "pour un numéro d'aide, utilisez [[aide:identifiant]]"),
    (STREET, "adresse postale", "gardez au plus la région"),
    (POSTCODE_TOWN, "code postal et ville", "gardez au plus la région"),
    (NAMED_PERSON, "nom de personne", "remplacez-le par une initiale (« le Dr M. ») ou par sa fonction"),
]


def as_read(line: str) -> str:
    """A line as a reader sees it: compatibility forms folded, invisible characters removed."""
    return unicodedata.normalize("NFKC", INVISIBLE.sub("", line))


def personal_data_problems(text: str, shown: str) -> list[Problem]:
    """`text` is the whole file (the front matter's « origine » counts too)."""
    problems = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = as_read(raw)
        taken: list[tuple[int, int]] = []  # a social-security number is not also a phone number
        for pattern, kind, fix in KINDS:
            for match in pattern.finditer(line):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                problems.append(Problem(shown, number, "donnee-personnelle",
                                        f"{kind} « {match.group(0).strip()} » dans un témoignage : un récit ne doit "
                                        f"permettre d'identifier ni de contacter personne ; {fix}"))
    return problems
