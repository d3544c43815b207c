"""Accent folding for search: « médecin » and « medecin » must meet."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip diacritics, and turn the typographic apostrophe into a plain one."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("œ", "oe").replace("æ", "ae"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
