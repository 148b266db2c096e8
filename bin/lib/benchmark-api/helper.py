#!/usr/bin/env python3
"""Helpers of bin/benchmark-api (Python standard library only).

  free-port                         print a free TCP port on 127.0.0.1
  wait URL [request options]        poll until the request is answered with the expected status;
                                    print the milliseconds it took
  first-answer [request options] --log FILE -- COMMAND...
                                    start COMMAND in its own process group, poll until the
                                    request is answered with the expected status, print the
                                    milliseconds from the start, then stop the process group
  first-requests --base URL --key K --site S --export BODY --invalid BODY --nothing BODY
                 --repeat N --starts N [--idle S] --log FILE -- COMMAND...
                                    start the sandbox COMMAND, wait for GET /health 200, time the
                                    first request of each kind in the fresh JVM, then N more of
                                    each (the account reset through the control API before each
                                    round, untimed), then one more round after S seconds (1.5)
                                    without requests; print first, median of the later ones and
                                    their ratio per request, and the round after the pause
                                    against the same median (the control: what a pause alone
                                    costs a warm JVM), then stop the process group; with
                                    --starts N, N fresh JVMs one after the other and the medians
                                    of their first and after-pause requests
  ready-side-by-side --starts N --log-dir DIR --out FILE --contender NAME URL STATUS COMMAND [--cleanup NAME COMMAND]...
                                    issue 27's start race: N rounds, in each every contender in
                                    turn (the order rotating each round) started fresh on a free
                                    port (PORT in URL and COMMAND), timed from its start to the
                                    first STATUS of GET URL, then stopped (and its cleanup run);
                                    print each one's times, median and min-max, and write FILE
  stubs DIR REQUESTS CAPTURED       write WireMock mappings under DIR/mappings answering each
                                    request with the captured status, Content-Type and body
  nginx-conf DIR REQUESTS CAPTURED PORT
                                    write DIR/nginx.conf and DIR/list.json (the static reference)
  meta FILE KEY=VALUE...            write FILE as a JSON object of the pairs (the run's settings)
  report OUT_DIR                    print the summary table of OUT_DIR/runs.tsv and
                                    OUT_DIR/servers.tsv and write OUT_DIR/results.json

Request options: --method M --header 'Name: value' (repeatable) --data BODY --expect STATUS
--timeout SECONDS. Every loop is bounded by --timeout; nothing here talks beyond 127.0.0.1.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

POLL_SECONDS = 0.005


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def attempt(url, method, headers, data, timeout):
    """One request; the status, or None when nothing answered (refused, reset, timed out)."""
    u = urllib.parse.urlsplit(url)
    path = u.path + ("?" + u.query if u.query else "")
    try:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
        try:
            conn.request(method, path, body=data.encode() if data else None, headers=headers)
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()
    except (OSError, http.client.HTTPException):
        return None


def poll(args, t0, alive=lambda: True):
    """Retries while nothing listens; once a connection is accepted, waits for its answer as long
    as the time limit allows (a slow first answer is what is measured, and a POST is not sent
    twice because of it)."""
    headers = dict(h.split(": ", 1) for h in args.header)
    seen = []
    while time.monotonic() - t0 < args.timeout:
        if not alive():
            raise SystemExit(f"the server exited before answering {args.expect} (answers seen: {seen})")
        status = attempt(args.url, args.method, headers, args.data, max(0.1, args.timeout - (time.monotonic() - t0)))
        if status == args.expect:
            return (time.monotonic() - t0) * 1000
        if status is not None and status not in seen:
            seen.append(status)
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"no {args.expect} from {args.url} within {args.timeout} s (answers seen: {seen})")


def stop_group(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def cmd_wait(args):
    print(round(poll(args, time.monotonic())))


def cmd_first_answer(args):
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    # A SIGTERM to this helper must still stop the server it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with open(args.log, "ab") as log:
        t0 = time.monotonic()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            print(round(poll(args, t0, alive=lambda: process.poll() is None)))
        finally:
            stop_group(process)


def timed(url, method, headers, data, timeout):
    """One request: (status, milliseconds)."""
    t0 = time.monotonic()
    status = attempt(url, method, headers, data, timeout)
    return status, (time.monotonic() - t0) * 1000


def first_requests_once(args, command):
    """One fresh JVM: {kind: [first ms, later ms..., ms after --idle seconds without requests]}."""
    root = urllib.parse.urlsplit(args.base)
    origin = f"{root.scheme}://{root.netloc}"
    auth = {"Authorization": "Bearer " + args.key}
    json_auth = dict(auth, **{"Content-Type": "application/json"})
    exports = f"{args.base}/exports?site_id={args.site}"
    samples = {}

    def one(name, expect, url, method, headers, data=None):
        status, ms = timed(url, method, headers, data, args.timeout)
        if status != expect:
            raise SystemExit(f"{name}: answered {status}, expected {expect}")
        samples.setdefault(name, []).append(ms)

    def shifted(body, round_):
        # Each round asks for another range (an hour earlier), so that no round is served
        # from what an earlier one computed: the first request is compared with equals.
        fields = json.loads(body)
        if isinstance(fields.get("date_from"), int):
            fields["date_from"] -= 3600 * round_
        return json.dumps(fields)

    with open(args.log, "ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            t0 = time.monotonic()
            while attempt(origin + "/health", "GET", {}, None, 1) != 200:
                if process.poll() is not None or time.monotonic() - t0 > args.timeout:
                    raise SystemExit("the sandbox did not report ready (see " + args.log + ")")
                time.sleep(POLL_SECONDS)
            for round_ in range(args.repeat + 2):
                if round_ == args.repeat + 1:
                    # The control: the same JVM, warm, after a pause. What the pause adds to a
                    # request (idle cores waking, cold caches) is the machine's, not the JIT's.
                    time.sleep(args.idle)
                if round_ > 0 and attempt(origin + "/__admin/sandbox/reset", "POST", {}, None, args.timeout) != 200:
                    raise SystemExit("the control API's reset failed (the benchmark needs the admin API on)")
                export, invalid, nothing = (shifted(b, round_) for b in (args.export, args.invalid, args.nothing))
                # The download's uuid comes from the export request's answer.
                u = urllib.parse.urlsplit(exports)
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=args.timeout)
                t = time.monotonic()
                conn.request("POST", u.path + "?" + u.query, body=export.encode(), headers=json_auth)
                response = conn.getresponse()
                body = response.read()
                samples.setdefault("POST export (200)", []).append((time.monotonic() - t) * 1000)
                conn.close()
                if response.status != 200:
                    raise SystemExit(f"POST export: answered {response.status}: {body[:200]!r}")
                uuid = json.loads(body)["data"]["uuid"]
                one("GET download, not ready (404)", 404, f"{args.base}/exports/{uuid}?site_id={args.site}", "GET", auth)
                one("POST export again (409)", 409, exports, "POST", json_auth, export)
                one("POST invalid (400)", 400, exports, "POST", json_auth, invalid)
                one("POST nothing to export (400)", 400, exports, "POST", json_auth, nothing)
                one("GET list (200)", 200, exports, "GET", auth)
        finally:
            stop_group(process)
    return samples


def cmd_first_requests(args):
    """Issue 12's "ready means ready": the first request of each kind in a fresh JVM, against the
    median of later ones; over --starts fresh JVMs, the median of their first requests (one
    sample per JVM is mostly the machine's noise)."""
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    runs = [first_requests_once(args, command) for _ in range(args.starts)]
    print(f"    {'request':32} {'first ms (median of ' + str(args.starts) + ' JVMs: each)':>44} {'later median ms':>16} {'ratio':>6}"
          f" {'after ' + format(args.idle, 'g') + ' s idle':>16} {'ratio':>6}")
    for name in runs[0]:
        firsts = [run[name][0] for run in runs]
        later = statistics.median([ms for run in runs for ms in run[name][1:-1]])
        idle = statistics.median([run[name][-1] for run in runs])
        first = statistics.median(firsts)
        each = ", ".join(f"{ms:.1f}" for ms in firsts)
        print(f"    {name:32} {first:9.1f} ({each:>32}) {later:16.1f} {first / later:6.1f} {idle:16.1f} {idle / later:6.1f}")


def cmd_ready_side_by_side(args):
    """Issue 27: the sandbox's start to ready against WireMock's start to its first stub answer,
    interleaved in one run so that a busy machine weighs on each alike."""
    import shlex
    contenders = [(name, url, int(status), shlex.split(command)) for name, url, status, command in args.contender]
    cleanups = {name: shlex.split(command) for name, command in args.cleanup}
    times = {name: [] for name, *_ in contenders}
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    for round_ in range(args.starts):
        shift = round_ % len(contenders)
        for name, url, status, command in contenders[shift:] + contenders[:shift]:
            port = str(free_port())
            cmd = [c.replace("PORT", port) for c in command]
            poll_args = argparse.Namespace(url=url.replace("PORT", port), method="GET", header=args.header, data=None,
                                           expect=status, timeout=args.timeout)
            log_name = "".join(c if c.isalnum() or c in "._-" else "-" for c in name)
            with open(os.path.join(args.log_dir, f"{log_name}.ready.log"), "ab") as log:
                t0 = time.monotonic()
                process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                           start_new_session=True)
                try:
                    ms = poll(poll_args, t0, alive=lambda: process.poll() is None)
                finally:
                    stop_group(process)
                    if name in cleanups:
                        subprocess.run(cleanups[name], stdout=log, stderr=subprocess.STDOUT, check=False)
            times[name].append(round(ms))
    result = {}
    for name, *_ in contenders:
        values = times[name]
        result[name] = {"ms": values, "median_ms": statistics.median(values)}
        print(f"    {name:44} median {statistics.median(values):7.0f} ms  (min-max {min(values)}-{max(values)}; "
              f"each: {', '.join(str(v) for v in values)})")
    names = [name for name, *_ in contenders]
    for name in names[1:]:
        print(f"    {names[0]} / {name}: {result[names[0]]['median_ms'] / result[name]['median_ms']:.2f}")
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


def read_requests(path):
    """The request file: name, method, path, expected status, Prefer, body (tab-separated)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, method, target, expect, prefer, body = line.rstrip("\n").split("\t", 5)
            rows.append({"name": name, "method": method, "target": target, "expect": int(expect),
                         "prefer": prefer, "body": body})
    return rows


def read_captured(directory, name):
    with open(os.path.join(directory, name + ".status"), encoding="ascii") as f:
        status, content_type = f.read().rstrip("\n").split("\t", 1)
    with open(os.path.join(directory, name + ".body"), "rb") as f:
        body = f.read().decode("utf-8")
    return int(status), content_type, body


def cmd_stubs(args):
    mappings = os.path.join(args.dir, "mappings")
    os.makedirs(mappings, exist_ok=True)
    os.makedirs(os.path.join(args.dir, "__files"), exist_ok=True)
    for r in read_requests(args.requests):
        status, content_type, body = read_captured(args.captured, r["name"])
        target = urllib.parse.urlsplit(args.base_path + r["target"])
        request = {
            "method": r["method"],
            "urlPath": target.path,
            "queryParameters": {k: {"equalTo": v} for k, v in urllib.parse.parse_qsl(target.query)},
            "headers": {"Authorization": {"equalTo": "Bearer " + args.key}},
        }
        if r["body"]:
            request["bodyPatterns"] = [{"equalToJson": r["body"]}]
        mapping = {"name": r["name"], "request": request,
                   "response": {"status": status, "headers": {"Content-Type": content_type}, "body": body}}
        with open(os.path.join(mappings, r["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(mapping, f, indent=2)


def nginx_string(text):
    if "$" in text:
        raise SystemExit("an answer holds '$', which nginx would read as a variable")
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def cmd_nginx_conf(args):
    rows = read_requests(args.requests)
    list_row = rows[0]
    status, content_type, body = read_captured(args.captured, list_row["name"])
    with open(os.path.join(args.dir, "list.json"), "w", encoding="utf-8") as f:
        f.write(body)
    list_path = urllib.parse.urlsplit(args.base_path + list_row["target"]).path
    posts, downloads = [], []
    for r in rows[1:]:
        st, _, b = read_captured(args.captured, r["name"])
        line = f"      if ($http_prefer = {nginx_string(r['prefer'])}) {{ return {st} {nginx_string(b)}; }}"
        (posts if r["method"] == "POST" else downloads).append(line)
    d = os.path.abspath(args.dir)
    conf = f"""# Generated by bin/benchmark-api: the list answer as a static file, the other answers of
# the "mix" as fixed texts chosen by the Prefer header (the machine's reference, not an emulator).
worker_processes 2;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {d}/tmp/body;
  proxy_temp_path {d}/tmp/proxy;
  fastcgi_temp_path {d}/tmp/fastcgi;
  uwsgi_temp_path {d}/tmp/uwsgi;
  scgi_temp_path {d}/tmp/scgi;
  types {{ }}
  default_type {content_type};
  keepalive_requests 1000000;
  server {{
    listen 127.0.0.1:{args.port};
    location = {list_path} {{
      # GET: the static file; POST: nginx's static module refuses it with 405, sent on to @post.
      alias {d}/list.json;
      error_page 405 = @post;
    }}
    location @post {{
{chr(10).join(posts)}
      return 404;
    }}
    location {list_path}/ {{
{chr(10).join(downloads)}
      return 404;
    }}
  }}
}}
"""
    os.makedirs(os.path.join(d, "tmp"), exist_ok=True)
    with open(os.path.join(d, "nginx.conf"), "w", encoding="utf-8") as f:
        f.write(conf)


# ---------------------------------------------------------------------------------------------- report

def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def median(values):
    return statistics.median(values) if values else None


def fmt_int(v):
    return "-" if v is None else f"{v:,.0f}"


def fmt_ms(v):
    if v is None:
        return "-"
    return f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:,.0f}"


def fmt_range(lo, hi, f=fmt_int):
    return "-" if lo is None else f"{f(lo)}-{f(hi)}"


def bracket(values, f=fmt_int, prefix=""):
    """' [min-max]' over several values; nothing for one."""
    return f" [{prefix}{fmt_range(min(values), max(values), f)}]" if len(values) > 1 else ""


def ints(text):
    return [int(x) for x in text.split(",") if x]


def summarise(out_dir):
    servers = read_tsv(os.path.join(out_dir, "servers.tsv"))
    runs = read_tsv(os.path.join(out_dir, "runs.tsv")) if os.path.exists(os.path.join(out_dir, "runs.tsv")) else []
    with open(os.path.join(out_dir, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    result = {"meta": meta, "servers": []}
    for s in servers:
        entry = {"server": s["server"], "label": s["label"], "status": s["status"], "command": s["command"],
                 "start_ms": ints(s["start_ms"]), "first_export_ms": ints(s["first_export_ms"]),
                 "rss_idle_mib": float(s["rss_idle_kib"]) / 1024 if s["rss_idle_kib"] else None,
                 "rss_after_load_mib": float(s["rss_after_kib"]) / 1024 if s["rss_after_kib"] else None,
                 "workloads": {}}
        for w in ("list", "mix"):
            measured = [r for r in runs if r["server"] == s["server"] and r["workload"] == w and r["run"] != "warmup"]
            if not measured:
                continue
            num = {k: [float(r[k]) for r in measured] for k in ("rps", "p50_ms", "p90_ms", "p99_ms", "max_ms")}
            entry["workloads"][w] = {
                "runs": [{k: (float(v) if k not in ("server", "workload", "run") else v) for k, v in r.items()}
                         for r in measured],
                "rps": median(num["rps"]), "rps_min": min(num["rps"]), "rps_max": max(num["rps"]),
                "p50_ms": median(num["p50_ms"]), "p50_ms_min": min(num["p50_ms"]), "p50_ms_max": max(num["p50_ms"]),
                "p99_ms": median(num["p99_ms"]), "p99_ms_min": min(num["p99_ms"]), "p99_ms_max": max(num["p99_ms"]),
                "p90_ms": median(num["p90_ms"]), "max_ms": max(num["max_ms"]),
                "requests": sum(int(float(r["requests"])) for r in measured),
                "non2xx": sum(int(float(r["non2xx"])) for r in measured),
                "socket_errors": sum(int(float(r[k])) for r in measured for k in ("connect", "read", "write", "timeout")),
            }
        result["servers"].append(entry)
    return result


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def cmd_report(args):
    result = summarise(args.out_dir)
    meta = result["meta"]
    by_name = {s["server"]: s for s in result["servers"]}
    print()
    with open("/proc/loadavg", encoding="ascii") as f:
        meta["load_average_end"] = " ".join(f.read().split()[:3])
    print(f"Side-by-side API benchmark, {meta['date']} on {meta['machine']}; load average "
          f"{meta['load_average_start']} before the capture, {meta['load_average_end']} at the end")
    print(f"wrk -t{meta['threads']} -c{meta['connections']}, warm-up {meta['warmup_s']} s per workload, then "
          f"{meta['runs']} run(s) of {meta['duration_s']} s per workload (median, min-max in brackets); "
          f"start = median of {meta['starts']} cold start(s), process start to the first 200 of the list request")
    print()
    header = ["server", "start to first answer", "RSS idle / after load", "list rps", "list p50 / p99",
              "mix rps", "mix p50 / p99"]
    rows = []
    for s in result["servers"]:
        if s["status"] != "ok":
            rows.append([s["label"], s["status"], "", "", "", "", ""])
            continue
        cells = [s["label"]]
        st = s["start_ms"]
        cells.append(f"{fmt_int(median(st))} ms{bracket(st)}" if st else "-")
        cells.append(f"{fmt_int(s['rss_idle_mib'])} / {fmt_int(s['rss_after_load_mib'])} MiB")
        for w in ("list", "mix"):
            m = s["workloads"].get(w)
            if not m:
                cells += ["-", "-"]
                continue
            rps = [r["rps"] for r in m["runs"]]
            p99 = [r["p99_ms"] for r in m["runs"]]
            cells.append(f"{fmt_int(m['rps'])}{bracket(rps)}")
            cells.append(f"{fmt_ms(m['p50_ms'])} / {fmt_ms(m['p99_ms'])} ms{bracket(p99, fmt_ms, 'p99 ')}")
        rows.append(cells)
    print_table(header, rows)

    if float(meta["load_average_start"].split()[0]) >= 1.0:
        print()
        print("Note: the machine was busy before the benchmark started (1-minute load average "
              f"{meta['load_average_start'].split()[0]}): other work shared the cores, so these figures are "
              "not comparable with a quiet machine's.")

    problems = [f"{s['label']} {w}: {m['socket_errors']} socket errors" for s in result["servers"]
                for w, m in s["workloads"].items() if m["socket_errors"]]
    if problems:
        print()
        print("Socket errors (connect, read, write, timeout) during the measured runs: " + "; ".join(problems))

    sandbox = by_name.get("sandbox")
    if sandbox and sandbox["status"] == "ok" and sandbox["first_export_ms"]:
        print()
        fe = sandbox["first_export_ms"]
        line = (f"Process start to the first successful export request (POST /exports answered 200), sandbox: "
                f"{fmt_int(median(fe))} ms{bracket(fe)}")
        wm = next((by_name[n] for n in ("wiremock", "wiremock-nojournal")
                   if n in by_name and by_name[n]["status"] == "ok" and by_name[n]["start_ms"]), None)
        if wm:
            line += (f"; {wm['label']}, its first stub answer: {fmt_int(median(wm['start_ms']))} ms "
                     f"(sandbox/WireMock {ratio(median(fe), median(wm['start_ms'])):.2f}x)")
        print(line)

    comparisons = []
    for other, name in (("wiremock", "WireMock, defaults"), ("wiremock-nojournal", "WireMock, --no-request-journal")):
        o = by_name.get(other)
        if not (sandbox and o and sandbox["status"] == "ok" and o["status"] == "ok"):
            continue
        row = [f"sandbox / {name}"]
        for w in ("list", "mix"):
            a, b = sandbox["workloads"].get(w), o["workloads"].get(w)
            row.append(f"{ratio(a and a['rps'], b and b['rps']):.2f}x" if a and b else "-")
            row.append(f"{ratio(a['p99_ms'], b['p99_ms']):.2f}x" if a and b else "-")
        r = ratio(sandbox["rss_after_load_mib"], o["rss_after_load_mib"])
        row.append("-" if r is None else f"{r:.2f}x")
        r = ratio(median(sandbox["start_ms"]), median(o["start_ms"]))
        row.append("-" if r is None else f"{r:.2f}x")
        comparisons.append(row)
    if comparisons:
        print()
        print_table(["ratio", "list rps", "list p99", "mix rps", "mix p99", "RSS after load", "start"], comparisons)
        print("(rps: above 1 means the sandbox is faster; p99, RSS, start: below 1 means the sandbox is lower)")

    print()
    print("Commands (PORT: a free port):")
    for s in result["servers"]:
        print(f"  {s['server']}: {s['command']}")

    with open(os.path.join(args.out_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print()
    print(f"Machine-readable: {os.path.join(args.out_dir, 'results.json')} (every run: runs.tsv; wrk and server logs beside them)")


def print_table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    for r in [header, ["-" * w for w in widths]] + rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("free-port")
    for name in ("wait", "first-answer"):
        q = sub.add_parser(name)
        q.add_argument("url")
        q.add_argument("--method", default="GET")
        q.add_argument("--header", action="append", default=[])
        q.add_argument("--data", default=None)
        q.add_argument("--expect", type=int, default=200)
        q.add_argument("--timeout", type=float, default=60)
        if name == "first-answer":
            q.add_argument("--log", required=True)
            q.add_argument("command", nargs=argparse.REMAINDER)
    q = sub.add_parser("first-requests")
    for a in ("base", "key", "site", "export", "invalid", "nothing", "log"):
        q.add_argument("--" + a, required=True)
    q.add_argument("--repeat", type=int, default=20)
    q.add_argument("--starts", type=int, default=1)
    q.add_argument("--idle", type=float, default=1.5)
    q.add_argument("--timeout", type=float, default=60)
    q.add_argument("command", nargs=argparse.REMAINDER)
    q = sub.add_parser("ready-side-by-side")
    q.add_argument("--starts", type=int, default=5)
    q.add_argument("--timeout", type=float, default=60)
    q.add_argument("--log-dir", required=True)
    q.add_argument("--out", required=True)
    q.add_argument("--header", action="append", default=[])
    q.add_argument("--contender", nargs=4, action="append", required=True,
                   metavar=("NAME", "URL", "STATUS", "COMMAND"))
    q.add_argument("--cleanup", nargs=2, action="append", default=[], metavar=("NAME", "COMMAND"))
    q = sub.add_parser("stubs")
    for a in ("dir", "requests", "captured"):
        q.add_argument(a)
    q.add_argument("--base-path", default="/api/v1/core")
    q.add_argument("--key", default="sk_test_enterprise")
    q = sub.add_parser("nginx-conf")
    for a in ("dir", "requests", "captured", "port"):
        q.add_argument(a)
    q.add_argument("--base-path", default="/api/v1/core")
    q = sub.add_parser("meta")
    q.add_argument("file")
    q.add_argument("pairs", nargs="*")
    q = sub.add_parser("report")
    q.add_argument("out_dir")
    args = p.parse_args()
    if args.cmd == "free-port":
        print(free_port())
    elif args.cmd == "meta":
        with open(args.file, "w", encoding="utf-8") as f:
            pairs = dict(pair.split("=", 1) for pair in args.pairs)
            json.dump({k: int(v) if v.isdigit() else v for k, v in pairs.items()}, f, indent=1)
    else:
        {"wait": cmd_wait, "first-answer": cmd_first_answer, "first-requests": cmd_first_requests,
         "ready-side-by-side": cmd_ready_side_by_side, "stubs": cmd_stubs,
         "nginx-conf": cmd_nginx_conf, "report": cmd_report}[args.cmd](args)


if __name__ == "__main__":
    main()
