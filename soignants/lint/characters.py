"""Name the characters an editor cannot see or tell apart, so that a message says which one.

« champ « title » inconnu » is a riddle when the key holds a non-breaking space; « le nom contient
une espace insécable U+00A0 » is not. Word processors and phones put these characters in
without asking (curly quotes, non-breaking spaces before « : », zero-width spaces in a paste).
"""

import unicodedata

NAMES = {
    "\u00a0": "espace insécable",
    "\u202f": "espace fine insécable",
    "\u2007": "espace tabulaire",
    "\u2009": "espace fine",
    "\u200a": "espace ultrafine",
    "\u2002": "espace demi-cadratin",
    "\u2003": "espace cadratin",
    "\u200b": "espace sans chasse (invisible)",
    "\u200c": "antiliant sans chasse (invisible)",
    "\u200d": "liant sans chasse (invisible)",
    "\u2060": "gluon de mots (invisible)",
    "\ufeff": "indicateur d'ordre des octets (invisible)",
    "\u00ad": "trait d'union conditionnel (invisible)",
    "\t": "tabulation",
    "\u2018": "guillemet courbe ouvrant",
    "\u2019": "guillemet courbe",
    "\u201a": "guillemet bas",
    "\u201c": "guillemet double courbe ouvrant",
    "\u201d": "guillemet double courbe fermant",
    "\u00ab": "guillemet français ouvrant",
    "\u00bb": "guillemet français fermant",
    "\u2032": "prime",
    "\u00b4": "accent aigu isolé",
    "`": "accent grave isolé",
    "\u2013": "tiret demi-cadratin",
    "\u2014": "tiret cadratin",
    "\u2212": "signe moins",
    "\u2010": "trait d'union typographique",
    "\u2011": "trait d'union insécable",
    "\u2026": "points de suspension en un caractère",
    "\uff1a": "deux-points pleine chasse",
}
# What an editor almost certainly meant instead.
PLAIN = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
         "\u2026": "...", "\uff1a": ":"}


def name(char: str) -> str:
    """« espace insécable U+00A0 »; an unlisted invisible character by its Unicode name."""
    code = f"U+{ord(char):04X}"
    if char in NAMES:
        return f"{NAMES[char]} {code}"
    return f"caractère invisible {code} ({unicodedata.name(char, 'sans nom').lower()})"


def is_special(char: str) -> bool:
    """A character worth naming: listed above, or invisible (format, control, odd space)."""
    if char in NAMES:
        return True
    category = unicodedata.category(char)
    return category in ("Cf", "Cc", "Zs", "Zl", "Zp", "Co") and char not in (" ", "\n")


def specials(text: str) -> list[str]:
    """The special characters of a text, named, each once, in order of appearance."""
    seen = []
    for char in text:
        if is_special(char) and char not in seen:
            seen.append(char)
    return [name(c) for c in seen]


def described(text: str) -> str:
    """« (il contient une espace insécable U+00A0 et un guillemet courbe U+2019) » or ""."""
    found = specials(text)
    if not found:
        return ""
    return f" (il contient : {', '.join(found)})"


def plain(text: str) -> str:
    """The text with its special characters as an editor would type them on a keyboard."""
    out = []
    for char in text:
        if char in PLAIN:
            out.append(PLAIN[char])
        elif is_special(char):
            out.append(" " if unicodedata.category(char) == "Zs" or char == "\t" else "")
        else:
            out.append(char)
    return "".join(out)
