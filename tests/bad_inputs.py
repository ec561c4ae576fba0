"""Write the bad inputs of the README's robustness table: ``python -m tests.bad_inputs OUT`` (about 30 s, 13 MB).

deep.json (nested 100,000 levels), bomb.csv.gz and bomb.tar.gz (unpack to just under
2 GB), bomb.zip (one 2.5 GB member) and tiny.zip (20,000 one-byte files). Everything is
written in steps; nothing here holds the unpacked sizes.
"""
from __future__ import annotations

import gzip
import io
import sys
import tarfile
import zipfile
from pathlib import Path

MB = 1024 * 1024
UNPACKED = 2048 * MB - MB  # just under the 2 GB archive limit, as in the issue


class _Zeros(io.RawIOBase):
    """A readable stream of ``size`` zero bytes."""

    def __init__(self, size: int):
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        return count


def write_all(out: Path) -> None:
    """Write the five files into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    rows = "খ,খবর\n".encode() * (1 << 16)
    with gzip.open(out / "bomb.csv.gz", "wb", compresslevel=9) as bomb:
        written = bomb.write(b"title,body\n")
        while written + len(rows) < UNPACKED:
            written += bomb.write(rows)
    with tarfile.open(out / "bomb.tar.gz", "w:gz", compresslevel=9) as bomb:
        info = tarfile.TarInfo("big.txt")
        info.size = UNPACKED
        bomb.addfile(info, io.BufferedReader(_Zeros(UNPACKED)))
    with zipfile.ZipFile(out / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as bomb, \
            bomb.open("big.txt", "w", force_zip64=True) as member:
        for _ in range(160):
            member.write(bytes(16 * MB))
    with zipfile.ZipFile(out / "tiny.zip", "w") as tiny:
        for n in range(20_000):
            tiny.writestr(f"p/{n:05d}.txt", b"a")


if __name__ == "__main__":
    write_all(Path(sys.argv[1]))
