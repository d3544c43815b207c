"""A time budget per page in the build: a page that takes too long stops the build in French.

The linear pre-scan (soignants/model/limits.py) refuses the runs of markup known to make a parser
read a page again and again. Whatever it misses (Python-Markdown is slow on many shapes of input:
thousands of admonitions, of links, of headings), a page still cannot keep the build busy for
ever: a watchdog thread raises an exception in the thread that builds the page once its budget is
spent (PyThreadState_SetAsyncExc: it works in `mkdocs serve`'s rebuild thread too, where a signal
cannot be used), and again every second in case some code swallowed it. The exception's class is
the generator's own build error (MkDocs prints its message, without a traceback, and stops).

A Python loop is interrupted at once; a single regular expression running in C is interrupted
when it returns (the pre-scan is what bounds those).

Budget: BUDGET_SECONDS, or the environment variable SOIGNANTS_BUDGET_PAGE (seconds).
"""

from __future__ import annotations

import ctypes
import os
import threading

BUDGET_SECONDS = 20.0  # a real page takes well under a second, on a slow CI runner too
VARIABLE = "SOIGNANTS_BUDGET_PAGE"
RETRY_SECONDS = 1.0

_lock = threading.Lock()
_state: dict = {"token": None, "timer": None, "thread": None}


def budget() -> float:
    try:
        value = float(os.environ.get(VARIABLE, ""))
    except ValueError:
        return BUDGET_SECONDS
    return value if value > 0 else BUDGET_SECONDS


def message(src_path: str, seconds: float) -> str:
    return (f"{src_path}:1: la construction de cette page a dépassé {seconds:g} s (la limite par page) : elle contient "
            "sans doute une suite démesurée de mises en forme (liens, encadrés, titres, listes, balises) ; "
            "découpez-la en plusieurs pages ou simplifiez-la")


def _raise_in(thread_id: int, exception) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


def start(src_path: str, error_class=Exception, seconds: float | None = None) -> None:
    """Give the page being built in this thread `seconds` (default: budget()); past them, raise a
    subclass of `error_class` whose message is message(src_path, seconds)."""
    stop()
    seconds = budget() if seconds is None else seconds
    text = message(src_path, seconds)
    timeout = type("TempsDepasse", (error_class,), {"__init__": lambda self, *args: error_class.__init__(self, text)})
    token = object()
    thread_id = threading.get_ident()

    def fire():
        with _lock:
            if _state["token"] is not token:
                return
            _raise_in(thread_id, timeout)
            _arm(fire, RETRY_SECONDS)

    with _lock:
        _state.update(token=token, thread=thread_id)
        _arm(fire, seconds)


def _arm(fire, seconds: float) -> None:
    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    _state["timer"] = timer
    timer.start()


def stop() -> None:
    """The page is done (or the build stopped): no exception will come, none is left pending."""
    with _lock:
        if _state["timer"] is not None:
            _state["timer"].cancel()
        if _state["token"] is not None and _state["thread"] == threading.get_ident():
            _raise_in(_state["thread"], None)  # clears an exception raised but not yet delivered
        _state.update(token=None, timer=None, thread=None)
