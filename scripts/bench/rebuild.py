"""One-file rebuild under `mkdocs serve`: change a fiche, poll until the served page shows it.

`mkdocs serve` (1.6) rebuilds the whole site on any change (no incremental build without
--dirty), so this is close to a full build minus the process start-up; it is what an editor
waits for after saving a file.
"""

from pathlib import Path
import os
import signal
import socket
import subprocess
import time
from urllib.error import URLError
from urllib.request import urlopen

from . import CHILD_ENV, PYTHON
from .stats import summarize


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (URLError, OSError):
        return None


def measure(root: Path, fiche_src: str, runs: int, timeout: float = 1800) -> dict:
    root = Path(root)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{fiche_src.removesuffix('.md')}/"
    source = root / "docs" / fiche_src
    original = source.read_text(encoding="utf-8")
    log = open(root / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--no-strict", "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
        cwd=root, env=CHILD_ENV, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    seconds, error, first_serve = [], None, None
    try:
        start = time.perf_counter()
        while _get(url) is None:
            if process.poll() is not None or time.perf_counter() - start > timeout:
                raise RuntimeError(f"mkdocs serve did not serve {url} (see {root / 'serve.log'})")
            time.sleep(0.5)
        first_serve = time.perf_counter() - start
        for run in range(runs):
            token = f"bench-token-{os.getpid()}-{run}-{time.time_ns()}"
            time.sleep(1.5)  # let the watcher settle after the last build
            source.write_text(original + f"\n\n{token}\n", encoding="utf-8")
            t0 = time.perf_counter()
            while token not in (_get(url) or ""):
                if time.perf_counter() - t0 > timeout:
                    raise RuntimeError("the change never showed up")
                time.sleep(0.05)
            seconds.append(time.perf_counter() - t0)
    except Exception as err:  # noqa: BLE001 - report why
        error = f"{type(err).__name__}: {err}"[:300]
    finally:
        source.write_text(original, encoding="utf-8")
        os.killpg(process.pid, signal.SIGTERM)  # only the serve we started, by its own group
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
    return {"page": fiche_src, "seconds": summarize(seconds), "first_serve_seconds": first_serve,
            "error": error}
