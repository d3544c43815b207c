"""Generate a corpus of fiches for the benchmark: realistic French text, valid front matter
(soignants/model/schemas/fiche.schema.json), links between fiches, `[@Key]` citations of
data/bibliographie.yml and `[[aide:ID]]` contacts of data/aide.yml.

The sentences come from the real fiches (markers and links removed), recombined at random with a
fixed seed, so that a corpus of N fiches has the length, vocabulary and structure of ours.
Output goes to a temporary folder; nothing generated here is committed.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
import posixpath
import random
import re
import shutil

from soignants import DOCS_DIR
from soignants.render import bibliography
from soignants.model import catalog, help_data
from soignants.model.folding import fold
from soignants.lint.deadlines import RECOURSE

from . import ROOT

PARTS = ("cabinet", "soignant")
PUBLICS = ["médecins libéraux", "médecins hospitaliers", "médecins salariés", "internes et étudiants",
           "paramédicaux", "tous soignants", "proches"]
TOPICS = ["Épuisement professionnel", "Plainte d'un patient", "Erreur médicale", "Prévoyance",
          "Arrêt de travail", "Difficultés financières", "Retraite", "Installation en libéral",
          "Assurance en responsabilité civile", "Violences au cabinet", "Addictions",
          "Médecin traitant", "Réputation en ligne", "Internat", "Harcèlement", "Deuil d'un patient",
          "Conflit entre associés", "Contrôle de la caisse", "Charge administrative", "Sommeil",
          "Garde et permanence des soins", "Vie de famille", "Idées suicidaires", "Cessation d'activité",
          "Remplacement", "Maternité et paternité", "Maladie chronique du soignant", "Isolement",
          "Dettes professionnelles", "Procédure ordinale", "Sanction disciplinaire", "Déménagement du cabinet",
          "Secret médical", "Reprise après un arrêt", "Travail de nuit", "Agression verbale",
          "Téléconsultation", "Surcharge de patients", "Entraide entre confrères", "Formation continue"]
QUALIFIERS = ["chez le médecin libéral", "à l'hôpital", "pendant l'internat", "en cabinet de groupe",
              "en zone rurale", "après cinquante ans", "en début d'exercice", "au quotidien",
              "quand on est seul", "en maison de santé", "chez les paramédicaux", "en période de crise",
              "dans une petite ville", "en équipe", "pour les remplaçants", "en fin de carrière",
              "en clinique", "aux urgences", "pour les proches", "entre collègues"]
ANGLES = ["repérer les signes", "premiers pas", "ce qu'il faut savoir", "vers qui se tourner",
          "les démarches", "en parler", "se protéger", "les droits du soignant", "les erreurs à éviter",
          "prévenir plutôt que guérir", "questions fréquentes", "s'organiser", "tenir dans la durée",
          "demander de l'aide", "le calendrier", "les aides possibles", "comprendre la procédure",
          "après le choc", "les bons réflexes", "préparer la suite"]
SUBHEADINGS = ["Un constat qui se répète", "Ce que disent les études", "Les signes qui doivent alerter",
               "Pourquoi c'est difficile", "Ce qui aide", "Ce qu'il faut éviter", "Les chiffres",
               "Le cadre légal", "Les idées reçues", "Ce qui change avec le temps"]
FALLBACK_SENTENCES = [
    "Beaucoup de soignants attendent trop longtemps avant de demander de l'aide.",
    "Parlez-en à quelqu'un de confiance, hors de votre cercle professionnel.",
    "Les démarches paraissent lourdes, mais elles se font une à une.",
    "Notez les dates, les noms et les échanges : cela servira plus tard.",
]
MARKER = re.compile(r"\[@[^\]]+\]|\[\[aide:[^\]]+\]\]|<[^>]+>")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
# « L'essentiel » as the content check wants it: a first bullet that says what to do first, and
# at most 60 words in all.
ESSENTIAL_BULLETS = 3
ESSENTIAL_ITEM_WORDS = 14
SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-ÖØ-Ý«])")


@dataclass
class Pool:
    """Sentences and list items taken from the real fiches."""
    sentences: list
    items: list

    @property
    def short_items(self) -> list:
        """Items short enough for « L'essentiel » (at most ESSENTIAL_BULLETS of them within the
        content check's 60 words, soignants/lint/essentials.py)."""
        short = [item for item in self.items if len(item.split()) <= ESSENTIAL_ITEM_WORDS]
        return short if len(short) >= ESSENTIAL_BULLETS else FALLBACK_SENTENCES


def _clean(text: str) -> str:
    text = LINK.sub(r"\1", MARKER.sub("", text))
    text = re.sub(r"\s+([.,)])", r"\1", re.sub(r"\(\s*\)", "", text))
    return re.sub(r"\s{2,}", " ", text).strip()


def sentence_pool(docs_dir: Path = DOCS_DIR) -> Pool:
    sentences, items = [], []
    for entry in catalog.fiches(docs_dir):
        body = (docs_dir / entry.src_uri).read_text(encoding="utf-8").split("\n---", 2)[-1]
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "!!!", "<", "|", "---")):
                continue
            item = re.match(r"^(?:[-*]|\d+\.)\s+(.*)$", line)
            text = _clean(item.group(1) if item else line)
            if len(text) < 25 or text[-1] not in ".!?»" or re.search(r"[:;,]\s*[.!?]$", text):
                continue
            # A recourse (« contester », « faire appel »…) needs a deadline declared in the front
            # matter (content check, recours-sans-delai): the corpus leaves those sentences out.
            if RECOURSE.search(fold(text).lower()):
                continue
            if item:
                items.append(text)
            else:
                sentences.extend(s for s in SENTENCE_END.split(text) if len(s) >= 25)
    return Pool(sentences or FALLBACK_SENTENCES, items or FALLBACK_SENTENCES)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")[:50]


@dataclass
class Fiche:
    src_uri: str
    title: str
    meta: dict


def _front_matter(meta: dict) -> str:
    def value(v):
        if isinstance(v, list):
            return "[" + ", ".join(f'"{x}"' for x in v) + "]"
        if isinstance(v, date):
            return v.isoformat()
        return f'"{v}"' if isinstance(v, str) and v not in PARTS + ("brouillon", "relu") else str(v)
    return "---\n" + "".join(f"{k}: {value(v)}\n" for k, v in meta.items()) + "---\n"


def plan(count: int, rng: random.Random, ref_keys: list[str], today: date, start: int = 0) -> list[Fiche]:
    """Titles, paths and front matter of `count` new fiches."""
    fiches = []
    for i in range(start, start + count):
        topic, qualifier, angle = rng.choice(TOPICS), rng.choice(QUALIFIERS), rng.choice(ANGLES)
        title = f"{topic} {qualifier} : {angle}"
        part = PARTS[i % 2]
        last = today - timedelta(days=rng.randrange(0, 300))
        rng.random()  # was « reviewed »: kept so that the corpus stays the same for the same seed
        words = [topic.lower(), angle, qualifier.split()[-1]]
        meta = {
            "title": title,
            "description": f"{topic} {qualifier} : {angle}, avec les démarches, les contacts utiles et les sources.",
            "partie": part,
            "publics": rng.sample(PUBLICS, rng.randint(1, 3)),
            "tags": list(dict.fromkeys([topic.lower(), rng.choice(TOPICS).lower()])),
            "mots_cles": list(dict.fromkeys([*words, fold(topic).lower()])),
            # Drafts only: a reviewed fiche needs a member of data/comite.yml, which has none yet.
            "statut": "brouillon",
            "auteurs": ["Corpus de mesure"],
            "redige_le": last,
            "prochaine_relecture": last + timedelta(days=365),
            "sources": rng.sample(ref_keys, rng.randint(2, 4)),
        }
        fiches.append(Fiche(f"fiches/{part}/g{i:05d}-{slug(topic)}.md", title, meta))
    return fiches


def _link(from_src: str, to: Fiche) -> str:
    return f"[{to.title}]({posixpath.relpath(to.src_uri, posixpath.dirname(from_src))})"


def body(fiche: Fiche, others: list[Fiche], pool: Pool, rng: random.Random,
         ref_keys: list[str], aide_ids: list[str]) -> str:
    def cite(sentence: str) -> str:  # a key of the fiche's own `sources` (content check, source-non-listee)
        return sentence[:-1].rstrip() + f" [@{rng.choice(fiche.meta['sources'])}]" + sentence[-1]

    def paragraph(n: int) -> str:
        return "\n".join(cite(s) if rng.random() < 0.3 else s for s in rng.sample(pool.sentences, n))

    linked = rng.sample(others, min(3, len(others))) if others else []
    see_also = ", ".join(_link(fiche.src_uri, o) for o in linked)
    aide_rel = posixpath.relpath("aide/index.md", posixpath.dirname(fiche.src_uri))
    lines = [f"# {fiche.title}", "", "## L'essentiel", ""]
    first, *others_essential = rng.sample(pool.short_items, ESSENTIAL_BULLETS)
    first = first[0].lower() + first[1:] if first[1:2].islower() else first  # not « cARMF »
    lines += [f"- D'abord, {first}", *(f"- {s}" for s in others_essential)]
    lines += ["", "## Repérer / comprendre", ""]
    for heading in rng.sample(SUBHEADINGS, 4):
        lines += [f"### {heading}", "", paragraph(rng.randint(4, 6)), ""]
    if linked:
        lines += [f"Voir aussi {_link(fiche.src_uri, linked[0])}.", ""]
    lines += ["## Que faire, pas à pas", ""]
    lines += [f"{n}. {s}" for n, s in enumerate(rng.sample(pool.items, 7), 1)]
    lines += ["", '!!! note "À retenir"']
    lines += [f"    {s}" for s in rng.sample(pool.sentences, 2)]
    lines += ["", "## Vers qui se tourner", ""]
    lines += [f"- {rng.choice(pool.sentences)[:-1]} : [[aide:{a}]]" for a in rng.sample(aide_ids, 2)]
    lines += [f"- Toutes les structures : [Trouver de l'aide]({aide_rel})."]
    if see_also:
        lines += [f"- À lire aussi : {see_also}."]
    lines += ["", "## Pour aller plus loin", "", paragraph(2), ""]
    return "\n".join(lines)


def generate_fiches(count: int, docs_dir: Path, seed: int = 8, today: date | None = None,
                    pool: Pool | None = None) -> list[Path]:
    """Write `count` generated fiches into docs_dir/fiches/<part>/ and return their paths."""
    rng = random.Random(seed)
    today = today or date.today()
    pool = pool or sentence_pool()
    ref_keys = sorted(bibliography.references())
    aide_ids = sorted(e["id"] for e in help_data.structures() if e.get("statut") == "actif")
    fiches = plan(count, rng, ref_keys, today)
    paths = []
    for fiche in fiches:
        path = Path(docs_dir) / fiche.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        others = rng.sample(fiches, min(4, len(fiches)))
        others = [o for o in others if o is not fiche]
        path.write_text(_front_matter(fiche.meta) + "\n" + body(fiche, others, pool, rng, ref_keys, aide_ids),
                        encoding="utf-8")
        paths.append(path)
    return paths


def real_fiche_count() -> int:
    return len(catalog.fiches(DOCS_DIR))


def make_project(size: int | None, dest: Path, seed: int = 8) -> dict:
    """A project folder laid out like ours: docs/ (our content, plus generated fiches up to `size`
    fiches in all; None = our content only), and copies of overrides/, data/ and mkdocs.yml."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(DOCS_DIR, dest / "docs")
    # Copies, not links: the content check refuses a symbolic link in data/ (the build would
    # publish what it points to), and every build runs it first.
    for name in ("overrides", "data"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    real = real_fiche_count()
    generated = max(0, (size or 0) - real)
    paths = generate_fiches(generated, dest / "docs", seed=seed) if generated else []
    return {"root": str(dest), "fiches": real + generated, "generated": generated,
            "sample_fiche": paths[0].relative_to(dest / "docs").as_posix() if paths else None}
