"""A Python-Markdown extension: the allowlist of soignants/render/sanitize.py as the last step of Markdown.

For a generator that builds the pre-rendered copy (soignants/pipeline/prerender.py) and runs the
Python-Markdown extensions listed in its mkdocs.yml (Zensical does): what a page's Markdown
becomes is cleaned by the same `sanitize.clean()` the MkDocs hook runs in on_page_content.

The <link>/<script> tags our markers need (render.page_assets) are not the page's: the
pre-render writes them inside HTML comments carrying a random token of its run
(`prerender.asset_comment`), given to this extension as its `token` setting. They are set
aside before cleaning and put back before and after the cleaned content, as the hook does. A
page cannot forge them: the token did not exist when the page was written, and without the
setting nothing is set aside (the cleaning drops every comment). The same token marks the
values only our code may write (soignants/render/generated.py): the copy was rendered with it.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

from . import generated, sanitize


class SanitizePostprocessor(Postprocessor):
    def __init__(self, md, token: str):
        super().__init__(md)
        self.assets = None
        self.token = token or generated.TOKEN
        if token:
            self.assets = re.compile(r"<!--ss-assets:" + re.escape(token) + r":(avant|apres)\n(.*?)\n-->", re.DOTALL)

    def run(self, text: str) -> str:
        found = {"avant": [], "apres": []}
        if self.assets is not None:
            def set_aside(match):
                found[match.group(1)].append(match.group(2).strip())
                return ""
            text = self.assets.sub(set_aside, text)
        before, after = "\n".join(x for x in found["avant"] if x), "\n".join(x for x in found["apres"] if x)
        return "\n".join(x for x in (before, sanitize.clean(text, self.token), after) if x)


class SanitizeExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"token": ["", "the pre-render run's token around the page's asset tags"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # Priority 0: after every built-in postprocessor (raw HTML put back at 30, unescape at 10).
        md.postprocessors.register(SanitizePostprocessor(md, self.getConfig("token")), "soignants_sanitize", 0)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return SanitizeExtension(**kwargs)
