"""Ingest beyond one machine: the parse maps over a ``dask.bag`` of source chunks.

The driver reads the files (as :func:`loaders.read_paths` does everywhere), the Dask
workers run the same chunk parse as the local process pool, and the driver joins the
chunks in order, links the entities and writes the Parquet cache, so the tables equal
those of one process. Usage::

    from loaders import load_corpus
    from loaders.cluster import DaskBag, dask_client

    with dask_client("tcp://scheduler:8786") as client:      # or "local:4"
        corpus = load_corpus(["corpus/"], cache_dir="cache/", executor=DaskBag(client))

or ``python -m loaders --dask tcp://scheduler:8786 --parquet OUT corpus/``. The scheduler
and the workers need this project importable (the same code and ``requirements.txt``; the
scheduler unpickles the task graph) and nothing else: the sources travel to the workers as
bytes, and each worker loads the tagger once.
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import dask.bag
from distributed import Client, LocalCluster

logger = logging.getLogger(__name__)

LOCAL_PREFIX = "local:"


@dataclass(frozen=True)
class DaskBag:
    """Runs each chunk's parse as one partition of a dask.bag, on ``client`` (or Dask's current scheduler)."""

    client: Client | None = None

    def map(self, function: Callable, *iterables: Iterable) -> list:
        """``function`` applied to each tuple of arguments, on the cluster; results in order."""
        arguments = list(zip(*iterables))
        if not arguments:
            return []
        bag = dask.bag.from_sequence(arguments, npartitions=len(arguments))
        return bag.starmap(function).compute(scheduler=self.client)


@contextlib.contextmanager
def dask_client(address: str) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a local cluster of N worker processes for ``local:N``."""
    if address.startswith(LOCAL_PREFIX):
        workers = int(address.removeprefix(LOCAL_PREFIX) or 1)
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            logger.info("connected to %s (%d workers)", address, len(client.scheduler_info().get("workers", {})))
            yield client
