"""`newslint audit --engine dask` on a real dask.distributed LocalCluster of two worker processes
(one cluster for the module: it takes a few seconds to start): the same bytes as the local
engine, and a run whose worker is killed mid-run still completes with them."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest

pytest.importorskip("pyarrow", reason="newslint audit needs pyarrow: pip install 'newslint[audit]'")
pytest.importorskip("matplotlib", reason="newslint audit needs matplotlib: pip install 'newslint[audit]'")
distributed = pytest.importorskip(
    "distributed", reason="the Dask engine needs dask[distributed]: pip install 'newslint[dask]'"
)

from audit_corpus import stories, write_jsonl  # noqa: E402

from newslint.cli import main  # noqa: E402

OUTPUTS = ("findings.parquet", "summary.csv", "summary.json", "report.html")


@pytest.fixture(scope="module")
def cluster():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None, silence_logs=50
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.wait_for_workers(2, timeout=60)
        yield cluster, client


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    # Long enough that a worker can be killed while partitions are still running.
    return write_jsonl(folder / "stories.jsonl.gz", stories(600, paragraphs=12))


@pytest.fixture(scope="module")
def local(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    assert (
        main(["audit", str(archive), "--out", str(out), "--by", "section,month", "-j", "2", "--partition-size", "10"])
        == 0
    )
    return out


def same_outputs(a, b) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_dask_writes_what_the_local_engine_writes(cluster, archive, local, tmp_path):
    _, client = cluster
    out = tmp_path / "out"
    assert (
        main(
            [
                "audit",
                str(archive),
                "--out",
                str(out),
                "--by",
                "section,month",
                "--engine",
                "dask",
                "--scheduler",
                client.scheduler.address,
                "--partition-size",
                "10",
            ]
        )
        == 0
    )
    same_outputs(out, local)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["stories"] == 600 and summary["findings"] > 0


def test_a_worker_killed_mid_run_and_the_run_completes(cluster, archive, local, tmp_path):
    _, client = cluster
    out = tmp_path / "out"
    before = client.run(os.getpid)  # worker address -> process id
    outcome = {}
    run = threading.Thread(
        target=lambda: outcome.setdefault(
            "code",
            main(
                [
                    "audit",
                    str(archive),
                    "--out",
                    str(out),
                    "--by",
                    "section,month",
                    "--engine",
                    "dask",
                    "--scheduler",
                    client.scheduler.address,
                    "--partition-size",
                    "10",
                ]
            ),
        )
    )
    run.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any((out / "parts").glob("0000-*.json")):
        time.sleep(0.01)
    assert run.is_alive(), "the run ended before a worker could be killed; make the corpus bigger"
    victim = sorted(before.values())[0]
    os.kill(victim, signal.SIGKILL)
    run.join(timeout=180)
    assert not run.is_alive() and outcome["code"] == 0
    same_outputs(out, local)
    client.wait_for_workers(2, timeout=60)  # the nanny started a new worker in its place
    assert victim not in client.run(os.getpid).values()


def test_local_cluster_when_no_scheduler_is_given(archive, local, tmp_path):
    out = tmp_path / "out"
    assert (
        main(
            [
                "audit",
                str(archive),
                "--out",
                str(out),
                "--by",
                "section,month",
                "--engine",
                "dask",
                "-j",
                "2",
                "--partition-size",
                "10",
            ]
        )
        == 0
    )
    same_outputs(out, local)
