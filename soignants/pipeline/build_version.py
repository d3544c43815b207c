"""The build's version, as the pages carry it: a short hash of what the site is built from (the
content, the data, the theme, the code, the configuration). The same sources give the same
version; any change gives another. The search gives it to Pagefind as `metaCacheTag`, so that
the browser keeps Pagefind's entry file while the site stays the same, and fetches it again after
a new build (search-soignants.js)."""

from pathlib import Path
import hashlib

SOURCES = ("docs", "data", "overrides", "soignants")
FILES = ("mkdocs.yml",)
SUFFIXES = {".md", ".yml", ".yaml", ".json", ".html", ".js", ".css", ".svg", ".py", ".png", ".jpg", ".jpeg",
            ".webp", ".mp3", ".ogg", ".vtt", ".txt"}


def build_version(root) -> str:
    root = Path(root)
    digest = hashlib.sha256()
    paths = [root / name for name in FILES]
    for folder in SOURCES:
        paths += sorted(p for p in (root / folder).rglob("*")
                        if p.is_file() and p.suffix.lower() in SUFFIXES and "__pycache__" not in p.parts)
    for path in paths:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
