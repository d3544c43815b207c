"""mkdocs.yml: nothing in the site's configuration loads a file from another host, or runs code
that the project did not review.

A proposal can change mkdocs.yml as well as a fiche: a script or a style sheet from a CDN, web
fonts, an analytics key, a repository link (the theme then asks the forge's API about it from
every reader's browser), an extra plugin or hook. Each is refused here with its line.
"""

from pathlib import Path
import re

import yaml

from .phone_numbers import data_number_problems
from .reading import read_text
from .report import Problem
from .yaml_errors import located
from .yaml_lines import YamlLines

ALLOWED_PLUGINS = {"search", "i18n"}
ALLOWED_HOOKS = {"overrides/hooks/site.py"}
# Settings that are addresses or paths, not text a reader reads.
NOT_TEXT = {"site_url", "repo_url", "edit_uri", "signalement", "hooks", "extra_css", "extra_javascript", "custom_dir",
            "favicon", "logo", "separator", "docs_dir", "site_dir"}
EXTERNAL = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!ENV, !relative) as plain values."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else
    loader.construct_mapping(node) if isinstance(node, yaml.MappingNode) else loader.construct_scalar(node)))
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _names(entries) -> list[str]:
    return [next(iter(e)) if isinstance(e, dict) else str(e) for e in (entries or [])]


def check_config(path: Path, shown: str) -> list[Problem]:
    read = read_text(path, shown)
    if read.text is None:
        return read.problems
    try:
        config = yaml.load(read.text, Loader=_ConfigLoader) or {}
        lines = YamlLines(yaml.compose(read.text, Loader=_ConfigLoader))
    except yaml.YAMLError as error:
        line, message = located(error, read.text)
        return [Problem(shown, line, "yaml-invalide", f"mkdocs.yml illisible : {message}")]
    problems = list(read.problems)

    def refuse(where, message):
        problems.append(Problem(shown, lines.line(where), "configuration-refusee", message))

    for key in ("extra_javascript", "extra_css"):
        for index, entry in enumerate(config.get(key) or []):
            address = entry.get("path", "") if isinstance(entry, dict) else str(entry)
            if EXTERNAL.match(address):
                refuse((key, index), f"« {key} » charge « {address[:60]} » depuis un autre site, qui apprendrait "
                                     "qui lit le site ; copiez le fichier dans docs/images/ et visez-le en relatif")
    theme = config.get("theme") or {}
    if isinstance(theme, dict) and theme.get("font", False) is not False:
        refuse(("theme", "font"), "« theme.font » charge des polices depuis Google Fonts ; laissez « font: false » "
                                  "(le site utilise les polices de l'appareil)")
    extra = config.get("extra") or {}
    for key in ("analytics", "consent", "social"):
        if isinstance(extra, dict) and extra.get(key):
            refuse(("extra", key), f"« extra.{key} » envoie des données de lecture ou charge des ressources d'autres "
                                   "sites ; le site promet de ne rien collecter : retirez-le")
    for key in ("repo_url", "edit_uri", "google_analytics"):
        if config.get(key):
            refuse((key,), f"« {key} » fait interroger un autre site par le navigateur de chaque lecteur ; "
                           "retirez-le (le lien vers le projet se règle dans « extra »)")
    for index, name in enumerate(_names(config.get("plugins"))):
        if name not in ALLOWED_PLUGINS:
            refuse(("plugins", index), f"extension « {name} » non prévue : elle exécuterait du code à la "
                                       "construction ; seules « search » et « i18n » sont permises")
    for index, hook in enumerate(config.get("hooks") or []):
        if str(hook) not in ALLOWED_HOOKS:
            refuse(("hooks", index), f"crochet « {hook} » non prévu : le code de construction est dans "
                                     "overrides/hooks/site.py et soignants/")
    # The texts readers see (site name, copyright line…) hold no phone number (phone_numbers.py).
    problems += data_number_problems(config, lines, {}, shown, skip=NOT_TEXT)
    return problems
