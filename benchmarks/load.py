"""Bounded load test of the desk's HTTP API on loopback: N concurrent clients on ``GET /events``.

A synthetic store (records inserted directly, no text parsed) is built once in a temporary folder;
the server runs in its own process (``eventscope serve``), the clients in threads here. Each request
picks a filter set and a page at random, so the store is queried, not a cache. Prints p50/p99 latency,
throughput and the number of errors; writes bench-results/load.json. Exit code 1 on any error.

    .venv/bin/python benchmarks/load.py [--events 50000] [--clients 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from eventscope.api.synthetic import build_store

QUERIES = [
    {},
    {"type": "ASSAULT"},
    {"country": "IRQ"},
    {"family": "material_conflict", "sort": "-mentions"},
    {"actor": "forces", "sort": "confidence"},
    {"since": "2024-02-01", "until": "2024-03-01"},
    {"bbox": "40,25,50,35"},
    {"min_confidence": "0.8", "modality": "asserted"},
    {"q": "attacked", "limit": "20"},
    {"near": "16.3,-0.04,80", "sort": "-date"},
    {"recipient_country": "POL", "min_mentions": "2"},
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), to report server CPU per request on a busy machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _client(url: str, stop_at: float, seed: int, latencies: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=30) as http:
        while time.monotonic() < stop_at:
            params = dict(rng.choice(QUERIES))
            params.setdefault("limit", "50")
            started = time.perf_counter()
            try:
                response = http.get("/events", params=params)
                ok = response.status_code == 200 and "total" in response.json()
                if ok and rng.random() < 0.3 and response.json()["next_cursor"]:  # follow a page sometimes
                    response = http.get("/events", params={**params, "cursor": response.json()["next_cursor"]})
                    ok = response.status_code == 200
                if not ok:
                    errors.append(f"{response.status_code} {response.text[:200]}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
            latencies.append(time.perf_counter() - started)


def run(events: int, clients: int, seconds: float, store: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = store or Path(tmp) / "load.duckdb"
        if not path.exists():
            started = time.perf_counter()
            documents = build_store(str(path), events)
            took = time.perf_counter() - started
            print(f"built {path.name}: {events} events in {documents} documents ({took:.1f} s)", file=sys.stderr)
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "eventscope.cli", "serve", "--db", str(path), "--port", str(port)],
            env={**os.environ, "EVENTSCOPE_TOKEN": ""},
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(url + "/ontology", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("server did not start")
                time.sleep(0.2)
            latencies: list[float] = []
            errors: list[str] = []
            stop_at = time.monotonic() + seconds
            threads = [
                threading.Thread(target=_client, args=(url, stop_at, i, latencies, errors)) for i in range(clients)
            ]
            cpu_before = _cpu_seconds(server.pid)
            wall = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - wall
            cpu_after = _cpu_seconds(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    ordered = sorted(latencies)
    result = {
        "events": events,
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "throughput_rps": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "cpus": os.cpu_count(),
        "first_errors": errors[:3],
        "server_cpu_ms_per_request": round((cpu_after - cpu_before) / len(latencies) * 1000, 1)
        if cpu_before is not None and cpu_after is not None and latencies
        else None,
        "load_average": os.getloadavg()[0],
    }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--store", type=Path, help="reuse (or create) this synthetic store file")
    parser.add_argument("--out", type=Path, default=Path("bench-results/load.json"))
    args = parser.parse_args()
    result = run(args.events, args.clients, args.seconds, args.store)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"GET /events, {result['events']} events, {result['clients']} clients, {result['seconds']} s: "
        f"{result['requests']} requests, {result['throughput_rps']} req/s, p50 {result['p50_ms']} ms, "
        f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms, errors {result['errors']}; server CPU "
        f"{result['server_cpu_ms_per_request']} ms/request; load average {result['load_average']:.1f} "
        f"on {result['cpus']} CPUs"
    )
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
