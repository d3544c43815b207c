"""A rendered diff: the words a reader sees on a page, before and after a proposal.

Not a diff of the Markdown source: the help numbers, citations and lists come out of markers and
data, so the reviewer must see the text as the reader will. Both versions of a page's content
(the `<article>` of the built page) are cut into tokens: the words of the text, a mark where each
block starts (paragraph, list item, heading, cell…), and the target of each link and image (a
`tel:` that dials another number must show even when the link's text is the same). The standard
library's `difflib.SequenceMatcher` pairs them; the page after the proposal is then shown with
the words added in `<ins>` and the words removed, back in place, in `<del>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import difflib
import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Where a block starts: its mark carries the block's whole text, so that an unchanged paragraph or
# list item anchors the comparison and a changed one does not pull unrelated words together.
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre", "figcaption",
          "caption", "summary"}
SKIPPED = {"script", "style", "template", "noscript"}
# A word, or one sign of punctuation: « maintenant, » changed to « maintenant. » is one sign.
WORD = re.compile(r"[\w’'-]+|[^\w\s]")
EXCERPT = 90  # characters of a change shown in the list at the top of the page


@dataclass
class Token:
    key: str                      # what is compared
    node: NavigableString | Tag   # where it is
    start: int = 0                # its place in a text node
    end: int = 0

    @property
    def is_word(self) -> bool:
        return isinstance(self.node, NavigableString)

    @property
    def is_target(self) -> bool:
        return self.key.startswith("\x01")


@dataclass
class Change:
    anchor: str    # the id of its first mark on the page
    added: str     # the words added (may be empty)
    removed: str   # the words removed (may be empty)


@dataclass
class Diff:
    html: str                                   # the content after, with the changes marked
    changes: list[Change] = field(default_factory=list)
    added_words: int = 0
    removed_words: int = 0


def _skip(node) -> bool:
    for parent in [node, *node.parents] if isinstance(node, Tag) else node.parents:
        if isinstance(parent, Tag) and (parent.name in SKIPPED or "headerlink" in (parent.get("class") or [])):
            return True
    return False


def target_text(tag: Tag) -> str:
    """What a link or an image leads to, as the reviewer reads it."""
    if tag.name == "img":
        return f"image « {tag.get('alt') or ''} » : {tag.get('src') or ''}"
    href = tag.get("href") or ""
    if href.startswith("tel:"):
        return f"appelle le {href[4:]}"
    if href.startswith("sms:"):
        return f"écrit au {href[4:]}"
    return f"mène à {href}"


def tokens(root: Tag) -> list[Token]:
    found: list[Token] = []
    for node in root.descendants:
        if isinstance(node, Comment) or _skip(node):
            continue
        if isinstance(node, NavigableString):
            found += [Token(m.group(0), node, m.start(), m.end()) for m in WORD.finditer(str(node))]
        elif isinstance(node, Tag):
            if node.name in BLOCKS:
                found.append(Token(f"\x00{node.name}:{' '.join(WORD.findall(node.get_text(' ')))}", node))
            if (node.name == "a" and node.get("href") and not node["href"].startswith("#")) or node.name == "img":
                # After the link's own words: the target is compared once the text was.
                found.append(Token("\x01" + target_text(node), node))
    # A link's target token goes after its last word, so « 3114 » then « appelle le 3114 ».
    ordered: list[Token] = []
    pending: list[tuple[Tag, Token]] = []
    for token in found:
        while pending and not _inside(token.node, pending[-1][0]):
            ordered.append(pending.pop()[1])
        if token.is_target and token.node.name == "a":
            pending.append((token.node, token))
        else:
            ordered.append(token)
    ordered += [token for _, token in reversed(pending)]
    return ordered


def _compared(items: list[Token], index: int) -> str:
    """What a token is compared as: a sign of punctuation with the word before it, so that the
    full stop of one paragraph never pairs with the full stop of another."""
    key = items[index].key
    if index and len(key) == 1 and not key.isalnum() and items[index - 1].is_word:
        return items[index - 1].key + key
    return key


def _inside(node, ancestor: Tag) -> bool:
    return any(parent is ancestor for parent in node.parents) or node is ancestor


def _shown(items: list[Token]) -> str:
    """The words of some tokens as a reader reads them (no space before a comma or a full stop)."""
    text = ""
    for token in items:
        if token.is_target:
            word = f"({token.key[1:]})"
        elif token.key.startswith("\x00"):
            continue
        else:
            word = token.key
        glued = not text or word in (",", ".", ")", "…") or text.endswith(("(", "’", "'"))
        text += word if glued else " " + word
    return text


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1].rstrip() + "…"


def mark_changes(before_html: str, after_html: str) -> Diff:
    """`after_html` (a page's content) with what changed since `before_html` marked."""
    before = BeautifulSoup(f"<div>{before_html}</div>", "lxml").div
    soup = BeautifulSoup(f"<div>{after_html}</div>", "lxml")
    after = soup.div
    old, new = tokens(before), tokens(after)
    matcher = difflib.SequenceMatcher(None, [_compared(old, i) for i in range(len(old))],
                                      [_compared(new, i) for i in range(len(new))], autojunk=False)

    wraps: dict[int, list] = {}      # id(text node) -> [(start, end, change number)]
    inserts: dict[int, list] = {}    # id(text node) -> [(offset, html pieces, change number)]
    nodes: dict[int, NavigableString] = {}
    diff = Diff("")
    number = 0
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            continue
        removed, added = old[i1:i2], new[j1:j2]
        shown_removed, shown_added = _shown(removed), _shown(added)
        if not shown_removed and not shown_added:
            continue  # only block boundaries moved (a paragraph split in two): nothing to read
        number += 1
        diff.changes.append(Change(f"modif-{number}", _excerpt(shown_added), _excerpt(shown_removed)))
        diff.added_words += sum(1 for t in added if t.is_word)
        diff.removed_words += sum(1 for t in removed if t.is_word)
        place = next((j for j in (j1, j2) if _block_before(new, j, removed[0])), None) \
            if removed and shown_removed and _whole_blocks(old, i1, i2) else None
        if place is not None:
            for block in _removed_blocks(soup, removed, number):
                new[place].node.insert_before(block)
        elif removed and shown_removed:
            node, offset = _anchor(new, j1)
            if node is None:
                after.append(_deleted(soup, removed, number))
            else:
                nodes[id(node)] = node
                inserts.setdefault(id(node), []).append((offset, removed, number))
        for token in added:
            if token.is_word:
                nodes[id(token.node)] = token.node
                wraps.setdefault(id(token.node), []).append((token.start, token.end, number))
            elif token.is_target:
                _mark_target(soup, token, number)
            elif token.node is not None:
                token.node["class"] = [*(token.node.get("class") or []), "apercu-bloc-ajoute"]

    for key, node in nodes.items():
        _rewrite(soup, node, wraps.get(key, []), inserts.get(key, []))
    _set_anchors(after)
    diff.html = after.decode_contents()
    return diff


FLOW = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}


def _whole_blocks(old: list[Token], i1: int, i2: int) -> bool:
    """Whether old[i1:i2] is one or more whole blocks (it starts one and ends where one starts)."""
    return old[i1].key.startswith("\x00") and (i2 == len(old) or old[i2].key.startswith("\x00"))


def _block_before(new: list[Token], position: int, first: Token) -> bool:
    """Whether removed blocks can be shown as blocks of their own before new[position]: a list item
    before a list item, a paragraph or heading before a paragraph or heading (never a table cell)."""
    if position >= len(new) or not new[position].key.startswith("\x00"):
        return False
    here, there = new[position].node.name, first.node.name
    return (here == there == "li") or (here in FLOW and there in FLOW) or (here == there and here in ("dt", "dd"))


def _removed_blocks(soup, removed: list[Token], number: int) -> list[Tag]:
    """Whole blocks removed, each shown as a block of its kind holding its struck-through text."""
    groups: list[list[Token]] = []
    for token in removed:
        if token.key.startswith("\x00"):
            groups.append([token])
        elif groups:
            groups[-1].append(token)
    blocks = []
    for group in groups:
        text = _shown(group)
        if text:
            block = soup.new_tag(group[0].node.name, attrs={"class": "apercu-bloc-supprime"})
            mark = soup.new_tag("del", attrs={"class": "apercu-suppression", "data-modif": str(number)})
            mark.string = text
            block.append(mark)
            blocks.append(block)
    return blocks


def _anchor(new: list[Token], position: int) -> tuple[NavigableString | None, int]:
    """Where words removed before new[position] go: before that word, or after the last word of the
    block before (when position starts a block), or after the last word of the page."""
    if position < len(new) and new[position].is_word:
        return new[position].node, new[position].start
    for token in reversed(new[:position]):
        if token.is_word:
            return token.node, token.end
    for token in new[position:]:
        if token.is_word:
            return token.node, token.start
    return None, 0


def _deleted(soup, removed: list[Token], number: int) -> Tag:
    """Removed words: one line per removed block, inline otherwise."""
    groups: list[list[Token]] = [[]]
    for token in removed:
        if token.key.startswith("\x00") and groups[-1]:
            groups.append([])
        groups[-1].append(token)
    texts = [t for t in (_shown(g) for g in groups) if t]
    wrapper = soup.new_tag("span", attrs={"class": "apercu-modif", "data-modif": str(number)})
    for text in texts:
        mark = soup.new_tag("del", attrs={"class": ["apercu-suppression"] + (["apercu-bloc"] if len(texts) > 1 else [])})
        mark.string = text
        wrapper.append(mark)
        wrapper.append(" ")
    return wrapper


def _mark_target(soup, token: Token, number: int) -> None:
    """A link or image whose target is new: say where it leads now, right after it."""
    mark = soup.new_tag("ins", attrs={"class": ["apercu-ajout", "apercu-cible"], "data-modif": str(number)})
    mark.string = f"({token.key[1:]})"
    token.node.insert_after(mark)
    token.node.insert_after(" ")


def _rewrite(soup, node: NavigableString, wraps: list, inserts: list) -> None:
    """Cut a text node into plain text, added words (<ins>) and removed words (<del>)."""
    text = str(node)
    # Adjacent added words of one change become one <ins>, spaces included.
    merged: list[list] = []
    for start, end, number in sorted(wraps):
        if merged and merged[-1][2] == number and not text[merged[-1][1]:start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end, number])
    events = [(start, 1, ("ins", end, number)) for start, end, number in merged]
    events += [(offset, 0, ("del", removed, number)) for offset, removed, number in inserts]
    pieces: list = []
    position = 0
    for offset, _, (kind, value, number) in sorted(events, key=lambda e: (e[0], e[1])):
        if offset > position:
            pieces.append(NavigableString(text[position:offset]))
            position = offset
        if kind == "del":
            if pieces and not str(pieces[-1]).endswith(" ") and offset > 0:
                pieces.append(NavigableString(" "))
            pieces.append(_deleted(soup, value, number))
        else:
            mark = soup.new_tag("ins", attrs={"class": "apercu-ajout", "data-modif": str(number)})
            mark.string = text[offset:value]
            pieces.append(mark)
            position = value
    if position < len(text):
        pieces.append(NavigableString(text[position:]))
    node.replace_with(*pieces)


def _set_anchors(root: Tag) -> None:
    """Each change's first mark gets the id its entry in the list links to."""
    seen = set()
    for mark in root.select("[data-modif]"):
        number = mark["data-modif"]
        if number not in seen:
            seen.add(number)
            mark["id"] = f"modif-{number}"
        del mark["data-modif"]
