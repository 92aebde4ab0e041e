"""`newslint serve` under load, on loopback: /v2/check latency for a 1,500-word story, requests
per second at 50 concurrent clients, nothing dropped, and the server's memory over 10,000
requests.

    python benchmarks/serve_bench.py              # about two minutes; --workers 1 for one process
    python benchmarks/serve_bench.py --quick      # 5 s of load, 1,000 requests for memory

Starts `newslint serve` on a free loopback port and drives it from a second process: an asyncio
client on raw keep-alive connections, light enough that the server, not the client, is what is
measured. Every loop is bounded in time and in count. Stories are made of ../shared/corpus bbc
stories joined to 1,500 words when the corpus is there (never written anywhere), else of the
project's example draft repeated. Each story starts at a different corpus story, so every
request is a story the server has not seen until the corpus runs out (2,225 bbc stories); the
server keeps no results, so a repeat costs what a new story costs.

The machine is shared, so each figure is printed with the load average beside it, and with two
CPU-time figures that load does not move much: the server's CPU time per request (its processes'
user and system time over the requests answered), and the CPU time the same stories take to lint
in this process with no server around them. Their difference is what the server adds.

Targets (issue 14): p95 under 50 ms, at least 100 requests/s at 50 clients on a 2-core machine,
no request dropped, memory flat over 10,000 requests.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = next(
    (p / "shared" / "corpus" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "corpus",
)
STORY_WORDS = 1500


def corpus_texts() -> list[str]:
    path = CORPUS / "bbc.jsonl.gz"
    if not path.exists():
        return [(ROOT / "examples" / "draft.md").read_text(encoding="utf-8")]
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def stories(count: int) -> list[str]:
    """`count` stories of about 1,500 words each: story i is corpus stories i, i+1, ... joined
    and cut at 1,500 words, so they differ as far as the corpus allows."""
    texts = corpus_texts()
    out = []
    for n in range(count):
        i, parts, words = n, [], 0
        while words < STORY_WORDS:
            text = texts[i % len(texts)]
            i += 1
            parts.append(text)
            words += len(text.split())
        story = "\n\n".join(parts)
        cut = story.split(" ")
        out.append(" ".join(cut[:STORY_WORDS]) if len(story.split()) > STORY_WORDS else story)
    return out


def bodies(texts: list[str]) -> list[bytes]:
    return [urllib.parse.urlencode({"text": t, "language": "en-US"}).encode() for t in texts]


# -- the client: raw HTTP/1.1 keep-alive ---------------------------------------------------------------


async def _request(reader, writer, body: bytes) -> tuple[int, float | None]:
    """One /v2/check: its status, and the lint's CPU milliseconds as the server's Server-Timing
    header gives them (None from a server that does not say)."""
    writer.write(
        b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body) + body
    )
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, lint = 0, None
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"server-timing" and b"lint;dur=" in value:
            lint = float(value.split(b"lint;dur=")[1].split(b";")[0].split(b",")[0])
    await reader.readexactly(length)
    return status, lint


async def _load(port: int, payloads: list[bytes], clients: int, seconds: float, max_requests: int, first: int) -> dict:
    stop = time.monotonic() + seconds
    sent = 0
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    lint_ms: list[float] = []
    errors: list[str] = []

    async def client(n: int):
        nonlocal sent
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.monotonic() < stop and sent < max_requests:
                body = payloads[(first + sent) % len(payloads)]  # the next story: no two clients send the same one
                sent += 1
                started = time.perf_counter()
                try:
                    status, lint = await asyncio.wait_for(_request(reader, writer, body), 30)
                except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
                    errors.append(f"{e.__class__.__name__}: {e}")
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                latencies.append(time.perf_counter() - started)
                statuses[status] = statuses.get(status, 0) + 1
                if lint is not None:
                    lint_ms.append(lint)
        finally:
            writer.close()

    started = time.monotonic()
    await asyncio.gather(*(client(n) for n in range(clients)))
    return {
        "elapsed": time.monotonic() - started,
        "sent": sent,
        "statuses": statuses,
        "errors": errors[:5],
        "error_count": len(errors),
        "latencies": latencies,
        "lint_ms": lint_ms,
    }


def _load_process(port, payloads, clients, seconds, max_requests, first, queue) -> None:
    queue.put(asyncio.run(_load(port, payloads, clients, seconds, max_requests, first)))


def load(port: int, payloads: list[bytes], clients: int, seconds: float, max_requests: int, first: int = 0) -> dict:
    """Run the load from a second process (the server's process is left alone to serve),
    sending payloads[first], payloads[first + 1], ... (wrapping round)."""
    queue = multiprocessing.get_context("spawn").Queue()
    process = multiprocessing.get_context("spawn").Process(
        target=_load_process, args=(port, payloads, clients, seconds, max_requests, first, queue)
    )
    process.start()
    result = queue.get(timeout=seconds + 120)
    process.join(30)
    return result


def server_pids(pid: int) -> list[int]:
    """The server's process and its workers'."""
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            pids += [int(p) for p in f.read().split()]
    except OSError:
        pass
    return pids


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of the server's processes so far."""
    total = 0
    for p in server_pids(pid):
        with open(f"/proc/{p}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    return total / os.sysconf("SC_CLK_TCK")


def lint_cpu_ms(texts: list[str]) -> float:
    """CPU milliseconds per story to lint `texts` here, as the server lints a /v2/check with
    language=en-US (the same configuration, profile and rules), with no HTTP around it."""
    sys.path.insert(0, str(ROOT))
    from newslint.config import load_config
    from newslint.serve.service import Service

    linter = Service({"default": load_config(ROOT / "-")}).linter(None, "ap", grammar=False)
    for text in texts[:5]:  # warm-up: first-use caches, as the server's first requests fill them
        linter.lint_text(text, "<text>", "text")
    started = time.process_time()
    for text in texts:
        linter.lint_text(text, "<text>", "text")
    return (time.process_time() - started) / len(texts) * 1000


def load_note() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def rss_mb(pid: int) -> float:
    """Resident memory of the server: its process and its workers'."""
    total = 0.0
    for p in server_pids(pid):
        with open(f"/proc/{p}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 s of load and 1,000 requests for memory")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--memory-requests", type=int, default=10_000)
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="newslint serve --workers (default: 2, one per core of the 2-core target machine)",
    )
    parser.add_argument("--serve-arg", action="append", default=[], help="one more argument for newslint serve")
    args = parser.parse_args()
    seconds = 5.0 if args.quick else args.seconds
    memory_requests = 1_000 if args.quick else args.memory_requests

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newslint",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            *args.serve_arg,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/v2/languages", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        texts = stories(len(corpus_texts()))
        payloads = bodies(texts)
        words = statistics.mean(len(t.split()) for t in texts)
        print(
            f"newslint serve --workers {args.workers} {' '.join(args.serve_arg)} on {url}: {len(texts):,} different "
            f"stories of {words:,.0f} words on average "
            f"({'bbc corpus' if (CORPUS / 'bbc.jsonl.gz').exists() else 'the example draft'}), each request the next "
            f"one; {os.cpu_count()} cores, {load_note()}"
        )
        # Lint-only CPU before and after the load, on stories the server is not sent before the
        # memory run: CPU time per unit of work drifts with what else shares the cores.
        lint_before = lint_cpu_ms(texts[-60:])
        print(f"lint only, in this process: {lint_before:.1f} ms of CPU per story ({load_note()})")

        def cpu_line(cpu: float, run: dict) -> str:
            """The server's CPU per request, and the lint's part of it: as the server timed each
            lint (Server-Timing), else as this process timed the same stories."""
            answered = len(run["latencies"])
            per = cpu / max(answered, 1) * 1000
            if run["lint_ms"]:
                lint = statistics.mean(run["lint_ms"])
                source = f"timed in the server; p95 {percentile(run['lint_ms'], 0.95):.1f} ms"
            else:
                lint, source = lint_ms, "timed here"
            return (
                f"server CPU {per:.1f} ms per request, lint {lint:.1f} ms of it ({source}): "
                f"the server adds {per - lint:.1f} ms ({(per - lint) / per:.0%})"
            )

        # 1. Latency, one request at a time (after a warm-up).
        done = load(port, payloads, 1, 5.0, 20)["sent"]
        cpu = cpu_seconds(server.pid)
        serial = load(port, payloads, 1, 60.0, 300, done)
        cpu = serial_cpu = cpu_seconds(server.pid) - cpu
        done += serial["sent"]
        lat = serial["latencies"]
        print(
            f"/v2/check latency, one client, {len(lat)} requests: median {statistics.median(lat) * 1000:.1f} ms, "
            f"p95 {percentile(lat, 0.95) * 1000:.1f} ms (target: p95 under 50 ms); server CPU {cpu / len(lat) * 1000:.1f} ms per request; "
            f"{load_note()}"
        )

        # 2. Throughput at 50 concurrent clients.
        rss_before = rss_mb(server.pid)
        cpu = cpu_seconds(server.pid)
        result = load(port, payloads, args.clients, seconds, 100_000, done)
        cpu = cpu_seconds(server.pid) - cpu
        done += result["sent"]
        ok = result["statuses"].get(200, 0)
        rate = ok / result["elapsed"]
        lat = result["latencies"]
        dropped = result["sent"] - ok
        print(
            f"{args.clients} concurrent clients for {result['elapsed']:.1f} s: {ok:,} answered 200, "
            f"{rate:.0f} requests/s (target: at least 100), dropped or failed: {dropped} "
            f"(statuses {result['statuses']}, errors {result['error_count']} {result['errors']}); "
            f"latency under load median {statistics.median(lat) * 1000:.0f} ms, p95 {percentile(lat, 0.95) * 1000:.0f} ms; "
            f"server CPU {cpu / max(ok, 1) * 1000:.1f} ms per request; {load_note()}"
        )

        lint_after = lint_cpu_ms(texts[-60:])
        lint_ms = (lint_before + lint_after) / 2
        print(f"lint only, again: {lint_after:.1f} ms of CPU per story ({load_note()})")
        print(f"  one client: {cpu_line(serial_cpu, serial)}")
        print(f"  {args.clients} clients: {cpu_line(cpu, result)}")
        print(
            f"  at {cpu / max(ok, 1) * 1000:.1f} ms of CPU per request, {os.cpu_count()} cores with nothing else "
            f"to do could answer at most {os.cpu_count() / (cpu / max(ok, 1)):.0f} requests/s; lint alone allows "
            f"{os.cpu_count() / statistics.mean(result['lint_ms'] or [lint_ms]) * 1000:.0f}"
        )

        # 3. Memory over `memory_requests` requests in all (10,000 by default).
        samples = [(done, rss_mb(server.pid))]
        while done < memory_requests:
            batch = load(port, payloads, args.clients, 120.0, min(1_000, memory_requests - done), done)
            done += batch["sent"]
            dropped += batch["sent"] - batch["statuses"].get(200, 0)
            samples.append((done, rss_mb(server.pid)))
        print(
            f"server memory (RSS): {rss_before:.1f} MB before the load; "
            + ", ".join(f"{mb:.1f} MB after {n:,}" for n, mb in samples)
            + f" requests; {dropped} dropped in all; {load_note()}"
        )
        return 0 if dropped == 0 else 1
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
