"""What changed on the site: the « Quoi de neuf » page and the Atom feed (site/feed.xml).

Events come from the front matter of fiches and testimonies: a page written (`redige_le`), a
page signed off by the committee (`relu_le`), and each `historique` entry; and from the git
history of data/aide.yml (soignants/model/help_history.py): every change of a help contact's
number, hours or who answers, a contact withdrawn or added, dated by its commit, with the old
value and the new one, without anyone writing it. Newest first; on the same day, a contact's
change before the rest (it is what a reader must not miss).

Without the site's public address (no SITE_URL), the feed's links stay relative to the feed
itself and its ids are URNs: nothing claims a local address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
import hashlib
from pathlib import Path

from ..model import catalog, help_history
from ..model.limits import CONTROL
from .bibliography import date_fr
from . import generated
from .escaping import html_text, markdown_text

PAGE_LIMIT = 40
FEED_LIMIT = 40


@dataclass(frozen=True)
class Event:
    day: str  # AAAA-MM-JJ
    src_uri: str
    title: str
    text: str
    kind: str  # "contact", "nouveau", "relu", "modifie"


# The page of the site where a help contact is read (for « Quoi de neuf » and the feed).
CONTACT_PAGE = "aide/annuaire.md"
CHANGE_TEXT = {
    "telephone": "numéro changé : {before} → {after}",
    "horaires": "horaires changés : {before} → {after}",
    "repondant": "qui répond : {before} → {after}",
    "retrait": "contact retiré de l'annuaire",
    "ajout": "nouveau contact dans l'annuaire",
}


def contact_events(root: Path) -> list[Event]:
    """A help contact's changes, from the git history of data/aide.yml (help_history)."""
    found = []
    for change in help_history.contact_changes(root):
        text = CHANGE_TEXT[change.field].format(before=change.before or "aucun", after=change.after or "aucun")
        if change.field == "ajout" and change.after:
            text += f" ({change.after})"
        elif change.field == "retrait" and change.before:
            text += f" : le {change.before} n'est plus donné comme numéro à appeler"
        found.append(Event(change.day, CONTACT_PAGE, change.name, text[0].upper() + text[1:], "contact"))
    return found


def _valid(day) -> bool:
    try:
        date.fromisoformat(str(day))
        return True
    except ValueError:
        return False


def events(docs_dir: Path | None = None) -> list[Event]:
    found = []
    for entry in (*catalog.fiches(docs_dir), *catalog.testimonies(docs_dir)):
        meta = entry.meta
        what = "fiche" if entry.src_uri.startswith("fiches/") else "témoignage"
        if _valid(meta.get("redige_le")):
            found.append(Event(str(meta["redige_le"]), entry.src_uri, entry.title,
                               f"Nouvelle {what}" if what == "fiche" else "Nouveau témoignage", "nouveau"))
        if meta.get("statut") == "relu" and _valid(meta.get("relu_le")):
            found.append(Event(str(meta["relu_le"]), entry.src_uri, entry.title,
                               "Relu par le comité éditorial", "relu"))
        for item in meta.get("historique") or []:
            if isinstance(item, dict) and _valid(item.get("date")) and item.get("texte"):
                found.append(Event(str(item["date"]), entry.src_uri, entry.title, str(item["texte"]), "modifie"))
    docs = Path(docs_dir) if docs_dir is not None else catalog.current_docs_dir()
    found += contact_events(docs.parent)
    order = {"contact": -1, "modifie": 0, "relu": 1, "nouveau": 2}
    return sorted(found, key=lambda e: (e.day, -order[e.kind], catalog.title_order(e.title)), reverse=True)


def history_of(meta: dict, limit: int = 3) -> list[dict]:
    """The last `limit` entries of a page's `historique`, newest first."""
    items = [i for i in meta.get("historique") or [] if isinstance(i, dict) and _valid(i.get("date"))]
    return sorted(items, key=lambda i: str(i["date"]), reverse=True)[:limit]


def news_page(src_uri: str, link, feed_href: str, lang: str = "fr") -> str:
    """The Markdown of the « Quoi de neuf » page; `link(from, to)` makes a relative link."""
    chosen = events()[:PAGE_LIMIT]
    if not chosen:
        return "Rien de nouveau pour l'instant.\n"
    lines = [f'<p class="{generated.classes("ss-flux")}">Suivre ces nouveautés dans un lecteur de flux : '
             f'<a href="{html_text(feed_href)}" type="application/atom+xml">flux Atom (feed.xml)</a></p>', ""]
    for event in chosen:
        lines.append(f"- **{date_fr(event.day)}** — [{markdown_text(event.title)}]({link(src_uri, event.src_uri)}) : "
                     f"{markdown_text(event.text)}")
    return "\n".join(lines) + "\n"


def page_url(site_url: str, src_uri: str) -> str:
    """Address of a page (directory URLs): `fiches/soignant/x.md` -> `<site>/fiches/soignant/x/`;
    without the site's address, relative to the feed at the site's root (`fiches/soignant/x/`)."""
    path = src_uri[:-3]
    path = path[: -len("index")] if path.endswith("index") else path + "/"
    return (site_url.rstrip("/") + "/" + path) if site_url else (path or "./")


class FeedError(ValueError):
    """An entry cannot be written into the feed (XML refuses it); the message (French) names the page."""


def write_feed(target: Path, site_url: str, site_name: str, docs_dir: Path | None = None) -> int:
    """Write the Atom feed of the latest events; returns the number of entries. A value XML
    refuses (a control character the content check would have refused) raises FeedError, in
    French, naming the page, never lxml's traceback."""
    from feedgen.feed import FeedGenerator

    chosen = events(docs_dir)[:FEED_LIMIT]
    home = site_url.rstrip("/") + "/" if site_url else ""
    feed = FeedGenerator()
    feed.id(home + "feed.xml" if home else "urn:soigner-les-soignants:feed:"
            + hashlib.sha1(site_name.encode()).hexdigest()[:12])
    feed.title(f"{site_name} : quoi de neuf")
    feed.subtitle("Nouvelles fiches, relectures et modifications du site.")
    feed.link(href=home or "./", rel="alternate")
    feed.link(href=home + "feed.xml", rel="self")
    feed.language("fr")
    feed.author({"name": "Comité éditorial de « " + site_name + " »"})
    latest = chosen[0].day if chosen else "2026-01-01"
    feed.updated(datetime.combine(date.fromisoformat(latest), time(12), tzinfo=timezone.utc))
    for event in reversed(chosen):  # feedgen puts the last added entry first
        url = page_url(site_url, event.src_uri)
        key = f"{event.day}|{event.src_uri}|{event.kind}|{event.text}"
        if event.kind == "contact":  # several contacts share the directory page: the contact is part of the id
            key += f"|{event.title}"
        digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        found = CONTROL.search(event.title + event.text)
        if found:  # lxml would stop the whole feed on it (« All strings must be XML compatible »)
            raise FeedError(f"docs/{event.src_uri}:1: le titre ou une entrée de « historique » ({event.day}) contient "
                            f"un caractère de contrôle (U+{ord(found.group()):04X}) que le flux des nouveautés ne "
                            f"peut pas écrire ; « python scripts/lint.py docs/{event.src_uri} » dit où")
        item = feed.add_entry()
        item.id(f"{url}#{event.day}-{digest}" if home else f"urn:soigner-les-soignants:{event.day}-{digest}")
        item.title(f"{event.title} — {event.text}")
        item.link(href=url)
        item.summary(f"{date_fr(event.day)} : {event.text}")
        item.updated(datetime.combine(date.fromisoformat(event.day), time(12), tzinfo=timezone.utc))
    try:
        feed.atom_file(str(target), pretty=True)
    except ValueError as error:
        raise FeedError(f"le flux des nouveautés ne peut pas être écrit ({error}) ; lancez « python scripts/lint.py » "
                        "pour trouver le caractère en cause") from None
    return len(chosen)
