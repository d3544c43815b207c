"""For the tests of the defences behind the content check, and for them only.

`python tests/build_without_content_check.py build …` runs MkDocs as `mkdocs build …` would, with
the content check (soignants/pipeline/build_errors.py, which every real build runs first) replaced
by a stub, so that a test can see what the render layer alone (escaping, the HTML allowlist, the
CSP) makes of content that got past every check (tests/test_hostile.py). Nothing in the project
can build this way: the stub lives here, in the tests, not behind a setting.
"""

import sys

from soignants.pipeline import build_errors, prerender


class NoCheck:
    """In place of the check `mkdocs build` runs beside the pages (build_errors.BackgroundCheck)."""

    def __init__(self, *args, **kwargs):
        pass

    def result(self) -> list:
        return []

    def cancel(self) -> None:
        pass


prerender.check_content = lambda *args, **kwargs: []  # the check run in line (serve, pre-render)
build_errors.BackgroundCheck = NoCheck

from mkdocs.__main__ import cli  # noqa: E402

if __name__ == "__main__":
    sys.argv[0] = "mkdocs"
    sys.exit(cli())
