"""The `pattern` of every JSON Schema matches as the standard says (ECMA-262): `$` is the end of
the text, never « before a final line break » as in Python's `re`. A forge handle with a trailing
newline used to pass the committee's schema and split its CODEOWNERS line, dropping the other
owners (issue 20, bounded work)."""

from datetime import date
import json
from pathlib import Path

import pytest

from soignants import SCHEMAS_DIR
from soignants.lint.schema_messages import issues
from soignants.model import committee, schemas


def _patterns(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield path, value
            else:
                yield from _patterns(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _patterns(value, path + (index,))


PATTERNS = [(f.name, "/".join(map(str, path)), pattern)
            for f in sorted(SCHEMAS_DIR.glob("*.schema.json"))
            for path, pattern in _patterns(json.loads(f.read_text(encoding="utf-8")))]


def test_there_are_patterns_to_audit():
    assert len(PATTERNS) >= 20


@pytest.mark.parametrize("name,where,pattern", PATTERNS, ids=[f"{n}:{w}" for n, w, _ in PATTERNS])
def test_every_pattern_is_anchored_at_both_ends(name, where, pattern):
    # Anchored at both ends: a value is all of the format, nothing after it (no « https://x\n<b> »).
    assert pattern.startswith("^") and pattern.endswith("$"), (name, where, pattern)
    # No other `$`: the ending one is the only anchor the validator reads as « end of the text ».
    assert "$" not in pattern[:-1].replace("\\$", ""), (name, where, pattern)


@pytest.mark.parametrize("name,where,pattern", PATTERNS, ids=[f"{n}:{w}" for n, w, _ in PATTERNS])
def test_a_trailing_newline_never_matches(name, where, pattern):
    compiled = schemas.python_pattern(pattern)
    for value in ("x", "0", "a1", "2026-11-23", "06", "10.1/x", "https://a.fr/x", "ab@cd.fr", "fiches/cabinet/a.md",
                  "a.mp3", "1:00", "0 800 00 00 00", "2A", "Wu2000"):
        if compiled.search(value):
            assert not compiled.search(value + "\n"), (pattern, value)
            assert not compiled.search(value + "\n<b>x</b>"), (pattern, value)


def _member(forge):
    return {"nom": "Dr Anne Exemple", "role": "membre", "specialite": "médecine générale", "depuis": "2026-01-01",
            "forge": forge}


def test_a_handle_with_a_trailing_newline_is_refused_by_the_schema():
    assert schemas.errors("comite", {"membres": [_member("alice")]}) == []
    found = issues("comite", {"membres": [_member("alice\n")]})
    assert [(i.code, i.path) for i in found] == [("champ-invalide", ("membres", 0, "forge"))]


def test_codeowners_never_writes_a_handle_that_is_not_one():
    members = committee.members_from({"membres": [_member("alice"), {**_member("bob\n"), "nom": "Dr Bob Exemple"}]})
    with pytest.raises(committee.HandleError, match="Dr Bob Exemple"):
        committee.codeowners(members, date(2026, 12, 1), "github")
    fine = committee.members_from({"membres": [_member("alice"), {**_member("bob"), "nom": "Dr Bob Exemple"}]})
    text = committee.codeowners(fine, date(2026, 12, 1), "github")
    assert "/data/ @alice @bob\n" in text


def test_codeowners_script_says_it_in_french(tmp_path):
    import subprocess
    import sys
    root = Path(__file__).resolve().parents[1]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "comite.yml").write_text(
        'membres:\n  - nom: "Dr Anne Exemple"\n    role: membre\n    specialite: "médecine générale"\n'
        '    forge: "alice\\n"\n    depuis: 2026-01-01\n', encoding="utf-8")
    result = subprocess.run([sys.executable, str(root / "scripts" / "codeowners.py"), "--racine", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "identifiant de forge" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / ".github" / "CODEOWNERS").exists()
