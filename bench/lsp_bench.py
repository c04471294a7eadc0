#!/usr/bin/env python3
"""bench/lsp_bench.py: latency and memory of `zonelint lsp`.

Drives the real binary over its pipes as an editor would: a workspace of a
500-line zone (and a second zone it points into), the zone opened, then
edits sent one at a time (each a didChange of one character, toggling a
trailing dot so findings come and go). Measured:

- latency: from writing each change to reading its publishDiagnostics
  (the one with the change's version), over CHANGES changes: median, p95,
  max;
- memory: the server's resident set (VmRSS) at the start, middle and end of
  EDITS edits.

Usage: bench/lsp_bench.py [-c CHANGES] [-e EDITS] [-r] [ZONELINT]
  ZONELINT  the binary (default: `bazel build --config=pic_opt //:zonelint`
            is run, and bazel-bin/zonelint used)
  -r        append the figures to bench/RESULTS.md
"""
import argparse
import datetime
import json
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def zone_text(lines):
    """A zone of `lines` lines: the usual records, some with findings."""
    out = [
        "$ORIGIN bench.example.",
        "$TTL 3600",
        "@\tSOA\tns1 hostmaster 1 7200 3600 1209600 300",
        "\tNS\tns1",
        "ns1\tA\t192.0.2.1",
        "@\tMX\t10 mx.other.example.",
        '@\tTXT\t"v=spf1 include:_spf.other.example -all"',
        '_dmarc\tTXT\t"v=DMARC1; p=reject"',
    ]
    i = 0
    while len(out) < lines:
        kind = i % 4
        if kind == 0:
            out.append(f"host{i}\tA\t192.0.2.{i % 250 + 1}")
        elif kind == 1:
            out.append(f"alias{i}\tCNAME\thost{i - 1}.bench.example.")
        elif kind == 2:
            out.append(f'txt{i}\tTXT\t"some text {i}"')
        else:
            out.append(f"mail{i}\tMX\t10 host{i - 3}.bench.example.")
        i += 1
    return "\n".join(out) + "\n"


OTHER = """$ORIGIN other.example.
$TTL 3600
@\tSOA\tns1 hostmaster 1 7200 3600 1209600 300
\tNS\tns1
ns1\tA\t192.0.2.1
mx\tA\t192.0.2.25
_spf\tTXT\t"v=spf1 ip4:192.0.2.0/24 -all"
"""


class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.buf = b""

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self, timeout=30):
        """The next message from the server."""
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                length = int(self.buf[:end].split(b":")[1])
                if len(self.buf) >= end + 4 + length:
                    body = self.buf[end + 4:end + 4 + length]
                    self.buf = self.buf[end + 4 + length:]
                    return json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError("no answer from the server")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise EOFError("the server exited")
            self.buf += chunk

    def wait_publish(self, version):
        while True:
            m = self.read()
            if (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == version):
                return m["params"]["diagnostics"]

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("-c", "--changes", type=int, default=1000)
    p.add_argument("-e", "--edits", type=int, default=10000)
    p.add_argument("-r", "--record", action="store_true")
    p.add_argument("zonelint", nargs="?")
    args = p.parse_args()
    binary = args.zonelint
    if not binary:
        subprocess.run(["bazel", "build", "--config=pic_opt", "//:zonelint"],
                       cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
        binary = os.path.join(ROOT, "bazel-bin", "zonelint")
    binary = os.path.abspath(binary)

    work = tempfile.mkdtemp(prefix="zonelint-lsp-bench-")
    text = zone_text(500)
    lines = text.count("\n")
    path = os.path.join(work, "bench.example.zone")
    with open(path, "w") as f:
        f.write(text)
    with open(os.path.join(work, "other.example.zone"), "w") as f:
        f.write(OTHER)
    uri = "file://" + path

    server = Server(binary)
    server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"rootUri": "file://" + work, "capabilities": {}}})
    server.read()
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "zone",
                                             "version": 1, "text": text}}})
    first = server.wait_publish(1)

    # The edits: remove, then put back, the trailing dot of the CNAME target
    # on one line after another (a finding comes, then goes).
    cname_lines = [i for i, l in enumerate(text.split("\n")) if "\tCNAME\t" in l]
    line_lengths = [len(l) for l in text.split("\n")]
    state = {"version": 1, "n": 0}

    def edit():
        n = state["n"]
        state["n"] += 1
        line = cname_lines[(n // 2) % len(cname_lines)]
        end = line_lengths[line]
        if n % 2 == 0:
            change = {"range": {"start": {"line": line, "character": end - 1},
                                "end": {"line": line, "character": end}},
                      "text": ""}
        else:
            change = {"range": {"start": {"line": line, "character": end - 1},
                                "end": {"line": line, "character": end - 1}},
                      "text": "."}
        state["version"] += 1
        version = state["version"]
        start = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version},
                                "contentChanges": [change]}})
        diagnostics = server.wait_publish(version)
        return time.perf_counter() - start, len(diagnostics)

    latencies = []
    counts = set()
    for _ in range(args.changes):
        seconds, count = edit()
        latencies.append(seconds * 1000)
        counts.add(count)
    latencies.sort()
    median = statistics.median(latencies)
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]

    rss = [("start", server.rss_kib())]
    for i in range(args.edits):
        edit()
        if i + 1 == args.edits // 2:
            rss.append(("middle", server.rss_kib()))
    rss.append(("end", server.rss_kib()))
    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.send({"jsonrpc": "2.0", "method": "exit"})
    status = server.proc.wait(timeout=10)

    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    load = open("/proc/loadavg").read().split()[:3]
    report = f"""
## {stamp} · zonelint lsp · {lines}-line zone

- Command: `bench/lsp_bench.py -c {args.changes} -e {args.edits}` (repo at {commit or "no commit"}); machine: nproc {os.cpu_count()}, load average at start {" ".join(load)}
- Workspace: the zone and a second one its MX and SPF include point into; the zone open; each change a one-character didChange (a CNAME target's trailing dot removed or put back), sent after the previous change's diagnostics came; findings per publication: {min(counts)} to {max(counts)} (first: {len(first)})
- Latency, change written to its publishDiagnostics read, over {args.changes} changes: **median {median:.2f} ms, p95 {p95:.2f} ms, max {latencies[-1]:.2f} ms**
- Server RSS over {args.edits} further edits: start {rss[0][1] / 1024:.1f} MiB, middle {rss[1][1] / 1024:.1f} MiB, end {rss[2][1] / 1024:.1f} MiB; exit status after shutdown and exit: {status}
"""
    print(report)
    if args.record:
        with open(os.path.join(HERE, "RESULTS.md"), "a") as f:
            f.write(report)
    ok = median < 10 and status == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
