"""Date arithmetic shared by the content check, the help directory and the scaffolder."""

from datetime import date


def one_year_later(day: date) -> date:
    """The same day a year later (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def months_old(checked: str, today: date) -> int | None:
    """Whole months between a `2025-11` or `2025-11-23` check and `today` (None if unreadable):
    `2025-11` is 12 months old for the whole of November 2026; `2025-11-23` turns 12 on 2026-11-23."""
    try:
        pieces = [int(p) for p in str(checked).split("-")]
        if len(pieces) == 3:
            day = date(*pieces)
            months = (today.year - day.year) * 12 + today.month - day.month
            return months - (1 if today.day < day.day else 0)
        if len(pieces) == 2:
            date(pieces[0], pieces[1], 1)
            return (today.year - pieces[0]) * 12 + today.month - pieces[1]
    except (ValueError, TypeError):
        return None
    return None
