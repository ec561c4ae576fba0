"""The real server (`streamlit run app.py`) on 127.0.0.1 and Debian's Chromium, for the browser tests and the load test."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
MAIN = '[data-testid="stMainBlockContainer"]'
EXCEPTION = '[data-testid="stException"]'
START_TRIES = 120  # health checks, half a second apart


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """The dashboard served on a free localhost port, once it answers its health check: (process, base URL).

    ``env`` is added to this process's environment (KHOBOR_CACHE_DIR, CORPUS_DIR …).
    Raises RuntimeError, with the server stopped, when it does not start.
    """
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=PROJECT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(START_TRIES):
        try:
            urllib.request.urlopen(base + "/_stcore/health", timeout=1)
            return process, base
        except OSError:
            time.sleep(0.5)
    stop_server(process)
    raise RuntimeError("Streamlit did not start")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)
