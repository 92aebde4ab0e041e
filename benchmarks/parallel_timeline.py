"""Where the time of `newslint check -j N` goes, per process: CPU seconds of the parent and of its
workers, and when each worker ran its chunks (wall and CPU). CPU seconds hold on a busy machine,
where the wall-clock speed-up of benchmarks/speed.py does not.

    python benchmarks/parallel_timeline.py check --format json -j 2 FOLDER
    python benchmarks/parallel_timeline.py check --format json -j 1 FOLDER   # the serial CPU

Runs the command line in this process (stdout discarded), with the worker's chunk function
wrapped: the workers are forked from here, so they log their chunks to a temporary file.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

STARTED = time.perf_counter()
LOG = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False).name

import newslint.cli.parallel as parallel  # noqa: E402

_inner = parallel._check_chunk


def timed(paths):
    """The worker's chunk function, logged. Module-level: the pool pickles it by name."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = _inner(paths)
    with open(LOG, "a", encoding="ascii") as f:
        done = time.perf_counter() - STARTED
        f.write(f"{os.getpid()} {wall - STARTED:.3f} {done:.3f} {time.process_time() - cpu:.3f} {len(paths)}\n")
    return out


def main() -> int:
    from newslint.cli import main as newslint

    parallel._check_chunk = timed
    sys.argv = ["newslint", *sys.argv[1:]]
    real_stdout, sys.stdout = sys.stdout, open(os.devnull, "w", encoding="utf-8")
    try:
        code = newslint()
    except SystemExit as e:
        code = e.code
    finally:
        sys.stdout.close()
        sys.stdout = real_stdout
    wall = time.perf_counter() - STARTED
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"exit {code}; wall {wall:.2f} s; CPU: parent {me.ru_utime + me.ru_stime:.2f} s, "
        f"workers {kids.ru_utime + kids.ru_stime:.2f} s; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    workers: dict[str, list] = {}
    for line in Path(LOG).read_text(encoding="ascii").splitlines():
        pid, began, done, cpu, files = line.split()
        w = workers.setdefault(pid, [float(began), 0.0, 0.0, 0.0, 0])
        w[1] = max(w[1], float(done))
        w[2] += float(done) - float(began)
        w[3] += float(cpu)
        w[4] += int(files)
    os.unlink(LOG)
    for pid, (first, last, busy, cpu, files) in workers.items():
        print(
            f"  worker {pid}: {files} files; first chunk at {first:.2f} s, last done at {last:.2f} s; "
            f"{busy:.2f} s in chunks, {cpu:.2f} s CPU"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
