"""The JSON Schemas of our content, loaded once and shared by the build, the checks and the tools.

The schemas are standard JSON Schema, whose `pattern` is an ECMA-262 regular expression: there,
`$` matches only at the very end of the text. Python's `re` also lets `$` match before a final
line break, so « alice\\n » passed `^[A-Za-z0-9…]$` and a handle with a trailing newline split the
CODEOWNERS line it was written on. Our validator reads `pattern` as the standard says: an ending
`$` means the end of the text (tests/test_schemas_patterns.py checks that every pattern of every
schema ends its anchors that way and that no other `$` is used).
"""

from functools import lru_cache
import json
import re

from jsonschema import Draft202012Validator, ValidationError, validators

from .. import SCHEMAS_DIR

FICHE = "fiche"
TEMOIGNAGE = "temoignage"
BIBLIOGRAPHIE = "bibliographie"
AIDE = "aide"
QUESTIONNAIRE = "questionnaire"
DETRESSE = "recherche-detresse"
DETRESSE_SOCLE = "recherche-detresse-socle"
PAGE = "page"

_FINAL_DOLLAR = re.compile(r"(?<!\\)\$$")


@lru_cache(maxsize=None)
def python_pattern(pattern: str) -> re.Pattern:
    """A schema's `pattern` as Python must read it to match like ECMA-262 (`$` at the end: `\\Z`)."""
    return re.compile(_FINAL_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not python_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    return Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(name: str, instance) -> list:
    """All schema errors of an instance, in document order (path, then message)."""
    return sorted(validator(name).iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
