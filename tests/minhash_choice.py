"""``python -m tests.minhash_choice``: datasketch against rensa on the work the reuse stage gives them.

The bodies of the three CSV exports in ../shared, four variants each (the text, and three
copies with a tenth of the words dropped at random), as word 5-grams: MinHash signatures
(120 permutations), then an LSH index of 40 bands built and queried with every body. Both
libraries get the same shingles; the printed times are one run on one core.
"""
from __future__ import annotations

import random
import sys
import time
import unicodedata

import pandas as pd

from tests.conftest import SHARED

PERMUTATIONS, BANDS = 120, 40


def bodies() -> list[list[str]]:
    texts = []
    for path in sorted((SHARED / "corpus" / "real" / "csv").glob("*.csv")):
        frame = pd.read_csv(path)
        column = next(c for c in frame.columns if "Body" in c)
        texts += [unicodedata.normalize("NFC", str(b)).split() for b in frame[column].dropna()]
    rng = random.Random(1)
    return texts + [[w for w in words if rng.random() > 0.1] for _ in range(3) for words in texts]


def main() -> int:
    import rensa
    from datasketch import MinHash, MinHashLSH

    shingled = [[" ".join(w[i : i + 5]) for i in range(max(1, len(w) - 4))] for w in bodies()]
    print(f"{len(shingled):,} bodies, {sum(map(len, shingled)):,} word 5-grams")
    start = time.perf_counter()
    signed = []
    for shingles in shingled:
        minhash = rensa.RMinHash(PERMUTATIONS, 1)
        minhash.update(shingles)
        signed.append(minhash)
    middle = time.perf_counter()
    index = rensa.RMinHashLSH(0.3, PERMUTATIONS, BANDS)
    for key, minhash in enumerate(signed):
        index.insert(key, minhash)
    found = sum(len(r) for r in index.query_all(signed))
    print(f"rensa       signatures {middle - start:.2f} s, LSH {time.perf_counter() - middle:.2f} s, {found:,} candidates")
    start = time.perf_counter()
    signed = MinHash.bulk(([s.encode() for s in shingles] for shingles in shingled), num_perm=PERMUTATIONS)
    middle = time.perf_counter()
    index = MinHashLSH(num_perm=PERMUTATIONS, params=(BANDS, PERMUTATIONS // BANDS))
    with index.insertion_session() as session:
        for key, minhash in enumerate(signed):
            session.insert(key, minhash)
    found = sum(len(index.query(m)) for m in signed)
    print(f"datasketch  signatures {middle - start:.2f} s, LSH {time.perf_counter() - middle:.2f} s, {found:,} candidates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
