"""Read a file as the text an editor meant, or say in French why it is not text."""

from dataclasses import dataclass
from pathlib import Path
import unicodedata

from .report import Problem

# A page or a data file larger than MAX_BYTES is refused: no fiche comes near it (the longest is
# about 15 KB), and checking or building a file of several MB would hang a contributor's build.
# INVISIBLE: characters that change what a text shows or how it reads without being seen:
# bidirectional controls can reorder a line (« Trojan source »), zero-width ones hide inside a
# phone number or a word, so that a check or a search misses it. (Same limits as the build.)
from ..model.limits import INVISIBLE, MAX_BYTES  # noqa: E402

# Signatures of the files an editor might drop or rename by mistake.
MAGIC = [
    (b"\x89PNG", "une image PNG"),
    (b"\xff\xd8\xff", "une image JPEG"),
    (b"GIF8", "une image GIF"),
    (b"RIFF", "un fichier image ou son (WebP, WAV)"),
    (b"%PDF", "un document PDF"),
    (b"PK\x03\x04", "une archive ZIP ou un document Word/LibreOffice"),
    (b"\xd0\xcf\x11\xe0", "un ancien document Word ou Excel"),
    (b"ID3", "un fichier son MP3"),
    (b"OggS", "un fichier son OGG"),
    (b"{\\rtf", "un document RTF"),
]


@dataclass
class Text:
    text: str | None  # None when the file is not readable text
    problems: list


def what_binary(data: bytes) -> str | None:
    """A French description of a binary file, or None if the bytes look like text."""
    for signature, name in MAGIC:
        if data.startswith(signature):
            return name
    if b"\x00" in data[:8192]:
        return "un fichier binaire (il contient des octets nuls)"
    return None


def read_text(path: Path, shown: str) -> Text:
    """Read a text file; empty, binary or non-UTF-8 content becomes a problem, never an exception."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            return Text(None, [Problem(shown, 1, "fichier-trop-gros",
                                       f"fichier de {size // 1000} Ko, au-delà des {MAX_BYTES // 1000} Ko permis : "
                                       "une fiche en fait environ 15 ; découpez-le en plusieurs pages, ou retirez "
                                       "ce qui n'est pas du texte (images collées, données)")])
        data = Path(path).read_bytes()
    except OSError as error:
        return Text(None, [Problem(shown, 1, "fichier-illisible",
                                   f"impossible de lire le fichier ({error.strerror or error}) ; "
                                   "vérifiez qu'il existe et qu'il n'est pas ouvert ailleurs")])
    binary = what_binary(data)
    if binary:
        return Text(None, [Problem(shown, 1, "fichier-binaire",
                                   f"ce fichier n'est pas du texte : il ressemble à {binary} ; "
                                   "remettez le bon fichier texte, ou placez l'image ou le document dans "
                                   "docs/images/ avec sa vraie extension")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # an UTF-8 byte-order mark, as some Windows editors write: harmless
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        guess = ""
        try:
            data.decode("cp1252")
            guess = " (il semble enregistré en Windows-1252 ou Latin-1)"
        except UnicodeDecodeError:
            pass
        return Text(None, [Problem(shown, line, "encodage",
                                   f"le fichier n'est pas en UTF-8{guess} : octet 0x{data[error.start]:02X} "
                                   "illisible ; réenregistrez-le en UTF-8 (dans l'éditeur : Enregistrer sous… "
                                   "> Encodage : UTF-8)")])
    text = text.replace("\r\n", "\n")  # Windows line endings: same lines, simpler patterns
    if not text.strip():
        return Text(None, [Problem(shown, 1, "fichier-vide",
                                   "le fichier est vide ; écrivez son contenu (en partant du modèle) "
                                   "ou supprimez-le")])
    return Text(text, invisible_problems(text, shown))


def character_name(char: str) -> str:
    """« espace sans chasse (U+200B) »: what an editor can search for in their editor."""
    return f"{unicodedata.name(char, 'caractère de contrôle').lower()} (U+{ord(char):04X})"


def invisible_problems(text: str, shown: str) -> list[Problem]:
    """One problem per line that holds an invisible or direction-changing character."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        found = INVISIBLE.search(line)
        if found:
            problems.append(Problem(shown, number, "caractere-invisible",
                                    f"caractère invisible « {character_name(found.group())} » à la colonne "
                                    f"{found.start() + 1} : il ne se voit pas mais change ce que la ligne montre "
                                    "ou cache un mot ou un numéro aux vérifications ; supprimez-le (souvent "
                                    "collé depuis un traitement de texte ou une page web)"))
    return problems

