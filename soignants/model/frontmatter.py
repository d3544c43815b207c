"""Split a Markdown page into its YAML front matter and its body."""

from dataclasses import dataclass, field
import re

from .yamlfile import load_yaml_text

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)


@dataclass
class Page:
    meta: dict = field(default_factory=dict)
    body: str = ""
    #: 1-based line number of the body's first line in the file
    body_line: int = 1
    #: raw front matter text (without the --- fences), or None when there is none
    meta_text: str | None = None


def split_front_matter(text: str) -> Page:
    """Return the page's metadata and body; raises yaml.YAMLError on broken YAML."""
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(meta={}, body=text, body_line=1, meta_text=None)
    meta_text = match.group(1)
    meta = load_yaml_text(meta_text) if meta_text.strip() else {}
    body_line = text[: match.end()].count("\n") + 1
    return Page(meta=meta if isinstance(meta, dict) else {}, body=text[match.end():],
                body_line=body_line, meta_text=meta_text)


def read_page(path) -> Page:
    with open(path, encoding="utf-8") as handle:
        return split_front_matter(handle.read())
