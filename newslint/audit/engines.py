"""Where partitions are linted: processes on this machine, or a Dask cluster.

Both take an iterator of partitions and give back their results as they finish (in any order:
the store writes each under its key, and the reduce reads them in key order, so the output does
not depend on the engine). Both keep only a few partitions in flight per worker, so memory stays
flat however long the archive is.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator

from .sources import Partition
from .work import Job, PartResult, lint_partition

IN_FLIGHT = 2  # partitions queued per worker: one running, one on its way


class EngineError(Exception):
    """The engine could not be started (no Dask, a scheduler that does not answer)."""


def local(job: Job, todo: Iterator[Partition], jobs: int) -> Iterator[PartResult]:
    """Processes on this machine: no server to start. -j 1 stays in this process."""
    if jobs <= 1:
        for part in todo:
            yield lint_partition(job, part)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupt)
    pending: set = set()
    try:
        for part in todo:
            pending.add(pool.submit(lint_partition, job, part))
            while len(pending) >= jobs * IN_FLIGHT:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupt() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def dask(job: Job, todo: Iterator[Partition], jobs: int, scheduler: str | None) -> Iterator[PartResult]:
    """dask.distributed: the cluster at `scheduler`, or a LocalCluster of `jobs` worker processes.
    A worker that dies takes its partitions with it; the scheduler gives them to another."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'newslint[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            with warnings.catch_warnings():  # "port 8787 in use" when another cluster runs: no matter
                warnings.simplefilter("ignore", UserWarning)
                cluster = LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=40,
                )
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
    try:
        client.wait_for_workers(1, timeout=60)
        workers = max(1, sum(client.nthreads().values()))
        running = as_completed()
        queued = 0
        for part in todo:
            running.add(
                client.submit(
                    lint_partition,
                    job,
                    part,
                    key=f"newslint-audit-{part.key}-{os.urandom(4).hex()}",
                    pure=False,
                    retries=2,
                )
            )
            queued += 1
            while queued >= workers * IN_FLIGHT:
                future = next(running)
                queued -= 1
                yield future.result()
                future.release()
        for future in running:
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
