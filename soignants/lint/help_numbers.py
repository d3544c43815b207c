"""A help number is never typed by hand: `[[aide:ID]]` shows it from data/aide.yml.

Kept as the name earlier code and notes use; the rule itself now reads the text as the reader
sees it and knows the file's past numbers too: soignants/lint/phone_numbers.py.
"""

from .phone_numbers import known_numbers, normalise, page_number_problems  # noqa: F401
from .report import Problem


def hand_typed_number_problems(body: str, entries, shown: str, past_entries=()) -> list[Problem]:
    return page_number_problems(body, known_numbers(entries, past_entries), shown)
