"""An unclosed quote in a front matter, reported at the line where it opens.

PyYAML reads a quoted value across line ends, so `title: "Plainte` only fails a line or more
later, with an explanation about indentation. When the front matter does not parse, the first
line whose value opens a quote and does not close it is the place to look.
"""

import re

# `key: "…`, `key: '…`, `- "…`, `- '…` (the value starts with a quote)
OPENING = re.compile(r"""^\s*(?:-\s+|[^\s:#'"][^:#]*:\s+(?:-\s+)?)(["'])(.*)$""")


def _closed(quote: str, rest: str) -> bool:
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return re.search(r"(?<!')'(?:'')*(?!')", rest.replace("''", "")) is not None


def unclosed_quote_line(yaml_text: str, first_line: int, error_line: int) -> tuple[int, str] | None:
    """(file line, quote) of the first quote opened and not closed on its line, at or before the
    error; None when there is none (the error is something else)."""
    for offset, line in enumerate(yaml_text.split("\n")):
        number = first_line + offset
        if number > error_line:
            break
        match = OPENING.match(line)
        if match and not _closed(match.group(1), match.group(2)):
            return number, match.group(1)
    return None


def unclosed_quote_message(quote: str) -> str:
    name = "guillemet droit double" if quote == '"' else "apostrophe droite"
    return (f"en-tête illisible : la valeur de cette ligne ouvre un {name} « {quote} » qui n'est jamais fermé ; "
            f"ajoutez « {quote} » à la fin de la valeur (dans la valeur, écrivez plutôt « » ou ’ "
            "que des guillemets droits)")
