"""`newslint serve` under load, on loopback: /v2/check latency for a 1,500-word story, requests
per second at 50 concurrent clients, nothing dropped, and the server's memory over 10,000
requests.

    python benchmarks/serve_bench.py              # about two minutes; --workers 1 for one process
    python benchmarks/serve_bench.py --quick      # 5 s of load, 1,000 requests for memory

Starts `newslint serve` on a free loopback port (or uses --url), and drives it from a second
process: an asyncio client on raw keep-alive connections, light enough that the server, not
the client, is what is measured. Every loop is bounded in time and in count. Stories are made
of ../shared/corpus bbc stories joined to 1,500 words when the corpus is there (never written
anywhere), else of the project's example draft repeated.

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


def stories(count: int) -> list[str]:
    """`count` stories of about 1,500 words each (different ones where the corpus allows)."""
    texts = []
    path = CORPUS / "bbc.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                texts.append(json.loads(line)["text"])
                if len(texts) >= count * 6:
                    break
    if not texts:
        texts = [(ROOT / "examples" / "draft.md").read_text(encoding="utf-8")]
    out, i = [], 0
    while len(out) < count:
        parts, words = [], 0
        while words < STORY_WORDS:
            text = texts[i % len(texts)]
            i += 1
            parts.append(text)
            words += len(text.split())
        story = " ".join("\n\n".join(parts).split(" ")[: STORY_WORDS * 2])  # about 1,500 words, cut at a word
        out.append(" ".join(story.split(" ")[:STORY_WORDS]) if len(story.split()) > STORY_WORDS else story)
    return out


def bodies(texts: list[str]) -> list[bytes]:
    return [urllib.parse.urlencode({"text": t, "language": "en-US"}).encode() for t in texts]


# -- the client: raw HTTP/1.1 keep-alive ---------------------------------------------------------------


async def _request(reader, writer, body: bytes) -> int:
    writer.write(
        b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body) + body
    )
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def _load(port: int, payloads: list[bytes], clients: int, seconds: float, max_requests: int) -> dict:
    stop = time.monotonic() + seconds
    sent = 0
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    errors: list[str] = []

    async def client(n: int):
        nonlocal sent
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.monotonic() < stop and sent < max_requests:
                body = payloads[(sent + n) % len(payloads)]
                sent += 1
                started = time.perf_counter()
                try:
                    status = await asyncio.wait_for(_request(reader, writer, body), 30)
                except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
                    errors.append(f"{e.__class__.__name__}: {e}")
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                latencies.append(time.perf_counter() - started)
                statuses[status] = statuses.get(status, 0) + 1
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
    }


def _load_process(port, payloads, clients, seconds, max_requests, queue) -> None:
    queue.put(asyncio.run(_load(port, payloads, clients, seconds, max_requests)))


def load(port: int, payloads: list[bytes], clients: int, seconds: float, max_requests: int) -> dict:
    """Run the load from a second process (the server's process is left alone to serve)."""
    queue = multiprocessing.get_context("spawn").Queue()
    process = multiprocessing.get_context("spawn").Process(
        target=_load_process, args=(port, payloads, clients, seconds, max_requests, queue)
    )
    process.start()
    result = queue.get(timeout=seconds + 120)
    process.join(30)
    return result


def rss_mb(pid: int) -> float:
    """Resident memory of the server: its process and its workers'."""
    total = 0.0
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            pids += [int(p) for p in f.read().split()]
    except OSError:
        pass
    for p in pids:
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
    args = parser.parse_args()
    seconds = 5.0 if args.quick else args.seconds
    memory_requests = 1_000 if args.quick else args.memory_requests

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newslint", "serve", "--port", str(port), "--workers", str(args.workers)],
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
        texts = stories(50)
        payloads = bodies(texts)
        words = statistics.mean(len(t.split()) for t in texts)
        print(
            f"newslint serve --workers {args.workers} on {url}: {len(texts)} stories of {words:,.0f} words on average "
            f"({'bbc corpus' if (CORPUS / 'bbc.jsonl.gz').exists() else 'the example draft'}); "
            f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores"
        )

        # 1. Latency, one request at a time (after a warm-up).
        serial = load(port, payloads, 1, 5.0, 20)
        serial = load(port, payloads, 1, 60.0, 300)
        lat = serial["latencies"]
        print(
            f"/v2/check latency, one client, {len(lat)} requests: median {statistics.median(lat) * 1000:.1f} ms, "
            f"p95 {percentile(lat, 0.95) * 1000:.1f} ms (target: p95 under 50 ms)"
        )

        # 2. Throughput at 50 concurrent clients.
        rss_before = rss_mb(server.pid)
        result = load(port, payloads, args.clients, seconds, 100_000)
        ok = result["statuses"].get(200, 0)
        rate = ok / result["elapsed"]
        lat = result["latencies"]
        dropped = result["sent"] - ok
        print(
            f"{args.clients} concurrent clients for {result['elapsed']:.1f} s: {ok:,} answered 200, "
            f"{rate:.0f} requests/s (target: at least 100), dropped or failed: {dropped} "
            f"(statuses {result['statuses']}, errors {result['error_count']} {result['errors']}); "
            f"latency under load median {statistics.median(lat) * 1000:.0f} ms, p95 {percentile(lat, 0.95) * 1000:.0f} ms"
        )

        # 3. Memory over `memory_requests` requests in all (10,000 by default).
        done = serial["sent"] + result["sent"]
        samples = [(done, rss_mb(server.pid))]
        while done < memory_requests:
            batch = load(port, payloads, args.clients, 120.0, min(1_000, memory_requests - done))
            done += batch["sent"]
            dropped += batch["sent"] - batch["statuses"].get(200, 0)
            samples.append((done, rss_mb(server.pid)))
        print(
            f"server memory (RSS): {rss_before:.1f} MB before the load; "
            + ", ".join(f"{mb:.1f} MB after {n:,}" for n, mb in samples)
            + f" requests; {dropped} dropped in all"
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
