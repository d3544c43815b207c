"""Files under docs/ that are not pages: content is data, never code (issue 20).

A proposal's content area holds Markdown pages (checked elsewhere), raster images, SVG images
that pass the SVG allowlist (soignants/render/svg.py), and sound files that a testimony gives
with their transcript. Anything else dropped in docs/ would be published as is, from the site's
own host, which the pages' Content-Security-Policy trusts: a script, a style sheet, an HTML page,
a web manifest. The site's own scripts and style sheets live in overrides/ (technical team).
A file is also what its bytes say: a `.png` that is not a PNG image is refused.
A symbolic link is refused wherever it is (docs/, data/): the build would publish the file it
points to, anywhere on the machine.
"""

from pathlib import Path

from ..render import svg
from .report import Problem

IMAGES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP", ".avif": "AVIF"}
SOUNDS = {".mp3", ".ogg", ".m4a", ".opus"}
ALLOWED = {**{suffix: "image" for suffix in IMAGES}, ".svg": "image SVG", **{suffix: "son" for suffix in SOUNDS}}
# The first bytes of each kind (what a browser and a static host go by when they sniff).
SIGNATURES = {
    "PNG": (lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
    "JPEG": (lambda b: b.startswith(b"\xff\xd8\xff")),
    "GIF": (lambda b: b[:6] in (b"GIF87a", b"GIF89a")),
    "WebP": (lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP"),
    "AVIF": (lambda b: b[4:8] == b"ftyp" and b[8:12] in (b"avif", b"avis")),
}
SOUND_SIGNATURES = (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xf1", b"\xff\xf9", b"OggS")


def asset_problems(path: Path, shown: str, transcribed: set[str] | None = None) -> list[Problem]:
    """`transcribed`: names of the sound files a testimony gives with its transcript (None: not checked)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ALLOWED:
        return [Problem(shown, 1, "fichier-non-autorise",
                        f"type de fichier « {suffix or path.name} » refusé dans docs/ : il serait publié tel quel, "
                        "depuis le site lui-même ; docs/ ne reçoit que des pages (.md), des images (PNG, JPEG, GIF, "
                        "WebP, AVIF, SVG simple) et le son d'un témoignage avec sa transcription. Les scripts et "
                        "feuilles de style du site sont du code, dans overrides/ (équipe technique)")]
    try:
        data = path.read_bytes()
    except OSError as error:
        return [Problem(shown, 1, "fichier-illisible", f"fichier illisible ({error.strerror}) ; vérifiez ses droits")]
    if suffix == ".svg":
        return [Problem(shown, line, code, message) for line, code, message in svg.problems(data)]
    if suffix in IMAGES and not SIGNATURES[IMAGES[suffix]](data[:16]):
        return [Problem(shown, 1, "fichier-non-autorise",
                        f"ce fichier « {suffix} » n'est pas une image {IMAGES[suffix]} : enregistrez l'image dans son "
                        "vrai format, avec la bonne extension")]
    if suffix in SOUNDS:
        problems = []
        if not (data.startswith(SOUND_SIGNATURES) or data[4:8] == b"ftyp"):
            problems.append(Problem(shown, 1, "fichier-non-autorise",
                                    f"ce fichier « {suffix} » n'est pas un fichier son : enregistrez-le dans son vrai format"))
        if transcribed is not None and path.name not in transcribed:
            problems.append(Problem(shown, 1, "fichier-non-autorise",
                                    "son sans transcription : un enregistrement n'est publié que par un témoignage qui "
                                    "le donne avec sa transcription écrite (champ « audio » : fichier et transcription)"))
        return problems
    return []


def symlink_problem(shown: str) -> Problem:
    return Problem(shown, 1, "lien-symbolique",
                   "lien symbolique refusé : la construction publierait le fichier qu'il vise, où qu'il soit sur "
                   "la machine ; remplacez-le par une copie du fichier (s'il a sa place dans docs/)")
