"""The site's own scripts and style sheets, minified in the built site (comments and spaces out:
about 40 % less once compressed). The sources in overrides/assets/ keep their comments; only the
copies a reader downloads shrink. rjsmin and rcssmin (small, well-kept minifiers) never rename
or reorder anything, so the pages behave the same; the browser tests run on the minified copies."""

from pathlib import Path

from .. import OWN_ASSETS_DIR

import rcssmin
import rjsmin

# Folder of our own files (under overrides/ and in the built site) -> (suffix, minifier).
OWN_ASSETS = {
    Path("assets") / "javascripts": (".js", rjsmin.jsmin),
    Path("assets") / "stylesheets": (".css", rcssmin.cssmin),
}


def minify_assets(site_dir, own_dir=OWN_ASSETS_DIR.parent) -> list[str]:
    """Minify, in site_dir, each script and style sheet of ours (those of overrides/assets/).
    Returns their paths under the site."""
    done = []
    for folder, (suffix, minify) in OWN_ASSETS.items():
        for source in sorted((Path(own_dir) / folder).glob("*" + suffix)):
            built = Path(site_dir) / folder / source.name
            if built.is_file():
                built.write_text(minify(built.read_text(encoding="utf-8")), encoding="utf-8")
                done.append((folder / source.name).as_posix())
    return done
