#!/usr/bin/env python3
"""Latency of GET /healthz with and without a slow-client attack (issue 21).

Starts `sekisho serve --no-auth` on 127.0.0.1 over an empty temporary home
and measures REQUESTS probes of /healthz, each on a new connection (as a load
balancer's health check makes them), first on a quiet server, then while
  - SLOW clients (from 127.0.0.2-9) trickle a request head a byte a second,
    reconnecting when the server drops them, and
  - IDLE clients (from 127.0.0.10 on) each make one keep-alive request and
    then hold their connection open.
Prints p50/p99/max per phase, failed probes, and the ratio attack/quiet.
Bounded: every probe times out after 5 s, each phase stops after --max-seconds
(probes not made by then count as failed) and the attack stops with the run.

  bench/healthz_attack.py [--requests 2000] [--slow 16] [--idle 2000]
  SEKISHO_BIN=path/to/sekisho to measure another build.
"""
import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time

HEALTHZ = b"GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"


def probe(port):
    """Seconds for one /healthz on a new connection, or None on failure."""
    started = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(HEALTHZ)
            data = b""
            while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return None
    if not data.startswith(b"HTTP/1.1 200"):
        return None
    return time.perf_counter() - started


def measure(port, n, max_seconds):
    times, failed = [], 0
    deadline = time.monotonic() + max_seconds
    for _ in range(n):
        if time.monotonic() > deadline:
            failed += 1  # not even tried: the server was too slow to get through them
            continue
        t = probe(port)
        if t is None:
            failed += 1
        else:
            times.append(t)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000 if times else float("nan")
    return {"p50": pick(0.50), "p99": pick(0.99), "max": times[-1] * 1000 if times else float("nan"), "failed": failed}


def connect_from(source, port):
    s = socket.socket()
    s.bind((source, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    return s


def slow_client(source, port, stop):
    head = b"GET /healthz HTTP/1.1\r\nHost: bench\r\nX-Slow: " + b"a" * 4000
    while not stop.is_set():
        s = None
        try:
            s = connect_from(source, port)
            for i in range(len(head)):
                if stop.wait(1.0):
                    break
                s.sendall(head[i:i + 1])
        except OSError:
            stop.wait(0.2)  # dropped: come back, as an attacker would
        finally:
            if s is not None:
                s.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--slow", type=int, default=16)
    ap.add_argument("--idle", type=int, default=2000)
    ap.add_argument("--max-seconds", type=float, default=60, help="per phase; probes not made by then count as failed")
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    binary = os.environ.get("SEKISHO_BIN", os.path.join(os.path.dirname(__file__), "..", "build", "sekisho"))
    with tempfile.TemporaryDirectory() as home:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([binary, "--home", home, "serve", "--no-auth", "--listen", f"127.0.0.1:{port}"],
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                if probe(port) is not None:
                    break
                time.sleep(0.05)
            quiet = measure(port, args.requests, args.max_seconds)

            stop = threading.Event()
            attackers = [threading.Thread(target=slow_client, args=(f"127.0.0.{2 + i % 8}", port, stop), daemon=True)
                         for i in range(args.slow)]
            for t in attackers:
                t.start()
            idle, idle_failed = [], 0
            idle_deadline = time.monotonic() + args.max_seconds
            for i in range(args.idle):
                if time.monotonic() > idle_deadline:
                    idle_failed += args.idle - i
                    break
                try:
                    s = connect_from(f"127.0.0.{10 + i % 200}", port)
                    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n")
                    s.recv(4096)
                    idle.append(s)
                except OSError:
                    idle_failed += 1
            time.sleep(1.0)  # the slow clients are all mid-head
            attacked = measure(port, args.requests, args.max_seconds)
            stop.set()
            for s in idle:
                s.close()
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"server: {binary}; {args.requests} probes per phase, each on a new connection")
    print(f"attack: {args.slow} clients trickling a byte a second, {args.idle} idle keep-alive connections"
          f" ({idle_failed} of them not served)")
    for name, r in (("quiet", quiet), ("attack", attacked)):
        print(f"{name:7s} p50={r['p50']:.2f} ms  p99={r['p99']:.2f} ms  max={r['max']:.2f} ms  failed={r['failed']}")
    print(f"ratio attack/quiet: p50 x{attacked['p50'] / quiet['p50']:.2f}  p99 x{attacked['p99'] / quiet['p99']:.2f}")


if __name__ == "__main__":
    sys.exit(main())
