"""Median and spread of repeated measurements."""

from statistics import median, quantiles


def summarize(values) -> dict | None:
    """{median, min, max, q1, q3, n, values} of the numbers measured, None if there is none."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    q1, q3 = (quantiles(values, n=4, method="inclusive")[i] for i in (0, 2)) if len(values) > 1 \
        else (values[0], values[0])
    return {"median": median(values), "min": min(values), "max": max(values), "q1": q1, "q3": q3,
            "n": len(values), "values": [round(v, 6) for v in values]}


def show(summary: dict | None, unit: str = "", digits: int = 2, scale: float = 1.0) -> str:
    """`1.23 s (1.20–1.31)`: median, then min–max when there was more than one run."""
    if not summary:
        return "n/a"
    fmt = f"{{:.{digits}f}}"
    text = fmt.format(summary["median"] * scale) + (f" {unit}" if unit else "")
    if summary["n"] > 1:
        text += f" ({fmt.format(summary['min'] * scale)}–{fmt.format(summary['max'] * scale)})"
    return text


def kb(n_bytes: float | None) -> str:
    return "n/a" if n_bytes is None else f"{n_bytes / 1024:.1f}"
