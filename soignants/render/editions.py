"""Links from the English edition to pages that exist only in French.

The English edition holds only the pages translated so far (`x.en.md`); it does not render a copy
of every French page (that doubled the build time and the site's size). A link from an English
page to a page not translated yet goes to the French page, said to be in French (`hreflang`).

MkDocs checks every relative link against the edition's own files, so such a link is first
written with a scheme of ours, which MkDocs leaves alone (`fr-edition:fiches/x.md#anchor`), then
turned into a relative address from the page's own, once the page is rendered (`french_links`).
"""

from pathlib import Path
import posixpath
import re

SCHEME = "fr-edition:"
# [text](page.md#anchor "title") and reference definitions `[name]: page.md#anchor`
MARKDOWN_LINK = re.compile(r"\]\((?P<target>[^)\s#?]+\.md)(?P<anchor>[?#][^)\s]*)?(?P<title>\s+\"[^\"]*\")?\)")
REFERENCE_DEFINITION = re.compile(r"^(?P<start>[ ]{0,3}\[[^\]]+\]:[ \t]*)<?(?P<target>[^\s>#?]+\.md)(?P<anchor>[?#][^\s>]*)?>?",
                                  re.MULTILINE)
URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
EDITION_TAG = re.compile(r'<a\s[^>]*href="' + SCHEME + r'[^"]*"[^>]*>')
EDITION_LINK = re.compile(r'href="' + SCHEME + r'(?P<src>[^"#?]*)(?P<anchor>[?#][^"]*)?"')
# Menu and tab links show the French page's title: it must be read with a French voice.
TITLE_LINK_CLASSES = ("md-nav__link", "md-tabs__link")


def page_url(src_uri: str) -> str:
    """The address of a page from the site's root, as MkDocs writes it with directory URLs:
    `index.md` -> ``, `fiches/index.md` -> `fiches/`, `fiches/x.md` -> `fiches/x/`."""
    stem = src_uri[:-len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-len("index")]
    else:
        stem += "/"
    return stem


def asset_url(src_uri: str, lang: str, asset: str, default_language: str = "fr", html_urls: str = "page") -> str:
    """Relative address of a file of docs/ (`assets/javascripts/x.js`) from a page's HTML, in
    its edition: MkDocs rewrites links in Markdown, not the `src` of a <script> written as HTML.
    `html_urls="source"`: for a generator that rewrites relative addresses in raw HTML as it
    does Markdown links, from the Markdown file (Zensical; soignants/pipeline/prerender.py)."""
    if html_urls == "source":
        return posixpath.relpath(asset, posixpath.dirname(src_uri) or ".")
    here = page_url(src_uri) if lang == default_language else f"{lang}/{page_url(src_uri)}"
    return posixpath.relpath(asset, here.rstrip("/") or ".")


def script_tag(src_uri: str, lang: str, asset: str, html_urls: str = "page") -> str:
    """The <script> a page's marker writes for a script only that page needs."""
    return f'<script src="{asset_url(src_uri, lang, asset, html_urls=html_urls)}" defer></script>'


def has_english_page(src_uri: str, docs_dir) -> bool:
    """Whether a link target is in the English edition: a page with its `x.en.md`, a link written
    to the English page itself, or not a page at all (an asset)."""
    if not src_uri.endswith(".md") or src_uri.endswith(".en.md"):
        return True
    return (Path(docs_dir) / (src_uri[:-len(".md")] + ".en.md")).is_file()


def relative_url(from_url: str, to_url: str) -> str:
    """A relative address from one directory URL to another (`en/fiches/` -> `fiches/x/` gives
    `../../fiches/x/`)."""
    relative = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if relative == "." else relative + "/"


LANGUAGE_LINK = re.compile(r'(<a href=")([^"]*)(" hreflang="[^"]*" class="md-select__link">)')


def relative_language_links(html: str, page_url_: str, site_path: str) -> str:
    """The language switcher's links, relative to the page: the theme writes them from the site's
    root (`/en/`, or `/urps/en/` under SITE_URL), which breaks when the built site is copied
    under another path. `site_path` is the path part of site_url (`/` or `/urps/`)."""
    base = "/" + site_path.strip("/") + "/" if site_path.strip("/") else "/"

    def relative(match):
        target = match.group(2)
        if not target.startswith("/") or target.startswith("//"):
            return match.group(0)
        inside = target[len(base):] if target.startswith(base) else target.lstrip("/")
        return match.group(1) + relative_url(page_url_.rstrip("/"), inside.rstrip("/")) + match.group(3)

    return LANGUAGE_LINK.sub(relative, html)


def resolve(target: str, from_src: str) -> str:
    """A Markdown link target written in `from_src`, as a path under docs/."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_src), target))


def link_untranslated(markdown: str, from_src: str, translated, exists) -> str:
    """Point the Markdown links of an English page at the French edition where the target has no
    English page: `translated(src)` says whether `src` is in the English edition, `exists(src)`
    whether it is a page at all (a broken link is left for MkDocs to report)."""

    def french_target(match) -> str | None:
        if URL_SCHEME.match(match["target"]) or match["target"].startswith("/"):
            return None  # another site, or an absolute path: not a page of ours
        target = resolve(match["target"], from_src)
        if translated(target) or not exists(target):
            return None
        return f"{SCHEME}{target}{match['anchor'] or ''}"

    def inline(match):
        target = french_target(match)
        return match.group(0) if target is None else f"]({target}{match['title'] or ''})"

    def definition(match):
        target = french_target(match)
        return match.group(0) if target is None else match["start"] + target

    return REFERENCE_DEFINITION.sub(definition, MARKDOWN_LINK.sub(inline, markdown))


def french_links(html: str, page_url_: str) -> str:
    """Turn the `fr-edition:` links of a rendered English page (`page_url_` from the site's root,
    e.g. `en/fiches/`) into relative addresses of the French pages, which are at the root, marked
    as French (`hreflang`; `lang` too where the link's text is the French title: menu and tabs)."""

    def address(match):
        url = relative_url(page_url_, page_url(match["src"]))
        return f'href="{url}{match["anchor"] or ""}" hreflang="fr"'

    def tag(match):
        html_tag = EDITION_LINK.sub(address, match.group(0))
        if any(name in html_tag for name in TITLE_LINK_CLASSES) and " lang=" not in html_tag:
            html_tag = html_tag[:-1] + ' lang="fr">'
        return html_tag

    return EDITION_TAG.sub(tag, html)


def nearest_translation(src_uri: str, docs_dir, lang: str = "en") -> str:
    """The address, under the site's root, of the page in `lang` closest to a page that has no
    translation: its section's page (`fiches/soignant/x.md` -> `en/fiches/` when only
    `fiches/index.en.md` exists), up to the edition's home page."""
    folder = posixpath.dirname(src_uri)
    while True:
        index = posixpath.join(folder, "index.md") if folder else "index.md"
        if (Path(docs_dir) / (index[:-len(".md")] + f".{lang}.md")).is_file():
            return f"{lang}/{page_url(index)}"
        if not folder:
            return f"{lang}/"
        folder = posixpath.dirname(folder)


def language_link_to(html: str, lang: str, target: str) -> str:
    """Point the language switcher's link for `lang` at `target` (a relative address)."""
    pattern = re.compile(r'(<a href=")[^"]*(" hreflang="' + re.escape(lang) + r'" class="md-select__link">)')
    return pattern.sub(lambda m: m.group(1) + target + m.group(2), html)
