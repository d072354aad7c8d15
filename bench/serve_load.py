#!/usr/bin/env python3
"""Load on `judge serve` (run through serve_load.sh): simulated learners submit
real solutions over the HTTP API (docs/api.md); we time submit-to-verdict next
to `judge check` of the same files. Printed apart: the IDLE server (one learner,
one file at a time; the issue's target is p50 server / p50 CLI <= 1.2) and the
LOADED one (LEARNERS threads submitting and thinking for DURATION seconds).
Each file is made unique (a trailing comment) so every check compiles for real;
both caches start empty and are warmed alike (prepare, then one untimed check
per problem), so neither side is timed building a reference the other has.
Exit 1 if a submission was lost or the server failed (crash, 5xx, refused
connection, bad exit on SIGTERM)."""
import glob, http.client, json, os, random, re, shutil, signal
import subprocess, sys, tempfile, threading, time

ENV = os.environ
LEARNERS = int(ENV.get("LEARNERS", "30"))
DURATION = float(ENV.get("DURATION", "120"))
WORKERS = int(ENV.get("WORKERS") or os.cpu_count() or 1)
SET = ENV.get("SET", "softmax-basics")  # empty: the room serves every problem
JUDGE = os.path.abspath(ENV.get("JUDGE", "build/judge"))
THINK_MIN = float(ENV.get("THINK_MIN", "5"))
THINK_MAX = float(ENV.get("THINK_MAX", "20"))
MODE = ENV.get("MODE", "all")  # all; idle: idle server + CLI only; load: no idle part
SAMPLE = int(ENV.get("SAMPLE", "10"))  # files of the idle part and of the CLI baseline
SEED = ENV.get("SEED", "1")  # which files are sampled and picked, so reruns compare
VERBOSE = ENV.get("VERBOSE", "") not in ("", "0")  # the idle part file by file
WAIT = 60  # the API's longest ?wait=

lock = threading.Lock()
failures = []  # the server's faults, one sentence each: any makes the exit status 1


def fail(sentence):
    with lock:
        failures.append(sentence)
    print("server problem: " + sentence, file=sys.stderr, flush=True)


def pct(values, p):  # nearest rank: of 10 samples, p95 is the largest (no interpolation)
    v = sorted(values)
    return v[min(len(v) - 1, max(0, -(-p * len(v) // 100) - 1))] if v else float("nan")


class Api:
    """One bearer token. A fresh connection per request: simple, and no learner
    thread ever waits behind another's connection."""

    def __init__(self, port, token):
        self.port, self.token = port, token

    def call(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT + 30)
        try:
            data = json.dumps(body).encode() if body is not None else None
            conn.request(method, path, data, {"Authorization": "Bearer " + self.token,
                                              "Content-Type": "application/json"})
            res = conn.getresponse()
            raw = res.read()
            doc = json.loads(raw) if raw else None
        except (OSError, http.client.HTTPException, ValueError) as e:  # refused, reset, not JSON
            fail(f"{method} {path}: {type(e).__name__}: {e}")
            return 0, None, None
        finally:
            conn.close()
        if res.status >= 500:
            fail(f"{method} {path} answered {res.status}: {raw[:200]!r}")
        return res.status, doc, res.getheader("Retry-After")


class Record:
    """What a measurement saw: client-side and server-side seconds, ids for the
    lost check, the busy window, and verdicts that contradict the file's kind."""

    def __init__(self):
        self.times, self.server, self.ids, self.wrong, self.status = [], [], [], [], []
        self.first, self.last, self.seen429 = None, None, 0

    def check(self, api, pid, kind, path, source):
        """Submit, retrying 429s after Retry-After, then long-poll until done."""
        while True:
            t0 = time.monotonic()
            status, doc, retry = api.call("POST", f"/api/v1/submissions?wait={WAIT}",
                                          {"problem": pid, "source": source})
            if status != 429:
                break
            with lock:
                self.seen429 += 1
            time.sleep(float(retry or 5))
        if status not in (200, 202) or not isinstance(doc, dict) or "id" not in doc:
            return fail(f"POST /api/v1/submissions answered {status}: {doc}")
        with lock:
            self.ids.append((api, doc["id"], source))
        while doc.get("state") != "done":
            sid = doc["id"]
            status, doc, _ = api.call("GET", f"/api/v1/submissions/{sid}?wait={WAIT}")
            if status != 200 or not isinstance(doc, dict):
                return fail(f"GET /api/v1/submissions/{sid} answered {status}: {doc}")
        t1, verdict = time.monotonic(), (doc.get("result") or {}).get("status")
        with lock:
            self.times.append(t1 - t0)
            self.server.append((doc["finished_ms"] - doc["created_ms"]) / 1000)
            self.status.append(verdict)
            self.first = min(self.first or t0, t0)
            self.last = max(self.last or t1, t1)
            if (verdict == "pass") != (kind == "correct"):  # correct files pass; traps do not
                self.wrong.append(f"{path}: {verdict}")


def start_server(work, name):
    """A fresh cache (prepared before anything is timed) and a fresh data dir."""
    env = dict(ENV, JUDGE_CACHE_DIR=os.path.join(work, name + "-cache"))
    subprocess.run([JUDGE, "prepare"], env=env, check=True, stdout=subprocess.DEVNULL)
    cmd = [JUDGE, "serve", "--host", "127.0.0.1", "--port", "0", "--data",
           os.path.join(work, name + "-data"), "--workers", str(WORKERS)]
    cmd += ["--set", SET] if SET else []
    err = open(os.path.join(work, name + "-serve.err"), "w+")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
    port = token = None
    for line in proc.stdout:  # the banner; stdout is drained after it so the server never blocks
        if m := re.match(r"Room:\s+http://127\.0\.0\.1:(\d+)/", line):
            port = int(m.group(1))
        if m := re.match(r"Organiser:\s+http://\S+/join/(\S+)", line):
            token = m.group(1)
            break
    if port is None or token is None:
        proc.wait(10)
        sys.exit(f"judge serve did not start (exit {proc.returncode}):\n" + open(err.name).read())
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    return proc, port, token, err.name


def stop_server(proc, err_path):
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = "nothing: still running 60 s after SIGTERM, killed"
    if rc != 0:
        fail(f"judge serve exited with {rc} after SIGTERM")
    noise = [l for l in open(err_path).read().splitlines() if "stopping;" not in l]
    if noise:
        print("judge serve stderr:\n  " + "\n  ".join(noise[:20]), file=sys.stderr)


def unique(path, who, n):  # a new source each time, so no cache can answer
    with open(path) as f:
        return f.read() + f"\n// {who}, check {n}, {time.time_ns()}\n"


def add_learners(org, names):
    status, doc, _ = org.call("POST", "/api/v1/learners", {"names": names})
    if status != 201:
        sys.exit(f"POST /api/v1/learners answered {status}: {doc}")
    return [(l["name"], l["token"]) for l in doc["learners"]]


def one_learner(port, org, name, files, cli=None):
    """One learner, one file after another, no thinking: the warm-up and the idle
    part. With `cli`, each file is also checked by `judge check` right after the
    server's verdict, so both see the same background load of the machine."""
    (name, token), = add_learners(org, [name])
    api, rec, cli_runs = Api(port, token), Record(), []
    for i, (pid, kind, path) in enumerate(files):
        rec.check(api, pid, kind, path, unique(path, name, i))
        if cli:
            cli_runs.append(cli.check(pid, unique(path, "cli-" + name, i)))
    return rec, cli_runs


def load_part(port, org, pool):
    learners = add_learners(org, [f"learner{i:02d}" for i in range(1, LEARNERS + 1)])
    rec, deadline = Record(), time.monotonic() + DURATION

    def learner(name, token, rng):
        try:
            api, n = Api(port, token), 0
            time.sleep(rng.uniform(0, THINK_MAX))  # a room does not all press Check at once
            while time.monotonic() < deadline:
                pid, kind, path = rng.choice(pool)
                n += 1
                rec.check(api, pid, kind, path, unique(path, name, n))
                time.sleep(rng.uniform(THINK_MIN, THINK_MAX))
        except Exception as e:  # a dead thread would silently shrink the load
            fail(f"{name}: {type(e).__name__}: {e}")

    threads = [threading.Thread(target=learner, args=(n, t, random.Random(f"{SEED}-{n}")),
                                daemon=True)  # Ctrl-C ends the run, not 30 orphans
               for n, t in learners]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return rec


def lost(ids):
    """From the store's side: every id we were given is done with a result and
    the source as sent, and each learner's list holds exactly the ids they got."""
    missing, per_learner = [], {}
    for api, sid, source in ids:
        per_learner.setdefault(api, set()).add(sid)
        status, doc, _ = api.call("GET", f"/api/v1/submissions/{sid}")
        if status != 200 or doc.get("state") != "done" or doc.get("source") != source or \
                (doc.get("result") or {}).get("status") not in ("pass", "fail", "error"):
            missing.append(f"{sid}: {status} {str(doc)[:120]}")
    for api, sids in per_learner.items():
        status, doc, _ = api.call("GET", "/api/v1/submissions")
        listed = {s["id"] for s in (doc or {}).get("submissions", [])}
        if status != 200 or listed != sids:
            missing.append(f"the list of a learner: {status}, {sorted(listed ^ sids)} differ")
    return missing


class Cli:
    """`judge check --format json`, with a fresh cache set up as the server's."""

    def __init__(self, work):
        self.work, self.n = work, 0
        self.env = dict(ENV, JUDGE_CACHE_DIR=os.path.join(work, "cli-cache"))
        subprocess.run([JUDGE, "prepare"], env=self.env, check=True, stdout=subprocess.DEVNULL)

    def check(self, pid, source):
        """Seconds of wall clock and the result's status."""
        self.n += 1
        path = os.path.join(self.work, f"cli-{self.n}-{pid}.cpp")
        with open(path, "w") as out:
            out.write(source)
        t0 = time.monotonic()
        out = subprocess.run([JUDGE, "check", pid, "--file", path, "--format", "json"],
                             env=self.env, capture_output=True, text=True).stdout
        seconds = time.monotonic() - t0
        try:
            return seconds, json.loads(out)["status"]
        except (ValueError, KeyError, TypeError):  # no document: a judge error, shown as None
            return seconds, None


def line(label, value):
    print(f"  {label:<36} {value}")


def server_side(rec):  # the store's created-to-finished, and what HTTP and waking add to it
    extra = [t - s for t, s in zip(rec.times, rec.server)]
    line("p50 server-side (created-finished)", f"{pct(rec.server, 50):.3f} s; "
         f"client minus server p50 {pct(extra, 50):.3f} s, max {max(extra, default=0):.3f} s")


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` stops the server
    work = tempfile.mkdtemp(prefix="serve_load.")
    proc = None
    try:
        proc, port, token, err = start_server(work, "room")
        return measure(work, proc, port, token, err)
    finally:  # never leave a server behind, even on Ctrl-C or a crash here
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def measure(work, proc, port, token, err):
    org = Api(port, token)
    status, doc, _ = org.call("GET", "/api/v1/problems")
    listed = [p["id"] for p in doc["problems"]] if status == 200 else []
    pool = [(pid, kind, path) for pid in listed for kind in ("correct", "wrong")
            for path in sorted(glob.glob(f"solutions/{pid}/{kind}/*.cpp"))]
    problems = [p for p in listed if (p, "correct") in {x[:2] for x in pool}]
    if not problems:
        sys.exit(f"no problem of the room (set '{SET}') has solutions/ID/correct files")
    pool = [x for x in pool if x[0] in problems]
    warmup = [next(x for x in pool if x[0] == p and x[1] == "correct") for p in problems]
    rng = random.Random(SEED)  # spread over the problems, correct and wrong files
    sample = [rng.choice([x for x in pool if x[0] == problems[i % len(problems)]])
              for i in range(SAMPLE)]

    t0 = time.monotonic()
    recs = [one_learner(port, org, "warm-up", warmup)[0]]
    cli = Cli(work)
    for i, (pid, kind, path) in enumerate(warmup):  # the same warm-up as the server's
        cli.check(pid, unique(path, "cli-warm-up", i))
    print(f"room: set {SET or 'all'}, {len(problems)} problems, {len(pool)} files, "
          f"{WORKERS} workers; warm-up (first check of each problem, server and CLI) "
          f"{time.monotonic() - t0:.1f} s", flush=True)
    idle, cli_runs = one_learner(port, org, "idle", sample, cli) if MODE != "load" else (None, [])
    load = load_part(port, org, pool) if MODE != "idle" else None
    if not cli_runs:  # MODE=load: the baseline after the load, the server idle again
        cli_runs = [cli.check(p, unique(path, "cli", i)) for i, (p, _, path) in enumerate(sample)]
    recs += [r for r in (idle, load) if r]
    ids = [i for r in recs for i in r.ids]
    missing = lost(ids)
    stop_server(proc, err)
    cli_s = [s for s, _ in cli_runs]
    cli50 = pct(cli_s, 50)

    print(f"CLI baseline: judge check --format json, {len(cli_s)} files, fresh warmed cache")
    line("p50 / p95", f"{cli50:.3f} s / {pct(cli_s, 95):.3f} s")
    if idle:
        p50 = pct(idle.times, 50)
        print(f"IDLE server: 1 learner, 1 file at a time, the same {len(idle.times)} files")
        line("p50 / p95 submit-to-verdict", f"{p50:.3f} s / {pct(idle.times, 95):.3f} s")
        server_side(idle)
        line("ratio p50 server / p50 CLI", f"{p50 / cli50:.2f}  (target <= 1.2)")
        agree = sum(a == b for a, (_, b) in zip(idle.status, cli_runs))
        line("same status as the CLI", f"{agree} of {len(cli_runs)}")
        for (pid, kind, path), s, (c, cs) in zip(sample, idle.times, cli_runs) if VERBOSE else ():
            print(f"    {path:<52} server {s:.3f} s  CLI {c:.3f} s ({cs})")
    if load:
        busy = (load.last - load.first) if load.times else float("nan")
        print(f"LOADED server: {LEARNERS} learners, think {THINK_MIN:g}-{THINK_MAX:g} s, "
              f"{WORKERS} workers")
        line("duration (submitting)", f"{DURATION:g} s; first submit to last verdict {busy:.1f} s")
        line("checks done", len(load.times))
        line("checks per second", f"{len(load.times) / busy:.2f}")
        line("p50 / p95 submit-to-verdict", f"{pct(load.times, 50):.3f} s / "
             f"{pct(load.times, 95):.3f} s (max {max(load.times, default=0):.3f} s)")
        server_side(load)
        line("CLI p50 / p95 (comparable files)", f"{cli50:.3f} s / {pct(cli_s, 95):.3f} s")
        line("ratio p50 server / p50 CLI", f"{pct(load.times, 50) / cli50:.2f}")
        line("429 answers seen", load.seen429)
    wrong = [w for r in recs for w in r.wrong]
    print(f"store: {len(ids)} submission ids read back")
    line("lost submissions (must be 0)", len(missing))
    print("".join(f"    lost {m}\n" for m in missing[:10]), end="")
    line("verdicts against the file's kind", len(wrong))
    print("".join(f"    {w}\n" for w in wrong[:10]), end="")
    if missing or failures:
        print(f"FAILED: {len(missing)} lost, {len(failures)} server failures", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
