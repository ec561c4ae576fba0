"""`make bench`: ingest speed of the loaders (not a test; prints figures).

Cold: the bundled sample plus the Ittefaq set (from ../shared), three copies made
distinct by trailing blank lines so that nothing is served twice, parsed with no cache.
Warm: the same documents again through a Parquet cache that already holds them.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from loaders import parse_documents, read_documents

PROJECT = Path(__file__).resolve().parents[1]
SAMPLE = PROJECT / "data" / "sample"
ITTEFAQ = PROJECT.parent / "shared" / "corpus" / "real" / "ittefaq-2019"
COPIES = 3
ROUNDS = 3


def documents() -> list[tuple[str, str, bytes]]:
    """Sample + Ittefaq, COPIES times, each copy with distinct bytes."""
    roots = [SAMPLE] + ([ITTEFAQ] if ITTEFAQ.exists() else [])
    base = read_documents(roots)
    return [(f"copy{k}/{name}", path, data + b"\n" * k) for k in range(COPIES) for name, path, data in base]


def best_of(rounds: int, run) -> float:
    """Fastest wall time of several runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    docs = documents()
    if not ITTEFAQ.exists():
        print("note: ../shared is absent; benchmarking the bundled sample only", file=sys.stderr)
    cold = best_of(ROUNDS, lambda: parse_documents(docs))
    with tempfile.TemporaryDirectory() as cache:
        parse_documents(docs, cache_dir=cache)
        warm = best_of(ROUNDS, lambda: parse_documents(docs, cache_dir=cache))
    n = len(docs)
    print(f"documents            {n}")
    print(f"cold ingest          {cold:.3f} s  = {n / cold:,.0f} articles/s")
    print(f"warm (Parquet cache) {warm:.3f} s  = {n / warm:,.0f} articles/s")
    print(f"warm speed-up        {cold / warm:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
