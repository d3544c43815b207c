"""The generator's terminal, in French: what a contributor reads while the site builds.

MkDocs (and ProperDocs) print their progress in English (« INFO - Cleaning site directory »,
« Building documentation to directory… », mkdocs-static-i18n's « Overriding 'en' config… »).
`french_terminal()` puts a filter and a formatter on the generator's own terminal handler:

- its progress lines (INFO) are dropped, except the few a contributor needs, said in French
  (« Site construit en 12,3 s », « Site servi sur http://127.0.0.1:8000/ »…);
- our own lines (loggers under `mkdocs.hooks`) are kept, without the English « INFO - » prefix;
- warnings and errors are always kept (a warning fails a strict build: hiding one would hide the
  reason), prefixed « Avertissement : » or « Erreur : ».

With `--verbose` (DEBUG) nothing is filtered: the maintainers' view stays whole.
"""

from __future__ import annotations

import logging
import re

HANDLER_NAMES = ("MkDocsStreamHandler", "ProperDocsStreamHandler")
OURS = ("mkdocs.hooks", "properdocs.hooks")
TIMESTAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")


def _seconds(match: re.Match) -> str:
    return match.group(1).replace(".", ",")


# The generator's progress lines a contributor needs, in French (anything else at INFO is dropped).
TRANSLATIONS = [
    (re.compile(r"^Documentation built in ([\d.]+) seconds$"),
     lambda m: f"Site construit en {_seconds(m)} s."),
    (re.compile(r"^Serving on (\S+)(?: and opening it in a browser)?$"),
     lambda m: f"Site servi sur {m.group(1)} (Ctrl+C pour arrêter) ; il se reconstruit à chaque "
               "modification de docs/, data/, overrides/, soignants/ ou mkdocs.yml."),
    (re.compile(r"^Detected file changes$"), lambda m: "Modification détectée : le site se reconstruit…"),
    (re.compile(r"^Reloading browsers$"), lambda m: "Site reconstruit : les pages ouvertes se rechargent."),
    (re.compile(r"^Shutting down\.\.\.$"), lambda m: "Arrêt du serveur."),
]


class FrenchFilter(logging.Filter):
    """Keeps our lines and every warning; rewrites or drops the generator's English progress."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING or record.name.startswith(OURS):
            return True
        if logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG:
            return True  # --verbose: the maintainers' view, untouched
        message = record.getMessage()
        stamp = TIMESTAMP.match(message)  # the live-reload server's lines start with « [12:34:56] »
        stamp_text = stamp.group(0) if stamp else ""
        for pattern, french in TRANSLATIONS:
            match = pattern.match(message[len(stamp_text):])
            if match:
                record.msg, record.args = stamp_text + french(match), ()
                record.soignants_french = True
                return True
        return False


class FrenchFormatter(logging.Formatter):
    PREFIXES = {logging.WARNING: "Avertissement : ", logging.ERROR: "Erreur : ", logging.CRITICAL: "Erreur : "}

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno < logging.WARNING:
            return message
        return self.PREFIXES.get(record.levelno, "") + message


def french_terminal() -> bool:
    """Install the filter and formatter on the generator's terminal handler (once); False when
    there is none (run from Python, or a generator whose handler is named otherwise)."""
    found = False
    for name in ("mkdocs", "properdocs"):
        for handler in logging.getLogger(name).handlers:
            if getattr(handler, "name", None) not in HANDLER_NAMES:
                continue
            found = True
            if not any(isinstance(f, FrenchFilter) for f in handler.filters):
                handler.addFilter(FrenchFilter())
                handler.setFormatter(FrenchFormatter())
    return found
