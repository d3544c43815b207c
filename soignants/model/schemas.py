"""The JSON Schemas of our content, loaded once and shared by the build, the checks and the tools."""

from functools import lru_cache
import json

from jsonschema import Draft202012Validator

from .. import SCHEMAS_DIR

FICHE = "fiche"
TEMOIGNAGE = "temoignage"
BIBLIOGRAPHIE = "bibliographie"
AIDE = "aide"
QUESTIONNAIRE = "questionnaire"
DETRESSE = "recherche-detresse"


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(name: str, instance) -> list:
    """All schema errors of an instance, in document order (path, then message)."""
    return sorted(validator(name).iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
