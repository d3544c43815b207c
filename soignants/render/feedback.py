"""« Signaler une erreur ou proposer une correction »: from a page of the site back to the project.

One setting in mkdocs.yml (`extra: signalement: forge:`) gives the project's address on its
forge; each fiche and testimony then links to the forge's new-issue form, prefilled with the
page's title and address. GitHub (an address on github.com) opens the issue form
.github/ISSUE_TEMPLATE/signaler-une-erreur.yml with its « page » field filled; any other address
is taken as GitLab. `extra: signalement: courriel:` adds a mailto: link for readers without a
forge account. With neither set, no link at all. A plain link: the reader's browser contacts
the forge only when the reader clicks it.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from urllib.parse import quote, urlencode, urlsplit

ISSUE_FORM = "signaler-une-erreur.yml"  # .github/ISSUE_TEMPLATE/
TITLE_PREFIX = "[Erreur] "
EMAIL = re.compile(r"^[^@\s<>\"'()]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
QUESTIONS = ("Ce qui est écrit :\n\n\nCe qui devrait être écrit :\n\n\n"
             "Votre source (page officielle, texte, date de consultation) :\n\n\n"
             "Ce message est public sur la forge : n'écrivez rien qui permette d'identifier un patient ou un confrère.")


class SettingError(ValueError):
    """A setting of mkdocs.yml is wrong; the message (French) says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    forge: str | None = None
    courriel: str | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.forge or self.courriel)


def settings_from(extra: dict | None) -> Settings:
    """Read and check `extra: signalement:` of mkdocs.yml (empty values mean « not set »)."""
    block = (extra or {}).get("signalement") or {}
    if not isinstance(block, dict):
        raise SettingError("mkdocs.yml : « extra: signalement: » doit contenir « forge: » et/ou « courriel: »")
    forge = str(block.get("forge") or "").strip().rstrip("/") or None
    email = str(block.get("courriel") or "").strip() or None
    if forge:
        parts = urlsplit(forge)
        if parts.scheme != "https" or not parts.netloc or not parts.path.strip("/") or parts.query or parts.fragment \
                or re.search(r"[\s\"'<>]", forge):
            raise SettingError(f"mkdocs.yml : « signalement: forge: » vaut « {forge} » ; écrivez l'adresse du projet sur "
                               "la forge, en https, sans rien après (ex. https://github.com/urps/soigner-les-soignants "
                               "ou https://gitlab.com/urps/soigner-les-soignants)")
    if email and not EMAIL.match(email):
        raise SettingError(f"mkdocs.yml : « signalement: courriel: » vaut « {email} », qui n'est pas une adresse "
                           "électronique (ex. contact@exemple.fr)")
    return Settings(forge, email)


def _query(params: dict) -> str:
    return urlencode(params, quote_via=quote, safe="")


def forge_url(settings: Settings, title: str, address: str) -> str | None:
    if not settings.forge:
        return None
    if urlsplit(settings.forge).netloc.lower() in ("github.com", "www.github.com"):
        return f"{settings.forge}/issues/new?" + _query(
            {"template": ISSUE_FORM, "title": TITLE_PREFIX + title, "page": address})
    return f"{settings.forge}/-/issues/new?" + _query(
        {"issue[title]": TITLE_PREFIX + title, "issue[description]": f"Page concernée : {address}\n\n{QUESTIONS}"})


def mail_url(settings: Settings, title: str, address: str) -> str | None:
    if not settings.courriel:
        return None
    return f"mailto:{settings.courriel}?" + _query(
        {"subject": TITLE_PREFIX + title,
         "body": f"Page concernée : {address}\n\n" + QUESTIONS.replace("sur la forge", "")})


def page_links(extra: dict | None, title: str, address: str) -> dict | None:
    """The page's report addresses for soignants.render.pages ({"forge": …, "courriel": …}), or None."""
    settings = settings_from(extra)
    if not settings.enabled:
        return None
    return {"forge": forge_url(settings, title, address), "courriel": mail_url(settings, title, address)}
