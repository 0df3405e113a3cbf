#!/usr/bin/env python3
"""Sign-up contention: N volunteers sign up to the same task at once, task after task.

    signups.py --base http://127.0.0.1:PORT --password PW --stats STATS.json

STATS.json is gen_data.py's statistics (volunteer_emails, signup_task_ids). Every volunteer
logs in once (POST /api/v1/auth/login, each from its own X-Forwarded-For address, so the
server must run with TRUST_FORWARDED_FOR=true to keep the per-IP login limit out of the
way), then keeps one keep-alive connection. For each task, all volunteers wait at a barrier
and send POST /api/v1/tasks/{id}/signups together; the next task starts when every answer is
in. Prints JSON: sign-ups per second (all sign-ups over the summed round times), latency
percentiles, and the counts of HTTP codes and sign-up statuses.
"""

import argparse
import http.client
import json
import threading
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--stats", required=True)
    ap.add_argument("--tasks", type=int, default=0, help="use only the first N tasks")
    a = ap.parse_args()
    with open(a.stats) as f:
        stats = json.load(f)
    emails = stats["volunteer_emails"]
    task_ids = stats["signup_task_ids"][: a.tasks or None]
    url = urllib.parse.urlparse(a.base)

    def conn():
        return http.client.HTTPConnection(url.hostname, url.port, timeout=120)

    tokens = []
    t_login = time.perf_counter()
    for i, email in enumerate(emails):
        c = conn()
        c.request("POST", "/api/v1/auth/login", json.dumps({"email": email, "password": a.password}),
                  {"Content-Type": "application/json", "X-Forwarded-For": f"10.{i // 250}.{i % 250}.1"})
        r = c.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit(f"login of {email} failed: {r.status} {body[:300]!r}")
        tokens.append(json.loads(body)["access_token"])
        c.close()
    login_s = time.perf_counter() - t_login

    n = len(tokens)
    start = threading.Barrier(n + 1)
    done = threading.Barrier(n + 1)
    results = [[] for _ in range(n)]  # (task, http status, signup status, seconds)
    current = {"task": None}

    def volunteer(i):
        c = conn()
        headers = {"Authorization": f"Bearer {tokens[i]}", "Content-Length": "0"}
        while True:
            start.wait()
            task = current["task"]
            if task is None:
                break
            t0 = time.perf_counter()
            try:
                c.request("POST", f"/api/v1/tasks/{task}/signups", None, headers)
                r = c.getresponse()
                body = r.read()
                status = r.status
            except (OSError, http.client.HTTPException):
                c.close()
                c = conn()
                status, body = 0, b""
            dt_s = time.perf_counter() - t0
            try:
                signup_status = json.loads(body).get("status") if status == 201 else None
            except ValueError:
                signup_status = None
            results[i].append((task, status, signup_status, dt_s))
            done.wait()
        c.close()

    threads = [threading.Thread(target=volunteer, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    rounds = []
    for task in task_ids:
        current["task"] = task
        start.wait()
        t0 = time.perf_counter()
        done.wait()
        rounds.append(time.perf_counter() - t0)
    current["task"] = None
    start.wait()
    for t in threads:
        t.join()

    flat = sorted(r[3] for rs in results for r in rs)
    codes, statuses = {}, {}
    for rs in results:
        for _, code, st, _ in rs:
            codes[str(code)] = codes.get(str(code), 0) + 1
            statuses[str(st)] = statuses.get(str(st), 0) + 1

    def pct(p):
        return 1000 * flat[min(len(flat) - 1, int(p * len(flat)))]

    total = sum(rounds)
    print(json.dumps({
        "volunteers": n, "tasks": len(task_ids), "signups": len(flat), "seconds": total,
        "signups_per_s": len(flat) / total, "p50_ms": pct(0.5), "p99_ms": pct(0.99),
        "max_ms": 1000 * flat[-1], "round_ms_median": 1000 * sorted(rounds)[len(rounds) // 2],
        "http_codes": codes, "statuses": statuses, "login_seconds": login_s}))


if __name__ == "__main__":
    main()
