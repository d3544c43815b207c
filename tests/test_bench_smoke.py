"""The bench's corpus generator makes fiches that our schema accepts (no timing here: the bench
itself is `python scripts/bench.py`, never part of the test suite)."""

from pathlib import Path
import re
import sys

from soignants import bibliography, help_data, schemas
from soignants.catalog import CITATION
from soignants.frontmatter import read_page
from soignants.render import HELP_MARKER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench.corpus import generate_fiches  # noqa: E402


def test_generated_fiches_validate_and_cite_known_keys(tmp_path):
    paths = generate_fiches(5, tmp_path)  # links stay inside the 5: no other file needed
    assert len(paths) == 5
    refs = bibliography.references()
    contacts = help_data.by_id()
    for path in paths:
        page = read_page(path)
        assert schemas.errors(schemas.FICHE, page.meta) == [], path.name
        assert path.relative_to(tmp_path).parts[:2] == ("fiches", page.meta["partie"])
        assert set(CITATION.findall(page.body)) <= set(refs)
        assert set(HELP_MARKER.findall(page.body)) <= set(contacts)
        for target in re.findall(r"\]\(((?:\.\./)*[\w./-]+\.md)\)", page.body):
            if "aide/index.md" not in target:
                assert (path.parent / target).resolve().exists(), f"{path.name}: lien vers {target}"
