"""Three builds, one content. ProperDocs (the maintained MkDocs 1.x fork) builds the same site as
MkDocs, file for file, apart from dates; the essentials check passes on it.

Zensical is built by `make build-zensical` in its own CI job, non-blocking (its install comes from
a young package: requirements/zensical.in); `make test` never needs it."""

from pathlib import Path
import gzip
import os
import re
import subprocess
import sys

import pytest

from soignants.checks import built_site

ROOT = Path(__file__).resolve().parent.parent

# What may differ between two builds of the same content: the day of the build, the generator.
VOLATILE = [re.compile(r"<lastmod>[^<]*</lastmod>"), re.compile(r"<updated>[^<]*</updated>"),
            re.compile(r'<meta name="generator" content="[^"]*">')]


def normalised(path):
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    for pattern in VOLATILE:
        text = pattern.sub("", text)
    return text


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory, site_root, site_port):
    subpath = site_root.name  # the same sub-path as the session's MkDocs build (conftest.py)
    site_dir = tmp_path_factory.mktemp("properdocs") / subpath
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{site_port}/{subpath}/", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return site_dir


# Pagefind numbers the pages in the order its threads read them: its word index, filters and
# page list (named after their content) change from one run to the next, even on the same pages.
# Each page's fragment is compared instead (named after the page's indexed content).
# The build's manifest lists their hashes (and the feed's and sitemap's, which hold the build's date).
PAGE_ORDER_DEPENDENT = re.compile(r"^(pagefind/(index/|filter/|pagefind\.[^/]*\.pf_meta$|pagefind-entry\.json$)"
                                  r"|manifeste-des-fichiers\.json$)")


def built_files(site_dir) -> list[str]:
    names = (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return sorted(name for name in names if not PAGE_ORDER_DEPENDENT.match(name))


def test_properdocs_builds_the_same_site_as_mkdocs(properdocs_site, site_root):
    ours, theirs = built_files(site_root), built_files(properdocs_site)
    assert ours == theirs
    assert sum(1 for name in ours if name.startswith("pagefind/fragment/")) > 40
    different = [name for name in ours if normalised(site_root / name) != normalised(properdocs_site / name)]
    assert different == []
    # Our hook ran: the help strip, the expanded markers and the English edition are there.
    assert "ss-bandeau__lien" in (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert (properdocs_site / "en" / "index.html").is_file() and (properdocs_site / "donnees" / "aide.json").is_file()


def test_the_properdocs_build_has_every_essential(properdocs_site):
    count, problems = built_site.site_problems(properdocs_site, require_csp=True)
    assert count > 50 and [p.format() for p in problems] == []
