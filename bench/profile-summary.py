#!/usr/bin/env python3
"""Summarises an async-profiler collapsed-stack file (frame;frame;... count per line).

   bench/profile-summary.py bench/out/run-*/h2-profile.collapsed [top]

Prints the share of samples whose stack passes through each part of a payment's path (inclusive,
so a sample counts in every part it passes through: the JSON reader called by the REST layer counts
in both), then the hottest frames by their own samples (self time), then the hottest frames of the
project's own code (inclusive). Shares are of all samples of the file.
"""
import collections
import re
import sys

# the parts of a payment's path, by the frames that mark them (first match per part)
PARTS = [
    ("HTTP server (Vert.x, Netty)", re.compile(r"^(io/vertx|io/netty|io\.vertx|io\.netty)")),
    ("REST layer (RESTEasy Reactive)", re.compile(r"resteasy")),
    ("JSON (Jackson)", re.compile(r"com[./]fasterxml[./]jackson")),
    ("Bean validation (Hibernate Validator)", re.compile(r"org[./]hibernate[./]validator")),
    ("JWT verification (SmallRye JWT, jose4j)", re.compile(r"(smallrye[./]jwt|org[./]jose4j)")),
    ("Security identity (Quarkus security)", re.compile(r"io[./]quarkus[./]security")),
    ("Audit (request filter, entries)", re.compile(r"io[./]rmbsim[./]audit")),
    ("Payment resource", re.compile(r"io[./]rmbsim[./]payment[./]")),
    ("Sequencer thread (SingleWriter)", re.compile(r"io[./]rmbsim[./]sequencer[./]SingleWriter\.run")),
    ("  journal write (JDBC)", re.compile(r"io[./]rmbsim[./]sequencer[./]Journal\.write")),
    ("  deduplication reads (JDBC)", re.compile(r"io[./]rmbsim[./]sequencer[./]Deduplication\.forBatch")),
    ("  settlement engine", re.compile(r"io[./]rmbsim[./]settlement[./]SettlementEngine")),
    ("  answering (Responder)", re.compile(r"io[./]rmbsim[./]sequencer[./]Responder")),
    ("H2 database engine", re.compile(r"org[./]h2[./]")),
    ("PostgreSQL driver", re.compile(r"org[./]postgresql[./]")),
    ("Logging", re.compile(r"(org[./]jboss[./]logging|org[./]jboss[./]logmanager)")),
    ("Micrometer metrics", re.compile(r"io[./]micrometer")),
    ("Socket IO (read, write, select)", re.compile(r"sun[./]nio[./]ch[./](SocketDispatcher|EPoll|SocketChannelImpl)")),
    ("File IO (H2's file)", re.compile(r"sun[./]nio[./]ch[./]FileDispatcherImpl")),
]


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    # JFR's samples come in two kinds, marked on the root frame: threads running Java code ([cpu]) and
    # threads in native code ([native]: sockets, file IO, an idle event loop in epoll). Each is summed apart.
    for kind in ("cpu", "native"):
        summarise(path, top, kind)


def summarise(path, top, kind):
    total = 0
    parts = collections.Counter()
    self_time = collections.Counter()
    own = collections.Counter()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            stack, _, n = line.rpartition(" ")
            try:
                count = int(n)
            except ValueError:
                continue
            frames = stack.split(";")
            if not frames[0].endswith("[" + kind + "]"):
                continue
            total += count
            self_time[frames[-1]] += count
            for name, pattern in PARTS:
                if any(pattern.search(fr) for fr in frames):
                    parts[name] += count
            seen = set()
            for fr in frames:
                if "io/rmbsim" in fr or "io.rmbsim" in fr:
                    short = re.sub(r"_\[[a-z0-9]\]$", "", fr)
                    if short not in seen:
                        own[short] += count
                        seen.add(short)
    if total == 0:
        print(f"no {kind} samples in", path)
        return
    print(f"\n===== {total} {kind} samples in {path}"
          + (" (threads running Java code)" if kind == "cpu" else " (threads in native code: IO, waiting)"))
    print("\nParts of the path (inclusive share of all samples):")
    for name, _ in PARTS:
        if parts[name]:
            print(f"  {100.0 * parts[name] / total:5.1f} %  {name}")
    print(f"\nHottest frames by self time (top {top}):")
    for fr, n in self_time.most_common(top):
        print(f"  {100.0 * n / total:5.1f} %  {fr[:150]}")
    print(f"\nThe project's own frames, inclusive (top {top}):")
    for fr, n in own.most_common(top):
        print(f"  {100.0 * n / total:5.1f} %  {fr[:150]}")


if __name__ == "__main__":
    main()
