#!/usr/bin/env python3
"""Soak test of `sekisho serve` (issue 21 §6): a bounded run of mixed good requests with a list
re-imported every minute and hostile requests mixed in. Not part of CI.

Starts `sekisho serve` on 127.0.0.1 over a temporary home holding the UN list and OFAC SDN
(from ../shared/data), then for --minutes (30):
  - good clients (--clients, each on its own keep-alive connection) send --rate requests a
    second in all, spread over POST /v1/screen, POST /match/default, GET /v1/search,
    POST /v1/transfers/check (golden cases, ?screen=false), GET /v1/lists and GET /healthz;
  - once a minute the UN list is re-imported through POST /v1/lists/{id}/import, alternating
    two published versions, so every minute builds and swaps in a new snapshot;
  - hostile clients mix in: a slow client trickling a request head, an oversized body
    (over --max-body), a name far over the screening bounds, a body that is not JSON, and
    a client that sends half a body and goes quiet.
A good request fails when it gets no answer, a status other than 200, or a body that is not the
route's JSON. Each hostile request must get its refusal (413, 400) or be disconnected, and the
server must keep answering.

Every minute it records per route the good requests, failures, p50 and p99 latency, the
server's RSS (VmRSS of /proc/PID/status) and the snapshot generation. At the end it prints the
table and a summary: failed good requests (the goal: 0), RSS in the first and last minute and
its slope (least squares over the minutes, after the first, which holds the warm-up), and
exits 1 if any good request failed or the server died. --json FILE writes the figures.

  nice -n 5 bench/soak.py [--minutes 30] [--rate 40] [--clients 4] [--period 60]

--period S makes each "minute" S seconds long (a reload and a sample every S s; --minutes counts
them): a short run with as many reloads as the long one, to look into memory without waiting.
  SEKISHO_BIN=path/to/sekisho to measure another build; build first with scripts/build.
"""
import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SEKISHO_SHARED_DATA", REPO.parent / "shared" / "data"))
UN_FILES = [DATA / "un" / "consolidated_2025-04-19.xml", DATA / "un" / "consolidated_2026-02-27.xml"]
GOLDEN = ["case04_helmets_to_ukraine_allowed.json", "case04b_rifles_to_ukraine_denied.json",
          "case08_eccn_3a001_to_china.json"]
NAMES = ["Jimmy Cherizier", "Gina Hubbard", "Ivan Petrov", "Kim Jong Un", "Vladimir Putin", "Ali Hassan",
         "Banco Nacional de Cuba", "Acme Trading LLC", "ウラジーミル・プーチン", "Сергей Лавров", "Mohammed Ali",
         "Ocean Star Shipping"]
ROUTES = ["screen", "match", "search", "transfer", "lists", "healthz"]
WEIGHTS = [30, 20, 20, 10, 10, 10]
TIMEOUT = 30  # a good request slower than this has failed


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


class Minute:
    """What one minute of the run saw."""

    def __init__(self):
        self.latency = {r: [] for r in ROUTES}
        self.failed = {r: 0 for r in ROUTES}
        self.hostile = {"answered": 0, "unexpected": 0}
        self.rss_kib = None
        self.generation = None
        self.reload = ""


class Soak:
    def __init__(self, args, port, key, pid):
        self.args, self.port, self.key, self.pid = args, port, key, pid
        self.lock = threading.Lock()
        self.minutes = [Minute()]
        self.stop = threading.Event()
        self.failures = []  # the first few, for the report
        self.golden = [(REPO / "tests" / "rules" / "golden" / g).read_bytes() for g in GOLDEN]

    def current(self):
        return self.minutes[-1]

    def note_failure(self, route, what):
        with self.lock:
            self.current().failed[route] += 1
            if len(self.failures) < 10:
                self.failures.append(f"{time.strftime('%H:%M:%S')} {route}: {what}")

    # --- good requests -------------------------------------------------------------------
    def request(self, route, rng):
        headers = {"Authorization": "Bearer " + self.key}
        name = rng.choice(NAMES)
        if route == "screen":
            body = {"parties": [{"id": "p1", "name": name}, {"id": "p2", "name": rng.choice(NAMES)}]}
            return "POST", "/v1/screen", json.dumps(body), headers, "results"
        if route == "match":
            body = {"queries": {"q1": {"schema": "Person", "properties": {"name": [name]}}}}
            return "POST", "/match/default", json.dumps(body), headers, "responses"
        if route == "search":
            return "GET", "/v1/search?q=" + urllib.parse.quote(name), None, headers, "matches"
        if route == "transfer":
            return "POST", "/v1/transfers/check?screen=false", rng.choice(self.golden), headers, "decision"
        if route == "lists":
            return "GET", "/v1/lists", None, headers, "lists"
        return "GET", "/healthz", None, {}, "status"

    def good_client(self, seed, interval):
        rng = random.Random(seed)
        conn = None
        next_at = time.monotonic() + rng.random() * interval
        while not self.stop.is_set():
            delay = next_at - time.monotonic()
            if delay > 0:
                self.stop.wait(delay)
                if self.stop.is_set():
                    break
            next_at += interval  # a steady rate: a slow answer does not push the schedule back
            route = rng.choices(ROUTES, WEIGHTS)[0]
            method, path, body, headers, member = self.request(route, rng)
            if body is not None:
                headers = dict(headers, **{"Content-Type": "application/json"})
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                elapsed = time.perf_counter() - started
                if resp.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as e:
                if conn is not None:
                    conn.close()
                conn = None
                self.note_failure(route, f"{type(e).__name__}: {e}")
                continue
            if resp.status != 200:
                self.note_failure(route, f"HTTP {resp.status}: {data[:200]!r}")
                continue
            try:
                parsed = json.loads(data)
            except ValueError:
                self.note_failure(route, f"not JSON: {data[:200]!r}")
                continue
            if not isinstance(parsed, dict) or member not in parsed:
                self.note_failure(route, f"no '{member}': {data[:200]!r}")
                continue
            with self.lock:
                self.current().latency[route].append(elapsed)

    # --- hostile requests ----------------------------------------------------------------
    def raw(self, payload, expect, trickle=None, read_timeout=40):
        """Sends bytes on a new connection; returns True when the answer starts with one of `expect`
        (or, for None in `expect`, when the server closed the connection)."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=read_timeout) as s:
                if trickle:
                    for b in payload:
                        if self.stop.is_set():
                            return True
                        s.sendall(bytes([b]))
                        time.sleep(trickle)
                else:
                    s.sendall(payload)
                data = b""
                while len(data) < 16:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    data += chunk
        except (ConnectionResetError, BrokenPipeError):
            return None in expect
        except OSError:
            return False
        if not data:
            return None in expect
        return any(e is not None and data.startswith(e) for e in expect)

    def post(self, path, body, content_type="application/json"):
        head = (f"POST {path} HTTP/1.1\r\nHost: soak\r\nAuthorization: Bearer {self.key}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n")
        return head.encode() + body

    def hostile_client(self, seed):
        rng = random.Random(seed)
        kinds = ["oversized", "huge_name", "bad_json", "half_body", "slow_head"]
        while not self.stop.is_set():
            kind = rng.choice(kinds)
            if kind == "oversized":
                ok = self.raw(self.post("/v1/screen", b"x" * (self.args.max_body + 1)), [b"HTTP/1.1 413", None])
            elif kind == "huge_name":
                body = json.dumps({"name": "Ivan " * 60000}).encode()
                ok = self.raw(self.post("/v1/screen", body), [b"HTTP/1.1 400", b"HTTP/1.1 413"])
            elif kind == "bad_json":
                ok = self.raw(self.post("/v1/screen", b'{"name": "Ivan Petrov",'), [b"HTTP/1.1 400"])
            elif kind == "half_body":
                # Says 1000 bytes, sends 10, then nothing: the body deadline must end it.
                req = self.post("/v1/screen", b"x" * 1000)
                ok = self.raw(req[: len(req) - 990], [None, b"HTTP/1.1 408", b"HTTP/1.1 400"])
            else:
                # A request head at a byte every 0.2 s: the header deadline must end it.
                head = b"GET /healthz HTTP/1.1\r\nHost: soak\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
                ok = self.raw(head, [None, b"HTTP/1.1 408", b"HTTP/1.1 200"], trickle=0.2)
            with self.lock:
                self.current().hostile["answered" if ok else "unexpected"] += 1
            self.stop.wait(rng.uniform(0.5, 2.0))

    # --- list reloads ----------------------------------------------------------------------
    def reimport(self, which):
        # The store holds the newer file first: the older one, then each in turn, is a new version.
        path = UN_FILES[which % len(UN_FILES)]
        boundary = "soakboundary"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.name}\"\r\n"
                f"Content-Type: application/xml\r\n\r\n").encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            conn.request("POST", "/v1/lists/un_sc_sanctions/import?format=un-xml&allow_shrink=true", body=body,
                         headers={"Authorization": "Bearer " + self.key,
                                  "Content-Type": f"multipart/form-data; boundary={boundary}"})
            resp = conn.getresponse()
            data = resp.read()
            return f"{resp.status}" if resp.status in (200, 201) else f"{resp.status} {data[:120]!r}"
        except (OSError, http.client.HTTPException) as e:
            return f"{type(e).__name__}: {e}"
        finally:
            conn.close()

    def generation(self):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            conn.request("GET", "/readyz")
            data = json.loads(conn.getresponse().read())
            conn.close()
            return data.get("generation")
        except (OSError, ValueError, http.client.HTTPException):
            return None

    def run(self):
        interval = self.args.clients / self.args.rate
        threads = [threading.Thread(target=self.good_client, args=(i, interval), daemon=True)
                   for i in range(self.args.clients)]
        threads += [threading.Thread(target=self.hostile_client, args=(100 + i,), daemon=True)
                    for i in range(self.args.hostile)]
        for t in threads:
            t.start()
        start = time.monotonic()
        for minute in range(self.args.minutes):
            # The reload first, so each minute holds a snapshot build.
            outcome = self.reimport(minute)
            with self.lock:
                self.current().reload = outcome
            self.stop.wait(max(0.0, start + self.args.period * (minute + 1) - time.monotonic()))
            with self.lock:
                done = self.current()
                done.rss_kib = rss_kib(self.pid)
                done.generation = self.generation()
                if minute + 1 < self.args.minutes:
                    self.minutes.append(Minute())
            self.print_minute(minute + 1, done)
            if done.rss_kib is None:
                print("the server is gone", flush=True)
                break
        self.stop.set()
        for t in threads:
            t.join(timeout=60)

    @staticmethod
    def pct(times, q):
        if not times:
            return float("nan")
        times = sorted(times)
        return times[min(len(times) - 1, int(q * len(times)))] * 1000

    def print_minute(self, n, m):
        if n == 1:
            print("min  good  failed  " + "  ".join(f"{r + ' p50/p99 ms':>22}" for r in ROUTES)
                  + "  rss_mib  gen  hostile ok/unexpected  reload", flush=True)
        good = sum(len(v) for v in m.latency.values())
        failed = sum(m.failed.values())
        cells = "  ".join(f"{self.pct(m.latency[r], .5):10.1f}/{self.pct(m.latency[r], .99):<11.1f}" for r in ROUTES)
        rss = f"{m.rss_kib / 1024:7.1f}" if m.rss_kib else "      -"
        print(f"{n:3d}  {good:4d}  {failed:6d}  {cells}  {rss}  {m.generation!s:>3}  "
              f"{m.hostile['answered']:5d}/{m.hostile['unexpected']:<5d}          {m.reload}", flush=True)

    def summary(self):
        mins = [m for m in self.minutes if m.rss_kib]
        good = sum(len(v) for m in self.minutes for v in m.latency.values())
        failed = sum(sum(m.failed.values()) for m in self.minutes)
        hostile_ok = sum(m.hostile["answered"] for m in self.minutes)
        hostile_bad = sum(m.hostile["unexpected"] for m in self.minutes)
        rss = [m.rss_kib / 1024 for m in mins]
        # Slope over the minutes after the first: the first holds the warm-up (caches, arenas).
        tail = list(enumerate(rss))[1:]
        slope = float("nan")
        if len(tail) >= 2:
            xs, ys = [x for x, _ in tail], [y for _, y in tail]
            mx, my = statistics.fmean(xs), statistics.fmean(ys)
            slope = sum((x - mx) * (y - my) for x, y in tail) / sum((x - mx) ** 2 for x in xs)
        out = {
            "minutes": len(self.minutes), "period_seconds": self.args.period, "good_requests": good, "failed_good_requests": failed,
            "hostile_answered": hostile_ok, "hostile_unexpected": hostile_bad,
            "rss_mib_first_minute": rss[0] if rss else None, "rss_mib_last_minute": rss[-1] if rss else None,
            "rss_mib_max": max(rss) if rss else None, "rss_slope_mib_per_minute": slope,
            "generations": [m.generation for m in self.minutes],
            "per_route_median_of_minutes": {
                r: {"p50_ms": statistics.median([self.pct(m.latency[r], .5) for m in self.minutes if m.latency[r]] or [float("nan")]),
                    "p99_ms": statistics.median([self.pct(m.latency[r], .99) for m in self.minutes if m.latency[r]] or [float("nan")])}
                for r in ROUTES},
            "first_failures": self.failures,
        }
        print()
        print(f"good requests: {good}, failed: {failed}")
        print(f"hostile requests refused or cut off as expected: {hostile_ok}, otherwise: {hostile_bad}")
        if rss:
            print(f"RSS first minute {rss[0]:.1f} MiB, last minute {rss[-1]:.1f} MiB, max {max(rss):.1f} MiB, "
                  f"slope after the first minute {slope:+.2f} MiB/minute")
        print("per route, median over the minutes of p50 / p99 (ms):")
        for r, v in out["per_route_median_of_minutes"].items():
            print(f"  {r:9s} {v['p50_ms']:8.1f} / {v['p99_ms']:8.1f}")
        for f in self.failures:
            print("  failure:", f)
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=int, default=30)
    ap.add_argument("--rate", type=float, default=40, help="good requests per second, in all")
    ap.add_argument("--clients", type=int, default=4, help="good clients, one connection each")
    ap.add_argument("--hostile", type=int, default=2, help="hostile clients")
    ap.add_argument("--max-body", type=int, default=1 << 20, help="the server's --max-body (bytes)")
    ap.add_argument("--period", type=float, default=60,
                    help="seconds between reloads and samples (a 'minute' of the report)")
    ap.add_argument("--json", help="write the summary figures to this file")
    args = ap.parse_args()
    binary = os.environ.get("SEKISHO_BIN", str(REPO / "build" / "sekisho"))
    for f in UN_FILES + [DATA / "ofac"]:
        if not f.exists():
            sys.exit(f"missing {f} (SEKISHO_SHARED_DATA)")

    tmp = Path(tempfile.mkdtemp(prefix="sekisho-soak-"))
    server = None
    try:
        home = tmp / "home"
        print(f"importing OFAC SDN and UN into {home} ...", flush=True)
        subprocess.run([binary, "--home", str(home), "update", "--from", str(DATA), "--lists",
                        "us_ofac_sdn,un_sc_sanctions"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        key = subprocess.run([binary, "--home", str(home), "keys", "create", "--role", "admin", "--name", "soak"],
                             check=True, capture_output=True, text=True).stdout.strip()
        port = free_port()
        log = open(tmp / "serve.log", "w")
        server = subprocess.Popen([binary, "--home", str(home), "serve", "--listen", f"127.0.0.1:{port}",
                                   "--rate-limit", "0", "--poll", "3600", "--max-body", str(args.max_body),
                                   "--policies", str(REPO / "policies")], stdout=log, stderr=log)
        for _ in range(1200):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None:
                sys.exit("the server exited:\n" + (tmp / "serve.log").read_text())
            time.sleep(0.1)
        else:
            sys.exit("the server never became ready")
        print(f"serving on 127.0.0.1:{port} (pid {server.pid}); {args.minutes} periods of {args.period:g} s at {args.rate:g} good "
              f"requests/s on {args.clients} connections, {args.hostile} hostile clients", flush=True)
        soak = Soak(args, port, key, server.pid)
        soak.run()
        alive = server.poll() is None
        out = soak.summary()
        out["server_alive_at_end"] = alive
        log.flush()
        out["server_log_failures"] = [l for l in (tmp / "serve.log").read_text().splitlines() if "failed" in l][:10]
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=2))
        if not alive:
            print("the server died during the run")
        return 0 if alive and out["failed_good_requests"] == 0 else 1
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
