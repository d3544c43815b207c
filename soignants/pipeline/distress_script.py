"""The distress rules written into the site's own script (overrides/assets/javascripts/detresse.js),
so that the reader's browser matches a phrase of distress as it is typed, before the search
engine has loaded and offline, without another request.

Material copies the script from the theme's folder into the built site with its placeholder
(`/*ss:regles*/null/*ss:fin*/`); after the build, this replaces the placeholder with the rules of
soignants/model/distress.py (`browser_rules`): folded words of data/recherche-detresse.yml and a
few stems of the site (only [a-z0-9] strings, by construction), as JSON. The file is then
minified with the others (minify.py). Another generator leaves the placeholder: the script then
takes the rules of the search index when the search opens.
"""

from pathlib import Path
import json
import re

from ..model import distress
from ..model.search_query import Vocabulary

SCRIPT = Path("assets") / "javascripts" / "detresse.js"
PLACEHOLDER = re.compile(r"/\*ss:regles\*/.*?/\*ss:fin\*/", re.DOTALL)


class DistressScriptError(Exception):
    """The built script has no placeholder to fill (message in French)."""


def rules_json(vocabulary: dict | None) -> str:
    """The rules as a JavaScript literal. `vocabulary`: the site's words ({"terms", "counts"},
    search_index.vocabulary_of), or None when the site has no search index (no typo forgiven)."""
    words = Vocabulary(dict(zip(vocabulary["terms"], vocabulary["counts"]))) if vocabulary else None
    rules = distress.browser_rules(words) if words else {
        key: value for key, value in distress.browser_rules(Vocabulary({})).items() if key != "known"}
    return json.dumps(rules, ensure_ascii=True, separators=(",", ":"), sort_keys=True)


def write_rules(site_dir, vocabulary: dict | None) -> Path:
    path = Path(site_dir) / SCRIPT
    if not path.exists():
        raise DistressScriptError(f"{SCRIPT.as_posix()} manque dans le site construit : le thème du site "
                                  "(overrides/) doit le fournir.")
    text = path.read_text(encoding="utf-8")
    filled, count = PLACEHOLDER.subn(lambda _: rules_json(vocabulary), text, count=1)
    if count != 1:
        raise DistressScriptError(f"{SCRIPT.as_posix()} n'a pas l'emplacement des règles de détresse "
                                  "(/*ss:regles*/null/*ss:fin*/).")
    path.write_text(filled, encoding="utf-8")
    return path
