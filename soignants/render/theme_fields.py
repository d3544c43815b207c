"""Front-matter fields that Material reads to choose a template or an icon, or prints into the
page or the menu of every page as they are: only the values the page schema allows reach it.

The content check refuses anything else with its line (soignants/lint/page_fields.py); this is the
build's own guard, for a generator that would reach a page the check did not see: `template`
outside the list becomes the site's main.html (another template would drop the help strip, the
CSP and « Quitter »), an unknown `status` or `icon` is dropped (the first ends raw in a class of the
menu of every page, the second in a template include), `hide` keeps only its known values, and the
dates Material prints raw under the content (`revision_date`…) and a redirect `location` are
dropped: no page of ours sets them.
"""

from __future__ import annotations

from pathlib import Path
import re

from ..model import schemas

DROPPED = ("revision_date", "git_revision_date_localized", "git_creation_date_localized", "location")
ICON = re.compile(r"(?:material|fontawesome/(?:brands|regular|solid)|octicons|simple)/[a-z0-9-]+")
CUSTOM_ICONS = Path("overrides") / ".icons"


def _allowed(name: str) -> list:
    prop = schemas.schema(schemas.PAGE)["properties"][name]
    return list(prop.get("enum") or prop.get("items", {}).get("enum") or [])


def icon_exists(name: str, root: Path | None = None) -> bool:
    """An icon of the theme (or of the site's own overrides/.icons/), by its name."""
    if not (isinstance(name, str) and ICON.fullmatch(name)):
        return False
    if root is not None and (Path(root) / CUSTOM_ICONS / f"{name}.svg").is_file():
        return True
    try:
        import material  # the theme's package: its icons are files of it
    except ImportError:  # pragma: no cover - the theme is installed with the site
        return True
    return (Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg").is_file()


def neutralised(meta: dict, root: Path | None = None) -> dict:
    """The values to put back into a page's metadata so that the theme reads only allowed ones."""
    out = {}
    if "template" in meta and meta["template"] not in _allowed("template"):
        out["template"] = "main.html"
    if "status" in meta and meta["status"] not in _allowed("status"):
        out["status"] = None
    if "icon" in meta and not icon_exists(meta["icon"], root):
        out["icon"] = None
    if "hide" in meta:
        hide = meta["hide"] if isinstance(meta["hide"], list) else []
        kept = [h for h in hide if isinstance(h, str) and h in _allowed("hide")]
        if kept != meta["hide"]:
            out["hide"] = kept
    for name in DROPPED:
        if name in meta:
            out[name] = None
    return out
