"""Text as the reader sees it, with where each visible character comes from in the source.

A rule about what readers read (a phone number, soignants/lint/phone_numbers.py) must read what
they read, not the source: `08&#57;9` is shown « 0899 », `08<b></b>99` too, `０８９９` (full-width)
is read « 0899 », a thin or narrow no-break space is a space, and a link's address is not shown at
all. `visible()` returns that text and, for each of its characters, the offset of the source
character it comes from, so that a problem is still reported at its line.

Applied in order, each in one linear pass:
- link destinations `](…)`, reference definitions `[x]: …` and attribute lists `{: … }` are
  dropped (not shown), except a call's target (`tel:`, `sms:`), which is what the phone dials;
- HTML tags are dropped, whole (a tag inside a number does not split it for the reader);
- HTML character references are decoded (`&#48;`, `&#x30;`, `&nbsp;`…);
- invisible characters (zero-width, bidirectional controls, soft hyphen) and Markdown's
  emphasis signs and escapes (`*`, `_`, `\\`) are dropped;
- every character is folded by Unicode compatibility (NFKC: full-width digits, every kind of
  space, non-breaking hyphens).
Code blocks and comments are expected to be blanked by the caller (markdown_text.mask).
"""

from __future__ import annotations

import html
import re
import unicodedata

from ..model.limits import INVISIBLE

HIDDEN = re.compile(
    r"\]\((?:[^()\n]|\([^()\n]*\))*\)"          # a link's or an image's destination
    r"|^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$"           # a reference definition
    r"|\{:?[ \t]*[#.][^{}\n]*\}"                # an attribute list
    r"|<[A-Za-z/!?][^<>]*>",                    # an HTML tag
    re.MULTILINE)
ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
DROPPED = frozenset("*_\\")
# A call's target inside a hidden part (`](tel:…)`, `href="sms:…"`): what the phone dials.
CALL = re.compile(r"(?:tel|sms|callto):([^\s\"'<>()]+)", re.IGNORECASE)


# Every space of Unicode (category Zs) but the plain one -> a plain space, as NFKC folds most of
# them, in one `str.translate` that keeps the text's length (offsets stay offsets); and the
# non-breaking hyphen as NFKC folds it. (tests/test_help_guard.py checks the list against Unicode.)
SPACE_CHARACTERS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
SPACES = {**{ord(c): " " for c in SPACE_CHARACTERS}, 0x2011: "\u2010"}
SPLIT = re.compile(r"[*_\\]+")


def visible(text: str) -> tuple[str, list[int]]:
    """(what the reader sees, source offset of each of its characters)."""
    out: list[str] = []
    origin: list[int] = []
    position = 0

    def piece(chunk: str, start: int) -> None:
        if not chunk:
            return
        chunk = chunk.translate(SPACES)
        if (chunk.isascii() or unicodedata.is_normalized("NFKC", chunk)) and not INVISIBLE.search(chunk):
            out.append(chunk)  # the usual case, in one step
            origin.extend(range(start, start + len(chunk)))
            return
        for offset, char in enumerate(chunk):
            if INVISIBLE.match(char):
                continue
            for folded in unicodedata.normalize("NFKC", char):
                if folded in DROPPED or INVISIBLE.match(folded):
                    continue
                out.append(folded)
                origin.append(start + offset)

    def emit(chunk: str, start: int) -> None:
        last = 0
        for match in SPLIT.finditer(chunk):  # Markdown's emphasis signs and escapes: not shown
            piece(chunk[last:match.start()], start + last)
            last = match.end()
        piece(chunk[last:], start + last)

    def emit_with_entities(chunk: str, start: int) -> None:
        last = 0
        for match in ENTITY.finditer(chunk):
            emit(chunk[last:match.start()], start + last)
            decoded = html.unescape(match.group(0))
            for char in decoded:
                if char in DROPPED or INVISIBLE.match(char):
                    continue
                for folded in unicodedata.normalize("NFKC", char):
                    out.append(folded)
                    origin.append(start + match.start())
            last = match.end()
        emit(chunk[last:], start + last)

    for match in HIDDEN.finditer(text):
        emit_with_entities(text[position:match.start()], position)
        for call in CALL.finditer(match.group(0)):  # not shown, but dialled: read as a word of its own
            emit_with_entities(f" {call.group(1)} ", match.start() + call.start(1) - 1)
        if match.group(0).startswith("]("):
            out.append("]")
            origin.append(match.start())
        elif match.group(0).startswith("<") and "\n" in match.group(0):
            out.append("\n")  # keep a tag's line breaks out of the words around it
            origin.append(match.start())
        position = match.end()
    emit_with_entities(text[position:], position)
    return "".join(out), origin
