"""The corrections file under stress: saves at the same moment, and writers killed mid-save."""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

from loaders.entities import corrections_path, load_corrections, update_corrections

FORK = multiprocessing.get_context("fork")
ROUNDS = 40


def _save_many(path, prefix: str, barrier, rounds: int) -> None:
    """Save ``rounds`` corrections of this process's own entities, starting together with the other process."""
    barrier.wait()
    for n in range(rounds):
        update_corrections(path, lambda c, n=n: c.rename(f"{prefix}{n}", label_en=f"{prefix} {n}"),
                           f"{prefix}{n}", "rename", by=prefix)


def test_two_processes_saving_at_the_same_moment_lose_nothing(tmp_path):
    path = corrections_path(tmp_path)
    barrier = FORK.Barrier(2)
    writers = [FORK.Process(target=_save_many, args=(path, prefix, barrier, ROUNDS)) for prefix in ("A", "B")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    stored = load_corrections(path)
    assert set(stored.renames) == {f"{p}{n}" for p in "AB" for n in range(ROUNDS)}
    assert sorted(edit.entity_id for edit in stored.history) == sorted(stored.renames)
    assert {edit.by for edit in stored.history} == {"A", "B"}


def _ban_forever(path) -> None:
    """Ban E0, E1, E2 … one save at a time, until killed."""
    while True:
        n = len(load_corrections(path).bans)
        update_corrections(path, lambda c, n=n: c.ban(f"E{n}"), f"E{n}", "ban")


def test_a_writer_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path):
    path = corrections_path(tmp_path)
    update_corrections(path, lambda c: c.ban("E0"), "E0", "ban")
    chance = random.Random(7)
    seen = 1
    for _ in range(15):
        writer = FORK.Process(target=_ban_forever, args=(path,))
        writer.start()
        time.sleep(chance.uniform(0.01, 0.15))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        stored = load_corrections(path)  # raises if the file were cut or half-written
        # whole saves only: E0 … E(n-1), each logged once, never fewer than before the kill
        assert stored.bans == {f"E{n}" for n in range(len(stored.bans))} and len(stored.bans) >= seen
        assert [edit.entity_id for edit in stored.history] == [f"E{n}" for n in range(len(stored.bans))]
        seen = len(stored.bans)
    assert seen > 5  # the writers did save between the kills
    # a killed writer leaves no lock held, and its half-written temp file is cleared by the next save
    update_corrections(path, lambda c: c.ban("last"), "last", "ban")
    assert "last" in load_corrections(path).bans
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, f"{path.name}.lock"]
