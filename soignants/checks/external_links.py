"""Check the links from the built site to other sites, politely, and say which ones are dead.

Used by `python scripts/check_links.py --external`, on a schedule: sites move their pages, and a
reader in difficulty should not land on « page introuvable ». It never blocks a contribution.

- Every `<a href>` to http(s) of every built page is collected, without its `#fragment`, with the
  pages that use it.
- Each address is asked with HEAD; when HEAD is refused (405, 501) or says 404/410 (some servers
  answer HEAD wrongly), it is asked again with GET, whose body is not downloaded.
- Redirects are followed one hop at a time, each hop counting as a request to its host.
- Politeness: at most one request per host every `delay` seconds (a shared schedule), a few
  hosts in parallel, a User-Agent that names the project.
- Three categories: « mort » (404, 410, unknown domain name, connection refused), « douteux »
  (timeout, 401, 403, 429, 5xx, other answers or network errors: to be checked by hand, never
  blocking) and « ok » (2xx, possibly after redirects).
- A cache file (JSON) keeps every answer a server gave for `cache_days` days, so a rerun does
  not ask again. Failures without an HTTP answer (DNS, refused, timeout) are not kept: they are
  often the checking machine's own network, and retrying them costs the remote sites nothing.

Plain Python on the built HTML (site/): it does not depend on the static-site generator.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
import errno
import json
import os
import socket
import threading
import time

import requests

from . import site_checks

DEAD = "mort"
DOUBTFUL = "douteux"
OK = "ok"
CATEGORIES = (DEAD, DOUBTFUL, OK)

USER_AGENT = ("SoignerLesSoignants-VerificationLiens/1.0 "
              "(weekly link check of the Soigner les soignants site; python-requests)")
HEAD_REFUSED = {405, 501}
DEAD_STATUSES = {404, 410}
MAX_REDIRECTS = 10
CACHE_VERSION = 1

STATUS_FR = {
    400: "requête refusée", 401: "accès réservé (identifiant demandé)",
    403: "accès refusé au robot de vérification (souvent normal : ouvrez le lien dans un navigateur)",
    404: "page introuvable", 405: "méthode refusée", 406: "réponse refusée", 408: "délai dépassé côté serveur",
    410: "page supprimée définitivement", 429: "trop de requêtes : le site demande d'attendre",
    451: "indisponible pour raison légale", 500: "erreur du serveur", 502: "erreur du serveur (passerelle)",
    503: "service momentanément indisponible", 504: "délai dépassé côté serveur (passerelle)",
}


# --- where the site lives ---------------------------------------------------------------------

def built_base_url(site_root: Path, fallback: str = "/") -> str:
    """The address the site was built for (its `site_url`), read from the home page's canonical link.

    Under a subpath (SITE_URL=https://example.org/urps/ make build) the built links start with
    /urps/: checking them needs that base. Without a canonical link, `fallback`.
    """
    home = Path(site_root) / "index.html"
    if home.is_file():
        canonical = site_checks.parse(home.read_text(encoding="utf-8")).find("link", rel="canonical")
        if canonical and canonical.get("href"):
            return normalise_base_url(canonical["href"])
    return normalise_base_url(fallback)


def normalise_base_url(base: str) -> str:
    """`urps`, `/urps` and `/urps/` all mean `/urps/`; a full URL keeps its host; always a final `/`."""
    base = base.strip() or "/"
    if not urlsplit(base).scheme and not base.startswith("/"):
        base = "/" + base
    return base if base.endswith("/") else base + "/"


# --- collecting ---------------------------------------------------------------------------------

def page_label(site_root: Path, html_file: Path) -> str:
    """How a page is named in the report: its path on the site, e.g. /fiches/soignant/addictions/."""
    return "/" + site_checks.page_url(site_root, html_file, "")


def external_url(href: str, own_base: str | None = None) -> str | None:
    """The address to check for a link, without its fragment, or None if it is not external."""
    href = href.strip()
    if href.startswith("//"):
        href = "https:" + href
    try:
        parts = urlsplit(href)
    except ValueError:  # e.g. « http://[ » : still an external link, checked and reported as malformed
        return href if href.lower().startswith(("http:", "https:")) else None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if own_base and urlsplit(own_base).scheme and href.startswith(own_base):
        return None  # an absolute link to the site itself: the internal check covers it
    return urldefrag(href)[0]


def collect_external_links(site_root: Path, own_base: str | None = None) -> tuple[dict[str, list[str]], int]:
    """Every external address of the built site -> the pages linking to it; and the number of pages."""
    site_root = Path(site_root)
    used: dict[str, set[str]] = {}
    html_files = sorted(site_root.rglob("*.html"))
    for html_file in html_files:
        soup = site_checks.parse(html_file.read_text(encoding="utf-8"))
        for href in site_checks.links(soup):
            url = external_url(href, own_base)
            if url:
                used.setdefault(url, set()).add(page_label(site_root, html_file))
    return {url: sorted(pages) for url, pages in sorted(used.items())}, len(html_files)


# --- one address ----------------------------------------------------------------------------------

@dataclass
class Result:
    url: str
    category: str
    detail: str  # in French, for an editor
    status: int | None = None  # the last HTTP status, None when no server answered
    final_url: str | None = None  # where the redirects ended, when elsewhere
    checked_at: str = ""  # ISO 8601, UTC
    from_cache: bool = False

    @property
    def answered(self) -> bool:
        return self.status is not None


def host_of(url: str) -> str:
    """`host:port`, the unit of politeness; a malformed address is its own « host »."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return url
    return f"{(parts.hostname or '').lower()}:{port}"


class HostRateLimiter:
    """At most one request per host every `delay` seconds, whatever thread asks (start to start)."""

    def __init__(self, delay: float, clock=time.monotonic, sleep=time.sleep):
        self.delay = max(0.0, float(delay))
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.delay
        if start > now:
            self._sleep(start - now)


def _http_result(url: str, status: int, final_url: str) -> Result:
    moved = final_url if final_url != url else None
    words = STATUS_FR.get(status, "erreur du serveur" if status >= 500 else "")
    detail = f"{status}" + (f" : {words}" if words else "")
    if 200 <= status < 300:
        category = OK
        detail = f"{status}" + (f", après redirection vers {moved}" if moved else "")
    elif status in DEAD_STATUSES:
        category = DEAD
        detail += f" (après redirection vers {moved})" if moved else ""
    else:
        category = DOUBTFUL
        if 300 <= status < 400:
            detail = f"{status} : redirection sans adresse de destination"
        detail += f" (après redirection vers {moved})" if moved else ""
    return Result(url, category, detail, status=status, final_url=moved)


def seconds_fr(value: float) -> str:
    """2.5 -> « 2,5 s »."""
    return f"{value:g}".replace(".", ",") + " s"


def _chain(error: BaseException):
    """The error, what it wraps (urllib3's `reason`, args) and what caused it, once each."""
    seen, todo = set(), [error]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend([getattr(current, "reason", None), current.__cause__, current.__context__,
                     *(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))])


def _failure_result(url: str, error: requests.RequestException, timeout: float) -> Result:
    """A request that got no HTTP answer: dead if the name or the server does not exist."""
    if isinstance(error, requests.Timeout):
        return Result(url, DOUBTFUL, f"pas de réponse en {seconds_fr(timeout)}")
    if isinstance(error, requests.TooManyRedirects):
        return Result(url, DOUBTFUL, "trop de redirections (le site tourne en rond)")
    if isinstance(error, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                          requests.exceptions.MissingSchema)):
        return Result(url, DEAD, "adresse mal formée : vérifiez son orthographe")
    if isinstance(error, requests.exceptions.SSLError):
        return Result(url, DOUBTFUL, "certificat de sécurité du site invalide ou expiré")
    for cause in _chain(error):
        if isinstance(cause, socket.gaierror):
            if cause.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
                return Result(url, DEAD, "nom de domaine introuvable : site disparu ou adresse mal écrite")
            return Result(url, DOUBTFUL, "nom de domaine momentanément impossible à résoudre (réseau ?)")
        if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED:
            return Result(url, DEAD, "connexion refusée : aucun site ne répond à cette adresse")
    return Result(url, DOUBTFUL, f"erreur réseau ({type(error).__name__})")


def _ask(session: requests.Session, method: str, url: str, timeout: float,
         limiter: HostRateLimiter) -> tuple[requests.Response, str]:
    """One method, following redirects hop by hop; returns the last response and its address."""
    for _ in range(MAX_REDIRECTS + 1):
        limiter.wait(host_of(url))
        response = session.request(method, url, timeout=timeout, allow_redirects=False, stream=True)
        response.close()  # the status is enough: never download a body
        target = session.get_redirect_target(response) if response.is_redirect else None
        if not target:
            return response, url
        url = urldefrag(urljoin(url, target))[0]
    raise requests.TooManyRedirects(f"plus de {MAX_REDIRECTS} redirections", response=response)


def check_url(url: str, *, session: requests.Session, limiter: HostRateLimiter, timeout: float) -> Result:
    try:
        response, final = _ask(session, "HEAD", url, timeout, limiter)
        if response.status_code in HEAD_REFUSED | DEAD_STATUSES:
            response, final = _ask(session, "GET", url, timeout, limiter)
    except requests.RequestException as error:
        result = _failure_result(url, error, timeout)
    except ValueError:  # the address cannot even be parsed
        result = Result(url, DEAD, "adresse mal formée : vérifiez son orthographe")
    except Exception as error:  # noqa: BLE001 - one odd address must not stop the weekly report
        result = Result(url, DOUBTFUL, f"vérification impossible ({type(error).__name__})")
    else:
        result = _http_result(url, response.status_code, final)
    result.checked_at = _now().isoformat(timespec="seconds")
    return result


# --- cache ------------------------------------------------------------------------------------------

def _now() -> datetime:
    return datetime.now(timezone.utc)


class Cache:
    """Answers already obtained, in a JSON file: {"version": 1, "entries": {url: result}}."""

    def __init__(self, path: Path | None, max_age_days: float, now: datetime | None = None):
        self.path = Path(path) if path else None
        self.max_age = timedelta(days=max_age_days)
        self.now = now or _now()
        self.entries: dict[str, dict] = {}
        if self.path and self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("version") == CACHE_VERSION and isinstance(data.get("entries"), dict):
                    self.entries = {url: entry for url, entry in data["entries"].items() if self._fresh(entry)}
            except (ValueError, AttributeError):
                self.entries = {}  # an unreadable cache is only a cache: start again

    def _fresh(self, entry) -> bool:
        """A well-formed entry, younger than the maximum age."""
        try:
            checked = datetime.fromisoformat(entry["checked_at"])
        except (KeyError, TypeError, ValueError):
            return False
        if checked.tzinfo is None:
            checked = checked.replace(tzinfo=timezone.utc)
        return (entry.get("category") in CATEGORIES and isinstance(entry.get("detail"), str)
                and self.max_age.total_seconds() > 0 and self.now - checked < self.max_age)

    def get(self, url: str) -> Result | None:
        entry = self.entries.get(url)
        if entry is None:
            return None
        fields = {k: entry.get(k) for k in ("category", "detail", "status", "final_url", "checked_at")}
        return Result(url=url, from_cache=True, **fields)

    def put(self, result: Result) -> None:
        if result.answered:
            entry = asdict(result)
            entry.pop("url"), entry.pop("from_cache")
            self.entries[result.url] = entry

    def save(self) -> None:
        if not self.path:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"version": CACHE_VERSION, "entries": dict(sorted(self.entries.items()))},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)


# --- the whole site ---------------------------------------------------------------------------------

@dataclass
class Report:
    results: list[Result]
    pages: dict[str, list[str]]  # url -> pages linking to it
    pages_checked: int
    #: no site answered at all: the checking machine is probably offline (nothing counted as dead)
    offline: bool = False
    generated_at: str = field(default_factory=lambda: _now().isoformat(timespec="seconds"))

    def of(self, category: str) -> list[Result]:
        return [r for r in self.results if r.category == category]

    @property
    def has_dead_links(self) -> bool:
        return bool(self.of(DEAD))

    def to_json(self) -> dict:
        return {
            "genere_le": self.generated_at,
            "pages_lues": self.pages_checked,
            "hors_ligne": self.offline,
            "resume": {category: len(self.of(category)) for category in CATEGORIES},
            "liens": [{"url": r.url, "categorie": r.category, "code_http": r.status, "detail": r.detail,
                       "url_finale": r.final_url, "verifie_le": r.checked_at, "depuis_le_cache": r.from_cache,
                       "pages": self.pages.get(r.url, [])} for r in self.results],
        }


def check_links(pages: dict[str, list[str]], *, timeout: float = 10, delay: float = 1,
                cache: Cache | None = None, workers: int = 4, session_factory=requests.Session,
                progress=None) -> list[Result]:
    """Check every address (those in the cache are not asked again); results in address order."""
    results: dict[str, Result] = {}
    by_host: dict[str, list[str]] = {}
    for url in pages:
        cached = cache.get(url) if cache else None
        if cached:
            results[url] = cached
        else:
            by_host.setdefault(host_of(url), []).append(url)
    limiter = HostRateLimiter(delay)
    lock = threading.Lock()

    def check_host(urls: list[str]) -> None:
        with session_factory() as session:
            session.headers["User-Agent"] = USER_AGENT
            for url in urls:
                result = check_url(url, session=session, limiter=limiter, timeout=timeout)
                with lock:
                    results[url] = result
                    if cache:
                        cache.put(result)
                    if progress:
                        progress(result, len(results), len(pages))

    if by_host:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(by_host)))) as pool:
            for future in [pool.submit(check_host, urls) for urls in by_host.values()]:
                future.result()
    return [results[url] for url in sorted(results)]


def check_site(site_root: Path, *, own_base: str | None = None, timeout: float = 10, delay: float = 1,
               cache_path: Path | None = None, cache_days: float = 7, workers: int = 4,
               session_factory=requests.Session, progress=None, announce=None) -> Report:
    """Collect, check and report; `announce(addresses, already_in_cache)` is called before checking."""
    pages, page_count = collect_external_links(site_root, own_base)
    cache = Cache(cache_path, cache_days) if cache_path else None
    if announce:
        announce(len(pages), sum(1 for url in pages if cache and cache.get(url)))
    results = check_links(pages, timeout=timeout, delay=delay, cache=cache, workers=workers,
                          session_factory=session_factory, progress=progress)
    offline = looks_offline(results)
    if offline:
        for result in results:
            if result.category == DEAD and not result.answered:
                result.category = DOUBTFUL
                result.detail += " ; mais aucun site n'a répondu : la vérification a sans doute manqué de réseau"
    if cache:
        cache.save()
    return Report(results, pages, page_count, offline=offline)


def looks_offline(results: list[Result]) -> bool:
    """True when two hosts or more were asked now and not one of them gave an HTTP answer."""
    fresh = [r for r in results if not r.from_cache]
    return len({host_of(r.url) for r in fresh}) >= 2 and not any(r.answered for r in fresh)


# --- the report, in French ---------------------------------------------------------------------------

HEADINGS = {
    DEAD: "Liens morts ({n}) : l'adresse n'existe plus. Remplacez-la dans la fiche (ou retirez le lien).",
    DOUBTFUL: "Liens douteux ({n}) : à vérifier à la main dans un navigateur, sans urgence "
              "(le site peut bloquer les robots ou être momentanément indisponible).",
    OK: "Liens OK ({n})",
}


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n <= 1 else (plural or singular + 's')}"


def format_report(report: Report) -> str:
    lines = []
    from_cache = sum(r.from_cache for r in report.results)
    lines.append(f"Liens externes : {_count(len(report.results), 'adresse')} dans "
                 f"{_count(report.pages_checked, 'page')}"
                 + (f" ({from_cache} déjà vérifiée{'s' if from_cache > 1 else ''} récemment, tirée"
                    f"{'s' if from_cache > 1 else ''} du cache)" if from_cache else "") + ".")
    if report.offline:
        lines.append("Attention : aucun site n'a répondu. La machine qui vérifie est sans doute sans réseau ; "
                     "aucun lien n'est déclaré mort. Relancez plus tard.")
    for category in CATEGORIES:
        found = report.of(category)
        if not found:
            continue
        lines += ["", HEADINGS[category].format(n=len(found))]
        for result in found:
            lines.append(f"  {result.url}")
            lines.append(f"    {result.detail}")
            lines.append(f"    dans : {', '.join(report.pages.get(result.url, [])) or '?'}")
    dead, doubtful = len(report.of(DEAD)), len(report.of(DOUBTFUL))
    lines.append("")
    if dead:
        lines.append(f"Résultat : {_count(dead, 'lien mort', 'liens morts')}, {_count(doubtful, 'lien douteux', 'liens douteux')} "
                     "(les liens douteux ne bloquent rien).")
    elif doubtful:
        lines.append(f"Résultat : aucun lien mort ; {_count(doubtful, 'lien douteux', 'liens douteux')} "
                     "à regarder quand vous aurez le temps.")
    else:
        lines.append("Résultat : tous les liens externes répondent.")
    return "\n".join(lines)
