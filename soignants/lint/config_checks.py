"""mkdocs.yml: an allowlist of what the site's configuration may say, read before MkDocs reads it.

A proposal can change mkdocs.yml as well as a fiche. MkDocs loads it with PyYAML's full loader, so
a `!!python/…` tag runs code on the machine that builds the site, before any hook of ours; a
`hooks:` entry, a plugin, a Markdown extension or `INHERIT` run or read files there too. Material
then prints several of its values into every page as they are (site name, copyright, palette
names, status labels) or inside its own scripts (`extra.scope`). So every key is known here, with
the values it may take, and anything else is refused with its line:

- the text is composed with PyYAML's safe loader (nothing is constructed, no code runs) and every
  tag is checked first: `!ENV` only for the documented variables at their own place, nothing else;
- the site's own scripts, style sheets, theme folder, hook, plugins and Markdown extensions, with
  their options, are fixed lists (pymdownx.snippets is refused: it publishes files of the machine);
- the values Material prints are plain text (no `<`, `>`, `"`, no control character);
- the report link (`extra.signalement.forge`) leads to the project's forge, not a look-alike.

The build runs the same function before MkDocs loads the file (`make build`, `make serve`,
`make prerender`, the preview) and again from the hook (soignants/pipeline/config_guard.py).
"""

from __future__ import annotations

from dataclasses import dataclass
import os
from pathlib import Path
import re

import yaml

from ..model.limits import CONTROL
from ..model.yamlfile import check_bounded
from ..render.feedback import EMAIL, forge_problem
from ..render.theme_fields import icon_exists
from .phone_numbers import data_number_problems
from .reading import read_text
from .report import Problem
from .yaml_errors import located
from .yaml_lines import YamlLines

CODE = "configuration-refusee"
# Settings that are addresses or paths, not text a reader reads (no phone number is looked for there).
NOT_TEXT = {"site_url", "repo_url", "edit_uri", "signalement", "hooks", "extra_css", "extra_javascript", "custom_dir",
            "favicon", "logo", "separator", "docs_dir", "site_dir"}
EXTERNAL = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")

# --- the allowlist --------------------------------------------------------------------------------

# Environment variables the configuration may read (`!ENV`), and where. The regional editions
# (issue 24) may add theirs here, with their documentation.
DOCUMENTED_ENV = {
    "SITE_URL": {("site_url",)},
    "SIGNALEMENT_FORGE": {("extra", "signalement", "forge")},
    "SIGNALEMENT_COURRIEL": {("extra", "signalement", "courriel")},
    "EDITION": {("extra", "edition")},
    "HORS_LIGNE": {("extra", "hors_ligne")},  # the offline help's kill switch (README, « Confidentialité »)
}
ALLOWED_JAVASCRIPT = ("assets/javascripts/quitter.js", "assets/javascripts/detresse.js")
ALLOWED_CSS = ("assets/stylesheets/site.css", "assets/stylesheets/aide.css")
REQUIRED_HOOK = "overrides/hooks/site.py"
CUSTOM_DIR = "overrides"
SEARCH_SEPARATOR = r"[\s\-'’/]+"
THEME_FEATURES = {
    "navigation.tabs", "navigation.tabs.sticky", "navigation.prune", "navigation.top", "navigation.indexes",
    "navigation.footer", "navigation.path", "navigation.expand", "navigation.sections", "navigation.tracking",
    "toc.follow", "toc.integrate", "content.code.copy", "content.tooltips",
}
FEATURE_REFUSALS = {
    "search.highlight": "écrit la requête du lecteur dans l'adresse du résultat (historique, journaux de l'hébergeur)",
    "search.share": "met la requête du lecteur dans une adresse à partager",
    "navigation.instant": "casse le changement de langue et charge des pages que le lecteur n'a pas ouvertes",
    "header.autohide": "cache l'en-tête, et avec lui le bandeau des numéros d'aide, quand le lecteur fait défiler",
}
PALETTE_MEDIA = ("(prefers-color-scheme: light)", "(prefers-color-scheme: dark)", "(prefers-color-scheme)")
PALETTE_SCHEMES = ("default", "slate")
PALETTE_COLORS = ("custom", "red", "pink", "purple", "deep purple", "deep-purple", "indigo", "blue", "light blue",
                  "light-blue", "cyan", "teal", "green", "light green", "light-green", "lime", "yellow", "amber",
                  "orange", "deep orange", "deep-orange", "brown", "grey", "blue grey", "blue-grey", "black", "white")
IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9-]*")
LOCAL_ADDRESS = re.compile(r"(?:127\.0\.0\.1|localhost):\d{2,5}")
VALIDATION_LEVELS = ("warn", "info", "ignore")
HIDDEN_FROM_EXCLUSION = ("index.md", "aide/")  # the home page and the help pages are always built

REFUSED_KEYS = {
    "INHERIT": "fait lire un autre fichier de configuration, que ce contrôle ne voit pas ; tout se règle dans "
               "mkdocs.yml",
    "repo_url": "fait interroger la forge par le navigateur de chaque lecteur ; le lien vers le projet se règle "
                "dans « extra: signalement: »",
    "edit_uri": "fait interroger la forge par le navigateur de chaque lecteur ; le lien vers le projet se règle "
                "dans « extra: signalement: »",
    "repo_name": "accompagne « repo_url », refusé",
    "google_analytics": "envoie des données de lecture à un autre site ; le site promet de ne rien collecter",
    "docs_dir": "ferait publier un autre dossier que docs/ (un dossier de la machine, par exemple)",
    "site_dir": "écrirait le site ailleurs que dans site/",
    "extra_templates": "ajouterait des gabarits exécutés à la construction ; ils vivent dans overrides/",
    "watch": "ferait surveiller d'autres dossiers que ceux du projet",
}
EXTRA_REFUSALS = {
    "scope": "finit à l'intérieur d'un script du thème (le stockage du lecteur) ; il n'a pas lieu d'être réglé",
    "analytics": "envoie des données de lecture à un autre site ; le site promet de ne rien collecter",
    "consent": "accompagne une mesure d'audience, refusée ; le site ne collecte rien",
    "social": "charge des icônes et des liens vers d'autres sites dans chaque page",
    "alternate": "le changement de langue est écrit par l'extension i18n",
    "homepage": "changerait l'adresse du logo vers un autre site",
    "polyfills": "ajouterait des scripts à chaque page ; les scripts du site vivent dans overrides/assets/",
}
MARKDOWN_EXTENSIONS = {
    # name: {option: check}
    "toc": {"permalink": "permalink", "permalink_title": "plain", "title": "plain", "toc_depth": "toc_depth",
            "baselevel": "small_int"},
    "admonition": {}, "attr_list": {}, "md_in_html": {}, "def_list": {}, "abbr": {}, "footnotes": {}, "tables": {},
    "sane_lists": {}, "pymdownx.details": {}, "pymdownx.superfences": {}, "pymdownx.smartsymbols": {},
    "pymdownx.tilde": {}, "pymdownx.caret": {}, "pymdownx.mark": {}, "pymdownx.betterem": {}, "pymdownx.tasklist": {},
}
EXTENSION_REFUSALS = {
    "pymdownx.snippets": "recopie dans une page n'importe quel fichier de la machine qui construit le site "
                         "(et, avec url_download, d'un autre site)",
    "pymdownx.emoji": "demande une balise !!python, refusée",
}


class EnvRef:
    """`!ENV NAME` or `!ENV [NAME, …, default]`, as written (resolved by MkDocs at build time)."""

    def __init__(self, names: list, default):
        self.names, self.default = names, default


class _Loader(yaml.SafeLoader):
    """The safe loader, with `!ENV` kept as what it says (no environment is read here)."""


def _construct_env(loader, node):
    if isinstance(node, yaml.ScalarNode):
        return EnvRef([loader.construct_scalar(node)], None)
    items = loader.construct_sequence(node)
    return EnvRef(items[:-1] if len(items) > 1 else items, items[-1] if len(items) > 1 else None)


_Loader.add_constructor("!ENV", _construct_env)

_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}


@dataclass
class _Checker:
    lines: YamlLines
    shown: str
    root: Path
    environ: dict
    problems: list

    def refuse(self, path: tuple, message: str) -> None:
        self.problems.append(Problem(self.shown, self.lines.line(path), CODE, message))

    # --- values ---------------------------------------------------------------------------------

    def value(self, path: tuple, value, check, *args) -> None:
        """Check a value that may be written `!ENV […]` (only where documented)."""
        if isinstance(value, EnvRef):
            for name in value.names:
                if path not in DOCUMENTED_ENV.get(str(name), set()):
                    documented = ", ".join(sorted(DOCUMENTED_ENV))
                    self.refuse(path, f"« !ENV {name} » n'est pas une variable documentée à cet endroit : la "
                                      "construction publierait une variable de la machine qui construit le site ; "
                                      f"variables permises : {documented} (chacune à sa place, voir CONTRIBUTING.md)")
            if value.default is not None:
                check(path, value.default, *args)
            return
        check(path, value, *args)

    def plain(self, path: tuple, value, limit: int = 200) -> None:
        name = ".".join(str(p) for p in path)
        if not isinstance(value, str):
            self.refuse(path, f"« {name} » doit être un texte")
            return
        found = CONTROL.search(value)
        if found:
            self.refuse(path, f"« {name} » contient un caractère de contrôle invisible (U+{ord(found.group()):04X}) ; "
                              "retirez-le")
        sign = re.search(r"[<>\"`]", value)
        if sign:
            self.refuse(path, f"« {name} » contient « {sign.group()} » : le thème écrit ce texte tel quel dans chaque "
                              "page, où il deviendrait du code ; écrivez du texte simple (sans balise, guillemets "
                              "français « » plutôt que \")")
        if len(value) > limit:
            self.refuse(path, f"« {name} » est trop long ({len(value)} caractères, au plus {limit})")

    def boolean(self, path: tuple, value) -> None:
        if not isinstance(value, bool):
            self.refuse(path, f"« {'.'.join(map(str, path))} » vaut true ou false")

    def one_of(self, path: tuple, value, allowed, why: str = "") -> None:
        if isinstance(value, (dict, list)) or value not in allowed:
            shown = ", ".join(str(a) for a in allowed)
            self.refuse(path, f"« {'.'.join(map(str, path))} » vaut « {_short(value)} » ; valeurs permises : "
                              f"{shown}{why}")

    def url(self, path: tuple, value) -> None:
        if not (isinstance(value, str) and re.fullmatch(r"https?://[^\s\"'<>\\]+", value)):
            self.refuse(path, f"« {'.'.join(map(str, path))} » doit être une adresse http(s) sans espace ni guillemet")

    def forge(self, path: tuple, value) -> None:
        if value in ("", None):
            return
        problem = forge_problem(str(value).strip().rstrip("/"), self.environ) if isinstance(value, str) else \
            "écrivez une adresse"
        if problem:
            self.refuse(path, f"« signalement: forge » vaut « {_short(value)} » ; {problem}")

    def email(self, path: tuple, value) -> None:
        if value not in ("", None) and not (isinstance(value, str) and EMAIL.match(value.strip())):
            self.refuse(path, f"« signalement: courriel » vaut « {_short(value)} », qui n'est pas une adresse "
                              "électronique (ex. contact@exemple.fr)")

    def identifier(self, path: tuple, value) -> None:
        if value not in ("", None) and not (isinstance(value, str) and IDENTIFIER.fullmatch(value)):
            self.refuse(path, f"« {'.'.join(map(str, path))} » vaut « {_short(value)} » : seulement des minuscules "
                              "sans accent, des chiffres et des tirets")

    def mapping(self, path: tuple, value) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.refuse(path, f"« {'.'.join(map(str, path))} » doit être un groupe de champs indentés")
            return {}
        return value

    def unknown(self, path: tuple, key, allowed, refusals: dict | None = None) -> None:
        where = ".".join(str(p) for p in path)
        why = (refusals or {}).get(key)
        if why:
            self.refuse(path + (key,), f"« {where + '.' if where else ''}{key} » refusé : {why}")
        else:
            self.refuse(path + (key,), f"« {where + '.' if where else ''}{key} » n'est pas un réglage prévu ; "
                                       f"réglages permis ici : {', '.join(sorted(allowed))}")

    # --- sections -------------------------------------------------------------------------------

    def run(self, config: dict) -> None:
        top = {
            "site_name": lambda p, v: self.value(p, v, self.plain),
            "site_description": lambda p, v: self.value(p, v, self.plain, 400),
            "site_author": lambda p, v: self.value(p, v, self.plain),
            # Empty: the public address is unknown (the build leaves out what needs it, and says so).
            "site_url": lambda p, v: self.value(p, v, lambda path, value: value in ("", None) or self.url(path, value)),
            "copyright": lambda p, v: self.value(p, v, self.plain, 300),
            "strict": self.boolean,
            "use_directory_urls": self.boolean,
            "exclude_docs": self.doc_patterns, "draft_docs": self.doc_patterns, "not_in_nav": self.doc_patterns,
            "validation": self.validation,
            "theme": self.theme,
            "extra": self.extra,
            "extra_css": lambda p, v: self.fixed_list(p, v, ALLOWED_CSS),
            "extra_javascript": lambda p, v: self.fixed_list(p, v, ALLOWED_JAVASCRIPT),
            "plugins": self.plugins,
            "hooks": self.hooks,
            "markdown_extensions": self.extensions,
            "nav": self.nav,
            "dev_addr": self.dev_addr,
        }
        for key, value in config.items():
            if key in top:
                top[key]((key,), value)
            else:
                self.unknown((), key, top, REFUSED_KEYS)
        if "hooks" not in config:
            self.refuse((), f"« hooks: - {REQUIRED_HOOK} » est obligatoire : sans ce crochet, le site serait publié "
                            "sans la liste de ce qui est permis dans une page, sans CSP et sans bandeau d'aide rempli")
        if "theme" not in config:
            self.refuse((), f"« theme: » est obligatoire (name: material, custom_dir: {CUSTOM_DIR})")

    def fixed_list(self, path: tuple, value, allowed: tuple) -> None:
        key = path[0]
        if value is None:
            return
        if not isinstance(value, list):
            self.refuse(path, f"« {key} » est une liste d'adresses")
            return
        seen = set()
        for index, entry in enumerate(value):
            address = entry if isinstance(entry, str) else None
            if address is None:
                self.refuse(path + (index,), f"« {key} » : écrivez seulement le chemin du fichier (les réglages "
                                             "« type », « async », « defer » ne sont pas prévus)")
            elif EXTERNAL.match(address):
                self.refuse(path + (index,), f"« {key} » charge « {address[:60]} » depuis un autre site, qui "
                                             "apprendrait qui lit le site ; seuls les fichiers du site sont permis")
            elif address not in allowed or address in seen:
                self.refuse(path + (index,), f"« {key} » : « {_short(address)} » n'est pas un fichier du site prévu "
                                             f"ici ({', '.join(allowed)}) ; un script ou un style ajouté par une "
                                             "proposition s'exécuterait dans chaque page : les fichiers du site vivent "
                                             "dans overrides/assets/ et se déclarent dans "
                                             "soignants/lint/config_checks.py (équipe technique)")
            seen.add(address)

    def doc_patterns(self, path: tuple, value) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            self.refuse(path, f"« {path[0]} » est un bloc de lignes (motifs de fichiers)")
            return
        import pathspec  # MkDocs' own dependency, for its gitignore-style patterns

        spec = pathspec.GitIgnoreSpec.from_lines(value.splitlines())
        docs = self.root / "docs"
        guarded = [p.relative_to(docs).as_posix() for p in docs.glob("**/*.md")
                   if p.relative_to(docs).as_posix().startswith(HIDDEN_FROM_EXCLUSION[1])
                   or p.relative_to(docs).as_posix() in (HIDDEN_FROM_EXCLUSION[0], "index.en.md")] if docs.is_dir() \
            else ["index.md", "aide/index.md"]
        hit = next((page for page in guarded if spec.match_file(page)), None)
        if hit and path[0] != "not_in_nav":
            self.refuse(path, f"« {path[0]} » retirerait « {hit} » du site : la page d'accueil et les pages « Trouver "
                              "de l'aide » sont toujours publiées")

    def validation(self, path: tuple, value) -> None:
        for key, level in self.mapping(path, value).items():
            if isinstance(level, dict):
                for sub, sub_level in level.items():
                    self.one_of(path + (key, sub), sub_level, VALIDATION_LEVELS)
            else:
                self.one_of(path + (key,), level, VALIDATION_LEVELS)

    def dev_addr(self, path: tuple, value) -> None:
        if not (isinstance(value, str) and LOCAL_ADDRESS.fullmatch(value)):
            self.refuse(path, "« dev_addr » sert l'aperçu local : seulement 127.0.0.1:PORT ou localhost:PORT (une "
                              "autre adresse l'ouvrirait au réseau)")

    def theme(self, path: tuple, value) -> None:
        theme = self.mapping(path, value)
        rules = {
            "name": lambda p, v: self.one_of(p, v, ("material",)),
            "custom_dir": lambda p, v: self.one_of(p, v, (CUSTOM_DIR,), " (les gabarits et les fichiers du site, "
                                                   "que seule l'équipe technique modifie)"),
            "language": lambda p, v: self.one_of(p, v, ("fr", "en")),
            "font": lambda p, v: self.one_of(p, v, (False,), " (polices de l'appareil : Google Fonts apprendrait qui "
                                             "lit le site)"),
            "favicon": self.own_asset, "logo": self.own_asset,
            "palette": self.palette,
            "features": self.features,
        }
        for key, item in theme.items():
            if key in rules:
                rules[key](path + (key,), item)
            else:
                self.unknown(path, key, rules)
        for required in ("name", "custom_dir"):
            if isinstance(value, dict) and required not in theme:
                self.refuse(path, f"« theme.{required} » est obligatoire "
                                  f"({'material' if required == 'name' else CUSTOM_DIR})")

    def own_asset(self, path: tuple, value) -> None:
        ok = isinstance(value, str) and re.fullmatch(r"assets/[a-z0-9-]+\.(?:svg|png)", value) \
            and (self.root / CUSTOM_DIR / value).is_file() and not (self.root / "docs" / value).exists()
        if not ok:
            self.refuse(path, f"« theme.{path[-1]} » vaut « {_short(value)} » : seulement une icône du site, dans "
                              f"{CUSTOM_DIR}/assets/ (ex. assets/favicon.svg)")

    def icon(self, path: tuple, value) -> None:
        if not icon_exists(value, self.root):
            self.refuse(path, f"icône « {_short(value)} » inconnue : écrivez le nom d'une icône du thème "
                              "(ex. material/weather-night)")

    def palette(self, path: tuple, value) -> None:
        options = value if isinstance(value, list) else [value]
        for index, option in enumerate(options):
            where = path + (index,) if isinstance(value, list) else path
            option = self.mapping(where, option)
            for key, item in option.items():
                if key == "media":
                    self.one_of(where + (key,), item, PALETTE_MEDIA)
                elif key == "scheme":
                    self.one_of(where + (key,), item, PALETTE_SCHEMES)
                elif key in ("primary", "accent"):
                    self.one_of(where + (key,), item, PALETTE_COLORS)
                elif key == "toggle":
                    toggle = self.mapping(where + (key,), item)
                    for sub, sub_value in toggle.items():
                        if sub == "icon":
                            self.icon(where + (key, sub), sub_value)
                        elif sub == "name":
                            self.plain(where + (key, sub), sub_value, 80)
                        else:
                            self.unknown(where + (key,), sub, ("icon", "name"))
                else:
                    self.unknown(where, key, ("media", "scheme", "primary", "accent", "toggle"))

    def features(self, path: tuple, value) -> None:
        if not isinstance(value, list):
            self.refuse(path, "« theme.features » est une liste")
            return
        for index, feature in enumerate(value):
            if feature in FEATURE_REFUSALS:
                self.refuse(path + (index,), f"« {feature} » refusé : {FEATURE_REFUSALS[feature]}")
            elif feature not in THEME_FEATURES:
                self.refuse(path + (index,), f"fonction du thème « {_short(feature)} » non prévue ; permises : "
                                             f"{', '.join(sorted(THEME_FEATURES))}")

    def extra(self, path: tuple, value) -> None:
        extra = self.mapping(path, value)
        rules = {
            "generator": lambda p, v: self.one_of(p, v, (False,)),
            "bandeau": self.strip,
            "signalement": self.report,
            "status": self.status_labels,
            "tags": self.tag_classes,
            "edition": lambda p, v: self.value(p, v, self.identifier),
            # The offline help (service worker) on or off: true or false (also as HORS_LIGNE=false).
            "hors_ligne": lambda p, v: self.value(p, v, self.one_of, (True, False, "true", "false")),
        }
        for key, item in extra.items():
            if key in rules:
                rules[key](path + (key,), item)
            else:
                self.unknown(path, key, rules, EXTRA_REFUSALS)

    def strip(self, path: tuple, value) -> None:
        if value != []:
            self.refuse(path, "« extra.bandeau » reste vide (« bandeau: [] ») : la construction le remplit avec les "
                              "numéros de data/aide.yml, seule source des numéros d'aide")

    def report(self, path: tuple, value) -> None:
        block = self.mapping(path, value)
        for key, item in block.items():
            if key == "forge":
                self.value(path + (key,), item, self.forge)
            elif key == "courriel":
                self.value(path + (key,), item, self.email)
            else:
                self.unknown(path, key, ("forge", "courriel"))

    def status_labels(self, path: tuple, value) -> None:
        for key, label in self.mapping(path, value).items():
            self.identifier(path + (key,), key)
            self.plain(path + (key,), label, 80)

    def tag_classes(self, path: tuple, value) -> None:
        for key, name in self.mapping(path, value).items():
            self.plain(path + (key,), key, 80)
            self.identifier(path + (key,), name)

    def plugins(self, path: tuple, value) -> None:
        entries = value.items() if isinstance(value, dict) else \
            [((next(iter(e)), e[next(iter(e))]) if isinstance(e, dict) and len(e) == 1 else (e, None))
             for e in (value if isinstance(value, list) else [])]
        if not isinstance(value, (list, dict)):
            self.refuse(path, "« plugins » est une liste")
            return
        for index, (name, options) in enumerate(entries):
            where = path + ((name,) if isinstance(value, dict) else (index,))
            if name == "search":
                self.search_options(where, options)
            elif name == "i18n":
                self.i18n_options(where, options)
            else:
                self.refuse(where, f"extension « {_short(name)} » non prévue : elle exécuterait du code à la "
                                   "construction ; seules « search » et « i18n » sont permises")

    def search_options(self, path: tuple, options) -> None:
        for key, item in (options or {}).items() if isinstance(options, dict) else []:
            where = path + ("search", key) if isinstance(path[-1], int) else path + (key,)
            if key == "lang":
                for lang in item if isinstance(item, list) else [item]:
                    self.one_of(where, lang, ("fr", "en"))
            elif key == "separator":
                self.one_of(where, item, (SEARCH_SEPARATOR,), " (une expression régulière que la construction "
                            "applique à tout le texte : elle est fixée par l'équipe technique)")
            else:
                self.unknown(where[:-1], key, ("lang", "separator"))

    def i18n_options(self, path: tuple, options) -> None:
        base = path + ("i18n",) if isinstance(path[-1], int) else path
        rules = {
            "docs_structure": lambda p, v: self.one_of(p, v, ("suffix",)),
            "fallback_to_default": self.boolean, "reconfigure_material": self.boolean,
            "reconfigure_search": self.boolean,
            "languages": self.languages,
        }
        for key, item in (options or {}).items() if isinstance(options, dict) else []:
            if key in rules:
                rules[key](base + (key,), item)
            else:
                self.unknown(base, key, rules)

    def languages(self, path: tuple, value) -> None:
        if not isinstance(value, list):
            self.refuse(path, "« languages » est une liste")
            return
        rules = {
            "locale": lambda p, v: self.one_of(p, v, ("fr", "en")),
            "name": lambda p, v: self.plain(p, v, 40),
            "default": self.boolean, "build": self.boolean,
            "site_name": self.plain, "site_description": lambda p, v: self.plain(p, v, 400),
            "nav_translations": self.nav_translations,
        }
        for index, language in enumerate(value):
            for key, item in self.mapping(path + (index,), language).items():
                if key in rules:
                    rules[key](path + (index, key), item)
                else:
                    self.unknown(path + (index,), key, rules)

    def nav_translations(self, path: tuple, value) -> None:
        for key, item in self.mapping(path, value).items():
            self.plain(path + (key,), key, 80)
            self.plain(path + (key,), item, 80)

    def hooks(self, path: tuple, value) -> None:
        hooks = value if isinstance(value, list) else [value]
        for index, hook in enumerate(hooks):
            if str(hook) != REQUIRED_HOOK:
                self.refuse(path + (index,), f"crochet « {_short(hook)} » non prévu : le code de construction est "
                                             f"dans {REQUIRED_HOOK} et soignants/")
        if REQUIRED_HOOK not in [str(h) for h in hooks]:
            self.refuse(path, f"« hooks » doit contenir {REQUIRED_HOOK} : sans lui, le site serait publié sans la "
                              "liste de ce qui est permis dans une page, sans CSP et sans bandeau d'aide rempli")

    def extensions(self, path: tuple, value) -> None:
        if not isinstance(value, list):
            self.refuse(path, "« markdown_extensions » est une liste")
            return
        for index, entry in enumerate(value):
            if isinstance(entry, dict) and len(entry) == 1:
                name, options = next(iter(entry.items()))
            else:
                name, options = entry, None
            where = path + (index,)
            short = str(name).removeprefix("markdown.extensions.")
            if short in EXTENSION_REFUSALS:
                self.refuse(where, f"extension Markdown « {name} » refusée : {EXTENSION_REFUSALS[short]}")
                continue
            if short not in MARKDOWN_EXTENSIONS:
                self.refuse(where, f"extension Markdown « {_short(name)} » non prévue ; permises : "
                                   f"{', '.join(sorted(MARKDOWN_EXTENSIONS))}")
                continue
            allowed = MARKDOWN_EXTENSIONS[short]
            for option, item in self.mapping(where, options).items():
                option_path = where + (name, option)
                check = allowed.get(option)
                if check is None:
                    self.refuse(option_path, f"réglage « {option} » de l'extension « {name} » non prévu"
                                             + (f" ; permis : {', '.join(sorted(allowed))}" if allowed else ""))
                elif check == "plain":
                    self.plain(option_path, item, 80)
                elif check == "permalink":
                    if not isinstance(item, bool):
                        self.plain(option_path, item, 4)
                elif check == "toc_depth":
                    if not (isinstance(item, int) and not isinstance(item, bool) and 1 <= item <= 6
                            or isinstance(item, str) and re.fullmatch(r"[1-6]-[1-6]", item)):
                        self.refuse(option_path, "« toc_depth » vaut un niveau de 1 à 6 (ex. 3 ou « 2-4 »)")
                elif check == "small_int":
                    if not (isinstance(item, int) and not isinstance(item, bool) and 1 <= item <= 6):
                        self.refuse(option_path, f"« {option} » vaut un nombre de 1 à 6")

    def nav(self, path: tuple, value) -> None:
        if not isinstance(value, list):
            self.refuse(path, "« nav » est une liste")
            return
        for index, entry in enumerate(value):
            where = path + (index,)
            if isinstance(entry, dict) and len(entry) == 1:
                title, target = next(iter(entry.items()))
                self.plain(where, title, 80)
                if isinstance(target, list):
                    self.nav(where, target)
                else:
                    self.nav_target(where, target)
            else:
                self.nav_target(where, entry)

    def nav_target(self, path: tuple, target) -> None:
        docs = self.root / "docs"
        if not isinstance(target, str) or EXTERNAL.match(target):
            self.refuse(path, f"le menu mène à « {_short(target)} » : seulement des pages du site (un lien vers un "
                              "autre site, dans le menu, ressemblerait à une page du site)")
        elif target.startswith("/") or ".." in target.split("/") or not target.endswith(".md") \
                or (docs.is_dir() and not (docs / target).is_file()):
            self.refuse(path, f"le menu mène à « {_short(target)} », qui n'est pas une page de docs/ ; écrivez le "
                              "chemin d'une page depuis docs/ (ex. aide/index.md)")


def _short(value, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- reading --------------------------------------------------------------------------------------

def _tag_problems(node, shown: str, problems: list) -> None:
    """Every tag of the composed document, before anything is constructed."""
    stack = [node]
    while stack:
        current = stack.pop()
        tag = current.tag
        line = current.start_mark.line + 1
        if tag == "!ENV":
            if not isinstance(current, (yaml.ScalarNode, yaml.SequenceNode)):
                problems.append(Problem(shown, line, CODE, "« !ENV » s'écrit « !ENV NOM » ou « !ENV [NOM, défaut] »"))
        elif tag.startswith("tag:yaml.org,2002:python/"):
            problems.append(Problem(shown, line, CODE,
                                    f"balise YAML « !!{tag.split(':', 2)[2].split(',2002:')[-1]} » refusée : MkDocs "
                                    "exécuterait ce code sur la machine qui construit le site (et sur celle de chaque "
                                    "relecteur) ; écrivez une valeur simple"))
        elif tag not in _STANDARD_TAGS:
            problems.append(Problem(shown, line, CODE,
                                    f"balise YAML « {tag.replace('tag:yaml.org,2002:', '!!')} » non prévue : seul "
                                    "« !ENV » est permis, pour les variables documentées"))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [value, key]
        elif isinstance(current, yaml.SequenceNode):
            stack += list(current.value)
    problems.sort(key=lambda p: p.line)


def config_text_problems(text: str, shown: str, root: Path, environ=None) -> list[Problem]:
    """Every reason to refuse this text as the site's mkdocs.yml (nothing in it is executed)."""
    try:
        check_bounded(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        line, message = located(error, text)  # a tab is named « tabulation », at its own line
        return [Problem(shown, line, "yaml-invalide", f"mkdocs.yml illisible : {message}")]
    if node is None:
        return [Problem(shown, 1, CODE, "mkdocs.yml est vide")]
    problems: list[Problem] = []
    _tag_problems(node, shown, problems)
    if problems:
        return problems  # never construct a document that holds a tag we refuse
    loader = _Loader(text)
    try:
        config = loader.construct_document(loader.get_single_node())
    except yaml.YAMLError as error:
        line, message = located(error, text)  # a tab is named « tabulation », at its own line
        return [Problem(shown, line, "yaml-invalide", f"mkdocs.yml illisible : {message}")]
    finally:
        loader.dispose()
    if not isinstance(config, dict):
        return [Problem(shown, 1, CODE, "mkdocs.yml doit être une suite de lignes « réglage: valeur »")]
    lines = YamlLines(node)
    problems += [Problem(shown, line, "champ-duplique", f"le réglage « {path[-1]} » est écrit deux fois ; seule la "
                                                        "dernière valeur compte, supprimez l'une des deux lignes")
                 for path, line in lines.duplicates]
    _Checker(lines, shown, Path(root), dict(os.environ if environ is None else environ), problems).run(config)
    # The texts readers see (site name, copyright line…) hold no phone number (phone_numbers.py).
    problems += data_number_problems(config, lines, {}, shown, skip=NOT_TEXT)
    return problems


def check_config(path: Path, shown: str, environ=None) -> list[Problem]:
    read = read_text(path, shown)
    if read.text is None:
        return read.problems
    return read.problems + config_text_problems(read.text, shown, Path(path).parent, environ)
