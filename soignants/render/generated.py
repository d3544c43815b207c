"""What only our own code may write into a page: marked with a secret of this run.

A page's content may not reach the page's machinery (issue 20): the classes that give the help
strip, the distress card or a questionnaire their look, the `data-ss-*` attributes our scripts
look up, `role`/`tabindex`/`aria-live`, a form, a call link (`tel:`). Our markers need them, and
their HTML goes through the same sanitiser as the contributor's (soignants/render/sanitize.py),
mixed in the same Markdown. So the values our code writes carry a mark that only this run knows
(`TOKEN`, random at import); the sanitiser keeps a marked value, without its mark, and applies the
content's rules to every other. A page cannot forge the mark: it did not exist when the page was
written, and the built page never shows it.

- `attr(value)`: the value of a `data-*`, `role`, `tabindex`, `aria-*` or `id` attribute;
- `classes(*names)`: a `class` value (each name marked: Markdown's admonitions take class names
  one by one, `!!! warning <mark>ss-hors-recherche "…"`);
- `element()`: the attribute (`GENERATED`) that makes a form, an input or an audio player ours
  (`<form {element()}>`); any other such element is dropped;
- `call(tel_uri)`: the address of a call link (`tel:…`), which no content can write.

The pre-rendered copy (soignants/pipeline/prerender.py) is written with this run's token and
gives it to the sanitising extension, which reads the copy in another process.
"""

from __future__ import annotations

import secrets

TOKEN = secrets.token_hex(16)
# The attribute our forms, inputs and audio players carry (removed from the built page).
GENERATED = "data-ss-genere"


def mark(token: str = TOKEN) -> str:
    """The prefix of a marked value (letters, digits and `_`: a valid admonition class name)."""
    return f"ss{token}_"


def call_scheme(token: str = TOKEN) -> str:
    """The scheme of a call link as our markers write it (`tel` is refused to content)."""
    return f"ss{token}-tel"


def attr(value: str = "", token: str = TOKEN) -> str:
    return mark(token) + str(value)


def element(token: str = TOKEN) -> str:
    """The attribute that makes a form, a label, an input, an output, a button or an audio
    player ours: `<input type="date" {element()}>`."""
    return f'{GENERATED}="{attr(token=token)}"'


def classes(*names: str, token: str = TOKEN) -> str:
    return " ".join(mark(token) + name for name in names)


def call(tel_uri: str, token: str = TOKEN) -> str:
    """`tel:3114` -> the address the sanitiser turns back into `tel:3114`."""
    if not tel_uri.startswith("tel:"):
        raise ValueError(f"not a tel: address: {tel_uri!r}")
    return f"{call_scheme(token)}:{tel_uri[len('tel:'):]}"


def unmark(text: str, token: str = TOKEN) -> str:
    """What our markers wrote, without the marks (to read it: tests, diagnostics); the built
    page gets the same from the sanitiser."""
    return (text.replace(f' {GENERATED}="{mark(token)}"', "").replace(call_scheme(token) + ":", "tel:")
            .replace(mark(token), ""))
