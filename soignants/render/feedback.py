"""« Signaler une erreur » and « Proposer une correction »: from every page of the site back to the project.

One setting in mkdocs.yml (`extra: signalement: forge:`), the project's address on its forge,
turns on, on every page: « Signaler une erreur », the forge's new-issue form prefilled with the
page's title and address, and « Proposer une correction », the forge's web editor on the page's
source file (docs/…, branch `main`). GitHub (an address on github.com) opens the issue form
.github/ISSUE_TEMPLATE/signaler-une-erreur.yml with its « page » field filled; any other address
is taken as GitLab. `extra: signalement: courriel:` adds a mailto: link for readers without a
forge account, and is the fallback when there is no forge. With neither set, no link, and the
build says that readers have no way to report an error (soignants/pipeline/build_notices.py).
Plain links: the reader's browser contacts the forge only when the reader clicks one.
"""

from __future__ import annotations

from dataclasses import dataclass
import os
import re
from urllib.parse import quote, urlencode, urlsplit

ISSUE_FORM = "signaler-une-erreur.yml"  # .github/ISSUE_TEMPLATE/
TITLE_PREFIX = "[Erreur] "
EMAIL = re.compile(r"^[^@\s<>\"'()]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
QUESTIONS = ("Ce qui est écrit :\n\n\nCe qui devrait être écrit :\n\n\n"
             "Votre source (page officielle, texte, date de consultation) :\n\n\n")
FORGE_NOTE = "Ce message est public sur la forge : n'écrivez rien qui permette d'identifier un patient ou un confrère."
MAIL_NOTE = ("Ce message arrive à l'équipe du site, pas sur une page publique ; n'y mettez pas pour autant ce qui "
             "permettrait d'identifier un patient ou un confrère.")
EDIT_BRANCH = "main"


# The forges the project can live on. A self-hosted GitLab is known from its own CI runner
# (CI_SERVER_HOST, set by GitLab, not by a proposal), GitHub Enterprise from GITHUB_SERVER_URL.
FORGE_HOSTS = ("github.com", "www.github.com", "gitlab.com")
FORGE_HOST_VARIABLES = ("GITHUB_SERVER_URL", "CI_SERVER_URL", "CI_SERVER_HOST")


def forge_hosts(environ=None) -> list[str]:
    """The hosts a report link may lead to: the known forges, and the one this CI runs on."""
    environ = os.environ if environ is None else environ
    hosts = list(FORGE_HOSTS)
    for name in FORGE_HOST_VARIABLES:
        value = str(environ.get(name) or "").strip()
        host = (urlsplit(value).hostname if "//" in value else value.split(":")[0]) or ""
        if host and host.isascii() and host.lower() not in hosts:
            hosts.append(host.lower())
    return hosts


def forge_problem(forge: str, environ=None) -> str | None:
    """Why an address cannot be the project's page on its forge (French), or None. The host is
    compared whole with the forges' (a look-alike such as « githu6.com », « github.com.exemple.org »
    or « github.com@exemple.org » is refused: it would send the readers who report an error, and
    what they write, to someone else)."""
    parts = urlsplit(forge)
    if parts.scheme != "https" or not parts.netloc or not parts.path.strip("/") or parts.query or parts.fragment \
            or re.search(r"[\s\"'<>\\]", forge):
        return ("écrivez l'adresse du projet sur la forge, en https, sans rien après (ex. "
                "https://github.com/urps/soigner-les-soignants ou https://gitlab.com/urps/soigner-les-soignants)")
    host = parts.hostname or ""
    known = forge_hosts(environ)
    if "@" in parts.netloc or parts.port is not None or not parts.netloc.isascii() or host not in known:
        return (f"l'adresse vise « {parts.netloc} », qui n'est pas la forge du projet ({', '.join(known)}) : un "
                "site qui lui ressemble recevrait les signalements des lecteurs ; écrivez l'adresse du projet sur "
                "sa forge (sur une forge GitLab à vous, l'intégration continue la reconnaît d'elle-même)")
    return None


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
        problem = forge_problem(forge)
        if problem:
            raise SettingError(f"mkdocs.yml : « signalement: forge: » vaut « {forge} » ; {problem}")
    if email and not EMAIL.match(email):
        raise SettingError(f"mkdocs.yml : « signalement: courriel: » vaut « {email} », qui n'est pas une adresse "
                           "électronique (ex. contact@exemple.fr)")
    return Settings(forge, email)


def _query(params: dict) -> str:
    return urlencode(params, quote_via=quote, safe="")


def forge_url(settings: Settings, title: str, address: str) -> str | None:
    if not settings.forge:
        return None
    if is_github(settings):
        return f"{settings.forge}/issues/new?" + _query(
            {"template": ISSUE_FORM, "title": TITLE_PREFIX + title, "page": address})
    return f"{settings.forge}/-/issues/new?" + _query(
        {"issue[title]": TITLE_PREFIX + title,
         "issue[description]": f"Page concernée : {address}\n\n{QUESTIONS}{FORGE_NOTE}"})


def is_github(settings: Settings) -> bool:
    return urlsplit(settings.forge or "").netloc.lower() in ("github.com", "www.github.com")


def edit_url(settings: Settings, source: str | None) -> str | None:
    """The forge's web editor on the page's source file (`docs/fiches/…/x.md`), or None."""
    if not settings.forge or not source:
        return None
    path = quote(source, safe="/")
    if is_github(settings):
        return f"{settings.forge}/edit/{EDIT_BRANCH}/{path}"
    return f"{settings.forge}/-/edit/{EDIT_BRANCH}/{path}"


def mail_url(settings: Settings, title: str, address: str) -> str | None:
    if not settings.courriel:
        return None
    return f"mailto:{settings.courriel}?" + _query(
        {"subject": TITLE_PREFIX + title, "body": f"Page concernée : {address}\n\n{QUESTIONS}{MAIL_NOTE}"})


def page_links(extra: dict | None, title: str, address: str, source: str | None = None) -> dict | None:
    """The page's report addresses for soignants.render.pages ({"forge": issue form, "edition": the
    web editor on `source`, "courriel": mailto}), or None when no way to report is set."""
    settings = settings_from(extra)
    if not settings.enabled:
        return None
    return {"forge": forge_url(settings, title, address), "edition": edit_url(settings, source),
            "courriel": mail_url(settings, title, address)}
