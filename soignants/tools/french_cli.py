"""Command-line parsing that speaks French: our commands are run by editors, not programmers.

argparse writes its help and its errors in English; this parser gives them in French and never
shows a traceback for a wrong option (exit code 2, like argparse).
"""

import argparse
import re
import sys

# argparse's error messages (Python 3.11+), and how to say them in French.
_MESSAGES = [
    (re.compile(r"the following arguments are required: (.*)"), r"il manque : \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"option inconnue : \1"),
    (re.compile(r"argument (.+?): expected one argument"), r"l'option \1 attend une valeur"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.*)\)"),
     r"l'option \1 ne peut pas valoir \2 (valeurs possibles : \3)"),
    (re.compile(r"argument (.+?): invalid (?:float|int) value: (.*)"), r"l'option \1 attend un nombre, pas \2"),
    (re.compile(r"ambiguous option: (.+?) could match (.*)"), r"l'option \1 est ambiguë (\2)"),
]


def french_message(message: str) -> str:
    for pattern, replacement in _MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


class FrenchHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix if prefix is not None else "utilisation : ")


class FrenchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage line and errors are in French."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="affiche cette aide et s'arrête")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {french_message(message)}\n")
