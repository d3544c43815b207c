"""A testimony identifies and contacts no one: no e-mail address, no phone number.

Help numbers are not written in a testimony either: they come from data/aide.yml through
`[[aide:ID]]`, so that they are checked and kept up to date in one place.
"""

import re

from .markdown_text import LineIndex
from .report import Problem

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
SEP = r"[ \u00a0\u202f.\-]?"
PHONE = re.compile(
    r"(?<![\d+])(?:"
    rf"(?:\+|00){SEP}33{SEP}(?:\(0\){SEP})?[1-9](?:{SEP}\d{{2}}){{4}}"  # +33 6 12 34 56 78, 0033…
    rf"|0[1-9](?:{SEP}\d{{2}}){{4}}"  # 06 12 34 56 78, 0612345678, 06.12.34.56.78, 0805 62 01 33
    rf"|0{SEP}[1-9]\d{{2}}(?:{SEP}\d{{2}}){{3}}"  # 0 805 23 23 36
    r")(?!\d)")


def personal_data_problems(text: str, shown: str) -> list[Problem]:
    """`text` is the whole file (the front matter's « origine » counts too)."""
    index = LineIndex(text)
    problems = []
    for match in EMAIL.finditer(text):
        problems.append(Problem(shown, index.line(match.start()), "donnee-personnelle",
                                f"adresse électronique « {match.group(0)} » dans un témoignage : un récit ne doit "
                                "permettre d'identifier ni de contacter personne ; retirez-la (pour une structure "
                                "d'aide, utilisez [[aide:identifiant]])"))
    for match in PHONE.finditer(text):
        problems.append(Problem(shown, index.line(match.start()), "donnee-personnelle",
                                f"numéro de téléphone « {match.group(0)} » dans un témoignage : un récit ne doit "
                                "permettre d'identifier ni de contacter personne ; retirez-le (pour un numéro "
                                "d'aide, utilisez [[aide:identifiant]])"))
    return problems
