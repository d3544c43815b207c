"""Read the Markdown of a page the way the checks need it, without rendering it.

- `mask`: code blocks, inline code and HTML comments are blanked (same length, same line
  breaks), so that `<script>` shown as an example in a code block is not « dangerous » and a
  line number is still a line number;
- headings, with the ids the generator will give them (Python-Markdown's toc, as MkDocs uses it);
- explicit ids (`{#id}`, `id="…"`), links and images.
"""

from bisect import bisect_right
from dataclasses import dataclass
import html
import re

from markdown.extensions.toc import slugify, unique

FENCE_OPEN = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
# As a browser reads comments: `<!-->` and `<!--->` are whole (empty) comments, and `--!>` ends one.
HTML_COMMENT = re.compile(r"<!--(?:-?>|.*?(?:--!?>|\Z))", re.DOTALL)
ATX_HEADING = re.compile(r"^([ \t]*)(#{1,6})[ \t]+(.*?)[ \t]*$", re.MULTILINE)
CLOSING_HASHES = re.compile(r"[ \t]+#+$")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")  # no `{` inside: linear on a line of `{`
ATTR_ID = re.compile(r"(?:^|\s)#([\w:.-]+)")
HTML_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""")
TAG = re.compile(r"<[^>]+>")
IMAGE_OR_LINK_START = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(")
REFERENCE_DEF = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
REFERENCE_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?(?!\()")


def blank(text: str) -> str:
    """Same length and line breaks, no content."""
    return re.sub(r"[^\n]", " ", text)


def mask(text: str, comments: bool = True) -> str:
    """Blank fenced code blocks, inline code spans and (unless told not to) HTML comments."""
    lines = text.split("\n")
    fence = None
    for index, line in enumerate(lines):
        if fence is None:
            match = FENCE_OPEN.match(line)
            if match:
                fence = match.group(1)
                lines[index] = blank(line)
        else:
            if re.match(rf"^[ \t>]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line):
                fence = None
            lines[index] = blank(line)
    text = "\n".join(lines)
    if comments:
        text = HTML_COMMENT.sub(lambda m: blank(m.group(0)), text)
    return INLINE_CODE.sub(lambda m: blank(m.group(0)), text)


class LineIndex:
    """Offset in a text -> 1-based line number."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # as written, without the #'s nor an attribute list
    line: int
    indented: bool  # inside an admonition or a list: not a top-level section
    explicit_id: str | None
    html: bool = False  # an HTML <h2>…</h2> (inside a `markdown` block, toc gives it an id too)


def headings(masked: str, original: str | None = None) -> list[Heading]:
    """ATX headings outside code blocks; their text is read from `original` (inline code kept)."""
    found: list[tuple[int, Heading]] = []
    index = LineIndex(masked)
    for match in ATX_HEADING.finditer(masked):
        line = index.line(match.start())
        if original is not None:
            end = original.find("\n", match.start())
            match = ATX_HEADING.match(original, match.start(), end if end != -1 else len(original)) or match
        indent, hashes, text = match.groups()
        text = CLOSING_HASHES.sub("", text)
        explicit = None
        attrs = ATTR_LIST.search(text)
        if attrs and text.endswith("}"):
            id_match = ATTR_ID.search(" " + attrs.group(1))
            explicit = id_match.group(1) if id_match else None
            text = text[: attrs.start()].rstrip()
        found.append((match.start(), Heading(len(hashes), text, line, bool(indent), explicit)))
    for match in HTML_HEADING.finditer(masked):
        explicit = HTML_ID.search(match.group(0)[: match.group(0).find(">") + 1])
        text = (original or masked)[match.start(3):match.end(3)]
        found.append((match.start(), Heading(int(match.group(1)), text, index.line(match.start()), False,
                                             explicit.group(1) if explicit else None, html=True)))
    return [heading for _, heading in sorted(found, key=lambda item: item[0])]


# What pymdownx.smartsymbols (enabled in mkdocs.yml) turns into a symbol that slugify drops.
SMART_SYMBOLS = re.compile(r"\((?:tm|c|r)\)|<-->|(?<!-)-->|<--(?!-)")


def heading_name(text: str) -> str:
    """The plain text Python-Markdown's toc extracts from a heading's Markdown."""
    text = SMART_SYMBOLS.sub(lambda m: "tm" if m.group(0) == "(tm)" else "\u2192", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images keep their text
    text = re.sub(r"!?\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = text.replace("`", "")
    text = re.sub(r"\*+", "", text)
    # Underscores are emphasis only in pairs (`__gras__`, `_mot_`): `__config` keeps them.
    text = re.sub(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)
    text = TAG.sub("", text)
    return html.unescape(text).strip()


def heading_ids(items: list[Heading], taken: set[str] | None = None) -> list[str]:
    """Ids in document order, as `toc` gives them (slugify, then `_1`, `_2` for repeats)."""
    used = set(taken or ())
    counters: dict[str, int] = {}
    ids = []
    for heading in items:
        if heading.explicit_id:
            used.add(heading.explicit_id)
            ids.append(heading.explicit_id)
        else:
            ids.append(unique(slugify(heading_name(heading.text), "-"), used, counters))
    return ids


def explicit_ids(masked: str) -> set[str]:
    """Ids written by hand: `<span id="x">`, `<a name="x">`, attribute lists `{#x}`."""
    ids = set(HTML_ID.findall(masked))
    for attrs in ATTR_LIST.finditer(masked):
        ids.update(m.group(1) for m in ATTR_ID.finditer(" " + attrs.group(1)))
    return ids


@dataclass(frozen=True)
class Link:
    target: str  # destination as written
    offset: int  # where the destination starts in the text
    image: bool
    #: an image whose address comes from a reference definition (checked there as a link)
    by_reference: bool = False


def _destination(text: str, start: int) -> tuple[str, int] | None:
    """The destination of an inline link whose `(` ends at `start`, or None if malformed."""
    pos = start
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos < len(text) and text[pos] == "<":
        end = text.find(">", pos)
        return (text[pos + 1:end], pos + 1) if end != -1 else None
    depth, begin = 0, pos
    while pos < len(text):
        char = text[pos]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char in " \t\n":
            break
        pos += 1
    return text[begin:pos], begin


def links(masked: str) -> list[Link]:
    """Inline links and images `[t](dest)`, reference definitions `[id]: dest`, and reference images."""
    found = []
    for match in IMAGE_OR_LINK_START.finditer(masked):
        destination = _destination(masked, match.end())
        if destination is not None:
            found.append(Link(destination[0], destination[1], match.group(1) == "!"))
    definitions = {}
    for match in REFERENCE_DEF.finditer(masked):
        definitions[match.group(1).strip().lower()] = match.group(2)
        found.append(Link(match.group(2), match.start(2), False))
    for match in REFERENCE_IMAGE.finditer(masked):
        label = (match.group(2) or match.group(1)).strip().lower()
        if label in definitions:
            found.append(Link(definitions[label], match.start(), True, by_reference=True))
    return found
